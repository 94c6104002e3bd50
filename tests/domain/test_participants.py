"""Removing a participant: hand-over to the table, or nothing of them left at all."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samples import demo_session
from strategies import SETTINGS, sessions

from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import (
    Action,
    Owner,
    Participant,
    Session,
    Signature,
)
from workshop.domain.participants import removal_impact, remove_participant
from workshop.storage.files import dumps


def _references(value: Any, found: set[str] | None = None) -> set[str]:
    """Every participant id the session's plain dump refers to, wherever it is."""
    found = set() if found is None else found
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("participant_id", "author_id") and isinstance(item, str):
                found.add(item)
            elif key == "owner" and isinstance(item, dict) and item["kind"] == "participant":
                found.add(item["ref"])
            else:
                _references(item, found)
    elif isinstance(value, list):
        for item in value:
            _references(item, found)
    return found


def _with_colleague() -> Session:
    """The demo with a second person of Anna's hospital, so the organisation stays."""
    session = demo_session()
    session.participants.append(Participant(id="p-bert", name="Bert Kok",
                                            organisation="Waalzoom Ziekenhuis"))
    session.roadmap.actions.append(Action(id="a-anna", title="Analyse opnames",
                                          owner=Owner(kind="participant", ref="p-anna")))
    return Session.model_validate(session.model_dump())


def test_hand_over_keeps_the_cards_with_the_table() -> None:
    session = _with_colleague()
    cards = [c.id for c in session.ambition.cards if c.author_id == "p-anna"]
    votes_on_them = [v for v in session.ambition.votes
                     if v.card_id in cards and v.participant_id != "p-anna"]
    assert cards

    remove_participant(session, "p-anna", hand_over=True)

    valid = Session.model_validate(session.model_dump())
    assert valid.participant("p-anna") is None
    kept = {c.id: c for c in valid.ambition.cards}
    assert all(kept[c].author_id is None for c in cards)
    assert [v for v in valid.ambition.votes if v.card_id in cards] == votes_on_them
    assert "p-anna" not in _references(valid.model_dump(mode="json"))
    action = next(a for a in valid.roadmap.actions if a.id == "a-anna")
    assert action.owner == Owner(kind="organisation", ref="Waalzoom Ziekenhuis")


def test_delete_leaves_nothing_of_them_in_the_file() -> None:
    session = _with_colleague()
    cards = {c.id for c in session.ambition.cards if c.author_id == "p-anna"}
    others = len(session.ambition.cards) - len(cards)
    assert b"p-anna" in dumps(session) and b"Anna de Vries" in dumps(session)

    remove_participant(session, "p-anna", hand_over=False)

    data = dumps(Session.model_validate(session.model_dump()))
    assert b"p-anna" not in data
    assert b"Anna de Vries" not in data
    assert len(session.ambition.cards) == others
    assert not any(v.card_id in cards for v in session.ambition.votes)
    action = next(a for a in session.roadmap.actions if a.id == "a-anna")
    assert action.owner is None


def test_everything_personal_goes_in_both_modes() -> None:
    for hand_over in (True, False):
        session = demo_session()
        items = {i.id for i in session.interests.items if i.participant_id == "p-joost"}
        links_before = len(session.interests.links)
        touching = [x for x in session.interests.links if x.a_id in items or x.b_id in items]
        remove_participant(session, "p-joost", hand_over=hand_over)
        assert not [i for i in session.interests.items if i.participant_id == "p-joost"]
        assert len(session.interests.links) == links_before - len(touching)
        assert not [r for r in session.consents if r.participant_id == "p-joost"]
        assert not [v for v in session.ambition.votes if v.participant_id == "p-joost"]
        d = session.diagnostics
        assert not [x for x in d.scores + d.marks + d.forms if x.participant_id == "p-joost"]
        Session.model_validate(session.model_dump())


def test_last_of_an_organisation_takes_its_actions_owner_along() -> None:
    """Organisations exist through their people: an action of an emptied one has no owner."""
    session = demo_session()
    owned = [a.id for a in session.roadmap.actions
             if a.owner is not None and a.owner.ref == "Waalzoom Ziekenhuis"]
    assert owned and session.organisations().count("Waalzoom Ziekenhuis") == 1

    remove_participant(session, "p-anna", hand_over=True)

    for action in session.roadmap.actions:
        if action.id in owned:
            assert action.owner is None
    Session.model_validate(session.model_dump())


def test_a_participant_owned_action_without_organisation_loses_its_owner() -> None:
    session = demo_session()
    session.participants.append(Participant(id="p-solo", name="Solo"))
    session.roadmap.actions.append(Action(id="a-solo", title="Iets",
                                          owner=Owner(kind="participant", ref="p-solo")))
    remove_participant(session, "p-solo", hand_over=True)
    assert session.roadmap.actions[-1].owner is None


def test_signature_goes_and_the_impact_counts_it() -> None:
    session = demo_session()
    signed = dt.datetime(2026, 3, 12, 16, 0)
    valid = fingerprint(session)
    session.signatures = [
        Signature(id="sig-1", participant_id="p-anna", signed_at=signed, fingerprint=valid),
        Signature(id="sig-2", participant_id="p-joost", signed_at=signed, fingerprint=valid),
        Signature(id="sig-3", participant_id="p-ruud", signed_at=signed, fingerprint="0" * 64),
    ]
    impact = removal_impact(session, "p-anna")
    assert impact.signature
    # The agreement lists its parties: Joost's valid signature would no longer count;
    # Ruud's did not count before either.
    assert impact.signatures_voided == 1
    remove_participant(session, "p-anna", hand_over=False)
    assert [s.participant_id for s in session.signatures] == ["p-joost", "p-ruud"]


def test_impact_matches_what_removal_does() -> None:
    session = demo_session()
    before = session.model_copy(deep=True)
    impact = removal_impact(session, "p-fatima")
    assert session == before  # counting changes nothing
    remove_participant(session, "p-fatima", hand_over=False)
    assert impact.cards == len(before.ambition.cards) - len(session.ambition.cards) > 0
    assert (impact.votes + impact.votes_on_their_cards
            == len(before.ambition.votes) - len(session.ambition.votes))
    assert impact.interests == len(before.interests.items) - len(session.interests.items) > 0
    assert impact.links == len(before.interests.links) - len(session.interests.links)
    assert impact.consents == len(before.consents) - len(session.consents) > 0
    d0, d1 = before.diagnostics, session.diagnostics
    assert impact.diagnostics == (len(d0.scores) + len(d0.marks) + len(d0.forms)
                                  - len(d1.scores) - len(d1.marks) - len(d1.forms)) > 0
    assert impact.actions == 1
    assert impact.organisation == "Zorggroep De Linde" and not impact.organisation_stays
    assert impact.anything


def test_a_participant_without_anything_has_no_impact() -> None:
    session = demo_session()
    session.participants.append(Participant(id="p-new", name="Nieuw", organisation="GGZ Dijkland"))
    impact = removal_impact(session, "p-new")
    assert not impact.anything and impact.organisation_stays


def test_unknown_participant() -> None:
    with pytest.raises(KeyError):
        remove_participant(demo_session(), "p-nobody", hand_over=True)
    with pytest.raises(KeyError):
        removal_impact(demo_session(), "p-nobody")


@SETTINGS
@given(sessions(), st.booleans(), st.data())
def test_any_removal_leaves_a_valid_session_without_them(session: Session, hand_over: bool,
                                                         data: st.DataObject) -> None:
    if not session.participants:
        return
    person = data.draw(st.sampled_from(session.participants))
    cards = len(session.ambition.cards)
    remove_participant(session, person.id, hand_over=hand_over)
    dumped = session.model_dump(mode="json")
    assert person.id not in _references(dumped)
    assert person.id not in {p.id for p in session.participants}
    Session.model_validate(dumped)  # every remaining reference resolves
    if hand_over:
        assert len(session.ambition.cards) == cards


def test_renaming_the_last_members_organisation_carries_what_it_owns() -> None:
    from samples import demo_session

    from workshop.domain.model import reference_problems
    from workshop.domain.participants import set_organisation

    session = demo_session()
    org = next(o for o in session.organisations()
               if any(c.organisation == o for c in session.commitments.contributions))
    members = [p for p in session.participants if p.organisation.strip() == org]
    owned = sum(c.organisation == org for c in session.commitments.contributions)
    for member in members:
        set_organisation(session, member.id, "Nieuwe naam ❤ <b>")
    assert reference_problems(session) == []
    assert org not in session.organisations()
    assert sum(c.organisation == "Nieuwe naam ❤ <b>"
               for c in session.commitments.contributions) == owned


def test_a_member_moving_to_another_organisation_renames_nothing_while_others_stay() -> None:
    from samples import demo_session

    from workshop.domain.model import Participant
    from workshop.domain.participants import set_organisation

    session = demo_session()
    org = session.commitments.contributions[0].organisation
    session.participants.append(Participant(id="p-second", name="Tweede", organisation=org))
    first = next(p for p in session.participants if p.organisation.strip() == org)
    before = session.commitments.model_dump()
    set_organisation(session, first.id, "Elders")
    assert session.commitments.model_dump() == before
    assert org in session.organisations()


def test_deleting_someone_in_an_evaluation_meeting_forgets_them_in_the_revised_text() -> None:
    from workshop.domain.compare import changes_since_previous
    from workshop.domain.evaluation import new_evaluation

    evaluation = new_evaluation(demo_session(), "start.workshop", dt.date(2026, 10, 1))
    joost = evaluation.participant("p-joost")
    assert joost is not None
    own = (joost.name, joost.represents, joost.mandate, joost.organisation)
    previous = evaluation.evaluation.previous_articles if evaluation.evaluation else []
    assert all(any(text in a.title + a.text for a in previous) for text in own)

    remove_participant(evaluation, "p-joost", hand_over=False)

    data = dumps(evaluation).decode("utf-8")
    assert [text for text in own if text in data] == []
    assert "p-joost" not in data
    # The rest of the revised version is kept: his action and role without him, the
    # other parties as they were; the comparison shows what the table changed.
    kept = {a.key: a for a in evaluation.evaluation.previous_articles}  # type: ignore[union-attr]
    assert "parties:p-joost" not in kept and "parties:p-anna" in kept
    assert kept["actions:a-pilot-zorgplan"].title.startswith("Pilot gedeeld zorgplan")
    assert "roles:r-pf-informatie" in kept
    assert not [c for c in changes_since_previous(evaluation) if "Joost" in c.title + c.before]


def test_handed_over_in_an_evaluation_meeting_the_comparison_says_they_left() -> None:
    from workshop.domain.compare import changes_since_previous
    from workshop.domain.evaluation import new_evaluation

    evaluation = new_evaluation(demo_session(), "start.workshop", dt.date(2026, 10, 1))
    remove_participant(evaluation, "p-joost", hand_over=True)
    assert ("removed", "Joost Bakker") in [(c.kind, c.title)
                                          for c in changes_since_previous(evaluation)]


@pytest.mark.parametrize("hand_over", [True, False])
def test_the_last_of_an_organisation_takes_its_party_record_and_function_along(
        hand_over: bool) -> None:
    session = demo_session()
    record = next(o for o in session.legal.organisations
                  if o.name == "Huisartsencoöperatie Waalzoom")
    record.representative_id, record.function = "p-joost", "Bestuurder Qwispel"
    session = Session.model_validate(session.model_dump())

    remove_participant(session, "p-joost", hand_over=hand_over)

    data = dumps(session).decode("utf-8")
    assert [o for o in session.legal.organisations
            if o.name == "Huisartsencoöperatie Waalzoom"] == []
    assert "Bestuurder Qwispel" not in data and record.kvk not in data
    assert len(session.legal.organisations) == len(demo_session().legal.organisations) - 1


@pytest.mark.parametrize("hand_over", [True, False])
def test_a_representative_leaving_takes_their_function_not_the_organisation(
        hand_over: bool) -> None:
    from workshop.domain.parties import party_views

    session = _with_colleague()  # Bert Kok of Anna's hospital stays
    record = next(o for o in session.legal.organisations if o.name == "Waalzoom Ziekenhuis")
    assert record.function == "lid raad van bestuur"  # Anna's, the default representative

    remove_participant(session, "p-anna", hand_over=hand_over)

    stays = next(o for o in session.legal.organisations if o.name == "Waalzoom Ziekenhuis")
    assert stays.function == "" and stays.kvk == record.kvk
    view = next(v for v in party_views(session) if v.name == "Waalzoom Ziekenhuis")
    assert view.representative is not None and view.representative.name == "Bert Kok"
    assert view.function == ""  # Bert's own role (none), not Anna's function
    assert "lid raad van bestuur" not in dumps(session).decode("utf-8")
