"""Partial dates (year, month or day precision): parsing, ordering and display."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = tuple(calendar.month_name)[1:]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int = 0  # 0: not known
    day: int = 0  # 0: not known

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    def sort_key(self) -> tuple[int, int, int, int]:
        """By date, then a day before its month and a month before its year."""
        rank = {"day": 0, "month": 1, "year": 2}[self.precision]
        return (self.year, self.month or 1, self.day or 1, rank)

    def last_day(self) -> tuple[int, int, int]:
        """The last calendar day this date covers, for range checks."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return (self.year, month, day)

    def first_day(self) -> tuple[int, int, int]:
        return (self.year, self.month or 1, self.day or 1)

    def label(self) -> str:
        if self.day:
            return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        return f"{MONTHS[self.month - 1]} {self.year}" if self.month else str(self.year)


def parse_date(text: str) -> PartialDate | str:
    """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; return the date or what is wrong with it."""
    m = DATE_RE.match(text.strip())
    if not m:
        return "expected a date as YYYY-MM-DD, YYYY-MM or YYYY"
    year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    if m[2] and not 1 <= month <= 12:
        return "expected a month from 01 to 12"
    if m[3] and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return f"expected a real calendar date, but {MONTHS[month - 1]} {year} has no day {day}"
    return PartialDate(year, month, day)


def format_range(start: PartialDate, end: PartialDate | None, approximate: bool = False) -> str:
    """'26 November 2020', 'November 2020', 'c. 2013', '20–27 November 2020', 'November 2013 – February 2014'."""
    prefix = "c. " if approximate else ""
    if end is None or end == start:
        return prefix + start.label()
    if start.precision == end.precision == "day" and (start.year, start.month) == (end.year, end.month):
        return f"{prefix}{start.day}–{end.label()}"
    if start.precision == end.precision == "day" and start.year == end.year:
        return f"{prefix}{start.day} {MONTHS[start.month - 1]} – {end.label()}"
    if start.precision == end.precision == "month" and start.year == end.year:
        return f"{prefix}{MONTHS[start.month - 1]}–{end.label()}"
    if start.precision == end.precision == "year":
        return f"{prefix}{start.year}–{end.year}"
    return f"{prefix}{start.label()} – {end.label()}"
