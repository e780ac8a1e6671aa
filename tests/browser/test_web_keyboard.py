"""Keyboard: on each page type, over HTTP, at 1280 and 375 px, Tab reaches every visible link and control,
each shows a visible focus ring, and focus never lands on something hidden (a closed drawer or panel).
On a narrow screen the menu button opens the navigation drawer from the keyboard."""
from __future__ import annotations

import pytest
from browsing import LocalServer, keyboard_problems, open_page
from playwright.sync_api import Browser
from webcase import CASES, Builds, address

pytestmark = pytest.mark.browser
ONLINE = [kind for mode, kind in CASES if mode == "online"]


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("kind", ONLINE)
def test_tab_reaches_every_control_with_a_visible_ring(builds: Builds, server: LocalServer, browser: Browser,
                                                       kind: str, width: int) -> None:
    url, origin = address(builds, server, "online", kind)
    with open_page(browser, url, origin, width=width) as (page, _):
        problems = keyboard_problems(page)
    assert problems == [], f"{url} at {width} px:\n" + "\n".join(problems)


def test_the_menu_opens_from_the_keyboard_on_a_narrow_screen(builds: Builds, server: LocalServer,
                                                             browser: Browser) -> None:
    url, origin = address(builds, server, "online", "event")
    with open_page(browser, url, origin, width=375) as (page, _):
        for _ in range(5):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.getAttribute('for')") == "__drawer":
                break
        else:
            pytest.fail(f"{url}: the menu button is not among the first five Tab stops")
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.getElementById('__drawer').checked")
        nav = page.locator(".md-sidebar--primary a.md-nav__link").first
        nav.wait_for(state="visible")
        # The menu button itself had focus already: that proves it is reachable.
        problems = [p for p in keyboard_problems(page) if 'for="__drawer"' not in p]
    assert problems == [], f"{url} with the drawer open:\n" + "\n".join(problems)
