"""A phone's answer becomes one of its activity's operations, and the one edit a wave of
answers makes declares every area those operations touch."""

from __future__ import annotations

from samples import demo_session

from workshop.domain.model import Condition, Decision, InterestKind, Session
from workshop.room.plan import OPERATIONS, Activity, Planned, activity_areas, approve, plan
from workshop.room.protocol import (
    ActivityKind,
    AddCard,
    AddInterest,
    Consent,
    Dot,
    Forms,
    Mark,
    Score,
)


def _answers(session: Session, dotted: str) -> list[tuple[Activity, object]]:
    moment = session.diagnostics.moments[0].id
    subject = session.principles[0].id
    scan = Activity(ActivityKind.SCAN, moment_id=moment, serial=3)
    return [
        (Activity(ActivityKind.CARDS, serial=1), AddCard(kind="add_card", text="Samen")),
        (Activity(ActivityKind.DOTS, serial=2),
         Dot(kind="dot", card_id=dotted, delta=-1)),
        (Activity(ActivityKind.INTERESTS, serial=4),
         AddInterest(kind="add_interest", interest=InterestKind.COLLECTIVE, text="Tijd")),
        (scan, Score(kind="score", condition=Condition.SHARED_AMBITION, score=4)),
        (scan, Mark(kind="mark", axis_id=session.diagnostics.axes[0].id, value=60)),
        (scan, Forms(kind="forms", forms=[])),
        (Activity(ActivityKind.CONSENT, subject_id=subject, serial=5),
         Consent(kind="consent", subject_id=subject, decision=Decision.CONCERN, note="Let op")),
    ]


def test_every_answer_is_an_operation_of_its_activity_within_its_areas() -> None:
    session = demo_session()
    vote = next(v for v in session.ambition.votes
                if session.participant(v.participant_id).present)  # type: ignore[union-attr]
    me = vote.participant_id  # with a dot to take back (the demo's budgets are used up)
    kinds = set()
    for activity, action in _answers(session, vote.card_id):
        planned = plan(session, activity, me, action, "nl")
        assert isinstance(planned, Planned), (action, planned)
        assert planned.op in OPERATIONS[activity.kind]
        assert set(planned.areas) <= set(activity_areas(activity.kind))
        before = session.model_dump(mode="json")
        planned.mutate(session)
        after = session.model_dump(mode="json")
        top = {area.split(".")[0] for area in planned.areas}
        assert {k for k in before if before[k] != after[k]} <= top
        kinds.add(activity.kind)
    assert kinds == {k for k in ActivityKind if k is not ActivityKind.NONE}


def test_a_held_card_let_through_is_the_card_operation() -> None:
    session = demo_session()
    me = session.participants[0].id
    held = plan(session, Activity(ActivityKind.CARDS, hold=True, serial=1), me,
                AddCard(kind="add_card", text="Wacht"), "en")
    planned = approve(session, held.card, "Anne")  # type: ignore[union-attr]
    assert planned is not None
    planned.mutate(session)
    assert session.ambition.cards[-1].text == "Wacht"
    assert planned.op in OPERATIONS[ActivityKind.CARDS]
