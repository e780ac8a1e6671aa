"""Page addresses: where a page lives, how to link to it from another page, and its public address."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urlsplit

ALL_EVENTS_JSON = "data/timeline.json"  # every event, as TimelineJS JSON


def page_url(src: str, directory_urls: bool) -> str:
    """'events/x.md' -> 'events/x/' (or 'events/x.html'); 'index.md' -> '' (or 'index.html')."""
    stem = src.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(from_src: str, to_src: str, directory_urls: bool, anchor: str = "") -> str:
    """A link from the page built from `from_src` to the one built from `to_src`."""
    here = page_url(from_src, directory_urls)
    there = page_url(to_src, directory_urls)
    base = here.rstrip("/") if directory_urls else posixpath.dirname(here)
    rel = posixpath.relpath(there or ".", base or ".")
    if directory_urls and (there.endswith("/") or not there) and rel != ".":
        rel += "/"
    elif rel == "." and directory_urls:
        rel = "./"
    return rel + (f"#{anchor}" if anchor else "")


def root_prefix(from_src: str, directory_urls: bool) -> str:
    """The climb from the page built from `from_src` to the site's root: '', '../', '../../'…"""
    here = page_url(from_src, directory_urls)
    base = here.rstrip("/") if directory_urls else posixpath.dirname(here)
    return "../" * (base.count("/") + 1 if base else 0)


def via_root(prefix: str, to_src: str, directory_urls: bool, anchor: str = "") -> str:
    """A link that climbs to the root (`prefix`, from root_prefix) and goes down to `to_src`. The same
    link serves every page of the same depth, so a fragment that holds it can be rendered once."""
    return (prefix + page_url(to_src, directory_urls) or "./") + (f"#{anchor}" if anchor else "")


def download_href(from_src: str, path: str, directory_urls: bool) -> str:
    """A relative link from a generated page to a file of the site (not a page)."""
    here = page_url(from_src, directory_urls)
    base = here.rstrip("/") if directory_urls and here else posixpath.dirname(here)
    return posixpath.relpath(path, base or ".")


def public_url(site_url: str, src: str) -> str:
    """The public address of the page built from `src` (directory URLs, as published), or '' without site_url."""
    if not site_url:
        return ""
    # page_url gives a clean relative path ('events/x/'): appending it is what urljoin would do, faster
    return (site_url if site_url.endswith("/") else site_url + "/") + page_url(src, True)


def json_path(timeline_id: str | None) -> str:
    """Where a timeline's TimelineJS JSON is in the site (None: the one of every event)."""
    return f"data/timelines/{timeline_id}.json" if timeline_id else ALL_EVENTS_JSON


@dataclass(frozen=True)
class Site:
    """The explainer as published: its name, public base URL (may be empty) and a fixed build time."""

    name: str = ""
    url: str = ""
    epoch: int | None = None  # SOURCE_DATE_EPOCH: a reproducible timestamp, or None for dates from the data

    def page(self, src: str) -> str:
        """The public address of a generated page (MkDocs' default directory URLs), or '' without site_url."""
        return public_url(self.url, src)

    @property
    def host(self) -> str:
        """Host and path of the public site, for globally unique ids ('explainer' without site_url)."""
        parts = urlsplit(self.url)
        return (parts.netloc + parts.path.rstrip("/")) if parts.netloc else "explainer"


def edition_root(lang: str, languages: tuple[str, ...]) -> str:
    """Where an edition lives from the site's root: '' for the default (first) language, 'uk/' for another."""
    return "" if not languages or lang == languages[0] else f"{lang}/"


def edition_href(src: str, here: str, there: str, languages: tuple[str, ...], directory_urls: bool) -> str:
    """A relative link from the page built from `src` in edition `here` to the same page in edition `there`
    (works from disk: no absolute path)."""
    up = root_prefix(src, directory_urls) + ("../" if here != languages[0] else "")
    return (up + edition_root(there, languages) + page_url(src, directory_urls)) or "./"


def edition_url(site_url: str, src: str, lang: str, languages: tuple[str, ...]) -> str:
    """The public address of the page built from `src` in edition `lang` ('' without site_url)."""
    if not site_url:
        return ""
    return public_url(site_url.rstrip("/") + "/" + edition_root(lang, languages), src)
