"""The immutable model from checked records: every entry as a frozen dataclass, events in timeline order,
entries sorted by name, backlinks and what cites each source."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import Any

from .dates import PartialDate
from .geo.geometry import Geometry
from .kept import Same
from .model import (
    Actor,
    Citation,
    Era,
    Event,
    Explainer,
    Fact,
    Figure,
    Link,
    MapSpec,
    Measure,
    Place,
    Quote,
    Source,
    Term,
    Timeline,
    frozen,
)
from .text import collation_key


def _citations(items: Any) -> tuple[Citation, ...]:
    return tuple(
        Citation(c["source"], c.get("locator", ""), c.get("quote", ""), bool(c.get("_checked"))) for c in items or ()
    )


def _plain(rec: dict[str, Any], *skip: str) -> dict[str, Any]:
    return {k: v for k, v in rec.items() if not k.startswith("_") and k not in skip}


def _event(ident: str, r: dict[str, Any]) -> Event:
    quotes = tuple(Quote(**_plain(q), checked=bool(q.get("_checked"))) for q in r.get("quotes", ()))
    return Event(
        id=ident, path=r["_path"], citations=_citations(r["sources"]), quotes=quotes, **_plain(r, "sources", "quotes")
    )


def _actor(ident: str, r: dict[str, Any]) -> Actor:
    links = tuple(Link(**_plain(x)) for x in r.get("links", ()))
    return Actor(
        id=ident, path=r["_path"], citations=_citations(r.get("sources")), links=links, **_plain(r, "sources", "links")
    )


def _entry(kind: type[Place] | type[Term], ident: str, r: dict[str, Any]) -> Place | Term:
    return kind(id=ident, path=r["_path"], citations=_citations(r.get("sources")), **_plain(r, "sources"))


def _checks(r: dict[str, Any]) -> tuple[bool, ...]:
    """The checked marks the quote check set on a record's citations and quotes (archive.py): what a model
    entry is made of beyond the record's own fields."""
    return tuple(bool(x.get("_checked")) for x in (*(r.get("sources") or ()), *r.get("quotes", ())))


def make_model(
    records: dict[str, dict[str, dict[str, Any]]],
    geometries: dict[str, Geometry],
    files: dict[str, bytes] | None = None,
    same: Same | None = None,
) -> Explainer:
    """`same`: what the last model made of the very same records (kept.py), for events, actors, places, terms
    and sources."""

    def made(make: Callable[[str, dict[str, Any]], Any], ident: str, r: dict[str, Any]) -> Any:
        return same.get(r, (ident, _checks(r)), partial(make, ident, r)) if same else make(ident, r)

    events = {ident: made(_event, ident, r) for ident, r in records["events"].items()}
    ordered = dict(sorted(events.items(), key=lambda kv: kv[1].sort_key()))
    actors = {i: made(_actor, i, r) for i, r in records["actors"].items()}
    places = {i: made(partial(_entry, Place), i, r) for i, r in records["places"].items()}
    terms = {i: made(partial(_entry, Term), i, r) for i, r in records["glossary"].items()}
    sources = {
        i: made(lambda i, r: Source(id=i, path=r["_path"], **_plain(r)), i, r) for i, r in records["sources"].items()
    }
    timelines = {i: _timeline(i, r, ordered) for i, r in records["timelines"].items()}
    maps = {i: _map(i, r) for i, r in records["maps"].items()}
    facts = {i: _fact(i, r) for i, r in records["facts"].items()}
    return Explainer(
        events=frozen(ordered),
        actors=frozen(_sorted(actors, "name")),
        places=frozen(_sorted(places, "name")),
        terms=frozen(_sorted(terms, "term")),
        sources=frozen(sources),
        timelines=frozen(timelines),
        maps=frozen(maps),
        facts=frozen(facts),
        geometries=frozen(geometries),
        backlinks=frozen(_backlinks(ordered)),
        cited_by=frozen(_cited_by(actors, places, terms, facts)),
        files=frozen(files or {}),
    )


def _sorted(items: dict[str, Any], attr: str) -> dict[str, Any]:
    return dict(sorted(items.items(), key=lambda kv: (collation_key(getattr(kv[1], attr)), kv[0])))


def _timeline(ident: str, r: dict[str, Any], events: dict[str, Event]) -> Timeline:
    start: PartialDate | None = r.get("from")
    end: PartialDate | None = r.get("to")
    tags = set(r.get("tags", ()))
    chosen = set(r.get("events", ()))
    selected = []
    for e in events.values():
        if chosen and e.id in chosen:
            selected.append(e.id)
            continue
        if chosen and not (start or end or tags):
            continue
        if start and (e.end or e.date).last_day() < start.first_day():
            continue
        if end and e.date.first_day() > end.last_day():
            continue
        if tags and not tags & set(e.tags):
            continue
        if chosen or start or end or tags:
            selected.append(e.id)
    eras = tuple(Era(x["title"], x["from"], x["to"]) for x in r.get("eras", ()))
    return Timeline(
        id=ident, path=r["_path"], title=r["title"], events=tuple(selected), summary=r.get("summary", ""), eras=eras
    )


def _map(ident: str, r: dict[str, Any]) -> MapSpec:
    f = r.get("frame")
    frame = (f["west"], f["south"], f["east"], f["north"]) if f else None
    return MapSpec(
        id=ident,
        path=r["_path"],
        title=r["title"],
        geometry=r.get("geometry", ""),
        summary=r.get("summary", ""),
        countries=r.get("countries", ()),
        border=r.get("border", ""),
        frame=frame,
        places=r.get("places", ()),
    )


def _fact(ident: str, r: dict[str, Any]) -> Fact:
    figures = tuple(
        Figure(
            value=f["value"],
            label=f["label"],
            role=f["role"],
            unit=f.get("unit", ""),
            note=f.get("note", ""),
            citations=_citations(f.get("sources")),
        )
        for f in r["figures"]
    )
    m = r.get("measure")
    measure = Measure(m["map"], m["border"], m["label"], m.get("note", "")) if m else None
    return Fact(
        id=ident,
        path=r["_path"],
        title=r["title"],
        figures=figures,
        summary=r.get("summary", ""),
        measure=measure,
        explanation=r.get("explanation", ""),
    )


def _cited_by(*groups: dict[str, Any]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Sources cited by actors, places, terms and fact boxes (events have their own backlinks)."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for kind, group in zip(("actors", "places", "glossary", "facts"), groups):
        for ident, item in group.items():
            cites = list(getattr(item, "citations", ()))
            cites += [c for f in getattr(item, "figures", ()) for c in f.citations]
            for source in dict.fromkeys(c.source for c in cites):
                found[source].append((kind, ident))
    return {k: tuple(v) for k, v in found.items()}


def _backlinks(events: dict[str, Event]) -> dict[tuple[str, str], tuple[str, ...]]:
    links: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in events.values():
        refs = [("actors", a) for a in e.actors] + [("actors", q.by) for q in e.quotes]
        refs += [("places", p) for p in e.places] + [("glossary", t) for t in e.terms]
        refs += [("sources", c.source) for c in e.citations] + [("sources", q.source) for q in e.quotes]
        for key in dict.fromkeys(refs):
            links[key].append(e.id)
    return {k: tuple(v) for k, v in links.items()}
