"""Which generated pages `mkdocs serve` keeps from one rebuild to the next (kept.py), and the key each is kept
under: everything the page is made from.

A page of KEPT_TEMPLATES (an event's, an actor's, a place's, a term's, a source's, a timeline's) reads no event
but those its context holds; from the rest of the model (`m` in templates) it may read anything. So its key is
its context and the backdrop: the model but its events' contents (their ids and order are in it), the site's
settings and downloads, the edition and its words, and the templates. Indexes, the map, the print edition and
the guide read every event: they are made at every build. tests/test_kept_pages.py checks that no template of
these reads the model's events, and that kept pages are what a fresh build makes after edits of every kind."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from ..kept import Kept, digest
from ..load import stamps
from ..model import Actor, Citation, Era, Event, Explainer, Link, Place, Quote, Source, Term
from .language import Language

KEPT_TEMPLATES = frozenset(
    ("event.md.j2", "actor.md.j2", "place.md.j2", "term.md.j2", "source.md.j2", "timeline.md.j2", "timeline_part.md.j2")
)
RECORDS = frozenset(
    (Event, Actor, Place, Term, Source, Citation, Quote, Link, Era)
)  # never changed: frozen, of frozen parts
KEPT_FRAGMENTS = frozenset(("_event_item.j2", "_index_line.j2"))  # an event's, kept across builds (fragments.py)
BACKDROP = ("actors", "places", "terms", "sources", "timelines", "maps", "facts", "backlinks", "cited_by")


class PageKeys:
    """The keys of one build's pages. `settings`: what the renderer was given beyond the model (its options,
    the site, the downloads)."""

    def __init__(
        self, model: Explainer, settings: tuple[Any, ...], language: Language, kept: Kept | None = None
    ) -> None:
        self.model, self.settings, self.language = model, settings, language
        self.kept = kept  # its events' digests, shared with the data files (kept.py)
        self._ground: str | None = None  # the backdrop's digest, made when first needed
        self._made: dict[int, tuple[Any, Any]] = {}  # id -> each record and how a key holds it (`light`)

    def key(self, template: str, src: str, title: str, edit: str, context: dict[str, Any]) -> str | None:
        """The page's key; None for a page made at every build (or whose context cannot be written whole)."""
        if template not in KEPT_TEMPLATES:
            return None
        return digest("page", template, src, title, edit, self.light(context), self.backdrop())

    def part(self, *parts: Any) -> tuple[Any, ...] | None:
        """The key of a fragment that kept pages share (an event's list item at a depth, fragments.py), made from
        `parts` (texts, numbers and records: not a dict) and what any kept page may read; None if the backdrop
        cannot be written whole. A tuple, not a digest: it is made thousands of times a build."""
        ground = self.backdrop()
        return ("part", self.light(parts), ground) if ground else None

    def light(self, value: Any) -> Any:
        """`value` as a key holds it, each event and each other frozen record in it written as its digest, made
        once a build: an event is on many pages (its actors', places', timelines'), so is an actor."""
        if isinstance(value, (tuple, list)):
            return (type(value).__name__, *(self.light(v) for v in value))
        if isinstance(value, dict):
            return {k: self.light(v) for k, v in value.items()}
        if not is_dataclass(value) or isinstance(value, type):
            return value
        if not type(value).__dataclass_params__.frozen:  # type: ignore[attr-defined]
            return self._fields(value)  # (it may change from one page to the next)
        known = self._made.get(id(value))
        if known is None or known[0] is not value:
            whole = value if isinstance(value, Event) else self._fields(value)
            if self.kept is not None and type(value) in RECORDS:  # made once while it is the same (kept.Same)
                made = self.kept.of(value, lambda: digest(whole))
            else:
                made = digest(whole)
            known = self._made[id(value)] = (value, (type(value).__qualname__, made) if made else whole)
        return known[1]

    def _fields(self, value: Any) -> tuple[Any, ...]:
        return (type(value).__qualname__, *(self.light(getattr(value, f.name)) for f in fields(value)))

    def backdrop(self) -> str | None:
        """What a kept page may read beyond its context (above), as a digest made once a build."""
        if self._ground is None:
            m = self.model
            self._ground = digest(
                {k: dict(getattr(m, k)) for k in BACKDROP},
                tuple(m.events),
                m.language,
                m.title,
                m.archived,
                self.settings,
                self.language.code,
                self.language.catalogue(),  # the edition's words: its .po file is read at every build
                stamps(str(Path(__file__).parent / "templates")),  # the templates, by time and size
            )
        return self._ground
