"""The consent round widget, driven by the keys a facilitator presses during the round."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from samples import demo_session, large_session

from workshop.domain.consent import outcome
from workshop.domain.model import (
    AGREEMENT_SUBJECT,
    AMBITION_SUBJECT,
    ConsentRecord,
    Decision,
    ObjectionResolution,
    Outcome,
    Participant,
    Session,
)
from workshop.i18n import set_language
from workshop.ui.consent.round import ConsentRoundWidget
from workshop.ui.document import SessionDocument

Saved = Callable[[SessionDocument], Session]
PRESENT = ["p-anna", "p-joost", "p-fatima", "p-ruud", "p-ingrid", "p-mehmet", "p-els",
           "p-gerda"]


def _round(qtbot: QtBot, document: SessionDocument, subject: str = AGREEMENT_SUBJECT
           ) -> ConsentRoundWidget:
    widget = ConsentRoundWidget(document, subject)
    qtbot.addWidget(widget)
    widget.resize(700, 600)
    widget.show()
    qtbot.waitExposed(widget)
    if subject:
        widget.table.setFocus()
        qtbot.waitUntil(widget.table.hasFocus)
    return widget


def _records(session: Session, subject: str = AGREEMENT_SUBJECT) -> dict[str, ConsentRecord]:
    return {r.participant_id: r for r in session.consents if r.subject_id == subject}


def _dump(document: SessionDocument) -> dict[str, Any]:
    return document.session.model_dump()


def test_lists_present_participants_and_starts_at_the_first_without_a_decision(
        qtbot: QtBot, document: SessionDocument) -> None:
    widget = _round(qtbot, document, "sr-informatie")  # anna, joost, fatima have spoken
    assert [r.participant_id for r in widget.model.rows] == PRESENT  # Henk is absent
    assert widget.current_participant_id() == "p-ruud"
    assert "Round in progress" in widget.outcome_label.text()
    assert "Not yet: 5" in widget.tally_label.text()


def test_a_whole_round_by_keys_with_an_objection_resolved_by_amending(
        qtbot: QtBot, document: SessionDocument, saved: Saved) -> None:
    widget = _round(qtbot, document)
    assert widget.current_participant_id() == "p-anna"
    assert "Open" in widget.outcome_label.text()

    qtbot.keyClick(widget.table, "1")  # Anna consents, on to Joost
    assert widget.current_participant_id() == "p-joost"
    qtbot.keyClick(widget.table, "2")  # Joost has a concern: the note opens for him
    assert widget.note_edit.hasFocus()
    assert "Joost Bakker" in widget.note_label.text()
    qtbot.keyClicks(widget.note_edit, "Te weinig tijd voor de achterban")
    qtbot.keyClick(widget.note_edit, Qt.Key.Key_Return)  # back to the list, on to Fatima
    assert widget.table.hasFocus()
    assert widget.current_participant_id() == "p-fatima"
    qtbot.keyClick(widget.table, "3")  # Fatima objects
    qtbot.keyClicks(widget.note_edit, "Eerst de clientenraad horen")
    qtbot.keyClick(widget.note_edit, Qt.Key.Key_Return)
    qtbot.keyClick(widget.table, "r")  # everyone else consents
    assert "Objection standing" in widget.outcome_label.text()
    assert "Fatima El Amrani" in widget.objection_label.text()
    assert widget.objection_label.isVisible()

    records = _records(saved(document))
    assert set(records) == set(PRESENT)
    assert records["p-joost"].decision is Decision.CONCERN
    assert records["p-joost"].note == "Te weinig tijd voor de achterban"
    assert records["p-fatima"].decision is Decision.OBJECTION
    assert records["p-fatima"].resolution is ObjectionResolution.STANDING
    assert outcome(saved(document), AGREEMENT_SUBJECT) is Outcome.OBJECTED

    qtbot.keyClick(widget.table, Qt.Key.Key_Home)
    qtbot.keyClick(widget.table, Qt.Key.Key_Down)
    qtbot.keyClick(widget.table, Qt.Key.Key_Down)
    assert widget.current_participant_id() == "p-fatima"
    qtbot.keyClick(widget.table, "a")  # the text was amended: objection resolved
    assert "Agreed" in widget.outcome_label.text()
    assert "(1 resolved)" in widget.tally_label.text()
    assert not widget.objection_label.isVisible()
    on_disk = saved(document)
    fatima = _records(on_disk)["p-fatima"]
    assert fatima.decision is Decision.OBJECTION
    assert fatima.resolution is ObjectionResolution.AMENDED
    assert fatima.note == "Eerst de clientenraad horen"  # kept through the resolution
    assert outcome(on_disk, AGREEMENT_SUBJECT) is Outcome.AGREED
    assert widget.model.data(widget.model.index(2, 2)) == "Objection: Resolved by amending"
    # The response column is sized once for the decisions; this longer response is
    # elided there and whole in its tooltip, so the note keeps its room.
    shown = widget.table.fontMetrics().horizontalAdvance("Consent")
    assert widget.table.columnWidth(2) > shown
    assert widget.model.data(widget.model.index(2, 2), Qt.ItemDataRole.ToolTipRole) == (
        "Objection: Resolved by amending")


def test_dutch_initials_and_captions(qtbot: QtBot, document: SessionDocument,
                                     saved: Saved) -> None:
    set_language("nl")
    widget = _round(qtbot, document, AMBITION_SUBJECT)
    captions = [b.text() for b in widget.decision_buttons.values()]
    assert captions == ["1 / I: Instemming", "2 / B: Bedenking", "3 / Z: Bezwaar"]
    document.undo_stack.clear()
    # The demo's ambition already has everyone's consent; walk it again with letters.
    qtbot.keyClick(widget.table, "b")
    qtbot.keyClick(widget.note_edit, Qt.Key.Key_Escape)  # no note; stay on Anna
    assert widget.current_participant_id() == "p-anna"
    qtbot.keyClick(widget.table, Qt.Key.Key_Down)
    qtbot.keyClick(widget.table, "z")
    qtbot.keyClick(widget.note_edit, Qt.Key.Key_Return)
    qtbot.keyClick(widget.table, "i")
    records = _records(saved(document), AMBITION_SUBJECT)
    assert records["p-anna"].decision is Decision.CONCERN
    assert records["p-joost"].decision is Decision.OBJECTION
    assert records["p-fatima"].decision is Decision.CONSENT
    assert "Bezwaar staat" in widget.outcome_label.text()
    assert document.undo_stack.count() == 2  # Fatima's consent was there already


def test_each_decision_is_one_undo_step_restoring_the_exact_session(
        qtbot: QtBot, document: SessionDocument) -> None:
    widget = _round(qtbot, document)
    states = [_dump(document)]
    for key in ("1", "3"):
        qtbot.keyClick(widget.table, key)
        states.append(_dump(document))
    qtbot.keyClicks(widget.note_edit, "Nee")  # three keystrokes, one undo step
    qtbot.keyClick(widget.note_edit, Qt.Key.Key_Escape)
    states.append(_dump(document))
    qtbot.keyClick(widget.table, "w")  # withdrawn
    states.append(_dump(document))
    qtbot.keyClick(widget.table, "w")  # and standing again
    states.append(_dump(document))
    qtbot.keyClick(widget.table, "0")  # cleared
    states.append(_dump(document))
    qtbot.keyClick(widget.table, "r")
    states.append(_dump(document))
    assert all(a != b for a, b in zip(states, states[1:], strict=False))
    stack = document.undo_stack
    for expected in reversed(states[:-1]):
        stack.undo()
        assert _dump(document) == expected
    for expected in states[1:]:
        stack.redo()
        assert _dump(document) == expected
    assert widget.model.rows[0].record is not None  # the view followed the undo/redo


def test_withdrawn_and_keys_that_do_not_apply(qtbot: QtBot, document: SessionDocument,
                                              saved: Saved) -> None:
    widget = _round(qtbot, document)
    messages: list[str] = []
    widget.sig_message.connect(messages.append)
    qtbot.keyClick(widget.table, "n")  # no decision yet: no note
    assert messages[-1] == "Record a decision for Anna de Vries first: 1, 2 or 3."
    assert widget.table.hasFocus()
    qtbot.keyClick(widget.table, "a")
    assert messages[-1] == "Only an objection can be resolved."
    before = len(document.session.consents)
    qtbot.keyClick(widget.table, "x")  # a stray letter does nothing, does not jump
    assert widget.current_participant_id() == "p-anna"
    assert len(document.session.consents) == before
    qtbot.keyClick(widget.table, "3")
    qtbot.keyClick(widget.note_edit, Qt.Key.Key_Escape)
    qtbot.keyClick(widget.table, "w")
    assert _records(saved(document))["p-anna"].resolution is ObjectionResolution.WITHDRAWN
    assert "Round in progress" in widget.outcome_label.text()


def test_buttons_do_the_same_and_leave_the_focus_in_the_list(
        qtbot: QtBot, document: SessionDocument, saved: Saved) -> None:
    widget = _round(qtbot, document)
    qtbot.mouseClick(widget.decision_buttons[Decision.CONSENT], Qt.MouseButton.LeftButton)
    assert widget.table.hasFocus()
    assert widget.current_participant_id() == "p-joost"
    qtbot.mouseClick(widget.decision_buttons[Decision.OBJECTION], Qt.MouseButton.LeftButton)
    assert widget.note_edit.hasFocus()
    qtbot.mouseClick(widget.amended_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.rest_button, Qt.MouseButton.LeftButton)
    records = _records(saved(document))
    assert records["p-joost"].resolution is ObjectionResolution.AMENDED
    assert outcome(saved(document), AGREEMENT_SUBJECT) is Outcome.AGREED


def test_subject_signal_and_subject_switch(qtbot: QtBot, document: SessionDocument) -> None:
    widget = _round(qtbot, document, "")
    assert not widget.table.isEnabled()
    with qtbot.waitSignal(widget.sig_subject) as blocker:
        widget.set_subject("pr-oog")
    assert blocker.args == ["pr-oog"]
    assert widget.table.isEnabled()
    assert "Agreed" in widget.outcome_label.text()
    assert "Concern: 1" in widget.tally_label.text()
    els = [r for r in widget.model.rows if r.participant_id == "p-els"][0]
    assert els.record is not None and els.record.note.startswith("Samen een oplossing")
    widget.set_subject("no-such-item")
    assert not widget.table.isEnabled()


def test_absent_participant_with_a_decision_is_shown(qtbot: QtBot,
                                                     make_document: Callable[..., Any]) -> None:
    session = demo_session()
    session.consents.append(ConsentRecord(subject_id=AGREEMENT_SUBJECT, participant_id="p-henk",
                                          decision=Decision.OBJECTION))
    document = make_document(session)
    widget = _round(qtbot, document)
    assert widget.model.rows[-1].participant_id == "p-henk"
    assert widget.model.data(widget.model.index(len(PRESENT), 0)) == "Henk Mulder (absent)"
    assert "Objection standing" in widget.outcome_label.text()


def test_hostile_text_is_shown_as_typed(qtbot: QtBot, make_document: Callable[..., Any],
                                        saved: Saved) -> None:
    session = demo_session()
    name = "<b>Jan</b> \u202eRTL 🙂 & co"
    session.participants.insert(0, Participant(id="p-x", name=name, organisation="<i>org</i>"))
    long_note = "bezwaar " * 1_240  # 9,920 characters: about the most a note holds
    session.consents.append(ConsentRecord(subject_id=AGREEMENT_SUBJECT, participant_id="p-x",
                                          decision=Decision.OBJECTION, note=long_note))
    document = make_document(session)
    widget = _round(qtbot, document)
    qtbot.keyClick(widget.table, Qt.Key.Key_Home)
    assert widget.model.data(widget.model.index(0, 0)) == name
    assert widget.objection_label.textFormat() == Qt.TextFormat.PlainText
    assert name in widget.objection_label.text()
    assert widget.note_edit.text() == long_note  # not cut at QLineEdit's default 32,767
    qtbot.keyClick(widget.table, "n")
    qtbot.keyClick(widget.note_edit, Qt.Key.Key_End)
    qtbot.keyClicks(widget.note_edit, "!")
    assert _records(saved(document))["p-x"].note == long_note + "!"


def test_a_decision_in_a_large_session_changes_only_its_row(
        qtbot: QtBot, make_document: Callable[..., Any]) -> None:
    """How fast: tests/bench/bench_pages.py. Here: the other 39 rows are left alone."""
    session = large_session()
    assert len(session.consents) >= 2_000
    document = make_document(session, name="large")
    subject = session.principles[0].id
    widget = _round(qtbot, document, subject)
    events: list[tuple[int, int]] = []
    widget.model.modelReset.connect(lambda: events.append((-1, -1)))
    widget.model.dataChanged.connect(lambda a, b, _roles: events.append((a.row(), b.row())))
    row = widget.table.currentIndex().row()
    person = widget.model.rows[row].participant_id
    before = widget.model.rows[row].record
    # Always a real change: consent (on to the next), or a concern where that was given.
    concern = before is not None and before.decision is Decision.CONSENT
    qtbot.keyClick(widget.table, "2" if concern else "1")
    assert events == [(row, row)]
    decided = _records(document.session, subject)[person].decision
    assert decided is (Decision.CONCERN if concern else Decision.CONSENT)
    assert widget.table.currentIndex().row() == (row if concern else row + 1)


def test_the_note_has_room_at_1366x768_in_dutch(qtbot: QtBot, document: SessionDocument
                                                 ) -> None:
    """The round beside the list on a laptop screen: the note column is not squeezed by
    the response column (a resolved objection's long words are elided there instead)."""
    from workshop.domain.model import Step
    from workshop.ui.main_window import MainWindow

    set_language("nl")
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.go_to(Step.PRINCIPLES)
    table = window.pages[Step.PRINCIPLES].round.table  # type: ignore[attr-defined]
    header = table.horizontalHeader()
    note = header.sectionSize(3)
    assert note >= 220, note
    assert header.sectionPosition(3) + note <= table.viewport().width() + 1
    assert header.sectionSize(2) < note
