"""A page's conversion made whole (`finish`), and what `mkdocs serve` keeps of it from one rebuild to the next:
Markdown to HTML, the HTML kept out of Markdown put back, names linked. A page whose Markdown and everything its conversion reads (its front
matter and kept HTML, its address, the site's files and configuration, the names linked) are as last time gets
the same HTML: MkDocs is handed an empty page to convert, and the HTML, the table of contents, the title, the
anchors and the links to check come back from here. A conversion MkDocs logged anything about (a broken link, say)
is never kept, so the message comes again at every rebuild. Only in `mkdocs serve`; tests/test_serve.py checks
what is served against a fresh build."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import PurePath
from typing import Any, NamedTuple

from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .describe import DESCRIBED, describe
from .render.meta import PageMeta
from .render.stash import anchor_ids, expand, heavy_tokens, restash
from .reuse import Texts, digest, settings


def finish(
    html: str,
    fragments: tuple[str, ...],
    page: Any,
    config: Any,
    meta: PageMeta | None,
    untranslated: Callable[[str], str] | None,
    linker: Any,
    hand: bool,
) -> tuple[str, Any]:
    """The page as MkDocs converted it, made whole: the HTML kept out of Markdown put back (its anchors made
    known), the page described (describe.py; `meta`: a generated page's), marked if `untranslated`, first
    mentions linked (`hand`: a hand-written page), the drawings set aside again until search has read the page
    (render/stash.py). Returns the HTML and what the linker found."""
    heavy = heavy_tokens(html, fragments)
    html, page.present_anchor_ids = expand(html, fragments), anchor_ids(fragments, page.present_anchor_ids)
    describe(page, html, config, meta)
    html = untranslated(html) if untranslated else html
    html, found = linker.link_html(html, page.file.src_uri, editor_links=hand) if linker else (html, ())
    return restash(html, fragments, heavy), found


class KeptPage(Page):
    """A page the navigation does not list, made before MkDocs would make it, as MkDocs makes it (no title
    given). When its conversion is kept, MkDocs is handed empty Markdown (`Conversions.before`) and no Markdown
    processor is even made for it; on_page_content puts back the rest. MkDocs keeps a page a plugin made
    (File.page), as Material's blog does with its own pages."""

    kept = False  # set on a page whose conversion is kept, for this build

    def render(self, config: Any, files: Any) -> None:
        if not self.kept:
            return super().render(config, files)
        self.content, self.toc, self.present_anchor_ids = "", get_toc([]), set()
        return None


def make_pages(files: Files, config: Any) -> None:
    """A KeptPage for each page MkDocs would make with no title: one the navigation does not list."""
    listed: set[str] = set()

    def visit(item: Any) -> None:
        if isinstance(item, str):
            listed.add(PurePath(item.lstrip("/")).as_posix())  # as MkDocs finds it (Files.get_file_from_path)
        for child in item.values() if isinstance(item, dict) else item if isinstance(item, list) else ():
            visit(child)

    visit(config.nav or [])
    for file in files.documentation_pages():
        if file.page is None and file.inclusion is InclusionLevel.NOT_IN_NAV and file.src_uri not in listed:
            KeptPage(None, file, config)


class Conversion(NamedTuple):
    key: str
    html: str
    found: Any  # what the linker found on the page (the "Mentioned in" lists)
    toc: Any
    title: str | None
    anchors: set[str] | None
    links: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] | None  # links to anchors, by the page linked to
    meta: dict[str, Any]  # what the conversion added to page.meta


class _Heard(logging.Handler):
    """Whether MkDocs logged anything while a page was converted."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.heard = False

    def emit(self, record: logging.LogRecord) -> None:
        self.heard = True


def copied(toc: Any) -> Any:
    """A table of contents copied, each entry and its children (their words shared): what a page is handed may
    be changed by the theme without touching what is kept. An eighth of the time of copy.deepcopy."""

    def entry(link: Any) -> Any:
        made = object.__new__(type(link))
        made.__dict__.update(link.__dict__, children=[entry(child) for child in link.children])
        return made

    made = object.__new__(type(toc))
    made.__dict__.update(toc.__dict__, items=[entry(link) for link in toc.items])
    return made


class Conversions:
    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], Conversion] = {}  # (edition, page) -> its conversion
        self.on, self.edition, self.names, self.site = False, "", None, ""
        self.keys: dict[str, str] = {}  # this build: page -> the key of its conversion, while it converts
        self.hits: set[str] = set()  # this build: the pages handed to MkDocs empty
        self.shared: set[str] = set()  # this build: the pages given their kept table of contents, not a copy
        self.heard = _Heard()
        self.shown: dict[str, set[str]] = {}  # edition -> the pages its last build converted
        self.texts = Texts()

    def begin(self, edition: str, serving: bool, names: Any, files: Files, config: Any) -> None:
        """A build starts (the end of on_files); `names`: what the linker links, for every page."""
        self.on, self.edition, self.names, self.site, self.keys = serving, edition, names, "", {}
        self.hits, self.shared = set(), set()
        if serving:
            make_pages(files, config)
        for key in [key for key in self.kept if key[0] == edition and key[1] not in self.shown.get(edition, ())]:
            del self.kept[key]  # what the edition's last build did not show any more
        self.shown[edition] = set()
        self.texts.begin(edition)

    def before(self, page: Any, markdown: str, config: Any, files: Any, inputs: tuple[Any, ...]) -> str:
        """on_page_markdown, last of all: the Markdown MkDocs is to convert (empty, if it was converted before)."""
        if not self.on:
            return markdown
        if not self.site:  # the same for every page of this build
            listed = [(f.src_uri, f.url, f.inclusion.name, f.generated_by) for f in files]
            self.site = digest(settings(config), listed, self.names)
        src = page.file.src_uri
        self.shown[self.edition].add(src)
        key = self.texts.key(self.site, src, page.url, page.is_homepage, page.meta, markdown, *inputs)
        kept = self.kept.get((self.edition, src))
        if kept is not None and kept.key == key:
            self.hits.add(src)
            if isinstance(page, KeptPage):
                page.kept = True
            return ""
        self.keys[src] = key
        self.heard.heard = False  # (left listening if a build fails: harmless, and taken off at the next page)
        logging.getLogger("mkdocs").addHandler(self.heard)
        return markdown

    def after(self, page: Any, files: Any) -> tuple[str, Any] | None:
        """The start of on_page_content: for a page converted before, its HTML and what it mentions (the rest is
        put back on the page); None for a page MkDocs has just converted."""
        logging.getLogger("mkdocs").removeHandler(self.heard)
        src = page.file.src_uri
        if src not in self.hits:
            return None
        kept = self.kept[(self.edition, src)]
        page.toc, page.title, page.present_anchor_ids = kept.toc, kept.title, set(kept.anchors or ())
        self.shared.add(src)
        if kept.links is not None:
            page.links_to_anchors = {files.get_file_from_path(to): dict(links) for to, links in kept.links}
        page.meta.update(kept.meta)
        return kept.html, kept.found

    def unshare(self, page: Any, reused: set[str]) -> None:
        """Before the theme renders the page (and may change what it is handed), unless the page's kept HTML is
        `reused`: its own table of contents."""
        if page.file.src_uri in self.shared and page.file.src_uri not in reused:
            self.shared.discard(page.file.src_uri)
            page.toc = copied(page.toc)

    def keep(self, page: Any, html: str, found: Any) -> tuple[str, Any]:
        """After the conversion (`finish`): keep it, unless MkDocs had something to say about it."""
        meta = {key: page.meta[key] for key in DESCRIBED}
        key = self.keys.pop(page.file.src_uri, None)
        if key is None or self.heard.heard:
            return html, found
        links = page.links_to_anchors
        kept = (
            tuple((to.src_uri, tuple(anchors.items())) for to, anchors in links.items()) if links is not None else None
        )
        self.kept[(self.edition, page.file.src_uri)] = Conversion(
            key, html, found, copied(page.toc), page.title, set(page.present_anchor_ids or ()), kept, meta
        )
        return html, found
