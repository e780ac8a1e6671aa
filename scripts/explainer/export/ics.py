"""events.ics: every event as an all-day (or multi-day) VEVENT, written with the icalendar library (RFC 5545:
escaping, folding at 75 octets, CRLF).

Partial dates cover what they name: a month-precision date spans that month, a year the whole year.
DTEND is exclusive (the day after the last day). UIDs are stable: <event id>@<site host and path>."""

from __future__ import annotations

import datetime as dt
import re

import icalendar

from ..dates import PartialDate, format_range
from ..kept import Kept
from ..model import Event, Explainer
from ..urls import Site

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def text(value: str) -> str:
    """A TEXT value as editors wrote it, line ends unified and control characters dropped (the library
    escapes backslash, semicolon, comma and newline)."""
    return CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def first_day(d: PartialDate) -> dt.date:
    return dt.date(*d.first_day())


def day_after(d: PartialDate) -> dt.date:
    return dt.date(*d.last_day()) + dt.timedelta(days=1)


def stamp(e: Event, site: Site) -> dt.datetime:
    if site.epoch is not None:
        return dt.datetime.fromtimestamp(site.epoch, dt.UTC)
    return dt.datetime.combine(first_day(e.date), dt.time(), dt.UTC)


def description(e: Event, model: Explainer, url: str) -> str:
    label = e.display_date or format_range(e.date, e.end, e.approximate)
    notes = [f"Date: {label}"]
    if e.date.precision != "day" or (e.end and e.end.precision != "day"):
        notes.append("(the day is not known: the entry spans the whole period)")
    if e.approximate:
        notes.append("(approximate)")
    sources = "; ".join(dict.fromkeys(model.sources[c.source].title for c in e.citations))
    parts = [" ".join(notes), e.summary, f"Sources: {sources}"] + ([url] if url else [])
    return "\n\n".join(parts)


def vevent(e: Event, model: Explainer, site: Site) -> icalendar.Event:
    url = site.page(f"events/{e.id}.md")
    event = icalendar.Event()
    event.add("uid", text(f"{e.id}@{site.host}"))
    event.add("dtstamp", stamp(e, site))
    event.add("dtstart", first_day(e.date))
    event.add("dtend", day_after(e.end or e.date))
    event.add("summary", text(e.title))
    event.add("description", text(description(e, model, url)))
    event.add("transp", "TRANSPARENT")
    if e.places:
        event.add("location", text("; ".join(model.places[p].name for p in e.places)))
        first = model.places[e.places[0]]
        event.add("geo", (first.lat, first.lon))
    if e.tags:
        event.add("categories", [text(t) for t in e.tags])
    if url:
        event.add("url", url)
    return event


def entry(e: Event, model: Explainer, site: Site, kept: Kept | None = None) -> bytes:
    """An event's VEVENT as the calendar writes it; kept (across `mkdocs serve` rebuilds) by what it is made
    of: the event, its places, and the titles of the sources it cites."""

    def write() -> bytes:
        return bytes(vevent(e, model, site).to_ical(sorted=False))

    if kept is None:
        return write()
    places = tuple(model.places[p] for p in e.places)
    return kept.piece("vevent", e, write, places, tuple(model.sources[c.source].title for c in e.citations), site)


def events_ics(model: Explainer, site: Site, kept: Kept | None = None) -> bytes:
    """The calendar: its own properties, then each event's entry (`entry`), as icalendar writes them."""
    name = text(site.name or "Explainer")
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", f"-//Explainer microsite generator//{name}//EN")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    head, _, end = bytes(cal.to_ical(sorted=False)).rpartition(b"END:VCALENDAR")  # (a name may hold the words)
    return b"".join((head, *(entry(e, model, site, kept) for e in model.events.values()), b"END:VCALENDAR", end))
