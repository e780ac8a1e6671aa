"""Integration: build real sites with strict=True and read the result."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from explainer.build import build_explainer
from helpers import FLAGSHIP_LANGUAGES, ROOT, build_site


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.h1: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"] or "")
        self._in_h1 = tag == "h1" or self._in_h1

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1.append(data)


def parse(path: Path) -> Links:
    p = Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def broken_links(site: Path) -> list[str]:
    """Every internal link and anchor of every page must resolve."""
    pages = {p: parse(p) for p in site.rglob("*.html") if p.name != "404.html"}
    broken = []
    for page, links in pages.items():
        for href in links.hrefs:
            if re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            path, _, anchor = href.partition("#")
            target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {href}")
            elif anchor and target.suffix == ".html" and anchor not in pages[target].ids:
                broken.append(f"{page.relative_to(site)} -> {href} (no anchor)")
    return broken


@pytest.fixture(scope="module")
def flagship(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("flagship")
    assert build_site(ROOT / "mkdocs.yml", site) == []
    return site


def test_flagship_has_a_page_per_thing(flagship: Path) -> None:
    model = build_explainer(ROOT / "docs", languages=FLAGSHIP_LANGUAGES)
    for kind, items in (("events", model.events), ("actors", model.actors), ("places", model.places),
                        ("glossary", model.terms), ("sources", model.sources), ("timelines", model.timelines)):
        for ident in items:
            assert (flagship / kind / ident / "index.html").is_file(), f"{kind}/{ident}"
    for index in ("actors", "places", "glossary", "sources", "events", "timeline"):
        assert (flagship / index / "index.html").is_file()
    assert (flagship / "index.html").is_file()


def test_flagship_links_resolve(flagship: Path) -> None:
    assert broken_links(flagship) == []


def test_flagship_cross_links(flagship: Path) -> None:
    model = build_explainer(ROOT / "docs", languages=FLAGSHIP_LANGUAGES)
    for event in model.events.values():
        page = parse(flagship / "events" / event.id / "index.html")
        for actor in event.actors:
            assert f"../../actors/{actor}/" in page.hrefs
        for c in event.citations:
            assert f"../../sources/{c.source}/" in page.hrefs
        assert "".join(page.h1).strip() == event.title
    for actor in model.actors:
        page = parse(flagship / "actors" / actor / "index.html")
        for e in model.events_of("actors", actor):
            assert f"../../events/{e.id}/" in page.hrefs


def test_edit_links_point_at_yaml(flagship: Path) -> None:
    """The flagship has no real repository yet: no page has an "Edit" link (test_paths… checks them with one)."""
    html = next((flagship / "events").glob("*/index.html")).read_text()
    assert "/edit/main/docs/" not in html and "md-content__button" not in html


@pytest.mark.slow  # builds a whole site
def test_paths_are_right_with_a_relative_config_path(project: Path) -> None:
    """`mkdocs build -f mkdocs.yml`, as `make site` runs it: MkDocs then gives the config's path relative to
    the working folder; edit links and editors' messages must still name docs/<kind>/<file>.yml."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    config = project / "mkdocs.yml"
    text = config.read_text().replace("  font: false\n", "  font: false\n  features:\n    - content.action.edit\n", 1)
    config.write_text(text + "repo_url: https://github.com/newsroom/explainers\nedit_uri: edit/main/docs/\n")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site"]
    run = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    html = (project / "site" / "glossary" / "dredging" / "index.html").read_text()
    assert 'href="https://github.com/newsroom/explainers/edit/main/docs/glossary/dredging.yml"' in html
    event = project / "docs" / "events" / "2021-03-23-ever-given-runs-aground.yml"
    event.write_text(event.read_text() + "titel: x\n")
    run = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 1
    assert "docs/events/2021-03-23-ever-given-runs-aground.yml:" in run.stdout + run.stderr
    assert str(project) not in run.stdout + run.stderr


def test_data_pages_stay_out_of_the_nav(flagship: Path) -> None:
    html = (flagship / "index.html").read_text()
    nav = html[html.index('class="md-nav md-nav--primary"'):html.index("md-sidebar--secondary")]
    assert "/events/2" not in nav and "actors/alyaksandr" not in nav


def test_second_explainer_builds(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build_site(project / "mkdocs.yml", site) == []
    assert broken_links(site) == []
    page = (site / "events" / "2021-03-23-ever-given-runs-aground" / "index.html").read_text()
    assert '<em><a class="x-autolink" href="../../actors/ever-given/"' in page  # Markdown, then the linker
    assert '<time datetime="2021-03-23">23 March 2021</time>' in page
    assert "24–28 March 2021" in (site / "events" / "index.html").read_text()
    assert "c. July 2021" in (site / "timeline" / "index.html").read_text()


def test_offline_style_urls(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build_site(project / "mkdocs.yml", site, use_directory_urls=False) == []
    assert broken_links(site) == []
    assert (site / "events" / "2021-03-23-ever-given-runs-aground.html").is_file()


def test_bad_data_stops_the_build_before_writing(project: Path, tmp_path: Path) -> None:
    (project / "docs" / "places" / "suez.yml").write_text("name: Suez\nkind: city\nlat: 99\nlon: 1\n")
    site = tmp_path / "site"
    with pytest.raises(Abort, match=r"docs/places/suez.yml:3: lat: expected a number from -90 to 90, found 99"):
        build_site(project / "mkdocs.yml", site)
    assert not site.exists()


def test_hand_written_page_wins(project: Path, tmp_path: Path) -> None:
    (project / "docs" / "glossary.md").write_text("# Our own glossary\n")
    site = tmp_path / "site"
    assert build_site(project / "mkdocs.yml", site) == []
    assert "Our own glossary" in (site / "glossary" / "index.html").read_text()


def test_hostile_title_is_escaped_everywhere(project: Path, tmp_path: Path) -> None:
    evil = '</title><script>alert(1)</script>"><img src=x onerror=alert(2)>'
    path = project / "docs" / "events" / "2021-03-29-ship-refloated.yml"
    path.write_text(path.read_text().replace("title: The ship is refloated", "title: '" + evil.replace("'", "''") + "'"))
    site = tmp_path / "site"
    assert build_site(project / "mkdocs.yml", site) == []
    for page in site.rglob("*.html"):
        html = page.read_text()
        assert "<script>alert" not in html and "<img src=x" not in html, page


def test_links_to_anchors_in_generated_pages_are_checked(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Generated HTML is kept out of Markdown (render/stash.py), yet MkDocs still knows its anchors: a link to
    one that exists passes, a link to one that does not is warned about (and stops a strict build)."""
    (project / "docs" / "notes.md").write_text(
        "# Notes\n\nSee [the letter D](glossary.md#letter-d) and [the letter Q](glossary.md#letter-q).\n"
    )
    with pytest.raises(Abort, match="1 warnings"):
        build_site(project / "mkdocs.yml", tmp_path / "site", validation={"anchors": "warn"})
    warned = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warned) == 1 and "#letter-q" in warned[0], warned
