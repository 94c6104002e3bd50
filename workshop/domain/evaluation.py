"""The collaboration goes on: an evaluation meeting made from a signed session.

``new_evaluation`` copies what the table agreed (parties, ambition and goals,
interests, principles, rules, organising, commitments, the roadmap, the measurements)
into a new session that records the version it revises (file name, fingerprint, date)
and the chain of versions before it. Signatures, consent decisions, amendments and the
steps the table agreed are not carried over: the text must be agreed again.

Also here: looking back at the roadmap (a status per action), the indicators' trend,
and the chain's summary. No Qt, no I/O (finding and reading the earlier files is
``workshop.storage.chain``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from workshop.domain.compare import articles
from workshop.domain.diagnostics import latest_moment, moment
from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import (
    ActionReview,
    ChainEntry,
    Evaluation,
    Indicator,
    IndicatorValue,
    MomentAnswer,
    ReviewStatus,
    Session,
    ViewState,
    new_id,
)
from workshop.domain.operations import operation


def version_of(session: Session) -> int:
    """1 for a start meeting, N for the N-th version of the agreement."""
    return session.evaluation.version if session.evaluation else 1


def entry_for(session: Session, file_name: str) -> ChainEntry:
    """How ``session`` (saved as ``file_name``) is recorded in the chain of the next."""
    fp = fingerprint(session)
    return ChainEntry(
        version=version_of(session), file_name=file_name, session_id=session.id,
        fingerprint=fp, date=session.details.date,
        signed=sum(1 for s in session.signatures if s.fingerprint == fp))


def new_evaluation(previous: Session, file_name: str, today: dt.date) -> Session:
    """The next version of ``previous`` (saved as ``file_name``), for a meeting on
    ``today``. ``previous`` is not changed."""
    earlier = list(previous.evaluation.chain) if previous.evaluation else []
    chain = [*earlier, entry_for(previous, file_name)]
    start = latest_moment(previous)
    session = previous.model_copy(deep=True)
    session.id = new_id("s")
    session.details.date = today
    session.consents = []
    session.amendments = []
    session.step_agreements = []
    session.signatures = []
    session.view = ViewState()
    session.evaluation = Evaluation(
        version=version_of(previous) + 1, chain=chain,
        previous_articles=articles(previous),
        start_moment_id=start.id if start else "")
    return Session.model_validate(session.model_dump())


def revised(session: Session) -> ChainEntry | None:
    """The version this session revises (the last of its chain), None for a start."""
    if session.evaluation is None or not session.evaluation.chain:
        return None
    return session.evaluation.chain[-1]


def chain_of(session: Session, file_name: str = "") -> list[ChainEntry]:
    """Every version up to and including ``session`` (its own entry last)."""
    earlier = list(session.evaluation.chain) if session.evaluation else []
    return [*earlier, entry_for(session, file_name)]


# --- looking back ----------------------------------------------------------------------


def review_of(session: Session, action_id: str) -> ActionReview | None:
    if session.evaluation is None:
        return None
    return next((r for r in session.evaluation.reviews if r.action_id == action_id), None)


@operation("evaluation")
def set_review(session: Session, action_id: str, status: ReviewStatus | None,
               note: str | None = None) -> None:
    """An action's status at this evaluation (None clears it); ``note`` kept if None."""
    ev = session.evaluation
    if ev is None:
        raise ValueError("not an evaluation meeting")
    found = review_of(session, action_id)
    if status is None:
        ev.reviews = [r for r in ev.reviews if r.action_id != action_id]
        return
    if found is None:
        ev.reviews.append(ActionReview(action_id=action_id, status=status, note=note or ""))
    else:
        found.status = status
        if note is not None:
            found.note = note


@operation("evaluation")
def set_answer(session: Session, evaluation_id: str, note: str) -> None:
    ev = session.evaluation
    if ev is None:
        raise ValueError("not an evaluation meeting")
    ev.answers = [a for a in ev.answers if a.evaluation_id != evaluation_id]
    if note.strip():
        ev.answers.append(MomentAnswer(evaluation_id=evaluation_id, note=note))


def answer_of(session: Session, evaluation_id: str) -> str:
    if session.evaluation is None:
        return ""
    return next((a.note for a in session.evaluation.answers
                 if a.evaluation_id == evaluation_id), "")


def review_counts(session: Session) -> dict[ReviewStatus | None, int]:
    """Actions per status at this evaluation; None: not yet looked at."""
    counts: Counter[ReviewStatus | None] = Counter()
    for action in session.roadmap.actions:
        review = review_of(session, action.id)
        counts[review.status if review else None] += 1
    return dict(counts)


# --- indicators --------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendPoint:
    version: int
    value: float


def trend(indicator: Indicator) -> list[TrendPoint]:
    """The baseline (version 1) and each value recorded since, by version."""
    points = [TrendPoint(1, indicator.baseline)] if indicator.baseline is not None else []
    points += [TrendPoint(v.version, v.value)
               for v in sorted(indicator.values, key=lambda v: v.version)]
    return points


@operation("ambition.goals")
def set_indicator_value(session: Session, goal_id: str, indicator_id: str,
                        value: float | None, when: dt.date | None = None) -> None:
    """The indicator's value at this session's version (None clears it); at version 1
    the value is the baseline."""
    goal = next(g for g in session.ambition.goals if g.id == goal_id)
    indicator = next(i for i in goal.indicators if i.id == indicator_id)
    version = version_of(session)
    if version == 1:
        indicator.baseline = value
        return
    indicator.values = [v for v in indicator.values if v.version != version]
    if value is not None:
        indicator.values.append(IndicatorValue(version=version, value=value, date=when))


@operation("ambition.goals")
def add_indicator(session: Session, goal_id: str, name: str, unit: str = "",
                  baseline: float | None = None) -> Indicator:
    goal = next(g for g in session.ambition.goals if g.id == goal_id)
    indicator = Indicator(id=new_id("i"), name=name, unit=unit, baseline=baseline)
    goal.indicators.append(indicator)
    return indicator


# --- measuring again ---------------------------------------------------------------------


def scan_pair(session: Session) -> tuple[str, str] | None:
    """(the revised version's moment, the latest moment since) when both have scores."""
    ev = session.evaluation
    if ev is None or not ev.start_moment_id:
        return None
    moments = [m for m in sorted(session.diagnostics.moments, key=lambda m: m.taken_at)
               if m.id != ev.start_moment_id]
    start = moment(session, ev.start_moment_id)
    later = [m for m in moments if start is None or m.taken_at >= start.taken_at]
    if start is None or not later:
        return None
    return start.id, later[-1].id

