"""Where each step of the meeting stands, derived from the session (never stored).

"Filled" and "agreed" are told apart. A step is *filled* when its content is complete
(everyone's interests of all three types, every action with an owner and dates, the
organising choices made); it is *agreed* only when the table agreed it: through its
consent rounds where the step has them (ambition, principles, rules), or through the
facilitator's explicit "the table agrees this step" (``Session.step_agreements``) where
it has none. That agreement is recorded like a consent: it counts for the step's
content as it was (``step_version``) and lapses when the content changes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from workshop.domain.consent import outcome_of, records_by_subject, records_for, text_version
from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import (
    AMBITION_SUBJECT,
    AgreementItem,
    InterestKind,
    Outcome,
    Session,
    Step,
    StepAgreement,
)
from workshop.domain.operations import operation
from workshop.domain.steps import STATE_LABELS as STATE_LABELS  # re-exported
from workshop.domain.steps import StepState as StepState

AGREED_BY_FACILITATOR = (Step.PREPARATION, Step.INTERESTS, Step.ORGANISING, Step.ROADMAP)
"""Steps without consent rounds: the facilitator records that the table agrees them."""


def _present(session: Session) -> set[str]:
    return {p.id for p in session.participants if p.present}


def step_content(session: Session, step: Step) -> Any:
    """What the table agrees to when it agrees a step without consent rounds."""
    s = session
    if step is Step.PREPARATION:
        return [s.details.model_dump(mode="json"),
                [p.model_dump(mode="json") for p in s.participants],
                [a.model_dump(mode="json") for a in s.agenda]]
    if step is Step.INTERESTS:
        return [s.interests.model_dump(mode="json")]
    if step is Step.ORGANISING:
        return [s.organising.model_dump(mode="json"), s.commitments.model_dump(mode="json")]
    if step is Step.ROADMAP:
        return [s.roadmap.model_dump(mode="json")]
    raise ValueError(f"{step} is agreed through its consent rounds")


def step_version(session: Session, step: Step) -> str:
    return text_version(step_content(session, step))


def step_agreement(session: Session, step: Step) -> StepAgreement | None:
    return next((a for a in session.step_agreements if a.step is step), None)


def agreed_by_table(session: Session, step: Step) -> bool:
    """Whether the facilitator's "the table agrees" holds for the step's content now."""
    agreement = step_agreement(session, step)
    return agreement is not None and agreement.version == step_version(session, step)


@operation("step_agreements")
def agree_step(session: Session, step: Step, now: dt.datetime) -> None:
    """Record that the table agrees ``step`` as it is now (replacing an earlier one)."""
    session.step_agreements = [a for a in session.step_agreements if a.step is not step]
    session.step_agreements.append(
        StepAgreement(step=step, version=step_version(session, step), at=now))


@operation("step_agreements")
def withdraw_step_agreement(session: Session, step: Step) -> None:
    session.step_agreements = [a for a in session.step_agreements if a.step is not step]


def _items_state(session: Session, items: list[AgreementItem]) -> StepState:
    if not items:
        return StepState.NOT_STARTED
    grouped = records_by_subject(session, agreement="-")
    present = _present(session)
    if all(outcome_of(grouped.get(i.id, []), present) is Outcome.AGREED for i in items):
        return StepState.AGREED
    return StepState.FILLED


def _filled(session: Session, step: Step) -> StepState:
    """NOT_STARTED, IN_PROGRESS or FILLED for a step without consent rounds."""
    s = session
    if step is Step.PREPARATION:
        if not s.participants:
            return StepState.NOT_STARTED
        complete = s.details.date is not None and bool(s.details.venue.strip())
        return StepState.FILLED if complete else StepState.IN_PROGRESS
    if step is Step.INTERESTS:
        if not s.interests.items:
            return StepState.NOT_STARTED
        have = {(i.participant_id, i.kind) for i in s.interests.items}
        complete = all((pid, kind) in have for pid in _present(s) for kind in InterestKind)
        return StepState.FILLED if complete else StepState.IN_PROGRESS
    if step is Step.ORGANISING:
        o = s.organising
        chosen = [o.decision_rule, o.chair, o.representation, o.evaluation]
        if not any(c is not None for c in chosen) and not (o.financing or o.cadence.strip()):
            return StepState.NOT_STARTED
        complete = all(c is not None for c in chosen) and bool(o.financing)
        return StepState.FILLED if complete else StepState.IN_PROGRESS
    actions = s.roadmap.actions
    if not actions:
        return StepState.NOT_STARTED
    complete = all(a.owner and a.start and a.due for a in actions) and bool(
        s.roadmap.evaluations)
    return StepState.FILLED if complete else StepState.IN_PROGRESS


def filled_state(session: Session, step: Step) -> StepState:
    """The state of the step's content alone, whether or not the table agreed it."""
    if step in AGREED_BY_FACILITATOR:
        return _filled(session, step)
    state = step_state(session, step)
    return StepState.FILLED if state is StepState.AGREED and step is not Step.SIGNING \
        else state


def step_state(session: Session, step: Step, current: str | None = None) -> StepState:
    """The state of ``step``; ``current`` is the session's fingerprint when the caller
    already has it (signing compares signatures with it)."""
    s = session
    if step in AGREED_BY_FACILITATOR:
        state = _filled(s, step)
        if state is not StepState.NOT_STARTED and agreed_by_table(s, step):
            return StepState.AGREED
        return state
    if step is Step.AMBITION:
        a = s.ambition
        if not (a.cards or a.statement.strip() or a.goals):
            return StepState.NOT_STARTED
        if not a.statement.strip():
            return StepState.IN_PROGRESS
        records = records_for(s, AMBITION_SUBJECT)  # not every subject's: one is asked
        agreed = outcome_of(records, _present(s)) is Outcome.AGREED
        return StepState.AGREED if agreed else StepState.FILLED
    if step is Step.PRINCIPLES:
        return _items_state(s, s.principles)
    if step is Step.RULES:
        return _items_state(s, s.rules)
    # signing
    if not s.signatures:
        return StepState.NOT_STARTED
    if current is None:
        current = fingerprint(s)
    signed = {g.participant_id for g in s.signatures if g.fingerprint == current}
    return StepState.AGREED if _present(s) <= signed else StepState.IN_PROGRESS
