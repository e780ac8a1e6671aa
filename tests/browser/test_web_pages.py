"""Each page type, over HTTP and from file:// with the network cut: it renders its main heading, logs no
error, asks no other host for anything, passes axe-core, and does not scroll sideways at 375 px."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from browsing import Visit
from webcase import CASES, PAGE_TYPES, PENDING, Builds

pytestmark = pytest.mark.browser
Visits = Callable[..., Visit]
ids = [f"{mode}-{kind}" for mode, kind in CASES]


def test_every_page_type_is_built(builds: Builds) -> None:
    missing = sorted(set(PAGE_TYPES) - set(builds.pages))
    assert missing == sorted(PENDING), (
        f"page types missing from the build: {missing}; known pending: {sorted(PENDING)} "
        "(once a pending type is built, remove it from PENDING in tests/browser/conftest.py)")


@pytest.mark.parametrize(("mode", "kind"), CASES, ids=ids)
def test_renders_its_main_heading(visits: Visits, mode: str, kind: str) -> None:
    visit = visits(mode, kind)
    assert visit.h1, f"{visit.url}: no visible <h1> in the article"
    assert visit.status in ((404,) if kind == "404" else (200, 0)), f"{visit.url}: status {visit.status}"


@pytest.mark.parametrize(("mode", "kind"), CASES, ids=ids)
def test_no_console_or_script_errors(visits: Visits, mode: str, kind: str) -> None:
    visit = visits(mode, kind)
    errors = visit.console_errors + visit.page_errors
    if kind == "404":  # Chromium logs the 404 status of the page itself
        errors = [e for e in errors if "status of 404" not in e or "this-page-does-not-exist" not in e]
    assert errors == [], f"{visit.url}:\n" + "\n".join(errors)


@pytest.mark.parametrize(("mode", "kind"), CASES, ids=ids)
def test_no_request_to_another_host(visits: Visits, mode: str, kind: str) -> None:
    visit = visits(mode, kind)
    assert visit.outside_requests == [], f"{visit.url} asked other hosts for:\n" + "\n".join(visit.outside_requests)


@pytest.mark.parametrize(("mode", "kind"), CASES, ids=ids)
def test_every_local_request_succeeds(visits: Visits, mode: str, kind: str) -> None:
    visit = visits(mode, kind)
    assert visit.failed_requests == [], f"{visit.url}:\n" + "\n".join(visit.failed_requests)


@pytest.mark.parametrize(("mode", "kind"), CASES, ids=ids)
def test_axe_finds_no_violation(visits: Visits, mode: str, kind: str) -> None:
    visit = visits(mode, kind)
    assert visit.axe == [], f"{visit.url}:\n" + "\n".join(visit.axe)


@pytest.mark.parametrize(("mode", "kind"), CASES, ids=ids)
def test_no_sideways_scroll_at_375_px(visits: Visits, mode: str, kind: str) -> None:
    visit = visits(mode, kind, 375)
    assert visit.h1, f"{visit.url}: no visible <h1> at 375 px"
    assert visit.overflow_px <= 0, f"{visit.url}: the page scrolls {visit.overflow_px} px sideways at 375 px"
