"""What the facilitator's blocks and unlinks hold, what one client cannot do to the others
(fill the room, flood the held cards, post from another site, break the live line), and
the page a phone gets the moment it chooses its name or language.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import aiohttp
from room_client import Phone, in_thread
from room_helpers import choose

from workshop.room.devices import MAX_CODE_FAILURES, MAX_UNBOUND_PER_ADDRESS
from workshop.room.plan import MAX_CARDS_EACH


def joined(panel: Any, lang: str = "en", source: str | None = None) -> Phone:
    """A phone that scanned the projected QR code (the join token)."""
    phone = Phone(panel.bridge.server.port, lang=lang, source=source)
    assert phone.join(token=panel.bridge.registry.join_token) == 200
    return phone


def wait(qtbot: Any, future: Any) -> Any:
    """A phone's request off the UI thread: the room answers once the app has taken
    it in (or published the page it asks for)."""
    qtbot.waitUntil(future.done, timeout=30000)
    return future.result()


def select_phone(panel: Any, qtbot: Any, name: str) -> None:
    """Select, in the panel's list of phones, the phone that speaks for ``name``."""
    def row() -> int:
        for r in range(panel.devices.rowCount()):
            item = panel.devices.item(r, 1)
            if item is not None and item.text() == name:
                return r
        return -1

    qtbot.waitUntil(lambda: row() >= 0)
    panel.devices.selectRow(row())


def people_cell(panel: Any, name: str) -> str:
    """The "Phone" column of ``name`` in the panel's list of participants."""
    for r in range(panel.people.rowCount()):
        if panel.people.item(r, 0).text() == name:
            return str(panel.people.item(r, 1).text())
    return ""


def cards_of(window: Any, pid: str) -> int:
    return sum(1 for c in window.document.session.ambition.cards if c.author_id == pid)


def reject_all_held(panel: Any) -> None:
    """Reject whatever still waits (closing the room with held cards would ask)."""
    panel.refresh()  # the list as it is now, not as the last refresh left it
    panel.held_list.selectAll()
    panel.reject_button.click()


def send_all(phone: Phone, key: str, texts: list[str]) -> list[dict[str, Any]]:
    """Cards sent one after another, as fast as the room lets one phone."""
    answers = []
    for text in texts:
        while True:
            status, data = phone.send(key, {"kind": "add_card", "text": text})
            if status != 429:
                break
            time.sleep(0.2)
        answers.append(data)
    return answers


# --- 1. blocking and unlinking ----------------------------------------------------------


def test_a_blocked_phone_keeps_its_name_until_the_facilitator_frees_it(
        room: Any, qtbot: Any) -> None:
    window, panel = room
    joost = window.document.session.participants[1]
    key = choose(panel, "cards")
    troll = joined(panel)
    assert wait(qtbot, in_thread(troll.bind, joost.id))[0] == 200
    select_phone(panel, qtbot, joost.name)
    panel.block_button.click()
    status, data = troll.send(key, {"kind": "add_card", "text": "na de blokkade"})
    assert (status, data["error"]) == (403, "blocked")

    again = joined(panel)  # the QR code is on the projector: the same person, a new pass
    status, data = wait(qtbot, in_thread(again.bind, joost.id))
    assert (status, data["error"]) == (409, "taken")
    qtbot.waitUntil(lambda: people_cell(panel, joost.name) == "name held by a blocked phone")
    before = window.document.session.model_dump_json()
    status, data = again.send(key, {"kind": "add_card", "text": "toch als Joost"})
    assert (status, data["error"]) == (409, "not_bound")
    assert window.document.session.model_dump_json() == before

    select_phone(panel, qtbot, joost.name)  # the blocked phone: its button frees the name
    assert panel.unbind_button.text() == "&Free the name"
    panel.unbind_button.click()
    qtbot.waitUntil(lambda: people_cell(panel, joost.name) == "—")
    owner = joined(panel)
    assert wait(qtbot, in_thread(owner.bind, joost.id))[0] == 200
    answer = wait(qtbot, in_thread(owner.send, key, {"kind": "add_card", "text": "Joost zelf"}))
    assert answer[1]["status"] == "ok"
    status, data = troll.call("GET", "/api/state")  # still blocked, with no name
    assert (status, data["error"]) == (403, "blocked")


def test_a_phone_unlinked_from_a_name_cannot_take_it_back(room: Any, qtbot: Any) -> None:
    window, panel = room
    fatima = window.document.session.participants[2]
    squatter = joined(panel, lang="nl")
    assert squatter.bind(fatima.id)[0] == 200  # before Fatima herself
    real = joined(panel)
    status, data = real.bind(fatima.id)
    assert (status, data["error"]) == (409, "taken")
    select_phone(panel, qtbot, fatima.name)
    assert panel.unbind_button.text() == "&Unlink phone"
    panel.unbind_button.click()
    status, data = squatter.bind(fatima.id)
    assert (status, data["error"]) == (409, "unlinked")
    assert data["message"] == ("De begeleider heeft deze telefoon losgekoppeld van deze "
                               "naam. Vraag het de begeleider.")
    assert real.bind(fatima.id)[0] == 200  # the name is free for another phone
    other = window.document.session.participants[3]
    assert squatter.bind(other.id)[0] == 200  # the unlinked phone may pick another name


# --- 2. one client cannot fill the room ---------------------------------------------------


def test_one_network_address_cannot_fill_the_room(room: Any, qtbot: Any) -> None:
    window, panel = room
    port, token = panel.bridge.server.port, panel.bridge.registry.join_token
    statuses = []
    for _ in range(200):  # the join token from the projector, over and over
        statuses.append(Phone(port, source="127.0.0.2").join(token=token))
        if statuses[-1] != 200:
            break
    assert statuses == [200] * MAX_UNBOUND_PER_ADDRESS + [429]
    status, data = Phone(port, source="127.0.0.2", lang="nl").call(
        "POST", "/api/join", {"token": token, "lang": "nl"})
    assert status == 429 and data["message"].startswith("Te veel telefoons van dit "
                                                        "netwerkadres")
    late = Phone(port, source="127.0.0.3")  # a participant who arrives late
    assert late.join(token=token) == 200
    assert late.bind(window.document.session.participants[0].id)[0] == 200
    qtbot.waitUntil(lambda: panel.devices.rowCount() == MAX_UNBOUND_PER_ADDRESS + 1)


# --- 3. held cards --------------------------------------------------------------------------


def test_held_cards_count_towards_the_cards_one_person_may_add(room: Any, qtbot: Any) -> None:
    window, panel = room
    try:
        document = window.document
        me = document.session.participants[0]
        phone = joined(panel)
        phone.bind(me.id)
        panel.hold_check.setChecked(True)
        key = choose(panel, "cards")
        room_left = MAX_CARDS_EACH - cards_of(window, me.id)
        answers = wait(qtbot, in_thread(send_all, phone, key,
                                        [f"kaart {n}" for n in range(room_left + 5)]))
        assert [a["status"] for a in answers] == ["held"] * room_left + ["refused"] * 5
        assert answers[-1]["message"] == (f"You have added {MAX_CARDS_EACH} cards, the most "
                                          "one person can add.")
        qtbot.waitUntil(lambda: panel.held_list.count() == room_left)
        panel.approve_button.click()  # nothing selected: all of them
        assert cards_of(window, me.id) == MAX_CARDS_EACH
        assert panel.held_list.count() == 0

        # one approved card undone, a card held in its place, the approval redone: the wall
        # is full again, so approving the held card is refused too
        document.undo_stack.undo()
        assert cards_of(window, me.id) == MAX_CARDS_EACH - 1
        answer = wait(qtbot, in_thread(phone.send, key,
                                       {"kind": "add_card", "text": "nog één"}))
        assert answer[1]["status"] == "held"
        document.undo_stack.redo()
        assert cards_of(window, me.id) == MAX_CARDS_EACH
        qtbot.waitUntil(lambda: panel.held_list.count() == 1)
        panel.approve_button.click()
        assert cards_of(window, me.id) == MAX_CARDS_EACH
        assert panel.held_list.count() == 1
        assert panel.held_note.isVisibleTo(panel)
        assert panel.held_note.text() == (f"1 cards stay held: their authors already have "
                                          f"{MAX_CARDS_EACH} cards on the wall, the most one "
                                          "person can add.")
    finally:
        reject_all_held(panel)


def test_the_list_of_held_cards_has_a_cap(room: Any, qtbot: Any, monkeypatch: Any) -> None:
    from workshop.ui.room import bridge

    monkeypatch.setattr(bridge, "MAX_HELD_CARDS", 3)
    window, panel = room
    try:
        people = window.document.session.participants
        phones = [joined(panel), joined(panel)]
        for phone, person in zip(phones, people, strict=False):
            phone.bind(person.id)
        panel.hold_check.setChecked(True)
        key = choose(panel, "cards")
        answers = [wait(qtbot, in_thread(phone.send, key,
                                         {"kind": "add_card", "text": text}))[1]
                   for phone in phones for text in ("een", "twee")]
        assert [a["status"] for a in answers] == ["held", "held", "held", "refused"]
        assert answers[-1]["code"] == "held_full"
        assert answers[-1]["message"] == ("Many cards are waiting for the facilitator's "
                                          "approval. Send yours in a moment.")
        qtbot.waitUntil(lambda: panel.held_list.count() == 3)
    finally:
        reject_all_held(panel)


# --- 4. requests from another site ----------------------------------------------------------


def test_cross_site_requests_are_refused_before_anything_counts(room: Any,
                                                                qtbot: Any) -> None:
    window, panel = room
    port = panel.bridge.server.port
    evil = Phone(port)
    form = {"Content-Type": "text/plain;charset=UTF-8", "Origin": "http://evil.example"}
    for n in range(MAX_CODE_FAILURES + 5):  # a page the participant visits, in a loop
        status, data = evil.raw("POST", "/api/join",
                                json.dumps({"code": f"WRONG{n:03d}"}).encode(), form)
        assert (status, data["error"]) == (403, "wrong_origin")
    for n in range(MAX_CODE_FAILURES + 5):  # no Origin at all, but not JSON either
        status, data = evil.raw("POST", "/api/join",
                                json.dumps({"code": f"WRONG{n:03d}"}).encode(),
                                {"Content-Type": "text/plain"})
        assert (status, data["error"]) == (415, "not_json")
    status, data = evil.raw("POST", "/api/join", json.dumps(
        {"code": "WRONG999"}).encode(), {"Origin": "http://evil.example"})
    assert (status, data["error"]) == (403, "wrong_origin")  # JSON, from another site
    status, _ = evil.raw("GET", "/api/live", headers={"Origin": "http://evil.example"})
    assert status == 403

    # the room's own page (its Origin, JSON) from the same address: nothing was counted
    phone = Phone(port)
    status, data = phone.raw("POST", "/api/join", json.dumps(
        {"code": panel.bridge.registry.code, "lang": "en"}).encode(),
        {"Origin": f"http://127.0.0.1:{port}"})
    assert status == 200, data
    phone.device = data["device"]
    pid = window.document.session.participants[0].id
    status, data = phone.raw("POST", "/api/bind", json.dumps(
        {"participant_id": pid}).encode(), {"Content-Type": "text/plain"})
    assert (status, data["error"]) == (415, "not_json")
    assert phone.bind(pid)[0] == 200


# --- 5. a hello nested too deep ------------------------------------------------------------


def test_a_deeply_nested_hello_is_a_bad_hello(room: Any, qtbot: Any, capfd: Any) -> None:
    window, panel = room
    port = panel.bridge.server.port

    async def hello(text: str) -> tuple[str, str]:
        async with aiohttp.ClientSession() as session, session.ws_connect(
                f"http://127.0.0.1:{port}/api/live", origin=f"http://127.0.0.1:{port}",
                max_msg_size=0) as ws:
            await ws.send_str(text)
            message = await ws.receive(timeout=10)
            return message.type.name, str(message.data)

    for text in ("[" * 8000 + "]" * 8000, '{"device":' + "[" * 7000 + "]" * 7000 + "}"):
        kind, data = wait(qtbot, in_thread(asyncio.run, hello(text)))
        assert kind == "TEXT" and json.loads(data)["error"] == "bad_token"
    phone = joined(panel)  # the room still serves
    assert phone.bind(window.document.session.participants[0].id)[0] == 200
    err = capfd.readouterr().err
    assert "Traceback" not in err and "RecursionError" not in err


# --- 6. the page right after choosing a name or a language --------------------------------


def test_the_page_right_after_choosing_a_name_or_language_is_the_open_question(
        room: Any, qtbot: Any) -> None:
    window, panel = room
    me = window.document.session.participants[0]
    phone = joined(panel)
    status, data = phone.bind(me.id)  # no question open: the waiting page, with my name
    assert status == 200
    assert data["state"]["activity"]["key"] == panel.bridge.activity.key
    assert data["state"]["me"]["name"] == me.name

    key = choose(panel, "consent", "agreement")
    other = window.document.session.participants[1]
    second = joined(panel)
    status, data = wait(qtbot, in_thread(second.bind, other.id))
    assert status == 200
    state = data["state"]
    assert (state["activity"]["key"], state["activity"]["kind"]) == (key, "consent")
    assert state["activity"]["title"] == "Consent round"
    assert state["me"]["name"] == other.name
    answer = wait(qtbot, in_thread(second.send, state["activity"]["key"], {
        "kind": "consent", "subject_id": "agreement", "decision": "consent"}))
    assert answer[1]["status"] == "ok"

    second.lang = "nl"  # the phone's language button
    state = wait(qtbot, in_thread(second.call, "GET", "/api/state"))[1]["state"]
    assert (state["activity"]["key"], state["activity"]["title"]) == (key, "Consentronde")
    assert state["me"]["name"] == other.name
