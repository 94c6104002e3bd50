"""The small widgets of the interests step: the entry line, the filter, the list of a cell."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from workshop.domain.model import (
    MAX_TEXT,
)
from workshop.ui.commands import make_action

_PLAIN = Qt.TextFormat.PlainText

_NO_MODIFIERS = Qt.KeyboardModifier.NoModifier

def _mods(event: QKeyEvent) -> Qt.KeyboardModifier:
    return event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier

def _hint(text: str) -> QLabel:
    hint = QLabel(text)
    hint.setTextFormat(_PLAIN)
    hint.setWordWrap(True)
    hint.setStyleSheet("color: palette(placeholder-text);")
    return hint

class LongTextDelegate(QStyledItemDelegate):
    """In-place editing that keeps a long text whole (Qt's line edit stops at 32767)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(MAX_TEXT)
        return editor

class EntryLine(QLineEdit):
    """The fast-entry line: Enter adds; Tab, Shift+Tab, Up and Down move to another cell."""

    sig_move = Signal(int, int)
    """Move by (types, participants); the page adds what was typed first."""
    sig_escape = Signal()
    """Back to the matrix."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            if event.key() == Qt.Key.Key_Backtab or (
                    event.key() == Qt.Key.Key_Tab
                    and event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
                self.sig_move.emit(-1, 0)
                return True
            if event.key() == Qt.Key.Key_Tab and not event.modifiers() & ctrl_alt:
                self.sig_move.emit(1, 0)
                return True
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and not self.text()
                and (event.matches(QKeySequence.StandardKey.Undo)
                     or event.matches(QKeySequence.StandardKey.Redo))):
            # Nothing typed: Ctrl+Z undoes the session (the interest just added), not
            # this line's own empty history.
            event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and _mods(event) == _NO_MODIFIERS:
            self.sig_move.emit(0, -1 if key == Qt.Key.Key_Up else 1)
            return
        if key == Qt.Key.Key_Escape:
            self.sig_escape.emit()
            return
        super().keyPressEvent(event)

class FilterLine(QLineEdit):
    """Type-ahead filter on the participants; Down or Enter go to the matrix."""

    sig_leave = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.sig_leave.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.clear()
            self.sig_leave.emit()
            return
        super().keyPressEvent(event)

class ItemsList(QListWidget):
    """The current cell's interests: F2 edit, Del remove, P not for print, L link."""

    sig_remove = Signal()
    sig_toggle_private = Signal()
    sig_link = Signal()
    sig_escape = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The list's keys, from the command registry; keys of the list itself, so an
        # interest's editor keeps its own Enter, Del, Esc and letters.
        make_action("interests.edit", self, self._edit_current)
        make_action("interests.private", self, lambda: self.sig_toggle_private.emit())
        make_action("interests.link", self, lambda: self.sig_link.emit())
        make_action("interests.remove", self, lambda: self.sig_remove.emit())
        make_action("interests.back", self, lambda: self.sig_escape.emit())

    def _edit_current(self) -> None:
        if self.currentItem() is not None:
            self.editItem(self.currentItem())

    def keyboardSearch(self, search: str) -> None:  # noqa: N802
        """Letters are commands here (P, L), not a search."""
