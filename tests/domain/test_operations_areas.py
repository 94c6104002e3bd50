"""Every edit operation changes only the areas it declares.

The operations are taken from the registry (``workshop.domain.operations``), so a new
one cannot escape: it must get its arguments in ``CASES`` below or this test fails.
Each one is applied with arguments drawn from each session (the demo, the large sample,
the rich hand-built one and a few drawn by Hypothesis); the session's dump is compared
whole before and after, with only the declared areas left out.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from strategies import SETTINGS, rich_session, sessions

from workshop.domain.model import (
    Action,
    AgreementItem,
    Card,
    Clause,
    ClauseKind,
    Cluster,
    CollaborationForm,
    Contribution,
    ContributionKind,
    Decision,
    EvaluationMoment,
    Financing,
    Goal,
    InterestItem,
    InterestKind,
    InterestLink,
    LinkKind,
    Milestone,
    Participant,
    QuadrupleAim,
    Role,
    RoleKind,
    Session,
    Step,
    YearPlanItem,
)
from workshop.domain.operations import Operation, all_operations
from workshop.domain.samples import demo_session, large_session  # the one import of samples

Args = tuple[Any, ...]
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


CASES: dict[str, Cases] = {
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
    "preparation.set_financing": lambda s, rng: (
        (kind, checked) for kind in Financing for checked in (True, False)),
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

def _without(dump: dict[str, Any], areas: tuple[str, ...]) -> dict[str, Any]:
    """``dump`` with the declared areas cut out (copies along their paths only)."""
    out = dict(dump)
    for area in areas:
        *parents, leaf = area.split(".")
        holder = out
        for part in parents:
            holder[part] = dict(holder[part])
            holder = holder[part]
        holder.pop(leaf)
    return out


_dumps: dict[int, tuple[Session, dict[str, Any]]] = {}


def _dump(session: Session) -> dict[str, Any]:
    """The dump of a session the test never changes (it works on copies)."""
    if id(session) not in _dumps:
        _dumps[id(session)] = (session, session.model_dump(mode="json"))
    return _dumps[id(session)][1]


def _changed_outside(op: Operation[Any, Any], session: Session, args: Args) -> tuple[bool, str]:
    """Apply ``op`` to a copy of ``session``: (whether it changed anything, the areas
    outside its declaration it changed)."""
    before = _dump(session)
    work = session.model_copy(deep=True)
    op(work, *args)
    after = work.model_dump(mode="json")
    areas = op.areas(*args)
    outside = ""
    if _without(before, areas) != _without(after, areas):
        a, b = _without(before, areas), _without(after, areas)
        outside = ", ".join(sorted(k for k in a if a[k] != b[k])) or "?"
    return before != after, outside


def _check(op: Operation[Any, Any], session: Session, seed: int = 0) -> bool:
    changed = False
    for args in CASES[op.name](session, random.Random(seed)):
        did, outside = _changed_outside(op, session, args)
        assert not outside, (f"{op.name}{args!r} changed {outside}, "
                             f"outside its areas {op.areas(*args)}")
        changed |= did
    return changed


OPERATIONS = all_operations()
SESSIONS: dict[str, Callable[[], Session]] = {
    "demo": demo_session,
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
    assert did and outside == "ambition"
