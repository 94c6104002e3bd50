"""The readiness check: what still stands between the table and a signature."""

from __future__ import annotations

import datetime as dt

from samples import demo_session, large_session

from workshop.domain.model import (
    AGREEMENT_SUBJECT,
    AMBITION_SUBJECT,
    ConsentRecord,
    Contribution,
    ContributionKind,
    Decision,
    ObjectionResolution,
    Owner,
    Session,
    Step,
)
from workshop.domain.progress import AGREED_BY_FACILITATOR, agree_step
from workshop.domain.readiness import STEP_SUBJECT, Finding, blocking, readiness, short


def _ids(findings: list[Finding]) -> set[tuple[Step, str, str | None]]:
    return {(f.step, f.severity, f.item_id) for f in findings}


def _agree_everything(s: Session) -> None:
    """Every present participant consents to every item; everyone is present."""
    for p in s.participants:
        p.present = True
    subjects = [AMBITION_SUBJECT, AGREEMENT_SUBJECT] + [i.id for i in s.principles + s.rules]
    s.consents = [ConsentRecord(subject_id=sub, participant_id=p.id, decision=Decision.CONSENT)
                  for sub in subjects for p in s.participants]


def _ready_demo() -> Session:
    s = demo_session()
    _agree_everything(s)
    s.interests.items += [
        s.interests.items[0].model_copy(update={"id": f"i-extra-{p.id}", "participant_id": p.id})
        for p in s.participants if p.id not in {i.participant_id for i in s.interests.items}]
    for action in s.roadmap.actions:
        if action.owner is None:
            action.owner = Owner(kind="organisation", ref=s.organisations()[0])
    # Present now, the housing corporation signs as a party: it brings something too.
    s.commitments.contributions.append(Contribution(
        id="c-won", organisation="Woonstichting Waalborg", kind=ContributionKind.PEOPLE,
        amount=12, description="Wooncoach"))
    for step in AGREED_BY_FACILITATOR:  # the table agreed the steps without rounds
        agree_step(s, step, dt.datetime(2026, 3, 12, 16, 0))
    Session.model_validate(s.model_dump())  # still a valid session
    return s


def test_a_complete_session_is_ready() -> None:
    assert readiness(_ready_demo(), "en") == []


def test_the_demo_shows_what_is_missing() -> None:
    s = demo_session()
    found = readiness(s, "en")
    keys = _ids(found)
    henk = next(p for p in s.participants if not p.present)
    assert (Step.PREPARATION, "warning", henk.id) in keys
    assert (Step.ROADMAP, "warning", "a-jaarplannen") in keys  # no owner
    assert (Step.SIGNING, "blocking", AGREEMENT_SUBJECT) in keys  # no round on the whole
    assert (Step.PRINCIPLES, "blocking", "pr-aanwezig") in keys  # no round yet
    # a round not finished: not agreed (the PDF prints it under CONCEPT), so it blocks
    assert (Step.RULES, "blocking", "sr-informatie") in keys
    assert (Step.AMBITION, "blocking", AMBITION_SUBJECT) not in keys  # agreed
    # blocking first, then by step
    severities = [f.severity for f in found]
    assert severities == sorted(severities, key=lambda x: x != "blocking")
    steps = [list(Step).index(f.step) for f in found if f.severity == "blocking"]
    assert steps == sorted(steps)


def test_each_gap_appears_and_disappears() -> None:
    s = _ready_demo()
    anna = s.participants[0]

    # A change to a step the table agreed asks for its agreement again.
    changed = {step: (step, "warning", STEP_SUBJECT) for step in AGREED_BY_FACILITATOR}

    anna.present = False
    # Absent, she cannot sign, and her hospital's commitments are then not signed for;
    # the preparation is no longer what the table agreed.
    assert _ids(readiness(s, "en")) == {(Step.PREPARATION, "warning", anna.id),
                                  changed[Step.PREPARATION],
                                  (Step.ORGANISING, "warning", "contributions")}
    assert "cannot sign today" in readiness(s, "en")[0].message
    assert "changed after the table agreed it" in readiness(s, "en")[1].message
    assert "Waalzoom Ziekenhuis commits to contributions or plans but does not sign" in \
        readiness(s, "en")[2].message
    anna.present = True
    assert readiness(s, "en") == []  # the very content the table agreed

    statement = s.ambition.statement
    s.ambition.statement = "  \n"
    assert _ids(readiness(s, "en")) == {(Step.AMBITION, "blocking", AMBITION_SUBJECT)}
    s.ambition.statement = statement

    s.interests.items = [i for i in s.interests.items if i.participant_id != anna.id]
    found = readiness(s, "en")
    assert _ids(found) == {(Step.INTERESTS, "warning", anna.id), changed[Step.INTERESTS]}
    assert anna.name in found[0].message

    s = _ready_demo()
    action = s.roadmap.actions[2]
    action.owner = None
    action.due = None
    found = readiness(s, "en")
    assert [(f.step, f.item_id) for f in found] == [(Step.ROADMAP, action.id)] * 2 + [
        (Step.ROADMAP, STEP_SUBJECT)]
    assert any("no due date" in f.message for f in found)
    action.start = None
    assert any("no start or due date" in f.message for f in readiness(s, "en"))
    action.start, action.due = dt.date(2026, 4, 1), None
    action.start, action.due = None, dt.date(2026, 4, 1)
    assert any("no start date" in f.message for f in readiness(s, "en"))

    s = _ready_demo()
    s.roadmap.evaluations = []
    assert [f.message for f in readiness(s, "en")] == [
        "No evaluation moment is planned.",
        "The step “Roadmap” changed after the table agreed it: agree it again."]
    s = _ready_demo()
    s.roadmap.actions[0].title += " (herzien)"  # still filled, but not what was agreed
    assert [f.message for f in readiness(s, "en")] == [
        "The step “Roadmap” changed after the table agreed it: agree it again."]
    agree_step(s, Step.ROADMAP, dt.datetime(2026, 3, 12, 17, 0))
    assert readiness(s, "en") == []
    s = _ready_demo()
    s.roadmap.evaluations = []
    s.roadmap.actions = []
    assert [f.message for f in readiness(s, "en")] == ["The roadmap has no actions yet."]


def test_objections_block_until_resolved() -> None:
    s = _ready_demo()
    rule = s.rules[1]
    at = next(i for i, r in enumerate(s.consents)
              if r.subject_id == rule.id and r.participant_id == s.participants[1].id)

    def change(index: int, **fields: object) -> None:  # a record is replaced, not changed
        s.consents[index] = s.consents[index].model_copy(update=fields)

    change(at, decision=Decision.OBJECTION)
    found = readiness(s, "en")
    assert _ids(found) == {(Step.RULES, "blocking", rule.id)}
    assert s.participants[1].name in found[0].message
    assert short(rule.text) in found[0].message
    assert blocking(found) == found
    change(at, resolution=ObjectionResolution.AMENDED)
    assert readiness(s, "en") == []
    change(at, decision=Decision.CONCERN,  # a concern never blocks
           resolution=ObjectionResolution.STANDING)
    assert readiness(s, "en") == []

    change(next(i for i, r in enumerate(s.consents) if r.subject_id == AMBITION_SUBJECT),
           decision=Decision.OBJECTION)
    assert _ids(readiness(s, "en")) == {(Step.AMBITION, "blocking", AMBITION_SUBJECT)}


def test_rounds_missing_or_unfinished() -> None:
    s = _ready_demo()
    principle = s.principles[0]
    s.consents = [r for r in s.consents if r.subject_id != principle.id]
    assert _ids(readiness(s, "en")) == {(Step.PRINCIPLES, "blocking", principle.id)}
    late = s.participants[-1]
    s.consents = [r for r in s.consents
                  if not (r.subject_id == AGREEMENT_SUBJECT and r.participant_id == late.id)]
    found = [f for f in readiness(s, "en") if f.item_id == AGREEMENT_SUBJECT]
    # not agreed as a whole until everyone present has spoken (the PDF says CONCEPT)
    assert [(f.step, f.severity) for f in found] == [(Step.SIGNING, "blocking")]
    assert late.name in found[0].message
    # an absent participant does not have to respond
    late.present = False
    assert not [f for f in readiness(s, "en") if f.item_id == AGREEMENT_SUBJECT]


def test_empty_session() -> None:
    found = readiness(Session(), "en")
    assert blocking(found)
    assert Finding(Step.PREPARATION, "blocking",
                   "Nobody is marked present, so nobody can sign.", "present") in found
    assert {f.step for f in found} >= {Step.PRINCIPLES, Step.RULES, Step.ROADMAP}


def test_messages_are_translated_and_long_text_is_cut() -> None:
    s = _ready_demo()
    s.principles[0].text = "<b>x</b> " + "lang " * 1_900
    s.consents = [r for r in s.consents if r.subject_id != s.principles[0].id]
    found = readiness(s, "nl")
    assert found[0].message.startswith("Over het leidende principe “<b>x</b> lang")
    assert len(found[0].message) < 200
    many = [p.id for p in s.participants]
    s.consents = [r for r in s.consents if r.subject_id != AGREEMENT_SUBJECT
                  or r.participant_id == many[0]]
    message = next(f.message for f in readiness(s, "nl") if f.item_id == AGREEMENT_SUBJECT)
    assert f"en nog {len(many) - 1 - 4}" in message


def test_large_session_is_quick() -> None:
    import time

    s = large_session()
    start = time.thread_time()  # CPU: other programs on the machine do not count
    readiness(s, "en")
    assert time.thread_time() - start < 0.5  # ~40 ms; a blow-up (quadratic) would not be
