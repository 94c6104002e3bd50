"""A real browser (headless chromium) joins the room on loopback and takes part.

It opens the join address from the projector, picks a name, adds a card, gives a dot
and consents; the session file, the undo stack and the projector's scene show it.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from room_helpers import choose
from room_webdriver import Browser, available

from workshop.domain.model import AMBITION_SUBJECT, Decision, Step

# CI installs them (.ci/run) and must run this test; elsewhere it says what is missing.
pytestmark = pytest.mark.skipif(not available() and not os.environ.get("CI"),
                                reason="needs Debian's chromium and chromium-driver "
                                "(.ci/run installs them)")

NOTE = "Wie betaalt de <i>pilot</i>?"
CARD = "<script>alert(1)</script> Zorg <b>dichtbij</b> huis"


@pytest.fixture
def browser() -> Any:
    b = Browser()
    yield b
    b.close()


def test_a_phone_browser_adds_a_card_votes_and_consents(room: Any, browser: Browser,
                                                        qtbot: Any, saved: Any) -> None:
    window, panel = room
    document = window.document
    session = document.session
    window.go_to(Step.AMBITION)
    me = next(p for p in session.participants if p.present)
    projector = window.projector_controls.controller
    assert projector.canvas_name == "room"  # the join code is on the projector
    url = projector.options.room[0]
    assert url == panel.bridge.url and url.startswith("http://127.0.0.1:")

    browser.get(url)
    qtbot.waitUntil(lambda: browser.find(f'.names button[data-id="{me.id}"]') is not None,
                    timeout=20000)
    assert browser.script("return location.hash") == ""  # the token is not left in view
    browser.tap(f'.names button[data-id="{me.id}"]')
    qtbot.waitUntil(lambda: browser.text("#who") == me.name, timeout=30000)

    depth = document.undo_stack.count()
    choose(panel, "cards")
    assert projector.canvas_name == "ambition"  # the wall, now that a question is open
    qtbot.waitUntil(lambda: browser.find("#cardText") is not None, timeout=30000)
    browser.fill("#cardText", CARD)
    browser.tap("#addCard")
    qtbot.waitUntil(lambda: any(c.text == CARD for c in session.ambition.cards),
                    timeout=30000)
    card = next(c for c in session.ambition.cards if c.text == CARD)
    assert card.author_id == me.id
    qtbot.waitUntil(lambda: CARD in browser.text("ul.items"), timeout=30000)
    assert browser.script("return document.querySelectorAll('ul.items script').length") == 0

    choose(panel, "dots")
    plus = f'button[data-card="{card.id}"]'
    qtbot.waitUntil(lambda: browser.find(plus) is not None, timeout=30000)
    spent = [v for v in session.ambition.votes if v.participant_id == me.id]
    if sum(v.dots for v in spent) >= session.ambition.vote_budget:  # take one back first
        minus = f'button[data-card-minus="{spent[0].card_id}"]'
        browser.tap(minus)
        qtbot.waitUntil(lambda: browser.script(
            "return document.querySelector(arguments[0]).disabled", plus) is False,
            timeout=30000)
    browser.tap(plus)
    qtbot.waitUntil(lambda: any(v.participant_id == me.id and v.card_id == card.id
                                for v in session.ambition.votes), timeout=30000)

    choose(panel, "consent", AMBITION_SUBJECT)
    qtbot.waitUntil(lambda: browser.find('button[data-decision="concern"]') is not None,
                    timeout=30000)
    browser.fill("#note", NOTE)
    browser.tap('button[data-decision="concern"]')
    qtbot.waitUntil(lambda: any(r.participant_id == me.id and r.subject_id == AMBITION_SUBJECT
                                and r.note == NOTE for r in session.consents), timeout=30000)

    on_disk = saved(document)
    assert [c.text for c in on_disk.ambition.cards if c.author_id == me.id].count(CARD) == 1
    assert any(v.participant_id == me.id and v.card_id == card.id
               for v in on_disk.ambition.votes)
    record = next(r for r in on_disk.consents
                  if r.participant_id == me.id and r.subject_id == AMBITION_SUBJECT)
    assert (record.decision, record.note) == (Decision.CONCERN, NOTE)
    labels = [document.undo_stack.text(i) for i in range(depth, document.undo_stack.count())]
    assert labels[0] == f"{me.name} (phone): add a card"
    assert labels[-2:] == [f"{me.name} (phone): add a dot",
                           f"{me.name} (phone): consent round"], labels
    qtbot.waitUntil(lambda: CARD in projector.scene.all_texts(), timeout=30000)


def test_a_phone_offline_keeps_its_card_and_sends_it_once_when_back(
        room: Any, browser: Browser, qtbot: Any, saved: Any) -> None:
    window, panel = room
    document = window.document
    me = document.session.participants[1]
    choose(panel, "cards")
    browser.get(panel.bridge.url)
    qtbot.waitUntil(lambda: browser.find(f'.names button[data-id="{me.id}"]') is not None,
                    timeout=20000)
    browser.tap(f'.names button[data-id="{me.id}"]')
    qtbot.waitUntil(lambda: browser.find("#cardText") is not None, timeout=30000)
    browser.network(offline=True)  # the phone loses the Wi-Fi
    browser.fill("#cardText", "Geschreven in de lift")
    browser.tap("#addCard")
    qtbot.waitUntil(lambda: "Geschreven in de lift" in browser.text("ul.items"),
                    timeout=30000)
    qtbot.waitUntil(lambda: "No connection" in browser.text("#status"), timeout=30000)
    assert browser.script("return JSON.parse(localStorage.getItem('outbox')).length") == 1
    assert not any(c.text == "Geschreven in de lift" for c in document.session.ambition.cards)
    browser.network(offline=False)  # back: the outbox is sent again, with the same id
    browser.script("window.dispatchEvent(new Event('online'))")
    qtbot.waitUntil(lambda: any(c.text == "Geschreven in de lift"
                                for c in document.session.ambition.cards), timeout=20000)
    qtbot.waitUntil(lambda: browser.script(
        "return JSON.parse(localStorage.getItem('outbox')).length") == 0, timeout=20000)
    assert [c.text for c in saved(document).ambition.cards].count(
        "Geschreven in de lift") == 1
