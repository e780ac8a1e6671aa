"""The language editions as readers use them: the selector leads to the same page in another edition with
JavaScript off, from disk; each edition's search finds its pages by words in its language."""

from __future__ import annotations

import pytest
from browsing import LocalServer, open_page
from playwright.sync_api import Browser
from webcase import Builds

pytestmark = pytest.mark.browser
EVENT = "events/2020-11-26-belarus-summons-ukrainian-ambassador"


def test_the_selector_works_from_disk_without_javascript(builds: Builds, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto((builds.offline / "uk" / f"{EVENT}.html").as_uri())
        assert page.locator("html").get_attribute("lang") == "uk"
        page.locator('.x-editions a[hreflang="be"]').click()
        page.wait_for_load_state()
        assert page.url.endswith(f"/be/{EVENT}.html") and page.locator("html").get_attribute("lang") == "be"
        page.locator('.x-editions a[hreflang="en"]').click()
        page.wait_for_load_state()
        assert page.url.endswith(f"-offline/{EVENT}.html")
        assert page.locator("h1").first.inner_text().startswith("Belarus summons")
    finally:
        context.close()


@pytest.mark.parametrize("mode", ["online", "offline"])
@pytest.mark.parametrize(("lang", "query", "expected"), [
    ("uk", "Лукашенко", "actors/alyaksandr-lukashenka"),
    ("uk", "посла", EVENT),
    ("be", "Лукашэнка", "actors/alyaksandr-lukashenka"),
])
def test_each_edition_searches_its_own_words(builds: Builds, server: LocalServer, browser: Browser, mode: str,
                                             lang: str, query: str, expected: str) -> None:
    url, origin = ((server.base + f"{lang}/", server.origin) if mode == "online"
                   else ((builds.offline / lang / "index.html").as_uri(), "file:"))
    with open_page(browser, url, origin) as (page, visit):
        page.locator("input.md-search__input").click()
        # fill, then a key: typing a non-Latin word sends no key events, and Material searches on keyup
        page.locator("input.md-search__input").fill(query)
        page.keyboard.press("End")
        results = page.locator(".md-search-result__list a.md-search-result__link")
        results.first.wait_for(state="visible", timeout=10_000)
        hrefs = page.eval_on_selector_all(".md-search-result__list a.md-search-result__link", "els => els.map(e => e.href)")
        assert any(expected in h and f"/{lang}/" in h for h in hrefs), (query, hrefs[:10])
        assert visit.outside_requests == [] and visit.page_errors == [], visit
