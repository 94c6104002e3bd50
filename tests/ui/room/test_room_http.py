"""Phones over loopback HTTP: join, pick a name, answer; each answer one undoable edit."""

from __future__ import annotations

from typing import Any

from conftest import choose
from room_client import Phone, in_thread

from workshop.domain.model import Decision


def test_card_from_a_phone_is_an_undoable_edit_saved_and_projected(room: Any, qtbot: Any,
                                                                    saved: Any) -> None:
    window, panel = room
    document = window.document
    bridge = panel.bridge
    phone = Phone(bridge.server.port)
    assert phone.join(token=bridge.registry.join_token) == 200
    pid = document.session.participants[0].id
    status, data = phone.bind(pid)
    assert status == 200, data
    key = choose(panel, "cards")
    window.go_to(window.current_step().AMBITION)
    depth = document.undo_stack.count()
    answer = in_thread(phone.send, key, {"kind": "add_card", "text": "Samen <b>sterker</b>"})
    qtbot.waitUntil(answer.done, timeout=10000)
    status, data = answer.result()
    assert (status, data["status"]) == (200, "ok"), data
    assert document.undo_stack.count() == depth + 1
    cards = [c for c in saved(document).ambition.cards if c.text == "Samen <b>sterker</b>"]
    assert len(cards) == 1 and cards[0].author_id == pid
    scene = window.projector_controls.controller.scene
    qtbot.waitUntil(lambda: "Samen <b>sterker</b>" in " ".join(scene.all_texts()))
    document.undo_stack.undo()
    assert not any(c.text == "Samen <b>sterker</b>" for c in saved(document).ambition.cards)


def test_consent_only_on_the_open_item_and_only_as_oneself(room: Any, qtbot: Any,
                                                           saved: Any) -> None:
    window, panel = room
    document = window.document
    bridge = panel.bridge
    session = document.session
    me, other = session.participants[0].id, session.participants[1].id
    principle = session.principles[0].id
    phone = Phone(bridge.server.port)
    phone.join(token=bridge.registry.join_token)
    phone.bind(me)
    key = choose(panel, "consent", principle)
    assert panel.bridge.activity.subject_id == principle
    before = [r.model_dump() for r in session.consents]
    wrong = in_thread(phone.send, key, {"kind": "consent", "subject_id": session.principles[1].id,
                                        "decision": "consent"})
    qtbot.waitUntil(wrong.done, timeout=10000)
    assert wrong.result()[1]["status"] == "refused"
    answer = in_thread(phone.send, key, {"kind": "consent", "subject_id": principle,
                                         "decision": "objection", "note": "Te vaag"})
    qtbot.waitUntil(answer.done, timeout=10000)
    assert answer.result()[1]["status"] == "ok"
    records = [r for r in saved(document).consents if r.subject_id == principle]
    mine = [r for r in records if r.participant_id == me]
    assert len(mine) == 1 and mine[0].decision is Decision.OBJECTION and mine[0].note == "Te vaag"
    assert [r.model_dump() for r in session.consents if r.participant_id == other] == \
        [r for r in before if r["participant_id"] == other]
    qtbot.waitUntil(lambda: panel.people.item(0, 2).text().startswith("✓"))
