"""Hostile text in every field, built into a site and opened in Chromium: nothing from the data runs.

Every page of the hostile explainer (tests/hostile.py) is opened over HTTP with dialogs, script errors and
the payloads' own marks watched; the search box is fed a payload; the map, timeline, JSON-LD, search
index and data downloads are all part of the pages visited."""
from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import LocalServer, open_page
from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from helpers import FIXTURE, build_site  # noqa: E402
from hostile import MARK, PAYLOADS, write_hostile  # noqa: E402

CHECK = f"""() => ({{
  ran: typeof window.{MARK} !== "undefined" || typeof window.parent.{MARK} !== "undefined",
  marked: document.querySelectorAll("#{MARK}").length,
  handlers: [...document.querySelectorAll("*")].filter(el => [...el.attributes].some(a => /^on/i.test(a.name)))
             .map(el => el.tagName).slice(0, 5),
  jsLinks: [...document.querySelectorAll("[href],[src],[action]")].map(el => el.getAttribute("href") ||
            el.getAttribute("src") || el.getAttribute("action")).filter(u => /^\\s*(javascript|data|vbscript):/i.test(u)),
  frames: document.querySelectorAll("iframe, object, embed").length,
}})"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LocalServer, list[str], int]]:
    root = tmp_path_factory.mktemp("hostile-browser") / "explainer"
    shutil.copytree(FIXTURE, root)
    config = root / "mkdocs.yml"
    fields = write_hostile(root / "docs")
    site = root / "site"
    assert build_site(config, site) == []
    pages = sorted(str(p.relative_to(site).parent.as_posix()) + "/" for p in site.rglob("index.html"))
    server = LocalServer(site, "/suez-2021/")
    yield server, [p.removeprefix("./") for p in pages], fields
    server.close()


def test_no_payload_runs_on_any_page(hostile: tuple[LocalServer, list[str], int], browser: Browser) -> None:
    server, pages, fields = hostile
    assert len(pages) > 100 and fields >= 700
    ran = []
    for path in pages:
        url = server.base + ("" if path == "/" else path)
        with open_page(browser, url, server.origin) as (page, visit):
            dialogs: list[str] = []
            page.on("dialog", lambda d, seen=dialogs: (seen.append(d.message), d.dismiss()))
            page.mouse.move(400, 300)
            page.wait_for_timeout(50)
            found = page.evaluate(CHECK)
            if found["ran"] or found["marked"] or found["handlers"] or found["jsLinks"] or found["frames"] \
                    or dialogs or visit.page_errors:
                ran.append((path, found, dialogs, visit.page_errors))
            assert visit.status == 200, url
    assert ran == []


def test_search_results_show_payloads_as_text(hostile: tuple[LocalServer, list[str], int], browser: Browser) -> None:
    server, _, _ = hostile
    with open_page(browser, server.base, server.origin) as (page, _visit):
        page.wait_for_function("() => /Type to start/.test(document.querySelector('.md-search-result__meta').textContent)")
        box = page.locator("input.md-search__input")
        box.click()
        box.fill("script window pwned")
        box.press("End")
        page.wait_for_function("() => /matching/i.test(document.querySelector('.md-search-result__meta').textContent)")
        page.wait_for_timeout(200)
        found = page.evaluate(CHECK)
        assert not found["ran"] and not found["marked"] and not found["handlers"], found
        assert page.locator(".md-search-result__item").count() > 0
        assert any("<script>" in t or "script" in t for t in page.locator(".md-search-result__list").all_inner_texts())


def test_payload_count() -> None:
    assert len(PAYLOADS) == 20
