"""Dated series for the roadmap: "evaluate twice a year" turned into real dates.

Every date is counted from the first one (first + k months), never from the previous
one, so a series that starts on the 31st comes back to the 31st wherever the month has
one: 31 Jan, 28 (29) Feb, 31 Mar, 30 Apr... No Qt, no clock.
"""

from __future__ import annotations

import calendar
import datetime as dt

FREQUENCIES = (3, 4, 6, 12)
"""The choices the roadmap offers: four, three, two or one moment(s) a year."""

MAX_DATES = 100
"""More moments than this is a typing error (an end date in the wrong century)."""


class TooManyDates(ValueError):
    """The series would hold more than ``limit`` dates."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the series would hold more than {limit} dates")
        self.limit = limit


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` calendar months on, clamped to the end of a short month.

    Raises ``OverflowError`` past the year 9999.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OverflowError(f"year {year} is out of range")
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def evaluation_dates(first: dt.date, every_months: int, until: dt.date | None,
                     count: int | None, *, limit: int = MAX_DATES) -> list[dt.date]:
    """The dates ``first``, ``first + every_months``, ... up to ``until`` (inclusive)
    and/or ``count`` dates, whichever ends the series first.

    At least one of ``until`` and ``count`` is required. Raises ``ValueError`` for a
    step below 1 or a negative count, and ``TooManyDates`` when the series would hold
    more than ``limit`` dates. A series that would pass the year 9999 stops there.
    """
    if every_months < 1:
        raise ValueError("every_months must be at least 1")
    if until is None and count is None:
        raise ValueError("give an end date, a count, or both")
    if count is not None and count < 0:
        raise ValueError("count must not be negative")
    dates: list[dt.date] = []
    k = 0
    while count is None or k < count:
        try:
            day = add_months(first, k * every_months)
        except OverflowError:
            break
        if until is not None and day > until:
            break
        if len(dates) == limit:
            raise TooManyDates(limit)
        dates.append(day)
        k += 1
    return dates
