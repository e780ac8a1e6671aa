"""The vertical timeline as data: events grouped by year and month, each marked with the era it falls in,
and each date split into the <time> elements it is written with."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

import jinja2

from ...model import Era, Event
from ..calendar import ENGLISH, Calendar
from .layout import WIDE, WIDTHS, Strip, close_up, overview


@dataclass(frozen=True)
class Entry:
    event: Event
    tone: int | None = None  # colour of the first era the event falls in
    starts: tuple[Era, ...] = ()  # eras whose first event (on this page) this is


@dataclass(frozen=True)
class Month:
    id: str
    heading: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Year:
    year: int
    months: tuple[Month, ...]


@dataclass(frozen=True)
class DateParts:
    """A date as written: one <time>, or two joined by a dash ('20' '–' '27 November 2020')."""

    start: str
    start_text: str
    sep: str = ""
    end: str = ""
    end_text: str = ""


def in_era(e: Event, era: Era) -> bool:
    return era.start.first_day() <= e.date.first_day() <= era.end.last_day()


def chronicle(
    events: Sequence[Event], eras: Sequence[Era] = (), calendar: Calendar = ENGLISH, gettext: Callable[[str], str] = str
) -> tuple[Year, ...]:
    """Group events (in timeline order) by year, then month; events known only to the year come first."""
    seen: set[int] = set()
    entries = []
    for e in events:
        member = [i for i, era in enumerate(eras) if in_era(e, era)]
        starts = tuple(eras[i] for i in member if i not in seen)
        seen.update(member)
        entries.append(Entry(e, member[0] % 2 if member else None, starts))
    ids = {e.id for e in events}
    years = []
    for year, group in groupby(entries, lambda x: x.event.date.year):
        items = sorted(group, key=lambda x: x.event.date.month)  # stable: keeps the order within a month
        months = []
        for month, es in groupby(items, lambda x: x.event.date.month):
            ident = f"{year}-{month:02d}" if month else f"{year}-year"
            if ident in ids:
                ident += "-events"
            heading = calendar.month(year, month) if month else gettext("%(year)s, month not known") % {"year": year}
            months.append(Month(ident, heading, tuple(es)))
        years.append(Year(year, tuple(months)))
    return tuple(years)


def date_parts(e: Event, calendar: Calendar = ENGLISH) -> DateParts:
    if e.display_date or e.end is None or e.end == e.date:
        text = e.display_date or calendar.range(e.date, None, e.approximate)
        return DateParts(e.date.iso(), text)
    full = calendar.range(e.date, e.end, e.approximate)
    end_text = calendar.label(e.end)
    head = full[: len(full) - len(end_text)] if full.endswith(end_text) else full
    sep = " – " if head.endswith(" – ") else "–" if head.endswith("–") else ""
    if not sep:
        return DateParts(e.date.iso(), full)
    return DateParts(e.date.iso(), head[: -len(sep)], sep, e.end.iso(), end_text)


def involved(e: Event) -> tuple[str, ...]:
    """The actors of an event: those it names and those it quotes (as on the actors' own pages)."""
    return tuple(dict.fromkeys(e.actors + tuple(q.by for q in e.quotes)))


def era_label(era: Era, calendar: Calendar = ENGLISH) -> str:
    return calendar.range(era.start, era.end)


def choices(events: Sequence[Event], attr: str) -> dict[str, int]:
    """The actor ids or tags across the events, with how many events have each."""
    counts: dict[str, int] = {}
    for e in events:
        for value in involved(e) if attr == "actors" else e.tags:
            counts[value] = counts.get(value, 0) + 1
    return counts


def register(env: jinja2.Environment, calendar: Calendar = ENGLISH, gettext: Callable[[str], str] = str) -> None:
    """Offer the timeline helpers to templates (the `_timeline.j2` macros use them)."""
    laid_out: dict[tuple[tuple[str, ...], tuple[Era, ...], int], Strip | None] = {}

    def cached_overview(events: Sequence[Event], eras: Sequence[Era] = (), width: int = WIDE) -> Strip | None:
        """`overview`, laid out once per events, eras and width during this environment's renders."""
        key = (tuple(e.id for e in events), tuple(eras), width)
        if key not in laid_out:
            laid_out[key] = overview(events, eras, width, calendar)
        return laid_out[key]

    def cached_close_up(events: Sequence[Event], eras: Sequence[Era] = ()) -> tuple[Event, ...]:
        return close_up(events, eras, layout=cached_overview)

    globals_: dict[str, Any] = {
        "chronicle": functools.partial(chronicle, calendar=calendar, gettext=gettext),
        "date_parts": functools.partial(date_parts, calendar=calendar),
        "overview": cached_overview,
        "close_up": cached_close_up,
        "filter_choices": choices,
        "involved": involved,
        "era_label": functools.partial(era_label, calendar=calendar),
        "STRIP_WIDTHS": WIDTHS,
    }
    env.globals.update(globals_)
