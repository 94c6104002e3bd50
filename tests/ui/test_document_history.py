"""The undo history of a long meeting: snapshots share what an edit left unchanged, and
undoing every edit still gives back the session as it was."""

from __future__ import annotations

from samples import demo_session

from workshop.domain.model import Card, ConsentRecord, Decision, Session
from workshop.ui.document import EditCommand, SessionDocument


def _commands(document: SessionDocument) -> list[EditCommand]:
    stack = document.undo_stack
    out = [stack.command(i) for i in range(stack.count())]
    assert all(isinstance(c, EditCommand) for c in out)
    return out  # type: ignore[return-value]


def test_an_edit_keeps_only_what_it_changed(qapp: object) -> None:
    document = SessionDocument(demo_session(), autosave=False)
    original = document.session.model_dump(mode="json")
    for i in range(3):
        document.edit("Add card", ("ambition.cards",), lambda s, i=i: s.ambition.cards.append(
            Card(id=f"k{i}", text=f"Kaart {i}")))
    person = document.session.participants[0].id
    subject = document.session.principles[0].id

    def decide(s: Session) -> None:
        s.consents[:] = [r for r in s.consents
                         if not (r.subject_id == subject and r.participant_id == person)]
        s.consents.append(ConsentRecord(subject_id=subject, participant_id=person,
                                        decision=Decision.CONCERN))

    document.edit("Consent", ("consents",), decide)
    first, second, third, consent = _commands(document)
    cards = [first.before["ambition.cards"], first.after["ambition.cards"],
             second.after["ambition.cards"], third.after["ambition.cards"]]
    # the unchanged cards are one object in every snapshot, not a copy per edit
    for later in cards[1:]:
        assert all(a is b for a, b in zip(cards[0], later, strict=False))
    assert third.after["ambition.cards"][-2] is second.after["ambition.cards"][-1]
    before = {id(r) for r in consent.before["consents"]}
    shared = [r for r in consent.after["consents"] if id(r) in before]
    assert len(shared) == len(consent.after["consents"]) - 1  # all but the new record
    for _ in range(4):
        document.undo_stack.undo()
    assert document.session.model_dump(mode="json") == original
    for _ in range(4):
        document.undo_stack.redo()
    assert [c.id for c in document.session.ambition.cards][-3:] == ["k0", "k1", "k2"]
    assert document.session.consents[-1].decision is Decision.CONCERN
