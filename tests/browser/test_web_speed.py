"""What the first paint waits for (Lighthouse's performance score hangs on it): the page and its style sheets,
nothing else. Every script file is deferred, and Material's search index (a few hundred KB) is requested only
once the page has loaded (scripts/explainer/theme/main.html). Search itself is tested in test_web_search.py."""
from __future__ import annotations

import re

import pytest
from browsing import LocalServer, open_page
from playwright.sync_api import Browser
from webcase import Builds, address

pytestmark = pytest.mark.browser
SCRIPT_FILE = re.compile(r"<script\b[^>]*\bsrc=[^>]*>", re.I)


def test_every_script_file_is_deferred(builds: Builds) -> None:
    for folder in (builds.site, builds.offline):
        pages = sorted(folder.rglob("*.html"))
        assert pages, folder
        for html in pages:
            for tag in SCRIPT_FILE.findall(html.read_text(encoding="utf-8")):
                assert re.search(r"\sdefer[\s>]", tag), f"{html.relative_to(folder)}: {tag} is not deferred"


@pytest.mark.parametrize("kind", ["home", "timeline", "map", "404"])
def test_search_index_is_requested_after_load(builds: Builds, server: LocalServer, browser: Browser, kind: str) -> None:
    url, origin = address(builds, server, "online", kind)
    with open_page(browser, url, origin) as (page, visit):
        timing = page.evaluate("""() => ({
            load: performance.getEntriesByType("navigation")[0].loadEventStart,
            index: performance.getEntriesByType("resource")
                .filter(e => e.name.split(/[?#]/)[0].endsWith("/search/search_index.json"))
                .map(e => e.startTime),
        })""")
        assert len(timing["index"]) == 1, f"{url}: search index requested {len(timing['index'])} times"
        assert timing["index"][0] >= timing["load"] > 0, f"{url}: {timing}"
        assert visit.page_errors == [] and visit.failed_requests == [], visit
