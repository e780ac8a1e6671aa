"""HTML fragments that many pages share, each rendered once per link depth and then reused.

An event appears on its actors', places', terms' and sources' pages and on the timelines; its list item
(and its summary's Markdown) would otherwise be rendered on each. Links in generated pages climb to the
site's root and go down again (`urls.via_root`), so a fragment depends only on the depth of the page
that shows it: the cache key is (what, depth), and the work stays linear in the number of events.

Under `mkdocs serve`, an event's fragments are also kept from one rebuild to the next (kept.py), under a key
of the event, the depth and the backdrop of every kept page (keys.py): a save that changes one event renders
that event's fragments again, not the thousand others that the indexes and timelines list with it."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any

import jinja2
from markupsafe import Markup

from ..kept import Kept
from ..model import Era, Event, Explainer
from ..prose import Prose
from ..urls import via_root
from .keys import PageKeys
from .language import Language


class Fragments:
    """Rendered list items and Markdown fields, cached per link prefix ('', '../', '../../', …)."""

    def __init__(
        self,
        env: jinja2.Environment,
        model: Explainer,
        directory_urls: bool,
        language: Language | None = None,
        kept: tuple[Kept, PageKeys] | None = None,
    ) -> None:
        self.model, self.directory_urls = model, directory_urls
        self.prose = Prose()
        self.language = language or Language()
        self.kept = kept  # what earlier builds made, and the keys it is kept under
        self._item, self._line = env.get_template("_event_item.j2"), env.get_template("_index_line.j2")
        self._items: dict[tuple[Any, ...], Markup] = {}
        self._markdown: dict[tuple[str, str, str, bool, type], Markup] = {}

    def link(self, prefix: str) -> Callable[..., str]:
        def link(to: str, anchor: str = "") -> str:
            return via_root(prefix, to, self.directory_urls, anchor)

        return link

    def markdown(self, text: str, yaml_path: str, prefix: str, inline: bool = False) -> Markup:
        """An editor's Markdown field as safe HTML; its links to other pages climb from `prefix`."""
        folder = posixpath.dirname(yaml_path.removeprefix("docs/"))
        key = (text, folder, prefix, inline, type(text))  # an untranslated text is marked: not the same
        hit = self._markdown.get(key)
        if hit is None:

            def resolve(target: str) -> str | None:
                path = posixpath.normpath(posixpath.join(folder, target))
                return None if path.startswith("..") else via_root(prefix, path, self.directory_urls)

            hit = self._markdown[key] = self.language.field(text, self.prose.html(text, resolve, inline), inline)
        return hit

    def md(self, prefix: str, default_path: str) -> Callable[..., Markup]:
        def md(text: str, yaml_path: str = default_path, inline: bool = False) -> Markup:
            return self.markdown(text, yaml_path, prefix, inline)

        return md

    def event_item(
        self, e: Event, prefix: str, compact: bool = False, tone: int | None = None, starts: tuple[Era, ...] = ()
    ) -> Markup:
        """The <li> of an event in a list: date, title, and unless `compact`, its summary, actors, places."""
        return self._made(
            self._item, e, prefix, compact=compact, tone=tone, starts=tuple(starts), md=self.md(prefix, e.path)
        )

    def index_line(self, e: Event, prefix: str) -> Markup:
        """The <li> of an event in the events index: its date and title."""
        return self._made(self._line, e, prefix)

    def _made(self, template: jinja2.Template, e: Event, prefix: str, **context: Any) -> Markup:
        """`template` rendered for `e` at a depth: made once a build, and kept across builds if it may be."""
        own = {k: v for k, v in context.items() if k != "md"}
        key = (template.name, e.id, prefix, *own.values())
        hit = self._items.get(key)
        if hit is None:

            def make() -> Markup:
                return Markup(template.render(e=e, m=self.model, link=self.link(prefix), **context))

            kept_key = self.kept[1].part(template.name, e, prefix, *own.values()) if self.kept else None
            hit = self._items[key] = self.kept[0].get(kept_key, make) if self.kept and kept_key else make()
        return hit
