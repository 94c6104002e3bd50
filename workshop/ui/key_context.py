"""Who a single letter belongs to: the text being typed, a widget's own keys, or the room.

B, W, F and S act on the projection as in presentation software, but the facilitator
types all the time. The one rule, decided here and nowhere else: while any editor has
the keyboard (a text field, a text editor, a spin box or date, a combo box, a table's
cell editor, a table cell that starts editing when you type in it), a letter is text
and the projection never moves. In a list of items where typing edits nothing
(principles, rules, cards, the step list...) the letters belong to the projection, so
S spotlights the selected item from where the facilitator is. A consent round has
letters of its own (B for a concern, W for withdrawn): it gets them first.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QKeySequenceEdit,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


class KeyContext(Enum):
    TYPING = "typing"
    """An editor has the keyboard: a letter is text, never a command."""
    OWN_KEYS = "own"
    """A widget with letter keys of its own (a consent round): it gets them first."""
    FREE = "free"
    """Nothing is typed: B, W, F and S act on the projection."""


def _in_consent_round(widget: QWidget) -> bool:
    from workshop.ui.consent.round import ConsentRoundWidget

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, ConsentRoundWidget):
            return True
        parent = parent.parentWidget()
    return False


def _typing_starts_an_edit(view: QAbstractItemView) -> bool:
    """True when a letter typed into ``view`` would open the current cell's editor."""
    if not view.editTriggers() & QAbstractItemView.EditTrigger.AnyKeyPressed:
        return False
    index = view.currentIndex()
    return index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEditable)


def key_context(widget: QWidget | None) -> KeyContext:
    """The context of a letter typed while ``widget`` has the focus."""
    if widget is None:
        return KeyContext.FREE
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
        return KeyContext.FREE if widget.isReadOnly() else KeyContext.TYPING
    if isinstance(widget, QKeySequenceEdit | QComboBox):
        return KeyContext.TYPING  # a combo that is not editable picks entries by letter
    if isinstance(widget, QAbstractItemView):
        if widget.state() == QAbstractItemView.State.EditingState:
            return KeyContext.TYPING
        if _in_consent_round(widget):
            return KeyContext.OWN_KEYS
        if _typing_starts_an_edit(widget):
            return KeyContext.TYPING
        return KeyContext.FREE
    # A custom cell editor (a container around fields) or anything inside a combo box.
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return KeyContext.TYPING
        if (isinstance(parent, QAbstractItemView)
                and parent.state() == QAbstractItemView.State.EditingState):
            return KeyContext.TYPING
        parent = parent.parentWidget()
    return KeyContext.FREE


def takes_letters(widget: QWidget | None) -> bool:
    """True when a letter typed into ``widget`` means something to it."""
    return key_context(widget) is not KeyContext.FREE


class LetterKeys(QObject):
    """An event filter on the focus widget and the windows (``follow_focus``): single
    letters act in the FREE context only.

    ``actions`` maps a key to its action; ``windows()`` gives the windows where the
    letters act (the facilitator's window and the projector). A key event travels from
    the focused widget up to its window; the context is that of the focused widget
    *now*, so a table that opened a cell editor for the letter (and passed the event
    on) is typing by the time the event reaches the window.
    """

    def __init__(self, parent: QObject, actions: dict[Qt.Key, QAction],
                 windows: object) -> None:
        super().__init__(parent)
        self.actions = actions
        self._windows = windows

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # isinstance first: every event of the focus widget passes here, and asking its type
        # makes a Python enum each time (a key event's wrapper is a QKeyEvent)
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress \
                or not isinstance(watched, QWidget):
            return False
        action = self.actions.get(Qt.Key(event.key()))
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if action is None or modifiers & ~Qt.KeyboardModifier.ShiftModifier:
            return False
        window = watched.window()
        if window not in self._windows():  # type: ignore[operator]
            return False
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is not window:
            focus = watched  # sent straight to a widget (or its window is not active)
        context = key_context(focus)
        if context is KeyContext.TYPING:
            return False
        if watched is focus and context is KeyContext.OWN_KEYS:
            return False  # the round's own letter; if it ignores it, the window gets it
        if watched is not focus and watched is not window:
            return False  # on its way up: the window decides
        if key_context(watched) is KeyContext.TYPING:
            return False  # sent straight to a field that is not the focus widget
        if event.isAutoRepeat():
            return True
        if action.isEnabled():
            action.trigger()
        return True
