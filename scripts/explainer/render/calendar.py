"""Dates as readers of an edition write them. English keeps the explainer's own forms (dates.py: '26 November
2020', 'November 2013 – February 2014'); another language uses Babel's patterns for its locale: '26 листопада
2020 р.', a month alone in the nominative ('листопад 2020', pattern LLLL y, not MMMM y), short month names
on timeline axes."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass

from babel.dates import format_date
from babel.numbers import format_decimal

from ..dates import MONTHS, PartialDate, format_range


@dataclass(frozen=True)
class Calendar:
    """`locale` '' (or 'en'): the explainer's English forms; any other: Babel's for that locale."""

    locale: str = ""

    @property
    def english(self) -> bool:
        return self.locale in ("", "en")

    def number(self, value: float) -> str:
        """1239 -> '1,239', 1084.2 -> '1,084.2' in English; Babel's grouping and decimal sign otherwise
        ('1 084,2' in Ukrainian, with a no-break space)."""
        whole = float(value).is_integer()
        if self.english:
            return f"{int(value):,}" if whole else f"{value:,.1f}"
        return format_decimal(value, format="#,##0" if whole else "#,##0.0", locale=self.locale)

    def label(self, d: PartialDate) -> str:
        if self.english:
            return d.label()
        return _babel_label(self.locale, d)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 (a frozen, hashable value object: its dates repeat)
    def range(self, start: PartialDate, end: PartialDate | None = None, approximate: bool = False) -> str:
        if self.english:
            return format_range(start, end, approximate)
        same = start.precision == end.precision if end else False
        if end is None or end == start:
            text = self.label(start)
        elif same and start.precision == "day" and (start.year, start.month) == (end.year, end.month):
            text = f"{start.day}–{self.label(end)}"
        elif same and start.precision == "day" and start.year == end.year:
            text = f"{format_date(_date(start), 'd MMMM', locale=self.locale)} – {self.label(end)}"
        elif same and start.precision == "year":
            text = f"{start.year}–{end.year}"
        else:
            text = f"{self.label(start)} – {self.label(end)}"
        return f"≈ {text}" if approximate else text

    def month(self, year: int, month: int) -> str:
        """A month heading: 'November 2020', 'листопад 2020'."""
        return self.label(PartialDate(year, month))

    def month_name(self, month: int) -> str:
        if self.english:
            return MONTHS[month - 1]
        return format_date(datetime.date(2000, month, 1), "LLLL", locale=self.locale)

    def short_month(self, month: int) -> str:
        if self.english:
            return MONTHS[month - 1][:3]
        return format_date(datetime.date(2000, month, 1), "LLL", locale=self.locale)

    def day_month(self, day: int, month: int) -> str:
        if self.english:
            return f"{day} {MONTHS[month - 1][:3]}"
        return format_date(datetime.date(2000, month, day), "d MMM", locale=self.locale)


def _date(d: PartialDate) -> datetime.date:
    return datetime.date(*d.first_day())


def _babel_label(locale: str, d: PartialDate) -> str:
    if d.day:
        return format_date(_date(d), "long", locale=locale)
    if d.month:
        return format_date(_date(d), "LLLL y", locale=locale)
    return str(d.year)


ENGLISH = Calendar()
