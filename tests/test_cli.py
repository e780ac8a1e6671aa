"""The command line as editors meet it: `make check` output, exit codes, no tracebacks."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import ROOT


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    return subprocess.run([sys.executable, "-m", "explainer", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_check_valid(project: Path) -> None:
    result = run("check", "docs", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("explainer: docs is valid: 4 events, 3 actors, 3 places")


def test_check_invalid_lists_every_problem(project: Path) -> None:
    (project / "docs" / "places" / "suez.yml").write_text("name: Suez\nkind: town\nlat: 99\nlon: 1\n")
    (project / "docs" / "glossary" / "dredging.yml").write_text("term: [\n")
    result = run("check", "docs", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "docs/glossary/dredging.yml:2: expected valid YAML, found a syntax error: did not find expected node content",
        "docs/places/suez.yml:2: kind: expected one of city, checkpoint, site, region, found 'town'",
        "docs/places/suez.yml:3: lat: expected a number from -90 to 90, found 99",
        "explainer: 3 problems found; nothing was written",
    ]


def test_render_writes_pages_without_mkdocs(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "pages"
    result = run("render", "docs", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("explainer: 4 events, 3 actors, 3 places, 2 terms, 2 sources -> ")
    assert (out / "events" / "2021-03-29-ship-refloated.md").is_file()
    assert (out / "glossary.md").is_file()


def test_render_refuses_bad_data_and_writes_nothing(project: Path, tmp_path: Path) -> None:
    (project / "docs" / "places" / "suez.yml").write_text("name: Suez\n")
    out = tmp_path / "pages"
    result = run("render", "docs", str(out), cwd=project)
    assert result.returncode == 1 and not out.exists()
