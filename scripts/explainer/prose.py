"""Editors' Markdown fields to safe HTML (raw HTML is shown as text, links are checked and rewritten),
and to plain text."""

from __future__ import annotations

import html as htmllib
import posixpath
import re
from collections.abc import Callable
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .text import clean_text

TAGS = frozenset(
    {
        "p",
        "a",
        "em",
        "strong",
        "code",
        "pre",
        "ul",
        "ol",
        "li",
        "blockquote",
        "br",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "del",
        "sup",
        "sub",
        "hr",
        "abbr",
        "bdi",
    }
)
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
# One line of prose that neither Markdown nor HTML would read as markup, so it renders to itself in a <p>:
# it starts with a letter or an opening quote or bracket (so it is no list item), holds no *, _, `, [, <, &,
# #, \\, |, line break or non-ASCII space, and does not end with a space. (One character class, so it runs
# in C without backtracking; `_`, a word character, is ruled out by `is_plain`.)
PLAIN = re.compile(r"(?:[^\W\d_]|[(\"'“‘])[\w ,.;:?!'’‘\"“”()/%–—-]*(?<! )")


def is_plain(text: str) -> bool:
    return "_" not in text and PLAIN.fullmatch(text) is not None


class _DemoteHeadings(Treeprocessor):  # type: ignore[misc]
    """Headings in a field sit inside a page section: # becomes h3."""

    def run(self, root: Element) -> None:
        for el in root.iter():
            if re.fullmatch(r"h[1-6]", el.tag):
                el.tag = f"h{min(int(el.tag[1]) + 2, 6)}"


def _converter() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")  # raw HTML stays text
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_DemoteHeadings(md), "demote", 1)
    return md


class Prose:
    """Renders editors' Markdown fields; holds one Markdown converter (reset before each field)."""

    def __init__(self) -> None:
        self._md = _converter()

    def html(self, text: str, resolve: Callable[[str], str | None] | None = None, inline: bool = False) -> Markup:
        """An editor's Markdown field as sanitised HTML.

        `resolve` maps a link written as a docs-relative `.md` path to a page URL (or None to drop it).
        `inline` strips the outer paragraph, for one-line fields shown inside other markup."""
        if is_plain(text):
            return Markup(text if inline else f"<p>{text}</p>")  # what the full path below would give
        self._md.reset()
        html = self._md.convert(clean_text(text))

        def attribute_filter(tag: str, attr: str, value: str) -> str | None:
            if tag == "a" and attr == "href":
                return _rewrite(value, resolve)
            return value

        safe = nh3.clean(
            html,
            tags=TAGS,
            attributes=ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            attribute_filter=attribute_filter,
            link_rel="noopener noreferrer",
        )
        if inline and safe.startswith("<p>") and safe.endswith("</p>") and safe.count("<p>") == 1:
            safe = safe[3:-4]
        return Markup(safe)

    def plain(self, text: str) -> str:
        """An editor's Markdown field as one line of plain text."""
        return re.sub(r"\s+", " ", html_text(str(self.html(text)) if text else "")).strip()


def html_text(html: str) -> str:
    """The text of an HTML fragment, tags dropped and entities decoded."""
    return htmllib.unescape(nh3.clean(html, tags=set()))


def _rewrite(href: str, resolve: Callable[[str], str | None] | None) -> str | None:
    if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I) or href.startswith("#"):
        return href
    path, _, anchor = href.partition("#")
    if resolve is None or not path.endswith(".md"):
        return href
    target = resolve(posixpath.normpath(path).lstrip("/"))
    if target is None:
        return None
    return target + (f"#{anchor}" if anchor else "")
