"""Paste never freezes: what goes into a field is cut to what the field holds, and said.

Every field holds what the file format holds (``MAX_NAME`` for names and titles,
``MAX_TEXT`` for texts; ``workshop.domain.model``). A line edit is given its limit
where it is made (``setMaxLength``), a text editor may say its own with the
``maxLength`` property; without one a text editor holds ``MAX_TEXT``. A paste
(Ctrl+V, Shift+Insert) that is longer is cut here, before Qt lays out a megabyte of
text in a field (a 1 MiB paste into the card field froze the app for 100 s), and a
tooltip at the field says how much it holds.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QWidget,
)

from workshop import locale_format
from workshop.domain.model import MAX_NAME, MAX_TEXT
from workshop.i18n import current_language, tr
from workshop.ui.focus_filters import follow_focus

LIMIT_PROPERTY = "maxLength"


QT_DEFAULT_MAX_LENGTH = 32767


def field_limit(widget: QWidget) -> int | None:
    """How many characters ``widget`` holds (None: not a text field).

    A line edit nobody gave a limit (a search field, a filter), or the one inside a
    combo box, a number or a date, holds a name's worth: ``MAX_NAME``.
    """
    if isinstance(widget, QLineEdit):
        inside = widget.parentWidget()
        if widget.maxLength() == QT_DEFAULT_MAX_LENGTH or isinstance(
                inside, QComboBox | QAbstractSpinBox):
            return min(widget.maxLength(), MAX_NAME)
        return widget.maxLength()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        value = widget.property(LIMIT_PROPERTY)
        return int(value) if isinstance(value, int) and value > 0 else MAX_TEXT
    return None


def too_long_message(limit: int) -> str:
    number = locale_format.number(limit, current_language())
    return tr("This field holds {limit} characters: the rest of what you pasted was left "
              "out.", limit=number)


def _room(widget: QWidget, limit: int) -> int:
    if isinstance(widget, QLineEdit):
        return limit - len(widget.text()) + len(widget.selectedText())
    assert isinstance(widget, QPlainTextEdit | QTextEdit)
    return limit - len(widget.toPlainText()) + len(widget.textCursor().selectedText())


def _insert(widget: QWidget, text: str) -> None:
    if isinstance(widget, QLineEdit):
        widget.insert(text)
    elif isinstance(widget, QPlainTextEdit):
        widget.insertPlainText(text)
    elif isinstance(widget, QTextEdit):
        widget.insertPlainText(text)


class PasteLimits(QObject):
    """An event filter on the focus widget: pastes into a text field are cut to its
    limit."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # isinstance first: every event of the focus widget passes here, and asking its type
        # makes a Python enum each time (a key event's wrapper is a QKeyEvent)
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        if not event.matches(QKeySequence.StandardKey.Paste):
            return False
        widget = watched.parent() if isinstance(watched, QWidget) and isinstance(
            watched.parent(), QPlainTextEdit | QTextEdit) else watched
        if isinstance(widget, QComboBox):
            # An editable combo hands its keys to its line edit directly, past this filter.
            widget = widget.lineEdit() if widget.isEditable() else None
        if not isinstance(widget, QWidget):
            return False
        limit = field_limit(widget)
        if limit is None or getattr(widget, "isReadOnly", lambda: False)():
            return False
        text = QGuiApplication.clipboard().text()
        room = max(0, _room(widget, limit))
        if len(text) <= room:
            return False  # Qt pastes it as usual (undo, validators and all)
        _insert(widget, text[:room])
        QToolTip.showText(widget.mapToGlobal(QPoint(0, widget.height())),
                          too_long_message(limit), widget)
        return True


def install_paste_limits(app: QApplication) -> None:
    """Once per application: on whichever widget has the keyboard (a paste is a key
    press, which goes to the focus widget; ``workshop.ui.focus_filters``)."""
    if getattr(app, "_workshop_paste_limits", None) is None:
        limits = PasteLimits(app)
        follow_focus(limits)
        app._workshop_paste_limits = limits  # type: ignore[attr-defined]
