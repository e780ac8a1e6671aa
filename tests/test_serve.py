"""`mkdocs serve` is never stale: after a series of saves (edit, add, rename and delete files of several kinds,
edit a hand-written page and a translation, a map's geometry, a theme template and mkdocs.yml), every file served
is what a fresh `mkdocs build` of the same files gives, but for the live-reload script MkDocs puts into each HTML
page. What `mkdocs serve` keeps between rebuilds (converted.py, reuse.py, render/maps.py) is checked so."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from helpers import FIXTURE, ROOT, build_site

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
LIVERELOAD = re.compile(r"<script>\nvar livereload = function.*?livereload\(\d+, \d+\);\n</script>", re.S)
EVENT = "docs/events/2021-03-23-ever-given-runs-aground.yml"
GEOMETRY = """{"type": "FeatureCollection", "frame": [31.5, 29.5, 33.5, 31.5], "credit": "Test shapes", "features": [
{"type": "Feature", "properties": {"kind": "country", "iso": "EG", "name": "Egypt", "role": "subject"}, "geometry":
{"type": "Polygon", "coordinates": [[[31.6, 29.6], [33.4, 29.6], [33.4, 31.4], [31.6, 31.4], [31.6, 29.6]]]}}]}
"""


def fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
            return bytes(response.read())
    except OSError:
        return None


@pytest.fixture
def serving(project: Path) -> Iterator[tuple[Path, str, Callable[[Callable[[], object]], None]]]:
    """The fixture explainer with its Ukrainian edition, served with `serve_languages: [uk]`; yields the project,
    the served address and a call that waits for the rebuild a save started."""
    shutil.copytree(FIXTURE.parent / "suez-uk" / "docs", project / "docs", dirs_exist_ok=True)
    (project / "docs" / "maps").mkdir()  # a map with its geometry, and a theme template of the project's own
    (project / "docs" / "maps" / "canal.geojson").write_text(GEOMETRY, encoding="utf-8")
    (project / "docs" / "maps" / "canal.yml").write_text("title: The canal\ngeometry: canal.geojson\n", encoding="utf-8")
    (project / "overrides" / "partials").mkdir(parents=True)
    (project / "overrides" / "partials" / "copyright.html").write_text("<div>Footer one</div>\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - explainer\n", "  - explainer:\n      languages: [en, uk]\n      serve_languages: [uk]\n      pdf: false\n"
    ).replace("  font: false\n", "  font: false\n  custom_dir: overrides\nwatch: [overrides]\n"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = project / "serve.log"
    base = f"http://127.0.0.1:{port}/suez-2021/"

    def reloads() -> int:
        return log.read_text(encoding="utf-8", errors="replace").count("Reloading browsers")

    def settled(step: Callable[[], object]) -> None:
        """Save (`step`), then wait until MkDocs has reloaded the browsers after a rebuild and its log has been
        quiet for 3 s (a save made while a build runs is taken by the next build)."""
        before, deadline = reloads(), time.monotonic() + 180
        step()
        size, since = log.stat().st_size, time.monotonic()
        while reloads() == before or time.monotonic() - since < 3:
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")[-3000:]
            if log.stat().st_size != size:
                size, since = log.stat().st_size, time.monotonic()
            time.sleep(0.1)

    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                                env=ENV, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 120
            while fetch(base) is None:
                assert time.monotonic() < deadline and proc.poll() is None, log.read_text(encoding="utf-8")
                time.sleep(0.2)
            yield project, base, settled
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.slow
def test_serve_is_never_stale(serving: tuple[Path, str, Callable[[Callable[[], object]], None]], tmp_path: Path) -> None:
    project, base, settled = serving
    docs = project / "docs"
    steps: list[Callable[[], object]] = [
        lambda: edit(project / EVENT, "title: The Ever Given runs aground", "title: The Ever Given is stuck fast"),
        lambda: (docs / "events" / "2021-03-25-tugs-arrive.yml").write_text(
            "title: Tugs arrive from Rotterdam\ndate: 2021-03-25\nsummary: More tugs reach the Ever Given.\n"
            "actors: [ever-given]\nplaces: [suez]\nsources:\n  - source: bbc-2021-03-29\n", encoding="utf-8"),
        lambda: (docs / "events" / "2021-03-25-tugs-arrive.yml").rename(docs / "events" / "2021-03-26-tugs-arrive.yml"),
        lambda: edit(docs / "actors" / "ever-given.yml", "aliases: [MV Ever Given]", "aliases: [MV Ever Given, the ship]"),
        lambda: edit(docs / "glossary" / "dredging.yml", "short: ", "short: Deepening a waterway. "),
        lambda: edit(docs / "index.md", "# ", "# Blocked: "),
        lambda: edit(docs / "events" / "2021-03-23-ever-given-runs-aground.uk.yml", "title: ", "title: Увага! "),
        lambda: (docs / "events" / "2021-03-26-tugs-arrive.yml").unlink(),
        lambda: edit(docs / "places" / "suez.yml", "name: Suez", "name: Suez city"),
        lambda: edit(docs / "maps" / "canal.geojson", '"credit": "Test shapes"', '"credit": "Shapes redrawn"'),
        lambda: edit(docs / "maps" / "canal.geojson", "[33.4, 31.4]", "[33.2, 31.3]"),
        lambda: edit(project / "overrides" / "partials" / "copyright.html", "Footer one", "Footer two"),
        lambda: edit(project / "mkdocs.yml", 'site_name: "The Suez', 'site_name: "Blocked: the Suez'),
    ]
    for step in steps:
        settled(step)
    site = tmp_path / "fresh"
    assert build_site(project / "mkdocs.yml", site, site_url=base) == []
    stale, checked = [], 0
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"):
        rel = path.relative_to(site).as_posix()
        served = fetch(base + rel)
        assert served is not None, rel
        if path.suffix == ".html":
            served = LIVERELOAD.sub("", served.decode("utf-8")).encode("utf-8")
        checked += 1
        if served != path.read_bytes():
            stale.append(rel)
    assert checked > 100 and stale == [], stale
    page = fetch(base + "actors/ever-given/")
    assert page is not None and b"The Ever Given is stuck fast" in page and b"Tugs arrive" not in page
    uk = fetch(base + "uk/events/2021-03-23-ever-given-runs-aground/")
    assert uk is not None and "Увага! ".encode() in uk
    for address in ("", "places/suez/", "uk/glossary/dredging/"):  # the last template, site name and map shown
        shown = fetch(base + address) or b""
        assert b"Footer two" in shown and (address.startswith("uk/") or b"Blocked: the Suez" in shown), address
    assert b"Shapes redrawn" in (fetch(base + "map/") or b"")


def test_serve_previews_only_the_editions_asked_for(project: Path) -> None:
    from explainer.editions import editions_built, language_problem

    assert editions_built(["en", "uk", "be"], [], "build") == ["uk", "be"]
    assert editions_built(["en", "uk", "be"], ["be"], "serve") == ["be"]
    assert editions_built(["en", "uk", "be"], [], "serve") == []
    assert language_problem(["en", "uk"], ["be"]) == (
        "serve_languages: expected editions listed in languages after the first, found 'be'")
    assert language_problem(["en", "UK"], []).startswith("languages: expected language codes")
