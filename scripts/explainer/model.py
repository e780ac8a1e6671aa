"""The immutable model of an explainer: every reference resolved, backlinks computed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .dates import PartialDate
from .geo.geometry import Geometry
from .problems import Problem


@dataclass(frozen=True)
class Citation:
    source: str
    locator: str = ""
    quote: str = ""
    checked: bool = False  # the quote was found in the source's archived text


@dataclass(frozen=True)
class Quote:
    by: str
    text: str
    source: str
    locator: str = ""
    checked: bool = False  # found in the source's archived text
    original: str = ""  # in a language edition: the words as the base file gives them (`text` is a translation)


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Event:
    id: str
    path: str
    title: str
    date: PartialDate
    summary: str
    citations: tuple[Citation, ...]
    end: PartialDate | None = None
    approximate: bool = False
    display_date: str = ""
    body: str = ""
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()

    def sort_key(self) -> tuple[tuple[int, int, int, int], str]:
        return (self.date.sort_key(), self.id)


@dataclass(frozen=True)
class Actor:
    id: str
    path: str
    name: str
    kind: str
    country: str = ""
    role: str = ""
    aliases: tuple[str, ...] = ()
    summary: str = ""
    links: tuple[Link, ...] = ()
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Place:
    id: str
    path: str
    name: str
    kind: str
    lat: float
    lon: float
    country: str = ""
    approximate: bool = False
    aliases: tuple[str, ...] = ()
    summary: str = ""
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Term:
    id: str
    path: str
    term: str
    short: str
    aliases: tuple[str, ...] = ()
    definition: str = ""
    see_also: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Source:
    id: str
    path: str
    title: str
    publisher: str
    date: PartialDate | None = None
    author: str = ""
    url: str = ""
    language: str = ""
    kind: str = ""
    accessed: PartialDate | None = None


@dataclass(frozen=True)
class Era:
    title: str
    start: PartialDate
    end: PartialDate


@dataclass(frozen=True)
class Timeline:
    id: str
    path: str
    title: str
    events: tuple[str, ...]  # the selected event ids, in timeline order
    summary: str = ""
    eras: tuple[Era, ...] = ()


@dataclass(frozen=True)
class MapSpec:
    """Which map to draw: geometry file, countries in focus, border, frame, places."""

    id: str
    path: str
    title: str
    geometry: str = ""  # file name in docs/maps/
    summary: str = ""
    countries: tuple[str, ...] = ()
    border: str = ""
    frame: tuple[float, float, float, float] | None = None  # west, south, east, north
    places: tuple[str, ...] = ()  # empty: every place


@dataclass(frozen=True)
class Figure:
    value: float
    label: str
    role: str
    unit: str = ""
    note: str = ""
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Measure:
    map: str
    border: str
    label: str
    note: str = ""


@dataclass(frozen=True)
class Fact:
    """A figure the sources state, agree or disagree on, with an optional measurement of our own."""

    id: str
    path: str
    title: str
    figures: tuple[Figure, ...]
    summary: str = ""
    measure: Measure | None = None
    explanation: str = ""


@dataclass(frozen=True)
class Explainer:
    """Everything an explainer holds. Mappings are read-only; events are in timeline order."""

    events: Mapping[str, Event]
    actors: Mapping[str, Actor]
    places: Mapping[str, Place]
    terms: Mapping[str, Term]
    sources: Mapping[str, Source]
    timelines: Mapping[str, Timeline]
    maps: Mapping[str, MapSpec]
    facts: Mapping[str, Fact]
    geometries: Mapping[str, Geometry]  # by file name in docs/maps/
    backlinks: Mapping[tuple[str, str], tuple[str, ...]]  # (kind, id) -> ids of events citing it
    cited_by: Mapping[str, tuple[tuple[str, str], ...]]  # source id -> (kind, id) of non-event entries citing it
    language: str = ""  # the default language ("" when the explainer has one)
    title: str = ""  # an edition's name: its translated home page's heading ("" when none; mkdocs.yml's site_name)
    editions: Mapping[str, Explainer] = field(default_factory=lambda: MappingProxyType({}))  # lang -> model
    archived: frozenset[str] = frozenset()  # ids of the sources with an archived text (docs/sources/<id>.txt)
    warnings: tuple[Problem, ...] = ()  # what a strict build refuses though the model is whole (copied wording)
    # the YAML files as editors wrote them: "docs/events/x.yml" -> bytes
    files: Mapping[str, bytes] = field(default_factory=lambda: MappingProxyType({}))

    def events_of(self, kind: str, id: str) -> tuple[Event, ...]:
        return tuple(self.events[e] for e in self.backlinks.get((kind, id), ()))

    def quotes_by(self, actor: str) -> tuple[tuple[Event, Quote], ...]:
        return tuple((e, q) for e in self.events_of("actors", actor) for q in e.quotes if q.by == actor)

    def counts(self) -> dict[str, int]:
        return {
            "events": len(self.events),
            "actors": len(self.actors),
            "places": len(self.places),
            "terms": len(self.terms),
            "sources": len(self.sources),
            "timelines": len(self.timelines),
        }


def frozen(mapping: dict) -> Mapping:  # type: ignore[type-arg]
    return MappingProxyType(dict(mapping))
