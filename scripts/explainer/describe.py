"""What search engines and link previews read of each page, put into MkDocs' page.meta (the theme writes it):
description, canonical address and schema.org JSON-LD (the core's render/meta.py makes them)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from .render.meta import PageMeta, first_paragraph, json_ld, other_page_meta
from .urls import public_url

DESCRIBED = ("description", "canonical", "json_ld")  # what describe() puts into page.meta


def describe(page: Page, html: str, config: MkDocsConfig, meta: PageMeta | None) -> None:
    """page.meta gets description, canonical (the public address, in the offline copy too) and json_ld;
    `meta`: a generated page's, None for a hand-written page (described by its front matter or first paragraph)."""
    if meta is None:
        home = page.is_homepage
        said = page.meta.get("description") or (home and config.site_description) or first_paragraph(html)
        meta = other_page_meta(page.title or "", said, config.site_name, home)
    page.meta.setdefault("description", meta.description or config.site_description or "")
    page.meta.setdefault("canonical", public_url(config.site_url or "", page.file.src_uri))
    page.meta["json_ld"] = json_ld(meta.node, page.meta["canonical"])
