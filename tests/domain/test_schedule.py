"""Evaluation series: the dates a facilitator means by "twice a year until 2028"."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.domain.schedule import (
    MAX_DATES,
    TooManyDates,
    add_months,
    evaluation_dates,
)

D = dt.date


def test_twice_a_year_by_count() -> None:
    assert evaluation_dates(D(2026, 10, 15), 6, None, 4) == [
        D(2026, 10, 15), D(2027, 4, 15), D(2027, 10, 15), D(2028, 4, 15)]


def test_until_is_inclusive() -> None:
    assert evaluation_dates(D(2026, 1, 1), 3, D(2027, 1, 1), None) == [
        D(2026, 1, 1), D(2026, 4, 1), D(2026, 7, 1), D(2026, 10, 1), D(2027, 1, 1)]
    assert evaluation_dates(D(2026, 1, 1), 3, D(2026, 12, 31), None)[-1] == D(2026, 10, 1)


def test_whichever_ends_first() -> None:
    assert len(evaluation_dates(D(2026, 1, 1), 4, D(2030, 1, 1), 2)) == 2
    assert len(evaluation_dates(D(2026, 1, 1), 12, D(2027, 6, 1), 10)) == 2


def test_month_end_is_safe_and_does_not_drift() -> None:
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2028, 1, 31), 1) == D(2028, 2, 29)  # leap year
    assert add_months(D(2026, 8, 31), 6) == D(2027, 2, 28)
    # counted from the first date: back to the 31st where the month has one
    assert evaluation_dates(D(2026, 1, 31), 1, None, 4) == [
        D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30)]
    assert evaluation_dates(D(2027, 8, 31), 6, None, 3) == [
        D(2027, 8, 31), D(2028, 2, 29), D(2028, 8, 31)]


def test_empty_series() -> None:
    assert evaluation_dates(D(2026, 5, 1), 6, D(2026, 4, 30), None) == []
    assert evaluation_dates(D(2026, 5, 1), 6, None, 0) == []


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        evaluation_dates(D(2026, 1, 1), 0, None, 3)
    with pytest.raises(ValueError):
        evaluation_dates(D(2026, 1, 1), 6, None, None)
    with pytest.raises(ValueError):
        evaluation_dates(D(2026, 1, 1), 6, None, -1)


def test_a_typo_in_the_end_year_is_refused_not_obeyed() -> None:
    with pytest.raises(TooManyDates) as info:
        evaluation_dates(D(2026, 1, 1), 3, D(2926, 1, 1), None)
    assert info.value.limit == MAX_DATES
    assert len(evaluation_dates(D(2026, 1, 1), 3, None, MAX_DATES)) == MAX_DATES
    with pytest.raises(TooManyDates):
        evaluation_dates(D(2026, 1, 1), 3, None, MAX_DATES + 1)


def test_stops_at_the_end_of_the_calendar() -> None:
    assert evaluation_dates(D(9999, 6, 30), 6, None, 5) == [D(9999, 6, 30), D(9999, 12, 30)]
    with pytest.raises(OverflowError):
        add_months(D(9999, 12, 1), 1)


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)),
       st.sampled_from([1, 3, 4, 6, 12]), st.integers(min_value=0, max_value=30))
def test_properties(first: dt.date, every: int, count: int) -> None:
    dates = evaluation_dates(first, every, None, count)
    assert len(dates) == count
    assert dates == sorted(set(dates))
    for k, day in enumerate(dates):
        months = (day.year - first.year) * 12 + day.month - first.month
        assert months == k * every
        assert day.day == min(first.day, day.day)
        assert day.day == first.day or (day + dt.timedelta(days=1)).month != day.month
    if dates:
        assert evaluation_dates(first, every, dates[-1], None) == dates
