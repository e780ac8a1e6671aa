"""Page addresses: where a generated page lives and how to link to it from another page."""
from __future__ import annotations

import posixpath


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
