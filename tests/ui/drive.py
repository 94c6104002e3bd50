"""Driving the app as a facilitator does: keys to wherever the focus is, typing, the
window brought back to the front. One place for the UI tests that walk through the app."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = CTRL | SHIFT


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key, to wherever the focus is."""
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    """Type as a person does: each key goes wherever the focus is at that moment."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(focused(), char)
        else:  # QTest knows only ASCII keys; a keyboard sends é as text with the key
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                  char)
                QApplication.sendEvent(focused(), event)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """The offscreen platform leaves no window active after a popup or dialog closes
    (a desktop gives activation back); give it back as the desktop would."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def type_participant(qtbot: QtBot, table: QAbstractItemView, name: str, organisation: str,
                     role: str) -> None:
    """A participant typed into the participants table: Ctrl+Shift+N, the name, Tab, the
    organisation, Tab, the role, Enter."""
    from workshop.ui.pages.participants_table import ORGANISATION, ROLE

    qtbot.keyClick(table if table.hasFocus() else focused(), Qt.Key.Key_N, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    type_text(qtbot, name)
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.currentIndex().column() == ORGANISATION
                    and isinstance(QApplication.focusWidget(), QLineEdit))
    type_text(qtbot, organisation)
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.currentIndex().column() == ROLE
                    and isinstance(QApplication.focusWidget(), QLineEdit))
    type_text(qtbot, role)
    editor = focused()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not editor)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
