"""Long timelines split into pages, so no page grows with the data: one page per year, and a year with
more than PAGE_EVENTS events split at month boundaries into parts of at most PAGE_EVENTS events (a single
month larger than that stays whole). A timeline that fits on one page is not split. The events index
lists every event by its date and title up to INDEX_EVENTS, then each month with a link to its page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Event
from .calendar import ENGLISH, Calendar
from .timeline.listing import chronicle

PAGE_EVENTS = 250  # at most this many events on one page of a timeline
INDEX_EVENTS = 1500  # the events index lists each event up to this many, then only months (with counts)
COMPACT_OVER = 60  # an actor's, place's, term's or source's page lists more events than this as date and title only


@dataclass(frozen=True)
class MonthLink:
    anchor: str  # the month heading's id on its page
    heading: str
    count: int


@dataclass(frozen=True)
class Period:
    slug: str  # "2005", or "2005-06" for a part of a year that starts in June
    label: str  # "2005", or "2005, June–December"
    year: int
    events: tuple[Event, ...]
    months: tuple[MonthLink, ...]

    def src(self, base: str) -> str:
        """The page of this period in the timeline whose own page is `base`.md."""
        return f"{base}/{self.slug}.md"


def periods(events: Sequence[Event], limit: int = PAGE_EVENTS, calendar: Calendar = ENGLISH) -> tuple[Period, ...]:
    """The pages of a timeline (events in timeline order); empty when it fits on one page."""
    if len(events) <= limit:
        return ()
    out: list[Period] = []
    for year in chronicle(events):
        parts: list[list[Event]] = [[]]
        for month in year.months:
            group = [en.event for en in month.entries]
            if parts[-1] and len(parts[-1]) + len(group) > limit:
                parts.append([])
            parts[-1].extend(group)
        for part in parts:
            out.append(_period(year.year, part, len(parts) > 1, calendar))
    return tuple(out)


def _period(year: int, events: list[Event], split: bool, calendar: Calendar) -> Period:
    months = [m for y in chronicle(events, calendar=calendar) for m in y.months]
    links = tuple(MonthLink(m.id, m.heading, len(m.entries)) for m in months)
    if not split:
        return Period(str(year), str(year), year, tuple(events), links)
    first, last = events[0].date.month or 1, events[-1].date.month or 1
    name = calendar.month_name
    span = name(first) if first == last else f"{name(first)}–{name(last)}"
    return Period(f"{year}-{first:02d}", f"{year}, {span}", year, tuple(events), links)


def pages_of(found: Sequence[Period], base: str) -> dict[str, str]:
    """Event id -> the period page that lists it."""
    return {e.id: p.src(base) for p in found for e in p.events}
