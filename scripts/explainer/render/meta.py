"""What search engines and link previews read: a plain-text description and a schema.org node per page.

`page_meta(model)` covers every generated page, keyed by docs path like the pages themselves;
`other_page_meta` covers hand-written pages. Nodes carry no address: `json_ld(node, url)` adds it,
since only the site layer knows where a page will live. No MkDocs here."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any, cast

from ..kept import Kept
from ..model import Actor, Event, Explainer, Place, Source, Term, Timeline
from ..prose import Prose, html_text
from ..text import end_sentence, shorten
from .language import Language, no_double_stop

Plain = Callable[[str], str]  # an editor's Markdown as one shortened line of plain text
SOURCE_TYPES = {"article": "Article", "dataset": "Dataset", "document": "DigitalDocument"}
INDEX_PAGES = {  # docs path -> (title, "CollectionPage" or another schema.org type)
    "timeline.md": "Timeline",
    "events.md": "Events",
    "actors.md": "Actors",
    "places.md": "Places",
    "glossary.md": "Glossary",
    "sources.md": "Sources",
    "map.md": "Map",
}


class Words:
    """The descriptions' words in the edition's language: messages, counts with their plural forms, dates."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.gettext = language.gettext

    def ngettext(self, singular: str, plural: str, num: int, **values: str) -> str:
        message = self.language.translations.ngettext(singular, plural, num)
        return no_double_stop(message, values) % {"num": self.language.calendar.number(num), **values}

    @staticmethod
    def fill(message: str, **values: str) -> str:
        """A translated message filled in, with no second full stop after a value that ends with one."""
        return no_double_stop(message, values) % values

    def span(self, events: list[Event]) -> str:
        """'18 events, November 2013 – 2 December 2020'."""
        if not events:
            return self.gettext("no events yet")
        first, last = events[0].date, (events[-1].end or events[-1].date)
        dates = self.language.calendar.range(first, last if last != first else None)
        return self.ngettext("%(num)s event, %(dates)s", "%(num)s events, %(dates)s", len(events), dates=dates)


@dataclass(frozen=True)
class PageMeta:
    description: str  # plain text, at most LIMIT characters
    node: Mapping[str, Any] = field(default_factory=dict)  # schema.org JSON-LD, without @context and url


def first_paragraph(page_html: str) -> str:
    """The first paragraph of a rendered page as plain text: a hand-written page's description."""
    found = re.search(r"<p\b[^>]*>(.*?)</p>", page_html, re.S)
    return shorten(html_text(found[1])) if found else ""


def json_ld(node: Mapping[str, Any], url: str) -> dict[str, Any]:
    """The node as a JSON-LD document for the page at `url` (absolute, or empty when unknown)."""
    doc: dict[str, Any] = {"@context": "https://schema.org", **node}
    if url:
        doc["url"] = url
    return doc


def page_meta(
    model: Explainer, site_name: str = "", language: Language | None = None, kept: Kept | None = None
) -> dict[str, PageMeta]:
    """Description and schema.org node of every generated page, keyed by docs path, in the edition's language;
    `kept`: what earlier builds made (kept.py), such as each summary as plain text."""
    prose, words = Prose(), Words(language or Language())

    def plain(text: str) -> str:
        if not text:
            return ""
        if kept is None:
            return shorten(prose.plain(text))
        return cast(str, kept.get(("plain", text), lambda: shorten(prose.plain(text))))

    out: dict[str, PageMeta] = {}
    for e in model.events.values():  # (kept by the event and the places and actors it names)
        if kept is None:
            out[f"events/{e.id}.md"] = _event(e, model, plain)
            continue
        names = tuple(model.places.get(p) for p in e.places), tuple(model.actors.get(a) for a in e.actors)
        out[f"events/{e.id}.md"] = kept.piece("meta", e, partial(_event, e, model, plain), names)
    for a in model.actors.values():
        out[f"actors/{a.id}.md"] = _actor(a, len(model.events_of("actors", a.id)), plain, words)
    for p in model.places.values():
        out[f"places/{p.id}.md"] = _place(p, len(model.events_of("places", p.id)), plain, words)
    named = words.gettext("%(site)s: glossary") % {"site": site_name} if site_name else words.gettext("Glossary")
    glossary = {"@type": "DefinedTermSet", "name": shorten(named)}
    for t in model.terms.values():
        out[f"glossary/{t.id}.md"] = _term(t, glossary)
    for s in model.sources.values():
        out[f"sources/{s.id}.md"] = _source(s, len(model.events_of("sources", s.id)), words)
    for tl in model.timelines.values():
        out[f"timelines/{tl.id}.md"] = _timeline(tl, model, plain, words)
    out.update(_indexes(model, glossary, words))
    said = "The sourcing report: what is still to do about this explainer's sources, counted at every build."
    out["guide/sourcing.md"] = PageMeta(said, {"@type": "WebPage", "name": "Sourcing report", "description": said})
    return out


def other_page_meta(title: str, description: str, site_name: str, home: bool) -> PageMeta:
    """A hand-written page: the home page is the WebSite, any other a WebPage."""
    text = shorten(description)
    node: dict[str, Any] = {"@type": "WebSite" if home else "WebPage", "name": site_name if home else title}
    if text:
        node["description"] = text
    return PageMeta(text, node)


def _event(e: Event, model: Explainer, plain: Plain) -> PageMeta:
    text = plain(e.summary)
    node: dict[str, Any] = {"@type": "Event", "name": e.title, "description": text, "startDate": e.date.iso()}
    if e.end:
        node["endDate"] = e.end.iso()
    places = [_place_node(model.places[p]) for p in e.places if p in model.places]
    if places:
        node["location"] = places if len(places) > 1 else places[0]
    actors = [_actor_node(model.actors[a]) for a in e.actors if a in model.actors]
    if actors:
        node["about"] = actors
    return PageMeta(text, node)


def _actor(a: Actor, n_events: int, plain: Plain, words: Words) -> PageMeta:
    name = f"{a.name}, {a.role}" if a.role else a.name
    fallback = words.ngettext(
        "%(name)s: %(num)s event in this explainer.", "%(name)s: %(num)s events in this explainer.", n_events, name=name
    )
    text = plain(a.summary) if a.summary else shorten(fallback)
    node = {**_actor_node(a), "description": text}
    if a.aliases:
        node["alternateName"] = list(a.aliases)
    if a.links:
        node["sameAs"] = [link.url for link in a.links]
    return PageMeta(text, node)


def _actor_node(a: Actor) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Person" if a.kind == "person" else "Organization", "name": a.name}
    if a.kind == "person" and a.role:
        node["jobTitle"] = a.role
    return node


def _place(p: Place, n_events: int, plain: Plain, words: Words) -> PageMeta:
    name = f"{p.name} ({words.language.country(p.country)})" if p.country else p.name
    fallback = words.ngettext(
        "%(name)s: %(num)s event and a map.", "%(name)s: %(num)s events and a map.", n_events, name=name
    )
    text = plain(p.summary) if p.summary else shorten(fallback)
    node = {**_place_node(p), "description": text}
    if p.aliases:
        node["alternateName"] = list(p.aliases)
    return PageMeta(text, node)


def _place_node(p: Place) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "Place",
        "name": p.name,
        "geo": {"@type": "GeoCoordinates", "latitude": p.lat, "longitude": p.lon},
    }
    if p.country:
        node["address"] = {"@type": "PostalAddress", "addressCountry": p.country}
    return node


def _term(t: Term, glossary: Mapping[str, Any]) -> PageMeta:
    text = shorten(t.short)
    node: dict[str, Any] = {
        "@type": "DefinedTerm",
        "name": t.term,
        "description": text,
        "inDefinedTermSet": dict(glossary),
    }
    if t.aliases:
        node["alternateName"] = list(t.aliases)
    return PageMeta(text, node)


def _source(s: Source, n_events: int, words: Words) -> PageMeta:
    when = f", {words.language.calendar.label(s.date)}" if s.date else ""
    cited = words.ngettext(
        "Cited by %(num)s event of this explainer.", "Cited by %(num)s events of this explainer.", n_events
    )
    text = shorten(f"{end_sentence(f'{s.publisher}{when}: {s.title}')} {cited}")
    node: dict[str, Any] = {
        "@type": SOURCE_TYPES.get(s.kind, "CreativeWork"),
        "name": s.title,
        "description": text,
        "publisher": {"@type": "Organization", "name": s.publisher},
    }
    if s.author:
        node["author"] = {"name": s.author}
    if s.date:
        node["datePublished"] = s.date.iso()
    if s.language:
        node["inLanguage"] = s.language
    if s.url:
        node["sameAs"] = s.url
    return PageMeta(text, node)


def _timeline(tl: Timeline, model: Explainer, plain: Plain, words: Words) -> PageMeta:
    events = [model.events[i] for i in tl.events if i in model.events]
    text = plain(tl.summary) if tl.summary else shorten(end_sentence(f"{tl.title}: {words.span(events)}"))
    return PageMeta(text, {"@type": "CollectionPage", "name": tl.title, "description": text})


def _indexes(model: Explainer, glossary: Mapping[str, Any], words: Words) -> dict[str, PageMeta]:
    _, ngettext, span = words.gettext, words.ngettext, words.span(list(model.events.values()))
    actors, places, terms, sources = len(model.actors), len(model.places), len(model.terms), len(model.sources)
    texts = {
        "timeline.md": words.fill(_("Timeline: %(span)s, in date order."), span=span),
        "events.md": words.fill(_("Every event of this explainer by month: %(span)s."), span=span),
        "actors.md": ngettext(
            "The %(num)s actor of this explainer: people, organisations and states, each with their events and "
            "what they said.",
            "The %(num)s actors of this explainer: people, organisations and states, each with their events and "
            "what they said.",
            actors,
        ),
        "places.md": ngettext(
            "The %(num)s place of this explainer, with coordinates and events.",
            "The %(num)s places of this explainer, with coordinates and events.",
            places,
        ),
        "glossary.md": ngettext(
            "Glossary, A to Z: %(num)s term explained in plain words.",
            "Glossary, A to Z: %(num)s terms explained in plain words.",
            terms,
        ),
        "sources.md": ngettext(
            "Bibliography: the %(num)s source every fact here is cited from.",
            "Bibliography: the %(num)s sources every fact here is cited from.",
            sources,
        ),
        "map.md": ngettext(
            "Map of the %(num)s place of this explainer.", "Map of the %(num)s places of this explainer.", places
        ),
    }
    out: dict[str, PageMeta] = {}
    for src, title in INDEX_PAGES.items():
        text = shorten(texts[src])
        kind = "DefinedTermSet" if src == "glossary.md" else "CollectionPage"
        node = (
            {**glossary, "description": text}
            if kind == "DefinedTermSet"
            else {"@type": kind, "name": _(title), "description": text}
        )
        out[src] = PageMeta(text, node)
    return out


__all__ = ["PageMeta", "page_meta", "other_page_meta", "first_paragraph", "json_ld"]
