"""The snapshot a save hands to the worker re-dumps only what edits touched; it must
still be exactly the whole session, after any mix of edits, undo, redo and view
changes. (A save's bytes come from it; ``files.snapshot`` is the reference.)"""

from __future__ import annotations

import random

import pytest
from pydantic import TypeAdapter
from PySide6.QtCore import Qt

from workshop.domain.model import AgreementItem, Card, ConsentRecord, Decision, Session, Step
from workshop.storage import files
from workshop.ui import document as document_module
from workshop.ui.document import EditRejected, SessionDocument


def _edits(rng: random.Random) -> list[tuple[str, tuple[str, ...], object]]:
    n = rng.randrange(1_000_000)

    def rename(s: Session) -> None:
        s.details.name = f"Regio {n}"

    def card(s: Session) -> None:
        s.ambition.cards.append(Card(id=f"c-r{n}", text=f"kaart {n}"))

    def statement(s: Session) -> None:
        s.ambition.statement = f"Samen {n}"

    def principle(s: Session) -> None:
        s.principles.append(AgreementItem(id=f"pr-r{n}", text=f"Principe {n}"))

    def drop_principle(s: Session) -> None:
        s.principles = [p for p in s.principles if not p.id.startswith("pr-r")][:1] + [
            p for p in s.principles if not p.id.startswith("pr-r")][1:]  # ours go

    def retype(s: Session) -> None:  # the list stays, one element changes
        if s.ambition.cards:
            at = n % len(s.ambition.cards)
            s.ambition.cards[at] = s.ambition.cards[at].model_copy(
                update={"text": f"anders {n}"})

    def drop_card(s: Session) -> None:
        if s.ambition.cards:
            s.ambition.cards.pop(n % len(s.ambition.cards))

    def decide(s: Session) -> None:  # one decision among many replaced
        present = [p.id for p in s.participants if p.present]
        if not (s.principles and present):
            return
        subject, who = s.principles[n % len(s.principles)].id, present[n % len(present)]
        s.consents[:] = [r for r in s.consents
                         if (r.subject_id, r.participant_id) != (subject, who)]
        s.consents.append(ConsentRecord(subject_id=subject, participant_id=who,
                                        decision=list(Decision)[n % 2], note=f"n{n}"))

    return [("rename", ("details",), rename), ("card", ("ambition.cards",), card),
            ("statement", ("ambition",), statement), ("principle", ("principles",), principle),
            ("drop", ("principles",), drop_principle),
            ("retype", ("ambition.cards",), retype), ("drop card", ("ambition.cards",),
                                                      drop_card),
            ("decide", ("consents",), decide)]


def test_the_incremental_snapshot_is_always_the_whole_session(
        document: SessionDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document_module, "FULL_SNAPSHOT_S", 1e9)  # no safety net here
    rng = random.Random(14)
    encoder = files.SnapshotEncoder()  # the worker's: re-encodes only changed fields
    assert document._freeze() == files.snapshot(document.session)
    steps = [Step.AMBITION, Step.PRINCIPLES, Step.ROADMAP]
    for _ in range(240):
        action = rng.random()
        if action < 0.6:
            label, areas, mutate = rng.choice(_edits(rng))
            try:
                document.edit(label, areas, mutate)  # type: ignore[arg-type]
            except EditRejected:
                pass  # refused edits change nothing: the snapshot must say so too
        elif action < 0.75:
            document.undo_stack.undo()
        elif action < 0.9:
            document.undo_stack.redo()
        else:
            document.set_view(current_step=rng.choice(steps))
        if rng.random() < 0.5:  # saves happen between some edits, not after every one
            frozen = document._freeze()
            assert frozen == files.snapshot(document.session)
            assert encoder.dumps(frozen) == files.dumps(document.session)
    assert document._freeze() == files.snapshot(document.session)
    frozen = document._freeze()
    assert files.dumps_snapshot(frozen) == files.dumps(document.session)


def test_an_edit_that_hides_what_it_touched_is_caught_by_the_full_snapshot(
        document: SessionDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bookkeeping matters (this test can fail), and the safety net holds: flush
    always saves the whole session."""
    monkeypatch.setattr(document_module, "FULL_SNAPSHOT_S", 1e9)
    document._freeze()

    def sneaky(s: Session) -> None:
        s.details.name = "Gezien"
        s.ambition.statement = "Verborgen"  # not declared

    document.edit("sneaky", ("details",), sneaky)
    assert document._freeze() != files.snapshot(document.session)
    assert document.flush()
    assert document.path is not None
    assert files.load_session(document.path).ambition.statement == "Verborgen"


def test_the_safety_net_freezes_every_field_again_one_at_a_time(
        document: SessionDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    """Within ``FULL_SNAPSHOT_S`` every field is frozen again, one in turn per save (not
    the whole session in one go on the UI thread): a hidden change reaches the file."""
    monkeypatch.setattr(document_module, "FULL_SNAPSHOT_S", 0.0)  # one field every save
    document._freeze()

    def sneaky(s: Session) -> None:
        s.details.name = "Gezien"
        s.ambition.statement = "Verborgen"  # not declared

    document.edit("sneaky", ("details",), sneaky)
    fields = document_module.ROLLING_FIELDS
    frozen = [document._freeze() for _ in fields]
    whole = files.snapshot(document.session)
    turn = fields.index("ambition")
    assert all(f["ambition"]["statement"] != "Verborgen" for f in frozen[:turn])
    assert all(f == whole for f in frozen[turn:])
    assert files.dumps_snapshot(frozen[-1]) == files.dumps(document.session)


def test_the_safety_net_reads_the_session_not_the_edits_snapshots(
        document: SessionDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    """A list an edit left a snapshot of is saved from that snapshot, element by element
    (``_json_of``); the safety net's field in turn is read from the session itself, so a
    hidden change to such a list reaches the file too."""
    monkeypatch.setattr(document_module, "FULL_SNAPSHOT_S", 1e9)
    document._freeze()
    document.edit("principle", ("principles",), lambda s: s.principles.append(
        AgreementItem(id="pr-net", text="Gezien")))
    assert document._freeze() == files.snapshot(document.session)

    def sneaky(s: Session) -> None:
        s.details.name = "Gezien"
        s.principles[-1].text = "Verborgen"  # not declared

    document.edit("sneaky", ("details",), sneaky)
    document.edit("principle", ("principles",),  # a snapshot after it: it is in there
                  lambda s: s.principles.append(AgreementItem(id="pr-net2", text="Ook")))
    assert document._freeze() == files.snapshot(document.session)

    def sneakier(s: Session) -> None:
        s.details.name = "Nog eens"
        s.principles[-1].text = "Verborgen"  # not declared, after the last snapshot

    document.edit("sneakier", ("details",), sneakier)
    document.edit("principle", ("principles",),  # this one's snapshot: still it
                  lambda s: s.principles.append(AgreementItem(id="pr-net3", text="Nog")))
    assert document._freeze() == files.snapshot(document.session)
    document.edit("sneakiest", ("details",), lambda s: (
        setattr(s.details, "name", "Tot slot"), setattr(s.principles[0], "text", "Stil")))
    assert document._freeze() != files.snapshot(document.session)
    monkeypatch.setattr(document_module, "FULL_SNAPSHOT_S", 0.0)  # one field every save
    fields = document_module.ROLLING_FIELDS
    frozen = [document._freeze() for _ in fields]
    turn = fields.index("principles")
    assert all(f == files.snapshot(document.session) for f in frozen[turn:])


def test_the_workers_encoder_lets_other_threads_in_and_writes_the_same_bytes() -> None:
    """The save worker's encoder pauses between its small encodings (``files.Pause``) so
    the UI thread gets Python's lock at once; the file's bytes are the same."""
    from samples import large_session

    session = large_session()
    paused: list[int] = []
    encoder = files.SnapshotEncoder(pause=lambda: paused.append(1))
    assert encoder.dumps(files.snapshot(session)) == files.dumps(session)
    assert len(paused) > 100  # between the chunks of cards, consents, actions...
    timed = files.Pause(every=0.0)  # always: a rest each time
    assert files.SnapshotEncoder(pause=timed).dumps(files.snapshot(session)) == \
        files.dumps(session)


def test_the_first_save_is_prepared_while_nobody_edits(
        monkeypatch: pytest.MonkeyPatch, make_document: object, qtbot: object) -> None:
    """A while after opening, the document freezes the session and the save worker
    encodes it (``prepare_saving``); the first save after an edit then encodes only the
    field the edit touched, and its bytes are the whole session's as ever."""
    from pytestqt.qtbot import QtBot

    from workshop.ui.pages.ambition.page import AmbitionPage

    assert isinstance(qtbot, QtBot)
    monkeypatch.setattr(document_module, "PREPARE_SAVING_MS", 10)
    encoded: list[tuple[str, ...]] = []
    original = files.SnapshotEncoder._field

    def field(self: files.SnapshotEncoder, path: tuple[str, ...], value: object) -> bytes:
        found = self._cache.get(path)
        if not (found is not None and found[0] is value):
            encoded.append(path)
        return original(self, path, value)

    monkeypatch.setattr(files.SnapshotEncoder, "_field", field)
    document = make_document()  # type: ignore[operator]
    saver = document.autosaver
    qtbot.waitUntil(lambda: saver._prepared and saver.worker.idle, timeout=3000)
    assert ("participants",) in encoded and ("ambition",) in encoded  # all of it
    assert not document.is_modified()
    encoded.clear()
    page = AmbitionPage(document)
    qtbot.addWidget(page)
    page.refresh(frozenset())
    page.show()
    qtbot.waitExposed(page)
    qtbot.keyClicks(page.entry, "Een kaart na het openen")
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert document.is_modified()
    qtbot.waitUntil(lambda: not document.is_modified(), timeout=10_000)  # autosaved
    assert [p for p in encoded if len(p) == 1] == [("ambition",)]  # only what changed
    assert files.load_session(saver.path).model_dump() == document.session.model_dump()
    assert saver.path.read_bytes() == files.dumps(document.session)


def test_the_safety_net_waits_for_a_pause_in_editing(
        document: SessionDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    """The field in turn is read from the session in a pause of editing, not in the
    middle of typing (a whole field can take 20 ms, felt in a keystroke); without any
    pause it waits ``FULL_SNAPSHOT_S`` longer at most."""
    fields = document_module.ROLLING_FIELDS
    monkeypatch.setattr(document_module, "FULL_SNAPSHOT_S", float(len(fields)))  # 1 s each
    now = [1_000.0]
    monkeypatch.setattr(document_module, "_clock", lambda: now[0])
    document._freeze()
    document.edit("sneaky", ("details",), lambda s: (
        setattr(s.details, "name", "Gezien"), setattr(s.agenda[0], "minutes", 7)))

    def type_for(seconds: float) -> list[dict[str, object]]:
        """An edit every 0.2 s, a save (as the autosave's at most every second) each 1 s."""
        frozen = []
        for tick in range(round(seconds / 0.2)):
            now[0] += 0.2
            document.edit("type", ("details",),
                          lambda s, t=tick: setattr(s.details, "name", f"Regio {t}"))
            if tick % 5 == 4:
                frozen.append(document._freeze())
        return frozen

    typed = type_for(10.0)
    assert all(f["agenda"][0]["minutes"] != 7 for f in typed)  # nothing read again
    now[0] += document_module.ROLL_PAUSE_S  # a pause: the fields in turn, one a second
    in_pause = [document._freeze()]
    for _ in fields[1:]:
        now[0] += 1.0
        in_pause.append(document._freeze())
    turn = fields.index("agenda")
    assert in_pause[turn]["agenda"][0]["minutes"] == 7
    assert in_pause[-1] == files.snapshot(document.session)

    document.edit("sneaky", ("details",), lambda s: (
        setattr(s.details, "name", "Weer"), setattr(s.agenda[0], "minutes", 8)))
    typed = type_for(len(fields) * (len(fields) + 1.0) + 2)  # non-stop: late, not never
    assert typed[-1]["agenda"][0]["minutes"] == 8
    assert typed[-1] == files.snapshot(document.session)


def test_the_workers_encoder_encodes_what_edits_made_not_whole_lists(
        make_document: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the large session, a save after a decision, a card added, retyped or dropped
    encodes that record (the list's other elements are the same objects, their text
    kept), and its bytes are the whole session's; after an undo, and when the safety
    net reads a list whole from the session, too."""
    from samples import large_session

    from workshop.domain import diagnostics as dg
    from workshop.domain.model import Condition

    document = make_document(large_session(), "large")  # type: ignore[operator]
    monkeypatch.setattr(document_module, "FULL_SNAPSHOT_S", 1e9)
    encoder = files.SnapshotEncoder()
    assert encoder.dumps(document._freeze()) == files.dumps(document.session)
    real = files._ENCODE
    encoded: list[int] = []

    def counting(value: object) -> str:
        text = real(value)
        encoded.append(len(text))
        return text

    monkeypatch.setattr(files, "_ENCODE", counting)
    rng = random.Random(5)
    kinds = ("decide", "card", "retype", "drop card")
    for label, areas, mutate in _edits(rng):  # each list's first save encodes it whole
        if label in kinds:
            document.edit(label, areas, mutate)  # type: ignore[arg-type]
    assert encoder.dumps(document._freeze()) == files.dumps(document.session)
    moment, people = document.session.diagnostics.moments[-1].id, document.session.participants
    for step in range(16):
        label, areas, mutate = rng.choice([e for e in _edits(rng) if e[0] in kinds])
        document.edit(label, areas, mutate)  # type: ignore[arg-type]
        if step % 3 == 2:  # the diagnostics are dumped whole for a save: encoded whole
            saved = encoder.dumps(document._freeze())
            assert saved == files.dumps(document.session)
            who, condition, value = people[step].id, list(Condition)[step % 3], 1 + step % 5
            document.edit("score", ("diagnostics",), lambda s, w=who, c=condition, v=value:
                          dg.set_score(s, moment, w, c, v))
            assert encoder.dumps(document._freeze()) == files.dumps(document.session)
        undone = step % 5 == 4
        if undone:
            document.undo_stack.undo()
        encoded.clear()
        saved = encoder.dumps(document._freeze())
        if not undone:  # the file is ~1 MB; the decisions ~300 kB, the cards ~200 kB
            assert sum(encoded) < 5_000, (step, label, sum(encoded))
        assert saved == files.dumps(document.session)
    monkeypatch.setattr(document_module, "FULL_SNAPSHOT_S", 0.0)  # the net, each save
    for _ in document_module.ROLLING_FIELDS:
        assert encoder.dumps(document._freeze()) == files.dumps(document.session)
    monkeypatch.setattr(document_module, "FULL_SNAPSHOT_S", 1e9)
    dumped: list[int] = []  # records dumped to JSON for a save, on the window's thread
    real_dump = TypeAdapter.dump_python

    def counting_dump(self: TypeAdapter[object], value: object, *args: object,
                      **kwargs: object) -> object:
        if kwargs.get("mode") == "json" and isinstance(value, list):
            dumped.append(len(value))
        return real_dump(self, value, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(TypeAdapter, "dump_python", counting_dump)
    document.edit(*_edits(rng)[-1])  # type: ignore[arg-type]  # a decision after it
    assert encoder.dumps(document._freeze()) == files.dumps(document.session)
    assert sum(dumped) <= 2, dumped  # the net's whole reads left the others' forms kept


def test_the_workers_encoder_keeps_hostile_text_and_refuses_what_cannot_be_written() -> None:
    """Markup, emoji, right-to-left and long texts in a long list come out as the
    reference writes them, element texts kept or not; a lone surrogate is refused with
    ``ValueError`` (the save's error), and the next save is whole and right."""
    hostile = ["<b>&amp;</b>", "🤝🏽 samen", "שלום عليكم", "x" * 100_000, '"\\\n\t']
    cards = [{"id": f"c{i}", "text": hostile[i % len(hostile)]} for i in range(100)]
    data = {"format": "workshop", "ambition": {"cards": cards, "statement": "🙂"}}
    encoder = files.SnapshotEncoder()
    assert encoder.dumps(data) == files.dumps_snapshot(data)
    cards = [*cards[:50], {"id": "new", "text": "nieuw ✓"}, *cards[50:]]
    data = {**data, "ambition": {**data["ambition"], "cards": cards}}
    assert encoder.dumps(data) == files.dumps_snapshot(data)
    broken = {**data, "ambition": {**data["ambition"],
                                   "cards": [*cards, {"id": "bad", "text": "\ud800"}]}}
    with pytest.raises(ValueError):
        encoder.dumps(broken)
    cards = cards[1:]
    data = {**data, "ambition": {**data["ambition"], "cards": cards}}
    assert encoder.dumps(data) == files.dumps_snapshot(data)


def test_the_long_lists_forms_are_made_ahead_in_a_pause(
        make_document: object, monkeypatch: pytest.MonkeyPatch, qtbot: object) -> None:
    """A while after opening, in pauses of editing, the document makes each long list's
    snapshot and its elements' JSON forms; the first decision after opening the large
    session then dumps the records it made, for the undo step and for the save (it
    dumped all 2,080 twice, 10-15 ms of the window's thread), and the save's bytes are
    the whole session's."""
    from pytestqt.qtbot import QtBot
    from samples import large_session

    from workshop.domain import consent
    from workshop.ui.editing import try_edit

    assert isinstance(qtbot, QtBot)
    monkeypatch.setattr(document_module, "PREPARE_SAVING_MS", 10)
    document = make_document(large_session(), "large")  # type: ignore[operator]
    assert isinstance(document, SessionDocument)
    saver = document.autosaver
    assert saver is not None
    qtbot.waitUntil(lambda: saver._prepared and not document._ahead, timeout=10_000)
    assert {"consents", "ambition.cards", "interests.items"} <= set(document._json_elements)
    dumped: list[tuple[str, int]] = []  # (mode, records) of every list dumped
    real_dump = TypeAdapter.dump_python

    def counting_dump(self: TypeAdapter[object], value: object, *args: object,
                      **kwargs: object) -> object:
        if isinstance(value, list):
            dumped.append((str(kwargs.get("mode", "python")), len(value)))
        return real_dump(self, value, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(TypeAdapter, "dump_python", counting_dump)
    session = document.session
    subject = session.principles[3].id
    who = next(p.id for p in session.participants if p.present)
    assert try_edit(document, "Consent", consent.decide, subject, who, Decision.OBJECTION)
    qtbot.waitUntil(lambda: not document.is_modified(), timeout=10_000)  # autosaved
    assert sum(n for _mode, n in dumped) <= 4, dumped
    assert saver.path.read_bytes() == files.dumps(document.session)
