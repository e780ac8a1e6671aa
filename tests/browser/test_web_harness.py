"""The checks themselves can fail: a page with every fault the suite looks for, and a site with broken links."""
from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest
from browsing import LocalServer, is_local, keyboard_problems, open_page, run_axe
from playwright.sync_api import Browser
from sitecheck import Site

BAD_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bad</title>
<link rel="stylesheet" href="https://cdn.example.org/x.css">
<style>.faint { color: #bbb; } a.bare:focus-visible { outline: none; } .ghost { opacity: 0; } .wide { width: 2000px; }</style>
</head><body><article><h1>Bad page</h1>
<p class="faint">Grey on white, too faint to read.</p>
<p><a class="bare" href="#x">no ring</a> <a class="ghost" href="#y">invisible</a></p>
<svg width="100" height="30" role="img" aria-label="x"><a href="#z"><text x="200" y="20">clipped away</text></a></svg>
<img src="missing.png" alt="">
<div class="wide">wide</div>
<script>console.error("boom")</script>
</article></body></html>"""


@pytest.fixture
def bad_page(tmp_path: Path) -> Path:
    page = tmp_path / "bad.html"
    page.write_text(BAD_PAGE)
    return page


@pytest.mark.browser
def test_a_faulty_page_fails_every_check(browser: Browser, bad_page: Path) -> None:
    with open_page(browser, bad_page.as_uri(), "file:", width=375) as (page, visit):
        axe = run_axe(page)
        keys = keyboard_problems(page)
    assert visit.h1 == "Bad page"
    assert visit.outside_requests == ["https://cdn.example.org/x.css"]
    assert any("boom" in e for e in visit.console_errors)
    assert any("missing.png" in r for r in visit.failed_requests)
    assert visit.overflow_px > 1000
    assert any(line.startswith("color-contrast") for line in axe), axe
    assert any("no focus ring: a.bare" in k for k in keys), keys
    assert any("not visible: a.ghost" in k for k in keys), keys
    assert any("not visible: a[href=#z]" in k for k in keys), keys  # clipped by its <svg>


@pytest.mark.browser
def test_the_server_serves_under_the_prefix_with_a_real_404(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("home")
    (tmp_path / "404.html").write_text("lost")
    server = LocalServer(tmp_path, "/x/")
    try:
        assert urllib.request.urlopen(server.base).read() == b"home"
        for missing in (server.base + "nope/", server.origin + "/index.html"):
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(missing)
            assert err.value.code == 404 and err.value.read() == b"lost"
    finally:
        server.close()


def test_local_means_the_server_or_the_disk() -> None:
    assert is_local("http://127.0.0.1:8000/a.css", "http://127.0.0.1:8000")
    assert not is_local("http://127.0.0.1:8001/a.css", "http://127.0.0.1:8000")
    assert not is_local("https://unpkg.com/iframe-worker/shim", "file:")
    assert is_local("file:///tmp/a.css", "file:") and is_local("data:image/svg+xml,<svg/>", "file:")


def _site(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_the_crawler_finds_broken_links_anchors_and_outside_assets(tmp_path: Path) -> None:
    site = _site(tmp_path, {
        "index.html": '<a href="a/">ok</a><a href="a/#top">ok</a><a href="a/#nowhere">x</a><a href="b/">x</a>'
                      '<script src="https://cdn.example.org/x.js"></script><a href="https://example.org/">ok</a>'
                      '<img src="/site/missing.png">',
        "a/index.html": '<h1 id="top">A</h1><link rel="stylesheet" href="../s.css">',
        "s.css": "body { background: url(gone.png) }",
    })
    problems = Site(site, "/site/").problems()
    assert len(problems) == 5, problems
    assert any("a/#nowhere" in p and "no element with id 'nowhere'" in p for p in problems)
    assert any("b/" in p and "no such file" in p for p in problems)
    assert any("cdn.example.org" in p and "another host" in p for p in problems)
    assert any("missing.png" in p for p in problems)
    assert any("gone.png" in p for p in problems)


def test_the_crawler_knows_what_breaks_from_disk(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.html": '<a href="a/">folder</a><a href="/a/index.html">root</a><a href="a/index.html">ok</a>',
                            "a/index.html": "A"})
    problems = Site(site, offline=True).problems()
    assert len(problems) == 2, problems
    assert "folder listing" in problems[0] and "root-absolute" in problems[1]
