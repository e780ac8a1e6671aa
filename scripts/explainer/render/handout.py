"""The print edition's page (templates/print.md.j2): what it holds, in reading order. Events are grouped by
year; sources are numbered in the order the timeline first cites them. Above PRINT_FULL events the edition
keeps the story, the map, the timeline (summaries only), the glossary and the sources whole, and gives counts
for actors and places, so a 1,000-event explainer still makes a handout that prints; above PRINT_SUMMARIES the
timeline is a list of dated titles."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from typing import Any, Protocol

from ..model import Event, Explainer, Source
from ..prose import Prose
from ..text import collation_key, first_sentence
from ..translate import Fallback

PRINT_PAGE = "print.md"
PRINT_FULL = 300  # events: above this the print edition leaves out who/where, quotes and the actor/place lists
PRINT_SUMMARIES = 2000  # events: above this the timeline gives each event's date, title and sources only
PRINT_SENTENCE = 600  # characters: who's who and places give the first sentence of each summary whole, up to this


class Cited(Protocol):
    @property
    def source(self) -> str: ...


@dataclass(frozen=True)
class Number:
    id: str
    number: int


class SourceNumbers:
    """Each source's number in the print edition: first cited first, then the rest by title."""

    def __init__(self, model: Explainer) -> None:
        order: dict[str, int] = {}
        for e in model.events.values():
            for source in [c.source for c in e.citations] + [q.source for q in e.quotes]:
                order.setdefault(source, len(order) + 1)
        for s in sorted(model.sources.values(), key=lambda s: (collation_key(s.title), s.id)):
            order.setdefault(s.id, len(order) + 1)
        self.order = order
        self.sources: list[Source] = [model.sources[i] for i in order if i in model.sources]

    def __call__(self, cited: Iterable[Cited]) -> list[Number]:
        seen = dict.fromkeys(c.source for c in cited)
        return [Number(i, self.order[i]) for i in seen if i in self.order]


def print_context(model: Explainer) -> dict[str, Any]:
    """The print page's own context (the Renderer adds the maps, facts and groups it shares with other pages)."""
    prose = Prose()
    numbers = SourceNumbers(model)

    def year(e: Event) -> int:
        return e.date.year

    def one_sentence(text: str) -> str:
        """A summary's first sentence, still marked as untranslated when the summary is (the `text` filter)."""
        said = first_sentence(prose.plain(text), PRINT_SENTENCE) if text else ""
        return Fallback(said, text.lang) if isinstance(text, Fallback) else said

    return dict(
        full=len(model.events) <= PRINT_FULL,
        summaries=len(model.events) <= PRINT_SUMMARIES,
        years=[(y, list(es)) for y, es in groupby(model.events.values(), year)],
        numbers_of=numbers,
        numbered_sources=numbers.sources,
        one_sentence=one_sentence,
    )
