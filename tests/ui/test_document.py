"""The document skips the signature check only for what the agreement does not print."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from samples import demo_session, large_session

from workshop.domain.fingerprint import UNPRINTED_AREAS, fingerprint, unprinted
from workshop.domain.model import Card, Cluster, Session, Step
from workshop.ui.document import SessionDocument

EDITS: dict[str, Callable[[Session], object]] = {
    "ambition.cards": lambda s: s.ambition.cards.append(Card(id="card-new", text="Nieuw")),
    "ambition.clusters": lambda s: s.ambition.clusters.append(Cluster(id="cl-new", name="X")),
    "ambition.votes": lambda s: s.ambition.votes.pop(),
    "ambition.vote_budget": lambda s: setattr(s.ambition, "vote_budget", 9),
    "interests.links": lambda s: setattr(s.interests.links[0], "note", "anders"),
    "diagnostics": lambda s: s.diagnostics.scores.pop(),
    "view": lambda s: setattr(s.view, "current_step", Step.ROADMAP),
}


def test_every_unprinted_area_has_an_edit_here() -> None:
    assert set(EDITS) == set(UNPRINTED_AREAS)


@pytest.mark.parametrize("area", sorted(EDITS))
def test_an_unprinted_area_really_is_left_out_of_the_fingerprint(area: str) -> None:
    """If the agreement ever prints one of these, skipping the check would hide a void."""
    session = demo_session()
    before = fingerprint(session)
    EDITS[area](session)
    assert fingerprint(session) == before


def test_parts_of_unprinted_areas_are_unprinted_and_printed_areas_are_not() -> None:
    assert unprinted("diagnostics.scores") and unprinted("ambition.cards")
    assert not unprinted("ambition") and not unprinted("ambition.statement")
    assert not unprinted("consents") and not unprinted("diagnosticsx")


def test_a_printed_edit_after_signing_still_voids(make_document: Callable[..., SessionDocument],
                                                  ) -> None:
    document = make_document(large_session())  # signed: its signatures match
    assert document.session.signatures
    voided: list[list[str]] = []
    document.sig_signatures_voided.connect(lambda names, label: voided.append(names))
    document.edit("vote", ("ambition.votes",), EDITS["ambition.votes"])
    document.edit("score", ("diagnostics.scores",), EDITS["diagnostics"])
    assert voided == []
    document.edit("statement", ("ambition.statement",),
                  lambda s: setattr(s.ambition, "statement", "Anders."))
    assert len(voided) == 1 and voided[0]


def test_a_refused_edit_can_be_said_in_each_language(
        make_document: Callable[..., SessionDocument]) -> None:
    """The facilitator reads the refusal in the app's language; a phone's participant
    gets the same problems in the phone's language (``EditRejected.said``)."""
    from workshop.i18n import current_language
    from workshop.ui.document import EditRejected

    document = make_document(demo_session())
    cards = len(document.session.ambition.cards)
    with pytest.raises(EditRejected) as caught:
        document.edit("card", ("ambition.cards",), lambda s: s.ambition.cards.append(
            Card.model_construct(id="card-bad", text="", author_id=None, cluster_id=None)))
    assert len(document.session.ambition.cards) == cards  # nothing changed
    refused = caught.value
    dutch, english = refused.said("nl"), refused.said("en")
    assert dutch and english and dutch != english
    assert refused.problems == refused.said(current_language())
    assert all(p.startswith("ambition.cards") for p in english)


def test_kept_consent_groupings_follow_every_edit_undo_redo_and_refusal(
        make_document: Callable[..., SessionDocument]) -> None:
    """The document keeps ``records_by_subject``'s answer per state of its session; after
    each decision, text change, undo, redo and refused edit it is what a fresh count
    gives."""
    import random

    from workshop.domain import consent
    from workshop.domain.consent import stamp_unversioned
    from workshop.domain.fingerprint import fingerprint
    from workshop.domain.model import (
        AGREEMENT_SUBJECT,
        Card,
        ConsentRecord,
        Decision,
        InterestItem,
        InterestKind,
        new_id,
    )
    from workshop.ui.document import EditRejected

    document = make_document(demo_session())
    session = document.session
    rng = random.Random(7)
    people = [p.id for p in session.participants if p.present]

    def fresh(key: str) -> dict[str, list[int]]:
        return {k: [id(r) for r in v]
                for k, v in consent._records_by_subject(session, key or None).items()}

    def ids(grouped: dict[str, list[ConsentRecord]]) -> dict[str, list[int]]:
        return {k: [id(r) for r in v] for k, v in grouped.items()}

    def check() -> None:
        document.fingerprint()  # as a refresh does first: it must not change a kept one
        for key in ("-", ""):
            kept = consent.records_by_subject(session, key or None)
            assert kept is consent.records_by_subject(session, key or None)  # kept
            assert ids(kept) == fresh(key)
        current = {id(r) for v in consent._records_by_subject(session, "-").values()
                   for r in v}
        earlier: dict[str, list[int]] = {}
        for r in session.consents:
            if id(r) not in current and r.subject_id != AGREEMENT_SUBJECT:
                earlier.setdefault(r.subject_id, []).append(id(r))
        assert ids(consent.earlier_by_subject(session)) == earlier
        assert [id(r) for r in consent.agreement_records(session)] == [
            id(r) for r in session.consents if r.subject_id == AGREEMENT_SUBJECT]
        assert document.fingerprint() == fingerprint(session)

    for step in range(120):
        check()
        roll = rng.random()
        subject = rng.choice(session.principles + session.rules).id
        if roll < 0.5:
            pid = rng.choice(people)
            document.edit("decide", ("consents",), lambda s, subject=subject, pid=pid: (
                s.consents.__setitem__(slice(None), [
                    r for r in s.consents
                    if not (r.subject_id == subject and r.participant_id == pid)]),
                s.consents.append(ConsentRecord(subject_id=subject, participant_id=pid,
                                                decision=rng.choice(list(Decision))))))
        elif roll < 0.65:  # new words: the decisions on the old ones stop counting
            document.edit("retext", ("principles", "rules"), lambda s, subject=subject, step=step: [
                setattr(i, "text", i.text + f" {step}")
                for i in s.principles + s.rules if i.id == subject])
        elif roll < 0.7:  # the whole agreement's decisions count for everything printed
            pid = rng.choice(people)
            document.edit("decide on the whole", ("consents",), lambda s, pid=pid: (
                stamp_unversioned(s), s.consents.append(ConsentRecord(
                    subject_id=AGREEMENT_SUBJECT, participant_id=pid,
                    decision=Decision.CONSENT))))
        elif roll < 0.75:  # printed, not the decisions: the whole agreement's version
            document.edit("interest", ("interests.items",), lambda s, step=step: (
                s.interests.items.append(InterestItem(
                    id=new_id("i"), participant_id=rng.choice(people),
                    kind=InterestKind.COLLECTIVE, text=f"Belang {step}"))))
        elif roll < 0.78:  # the ambition's words: the ambition's own round
            document.edit("statement", ("ambition.statement",), lambda s, step=step:
                          setattr(s.ambition, "statement", s.ambition.statement + f" {step}"))
        elif roll < 0.81:  # not printed: nothing kept changes
            document.edit("card", ("ambition.cards",), lambda s, step=step: s.ambition.cards.append(
                Card(id=new_id("card"), text=f"Kaart {step}")))
        elif roll < 0.86:
            document.undo_stack.undo()
        elif roll < 0.9:
            document.undo_stack.redo()
        else:
            with pytest.raises(EditRejected):
                document.edit("bad", ("consents",), lambda s: s.consents.append(
                    ConsentRecord.model_construct(subject_id="", participant_id="x",
                                                  decision=Decision.CONSENT)))
    check()


def test_an_edit_checks_its_new_elements_as_the_whole_list_would(
        document: SessionDocument) -> None:
    """An edit of a list of 2,000 decisions checks only the elements it made (the others
    are the very ones of the valid state before); what it refuses, and the words it
    refuses with, are those of checking the whole list."""
    from pydantic import TypeAdapter, ValidationError

    from workshop.domain.model import MAX_TEXT, ConsentRecord, Decision
    from workshop.domain.validation import problems_from
    from workshop.ui.document import EditRejected

    session = document.session
    subject, person = session.principles[0].id, session.participants[0].id
    bad_note = ConsentRecord.model_construct(
        subject_id=subject, participant_id=person, decision=Decision.CONCERN,
        note="x" * (MAX_TEXT + 1), resolution=ConsentRecord.model_fields[
            "resolution"].default, version="")
    bad_id = Card.model_construct(id="kaart met spaties", text="Een kaart", author_id=None,
                                  cluster_id=None)
    cases = [
        ("consents", lambda s: s.consents.append(bad_note), list[ConsentRecord],
         lambda s: s.consents),
        ("ambition.cards", lambda s: s.ambition.cards.insert(0, bad_id), list[Card],
         lambda s: s.ambition.cards),
        # an element replaced by one made past its own checks: checked as new
        ("ambition.cards", lambda s: s.ambition.cards.__setitem__(
            -1, s.ambition.cards[-1].model_copy(update={"text": ""})),
         list[Card], lambda s: s.ambition.cards),
    ]
    for area, mutate, kind, value in cases:
        before = document.session.model_dump(mode="json")
        with pytest.raises(EditRejected) as refused:
            document.edit("bad", (area,), mutate)
        assert document.session.model_dump(mode="json") == before  # nothing changed
        probe = document.session.model_copy(deep=True)
        mutate(probe)
        with pytest.raises(ValidationError) as full:
            TypeAdapter(kind).validate_python(
                [e.model_dump() for e in value(probe)])
        assert refused.value.problems == [
            f"{area}: {p.text('en')}" if not p.text("en").startswith(area) else p.text("en")
            for p in problems_from(full.value)]
    # and a valid one still goes through, as one step
    count = document.undo_stack.count()
    from workshop.domain.consent import decide

    assert document.edit("ok", ("consents",),
                         lambda s: decide(s, subject, person, Decision.OBJECTION))
    assert document.undo_stack.count() == count + 1


def test_decisions_kept_dumped_by_the_record_undo_and_redo_exactly(
        document: SessionDocument) -> None:
    """A decision is a record never changed once made (a changed one is a new record), so
    the document's snapshots dump only the records an edit made: decisions, notes and
    resolutions among 2,000, undone and redone, give exactly each state before."""
    import random

    from pydantic import ValidationError

    from workshop.domain.consent import decide, update_current
    from workshop.domain.model import Decision, ObjectionResolution

    session = document.session
    rng = random.Random(11)
    subjects = [i.id for i in session.principles + session.rules]
    people = [p.id for p in session.participants if p.present]

    def state() -> list[dict[str, object]]:
        return [r.model_dump(mode="json") for r in session.consents]

    with pytest.raises(ValidationError):  # never changed in place
        session.consents[0].note = "in place"
    states = [state()]
    for step in range(40):
        subject, person = rng.choice(subjects), rng.choice(people)
        if step % 3 == 2:
            changed = document.edit("object", ("consents",), lambda s, subject=subject,
                                    person=person, step=step: (
                                        decide(s, subject, person, Decision.OBJECTION),
                                        update_current(
                                            s, subject, person, note=f"Noot {step} 🙂",
                                            resolution=ObjectionResolution.WITHDRAWN)))
        else:
            changed = document.edit("decide", ("consents",), lambda s, subject=subject,
                                    person=person: decide(s, subject, person, rng.choice(
                                        [Decision.CONSENT, Decision.CONCERN, None])))
        if changed:
            states.append(state())
    for expected in reversed(states[:-1]):
        document.undo_stack.undo()
        assert state() == expected
    for expected in states[1:]:
        document.undo_stack.redo()
        assert state() == expected


def test_an_undo_among_a_thousand_cards_makes_only_the_cards_it_changed(
        make_document: Callable[..., SessionDocument]) -> None:
    """Cards are never changed once made: undoing a retype, a move or a removal puts
    back the card as it was and keeps every other card the very object it was (an undo
    validated all 1,000 again); the session is exactly as before."""
    from workshop.domain.edits.ambition import move_cards, remove_cards, set_card_text

    document = make_document(large_session(), name="large")
    cards = document.session.ambition.cards
    assert len(cards) >= 1000
    first, other, gone = cards[3].id, cards[500].id, cards[-1].id
    cluster = document.session.ambition.clusters[-1].id
    before = document.session.model_dump(mode="json")
    objects = {id(c) for c in document.session.ambition.cards}
    edits = [("retype", lambda s: set_card_text(s, first, "Anders 🙂 <b>vet</b>")),
             ("move", lambda s: move_cards(s, [other], cluster)),
             ("remove", lambda s: remove_cards(s, [gone]))]
    for label, mutate in edits:
        assert document.edit(label, ("ambition.cards", "ambition.votes"), mutate)
    for _ in edits:
        document.undo_stack.undo()
    assert document.session.model_dump(mode="json") == before
    now = document.session.ambition.cards
    kept = sum(id(c) in objects for c in now)
    assert kept >= len(now) - 3, kept  # the three it changed were made again, at most
    for _ in edits:
        document.undo_stack.redo()
    texts = {c.id: c.text for c in document.session.ambition.cards}
    assert texts[first] == "Anders 🙂 <b>vet</b>" and gone not in texts
