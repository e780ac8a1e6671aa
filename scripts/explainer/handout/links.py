"""Links in the print edition. Every page the document holds becomes an anchor in it (events/x.md ->
#ev-x); any other page or file becomes its public address, or plain text when the site has none; links to
other sites stay. The hand-written pages are put in with their headings one level down and their ids
prefixed, so that nothing clashes with the generated sections."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from markupsafe import escape

from ..prose import html_text
from ..render.handout import PRINT_PAGE
from ..urls import page_url

ENTRY_ANCHORS = {"events": "ev", "actors": "actor", "places": "place", "glossary": "term", "sources": "source"}
SECTION_ANCHORS = {
    "index.md": "story",
    PRINT_PAGE: "print-title",
    "map.md": "map",
    "timeline.md": "timeline",
    "events.md": "timeline",
    "actors.md": "actors",
    "places.md": "places",
    "glossary.md": "glossary",
    "sources.md": "sources",
}
HREF = re.compile(r'(<a\b[^>]*?)\shref="([^"]*)"')
ID = re.compile(r'(<[a-zA-Z][^>]*?\sid=")([^"]+)"')
HEADING = re.compile(r"<(/?)h([1-6])\b")
HEADERLINK = re.compile(r'<a class="headerlink" href="[^"]*"[^>]*>.*?</a>', re.S)
TOKEN = "<!--x-print:{}-->"
H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
PRINT_H1 = re.compile(r'(<h1 id="print-title">).*?</h1>', re.S)


def anchor(src: str) -> str:
    """The anchor in the print edition of the page built from `src`: 'events/x.md' -> 'ev-x'."""
    folder, _, rest = src.partition("/")
    if folder in ENTRY_ANCHORS and "/" not in rest:
        return f"{ENTRY_ANCHORS[folder]}-{rest.removesuffix('.md')}"
    if folder == "timelines":
        return "timeline"
    return SECTION_ANCHORS.get(src) or "page-" + src.removesuffix(".md").replace("/", "-")


@dataclass
class Handout:
    """One build's print edition: the hand-written pages it takes in (`keep`), then the whole (`assemble`)."""

    pages: Mapping[str, str]  # site address (as MkDocs gives page.url) -> docs path, of every page
    directory_urls: bool
    site_url: str = ""
    title_from_story: bool = False  # a language edition whose home page is translated: its heading is the title
    kept: dict[str, tuple[str, str]] = field(default_factory=dict)  # docs path -> (title, HTML)
    print_html: str = ""  # the print page, assembled
    title: str = ""  # its title as plain text, when the story gave it

    def keep(self, src: str, title: str, html: str) -> None:
        self.kept[src] = (title, html)

    def assemble(self, html: str) -> str:
        """The print page's HTML with the story and the other hand-written pages in, links made local."""
        story = self.kept.get("index.md")
        if story:
            text = HEADERLINK.sub("", story[1])
            heading = H1.search(text) if self.title_from_story else None
            if heading:  # the site's name is not translated; the home page's heading is
                html = PRINT_H1.sub(lambda m: m.group(1) + heading.group(1) + "</h1>", html, count=1)
                self.title, text = html_text(heading.group(1)).strip(), text.replace(heading.group(0), "", 1)
            html = html.replace(TOKEN.format("story"), self._part("index.md", "story", text))
        more = [s for s in sorted(self.kept) if s != "index.md"]
        contents = "".join(f'<li><a href="#{anchor(s)}">{escape(self.kept[s][0])}</a></li>' for s in more)
        parts = "".join(
            f'<section class="x-print__page" id="{anchor(s)}">{self._part(s, anchor(s), self.kept[s][1])}</section>'
            for s in more
        )
        html = html.replace(TOKEN.format("contents"), contents).replace(TOKEN.format("more"), parts)
        present = {m.group(2) for m in ID.finditer(html)}
        return self.relink(html, PRINT_PAGE, present)

    def _part(self, src: str, prefix: str, html: str) -> str:
        html = HEADERLINK.sub("", html)
        html = HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}", html)
        html = ID.sub(lambda m: f'{m.group(1)}{prefix}-{m.group(2)}"', html)
        return HREF.sub(lambda m: f'{m.group(1)} href="{self._local(m.group(2), src, prefix)}"', html)

    def _local(self, href: str, src: str, prefix: str) -> str:
        """A link of a hand-written page: in-page ones get its prefix, relative ones start from the site's
        root (relink reads them from the print page)."""
        parts = urlsplit(href)
        if href.startswith("#") and len(href) > 1:
            return f"#{prefix}-{href[1:]}"
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return href
        here = page_url(src, self.directory_urls)
        base = here.rstrip("/") if self.directory_urls and here.endswith("/") else posixpath.dirname(here)
        path = posixpath.normpath(posixpath.join(base, parts.path))
        return "/" + ("" if path == "." else path) + (f"#{parts.fragment}" if parts.fragment else "")

    def relink(self, html: str, src: str, present: Iterable[str]) -> str:
        ids = set(present)

        def replace(m: re.Match[str]) -> str:
            if "data-x-local" in m.group(1):  # a file beside the page (the PDF): the same from the web or disk
                return m.group(0)
            target = self._target(m.group(2), src, ids)
            return m.group(1) if target is None else f'{m.group(1)} href="{target}"'

        return HREF.sub(replace, html)

    def _target(self, href: str, src: str, ids: set[str]) -> str | None:
        """Where a link of the page built from `src` goes in the document: None for nowhere (plain text)."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("#") or not href:
            return href
        here = page_url(src, self.directory_urls)
        base = here.rstrip("/") if self.directory_urls and here.endswith("/") else posixpath.dirname(here)
        path = posixpath.normpath(posixpath.join(base, parts.path)).lstrip("/") if parts.path else here
        path = "" if path == "." else path
        target = self._page(path)
        if target is not None:
            name = anchor(target)
            if parts.fragment and f"{name}-{parts.fragment}" in ids:  # a heading of a hand-written page
                return f"#{name}-{parts.fragment}"
            if parts.fragment and target.startswith(("timeline", "events")) and f"ev-{parts.fragment}" in ids:
                return f"#ev-{parts.fragment}"  # an event on a timeline
            if name in ids:
                return f"#{name}"
            path = page_url(target, True)
        if not self.site_url:
            return None
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        return self.site_url.rstrip("/") + "/" + path + fragment

    def _page(self, path: str) -> str | None:
        for url in (path, path + "/", path.removesuffix("index.html"), path.removesuffix("/index.html") + "/"):
            if url in self.pages:
                return self.pages[url]
        return None
