"""A date as a person types it ("18 December 2009", "Dec 2009") into a record's partial date.

``tip-archive new --date`` takes the date in the form an author reads it in a
source and writes it into the skeleton as the record format wants it
(``2009-12-18``, ``2009-12``), no more precise than what was typed.  The words
are read by ``python-dateutil``'s parser, which knows month names, their
abbreviations and the usual orders; which parts were typed is found by parsing
twice with different defaults: a part that changes with the default was not
typed.  Numbers separated by slashes are read day first (``18/12/2009``).
"""

from __future__ import annotations

import datetime

from dateutil import parser

from ..model.dates import DateError, PartialDate

_DEFAULTS = (datetime.datetime(2000, 1, 1), datetime.datetime(2004, 2, 2))

HINT = "write it like 18 December 2009, Dec 2009, 2009 or 2009-12-18"


def typed_date(text: str) -> PartialDate:
    """The partial date ``text`` means; :class:`DateError` when it means none."""
    try:
        return PartialDate.parse(text)  # already in the record format
    except DateError:
        pass
    try:
        first, second = (parser.parse(text, default=d, dayfirst=True) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        raise DateError(f"{text!r} is not a date: {HINT}") from None
    if first.year != second.year:
        raise DateError(f"{text!r} has no year: {HINT}")
    if first.time() != datetime.time(0) or first.time() != second.time():
        raise DateError(f"{text!r} has a time of day: give the date only")
    month = first.month if first.month == second.month else None
    day = first.day if month is not None and first.day == second.day else None
    return PartialDate.parse(PartialDate(first.year, month, day).iso())
