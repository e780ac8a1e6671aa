"""Nothing lost: a failed or killed build keeps the last good site; builds are reproducible."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import ROOT

SCRIPT = ROOT / "scripts" / "build_site.py"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1",
       "SOURCE_DATE_EPOCH": "1606348800"}

pytestmark = pytest.mark.slow  # every test here builds sites in subprocesses



def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build(project: Path, site: str = "site") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), "-d", site], cwd=project, env=ENV, capture_output=True,
                          text=True, timeout=300)


def test_failed_build_keeps_the_last_good_site(project: Path) -> None:
    assert build(project).returncode == 0
    before = digest(project / "site")
    (project / "docs" / "places" / "suez.yml").write_text("name: Suez\nkind: city\nlat: 99\nlon: 1\n")
    result = build(project)
    assert result.returncode == 1
    assert "docs/places/suez.yml:3: lat: expected a number from -90 to 90, found 99" in result.stdout + result.stderr
    assert digest(project / "site") == before
    assert not (project / ".site.new").exists()


def test_killed_build_keeps_the_last_good_site(project: Path) -> None:
    assert build(project).returncode == 0
    before = digest(project / "site")
    (project / "docs" / "index.md").write_text("# Changed\n")
    proc = subprocess.Popen([sys.executable, str(SCRIPT), "-d", "site"], cwd=project, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    while not (project / ".site.new").exists() and proc.poll() is None:  # until MkDocs has started writing
        time.sleep(0.01)
    assert proc.poll() is None, "the build ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the script and the MkDocs build it runs
    proc.wait()
    assert digest(project / "site") == before


def test_two_builds_are_byte_identical(project: Path) -> None:
    assert build(project, "one").returncode == 0
    assert build(project, "two").returncode == 0
    assert digest(project / "one") == digest(project / "two")
