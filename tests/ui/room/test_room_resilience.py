"""Phones that drop off mid-request, resend, and forty phones at once."""

from __future__ import annotations

import json
import socket
from collections import Counter
from typing import Any

from room_client import Phone, in_thread
from room_helpers import choose

from workshop.domain.model import CollaborationForm, Condition


def test_a_dropped_request_resent_arrives_once(room: Any, qtbot: Any, saved: Any) -> None:
    window, panel = room
    document = window.document
    phone = Phone(panel.bridge.server.port)
    phone.join(token=panel.bridge.registry.join_token)
    phone.bind(document.session.participants[0].id)
    key = choose(panel, "cards")
    card = {"kind": "add_card", "text": "Na de tunnel"}
    # The UI thread is busy (this test holds it), so no answer comes: the phone gives up,
    # as a phone does that goes to sleep or loses the Wi-Fi mid-request.
    envelope = json.dumps({"id": "unacked-card-1", "activity": key, "action": card})
    try:
        phone.raw("POST", "/api/send", envelope.encode(), timeout=0.5)
        lost = False
    except TimeoutError:
        lost = True
    assert lost
    resent = in_thread(phone.send, key, card, "unacked-card-1")  # back online: same id
    qtbot.waitUntil(resent.done, timeout=10000)
    status, data = resent.result()
    assert status == 200 and data["status"] == "ok"
    again = in_thread(phone.send, key, card, "unacked-card-1")
    qtbot.waitUntil(again.done, timeout=10000)
    assert again.result()[1].get("duplicate") is True
    assert [c.text for c in saved(document).ambition.cards].count("Na de tunnel") == 1


def test_forty_phones_at_once_lose_nothing_and_duplicate_nothing(make_document: Any,
                                                                 qtbot: Any,
                                                                 saved: Any) -> None:
    from room_helpers import open_room

    from workshop.domain.model import Participant, Session
    from workshop.ui.main_window import MainWindow

    session = Session(participants=[Participant(id=f"p{i:02d}", name=f"Deelnemer {i}")
                                    for i in range(40)])
    window = MainWindow(make_document(session))
    qtbot.addWidget(window)
    panel = open_room(window)
    document = window.document
    port = panel.bridge.server.port
    phones = []
    for p in session.participants:
        phone = Phone(port)
        assert phone.join(token=panel.bridge.registry.join_token) == 200
        assert phone.bind(p.id)[0] == 200
        phones.append(phone)

    def each(key: str, make: Any) -> Any:
        futures = [in_thread(lambda ph=ph, i=i: [ph.send(key, a) for a in make(i)])
                   for i, ph in enumerate(phones)]
        qtbot.waitUntil(lambda: all(f.done() for f in futures), timeout=120000)
        return [r for f in futures for r in f.result()]

    cards = each(choose(panel, "cards"), lambda i: [
        {"kind": "add_card", "text": f"kaart {i}-{n}"} for n in range(10)])
    assert all(s == 200 and d["status"] == "ok" for s, d in cards)
    texts = Counter(c.text for c in document.session.ambition.cards)
    assert len(texts) == 400 and set(texts.values()) == {1}
    ids = [c.id for c in document.session.ambition.cards]
    dots = each(choose(panel, "dots"), lambda i: [
        {"kind": "dot", "card_id": ids[(i * 7 + n) % 400], "delta": 1} for n in range(3)])
    assert all(d["status"] == "ok" for _s, d in dots)
    scan = each(choose(panel, "scan"), lambda i: [
        *({"kind": "score", "condition": c.value, "score": 1 + (i + n) % 5}
          for n, c in enumerate(Condition)),
        {"kind": "forms", "forms": [CollaborationForm.CARE_CHAIN.value]}])
    assert all(d["status"] == "ok" for _s, d in scan)
    on_disk = saved(document)
    assert sorted(c.text for c in on_disk.ambition.cards) == sorted(
        f"kaart {i}-{n}" for i in range(40) for n in range(10))
    assert sum(v.dots for v in on_disk.ambition.votes) == 120
    assert Counter(v.participant_id for v in on_disk.ambition.votes) == {
        p.id: 3 for p in session.participants}
    assert len(on_disk.diagnostics.scores) == 40 * 5
    assert len(on_disk.diagnostics.forms) == 40
    stack = document.undo_stack  # every answer is undoable through the one document path
    while stack.canUndo():
        stack.undo()
    assert not document.session.ambition.cards and not document.session.diagnostics.scores
    while stack.canRedo():
        stack.redo()
    assert len(document.session.ambition.cards) == 400
    assert len(document.session.diagnostics.scores) == 200
    panel.shutdown()
    window.close_session()
    window.projector_controls.close()


def test_closing_the_app_with_phones_connected_loses_nothing_and_stops_listening(
        make_document: Any, qtbot: Any) -> None:
    from room_helpers import open_room

    from workshop.storage.files import load_session
    from workshop.ui.main_window import MainWindow

    window = MainWindow(make_document())
    qtbot.addWidget(window)
    panel = open_room(window)
    path = window.document.path
    port = panel.bridge.server.port
    phone = Phone(port)
    phone.join(token=panel.bridge.registry.join_token)
    phone.bind(window.document.session.participants[0].id)
    key = choose(panel, "cards")
    sent = in_thread(phone.send, key, {"kind": "add_card", "text": "Vlak voor sluiten"})
    qtbot.waitUntil(sent.done, timeout=10000)
    with socket.create_connection(("127.0.0.1", port), timeout=5):
        pass  # listening while the room is open
    window.close()  # the app closes with the phone still connected
    assert window.document is None
    assert "Vlak voor sluiten" in [c.text for c in load_session(path).ambition.cards]
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        listening = True
    except OSError:
        listening = False
    assert not listening
    window.projector_controls.close()


def test_held_cards_are_not_lost_when_the_session_closes(make_document: Any, qtbot: Any,
                                                         monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox
    from room_helpers import open_room

    from workshop.storage.files import load_session
    from workshop.ui.main_window import MainWindow

    window = MainWindow(make_document())
    qtbot.addWidget(window)
    panel = open_room(window)
    path = window.document.path
    phone = Phone(panel.bridge.server.port)
    phone.join(token=panel.bridge.registry.join_token)
    phone.bind(window.document.session.participants[0].id)
    panel.hold_check.setChecked(True)
    key = choose(panel, "cards")
    sent = in_thread(phone.send, key, {"kind": "add_card", "text": "Nog niet goedgekeurd"})
    qtbot.waitUntil(sent.done, timeout=10000)
    assert sent.result()[1]["status"] == "held"
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes  # put them on the wall

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.close_session()
    assert len(asked) == 1 and "1" in asked[0]
    assert "Nog niet goedgekeurd" in [c.text for c in load_session(path).ambition.cards]
    window.projector_controls.close()
