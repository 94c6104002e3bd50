"""Phones over loopback HTTP: join, pick a name, answer; each answer one undoable edit."""

from __future__ import annotations

from typing import Any

from room_client import Phone, in_thread
from room_helpers import choose

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


def test_held_cards_wait_for_approval_and_a_blocked_phone_is_refused(room: Any, qtbot: Any,
                                                                     saved: Any) -> None:
    window, panel = room
    document = window.document
    bridge = panel.bridge
    pid = document.session.participants[0].id
    phone = Phone(bridge.server.port)
    phone.join(token=bridge.registry.join_token)
    phone.bind(pid)
    panel.hold_check.setChecked(True)
    key = choose(panel, "cards")
    answers = [in_thread(phone.send, key, {"kind": "add_card", "text": text})
               for text in ("Goedgekeurd", "Afgewezen")]
    qtbot.waitUntil(lambda: all(a.done() for a in answers), timeout=10000)
    assert [a.result()[1]["status"] for a in answers] == ["held", "held"]
    texts = [c.text for c in document.session.ambition.cards]
    assert "Goedgekeurd" not in texts and "Afgewezen" not in texts  # not on the wall yet
    qtbot.waitUntil(lambda: panel.held_list.count() == 2)
    qtbot.waitUntil(lambda: sorted(phone.state().get("held", [])) == ["Afgewezen",
                                                                      "Goedgekeurd"])
    rows = {panel.held_list.item(i).text().split(" — ")[0]: i for i in range(2)}
    panel.held_list.item(rows["Afgewezen"]).setSelected(True)
    panel.reject_button.click()
    panel.approve_button.click()  # nothing selected: the rest goes through
    on_disk = [c.text for c in saved(document).ambition.cards]
    assert on_disk.count("Goedgekeurd") == 1 and "Afgewezen" not in on_disk
    assert document.undo_stack.text(document.undo_stack.index() - 1).endswith(
        "(phone): add a card")

    qtbot.waitUntil(lambda: panel.devices.rowCount() == 1)
    panel.devices.selectRow(0)
    panel.block_button.click()
    status, data = phone.call("GET", "/api/state")
    assert (status, data["error"]) == (403, "blocked")
    before = document.session.model_dump_json()
    status, data = phone.send(key, {"kind": "add_card", "text": "na blokkade"})
    assert status == 403 and "blocked" in data["message"]
    assert document.session.model_dump_json() == before
    panel.devices.selectRow(0)
    panel.unblock_button.click()
    panel.unbind_button.click()  # unlinked: the phone must choose its name again
    assert "participants" in phone.state()


def test_anonymous_hides_authors_on_the_projector(room: Any, qtbot: Any) -> None:
    from workshop.domain.model import Step

    window, panel = room
    document = window.document
    me = document.session.participants[0]
    phone = Phone(panel.bridge.server.port)
    phone.join(token=panel.bridge.registry.join_token)
    phone.bind(me.id)
    window.go_to(Step.AMBITION)
    key = choose(panel, "cards")
    panel.anonymous_check.setChecked(True)
    answer = in_thread(phone.send, key, {"kind": "add_card", "text": "Zonder naam"})
    qtbot.waitUntil(answer.done, timeout=10000)
    projector = window.projector_controls.controller
    assert projector.options.anonymous
    qtbot.waitUntil(lambda: "Zonder naam" in projector.scene.all_texts())
    assert not any(me.name in t for t in projector.scene.all_texts())
    panel.anonymous_check.setChecked(False)
    qtbot.waitUntil(lambda: any(me.name in t for t in projector.scene.all_texts()))


def test_the_panel_explains_when_no_phone_can_reach_the_room(qapp: Any) -> None:
    from workshop.ui.room.panel import UNREACHED_AFTER_S, reach_hint

    assert "only reachable from this laptop" in reach_hint("127.0.0.1", 0, 0)
    assert "169.254" in reach_hint("169.254.10.2", 0, 0)
    assert reach_hint("192.168.1.20", 0, 5) == ""
    late = reach_hint("192.168.1.20", 0, UNREACHED_AFTER_S)
    assert "firewall" in late and "guest network" in late
    assert reach_hint("192.168.1.20", 3, UNREACHED_AFTER_S) == ""


def test_scan_marks_forms_and_a_private_interest_from_a_phone(room: Any, qtbot: Any,
                                                              saved: Any) -> None:
    import io

    from pypdf import PdfReader

    from workshop.domain.model import Step
    from workshop.export.agreement import export_agreement

    window, panel = room
    document = window.document
    me = document.session.participants[2]
    phone = Phone(panel.bridge.server.port)
    phone.join(token=panel.bridge.registry.join_token)
    phone.bind(me.id)

    key = choose(panel, "interests")
    sent = [in_thread(phone.send, key, {"kind": "add_interest", "interest": kind,
                                        "text": text, "private": private})
            for kind, text, private in (("individual", "Mijn baan staat op het spel", True),
                                        ("collective", "Zorg dichtbij voor iedereen", False))]
    qtbot.waitUntil(lambda: all(f.done() for f in sent), timeout=10000)
    assert [f.result()[1]["status"] for f in sent] == ["ok", "ok"]
    qtbot.waitUntil(lambda: len([i for i in phone.state()["mine"]
                                 if i["text"].startswith(("Mijn", "Zorg d"))]) == 2)
    window.go_to(Step.INTERESTS)
    scene = window.projector_controls.controller.scene
    qtbot.waitUntil(lambda: "Zorg dichtbij voor iedereen" in scene.all_texts())
    assert not any("Mijn baan" in t for t in scene.all_texts())  # not for print: not shown
    pdf = "".join(p.extract_text() for p in PdfReader(io.BytesIO(
        export_agreement(document.session))).pages)
    assert "Zorg dichtbij" in pdf and "Mijn baan" not in pdf

    key = choose(panel, "scan")
    moment = panel.bridge.activity.moment_id
    axis = document.session.diagnostics.axes[0].id
    answers = [in_thread(phone.send, key, action) for action in (
        {"kind": "score", "condition": "shared_ambition", "score": 2},
        {"kind": "mark", "axis_id": axis, "value": 85},
        {"kind": "forms", "forms": ["care_chain", "issue_network"]})]
    qtbot.waitUntil(lambda: all(f.done() for f in answers), timeout=10000)
    assert [f.result()[1]["status"] for f in answers] == ["ok", "ok", "ok"]
    d = saved(document).diagnostics
    assert [s.score for s in d.scores if s.participant_id == me.id
            and s.moment_id == moment and s.condition.value == "shared_ambition"] == [2]
    assert [m.value for m in d.marks if m.participant_id == me.id and m.moment_id == moment
            and m.axis_id == axis] == [85]
    assert [[f.value for f in c.forms] for c in d.forms
            if c.participant_id == me.id and c.moment_id == moment] == [
        ["care_chain", "issue_network"]]


def test_answers_that_arrive_together_are_one_undo_step_each_answer_once(
        room: Any, qtbot: Any, saved: Any) -> None:
    """Phones' answers waiting for the UI thread are taken in as one edit (one undo step,
    "Phones: 3 answers"): each card once in the file and on the wall; one undo takes the
    whole batch back."""

    window, panel = room
    document = window.document
    bridge = panel.bridge
    people = document.session.participants[:3]
    phones = []
    for person in people:
        phone = Phone(bridge.server.port)
        assert phone.join(token=bridge.registry.join_token) == 200
        assert phone.bind(person.id)[0] == 200
        phones.append(phone)
    key = choose(panel, "cards")
    window.go_to(window.current_step().AMBITION)
    depth = document.undo_stack.count()
    texts = [f"Samen kaart {n}" for n in range(3)]
    # The UI thread takes no events until all three reached the app: they wait together.
    before = bridge.server.jobs
    answers = [in_thread(phone.send, key, {"kind": "add_card", "text": text})
               for phone, text in zip(phones, texts, strict=True)]
    assert bridge.server.wait_for_jobs(before + 3), "the phones' messages did not arrive"
    qtbot.waitUntil(lambda: all(a.done() for a in answers), timeout=10000)
    assert [a.result()[1]["status"] for a in answers] == ["ok"] * 3
    for phone, text in zip(phones, texts, strict=True):  # its own page has it already
        assert [t for t in phone.state()["mine"] if t in texts] == [text]
    assert document.undo_stack.count() == depth + 1
    assert document.undo_stack.text(depth) == "Phones: 3 answers"
    cards = saved(document).ambition.cards
    assert sorted(c.text for c in cards if c.text in texts) == texts
    assert {c.author_id for c in cards if c.text in texts} == {p.id for p in people}
    scene = window.projector_controls.controller.scene
    qtbot.waitUntil(lambda: all(t in scene.all_texts() for t in texts))
    document.undo_stack.undo()
    assert not any(c.text in texts for c in saved(document).ambition.cards)
