"""events.ics: every event as an all-day (or multi-day) VEVENT, written by hand to RFC 5545.

Partial dates cover what they name: a month-precision date spans that month, a year the whole year.
DTEND is exclusive (the day after the last day). UIDs are stable: <event id>@<site host and path>."""
from __future__ import annotations

import datetime as dt
import re

from ..dates import PartialDate, format_range
from ..model import Event, Explainer
from .common import Site

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape_text(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newline escaped; control characters dropped."""
    text = CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> bytes:
    """A content line in UTF-8, split into lines of at most 75 octets (a continuation starts with a space),
    never inside a character; each line ends with CRLF."""
    data, parts, start, limit = line.encode("utf-8"), [], 0, 75
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            cut -= 1
        parts.append(data[start:cut])
        start, limit = cut, 74
    parts.append(data[start:])
    return b"\r\n ".join(parts) + b"\r\n"


def first_day(d: PartialDate) -> dt.date:
    return dt.date(*d.first_day())


def day_after(d: PartialDate) -> dt.date:
    return dt.date(*d.last_day()) + dt.timedelta(days=1)


def stamp(e: Event, site: Site) -> str:
    if site.epoch is not None:
        return dt.datetime.fromtimestamp(site.epoch, dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return first_day(e.date).strftime("%Y%m%dT000000Z")


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


def vevent(e: Event, model: Explainer, site: Site) -> list[str]:
    url = site.page(f"events/{e.id}.md")
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(e.id)}@{escape_text(site.host)}",
        f"DTSTAMP:{stamp(e, site)}",
        f"DTSTART;VALUE=DATE:{first_day(e.date):%Y%m%d}",
        f"DTEND;VALUE=DATE:{day_after(e.end or e.date):%Y%m%d}",
        f"SUMMARY:{escape_text(e.title)}",
        f"DESCRIPTION:{escape_text(description(e, model, url))}",
        "TRANSP:TRANSPARENT",
    ]
    if e.places:
        lines.append("LOCATION:" + escape_text("; ".join(model.places[p].name for p in e.places)))
        first = model.places[e.places[0]]
        lines.append(f"GEO:{first.lat:.6f};{first.lon:.6f}")
    if e.tags:
        lines.append("CATEGORIES:" + ",".join(escape_text(t) for t in e.tags))
    if url:
        lines.append(f"URL:{url}")
    return lines + ["END:VEVENT"]


def events_ics(model: Explainer, site: Site) -> bytes:
    name = escape_text(site.name or "Explainer")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//Explainer microsite generator//{name}//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{name}"]
    for e in model.events.values():
        lines += vevent(e, model, site)
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) for line in lines)
