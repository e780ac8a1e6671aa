"""The page types under test, the builds they come from, and their addresses online and offline."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from browsing import LocalServer

from explainer.urls import page_url

# Every page type the issue names, and where its page comes from ("*" in a folder: its largest page).
PAGE_TYPES: dict[str, str] = {
    "home": "index.md", "timeline": "timeline.md", "event": "events/*", "actor": "actors/*", "place": "places/*",
    "map": "map.md", "glossary": "glossary.md", "term": "glossary/*", "source": "sources/*", "data": "data.md",
    "about": "about.md", "print": "print.md", "404": "404.html",
    # the language editions (mkdocs.yml: languages [en, uk, be]): the same checks in Ukrainian and Belarusian
    "uk-home": "uk/index.md", "uk-event": "uk/events/*", "uk-map": "uk/map.md", "be-glossary": "be/glossary.md",
    "be-event": "be/events/*", "uk-print": "uk/print.md",
}
# Page types not built yet. test_every_page_type_is_built fails once one of them exists: then remove it here.
PENDING: dict[str, str] = {}
MODES = ("online", "offline")
CASES = [(mode, kind) for mode in MODES for kind in PAGE_TYPES if not (mode == "offline" and kind == "404")]


@dataclass(frozen=True)
class Builds:
    site: Path  # the public site, directory URLs
    offline: Path  # dist/<name>-offline/
    archive: Path  # dist/<name>-offline.zip
    site_url: str
    prefix: str  # site_url's path: the server serves the site there, as the real host would
    pages: dict[str, str]  # page type -> docs path of the page chosen for it (types that exist)

    def path(self, kind: str, mode: str) -> str:
        """The page's address relative to the site root, in the online or offline build."""
        if kind == "404":
            return "this-page-does-not-exist/"
        return page_url(self.pages[kind], directory_urls=mode == "online") or ("" if mode == "online" else "index.html")


def choose_pages(site: Path) -> dict[str, str]:
    chosen = {}
    for kind, src in PAGE_TYPES.items():
        if kind == "404":
            if (site / "404.html").is_file():
                chosen[kind] = src
        elif src.endswith("/*"):
            folder = src[:-2]
            pages = list((site / folder).glob("*/index.html"))
            if pages:
                largest = max(pages, key=lambda p: (p.stat().st_size, p.parent.name))
                chosen[kind] = f"{folder}/{largest.parent.name}.md"
        elif (site / page_url(src, True) / "index.html").is_file():
            chosen[kind] = src
    return chosen


def address(builds: Builds, server: LocalServer, mode: str, kind: str) -> tuple[str, str]:
    """(URL, origin) of a page type's page: over HTTP, or as a file."""
    if kind not in builds.pages:
        if kind in PENDING:
            pytest.skip(f"{kind}: {PENDING[kind]}")
        pytest.fail(f"no {kind} page in the build ({PAGE_TYPES[kind]})", pytrace=False)
    if mode == "online":
        return server.base + builds.path(kind, mode), server.origin
    return (builds.offline / builds.path(kind, mode)).as_uri(), "file:"
