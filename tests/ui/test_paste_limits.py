"""A megabyte pasted into a field is cut to what the field (and the file) holds (11.10).

The time it takes is measured in tests/bench/bench_paste.py; here: what is kept, what
the facilitator is told, and what the saved file holds.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from workshop.domain.model import MAX_NAME, MAX_TEXT, Session, Step
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import MainWindow

# The tooltip that says so is a popup: the offscreen platform cannot raise it.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

MEBIBYTE = ("Samen gezond ouder worden in de regio. " * 27 + "\n") * 1000


def shown(qtbot: QtBot, window: QWidget) -> None:
    """``window`` on screen and active: the keys go to its focus widget."""
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def open_window(qtbot: QtBot, document: SessionDocument) -> MainWindow:
    window = MainWindow(document)
    shown(qtbot, window)
    return window


def paste(qtbot: QtBot, widget: QLineEdit | QPlainTextEdit) -> None:
    QApplication.clipboard().setText(MEBIBYTE)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_a_megabyte_pasted_is_cut_to_the_field_and_said(
        qtbot: QtBot, document: SessionDocument,
        saved: Callable[[SessionDocument], Session]) -> None:
    assert len(MEBIBYTE) > 1_000_000
    window = open_window(qtbot, document)
    window.go_to(Step.PREPARATION)
    name = window.pages[Step.PREPARATION].findChild(QLineEdit, "details-name")
    name.selectAll()
    paste(qtbot, name)
    assert len(name.text()) == MAX_NAME
    assert "300 characters" in QToolTip.text()
    qtbot.keyClick(name, Qt.Key.Key_Tab)  # leaving the field saves it

    window.go_to(Step.AMBITION)
    page = window.pages[Step.AMBITION]
    statement = page.findChild(QPlainTextEdit, "ambitionStatement")
    statement.selectAll()
    paste(qtbot, statement)
    assert len(statement.toPlainText()) == MAX_TEXT
    assert f"{MAX_TEXT:,} characters" in QToolTip.text()
    card = page.findChild(QLineEdit, "cardEntry")
    paste(qtbot, card)
    assert len(card.text()) == MAX_TEXT
    qtbot.keyClick(card, Qt.Key.Key_Return)  # the card is added
    card.setFocus()

    session = saved(document)
    assert session.details.name == MEBIBYTE[:MAX_NAME]
    assert any(len(c.text) == MAX_TEXT for c in session.ambition.cards)
    qtbot.waitUntil(lambda: len(saved(document).ambition.statement) == MAX_TEXT)


def test_a_short_paste_is_pasted_as_usual(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document)
    window.go_to(Step.AMBITION)
    card = window.pages[Step.AMBITION].findChild(QLineEdit, "cardEntry")
    QApplication.clipboard().setText("Eén loket per wijk")
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert card.text() == "Eén loket per wijk"
    card.undo()
    assert card.text() == ""


def test_a_paste_into_a_dialog_is_cut_too(qtbot: QtBot, document: SessionDocument) -> None:
    """The limits follow the keyboard into another window (they sit on the focus
    widget, not on the application: ``workshop.ui.focus_filters``)."""
    from workshop.ui.new_session_dialog import NewSessionDialog

    window = open_window(qtbot, document)
    dialog = NewSessionDialog(window)
    shown(qtbot, dialog)
    paste(qtbot, dialog.name_edit)
    assert len(dialog.name_edit.text()) == MAX_TEXT
    assert MEBIBYTE.startswith(dialog.name_edit.text())
    dialog.close()
    # back in the window, its fields are cut as before
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.go_to(Step.AMBITION)
    card = window.pages[Step.AMBITION].findChild(QLineEdit, "cardEntry")
    paste(qtbot, card)
    assert len(card.text()) == card.maxLength() < len(MEBIBYTE)
