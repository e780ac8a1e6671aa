"""The reader's view: the flagship explainer built once per session, online and offline, opened in
Debian's Chromium through Playwright. `make test` installs Chromium and Java first (tests/browser/require.sh);
without them these tests fail with a one-line instruction rather than being skipped."""
from __future__ import annotations

import copy
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browsing import LocalServer, Visit, open_page, run_axe
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser, sync_playwright
from webcase import Builds, address, choose_pages

from offline import make_offline

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
INSTALL = "run `make test` as root on Debian, or: sudo apt-get install chromium default-jre-headless fonts-liberation"

@pytest.fixture(scope="session")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    """The flagship explainer built with --strict (any warning fails), then its offline copy."""
    tmp = tmp_path_factory.mktemp("flagship")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp / "site"), strict=True)
    build(config)
    folder, archive = make_offline(ROOT / "mkdocs.offline.yml", tmp / "dist")
    site_url = config.site_url or "http://localhost/"
    return Builds(tmp / "site", folder, archive, site_url, urlsplit(site_url).path or "/", choose_pages(tmp / "site"))


@pytest.fixture(scope="session")
def server(builds: Builds) -> Iterator[LocalServer]:
    srv = LocalServer(builds.site, builds.prefix)
    yield srv
    srv.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Chromium for one test module. Not for the session: Playwright's sync API allows one running instance,
    and other test modules (tests/test_search.py) start their own."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium not found at {CHROMIUM}: {INSTALL}", pytrace=False)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def java() -> str:
    found = shutil.which("java")
    if not found:
        pytest.fail(f"java not found (the Nu HTML checker runs on it): {INSTALL}", pytrace=False)
    return found


@pytest.fixture(scope="module")
def visits(builds: Builds, server: LocalServer, browser: Browser) -> Callable[[str, str, int], Visit]:
    """visits(mode, kind, width) -> the Visit of that page, axe included at 1280 px; each page opened once."""
    cache: dict[tuple[str, str, int], Visit] = {}

    def get(mode: str, kind: str, width: int = 1280) -> Visit:
        key = (mode, kind, width)
        if key not in cache:
            url, origin = address(builds, server, mode, kind)
            with open_page(browser, url, origin, width=width) as (page, visit):
                seen = copy.deepcopy(visit)  # what the page did, before axe-core fetches stylesheets itself
                if width >= 1280:
                    seen.axe = run_axe(page)
            cache[key] = seen
        return cache[key]
    return get


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that drives Chromium or runs the Nu checker is a browser test, marked or not."""
    for item in items:
        if {"browser", "visits", "java"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
