"""'Mentioned in': the pages that mention an actor, place or term, from data and from prose.

Data: the events that list it (actors, places, terms fields) and, for a term, the terms whose
`see_also` names it. Prose: the pages on which the linker found it (or an editor linked it).
Pages are recorded while they are rendered; an entity page carries a placeholder,
`<div class="x-mentions" data-src="actors/x.md"></div>`, filled in once every page is known. Under `mkdocs
serve`, a list is kept from one rebuild to the next (kept.py) under a key of what it shows."""

from __future__ import annotations

import functools
import gettext
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..kept import Kept, digest
from ..load import stamps
from ..model import Explainer
from ..text import clean_text, fold
from ..urls import root_prefix, via_root

PLACEHOLDER = re.compile(r'<div class="x-mentions" data-src="([^"<>]*)"></div>')
GROUPS = (
    ("events/", "Events"),
    ("actors/", "Actors"),
    ("places/", "Places"),
    ("glossary/", "Glossary"),
    ("timelines/", "Timelines"),
    ("sources/", "Sources"),
)


@dataclass(frozen=True)
class Mention:
    src: str  # the mentioning page
    title: str
    url: str  # relative to the page that shows the list (climbing to the root: urls.via_root)


def group_of(src: str) -> str:
    return next((label for prefix, label in GROUPS if src.startswith(prefix)), "Pages")


class Mentions:
    """Collects what each page mentions during a build; renders the lists afterwards."""

    def __init__(
        self,
        model: Explainer,
        directory_urls: bool = True,
        translations: gettext.NullTranslations | None = None,
        kept: Kept | None = None,
    ) -> None:
        self.model, self.directory_urls, self.kept = model, directory_urls, kept
        self._found: dict[tuple[str, str], dict[str, str]] = {}  # (kind, id) -> {page src: title}
        self._words = translations or gettext.NullTranslations()
        self._label = self._words.gettext
        self._event_order = {f"events/{i}.md": n for n, i in enumerate(model.events)}
        self._see_also: dict[str, dict[str, str]] = {}  # term id -> {page of a term that names it: term}
        for t in model.terms.values():
            for other in t.see_also:
                self._see_also.setdefault(other, {})[f"glossary/{t.id}.md"] = t.term

    @functools.cached_property
    def _template(self) -> jinja2.Template:
        env = jinja2.Environment(
            loader=jinja2.PackageLoader("explainer.linking"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            extensions=["jinja2.ext.i18n"],
        )
        env.install_gettext_translations(self._words, newstyle=True)  # type: ignore[attr-defined]
        env.filters["text"] = clean_text
        return env.get_template("mentions.html.j2")

    @functools.cached_property
    def _backdrop(self) -> tuple[Any, ...]:
        """What a list is made from beyond what it shows: the edition's words and the template."""
        return getattr(self._words, "_catalog", None), stamps(str(Path(__file__).parent / "templates"))

    def record(self, page_src: str, title: str, found: Iterable[tuple[str, str]]) -> None:
        for entity in found:
            self._found.setdefault(entity, {})[page_src] = title or page_src

    def sources_of(self, kind: str, ident: str) -> dict[str, str]:
        """Every page mentioning the entity ({src: title}), from data and prose, not its own page."""
        pages = {f"events/{e.id}.md": e.title for e in self.model.events_of(kind, ident)}
        if kind == "glossary":
            pages |= self._see_also.get(ident, {})
        pages |= self._found.get((kind, ident), {})
        pages.pop(f"{kind}/{ident}.md", None)
        return pages

    def groups(self, kind: str, ident: str, here: str) -> list[tuple[str, list[Mention]]]:
        """('Pages' | 'Events' | …, mentions) in a stable order: events by date, others by title.

        `here` is the page that shows the list (links are relative to it; it is left out)."""
        event_order = self._event_order
        pages = self.sources_of(kind, ident)
        pages.pop(here, None)

        def order(s: str) -> tuple[int, str, str]:
            n = event_order.get(s)
            return (n, "", "") if n is not None else (-1, fold(pages[s]), s)

        ordered = sorted(pages, key=order)
        prefix = root_prefix(here, self.directory_urls)
        labels = ["Pages"] + [label for _, label in GROUPS]
        grouped: dict[str, list[Mention]] = {}
        for s in ordered:
            grouped.setdefault(group_of(s), []).append(Mention(s, pages[s], via_root(prefix, s, self.directory_urls)))
        return [(label, grouped[label]) for label in labels if label in grouped]

    def render(self, entity_src: str, here: str) -> Markup:
        kind, _, rest = entity_src.partition("/")
        ident = rest.removesuffix(".md")
        known = {"actors": self.model.actors, "places": self.model.places, "glossary": self.model.terms}
        if ident not in known.get(kind, {}):
            return Markup("")
        groups = [(self._label(label), items) for label, items in self.groups(kind, ident, here)]
        key = digest("mentions", groups, self._backdrop) if self.kept is not None else None
        if self.kept is None or key is None:
            return Markup(self._template.render(groups=groups))
        return Markup(self.kept.get(key, lambda: self._template.render(groups=groups)))

    def fill(self, html: str, page_src: str) -> str:
        """Replace every placeholder in the HTML of page `page_src` with its 'Mentioned in' list."""
        if '<div class="x-mentions"' not in html:  # most pages: a look for the words, not a search by pattern
            return html
        return PLACEHOLDER.sub(lambda m: str(self.render(m.group(1), page_src)), html)
