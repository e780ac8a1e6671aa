"""From file:// with the network cut, the interactive parts work: glossary tooltips, the map, the timeline."""
from __future__ import annotations

import pytest
from browsing import LocalServer, open_page
from playwright.sync_api import Browser
from webcase import Builds, address

pytestmark = pytest.mark.browser


def test_glossary_links_show_their_definition_on_hover(builds: Builds, server: LocalServer, browser: Browser) -> None:
    url, origin = address(builds, server, "offline", "event")
    with open_page(browser, url, origin) as (page, visit):
        link = page.locator('article a[href*="glossary/"][title]').first
        assert link.count(), f"{url}: no glossary link with a tooltip"
        tip = link.get_attribute("title") or ""
        link.hover()
        shown = page.locator(".md-tooltip2--active")
        shown.wait_for(state="visible", timeout=5_000)
        assert tip[:40] in shown.inner_text()
        assert visit.outside_requests == [] and visit.console_errors == []


def test_the_map_is_drawn(builds: Builds, server: LocalServer, browser: Browser) -> None:
    url, origin = address(builds, server, "offline", "map")
    with open_page(browser, url, origin) as (page, visit):
        sizes = page.evaluate("() => [...document.querySelectorAll('article svg')].map(s => "
                              "[s.getBoundingClientRect().width, s.querySelectorAll('path, circle, use').length])")
        assert any(width >= 300 and shapes >= 10 for width, shapes in sizes), f"{url}: no map drawn: {sizes}"
        assert visit.outside_requests == [] and visit.console_errors == []


def test_the_timeline_links_every_event(builds: Builds, server: LocalServer, browser: Browser) -> None:
    url, origin = address(builds, server, "offline", "timeline")
    events = {p.name for p in (builds.offline / "events").glob("*.html")}
    with open_page(browser, url, origin) as (page, visit):
        hrefs = page.locator('article a[href*="events/"]').evaluate_all("els => els.map(e => e.href)")
        linked = {h.split("#")[0].rsplit("/", 1)[-1] for h in hrefs}
        assert events <= linked, f"{url}: events not on the timeline: {sorted(events - linked)}"
        assert page.locator("article a[href*='events/']").first.is_visible()
        assert visit.outside_requests == [] and visit.console_errors == []
