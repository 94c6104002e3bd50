"""Driving the app as a facilitator does: keys to wherever the focus is, typing, the
window brought back to the front. One place for every UI test that drives widgets
(tests/ui and tests/ui/pages: ``from drive import press, type_text, ...``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from workshop.ui.pages.base import Page

if TYPE_CHECKING:
    from workshop.domain.model import InterestKind, Step
    from workshop.ui.main_window import MainWindow
    from workshop.ui.pages.interests.page import InterestsPage

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = CTRL | SHIFT
P = TypeVar("P", bound=Page)


def show_page(qtbot: QtBot, page: P, size: tuple[int, int] = (1086, 658)) -> P:
    """``page`` on screen, active and refreshed on every change of its document, as the
    main window shows it (the page tests drive one page without the window)."""
    qtbot.addWidget(page)
    page.document.sig_changed.connect(page.refresh)  # as the main window does
    page.refresh(frozenset())
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key, to wherever the focus is."""
    qtbot.keyClick(focused(), key, modifier)


def press_each(qtbot: QtBot, keys: Iterable[Qt.Key]) -> None:
    """Each key to the widget that has the focus then, as the keyboard does."""
    for key in keys:
        press(qtbot, key)


def tab(qtbot: QtBot) -> QWidget:
    """Tab from the focused widget; the widget that has the focus then."""
    press(qtbot, Qt.Key.Key_Tab)
    return focused()


def paste(qtbot: QtBot, text: str, widget: QWidget | None = None) -> None:
    """Ctrl+V with ``text`` on the clipboard, to ``widget`` or wherever the focus is
    (QTest cannot type characters outside the BMP, like emoji: a paste can)."""
    QApplication.clipboard().setText(text)
    qtbot.keyClick(widget or focused(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def type_text(qtbot: QtBot, text: str) -> None:
    """Type as a person does: each key goes wherever the focus is at that moment.

    QTest only types ASCII: any other character (é, שלום, 🙂) trips an assert inside Qt
    that aborts the whole interpreter. Those arrive as a keyboard layout or the emoji
    picker delivers them: a key event that carries the character as its text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(focused(), char)
        else:
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
    from workshop.ui.pages.preparation.participants import ORGANISATION, ROLE

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


def wait_not_editing(qtbot: QtBot, view: QAbstractItemView) -> None:
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def commit(qtbot: QtBot, view: QAbstractItemView) -> None:
    """Return in an in-place editor: Qt closes it on the next turn of the event loop."""
    press(qtbot, Qt.Key.Key_Return)
    wait_not_editing(qtbot, view)
    assert view.hasFocus()


def click_cell(qtbot: QtBot, view: QAbstractItemView, row: int, column: int = 0) -> None:
    """A mouse click on a cell (scrolled into view first)."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    assert view.currentIndex().row() == row


def edit_cell(qtbot: QtBot, table: QTableWidget, row: int, col: int, text: str) -> None:
    """F2 on the cell, the old text replaced by ``text`` typed, Enter."""
    table.setFocus()
    table.setCurrentCell(row, col)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = focused()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)
    wait_not_editing(qtbot, table)


def go_to_step(qtbot: QtBot, window: MainWindow, step: Step) -> QWidget:
    """Ctrl+<number>, as in the Go menu; the step's page."""
    from workshop.ui.main_window import STEPS

    activate(qtbot, window)
    number = STEPS.index(step) + 1
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), CTRL)
    assert window.current_step() is step
    return window.pages[step]


def go_to_item(qtbot: QtBot, page: InterestsPage, pid: str, kind: InterestKind,
               text: str) -> None:
    """Interests: arrows in the matrix to the cell, F2 to its list, arrows to the item."""
    from workshop.domain.model import InterestKind

    page.matrix.setFocus()
    model = page.matrix_model
    target_row, target_col = model.row_of(pid), 1 + list(InterestKind).index(kind)
    while page.matrix.currentIndex().row() != target_row:
        down = page.matrix.currentIndex().row() < target_row
        press(qtbot, Qt.Key.Key_Down if down else Qt.Key.Key_Up)
    while page.matrix.currentIndex().column() != target_col:
        right = page.matrix.currentIndex().column() < target_col
        press(qtbot, Qt.Key.Key_Right if right else Qt.Key.Key_Left)
    press(qtbot, Qt.Key.Key_F2)
    assert page.items_list.hasFocus()
    while page.items_list.currentItem().text() != text:
        press(qtbot, Qt.Key.Key_Down)


def enter(qtbot: QtBot, widget: QWidget | None = None) -> None:
    """Return, to ``widget`` or wherever the focus is."""
    qtbot.keyClick(widget or focused(), Qt.Key.Key_Return)


def draw_signature(qtbot: QtBot, pad: QWidget, shift: int) -> None:
    """A signature drawn with the mouse: press, a zigzag of moves, release."""
    width, height = pad.width(), pad.height()
    points = [(int(width * (0.15 + 0.1 * i)), int(height * (0.45 + 0.15 * ((i + shift) % 2))))
              for i in range(7)]

    def send(kind: QEvent.Type, x: int, y: int) -> None:
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease \
            else Qt.MouseButton.LeftButton
        QApplication.sendEvent(pad, QMouseEvent(
            kind, QPointF(x, y), pad.mapToGlobal(QPointF(x, y)), Qt.MouseButton.LeftButton,
            buttons, Qt.KeyboardModifier.NoModifier))

    send(QEvent.Type.MouseButtonPress, *points[0])
    for x, y in points[1:]:
        send(QEvent.Type.MouseMove, x, y)
    send(QEvent.Type.MouseButtonRelease, *points[-1])


def sign_in_turn(qtbot: QtBot, start_button: QWidget) -> list[str]:
    """Click "Start signing" and sign in the dialog as the table does: each signer in
    turn draws with the mouse (Sign is disabled until there is ink) and Ctrl+Enter gives
    it. The names shown, in the order they signed."""
    from workshop.ui.pages.signing.dialog import SigningDialog

    signed: list[str] = []

    def sign_all() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SigningDialog)
        activate(qtbot, dialog)  # a modal dialog is the active window on a desktop
        while dialog.current() is not None:
            signer = dialog.current()
            signed.append(dialog.name.text())
            assert not dialog.sign_button.isEnabled()  # no ink yet
            draw_signature(qtbot, dialog.pad, len(signed))
            assert dialog.sign_button.isEnabled()
            qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            assert dialog.current() is not signer  # signed: the next one's turn

    QTimer.singleShot(0, sign_all)
    qtbot.mouseClick(start_button, Qt.MouseButton.LeftButton)  # returns when all signed
    return signed
