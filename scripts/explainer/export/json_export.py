"""events.json, actors.json, glossary.json and sources.json: every entry with its fields and links."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from ..dates import format_range
from ..kept import Kept
from ..model import Actor, Event, Explainer, Source, Term
from ..urls import Site
from .common import citations, dumps, encode_json, encode_with, envelope, events_citing


def event_record(e: Event, site: Site) -> dict[str, Any]:
    return {
        "id": e.id,
        "page": site.page(f"events/{e.id}.md"),
        "title": e.title,
        "date": e.date.iso(),
        "end": e.end.iso() if e.end else None,
        "precision": e.date.precision,
        "approximate": e.approximate,
        "date_label": e.display_date or format_range(e.date, e.end, e.approximate),
        "summary": e.summary,
        "body": e.body,
        "actors": list(e.actors),
        "places": list(e.places),
        "terms": list(e.terms),
        "tags": list(e.tags),
        "sources": citations(e.citations),
        "quotes": [{"by": q.by, "text": q.text, "source": q.source, "locator": q.locator} for q in e.quotes],
    }


def actor_record(a: Actor, model: Explainer, site: Site) -> dict[str, Any]:
    return {
        "id": a.id,
        "page": site.page(f"actors/{a.id}.md"),
        "name": a.name,
        "kind": a.kind,
        "country": a.country,
        "role": a.role,
        "aliases": list(a.aliases),
        "summary": a.summary,
        "links": [{"title": x.title, "url": x.url} for x in a.links],
        "sources": citations(a.citations),
        "events": events_citing(model, "actors", a.id),
    }


def term_record(t: Term, model: Explainer, site: Site) -> dict[str, Any]:
    return {
        "id": t.id,
        "page": site.page(f"glossary/{t.id}.md"),
        "term": t.term,
        "aliases": list(t.aliases),
        "short": t.short,
        "definition": t.definition,
        "see_also": list(t.see_also),
        "sources": citations(t.citations),
        "events": events_citing(model, "glossary", t.id),
    }


def source_record(s: Source, model: Explainer, site: Site) -> dict[str, Any]:
    return {
        "id": s.id,
        "page": site.page(f"sources/{s.id}.md"),
        "title": s.title,
        "publisher": s.publisher,
        "author": s.author,
        "date": s.date.iso() if s.date else None,
        "url": s.url,
        "language": s.language,
        "kind": s.kind,
        "accessed": s.accessed.iso() if s.accessed else None,
        "events": events_citing(model, "sources", s.id),
        "cited_by": [{"kind": kind, "id": ident} for kind, ident in model.cited_by.get(s.id, ())],
    }


def events_json(model: Explainer, site: Site, kept: Kept | None = None) -> bytes:
    """events.json; `kept`: each event's entry as an earlier build encoded it, if the event is the same."""

    def entry(e: Event) -> str:
        return dumps(event_record(e, site))

    items = (kept.piece("events.json", e, partial(entry, e), site) if kept else entry(e) for e in model.events.values())
    return encode_with({**envelope(site, "events", []), "count": len(model.events)}, "events", items)


def json_makers(model: Explainer, site: Site, kept: Kept | None = None) -> dict[str, Callable[[], bytes]]:
    """File name -> the call that makes each JSON download."""
    return {
        "events.json": lambda: events_json(model, site, kept),
        "actors.json": lambda: encode_json(
            envelope(site, "actors", [actor_record(a, model, site) for a in model.actors.values()])
        ),
        "glossary.json": lambda: encode_json(
            envelope(site, "terms", [term_record(t, model, site) for t in model.terms.values()])
        ),
        "sources.json": lambda: encode_json(
            envelope(site, "sources", [source_record(s, model, site) for s in model.sources.values()])
        ),
    }
