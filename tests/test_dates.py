from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tip_archive.model.dates import DateError, DateSpan, PartialDate


@pytest.mark.parametrize(
    ("text", "precision", "human"),
    [
        ("2006", "year", "2006"),
        ("2009-05", "month", "May 2009"),
        ("2010-07-30", "day", "30 July 2010"),
        ("2013-05-13/2013-05-14", "day", "13–14 May 2013"),
        ("2010-05/2010-06", "month", "May–June 2010"),
        ("2010-09-30/2010-10-01", "day", "30 September–1 October 2010"),
        ("2005/2006", "year", "2005–2006"),
    ],
)
def test_parse_keeps_precision(text: str, precision: str, human: str) -> None:
    span = DateSpan.parse(text)
    assert span.precision == precision
    assert span.human() == human
    assert span.iso() == text


def test_year_as_integer_is_accepted() -> None:
    assert DateSpan.parse(2006).iso() == "2006"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2010-02-30", "'2010-02-30' does not exist: February 2010 has 28 days"),
        ("2010-13", "'2010-13' has no month 13: months run from 01 to 12"),
        ("1066", "'1066' is outside the archive's range 1945-2030: check the year"),
        ("2011/2010", "'2011/2010' ends before it starts: write the earlier date first"),
        ("30 July 2010", "'30 July 2010' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_impossible_dates_are_refused(text: str, message: str) -> None:
    with pytest.raises(DateError) as info:
        DateSpan.parse(text)
    assert str(info.value) == message


def test_year_sorts_before_its_days() -> None:
    assert PartialDate.parse("2010").sort_key() < PartialDate.parse("2010-01-01").sort_key()


@given(st.dates(min_value=dt.date(1945, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_every_real_day_round_trips(day: dt.date) -> None:
    parsed = PartialDate.parse(day.isoformat())
    assert (parsed.year, parsed.month, parsed.day) == (day.year, day.month, day.day)
    assert parsed.iso() == day.isoformat()
