"""The facilitator's window: steps, time box, save state, title, language, closing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from samples import demo_session

from workshop.domain.model import Session, Step
from workshop.domain.readiness import Finding
from workshop.i18n import set_language
from workshop.storage.files import load_session
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import STEPS, MainWindow
from workshop.ui.pages.signing.dialog import SigningDialog
from workshop.ui.pages.signing.page import SigningPage
from workshop.ui.timer import StepClock, format_seconds

Factory = Callable[..., SessionDocument]


def open_window(qtbot: QtBot, document: SessionDocument | None) -> MainWindow:
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_start_screen_when_no_session_is_open(qtbot: QtBot) -> None:
    window = open_window(qtbot, None)
    assert window.centralWidget().currentWidget() is window.start_screen
    assert window.windowTitle() == "Workshop"
    assert not window.save_as_action.isEnabled()


def test_navigator_lists_every_step_with_state_and_time_box(qtbot: QtBot,
                                                            document: SessionDocument) -> None:
    window = open_window(qtbot, document)
    texts = [window.navigator.item(i).text() for i in range(window.navigator.count())]
    assert len(texts) == len(STEPS) == 8
    minutes = {a.step: a.minutes for a in document.session.agenda}
    assert texts[0].startswith("1. Preparation") and f"{minutes[Step.PREPARATION]} min" in texts[0]
    # the demo's preparation is complete, but the table has not agreed it yet
    assert "filled in" in texts[0] and "agreed" not in texts[0]
    assert "agreed" in texts[1]  # the ambition passed its consent round
    assert "not started" in texts[-1]  # nobody signed the demo yet


def test_next_and_previous_step_by_keyboard(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document)
    window.go_to(Step.PREPARATION)
    window.next_action.trigger()
    assert window.current_step() is Step.AMBITION
    assert "Step 2: Shared ambition" == window.step_title.text()
    assert document.session.view.current_step is Step.AMBITION
    window.previous_action.trigger()
    assert window.current_step() is Step.PREPARATION
    window.go_to(Step.SIGNING)
    window.next_action.trigger()  # no step after signing
    assert window.current_step() is Step.SIGNING


def test_title_marks_unsaved_changes_and_status_says_saved(
        qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document)
    assert document.session.details.name in window.windowTitle()
    assert not window.isWindowModified()

    def rename(s: Session) -> None:
        s.details.name = "Nieuwe naam"

    document.edit("rename", ("details",), rename)
    assert window.isWindowModified()
    assert "Nieuwe naam" in window.windowTitle()
    assert window.findChild(QLabel, "saveState").text() == "Saving…"
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=5000)  # autosave
    assert window.findChild(QLabel, "saveState").text().startswith("Saved ")
    assert document.path is not None and load_session(document.path).details.name == \
        "Nieuwe naam"


def test_a_failed_save_is_shown_with_what_to_do(qtbot: QtBot, document: SessionDocument,
                                                tmp_path: Path) -> None:
    window = open_window(qtbot, document)
    assert document.path is not None
    original = document.path.read_bytes()
    document.path.unlink()
    document.path.mkdir()  # a folder where the file was: every save fails
    try:
        def rename(s: Session) -> None:
            s.details.name = "Kan niet bewaard"

        document.edit("rename", ("details",), rename)
        assert not document.flush()
        label = window.findChild(QLabel, "saveState")
        assert label.property("kind") == "error"
        assert "Save as" in label.text()
        assert window.isWindowModified()
    finally:
        document.path.rmdir()
        document.path.write_bytes(original)


def test_undo_and_redo_from_the_edit_menu(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document)
    undo, redo = window.edit_menu.actions()[:2]
    before = document.session.model_dump()

    def rename(s: Session) -> None:
        s.details.region = "Elders"

    document.edit("Change region", ("details",), rename)
    assert undo.isEnabled() and "Change region" in undo.text()
    undo.trigger()
    assert document.session.model_dump() == before
    redo.trigger()
    assert document.session.details.region == "Elders"


def test_language_switches_at_once_and_keeps_the_session(qtbot: QtBot,
                                                         document: SessionDocument) -> None:
    window = open_window(qtbot, document)
    window.go_to(Step.ROADMAP)
    before = document.session.model_dump()
    window.switch_language("nl")
    try:
        assert [m.title() for m in window.menuBar().findChildren(type(window.edit_menu))
                if m.title() == "Be&werken"]
        assert window.step_title.text() == "Stap 7: Routekaart"
        assert window.current_step() is Step.ROADMAP
        assert window.navigator.item(0).text().startswith("1. Voorbereiding")
        assert document.session.model_dump() == before
    finally:
        set_language("en")


def test_closing_saves_and_lets_go_of_the_file(qtbot: QtBot, make_document: Factory) -> None:
    document = make_document(demo_session())
    window = open_window(qtbot, document)
    assert document.path is not None
    lock = document.path.with_name(f".{document.path.name}.lock")
    assert lock.exists()

    def rename(s: Session) -> None:
        s.details.venue = "Het gemeentehuis"

    document.edit("venue", ("details",), rename)
    assert window.close_session()
    assert load_session(document.path).details.venue == "Het gemeentehuis"
    assert not lock.exists()
    assert window.centralWidget().currentWidget() is window.start_screen


def test_time_box_counts_down_and_shows_overrun() -> None:
    now = [100.0]
    clock = StepClock(lambda: now[0])
    clock.start()
    now[0] += 65
    assert clock.elapsed() == 65
    clock.switch(Step.AMBITION)  # keeps running for the new step
    now[0] += 10
    assert clock.elapsed() == 10 and clock.elapsed(Step.PREPARATION) == 65
    clock.pause()
    now[0] += 100
    assert clock.elapsed() == 10
    clock.reset()
    assert clock.elapsed() == 0
    assert format_seconds(20 * 60) == "20:00"
    assert format_seconds(-133) == "+02:13"


def test_time_box_widget_follows_the_step(qtbot: QtBot, document: SessionDocument,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(qtbot, document)
    now = [0.0]
    window.timer.clock._clock = lambda: now[0]
    window.go_to(Step.AMBITION)
    minutes = next(a.minutes for a in document.session.agenda if a.step is Step.AMBITION)
    window.timer.toggle()
    now[0] = minutes * 60 + 5
    window.timer.update_display()
    display = window.timer.findChild(QLabel, "timeBoxDisplay")
    assert display.text() == "+00:05"
    assert "b00020" in display.styleSheet()  # overrun in red


def test_void_signatures_are_announced(qtbot: QtBot, document: SessionDocument,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from workshop.ui.pages.signing.dialog import record_signature
    from workshop.ui.pages.signing.pad import SignaturePad

    window = open_window(qtbot, document)
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.set_strokes([])
    from workshop.domain.model import Stroke

    pad.set_strokes([Stroke(points=[(1.0, 1.0, 1.0), (50.0, 50.0, 1.0)])])
    signer = document.session.participants[0]
    record_signature(document, signer, pad)

    def amend(s: Session) -> None:
        s.rules[0].text = "Een andere spelregel"

    document.edit("Edit rule", ("rules",), amend)
    assert window.banner.isVisible()
    assert signer.name in window.banner.text() and "Edit rule" in window.banner.text()
    document.undo_stack.undo()
    assert not window.banner.isVisible()
    # Redone by its key, the change voids the signature again, and says so again
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert document.session.rules[0].text == "Een andere spelregel"
    assert window.banner.isVisible()
    assert signer.name in window.banner.text() and "Edit rule" in window.banner.text()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    assert Qt.TextFormat.PlainText == window.banner.textFormat()


def test_signing_page_leads_to_the_step_that_needs_work_and_to_signing(
        qtbot: QtBot, document: SessionDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.go_to(Step.SIGNING)
    page = window.pages[Step.SIGNING]
    assert isinstance(page, SigningPage)
    page.sig_go_to.emit(Finding(Step.ROADMAP, "warning", "Nobody owns the action.",
                                "a-jaarplannen"))
    assert window.current_step() == Step.ROADMAP
    roadmap = window.pages[Step.ROADMAP]
    table = roadmap.table  # type: ignore[attr-defined]
    assert table.currentIndex().row() >= 0
    assert document.session.roadmap.actions[
        roadmap.proxy.mapToSource(table.currentIndex()).row()].id == "a-jaarplannen"
    opened: list[SigningDialog] = []
    monkeypatch.setattr(SigningDialog, "exec", lambda self: opened.append(self) or 0)
    page.sig_start_signing.emit()
    assert len(opened) == 1 and opened[0].parent() is window


def test_a_scorecard_finding_opens_the_tab_where_it_is_fixed(
        qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    from workshop.domain.readiness import readiness

    session = demo_session()
    session.commitments.clauses = []
    window = MainWindow(make_document(session))
    qtbot.addWidget(window)
    window.go_to(Step.SIGNING)
    findings = [f for f in readiness(session, "en") if f.item_id == "clauses"]
    assert findings, "the demo without clauses lacks closing clauses"
    window.pages[Step.SIGNING].findings_list.sig_chosen.emit(findings[0])
    assert window.current_step() is Step.ORGANISING
    page = window.pages[Step.ORGANISING]
    assert page.tabs.currentWidget() is page.clauses


def _language_action(window: MainWindow, name: str) -> QAction:
    menu = next(m for m in window.menuBar().findChildren(QMenu)
                if name in [a.text() for a in m.actions()])
    return next(a for a in menu.actions() if a.text() == name)


def test_a_language_switch_keeps_what_the_facilitator_was_in_the_middle_of(
        qtbot: QtBot, document: SessionDocument) -> None:
    """The menu says "nothing you entered is lost": a card typed and not yet added, the
    principle chosen in the list, the time box running with its time spent, all stay
    through the switch (every page is built again in the other language)."""
    from workshop.ui.pages.ambition.page import AmbitionPage
    from workshop.ui.pages.items.page import PrinciplesPage

    now = [1000.0]
    window = open_window(qtbot, document)
    window.timer.clock._clock = lambda: now[0]  # the seconds pass when the test says so
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    principles = window.pages[Step.PRINCIPLES]
    assert isinstance(principles, PrinciplesPage)
    qtbot.waitUntil(principles.table.hasFocus)
    qtbot.keyClick(principles.table, Qt.Key.Key_Down)
    qtbot.keyClick(principles.table, Qt.Key.Key_Down)
    chosen = principles.selected_id()
    assert chosen != document.session.principles[0].id
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    ambition = window.pages[Step.AMBITION]
    assert isinstance(ambition, AmbitionPage)
    qtbot.keyClicks(ambition.entry, "Half getypt kaartje")
    window.timer.start_button.click()
    now[0] += 3.0
    minutes = {a.step: a.minutes for a in document.session.agenda}[Step.AMBITION]
    before = document.session.model_dump(exclude={"view"})
    try:
        _language_action(window, "Nederlands").trigger()
        assert window.step_title.text() == "Stap 2: Gedeelde ambitie"
        ambition = window.pages[Step.AMBITION]
        assert isinstance(ambition, AmbitionPage)
        assert ambition.entry.text() == "Half getypt kaartje"
        assert window.timer.start_button.text() == "Pauze"  # still running
        assert window.timer.remaining() == minutes * 60 - 3.0
        now[0] += 2.0
        window.timer.update_display()
        assert window.timer.findChild(QLabel, "timeBoxDisplay").text() == format_seconds(
            minutes * 60 - 5.0)
        qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
        principles = window.pages[Step.PRINCIPLES]
        assert isinstance(principles, PrinciplesPage)
        assert principles.selected_id() == chosen
        assert document.session.model_dump(exclude={"view"}) == before  # nothing added
    finally:
        set_language("en")
