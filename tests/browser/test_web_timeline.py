"""The timeline in Chromium: filters with scripts on (over HTTP and from file://), everything shown with scripts
off, the overview drawing that fits the column at desktop and phone widths, and anchors to events."""
from __future__ import annotations

import pytest
from browsing import LocalServer, open_page
from playwright.sync_api import Browser, Page, expect
from webcase import Builds

pytestmark = pytest.mark.browser


def timeline_url(builds: Builds, server: LocalServer, mode: str) -> tuple[str, str]:
    if mode == "online":
        return server.base + "timeline/", server.origin
    return (builds.offline / "timeline.html").as_uri(), "file:"


def expected(page: Page, attr: str, value: str) -> int:
    return int(page.evaluate(
        "([attr, value]) => [...document.querySelectorAll('li.x-event')]"
        ".filter(li => li.getAttribute('data-' + attr).split(' ').includes(value)).length", [attr, value]))


@pytest.mark.parametrize("mode", ["online", "offline"])
def test_filters_by_actor_and_tag(builds: Builds, server: LocalServer, browser: Browser, mode: str) -> None:
    url, origin = timeline_url(builds, server, mode)
    with open_page(browser, url, origin) as (page, visit):
        total = page.locator("li.x-event").count()
        assert total > 1
        form = page.locator("form.x-filter")
        expect(form).to_be_visible()
        status = form.locator("[role=status]")
        actor = page.locator("select[name=actors] option").nth(1).get_attribute("value") or ""
        page.select_option("select[name=actors]", actor)
        shown = expected(page, "actors", actor)
        expect(status).to_have_text(f"Showing {shown} of {total} events.")
        expect(page.locator("li.x-event:visible")).to_have_count(shown)
        assert page.locator(".x-strip__svg--720 .x-mark--dim").count() > 0
        tag = page.locator("select[name=tags] option").nth(1).get_attribute("value") or ""
        page.select_option("select[name=actors]", "")
        page.select_option("select[name=tags]", tag)
        expect(page.locator("li.x-event:visible")).to_have_count(expected(page, "tags", tag))
        page.locator("select[name=tags]").focus()  # the keyboard: reach the reset button and press it
        page.keyboard.press("Tab")
        expect(form.locator("button[type=reset]")).to_be_focused()
        page.keyboard.press("Enter")
        expect(status).to_have_text(f"Showing all {total} events.")
        expect(page.locator("li.x-event:visible")).to_have_count(total)
        assert visit.page_errors == [] and visit.console_errors == []
        assert visit.outside_requests == []


@pytest.mark.parametrize("width,drawing", [(1280, "720"), (375, "360")])
def test_without_scripts_everything_shows(builds: Builds, server: LocalServer, browser: Browser, width: int,
                                          drawing: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(server.base + "timeline/")
        total = page.locator("li.x-event").count()
        expect(page.locator("li.x-event:visible")).to_have_count(total)
        expect(page.locator("form.x-filter")).to_be_hidden()
        for w in ("720", "540", "360"):
            visible = page.locator(f".x-strip__svg--{w}").first.is_visible()
            assert visible == (w == drawing), f"{w} drawing at {width} px"
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    finally:
        context.close()


def test_marks_and_anchors_lead_to_events(builds: Builds, server: LocalServer, browser: Browser) -> None:
    url, origin = timeline_url(builds, server, "offline")
    with open_page(browser, url, origin) as (page, visit):
        first = page.locator("li.x-event").first.get_attribute("id") or ""
        page.goto(url + "#" + first)
        expect(page.locator(f'[id="{first}"]')).to_be_in_viewport()
        mark = page.locator(".x-strip__svg--720 a.x-mark").last
        target = (mark.get_attribute("href") or "#").lstrip("#")
        mark.focus()
        page.keyboard.press("Enter")
        expect(page.locator(f'[id="{target}"]')).to_be_in_viewport()
        assert visit.page_errors == []
