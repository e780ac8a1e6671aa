"""The timeline's overview strip as plain geometry: dates -> x on a linear axis, crowded marks stacked
or clustered, ticks by day, month or year, and era bands. Pure functions; the template draws the result."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ...dates import PartialDate
from ...model import Era, Event
from ..calendar import ENGLISH, Calendar

WIDE, NARROW = 720, 360  # viewBox widths: a desktop content column, a phone
WIDTHS = (720, 540, 360)  # one drawing each; the stylesheet shows the one that fits the column


@dataclass(frozen=True)
class Mark:
    """One event (or, when `ids` holds several, a cluster of crowded events) on the strip."""

    ids: tuple[str, ...]
    x: float
    x_end: float  # where the event's span ends (== x for a single day or a cluster)
    y: float
    hollow: bool  # known only to the month or year, or approximate
    label: str  # the dates it covers, as text

    @property
    def cluster(self) -> bool:
        return len(self.ids) > 1


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    sub: str = ""  # a second line (the year) where it changes
    anchor: str = "middle"


@dataclass(frozen=True)
class Band:
    title: str
    label: str
    x: float
    width: float
    text_x: float
    anchor: str
    tone: int  # which of the era colours (alternating)


@dataclass(frozen=True)
class Strip:
    width: int
    height: int
    top: float  # where the marks area starts (below the era titles)
    axis_y: float
    lane: float  # height of one lane of stacked marks
    lanes: int
    marks: tuple[Mark, ...]
    ticks: tuple[Tick, ...]
    bands: tuple[Band, ...]
    span_label: str
    dot: float  # radius of a mark


PAD, LANE, LANES, DOT, FONT = 14.0, 15.0, 4, 6.0, 11.0
COLUMN = 2 * DOT + 2  # marks closer than this share a column


@functools.lru_cache(maxsize=65536)  # each event's dates are laid out on many strips, at three widths each
def first(d: PartialDate) -> int:
    return datetime.date(*d.first_day()).toordinal()


@functools.lru_cache(maxsize=65536)
def after(d: PartialDate) -> int:
    """The day after the last day the date covers."""
    return datetime.date(*d.last_day()).toordinal() + 1


def overview(
    events: Sequence[Event], eras: Sequence[Era] = (), width: int = WIDE, calendar: Calendar = ENGLISH
) -> Strip | None:
    """Lay out the events (already in timeline order) on a strip `width` units wide; None if no events."""
    if not events:
        return None
    lo = min(first(e.date) for e in events)
    hi = max(after(e.end or e.date) for e in events)
    if hi - lo < 7:
        lo, hi = lo - (7 - (hi - lo)) // 2, lo - (7 - (hi - lo)) // 2 + 7
    margin = (hi - lo) * 0.02
    scale = (width - 2 * PAD) / (hi - lo + 2 * margin)

    def x_of(day: float) -> float:
        return round(PAD + (day - lo + margin) * scale, 1)

    top = 18.0 if eras else 4.0
    axis_y = top + LANES * LANE + 4
    marks = _columns(events, x_of, axis_y, calendar)
    bands = _bands(eras, lo, hi, x_of, width, calendar)
    ticks = _ticks(lo, hi, x_of, scale, width, calendar)
    span = calendar.range(_day(lo), _day(hi - 1))
    return Strip(width, int(axis_y + 34), top, axis_y, LANE, LANES, marks, ticks, bands, span, DOT)


def _day(ordinal: int) -> PartialDate:
    d = datetime.date.fromordinal(ordinal)
    return PartialDate(d.year, d.month, d.day)


Scale = Callable[[float], float]  # a day (ordinal, fractional) -> x


def _columns(events: Sequence[Event], x_of: Scale, axis_y: float, calendar: Calendar) -> tuple[Mark, ...]:
    """Group marks into columns COLUMN apart; stack a column's marks in lanes, or cluster a crowded one."""
    columns: list[list[tuple[Event, float, float]]] = []
    for e in events:
        start = first(e.date)
        x = x_of(start + 0.5) if e.date.precision == "day" else x_of(start)
        x_end = x_of(after(e.end or e.date)) if (e.end or e.date.precision != "day") else 0.0
        if columns and x - columns[-1][0][1] < COLUMN:
            columns[-1].append((e, x, x_end))
        else:
            columns.append([(e, x, x_end)])
    marks = []
    busy = [float("-inf")] * LANES  # each lane is taken up to here by an earlier event's bar
    for col in columns:
        x = col[0][1]
        if len(col) > LANES:
            ends = [c[0].end or c[0].date for c in col]
            last = max(ends, key=lambda d: d.last_day())
            marks.append(
                Mark(
                    tuple(c[0].id for c in col),
                    x,
                    x,
                    axis_y - 4,
                    False,
                    calendar.range(col[0][0].date, last if last != col[0][0].date else None),
                )
            )
            continue
        free = [n for n in range(LANES) if busy[n] < x - DOT]
        lanes = (free + sorted(set(range(LANES)) - set(free), key=lambda n: busy[n]))[: len(col)]
        for lane, (e, _, x_end) in zip(sorted(lanes), col):
            hollow = e.approximate or e.date.precision != "day"
            marks.append(
                Mark(
                    (e.id,),
                    x,
                    max(x_end, x),
                    round(axis_y - 4 - DOT - 1 - lane * LANE, 1),
                    hollow,
                    calendar.range(e.date, e.end, e.approximate),
                )
            )
            if x_end > x + DOT:
                busy[lane] = x_end + 2
    return tuple(marks)


def _bands(eras: Sequence[Era], lo: int, hi: int, x_of: Scale, width: int, calendar: Calendar) -> tuple[Band, ...]:
    out = []
    for i, era in enumerate(eras):
        start, end = max(first(era.start), lo), min(after(era.end), hi)
        if start >= end:
            continue
        x, x2 = x_of(start), x_of(end)
        text_w = len(era.title) * FONT * 0.56
        if x + 3 + text_w <= width - 2:
            text_x, anchor = x + 3, "start"
        else:
            text_x, anchor = max(x2 - 3, text_w + 2), "end"
        out.append(
            Band(
                era.title,
                calendar.range(era.start, era.end),
                x,
                round(max(x2 - x, 1.0), 1),
                round(text_x, 1),
                anchor,
                i % 2,
            )
        )
    return tuple(out)


STEPS = (
    ("day", 1),
    ("day", 2),
    ("day", 7),
    ("month", 1),
    ("month", 2),
    ("month", 3),
    ("month", 6),
    ("year", 1),
    ("year", 2),
    ("year", 5),
    ("year", 10),
    ("year", 20),
    ("year", 50),
    ("year", 100),
)
LENGTH = {"day": 1.0, "month": 30.44, "year": 365.25}


def _ticks(lo: int, hi: int, x_of: Scale, scale: float, width: int, calendar: Calendar) -> tuple[Tick, ...]:
    gap = 58 if width > NARROW else 46
    unit, n = next((s for s in STEPS if LENGTH[s[0]] * s[1] * scale >= gap), STEPS[-1])
    out: list[Tick] = []
    last_year = None
    for ordinal in _candidates(lo, hi, unit):
        d = datetime.date.fromordinal(ordinal)
        if unit == "day":
            keep = (d.day - 1) % n == 0 and (n != 7 or d.day < 29)
            x, label = x_of(ordinal + 0.5), calendar.day_month(d.day, d.month)
        elif unit == "month":
            keep = d.day == 1 and (d.month - 1) % n == 0
            x, label = x_of(ordinal), calendar.short_month(d.month)
        else:
            keep = d.day == 1 and d.month == 1 and d.year % n == 0
            x, label = x_of(ordinal), str(d.year)
        if not keep or not 6 <= x <= width - 6:
            continue
        sub = str(d.year) if unit != "year" and d.year != last_year else ""
        last_year = d.year
        half = max(len(label), len(sub)) * FONT * 0.3
        anchor = "start" if x - half < 2 else "end" if x + half > width - 2 else "middle"
        out.append(Tick(x, label, sub, anchor))
    return tuple(out)


def _candidates(lo: int, hi: int, unit: str) -> Iterator[int]:
    """The days that may carry a tick: every day, every first of a month, or every first of January."""
    if unit == "day":
        yield from range(lo, hi + 1)
        return
    d = datetime.date.fromordinal(lo)
    year, month = d.year, d.month
    while True:
        day = datetime.date(year, month, 1).toordinal()
        if day > hi:
            return
        if day >= lo:
            yield day
        year, month = (year + 1, 1) if unit == "year" or month == 12 else (year, month + 1)
        if unit == "year":
            month = 1


def close_up(
    events: Sequence[Event],
    eras: Sequence[Era] = (),
    quiet: float = 0.15,
    gain: float = 4.0,
    layout: Callable[..., Strip | None] | None = None,
) -> tuple[Event, ...]:
    """The busiest stretch, to draw again on a strip of its own: when the narrowest strip had to cluster
    marks, split the events at quiet gaps (longer than `quiet` of the whole span) and take the run with
    the most events, if it is at least `gain` times shorter than the whole. `layout`: overview, or a cache of it."""
    narrow = (layout or overview)(events, eras, NARROW)
    if narrow is None or not any(m.cluster for m in narrow.marks):
        return ()
    starts = [first(e.date) for e in events]
    total = max(after(e.end or e.date) for e in events) - min(starts)
    runs: list[list[int]] = [[0]]
    for i in range(1, len(events)):
        if starts[i] - starts[i - 1] > quiet * total:
            runs.append([])
        runs[-1].append(i)
    best = max(runs, key=len)  # the first of the longest
    if len(best) < 2 or (starts[best[-1]] - starts[best[0]] + 1) * gain > total:
        return ()
    return tuple(events[i] for i in best)
