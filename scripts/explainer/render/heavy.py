"""Heavy fragments (SVG timeline strips, maps) kept out of Markdown: a page's Markdown holds a short token
where each goes, and the fragment is put back into the HTML once Markdown has converted the page. The reader
gets the same page; Python-Markdown does not have to stash and restore tens of kilobytes of raw HTML."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markupsafe import Markup

TOKEN = re.compile(r"<!--x-frag:(\d+)-->")


class Stash:
    """The heavy fragments of the page being rendered (None: put them inline, as for `explainer render`)."""

    def __init__(self) -> None:
        self.items: list[str] | None = None

    def keep(self, html: str) -> Markup:
        if self.items is None:
            return Markup(html)
        self.items.append(str(html))
        return Markup(f"<!--x-frag:{len(self.items) - 1}-->")


def expand(text: str, fragments: Sequence[str]) -> str:
    """The page with each token replaced by its fragment."""
    return TOKEN.sub(lambda m: fragments[int(m.group(1))], text) if fragments else text
