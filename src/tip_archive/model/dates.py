"""Partial dates and date spans, as precise as the sources allow.

A record's date is written as a year (``2006``), a month (``2009-05``) or a day
(``2010-07-30``); a span joins two of them with a slash
(``2013-05-13/2013-05-14``, ``2010-05/2010-06``), as in ISO 8601 intervals.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

#: Dates outside these years are refused as impossible for this archive.
MIN_YEAR = 1945
MAX_YEAR = 2030

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip

_PART = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")


class DateError(ValueError):
    """A date string that is not a valid partial date or span."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        match = _PART.match(text.strip())
        if not match:
            raise DateError(f"{text!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
        year = int(match["y"])
        month = int(match["m"]) if match["m"] else None
        day = int(match["d"]) if match["d"] else None
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise DateError(
                f"{text!r} is outside the archive's range {MIN_YEAR}-{MAX_YEAR}: check the year"
            )
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"{text!r} has no month {month}: months run from 01 to 12")
        if day is not None:
            assert month is not None
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateError(
                    f"{text!r} does not exist: {MONTHS[month - 1]} {year} has {last} days"
                )
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        """``year``, ``month`` or ``day``."""
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def sort_key(self) -> tuple[int, int, int]:
        # A year-only date sorts before the dated days of that year.
        return (self.year, self.month or 0, self.day or 0)

    def human(self) -> str:
        """The archive's one way of writing a date: ``18 December 2009``, ``December 2009``."""
        if self.day and self.month:
            return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True)
class DateSpan:
    """A single partial date, or a span from ``start`` to ``end``."""

    start: PartialDate
    end: PartialDate | None = None

    @classmethod
    def parse(cls, value: object) -> DateSpan:
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise DateError(f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
        text = str(value).strip()
        if "/" in text:
            first, _, second = text.partition("/")
            start, end = PartialDate.parse(first), PartialDate.parse(second)
            if end.sort_key() < start.sort_key():
                raise DateError(f"{text!r} ends before it starts: write the earlier date first")
            return cls(start, end)
        return cls(PartialDate.parse(text))

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def precision(self) -> str:
        return self.start.precision

    def iso(self) -> str:
        return f"{self.start.iso()}/{self.end.iso()}" if self.end else self.start.iso()

    def sort_key(self) -> tuple[int, int, int]:
        return self.start.sort_key()

    def human(self) -> str:
        start, end = self.start, self.end
        if end is None:
            return start.human()
        same_year = start.year == end.year and start.precision == end.precision
        if same_year and start.month and start.day:
            if start.month == end.month:
                return f"{start.day}\u2013{end.human()}"
            return f"{start.day} {MONTHS[start.month - 1]}\u2013{end.human()}"
        if same_year and start.month:
            return f"{MONTHS[start.month - 1]}\u2013{end.human()}"
        return f"{start.human()}\u2013{end.human()}"

    def __str__(self) -> str:
        return self.iso()
