"""The edit operations do what the pages ask of them, without Qt; the registry keeps
each one once, with its areas."""

from __future__ import annotations

import datetime as dt

import pytest
from samples import demo_session

from workshop.domain import consent
from workshop.domain.edits import (
    agreement_items,
    all_operations,
    ambition,
    commitments,
    interests,
    organising,
    roadmap,
)
from workshop.domain.edits import preparation as prep
from workshop.domain.model import Decision, Session
from workshop.domain.operations import REGISTRY, Operation, operation


@pytest.fixture
def session() -> Session:
    return demo_session()


def test_removing_a_card_takes_its_dots_along(session: Session) -> None:
    card = next(v.card_id for v in session.ambition.votes)
    ambition.remove_cards(session, [card])
    assert card not in {c.id for c in session.ambition.cards}
    assert card not in {v.card_id for v in session.ambition.votes}
    assert ambition.remove_cards.areas([card]) == ("ambition.cards", "ambition.votes")


def test_removing_a_cluster_leaves_its_cards_unclustered(session: Session) -> None:
    cluster = next(c.cluster_id for c in session.ambition.cards if c.cluster_id)
    held = [c.id for c in session.ambition.cards if c.cluster_id == cluster]
    ambition.remove_cluster(session, cluster)
    assert all(c.cluster_id is None for c in session.ambition.cards if c.id in held)


def test_moved_cards_go_to_the_bottom_of_their_new_column(session: Session) -> None:
    first = session.ambition.cards[0].id
    ambition.move_cards(session, [first], None)
    assert session.ambition.cards[-1].id == first
    assert session.ambition.cards[-1].cluster_id is None


def test_a_dot_taken_back_to_none_removes_the_vote(session: Session) -> None:
    vote = next(v for v in session.ambition.votes if v.dots == 1)
    ambition.vote(session, vote.participant_id, vote.card_id, -1)
    assert not any(v.participant_id == vote.participant_id and v.card_id == vote.card_id
                   for v in session.ambition.votes)


def test_a_removed_goal_unlinks_its_actions(session: Session) -> None:
    goal = next(a.goal_id for a in session.roadmap.actions if a.goal_id)
    ambition.remove_goal(session, goal)
    assert goal not in {a.goal_id for a in session.roadmap.actions}


def test_a_removed_interest_takes_its_links(session: Session) -> None:
    link = session.interests.links[0]
    interests.remove_interest(session, link.a_id)
    assert all(link.a_id not in (x.a_id, x.b_id) for x in session.interests.links)


def test_a_removed_principle_takes_its_consent_records(session: Session) -> None:
    item = next(p for p in session.principles
                if any(r.subject_id == p.id for r in session.consents))
    agreement_items.remove_item(session, "principles", item.id)
    assert item.id not in {r.subject_id for r in session.consents}
    assert agreement_items.remove_item.areas("principles", item.id) == (
        "principles", "consents", "amendments")
    assert agreement_items.remove_item.areas("rules", item.id)[0] == "rules"


def test_an_item_moves_one_place(session: Session) -> None:
    ids = [r.id for r in session.rules]
    agreement_items.move_item(session, "rules", ids[0], 1)
    assert [r.id for r in session.rules][:2] == [ids[1], ids[0]]


def test_commitments_move_within_their_list_and_not_past_its_ends(session: Session) -> None:
    ids = [c.id for c in session.commitments.clauses]
    commitments.move_item(session, "commitments.clauses", ids[0], -1)
    assert [c.id for c in session.commitments.clauses] == ids
    commitments.move_item(session, "commitments.clauses", ids[0], 1)
    assert [c.id for c in session.commitments.clauses][:2] == [ids[1], ids[0]]


def test_a_list_that_is_not_one_of_the_step_is_refused(session: Session) -> None:
    with pytest.raises(KeyError):
        commitments.add_items.areas("participants", [])
    with pytest.raises(KeyError):
        roadmap.remove_items(session, "roadmap", [])


def test_a_time_box_is_made_for_a_step_without_one(session: Session) -> None:
    step = session.agenda[0].step
    session.agenda = [a for a in session.agenda if a.step is not step]
    prep.set_time_box(session, step, 25)
    assert next(a.minutes for a in session.agenda if a.step is step) == 25


def test_a_decision_is_an_operation_on_the_consents(session: Session) -> None:
    person = session.participants[0]
    subject = session.principles[0].id
    consent.decide(session, subject, person.id, Decision.OBJECTION)
    assert consent.decide.areas(subject, person.id, Decision.OBJECTION) == ("consents",)
    assert any(r.subject_id == subject and r.participant_id == person.id
               and r.decision is Decision.OBJECTION for r in session.consents)


def test_an_amendment_resolves_the_objection_and_keeps_the_change(session: Session) -> None:
    item = session.rules[0]
    consent.decide(session, item.id, session.participants[0].id, Decision.OBJECTION)
    agreement_items.amend_text(session, "rules", item.id, "Nieuwe woorden",
                               dt.datetime(2030, 1, 1, 12))
    assert session.rules[0].text == "Nieuwe woorden"
    assert any(a.subject_id == item.id for a in session.amendments)


def test_given_binds_the_first_arguments_and_keeps_the_areas(session: Session) -> None:
    cadence = organising.set_organising.given("cadence")
    assert cadence.areas("Wekelijks") == ("organising.cadence",)
    cadence(session, "Wekelijks")
    assert session.organising.cadence == "Wekelijks"
    assert cadence.name == "organising.set_organising:cadence"
    assert cadence.name not in REGISTRY


def test_each_operation_is_registered_once_under_its_module() -> None:
    ops = all_operations()
    assert ops["interests.remove_link"] is interests.remove_link
    assert all(isinstance(op, Operation) and name == op.name for name, op in ops.items())
    with pytest.raises(ValueError, match="declared twice"):
        operation("participants")(interests.remove_link.function)


def test_an_operation_says_its_areas_one_way() -> None:
    with pytest.raises(TypeError):
        operation()
    with pytest.raises(TypeError):
        operation("participants", areas_of=lambda *a: ("participants",))
