"""Where each step of the meeting stands, derived from the session (never stored).

"Agreed" means the table is done with the step: a consent round passed where the step
has one, or the step's content is complete where it has none (everyone's interests of
all three types, every action with an owner and dates).
"""

from __future__ import annotations

from enum import Enum

from workshop.domain.consent import outcome_of, records_by_subject, records_for
from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import (
    AMBITION_SUBJECT,
    AgreementItem,
    InterestKind,
    Outcome,
    Session,
    Step,
)
from workshop.i18n import N_


class StepState(str, Enum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    AGREED = "agreed"


STATE_LABELS = {
    StepState.NOT_STARTED: N_("not started"),
    StepState.IN_PROGRESS: N_("in progress"),
    StepState.AGREED: N_("agreed"),
}


def _present(session: Session) -> set[str]:
    return {p.id for p in session.participants if p.present}


def _items_state(session: Session, items: list[AgreementItem]) -> StepState:
    if not items:
        return StepState.NOT_STARTED
    grouped = records_by_subject(session)
    present = _present(session)
    if all(outcome_of(grouped.get(i.id, []), present) is Outcome.AGREED for i in items):
        return StepState.AGREED
    return StepState.IN_PROGRESS


def step_state(session: Session, step: Step, current: str | None = None) -> StepState:
    """The state of ``step``; ``current`` is the session's fingerprint when the caller
    already has it (signing compares signatures with it)."""
    s = session
    if step is Step.PREPARATION:
        if not s.participants:
            return StepState.NOT_STARTED
        complete = s.details.date is not None and bool(s.details.venue.strip())
        return StepState.AGREED if complete else StepState.IN_PROGRESS
    if step is Step.AMBITION:
        a = s.ambition
        if not (a.cards or a.statement.strip() or a.goals):
            return StepState.NOT_STARTED
        records = records_for(s, AMBITION_SUBJECT)  # not every subject's: one is asked
        agreed = outcome_of(records, _present(s)) is Outcome.AGREED and a.statement.strip()
        return StepState.AGREED if agreed else StepState.IN_PROGRESS
    if step is Step.INTERESTS:
        if not s.interests.items:
            return StepState.NOT_STARTED
        have = {(i.participant_id, i.kind) for i in s.interests.items}
        complete = all((pid, kind) in have for pid in _present(s) for kind in InterestKind)
        return StepState.AGREED if complete else StepState.IN_PROGRESS
    if step is Step.PRINCIPLES:
        return _items_state(s, s.principles)
    if step is Step.RULES:
        return _items_state(s, s.rules)
    if step is Step.ORGANISING:
        o = s.organising
        chosen = [o.decision_rule, o.chair, o.representation, o.evaluation]
        if not any(c is not None for c in chosen) and not (o.financing or o.cadence.strip()):
            return StepState.NOT_STARTED
        complete = all(c is not None for c in chosen) and bool(o.financing)
        return StepState.AGREED if complete else StepState.IN_PROGRESS
    if step is Step.ROADMAP:
        actions = s.roadmap.actions
        if not actions:
            return StepState.NOT_STARTED
        complete = all(a.owner and a.start and a.due for a in actions) and bool(
            s.roadmap.evaluations)
        return StepState.AGREED if complete else StepState.IN_PROGRESS
    # signing
    if not s.signatures:
        return StepState.NOT_STARTED
    if current is None:
        current = fingerprint(s)
    signed = {g.participant_id for g in s.signatures if g.fingerprint == current}
    return StepState.AGREED if _present(s) <= signed else StepState.IN_PROGRESS
