"""What the linker's HTML walk (walk.py) needs to know of tags: which contexts are skipped, quiet
or prose, a start tag's attributes, and where an element ends."""

from __future__ import annotations

import functools
import html as htmllib
import re
from typing import NamedTuple

SKIP_TAGS = frozenset(
    {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "code",
        "pre",
        "kbd",
        "samp",
        "a",
        "script",
        "style",
        "svg",
        "math",
        "title",
        "nav",
        "textarea",
        "button",
        "select",
        "option",
        "label",
        "template",
    }
)
SKIP_CLASSES = frozenset({"md-nav", "x-nolink", "headerlink", "x-filter"})
QUIET_TAGS = frozenset({"svg", "nav", "script", "style", "template"})
QUIET_CLASSES = frozenset(
    {
        "md-nav",
        "x-nomention",
        "x-events",
        "x-index",
        "x-glossary",
        "x-overview",
        "x-strip",
        "x-filter",
        "x-profile",
        "x-also-cited",
        "x-places",
        "x-map",
        "x-locator",
    }
)
PROSE_CLASSES = frozenset({"x-body", "x-lead"})
REPEATED_CLASSES = frozenset({"x-event"})  # elements that recur verbatim on many pages: walked once
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
RAW_TEXT = frozenset({"script", "style"})  # their content is text up to the closing tag, never markup
# A tag, comment or declaration, as the standard library's HTMLParser reads them (tolerantly).
TOKEN = re.compile(
    r"""<!--.*?(?:--\s*>|\Z)|<[!?][^>]*>?
    |</([a-zA-Z][^\t\n\r\f />\x00]*)[^>]*>
    |<([a-zA-Z][^\t\n\r\f />\x00]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.S | re.X,
)
HREF = re.compile(r"""<a\b((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.I)
OFF_SITE = re.compile(r"[a-z][a-z0-9+.-]*:|//|#", re.I)  # links that leave the site, or stay on the page
ATTR = re.compile(r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?""")


class Tag(NamedTuple):
    """What the walk needs of a start tag's attributes."""

    skip: bool  # its classes say: no linking inside
    quiet: bool  # no mentions counted inside
    prose: bool  # an editor's own text
    repeat: bool  # recurs verbatim on many pages
    href: str | None
    closed: bool  # written <x … />

    def opens(self, tag: str) -> bool:
        """Whether the tag opens an element (not a void or self-closed one)."""
        return not self.closed and tag not in VOID


class Open(NamedTuple):
    """What the elements the walk is inside imply for their content (one of eight shared values)."""

    skip: bool  # no linking inside
    quiet: bool  # no mentions counted inside
    prose: bool  # an editor's own text: their links count as mentions

    def enter(self, tag: str, info: Tag) -> Open:
        """The context inside a `tag` element opened here."""
        return CONTEXTS[
            (self.skip or tag in SKIP_TAGS or info.skip) * 4
            + (self.quiet or tag in QUIET_TAGS or info.quiet) * 2
            + (self.prose or info.prose)
        ]


CONTEXTS = tuple(Open(bool(n & 4), bool(n & 2), bool(n & 1)) for n in range(8))


def attributes(raw: str) -> dict[str, str | None]:
    """A start tag's attributes (the text after its name), as HTMLParser reads them: lower-case names,
    unescaped values, the last of a name winning."""
    out: dict[str, str | None] = {}
    for m in ATTR.finditer(" " + raw):
        name, rest, value = m.group(1, 2, 3)
        if not rest:
            out[name.lower()] = None
            continue
        if value[:1] in "'\"" and value[:1] == value[-1:] and len(value) > 1:
            value = value[1:-1]
        out[name.lower()] = htmllib.unescape(value) if "&" in value else value
    return out


PLAIN_TAG = Tag(False, False, False, False, None, False)


@functools.lru_cache(maxsize=65536)  # a pure function of the attribute text: the same few thousand recur on every page
def tag_info(raw: str) -> Tag:
    if not raw:
        return PLAIN_TAG
    low = raw.lower()
    if "class" not in low and "href" not in low:  # nothing the walk looks at
        return PLAIN_TAG if not raw.rstrip().endswith("/") else PLAIN_TAG._replace(closed=True)
    attrs = attributes(raw) if "=" in raw else {}
    classes = set((attrs.get("class") or "").split())
    return Tag(
        bool(classes & SKIP_CLASSES),
        bool(classes & QUIET_CLASSES),
        bool(classes & PROSE_CLASSES),
        bool(classes & REPEATED_CLASSES),
        attrs.get("href"),
        raw.rstrip().endswith("/"),
    )


@functools.lru_cache(maxsize=64)
def _bound(tag: str) -> re.Pattern[str]:
    return re.compile(rf"<(/?){tag}\b[^>]*>", re.I)


def element_end(source: str, pos: int, tag: str) -> int:
    """Where the `tag` element opened just before `pos` ends, its closing tag included: the end of the
    page for an unclosed script, style or SVG, 0 for any other unclosed element."""
    if tag in RAW_TEXT:
        close = re.compile(rf"</{tag}\b[^>]*>", re.I).search(source, pos)
        return close.end() if close else len(source)
    bound = _bound(tag)
    depth = 1
    for m in bound.finditer(source, pos):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    return len(source) if tag == "svg" else 0
