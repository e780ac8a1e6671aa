"""HTML kept out of Markdown. A generated page is HTML blocks between Markdown headings; Python-Markdown would
only parse each block to set it aside untouched (and MkDocs parses it again for anchor ids), which is most of
what converting such a page costs. So the page's Markdown holds a short token where each block goes, and the
block is put back into the HTML once Markdown has converted the page: the reader gets the same page.

Heavy fragments (SVG timeline strips, maps) are set aside as the templates render them (`Stash.keep`); whole
blocks are set aside afterwards (`stash_blocks`), only where Markdown would pass them through unchanged. The
plugin puts them all back after Markdown; once names are linked (a drawing's links count), it sets the heavy
ones aside again until search has indexed the page (`restash`): parsing SVG was most of indexing a map's page,
and search kept nothing of the maps and only the strips' labels, which repeat the page's own text."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from markdown.util import BLOCK_LEVEL_ELEMENTS
from markupsafe import Markup

TOKEN = re.compile(r"<!--x-(frag|heavy):(\d+)-->")
_BLOCK = "|".join(sorted(BLOCK_LEVEL_ELEMENTS, key=len, reverse=True))
_STARTS_BLOCK = re.compile(rf"<({_BLOCK})[\s/>]")  # a line Markdown takes for raw HTML (a block-level tag)
_MARKDOWN_INSIDE = re.compile(r'\smarkdown="')  # md_in_html converts such a block's content
_ANCHOR = re.compile(r'<(?:[a-zA-Z][\w:-]*(?:\s[^>]*?)?\sid|a(?:\s[^>]*?)?\sname)="([^"]*)"')  # id=, <a name=


class Stash:
    """The fragments of the page being rendered (None: put them inline)."""

    def __init__(self) -> None:
        self.items: list[str] | None = None

    def keep(self, html: str, kind: str = "heavy") -> Markup:
        if self.items is None:
            return Markup(html)
        self.items.append(str(html))
        return Markup(f"<!--x-{kind}:{len(self.items) - 1}-->")


def stash_blocks(markdown: str, stash: Stash) -> str:
    """The page with each top-level HTML block (separated by blank lines) set aside in `stash`. A block is set
    aside only when Markdown would copy it as it is: each of its lines outside a block-level element starts
    another one (`<h3>…</h3>` then `<ul>` on the next line is two elements, one block); a block whose last
    element is not closed by its end stays in."""
    if stash.items is None:
        return markdown
    parts, out, i = markdown.split("\n\n"), [], 0
    while i < len(parts):
        end = _block_end(parts, i) if _STARTS_BLOCK.match(parts[i]) else None
        if end is None:
            out.append(parts[i])
            i += 1
        else:
            block = "\n\n".join(parts[i : end + 1])
            kept = block.rstrip()  # Markdown drops the white space after a block; the token keeps its place
            out.append(stash.keep(kept, "frag") + block[len(kept) :])
            i = end + 1
    return "\n\n".join(out)


def _block_end(parts: Sequence[str], first: int) -> int | None:
    """The last part of the block starting at parts[first], or None if Markdown might change it. Each element
    is followed by its tag (the one a line at the top level starts) until the line that closes it."""
    depth, opened, closed = 0, _STARTS_BLOCK, ""
    for i in range(first, len(parts)):
        for line in parts[i].split("\n"):
            if depth == 0 and line:
                start = _STARTS_BLOCK.match(line)
                if start is None:
                    return None  # text Markdown would wrap in a paragraph
                opened, closed = re.compile(rf"<{start.group(1)}[\s/>]"), f"</{start.group(1)}>"
            depth += len(opened.findall(line)) - line.count(closed) if line else 0
            if depth < 0 or (depth == 0 and line and not line.rstrip().endswith(">")) or _MARKDOWN_INSIDE.search(line):
                return None  # a stray end tag, text after the block on its line, or Markdown asked for inside
        if depth == 0:
            return i
    return None


def expand(text: str, fragments: Sequence[str]) -> str:
    """The page with each token replaced by its fragment (a block may hold heavy fragments' tokens)."""
    return TOKEN.sub(lambda m: expand(fragments[int(m.group(2))], fragments), text) if fragments else text


def heavy_tokens(text: str, fragments: Sequence[str]) -> list[int]:
    """The heavy fragments of a page (`text`: the page before its fragments are put back)."""
    return sorted({int(n) for kind, n in TOKEN.findall("".join((text, *fragments))) if kind == "heavy"})


def restash(html: str, fragments: Sequence[str], heavy: Iterable[int]) -> str:
    """The finished page with its heavy fragments set aside again (`expand` puts them back)."""
    for i in heavy:
        html = html.replace(expand(fragments[i], fragments), f"<!--x-heavy:{i}-->", 1)
    return html


def anchor_ids(fragments: Iterable[str], known: Iterable[str] | None = ()) -> set[str]:
    """The anchors a link may point at: `known` (those MkDocs found in the page) and those in the fragments,
    found as MkDocs finds them in raw HTML (id attributes, and name on <a>)."""
    return {*(known or ()), *(html.unescape(m) for f in fragments for m in _ANCHOR.findall(f))}
