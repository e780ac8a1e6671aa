"""Every broken input of the corpus, through the commands an editor runs: `make check`
(python -m explainer check), `make site` (mkdocs build --strict) and `make serve` (mkdocs serve).
Each must print the exact located message, exit non-zero without a traceback, and write nothing;
serve must keep serving the last good site and recover when the file is fixed."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from markupsafe import escape

from corpus import CASES, RAW_CASES
from explainer.cli import main
from helpers import ROOT

ALL = [(n, f, c.encode("utf-8") if isinstance(c, str) else c, e) for n, f, c, e in CASES + RAW_CASES]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}


def _break(project: Path, file: str, content: bytes) -> bytes | None:
    path = project / "docs" / file
    old = path.read_bytes() if path.exists() else None
    path.write_bytes(content)
    return old


def _restore(project: Path, file: str, old: bytes | None) -> None:
    path = project / "docs" / file
    if old is None:
        path.unlink()
    else:
        path.write_bytes(old)


def test_corpus_size() -> None:
    assert len(ALL) >= 40


@pytest.mark.parametrize("name,file,content,expected", ALL, ids=[c[0] for c in ALL])
def test_check_command(project: Path, name: str, file: str, content: bytes, expected: str,
                       capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """`explainer check docs` as an editor runs it (in this process: test_cli.py runs the command itself)."""
    _break(project, file, content)
    monkeypatch.chdir(project)
    assert main(["check", "docs"]) == 1
    stderr = capsys.readouterr().err
    assert "Traceback" not in stderr
    assert expected in stderr.splitlines()


@pytest.mark.slow
@pytest.mark.parametrize("name,file,content,expected", ALL, ids=[c[0] for c in ALL])
def test_build_command(project: Path, name: str, file: str, content: bytes, expected: str) -> None:
    _break(project, file, content)
    site = project / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                            env=ENV, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr  # MkDocs prints an aborted build's message on stdout
    assert result.returncode == 1
    assert "Traceback" not in output
    assert expected in output.splitlines()
    assert not site.exists()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, Path]]:
    import shutil

    from helpers import FIXTURE

    project = tmp_path_factory.mktemp("serve") / "suez"
    shutil.copytree(FIXTURE, project)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = project / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                                env=ENV, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}/suez-2021/places/suez/"
        try:
            _wait(lambda: "Suez" in _get(url), "the first build")
            yield project, url, log
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait(ready: object, what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not ready():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


@pytest.mark.slow
@pytest.mark.parametrize("name,file,content,expected", ALL, ids=[c[0] for c in ALL])
def test_serve_keeps_last_good_site(served: tuple[Path, str, Path], name: str, file: str, content: bytes,
                                    expected: str) -> None:
    project, url, log = served
    seen = len(log.read_bytes())
    old = _break(project, file, content)
    try:
        _wait(lambda: expected in log.read_bytes()[seen:].decode("utf-8", "replace"), f"the message {expected!r}")
        assert "Traceback" not in log.read_bytes()[seen:].decode("utf-8", "replace")
        assert "Ismailia" in _get(url.replace("/suez/", "/ismailia/"))  # the last good site is still served
        # ... with the located errors in a panel at the top of every page
        _wait(lambda: "Your last edit was not applied" in _get(url), "the error panel")
        assert str(escape(expected)) in _get(url)
        mark = len(log.read_bytes())
    finally:
        _restore(project, file, old)
    _wait(lambda: "explainer: 4 events" in log.read_bytes()[mark:].decode("utf-8", "replace"),
          "the fixed build: " + log.read_bytes()[-2000:].decode("utf-8", "replace"))
    _wait(lambda: "Suez" in _get(url) and "Your last edit was not applied" not in _get(url), "the panel to go")
