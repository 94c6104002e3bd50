"""Hostile phones: every attempt refused with a clear message, the session unchanged.

Wrong, missing and replayed tokens; acting as another participant; a question that is
not open; 10 MB bodies; markup and script in every field; a burst of 1,000 requests.
"""

from __future__ import annotations

import io
import json
import time
from typing import Any

from pypdf import PdfReader
from room_client import Phone, in_thread
from room_helpers import choose

from workshop.domain.model import InterestKind, Step
from workshop.export.agreement import export_agreement
from workshop.room.devices import MESSAGE_RATE

MARKUP = '<img src=x onerror=alert(1)><script>alert("x")</script>&amp; <b>vet</b>'


def session_json(window: Any) -> str:
    return window.document.session.model_dump_json()


def joined(panel: Any, participant: str | None) -> Phone:
    phone = Phone(panel.bridge.server.port)
    assert phone.join(token=panel.bridge.registry.join_token) == 200
    if participant is not None:
        assert phone.bind(participant)[0] == 200
    return phone


def wait(qtbot: Any, future: Any) -> Any:
    qtbot.waitUntil(future.done, timeout=30000)
    return future.result()


def test_tokens_wrong_missing_and_replayed_are_refused(room: Any, qtbot: Any) -> None:
    window, panel = room
    before = session_json(window)
    pid = window.document.session.participants[0].id
    port = panel.bridge.server.port
    stranger = Phone(port)
    status, data = stranger.call("GET", "/api/state")
    assert (status, data["error"]) == (401, "no_token") and "joined" in data["message"]
    stranger.device = "A" * 32
    status, data = stranger.call("GET", "/api/state")
    assert (status, data["error"]) == (401, "bad_token")
    assert stranger.join(token="x" * 32) == 403
    assert Phone(port).join(code="AAAAAAAA") == 403
    assert Phone(port, lang="nl").call("POST", "/api/join", {"token": "y" * 40})[1][
        "message"].startswith("Dit deelnameadres")

    phone = joined(panel, pid)
    key = choose(panel, "cards")
    message = {"kind": "add_card", "text": "Eén keer"}
    first = wait(qtbot, in_thread(phone.send, key, message, "replayed-id-1"))
    again = wait(qtbot, in_thread(phone.send, key, message, "replayed-id-1"))
    assert first[1]["status"] == "ok" and again[1]["duplicate"] is True
    assert [c.text for c in window.document.session.ambition.cards].count("Eén keer") == 1

    old_join, old_device = panel.bridge.registry.join_token, phone.device
    panel.open_button.click()  # close ...
    assert not panel.bridge.is_open
    panel.open_button.click()  # ... and open again: every old pass is void
    port = panel.bridge.server.port
    replay = Phone(port)
    assert replay.join(token=old_join) == 403
    replay.device = old_device
    status, data = replay.call("GET", "/api/state")
    assert (status, data["error"]) == (401, "bad_token")
    assert "closed and opened again" in data["message"]
    cards = json.loads(before)["ambition"]["cards"]
    assert [c.text for c in window.document.session.ambition.cards] == \
        [c["text"] for c in cards] + ["Eén keer"]


def test_nobody_acts_for_another_or_outside_the_open_question(room: Any, qtbot: Any) -> None:
    window, panel = room
    session = window.document.session
    me, other = session.participants[0].id, session.participants[1].id
    phone = joined(panel, me)
    second = joined(panel, None)
    status, data = second.bind(me)  # a second phone for the same person
    assert (status, data["error"]) == (409, "taken")
    status, data = phone.bind(other)  # this phone speaks for me already
    assert (status, data["error"]) == (409, "bound")
    before = session_json(window)
    key = choose(panel, "cards")
    as_other = {"id": "as-other-01", "activity": key, "participant_id": other,
                "action": {"kind": "add_card", "text": "namens een ander"}}
    status, data = phone.call("POST", "/api/send", as_other)
    assert (status, data["error"]) == (400, "invalid")
    smuggled = {"kind": "add_card", "text": "x", "author_id": other}
    assert phone.send(key, smuggled)[0] == 400
    dot = wait(qtbot, in_thread(phone.send, key, {"kind": "dot", "card_id":
                                                  session.ambition.cards[0].id, "delta": 1}))
    assert dot[1]["status"] == "refused" and "not open" in dot[1]["message"]
    stale = wait(qtbot, in_thread(phone.send, "cards-0", {"kind": "add_card", "text": "oud"}))
    assert stale[1]["code"] == "not_open"
    choose(panel, "none")
    closed = wait(qtbot, in_thread(phone.send, key, {"kind": "add_card", "text": "te laat"}))
    assert closed[1]["code"] == "not_open"
    assert session_json(window) == before
    state = phone.state()  # only the open question and my own entries, never others'
    assert state["activity"]["kind"] == "none" and set(state) == {"activity", "me"}


def test_oversized_bodies_and_bursts_are_refused_and_the_room_keeps_working(
        room: Any, qtbot: Any) -> None:
    window, panel = room
    session = window.document.session
    me = session.participants[0].id
    phone = joined(panel, me)
    before = session_json(window)
    key = choose(panel, "interests")
    big = json.dumps({"id": "big-body-01", "activity": key, "action": {
        "kind": "add_interest", "interest": "individual", "text": "x" * (10 * 1024 * 1024)}})
    status, data = phone.raw("POST", "/api/send", big.encode())
    assert (status, data["error"]) == (413, "too_large")
    long_card = {"kind": "add_interest", "interest": "individual", "text": "y" * 281}
    assert phone.send(key, long_card)[0] == 400
    assert phone.raw("GET", "/api/../../etc/passwd")[0] == 404
    assert phone.raw("GET", "/session.workshop")[0] == 404
    status, _ = phone.raw("GET", "/", headers={"Host": "evil.example:80"})
    assert status == 421

    def burst() -> tuple[list[int], float]:  # 1,000 requests as fast as one phone can
        started = time.monotonic()
        statuses = [phone.send("cards-999", {"kind": "add_card", "text": f"spam {i}"})[0]
                    for i in range(1000)]
        return statuses, time.monotonic() - started

    statuses, seconds = wait(qtbot, in_thread(burst))
    rate, burst_size = MESSAGE_RATE
    assert len(statuses) == 1000 and set(statuses) <= {200, 429}
    # the limiter let through no more than its burst plus its rate over the time taken
    assert statuses.count(200) <= burst_size + rate * seconds + 1
    assert statuses.count(429) >= 1000 - burst_size - rate * seconds - 1
    assert session_json(window) == before  # nothing of the burst reached the session
    other = joined(panel, session.participants[1].id)  # the room still serves others
    ok = wait(qtbot, in_thread(other.send, key, {"kind": "add_interest",
                                                  "interest": "collective", "text": "na"}))
    assert ok[1]["status"] == "ok"


def test_markup_and_script_stay_text_on_the_wall_and_in_the_pdf(room: Any, qtbot: Any) -> None:
    window, panel = room
    session = window.document.session
    me = session.participants[0]
    phone = joined(panel, me.id)
    key = choose(panel, "interests")
    answer = wait(qtbot, in_thread(phone.send, key, {
        "kind": "add_interest", "interest": InterestKind.COLLECTIVE.value, "text": MARKUP}))
    assert answer[1]["status"] == "ok"
    key = choose(panel, "cards")
    answer = wait(qtbot, in_thread(phone.send, key, {"kind": "add_card", "text": MARKUP}))
    assert answer[1]["status"] == "ok"
    qtbot.waitUntil(lambda: MARKUP in phone.state()["mine"])  # back to the phone as data
    window.go_to(Step.AMBITION)
    scene = window.projector_controls.controller.scene
    qtbot.waitUntil(lambda: MARKUP in scene.all_texts(), timeout=5000)
    window.go_to(Step.INTERESTS)
    qtbot.waitUntil(lambda: MARKUP in scene.all_texts(), timeout=5000)
    pdf = export_agreement(session)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "".join(MARKUP.split()) in "".join(text.split())
