"""Walk a page's HTML and link names in its text nodes; markup passes through byte for byte.

Where names are linked: text outside headings, code, existing links, scripts, styles, SVG,
navigation, forms and any element with class `x-nolink`.

Where mentions are counted: everywhere except listings that repeat other pages' text or data
(event lists, index lists, the A–Z glossary, profiles, "also cited on" lists, SVG, navigation,
class `x-nomention`): an actor's page that lists an event does not thereby mention everyone the
event's summary names. An existing link to an entity's page counts as its first link on the page,
and as a mention when an editor wrote it: anywhere on a hand-written page (`editor_links=True`),
or inside an editor's Markdown field on a generated page (class `x-body` or `x-lead`).

Speed (every page of a site passes through here): tags are found with one compiled expression, not
a Python HTML parser; an SVG drawing, script or style is stepped over whole (an SVG is only searched
for links); and an element that recurs on many pages (class `x-event`: an event in a list) is walked
once: what it holds (links, names) is kept with its text and replayed wherever it appears again."""

from __future__ import annotations

import html as htmllib
import re
from typing import NamedTuple, Protocol

from markupsafe import Markup, escape

from ..urls import root_prefix
from .names import Entity, Matcher
from .tags import HREF, OFF_SITE, RAW_TEXT, TOKEN, Open, Tag, attributes, element_end, tag_info


class Linker(Protocol):
    """What the walk asks of the linker (linker.py): names to find, links to resolve, a memo of walked
    elements."""

    matcher: Matcher
    directory_urls: bool
    walked: dict[tuple[str, Open, str], tuple[Step, ...] | None]

    def target_of(self, page_src: str, href: str) -> Entity | None: ...

    def href(self, page_src: str, entity: Entity) -> str: ...


LINK = Markup('<a class="x-autolink" href="{}" title="{}">{}</a>')


class Name(NamedTuple):
    start: int
    end: int
    entity: Entity


class TextNode(NamedTuple):
    start: int  # offsets in the walked HTML
    end: int
    text: str  # unescaped
    names: tuple[Name, ...]  # offsets in `text`
    quiet: bool


Step = tuple[Entity, bool] | TextNode  # an existing link (entity, counts as a mention) or a text node


class _Walk:
    """One pass over some HTML: calls `link` for each existing link and `text` for each text node that
    may hold a name, in document order. `base`: the context the HTML sits in."""

    strict = False  # refuse HTML that closes an element it did not open

    def __init__(self, source: str, linker: Linker, page_src: str, base: Open) -> None:
        self.source, self.linker, self.page_src, self.base = source, linker, page_src, base

    def link(self, href: str | None, here: Open) -> None:
        if href:
            target = self.linker.target_of(self.page_src, href)
            if target is not None:
                self.step((target, here.prose and not here.quiet))

    def text(self, start: int, end: int, top: Open) -> None:
        raw = self.source[start:end]
        text = htmllib.unescape(raw) if "&" in raw else raw
        names = tuple(Name(*found) for found in self.linker.matcher.find(text))
        if names:
            self.step(TextNode(start, end, text, names, top.quiet))

    def step(self, step: Step) -> None:
        raise NotImplementedError

    def repeated(self, start: int, end: int, top: Open) -> bool:
        """Handle a recurring element at once; False to walk it like any other."""
        return False

    def run(self) -> bool:
        """Walk; False if the HTML leaves elements open or closes more than it opens."""
        source, pattern = self.source, self.linker.matcher.pattern
        tags, stack = [""], [self.base]  # the open elements, and the context each makes
        text_from = 0
        tokens = TOKEN.finditer(source)
        while (m := next(tokens, None)) is not None:
            start = m.start()
            if (
                start > text_from
                and not stack[-1].skip
                and ((pattern and pattern.search(source, text_from, start)) or source.find("&", text_from, start) >= 0)
            ):
                self.text(text_from, start, stack[-1])
            text_from = m.end()
            closing, name = m.group(1, 2)
            if closing:
                tag = closing.lower()
                if len(tags) > 1 and tags[-1] == tag:
                    tags.pop()
                    stack.pop()
                elif tag in tags[1:]:  # close it and whatever is still open inside it
                    del tags[len(tags) - tags[::-1].index(tag) - 1 :]
                    del stack[len(tags) :]
                elif self.strict:
                    return False
                continue
            if not name:
                continue  # a comment or declaration
            raw_attrs = m.group(3)
            tag, top, info = name.lower(), stack[-1], tag_info(raw_attrs)
            here = top.enter(tag, info)
            end = self._whole(m, tag, info, top, here) if (tag == "svg" or tag in RAW_TEXT or info.repeat) else 0
            if end:
                text_from = end
                tokens = TOKEN.finditer(source, end)  # step over it
                continue
            if tag == "a":
                self.link(info.href, here)
            if info.opens(tag):
                tags.append(tag)
                stack.append(here)
        if text_from < len(source) and not stack[-1].skip:
            self.text(text_from, len(source), stack[-1])
        return len(tags) == 1

    def _whole(self, m: re.Match[str], tag: str, info: Tag, top: Open, here: Open) -> int:
        """Step over an SVG, script, style or recurring element: where it ends, or 0 to walk into it."""
        if info.closed:
            return 0
        end = element_end(self.source, m.end(), tag)
        if tag == "svg":
            for a in HREF.finditer(self.source, m.start(), end):
                raw = a.group(1)
                if raw.count("href") != 1 or 'href="#' not in raw:  # else a mark's link within the page
                    self.link(attributes(raw).get("href"), here)
        elif tag not in RAW_TEXT and not (end and self.repeated(m.start(), end, top)):
            return 0
        return end


class _Record(_Walk):
    """Walks a recurring element once, keeping its steps (offsets relative to the element). The steps
    serve every page of the same depth if each relative link in it climbs to the site's root first."""

    strict = True

    def __init__(self, source: str, linker: Linker, page_src: str, base: Open) -> None:
        super().__init__(source, linker, page_src, base)
        self.steps: list[Step] = []
        self.prefix = root_prefix(page_src, linker.directory_urls)
        self.portable = True

    def link(self, href: str | None, here: Open) -> None:
        if (
            href
            and not OFF_SITE.match(href)
            and not (href.startswith(self.prefix) and "../" not in href[len(self.prefix) :])
        ):
            self.portable = False
        super().link(href, here)

    def step(self, step: Step) -> None:
        self.steps.append(step)


class _Link(_Walk):
    """Walks a page, linking first mentions as it goes."""

    def __init__(self, source: str, linker: Linker, page_src: str, editor_links: bool) -> None:
        super().__init__(source, linker, page_src, Open(False, False, editor_links))
        self.prefix = root_prefix(page_src, linker.directory_urls)
        self.linked: set[str] = set()
        self.mentions: dict[tuple[str, str], None] = {}
        self.edits: list[tuple[int, int, str]] = []

    def step(self, step: Step, offset: int = 0) -> None:
        if isinstance(step, TextNode):
            self._link_names(step, offset)
            return
        target, mention = step
        if target.src == self.page_src:
            return
        self.linked.add(target.src)
        if mention:
            self.mentions.setdefault((target.kind, target.id))

    def repeated(self, start: int, end: int, top: Open) -> bool:
        key = (self.source[start:end], top, self.prefix)
        if key in self.linker.walked:
            steps = self.linker.walked[key]
        else:
            record = _Record(key[0], self.linker, self.page_src, top)
            steps = tuple(record.steps) if record.run() and record.portable else None
            self.linker.walked[key] = steps
        if steps is None:
            return False  # not a well-formed element: walk into it
        for step in steps:
            self.step(step, start)
        return True

    def _link_names(self, node: TextNode, offset: int) -> None:
        pieces: list[str] = []
        done = 0
        for start, end, ent in node.names:
            if ent.src == self.page_src or ent.src in self.linked:
                continue
            self.linked.add(ent.src)
            if not node.quiet:
                self.mentions.setdefault((ent.kind, ent.id))
            href = self.linker.href(self.page_src, ent)
            pieces += [str(escape(node.text[done:start])), str(LINK.format(href, ent.tip, node.text[start:end]))]
            done = end
        if pieces:
            self.edits.append((offset + node.start, offset + node.end, "".join(pieces) + str(escape(node.text[done:]))))

    def result(self) -> str:
        if not self.edits:
            return self.source
        out, done = [], 0
        for start, end, text in self.edits:
            out += [self.source[done:start], text]
            done = end
        out.append(self.source[done:])
        return "".join(out)


def autolink(
    source: str, page_src: str, linker: Linker, editor_links: bool = True
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The page's HTML with first mentions linked, and the (kind, id) of what it mentions."""
    walk = _Link(source, linker, page_src, editor_links)
    walk.run()
    return walk.result(), tuple(walk.mentions)
