"""Walk a page's HTML and link names in its text nodes; markup passes through byte for byte.

Where names are linked: text outside headings, code, existing links, scripts, styles, SVG,
navigation, forms and any element with class `x-nolink`.

Where mentions are counted: everywhere except listings that repeat other pages' text or data
(event lists, index lists, the A–Z glossary, profiles, "also cited on" lists, SVG, navigation,
class `x-nomention`): an actor's page that lists an event does not thereby mention everyone the
event's summary names. An existing link to an entity's page counts as its first link on the page,
and as a mention when an editor wrote it: anywhere on a hand-written page (`editor_links=True`),
or inside an editor's Markdown field on a generated page (class `x-body` or `x-lead`)."""
from __future__ import annotations

import html as htmllib
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any, NamedTuple

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from .linker import Linker

SKIP_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "a", "script", "style",
                       "svg", "math", "title", "nav", "textarea", "button", "select", "option", "label", "template"})
SKIP_CLASSES = frozenset({"md-nav", "x-nolink", "headerlink", "x-filter"})
QUIET_TAGS = frozenset({"svg", "nav", "script", "style", "template"})
QUIET_CLASSES = frozenset({"md-nav", "x-nomention", "x-events", "x-index", "x-glossary", "x-overview", "x-strip",
                           "x-filter", "x-profile", "x-also-cited", "x-places", "x-map", "x-locator"})
PROSE_CLASSES = frozenset({"x-body", "x-lead"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr"})
LINK = Markup('<a class="x-autolink" href="{}" title="{}">{}</a>')


class _Scanner(HTMLParser):
    """Records every token with its offset in the source, so untouched markup is copied exactly."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple[int, str, str, Any]] = []
        self._lines = [0]
        for i, ch in enumerate(source):
            if ch == "\n":
                self._lines.append(i + 1)

    def _add(self, kind: str, tag: str = "", extra: Any = None) -> None:
        line, col = self.getpos()
        self.tokens.append((self._lines[line - 1] + col, kind, tag, extra))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("void" if tag in VOID else "start", tag, dict(attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("void", tag, dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add("text", "", data)

    def handle_comment(self, data: str) -> None:
        self._add("other")

    def handle_decl(self, decl: str) -> None:
        self._add("other")

    def handle_pi(self, data: str) -> None:
        self._add("other")

    def unknown_decl(self, data: str) -> None:
        self._add("other")


class _Open(NamedTuple):
    tag: str
    skip: bool  # no linking inside
    quiet: bool  # no mentions counted inside
    prose: bool  # an editor's own text: their links count as mentions


def autolink(source: str, page_src: str, linker: Linker,
             editor_links: bool = True) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The page's HTML with first mentions linked, and the (kind, id) of what it mentions."""
    scanner = _Scanner(source)
    scanner.feed(source)
    scanner.close()
    tokens = scanner.tokens
    out: list[str] = []
    stack = [_Open("", False, False, editor_links)]
    linked: set[str] = set()
    mentions: dict[tuple[str, str], None] = {}
    for i, (offset, kind, tag, extra) in enumerate(tokens):
        raw = source[offset: tokens[i + 1][0] if i + 1 < len(tokens) else len(source)]
        top = stack[-1]
        if kind in ("start", "void"):
            classes = set((extra.get("class") or "").split())
            here = _Open(tag, top.skip or tag in SKIP_TAGS or bool(classes & SKIP_CLASSES),
                         top.quiet or tag in QUIET_TAGS or bool(classes & QUIET_CLASSES),
                         top.prose or bool(classes & PROSE_CLASSES))
            if tag == "a" and extra.get("href"):
                target = linker.target_of(page_src, extra["href"])
                if target is not None and target.src != page_src:
                    linked.add(target.src)
                    if here.prose and not here.quiet:
                        mentions.setdefault((target.kind, target.id))
            if kind == "start":
                stack.append(here)
        elif kind == "end":
            if any(o.tag == tag for o in stack[1:]):
                while stack.pop().tag != tag:
                    pass
        elif kind == "text" and not top.skip:
            raw = _link_text(raw, extra, page_src, linker, linked, None if top.quiet else mentions)
        out.append(raw)
    return "".join(out), tuple(mentions)


def _link_text(raw: str, text: str, page_src: str, linker: Linker, linked: set[str],
               mentions: dict[tuple[str, str], None] | None) -> str:
    if htmllib.unescape(raw) != text:
        return raw  # a token we cannot map back to its source exactly: leave it alone
    pieces: list[str] = []
    done = 0
    for start, end, ent in linker.matcher.find(text):
        if ent.src == page_src or ent.src in linked:
            continue
        linked.add(ent.src)
        if mentions is not None:
            mentions.setdefault((ent.kind, ent.id))
        pieces += [str(escape(text[done:start])), str(LINK.format(linker.href(page_src, ent), ent.tip, text[start:end]))]
        done = end
    if not pieces:
        return raw
    return "".join(pieces) + str(escape(text[done:]))
