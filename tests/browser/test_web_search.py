"""Search works on every page type, from file:// with the network cut (the iframe-worker shim) and over HTTP:
words from the page's heading find the page."""
from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

import pytest
from browsing import LocalServer, open_page
from playwright.sync_api import Browser, Page
from webcase import CASES, Builds, address

pytestmark = pytest.mark.browser
NOT_INDEXED = {"404", "print", "uk-print"}  # the print edition repeats every page: it is left out of the search
SEARCHABLE = [(mode, kind) for mode, kind in CASES if kind not in NOT_INDEXED]
STOP = {"the", "and", "of", "for", "from", "with", "this", "that", "into", "over", "about", "its"}


def query_for(heading: str, index: dict[str, set[str]]) -> str:
    """The heading's most telling word: the one the fewest pages contain (the longest of those)."""
    words = [w for w in re.findall(r"[^\W\d_]{3,}", heading) if w.lower() not in STOP]
    return min(words, key=lambda w: (len(index.get(w.lower(), ())), -len(w)), default="")


@pytest.fixture(scope="module")
def pages_with_word(builds: Builds) -> dict[str, set[str]]:
    """word -> the pages whose search entries contain it (from the site's own search index)."""
    docs = json.loads((builds.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    index: dict[str, set[str]] = {}
    for doc in docs:
        for word in re.findall(r"[^\W\d_]+", f"{doc['title']} {doc['text']}".lower()):
            index.setdefault(word, set()).add(doc["location"].split("#")[0])
    return index


@pytest.mark.parametrize(("mode", "kind"), SEARCHABLE, ids=[f"{m}-{k}" for m, k in SEARCHABLE])
def test_search_finds_the_page(builds: Builds, server: LocalServer, browser: Browser, pages_with_word: dict[str, set[str]],
                               mode: str, kind: str) -> None:
    url, origin = address(builds, server, mode, kind)
    with open_page(browser, url, origin) as (page, visit):
        query = query_for(visit.h1, pages_with_word)
        assert query, f"{url}: no word to search for in the heading {visit.h1!r}"
        page.locator("input.md-search__input").click()
        # fill, then a key: typing a non-Latin word sends no key events, and Material searches on keyup
        page.locator("input.md-search__input").fill(query)
        page.keyboard.press("End")
        results = page.locator(".md-search-result__list a.md-search-result__link")
        results.first.wait_for(state="visible", timeout=10_000)
        found = _listed(page)
        for _ in range(5):  # Material lists ten results, then more as the list is scrolled
            if _page_of(page.url) in found:
                break
            page.locator(".md-search__scrollwrap").evaluate("el => el.scrollTo(0, el.scrollHeight)")
            page.wait_for_timeout(200)
            found = _listed(page)
        assert _page_of(page.url) in found, f"searching {query!r} on {url} listed {sorted(found)}"
        assert visit.outside_requests == [] and visit.page_errors == [], visit


def _page_of(url: str) -> str:
    """The page a result points at, without ?h= (search.highlight) or #section."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def _listed(page: Page) -> set[str]:
    hrefs = page.locator(".md-search-result__list a.md-search-result__link").evaluate_all("els => els.map(e => e.href)")
    return {_page_of(urljoin(page.url, href)) for href in hrefs}
