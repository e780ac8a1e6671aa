"""Partial dates: parsing every form, display of every precision and range, ordering."""
from __future__ import annotations

import pytest

from explainer.dates import PartialDate, format_range, parse_date


@pytest.mark.parametrize("text,expected", [
    ("2020-11-26", PartialDate(2020, 11, 26)), ("2020-11", PartialDate(2020, 11)), ("2013", PartialDate(2013)),
    ("2020-02-29", PartialDate(2020, 2, 29)),
])
def test_parse(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text,message", [
    ("2021-02-29", "expected a real calendar date, but February 2021 has no day 29"),
    ("2020-00", "expected a month from 01 to 12"),
    ("26.11.2020", "expected a date as YYYY-MM-DD, YYYY-MM or YYYY"),
    ("2020-1-5", "expected a date as YYYY-MM-DD, YYYY-MM or YYYY"),
])
def test_parse_errors(text: str, message: str) -> None:
    assert parse_date(text) == message


def d(text: str) -> PartialDate:
    result = parse_date(text)
    assert isinstance(result, PartialDate)
    return result


@pytest.mark.parametrize("start,end,approx,label", [
    ("2020-11-26", None, False, "26 November 2020"),
    ("2020-11", None, False, "November 2020"),
    ("2013", None, True, "c. 2013"),
    ("2020-11-20", "2020-11-27", False, "20–27 November 2020"),
    ("2020-11-30", "2020-12-02", False, "30 November – 2 December 2020"),
    ("2020-12-30", "2021-01-02", False, "30 December 2020 – 2 January 2021"),
    ("2013-11", "2014-02", False, "November 2013 – February 2014"),
    ("2020-08", "2020-12", False, "August–December 2020"),
    ("2013", "2014", False, "2013–2014"),
    ("2020-08-09", "2020-12", True, "c. 9 August 2020 – December 2020"),
])
def test_format(start: str, end: str | None, approx: bool, label: str) -> None:
    assert format_range(d(start), d(end) if end else None, approx) == label


def test_order_day_before_month_before_year() -> None:
    dates = [d("2020"), d("2020-11"), d("2020-11-01"), d("2020-10-31"), d("2019-12"), d("2020-01-01")]
    ordered = [x.iso() for x in sorted(dates, key=PartialDate.sort_key)]
    assert ordered == ["2019-12", "2020-01-01", "2020", "2020-10-31", "2020-11-01", "2020-11"]
