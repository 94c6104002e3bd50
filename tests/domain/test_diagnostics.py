"""Diagnostics in numbers: mean, spread (population standard deviation), range, changes."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from samples import demo_session, large_session

from workshop.domain import diagnostics as dg
from workshop.domain.model import CollaborationForm, Condition, Session


def test_summary_uses_population_standard_deviation() -> None:
    s = dg.summarise([2, 4, 4, 4, 5, 5, 7, 9])
    assert s.mean == 5
    assert s.spread == 2  # the textbook example: population sd 2, sample sd 2.14
    assert (s.low, s.high, s.count) == (2, 9, 8)
    assert dg.summarise([]) == dg.Summary(0, None, None, None, None)


def test_condition_stats_on_the_demo() -> None:
    session = demo_session()
    stats = {s.condition: s for s in dg.condition_stats(session, "mt-start")}
    organising = stats[Condition.PROFESSIONAL_ORGANISING]
    values = [v for _p, v in organising.scores]
    assert values == [2, 2, 2, 2, 3, 2, 3, 1]  # in the order of the participants
    assert organising.mean == pytest.approx(17 / 8)
    mean = 17 / 8
    assert organising.spread == pytest.approx(math.sqrt(sum((v - mean) ** 2
                                                            for v in values) / 8))
    assert organising.summary.low == 1 and organising.summary.high == 3


def test_sorted_by_spread_widest_first_unscored_last() -> None:
    session = demo_session()
    session.diagnostics.scores = [s for s in session.diagnostics.scores
                                  if s.condition is not Condition.MEANINGFUL_PROCESS]
    ordered = dg.by_spread(dg.condition_stats(session, "mt-start"))
    spreads = [s.spread for s in ordered]
    assert ordered[-1].condition is Condition.MEANINGFUL_PROCESS and spreads[-1] is None
    known = [x for x in spreads if x is not None]
    assert known == sorted(known, reverse=True)


def test_set_score_adds_changes_and_removes() -> None:
    session = demo_session()
    dg.set_score(session, "mt-start", "p-henk", Condition.SHARED_AMBITION, 4, "ja")
    cell = dg.scores_by_cell(session, "mt-start")[("p-henk", Condition.SHARED_AMBITION)]
    assert (cell.score, cell.note) == (4, "ja")
    dg.set_score(session, "mt-start", "p-henk", Condition.SHARED_AMBITION, 2)
    assert cell.score == 2 and cell.note == "ja"
    dg.set_score(session, "mt-start", "p-henk", Condition.SHARED_AMBITION, None)
    assert ("p-henk", Condition.SHARED_AMBITION) not in dg.scores_by_cell(session, "mt-start")
    Session.model_validate(session.model_dump())  # still a valid session


def test_compare_two_moments_of_the_large_session() -> None:
    session = large_session()
    changes = dg.compare(session, "mt-start", "mt-half")
    assert [c.condition for c in changes] == list(Condition)
    for change in changes:
        assert change.before.count > 0 and change.after.count > 0
        assert change.delta == pytest.approx(change.after.mean - change.before.mean)


def test_spectra_and_forms() -> None:
    session = demo_session()
    topic = next(a for a in dg.axis_stats(session, "mt-start") if a.axis.key == "topic")
    assert topic.summary.mean == pytest.approx((30 + 20 + 45 + 40 + 70 + 60 + 35 + 50) / 8)
    counts = dg.form_distribution(session, "mt-start")
    assert counts[CollaborationForm.CARE_CHAIN] == 3
    assert counts[CollaborationForm.KNOWLEDGE_NETWORK] == 0
    assert dg.form_choosers(session, "mt-start")[CollaborationForm.CARE_CHAIN] == [
        "p-anna", "p-joost", "p-ruud"]
    dg.set_forms(session, "mt-start", "p-anna", [])
    assert "p-anna" not in dg.forms_by_participant(session, "mt-start")
    axis = dg.add_axis(session, "Tempo", "Rustig", "Snel")
    dg.set_mark(session, "mt-start", "p-anna", axis.id, 70)
    dg.set_mark(session, "mt-start", "p-anna", axis.id, 20)
    assert dg.marks_by_cell(session, "mt-start")[("p-anna", axis.id)] == 20
    Session.model_validate(session.model_dump())


def test_moments() -> None:
    session = demo_session()
    new = dg.add_moment(session, "Evaluatie", dt.datetime(2026, 9, 1, 10, 0))
    assert dg.latest_moment(session) == new
    assert dg.respondents(session, new.id) == set()
    assert dg.respondents(session, "mt-start") == {p.id for p in session.participants
                                                   if p.present}
