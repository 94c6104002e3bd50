"""The room without Qt: tokens, codes, rate limits, and what an action may become."""

from __future__ import annotations

from samples import demo_session

from workshop.room.devices import MAX_CODE_FAILURES, Bucket, Registry
from workshop.room.plan import Activity, Planned, Refused, plan
from workshop.room.protocol import ActivityKind, AddCard, Consent, Dot, Envelope
from workshop.room.views import phone_state


def test_tokens_are_long_and_codes_lock_after_too_many_wrong_tries() -> None:
    registry = Registry()
    assert len(registry.join_token) >= 32  # 24 random bytes, base64: 192 bits
    assert registry.check_join(registry.join_token, None) == "ok"
    assert registry.check_join("z" * 32, None) == "bad_token"
    for _ in range(MAX_CODE_FAILURES):
        assert registry.check_join(None, "WRONG123") == "bad_code"
    assert registry.check_join(None, registry.code) == "code_closed"
    added = registry.add_device("10.0.0.2", "phone", "nl")
    assert added is not None
    device, token = added
    assert registry.device(token) is device and len(token) >= 32
    assert registry.device(token + "x") is None


def test_bucket_allows_a_burst_then_the_rate() -> None:
    bucket = Bucket(rate=2.0, burst=5.0)
    assert [bucket.allow(0.0) for _ in range(7)] == [True] * 5 + [False] * 2
    assert bucket.allow(0.5) is True and bucket.allow(0.5) is False


def test_an_action_outside_the_open_activity_changes_nothing() -> None:
    session = demo_session()
    before = session.model_dump_json()
    me = session.participants[0].id
    cards = Activity(ActivityKind.CARDS, serial=1)
    assert isinstance(plan(session, cards, me, Dot(kind="dot", card_id="k-1", delta=1),
                           "en"), Refused)
    consent = Activity(ActivityKind.CONSENT, subject_id=session.principles[0].id, serial=2)
    wrong = Consent(kind="consent", subject_id=session.principles[1].id, decision="consent")
    assert isinstance(plan(session, consent, me, wrong, "nl"), Refused)
    assert isinstance(plan(session, cards, "nobody", AddCard(kind="add_card", text="x"),
                           "nl"), Refused)
    assert session.model_dump_json() == before
    made = plan(session, cards, me, AddCard(kind="add_card", text="  <b>x</b> "), "en")
    assert isinstance(made, Planned)
    made.mutate(session)
    assert session.ambition.cards[-1].text == "<b>x</b>"
    assert session.ambition.cards[-1].author_id == me


def test_a_phone_sees_only_its_own_interests() -> None:
    session = demo_session()
    me, other = session.participants[0].id, session.participants[1].id
    state = phone_state(session, Activity(ActivityKind.INTERESTS, serial=1), me, "nl")
    theirs = {i.text for i in session.interests.items if i.participant_id == other}
    mine = {i.text for i in session.interests.items if i.participant_id == me}
    shown = {i["text"] for i in state["mine"]}
    assert shown == mine and not shown & theirs
    assert other not in str(state)


def test_envelopes_refuse_unknown_fields_and_long_texts() -> None:
    import pytest
    from pydantic import ValidationError

    good = {"id": "abcdefgh", "activity": "cards-1",
            "action": {"kind": "add_card", "text": "ok"}}
    Envelope.model_validate(good)
    for bad in ({**good, "participant_id": "p-1"},
                {**good, "action": {"kind": "add_card", "text": "x" * 281}},
                {**good, "id": "short"},
                {**good, "action": {"kind": "add_card", "text": "   "}},
                {**good, "action": {"kind": "delete_session"}}):
        with pytest.raises(ValidationError):
            Envelope.model_validate(bad)


def test_every_phones_page_from_one_look_is_that_phones_page_alone() -> None:
    """The pages of all phones are worked out together (what they share once); each is
    exactly the page of its own participant, and one's dots never show on another's."""
    from workshop.domain.model import Card, Vote
    from workshop.room.views import Pages

    session = demo_session()
    people = [p.id for p in session.participants if p.present]
    a = session.ambition
    a.cards += [Card(id=f"k-t{n}", text=f"Kaart {n}", author_id=people[n % 3])
                for n in range(9)]
    a.votes += [Vote(participant_id=people[0], card_id="k-t1", dots=2),
                Vote(participant_id=people[1], card_id="k-t2", dots=1)]
    for serial, kind in enumerate((ActivityKind.CARDS, ActivityKind.DOTS,
                                   ActivityKind.INTERESTS), 1):
        activity = Activity(kind, serial=serial)
        pages = Pages(session, activity)
        for pid in people:
            for lang in ("nl", "en"):
                assert pages.state(pid, lang) == phone_state(session, activity, pid, lang)
    dots = Pages(session, Activity(ActivityKind.DOTS, serial=9))
    for pid in people:  # in the order the server asks: no page takes another's dots
        given = {v.card_id: v.dots for v in a.votes if v.participant_id == pid}
        page = dots.state(pid, "en")
        assert {c["id"]: c["dots"] for c in page["cards"] if c["dots"]} == given
        assert page["used"] == sum(given.values())
    assert dots.state(people[0], "en")["cards"][-8]["dots"] == 2  # k-t1


def test_compact_pages_for_the_server_process_expand_to_the_same_pages() -> None:
    """What the app sends the server process (the cards to vote on once, each page
    naming them) becomes, in the server, exactly the page of each phone."""
    from workshop.domain.model import Card, Vote
    from workshop.room.views import Pages, expand

    session = demo_session()
    people = [p.id for p in session.participants if p.present]
    session.ambition.cards += [Card(id=f"k-c{n}", text=f"<b>Kaart {n}</b>",
                                    author_id=people[n % 2]) for n in range(5)]
    session.ambition.votes += [Vote(participant_id=people[1], card_id="k-c3", dots=3)]
    for serial, kind in enumerate(ActivityKind, 1):
        activity = Activity(kind, serial=serial)
        full, compact = Pages(session, activity), Pages(session, activity, compact=True)
        for pid in people:
            page = compact.state(pid, "nl")
            cards = page.get("cards")
            ballots = {"b1": cards["ballot"]} if isinstance(cards, dict) else {}
            if ballots:
                page = {**page, "cards": {"ballot": "b1", "dots": cards["dots"]}}
            assert expand(page, ballots) == full.state(pid, "nl")


def test_phones_without_a_name_are_capped_per_address_and_forgotten_after_a_while() -> None:
    import time

    from workshop.room.devices import MAX_UNBOUND_PER_ADDRESS, UNBOUND_TTL

    registry = Registry()
    made = [registry.add_device("10.0.0.5", "phone", "nl")
            for _ in range(MAX_UNBOUND_PER_ADDRESS)]
    assert registry.add_device("10.0.0.5", "phone", "nl") == "address"
    assert isinstance(registry.add_device("10.0.0.6", "phone", "nl"), tuple)
    devices = [m[0] for m in made if isinstance(m, tuple)]
    tokens = [m[1] for m in made if isinstance(m, tuple)]
    assert registry.bind(devices[0], "p-1") == "ok"  # chose a name: a place is free again
    registry.connected(devices[1], +1)  # on the pick list, connected: stays
    assert isinstance(registry.add_device("10.0.0.5", "phone", "nl"), tuple)
    assert registry.sweep(time.time() + UNBOUND_TTL - 5) == 0
    gone = registry.sweep(time.time() + UNBOUND_TTL + 1)
    assert gone == MAX_UNBOUND_PER_ADDRESS + 1 - 2 + 1  # all but the bound and connected
    assert registry.device(tokens[0]) is devices[0]
    assert registry.device(tokens[1]) is devices[1]
    assert registry.device(tokens[2]) is None
    assert len(registry.devices()) == 2
