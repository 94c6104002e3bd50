"""Every edit operation changes only the areas it declares.

The operations are taken from the registry (``workshop.domain.operations``), so a new
one cannot escape: it must get its arguments in ``CASES`` below or this test fails.
Each one is applied with arguments drawn from each session (the demo, the large sample,
the rich hand-built one, an evaluation meeting and a few drawn by Hypothesis); the
session is compared area by area before and after, by value (a declared area such as
``ambition.cards`` is left out, the rest of ``ambition`` is compared field by field).
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from pydantic import BaseModel
from samples import demo_session, large_session  # the one import of samples
from strategies import SETTINGS, rich_session, sessions

from workshop.domain.edits import all_operations
from workshop.domain.evaluation import new_evaluation
from workshop.domain.model import (
    AGREEMENT_SUBJECT,
    AMBITION_SUBJECT,
    Action,
    AgreementItem,
    Card,
    ChairKind,
    Clause,
    ClauseKind,
    Cluster,
    CollaborationForm,
    Condition,
    Contribution,
    ContributionKind,
    Decision,
    EvaluationMoment,
    Financing,
    Goal,
    Indicator,
    InterestItem,
    InterestKind,
    InterestLink,
    LinkKind,
    Milestone,
    ObjectionResolution,
    Participant,
    QuadrupleAim,
    ReviewStatus,
    Role,
    RoleKind,
    Session,
    Step,
    Stroke,
    YearPlanItem,
)
from workshop.domain.operations import Operation
from workshop.domain.progress import AGREED_BY_FACILITATOR, agree_step

Args = tuple[Any, ...]


class Kw(dict[str, Any]):
    """The keyword arguments of a case, as its last element."""


def _split(args: Args) -> tuple[Args, dict[str, Any]]:
    if args and isinstance(args[-1], Kw):
        return args[:-1], dict(args[-1])
    return args, {}

Cases = Callable[[Session, random.Random], Iterator[Args]]


def _ids(items: list[Any]) -> list[str]:
    return [item.id for item in items]


def _some(rng: random.Random, items: list[Any], k: int = 2) -> list[Any]:
    return rng.sample(items, min(k, len(items)))


# --- arguments for each operation, drawn from the session ---------------------------

def _ambition_cards(s: Session, rng: random.Random) -> Iterator[Args]:
    yield (Card(id="k-new", text="Nieuwe kaart", author_id=None),)


def _set_card_text(s: Session, rng: random.Random) -> Iterator[Args]:
    for card in _some(rng, s.ambition.cards):
        yield card.id, card.text + " (bijgewerkt)"


def _card_ids(s: Session, rng: random.Random) -> Iterator[Args]:
    for card in _some(rng, s.ambition.cards):
        yield ([card.id],)
    yield (_ids(_some(rng, s.ambition.cards, 3)),)


def _move_cards(s: Session, rng: random.Random) -> Iterator[Args]:
    ids = _ids(_some(rng, s.ambition.cards, 3))
    yield ids, None
    for cluster in _some(rng, s.ambition.clusters):
        yield ids, cluster.id


def _new_cluster(s: Session, rng: random.Random) -> Iterator[Args]:
    yield Cluster(id="cl-new", name=""), _ids(_some(rng, s.ambition.cards, 3))


def _cluster_id(s: Session, rng: random.Random) -> Iterator[Args]:
    for cluster in _some(rng, s.ambition.clusters):
        yield (cluster.id,)


def _vote(s: Session, rng: random.Random) -> Iterator[Args]:
    for vote in _some(rng, s.ambition.votes):
        yield vote.participant_id, vote.card_id, 1
        yield vote.participant_id, vote.card_id, -1
    if s.participants and s.ambition.cards:
        yield s.participants[0].id, s.ambition.cards[-1].id, 1


def _budget(s: Session, rng: random.Random) -> Iterator[Args]:
    yield (s.ambition.vote_budget + 1,)


def _add_goal(s: Session, rng: random.Random) -> Iterator[Args]:
    yield (Goal(id="g-new", aim=QuadrupleAim.POPULATION_HEALTH, text="Minder wachttijd"),)


def _goal_id(s: Session, rng: random.Random) -> Iterator[Args]:
    linked = {a.goal_id for a in s.roadmap.actions}
    goals = [g for g in s.ambition.goals if g.id in linked] or s.ambition.goals
    for goal in _some(rng, goals):
        yield (goal.id,)


def _add_interest(s: Session, rng: random.Random) -> Iterator[Args]:
    for p in _some(rng, s.participants, 1):
        yield (InterestItem(id="b-new", participant_id=p.id, kind=InterestKind.COLLECTIVE,
                            text="Samen"),)


def _interest_text(s: Session, rng: random.Random) -> Iterator[Args]:
    for item in _some(rng, s.interests.items):
        yield item.id, item.text + "!"


def _interest_id(s: Session, rng: random.Random) -> Iterator[Args]:
    linked = {link.a_id for link in s.interests.links}
    for item in _some(rng, [i for i in s.interests.items if i.id in linked]
                      or s.interests.items):
        yield (item.id,)


def _interest_private(s: Session, rng: random.Random) -> Iterator[Args]:
    for item in _some(rng, s.interests.items):
        yield item.id, not item.private


def _add_link(s: Session, rng: random.Random) -> Iterator[Args]:
    items = s.interests.items
    if len(items) >= 2:
        yield (InterestLink(id="l-new", a_id=items[0].id, b_id=items[-1].id,
                            kind=LinkKind.OVERLAP, note=""),)


def _link_note(s: Session, rng: random.Random) -> Iterator[Args]:
    for link in _some(rng, s.interests.links):
        yield link.id, link.note + " (nota)"


def _link_kind(s: Session, rng: random.Random) -> Iterator[Args]:
    for link in _some(rng, s.interests.links):
        yield link.id, next(k for k in LinkKind if k is not link.kind)


def _link_id(s: Session, rng: random.Random) -> Iterator[Args]:
    for link in _some(rng, s.interests.links):
        yield (link.id,)


_LISTS = ("commitments.contributions", "commitments.clauses", "commitments.year_plans",
          "commitments.roles")


def _list(s: Session, area: str) -> list[Any]:
    return getattr(s.commitments, area.split(".")[1])  # type: ignore[no-any-return]


def _add_commitments(s: Session, rng: random.Random) -> Iterator[Args]:
    yield "commitments.contributions", [Contribution(id="c-new", organisation="Zorggroep",
                                                       kind=ContributionKind.PEOPLE)]
    yield "commitments.clauses", [Clause(id="cl-new", kind=next(iter(ClauseKind)),
                                         text="Nieuw artikel")]
    yield "commitments.year_plans", [YearPlanItem(id="y-new", organisation="Zorggroep",
                                                  text="Plan")]
    yield "commitments.roles", [Role(id="r-new", kind=RoleKind.CHAIR)]


def _commitment_id(s: Session, rng: random.Random) -> Iterator[Args]:
    for area in _LISTS:
        for item in _some(rng, _list(s, area), 1):
            yield area, item.id


def _move_commitment(s: Session, rng: random.Random) -> Iterator[Args]:
    for area, item_id in _commitment_id(s, rng):
        yield area, item_id, 1
        yield area, item_id, -1


def _commitment_field(s: Session, rng: random.Random) -> Iterator[Args]:
    fields = {"commitments.contributions": ("description", "Extra"),
              "commitments.clauses": ("text", "Ander artikel"),
              "commitments.year_plans": ("due", dt.date(2031, 1, 1)),
              "commitments.roles": ("mandate", "Besluit mee")}
    for area, item_id in _commitment_id(s, rng):
        field, value = fields[area]
        yield area, item_id, field, value


_ROADMAP = ("roadmap.actions", "roadmap.milestones", "roadmap.evaluations")


def _roadmap_list(s: Session, area: str) -> list[Any]:
    return getattr(s.roadmap, area.split(".")[1])  # type: ignore[no-any-return]


def _add_roadmap(s: Session, rng: random.Random) -> Iterator[Args]:
    day = dt.date(2030, 6, 1)
    yield "roadmap.actions", [Action(id="a-new", title="Nieuwe actie")]
    yield "roadmap.milestones", [Milestone(id="m-new", title="Mijlpaal", date=day)]
    yield "roadmap.evaluations", [EvaluationMoment(id="e-new", title="Evaluatie", date=day),
                                  EvaluationMoment(id="e-new2", title="Evaluatie",
                                                   date=day.replace(year=2031))]


def _remove_roadmap(s: Session, rng: random.Random) -> Iterator[Args]:
    for area in _ROADMAP:
        yield area, set(_ids(_some(rng, _roadmap_list(s, area))))


def _roadmap_field(s: Session, rng: random.Random) -> Iterator[Args]:
    for area in _ROADMAP:
        for item in _some(rng, _roadmap_list(s, area), 1):
            yield area, item.id, "title", item.title + " (nieuw)"


def _add_agreement_items(s: Session, rng: random.Random) -> Iterator[Args]:
    for kind in ("principles", "rules"):
        yield kind, [AgreementItem(id=f"{kind}-new", text="Nieuw")]


def _agreement_item(s: Session, rng: random.Random) -> Iterator[tuple[str, str]]:
    for kind in ("principles", "rules"):
        for item in _some(rng, getattr(s, kind)):
            yield kind, item.id


def _agreement_text(s: Session, rng: random.Random) -> Iterator[Args]:
    for kind, item_id in _agreement_item(s, rng):
        yield kind, item_id, "Andere woorden"


def _amend_text(s: Session, rng: random.Random) -> Iterator[Args]:
    objected = {r.subject_id for r in s.consents if r.decision is Decision.OBJECTION}
    for kind in ("principles", "rules"):
        items = [i for i in getattr(s, kind) if i.id in objected] or getattr(s, kind)
        for item in _some(rng, items):
            yield kind, item.id, "Aangepaste woorden", dt.datetime(2030, 1, 1, 12)


def _agreement_source(s: Session, rng: random.Random) -> Iterator[Args]:
    for kind, item_id in _agreement_item(s, rng):
        yield kind, item_id, "Bron"


def _agreement_move(s: Session, rng: random.Random) -> Iterator[Args]:
    for kind in ("principles", "rules"):
        items = getattr(s, kind)
        if len(items) >= 2:
            yield kind, items[0].id, 1
            yield kind, items[-1].id, -1


def _participant(s: Session, rng: random.Random) -> Iterator[str]:
    for person in _some(rng, s.participants):
        yield person.id


def _subjects(s: Session, rng: random.Random) -> Iterator[str]:
    subjects = [AMBITION_SUBJECT, AGREEMENT_SUBJECT] + _ids(s.principles + s.rules)
    yield from _some(rng, subjects, 3)


def _decide(s: Session, rng: random.Random) -> Iterator[Args]:
    people = list(_participant(s, rng))
    decisions = (Decision.CONSENT, Decision.OBJECTION, None)
    for i, subject in enumerate(_subjects(s, rng)):
        for pid in people[:1]:
            yield subject, pid, decisions[i % 3]


def _update_current(s: Session, rng: random.Random) -> Iterator[Args]:
    for record in _some(rng, s.consents, 3):
        yield record.subject_id, record.participant_id


def _rest_consent(s: Session, rng: random.Random) -> Iterator[Args]:
    for subject in _subjects(s, rng):
        yield (subject,)


def _moments(s: Session, rng: random.Random) -> Iterator[str]:
    for moment in _some(rng, s.diagnostics.moments):
        yield moment.id


def _set_score(s: Session, rng: random.Random) -> Iterator[Args]:
    for mid, pid in zip(_moments(s, rng), _participant(s, rng), strict=False):
        yield mid, pid, Condition.SHARED_AMBITION, 4, "toelichting"
        yield mid, pid, Condition.SHARED_AMBITION, None


def _set_mark(s: Session, rng: random.Random) -> Iterator[Args]:
    for mid, pid in zip(_moments(s, rng), _participant(s, rng), strict=False):
        for axis in _some(rng, s.diagnostics.axes, 1):
            yield mid, pid, axis.id, 37
            yield mid, pid, axis.id, None


def _set_diagnostic_forms(s: Session, rng: random.Random) -> Iterator[Args]:
    for mid, pid in zip(_moments(s, rng), _participant(s, rng), strict=False):
        yield mid, pid, list(CollaborationForm)[:1]
        yield mid, pid, []


def _in_evaluation(s: Session) -> bool:
    return s.evaluation is not None


def _set_review(s: Session, rng: random.Random) -> Iterator[Args]:
    if _in_evaluation(s):
        for action in _some(rng, s.roadmap.actions):
            yield action.id, ReviewStatus.DONE, "klaar"
            yield action.id, None


def _set_answer(s: Session, rng: random.Random) -> Iterator[Args]:
    if _in_evaluation(s):
        for moment in _some(rng, s.roadmap.evaluations):
            yield moment.id, "Wat we vroegen"
            yield moment.id, ""


def _indicators(s: Session, rng: random.Random) -> Iterator[tuple[str, str]]:
    for goal in _some(rng, [g for g in s.ambition.goals if g.indicators]):
        yield goal.id, goal.indicators[0].id


def _set_indicator_value(s: Session, rng: random.Random) -> Iterator[Args]:
    for goal_id, indicator_id in _indicators(s, rng):
        yield goal_id, indicator_id, 42.0, dt.date(2031, 1, 1)
        yield goal_id, indicator_id, None


def _add_indicator(s: Session, rng: random.Random) -> Iterator[Args]:
    for goal in _some(rng, s.ambition.goals, 1):
        yield goal.id, "Wachttijd", "weken", 6.0


def _organisations(s: Session, rng: random.Random) -> Iterator[str]:
    yield from _some(rng, s.organisations())
    yield "Een nieuwe partij"


def _agree_step(s: Session, rng: random.Random) -> Iterator[Args]:
    for step in AGREED_BY_FACILITATOR[:2]:
        yield step, dt.datetime(2031, 1, 1, 12)


def _withdraw_step(s: Session, rng: random.Random) -> Iterator[Args]:
    for step in AGREED_BY_FACILITATOR[:3]:
        yield (step,)


def _sign(s: Session, rng: random.Random) -> Iterator[Args]:
    for pid in _participant(s, rng):
        yield pid, [Stroke(points=[(0.0, 0.0, 0.5), (10.0, 5.0, 0.5)])], \
            dt.datetime(2031, 1, 1, 12), "sig-new"


def _goal_ids(s: Session, rng: random.Random) -> Iterator[str]:
    for goal in _some(rng, s.ambition.goals):
        yield goal.id


_ORGANISING = (("chair", ChairKind.ROTATING), ("cadence", "Maandelijks"),
               ("chair_note", "Een nota"), ("annual_calendar", "Maart: jaarplan"))


CASES: dict[str, Cases] = {
    "ambition.set_statement": lambda s, rng: iter([(s.ambition.statement + " Samen.",)]),
    "ambition.set_cluster_name": lambda s, rng: (
        (c.id, c.name + " (nieuw)") for c in _some(rng, s.ambition.clusters)),
    "ambition.set_goal_aim": lambda s, rng: (
        (gid, aim) for gid in _goal_ids(s, rng) for aim in (QuadrupleAim.EQUITY, None)),
    "ambition.set_goal_text": lambda s, rng: ((gid, "Ander doel") for gid in _goal_ids(s, rng)),
    "preparation.set_detail": lambda s, rng: iter(
        [("name", "Samen Gezond"), ("venue", "Het Huis"), ("facilitator", "Anne")]),
    "organising.set_organising": lambda s, rng: iter(_ORGANISING),
    "parties.set_fields": lambda s, rng: (
        (name, Kw(legal_name="B.V. Voorbeeld", seat="Utrecht"))
        for name in _organisations(s, rng)),
    "parties.set_place": lambda s, rng: iter([("Zwolle",)]),
    "parties.set_considerations": lambda s, rng: iter([(["Overwegende dat...", "En dat"],)]),
    "progress.agree_step": _agree_step,
    "progress.withdraw_step_agreement": _withdraw_step,
    "signing.sign": _sign,
    "consent.decide": _decide,
    "consent.update_current": lambda s, rng: (
        (*key, change) for key in _update_current(s, rng)
        for change in (Kw(note="Een nota"), Kw(resolution=ObjectionResolution.WITHDRAWN))),
    "consent.rest_consent": _rest_consent,
    "consent.decide_with_note": lambda s, rng: (
        (subject, pid, decision, "Omdat") for subject, pid, decision in _decide(s, rng)
        if decision is not None),
    "diagnostics.add_moment": lambda s, rng: iter(
        [("Na een half jaar", dt.datetime(2031, 1, 1, 10), "mt-new"),
         ("", dt.datetime(2031, 2, 1, 10), "mt-new2", "start_meeting")]),
    "diagnostics.set_score": _set_score,
    "diagnostics.set_mark": _set_mark,
    "diagnostics.add_axis": lambda s, rng: iter([("Snelheid", "langzaam", "snel")]),
    "diagnostics.set_forms": _set_diagnostic_forms,
    "evaluation.set_review": _set_review,
    "evaluation.set_answer": _set_answer,
    "evaluation.set_indicator_value": _set_indicator_value,
    "evaluation.add_indicator": _add_indicator,
    "preparation.set_date": lambda s, rng: iter([(dt.date(2031, 3, 4),)]),
    "preparation.set_forms": lambda s, rng: iter([(list(CollaborationForm)[:2],)]),
    "preparation.set_time_box": lambda s, rng: iter([(step, 17) for step in Step][:3]),
    "preparation.add_participants": lambda s, rng: iter(
        [([Participant(id="p-new", name="Nieuw"), Participant(id="p-new2", name="Twee")],)]),
    "preparation.move_participant": lambda s, rng: iter(
        [(0, len(s.participants) - 1)] if len(s.participants) > 1 else []),
    "preparation.set_participant_field": lambda s, rng: (
        (pid, field, value) for pid in _participant(s, rng)
        for field, value in (("name", "Andere naam"), ("present", False), ("role", "Rol"))),
    "preparation.set_organisation": lambda s, rng: (
        (pid, "Nieuwe organisatie") for pid in _participant(s, rng)),
    "preparation.remove_participant": lambda s, rng: (
        (pid, hand_over) for pid in _participant(s, rng) for hand_over in (True, False)),
    "organising.set_financing": lambda s, rng: (
        (kind, checked) for kind in list(Financing)[:2] for checked in (True, False)),
    "roadmap.add_items": _add_roadmap,
    "roadmap.remove_items": _remove_roadmap,
    "roadmap.set_item_field": _roadmap_field,
    "agreement_items.add_items": _add_agreement_items,
    "agreement_items.set_text": _agreement_text,
    "agreement_items.amend_text": _amend_text,
    "agreement_items.set_source": _agreement_source,
    "agreement_items.move_item": _agreement_move,
    "agreement_items.remove_item": _agreement_item,
    "interests.add_interest": _add_interest,
    "interests.set_interest_text": _interest_text,
    "interests.remove_interest": _interest_id,
    "interests.set_interest_private": _interest_private,
    "interests.add_link": _add_link,
    "interests.set_link_note": _link_note,
    "interests.set_link_kind": _link_kind,
    "interests.remove_link": _link_id,
    "commitments.add_items": _add_commitments,
    "commitments.remove_item": _commitment_id,
    "commitments.move_item": _move_commitment,
    "commitments.set_item_field": _commitment_field,
    "ambition.add_card": _ambition_cards,
    "ambition.set_card_text": _set_card_text,
    "ambition.remove_cards": _card_ids,
    "ambition.move_cards": _move_cards,
    "ambition.new_cluster": _new_cluster,
    "ambition.remove_cluster": _cluster_id,
    "ambition.vote": _vote,
    "ambition.set_vote_budget": _budget,
    "ambition.add_goal": _add_goal,
    "ambition.remove_goal": _goal_id,
}


# --- the check --------------------------------------------------------------------

def _outside(before: BaseModel, after: BaseModel, areas: tuple[str, ...], path: str = ""
             ) -> list[str]:
    """The fields of ``after`` that differ from ``before``, outside ``areas`` (dotted
    paths below ``path``); a field with a declared part is looked into, field by field."""
    found = []
    for name in type(before).model_fields:
        area = f"{path}{name}"
        old, new = getattr(before, name), getattr(after, name)
        if area in areas or old == new:
            continue
        if any(a.startswith(area + ".") for a in areas) and isinstance(old, BaseModel):
            found += _outside(old, new, areas, area + ".")
        else:
            found.append(area)
    return found


_work: dict[int, tuple[Session, Session]] = {}


def _copy(session: Session) -> Session:
    """One working copy per session, put back after each case (copying a large
    session for every case would cost a third of a second each time)."""
    kept = _work.get(id(session))
    if kept is None or kept[0] is not session:
        kept = _work[id(session)] = (session, session.model_copy(deep=True))
    return kept[1]


def _put_back(session: Session, work: Session) -> None:
    for name in Session.model_fields:
        value = getattr(session, name)
        if getattr(work, name) != value:
            copied = (value.model_copy(deep=True) if isinstance(value, BaseModel)
                      else copy.deepcopy(value))
            object.__setattr__(work, name, copied)
    assert work == session


def _changed_outside(op: Operation[Any, Any], session: Session, args: Args
                     ) -> tuple[bool, str]:
    """Apply ``op`` to a copy of ``session``: (whether it changed anything, the areas
    outside its declaration it changed)."""
    work = _copy(session)
    positional, keywords = _split(args)
    try:
        op(work, *positional, **keywords)
        areas = op.areas(*positional, **keywords)
        return work != session, ", ".join(_outside(session, work, areas))
    finally:
        _put_back(session, work)


def _check(op: Operation[Any, Any], session: Session, seed: int = 0) -> bool:
    changed = False
    for args in CASES[op.name](session, random.Random(seed)):
        did, outside = _changed_outside(op, session, args)
        assert not outside, f"{op.name}{args!r} changed {outside}, outside its areas"
        changed |= did
    return changed


OPERATIONS = all_operations()


def _evaluation_meeting() -> Session:
    """The demo's next version, with an indicator measured at the start."""
    first = demo_session()
    first.ambition.goals[0].indicators.append(
        Indicator(id="i-wait", name="Wachttijd", unit="weken", baseline=8.0))
    return new_evaluation(first, "demo.json", dt.date(2027, 6, 1))


def _demo_agreed() -> Session:
    """The demo, with the table's agreement on its first steps."""
    demo = demo_session()
    for step in AGREED_BY_FACILITATOR[:2]:
        agree_step(demo, step, dt.datetime(2026, 3, 1, 12))
    return demo


SESSIONS: dict[str, Callable[[], Session]] = {
    "demo": _demo_agreed,
    "evaluation": _evaluation_meeting,
    "large": large_session,
    "rich": rich_session,
}
_built: dict[str, Session] = {}


def _session(name: str) -> Session:
    if name not in _built:
        _built[name] = SESSIONS[name]()
    return _built[name]


def test_every_operation_has_arguments_to_be_tried_with() -> None:
    assert sorted(OPERATIONS) == sorted(CASES), (
        "every registered operation needs its arguments in CASES (and nothing else)")


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_operation_changes_only_its_areas(name: str) -> None:
    op = OPERATIONS[name]
    changed = [_check(op, _session(which)) for which in SESSIONS]
    assert any(changed), f"{name} changed nothing in any session: its CASES try nothing"


@pytest.mark.parametrize("name", sorted(OPERATIONS))
@settings(SETTINGS, max_examples=5)
@given(session=sessions())
def test_operation_changes_only_its_areas_in_drawn_sessions(name: str, session: Session
                                                            ) -> None:
    _check(OPERATIONS[name], session)


def test_the_check_catches_an_operation_that_says_too_little() -> None:
    def remove_cards_only(session: Session, ids: list[str]) -> None:
        OPERATIONS["ambition.remove_cards"](session, ids)

    liar: Operation[Any, Any] = Operation(remove_cards_only, ("ambition.cards",))
    session = demo_session()
    voted = next(v.card_id for v in session.ambition.votes)
    did, outside = _changed_outside(liar, session, ([voted],))
    assert did and outside == "ambition.votes"
