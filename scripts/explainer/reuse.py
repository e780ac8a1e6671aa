"""What `mkdocs serve` keeps from one rebuild to the next. MkDocs builds every page again on every save, though
most come out as they were; Material's search parsing each page and the theme rendering it are half of that. Here
each page's search entries and finished HTML are kept under a key of everything they are made from (the page's
content, title, table of contents, meta and addresses; the navigation, the configuration and the theme's files)
and given back while the key holds. Only in `mkdocs serve`: a full build never uses it. tests/test_serve.py checks
that what `mkdocs serve` serves after a series of saves is what a fresh build gives."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable
from typing import Any

import jinja2
from markupsafe import Markup

from .kept import digest as kept_digest
from .load import stamps
from .themeenv import installed

TEMPLATE = "explainer-reused.html"  # each page's template in `mkdocs serve`: its kept HTML, or its own template
SOURCE = (
    "{% if explainer_reused is defined %}{{ explainer_reused }}{% else %}{% include explainer_template %}{% endif %}"
)
SEARCH = "material/search"  # the search index reused is Material's, when it indexes pages before this plugin
KNOWN_PLUGINS = frozenset({SEARCH, "search", "explainer"})
# Markdown extensions that read nothing but the page they convert (pymdownx.snippets and .b64 read files)
KNOWN_EXTENSIONS = frozenset(
    [
        "abbr",
        "admonition",
        "attr_list",
        "def_list",
        "extra",
        "fenced_code",
        "footnotes",
        "legacy_attrs",
        "legacy_em",
        "md_in_html",
        "meta",
        "nl2br",
        "sane_lists",
        "smarty",
        "tables",
        "toc",
        "wikilinks",
        "codehilite",
        "material.extensions.emoji",
        "pymdownx.arithmatex",
        "pymdownx.betterem",
        "pymdownx.caret",
        "pymdownx.critic",
        "pymdownx.details",
        "pymdownx.emoji",
        "pymdownx.escapeall",
        "pymdownx.extra",
        "pymdownx.highlight",
        "pymdownx.inlinehilite",
        "pymdownx.keys",
        "pymdownx.magiclink",
        "pymdownx.mark",
        "pymdownx.progressbar",
        "pymdownx.saneheaders",
        "pymdownx.smartsymbols",
        "pymdownx.striphtml",
        "pymdownx.superfences",
        "pymdownx.tabbed",
        "pymdownx.tasklist",
        "pymdownx.tilde",
        "pymdownx.blocks.admonition",
        "pymdownx.blocks.details",
        "pymdownx.blocks.tab",
        "pymdownx.blocks.html",
        "pymdownx.blocks.definition",
        "pymdownx.blocks.caption",
    ]
)
STRIPPED = re.compile(r'data-search-\w+="[^"]+"')  # what search strips from every page (with a space before)
_ABSENT = object()
log = logging.getLogger("mkdocs.plugins.explainer")


def digest(*parts: object) -> str:
    """A digest of `parts`: strings (the pages' text) fed as they are, and so the strings of a tuple of strings
    (the HTML kept out of a page); anything else as its repr."""
    out = hashlib.sha256()  # (SHA-256 is done in hardware on most processors: a third of BLAKE2's time here)
    for part in parts:
        pieces = part if isinstance(part, tuple) and all(isinstance(p, str) for p in part) else (part,)
        out.update(b"(%d" % len(pieces))
        for piece in pieces:
            text = isinstance(piece, str)
            data = (piece if text else repr(piece)).encode("utf-8", "surrogatepass")
            out.update(b"%s%d:" % (b"s" if text else b"r", len(data)))
            out.update(data)
    return out.hexdigest()


def _strings(parts: tuple[Any, ...]) -> bool:
    """Whether `parts` are texts, together long (the HTML kept out of a page), so worth digesting once."""
    return len(parts) > 1 and all(isinstance(p, str) for p in parts) and sum(map(len, parts)) >= Texts.LONG


class Texts:
    """Keys of pages' parts, their long texts digested once each: a kept conversion's HTML is the same text at
    every build, and a page's content mostly reaches the theme as search was handed it; a text is known again
    by being the very same object (never by its words alone, which would mean reading them all)."""

    LONG = 2000  # characters: a text shorter than this is written into the key as it is

    def __init__(self) -> None:
        self._now: dict[str, dict[int, tuple[object, str]]] = {}  # edition -> id -> the text and its digest
        self._last: dict[str, dict[int, tuple[object, str]]] = {}
        self._tocs: dict[str, dict[int, tuple[Any, tuple[Any, ...]]]] = {}  # edition -> id -> toc, as a key holds it
        self._old_tocs: dict[str, dict[int, tuple[Any, tuple[Any, ...]]]] = {}
        self._edition = ""

    def begin(self, edition: str) -> None:
        self._last[edition], self._now[edition], self._edition = self._now.get(edition, {}), {}, edition
        self._old_tocs[edition], self._tocs[edition] = self._tocs.get(edition, {}), {}

    def key(self, *parts: object) -> str:
        """The key of `parts` (pickled whole, as kept.py does; written as `digest` does if they cannot be)."""
        shown = tuple(self._text(p) if isinstance(p, (str, tuple)) else p for p in parts)
        return kept_digest(*shown) or digest(*shown)

    def toc(self, toc: Any) -> tuple[Any, ...]:
        """A table of contents as a key holds it, written once while it is the very same object (a kept
        conversion's, which no one changes: the theme is handed a copy, converted.Conversions.unshare)."""
        now = self._tocs.setdefault(self._edition, {})
        known = now.get(id(toc)) or self._old_tocs.get(self._edition, {}).get(id(toc))
        if known is None or known[0] is not toc:
            known = (toc, _toc(toc))
        now[id(toc)] = known
        return known[1]

    def _text(self, text: str | tuple[Any, ...]) -> object:
        if isinstance(text, str) and len(text) < self.LONG or isinstance(text, tuple) and not _strings(text):
            return text  # (a tuple of anything but long texts, such as a page's address parts: pickled as it is)
        now = self._now.setdefault(self._edition, {})
        known = now.get(id(text)) or self._last.get(self._edition, {}).get(id(text))
        if known is None or known[0] is not text:
            known = (text, digest(text))
        now[id(text)] = known
        return ("text", known[1])


def _toc(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple((i.title, i.id, i.level, _toc(i.children)) for i in items)


def _nav(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple((type(i).__name__, i.title, getattr(i, "url", None), _nav(i.children or ())) for i in items)


def settings(config: Any) -> tuple[Any, ...]:
    """The configuration as it stands after every plugin's on_config (plugins by their options)."""
    plugins = {name: dict(getattr(p, "config", None) or {}) for name, p in config.plugins.items()}
    return tuple((k, plugins if k == "plugins" else v) for k, v in config.items())


def reusable(config: Any) -> str:
    """Why nothing may be kept from one rebuild to the next ("" if it may). What is kept is keyed by what this
    plugin, MkDocs, Material's search and theme read; another plugin, a hook or a Markdown extension outside
    KNOWN_EXTENSIONS may read or change anything (another file, the page at any stage): with one, every
    rebuild is whole."""
    if others := [name for name in config.plugins if name not in KNOWN_PLUGINS]:
        return f"the plugin(s) or hook(s) {', '.join(others)}"
    names = [e if isinstance(e, str) else type(e).__module__ for e in config.markdown_extensions]
    if others := [name for name in names if name.removeprefix("markdown.extensions.") not in KNOWN_EXTENSIONS]:
        return f"the Markdown extension(s) {', '.join(others)}"
    return ""


def keeping(config: Any, command: str) -> bool:
    """Whether this build keeps and reuses what did not change: under `mkdocs serve`, when `reusable` (else it
    says why every page is rebuilt)."""
    if command != "serve":
        return False
    if why := reusable(config):
        log.info(
            f"explainer: every page is built again at each save, because {why} may read files the explainer plugin cannot track"
        )
    return not why


class Reuse:
    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], tuple[str, list[Any]]] = {}  # (edition, page) -> key, search entries
        self.html: dict[tuple[str, str], tuple[str, str]] = {}  # (edition, page) -> key, the theme's HTML
        self.on, self.edition, self.index, self.mark, self.site = False, "", None, 0, ""
        self.keys: dict[str, str] = {}  # this build: page -> the key of its search entries, then of its HTML
        self.skipped: dict[str, Any] = {}  # page -> its own `search` meta, while search is told to skip it
        self.hidden: dict[str, str] = {}  # page -> its content, while search (told to skip it) is handed none
        self.templates: dict[str, str] = {}  # page -> its own template
        self.reused: set[str] = set()  # this build: the pages whose kept HTML was given back
        self.shown: dict[str, set[str]] = {}  # edition -> the pages its last build rendered
        self.texts = Texts()

    def begin(self, config: Any, edition: str, serving: bool) -> None:
        """A build starts (on_files: every plugin's on_config has run)."""
        search, names = config.plugins.get(SEARCH), list(config.plugins)
        index = getattr(search, "search_index", None) if search and search.config.get("enabled", True) else None
        ordered = SEARCH in names and "explainer" in names and names.index(SEARCH) < names.index("explainer")
        self.on, self.edition, self.mark, self.site = serving, edition, 0, ""
        self.index = index if serving and ordered and isinstance(getattr(index, "entries", None), list) else None
        for kept in (self.entries, self.html):  # what the edition's last build did not show any more
            for key in [key for key in kept if key[0] == edition and key[1] not in self.shown.get(edition, ())]:
                del kept[key]
        self.shown[edition] = set()
        self.texts.begin(edition)
        self.keys, self.skipped, self.hidden, self.templates, self.reused = {}, {}, {}, {}, set()

    def before_search(self, page: Any, html: str) -> str:
        """The end of on_page_content: if the page is as search last saw it, search skips it (after_search puts
        its entries back in their place). Gives the page's content for search to see: none, when search skips it
        and would find nothing to strip in it (its `data-search-*` attributes; a search through every page)."""
        own = page.meta.get("search", _ABSENT)
        if self.index is None or not (own is _ABSENT or isinstance(own, dict)):
            return html
        src = page.file.src_uri
        self.keys[src] = key = self.texts.key(html, page.url, page.title, page.meta, self.texts.toc(page.toc))
        kept = self.entries.get((self.edition, src))
        if kept is None or kept[0] != key:
            return html
        self.skipped[src] = own
        page.meta["search"] = {**(own if isinstance(own, dict) else {}), "exclude": True}
        if STRIPPED.search(html):
            return html
        self.hidden[src] = html
        return ""

    def after_search(self, page: Any) -> None:
        """The start of on_page_context, right after search's: its entries for this page, made or kept."""
        if self.index is None:
            return
        src, entries = page.file.src_uri, self.index.entries
        key = self.keys.pop(src, None)
        if src in self.hidden:
            page.content = self.hidden.pop(src)
        if src in self.skipped:
            own = self.skipped.pop(src)
            if own is _ABSENT:
                del page.meta["search"]
            else:
                page.meta["search"] = own
            entries.extend(self.entries[(self.edition, src)][1])  # search only reads them: shared, not copied
        elif key is not None:
            self.entries[(self.edition, src)] = (key, entries[self.mark :])
        self.mark = len(entries)

    def wrap(self, env: jinja2.Environment, pages: Iterable[Any]) -> None:
        """on_env: every page is rendered through TEMPLATE, which gives back its kept HTML or renders its own."""
        if not self.on:
            return
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({TEMPLATE: SOURCE}), env.loader])  # type: ignore[list-item]
        for page in pages:
            own = page.meta.get("template", "main.html")
            if isinstance(own, str):
                self.templates[page.file.src_uri], page.meta["template"] = own, TEMPLATE

    def before_theme(self, page: Any, context: Any, config: Any, nav: Any) -> Any:
        """The end of on_page_context (the page's content is final): its kept HTML, if nothing it shows changed."""
        src = page.file.src_uri
        own = self.templates.get(src)
        if own is None:
            return context
        self.shown[self.edition].add(src)
        if not self.site:  # the same for every page of this build
            themes = [stamps(folder, hidden=not installed(folder)) for folder in config.theme.dirs]
            self.site = digest(settings(config), _nav(nav.items), themes)
        page_parts = (page.url, page.abs_url, page.canonical_url, page.edit_url, page.title, page.is_homepage)
        extra = getattr(page, "update_date", None)
        parts = (self.site, own, page_parts, extra, page.meta, page.content, self.texts.toc(page.toc))
        self.keys[src] = key = self.texts.key(*parts)
        kept = self.html.get((self.edition, src))
        if kept is not None and kept[0] == key:
            context["explainer_reused"] = Markup(kept[1])  # noqa: S704 (the theme's own output, kept)
            self.reused.add(src)
        context["explainer_template"] = own
        return context

    def after_theme(self, page: Any, output: str) -> None:
        """on_post_page, before any other plugin's: the theme's HTML for this page, kept."""
        key = self.keys.pop(page.file.src_uri, None)
        if key is not None:
            self.html[(self.edition, page.file.src_uri)] = (key, output)
