"""Input widgets bound to one field of the session through the document.

Each keystroke is an edit with a merge key, so a word typed is one undo step (Qt
merges consecutive commands with the same key until the next save). ``refresh()``
shows the model's value without disturbing the cursor when nothing changed. A value
the model refuses (an empty name) is marked in red and the model keeps the last valid
value; the status line says why. The change is an operation taking the value
(``workshop.domain.edits``; ``op.given(goal_id)`` for one goal's field), which also says
the area it touches.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from workshop.domain.labels import label
from workshop.domain.model import Session
from workshop.domain.operations import Operation
from workshop.i18n import current_language, tr
from workshop.ui.document import EditRejected, SessionDocument
from workshop.ui.editing import try_edit

Getter = Callable[[Session], str]
Setter = Operation[Any, Any]
"""``op(session, value)``: the change a widget makes, with its areas."""
E = TypeVar("E", bound=Enum)

_INVALID_STYLE = "border: 2px solid #b00020;"


class _Binding:
    def __init__(self, document: SessionDocument, get: Getter, set_: Setter,
                 label_text: str, key: str) -> None:
        self.document = document
        self.get = get
        self.set = set_
        self.label = label_text
        self.key = key

    def push(self, widget: QWidget, value: str) -> None:
        refused: list[EditRejected] = []
        try_edit(self.document, tr("Edit {field}", field=self.label), self.set, value,
                 merge_key=self.key, on_rejected=refused.append)
        if refused:
            widget.setStyleSheet(_INVALID_STYLE)
            widget.setToolTip("\n".join(refused[0].problems))
        else:
            widget.setStyleSheet("")
            widget.setToolTip("")


class BoundLineEdit(QLineEdit):
    """A one-line text field bound to the session."""

    def __init__(self, document: SessionDocument, get: Getter, set_: Setter,
                 label_text: str, key: str | None = None, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._binding = _Binding(document, get, set_, label_text, key or set_.name)
        self.setAccessibleName(label_text)
        self.textEdited.connect(lambda text: self._binding.push(self, text))
        self.refresh()

    def refresh(self) -> None:
        value = self._binding.get(self._binding.document.session)
        if self.text() != value and not (self.hasFocus() and self.styleSheet()):
            self.setText(value)
            self.setStyleSheet("")

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if self.styleSheet():  # leave a refused value: show what is kept
            self.setStyleSheet("")
            self.setText(self._binding.get(self._binding.document.session))


class BoundTextEdit(QPlainTextEdit):
    """A multi-line text field bound to the session (plain text, never markup)."""

    def __init__(self, document: SessionDocument, get: Getter, set_: Setter,
                 label_text: str, key: str | None = None, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._binding = _Binding(document, get, set_, label_text, key or set_.name)
        self._updating = False
        self.setAccessibleName(label_text)
        self.setTabChangesFocus(True)
        self.textChanged.connect(self._on_text_changed)
        self.refresh()

    def _on_text_changed(self) -> None:
        if not self._updating:
            self._binding.push(self, self.toPlainText())

    def refresh(self) -> None:
        value = self._binding.get(self._binding.document.session)
        if self.toPlainText() != value:
            self._updating = True
            try:
                cursor = self.textCursor().position()
                self.setPlainText(value)
                c = self.textCursor()
                c.setPosition(min(cursor, len(value)))
                self.setTextCursor(c)
            finally:
                self._updating = False


class EnumComboBox(QComboBox):
    """A choice among an enum's values (and optionally "not chosen"), bound to the session."""

    def __init__(self, document: SessionDocument, values: Sequence[E],
                 get: Callable[[Session], E | None], set_: Setter,
                 label_text: str, allow_none: bool = True, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._document = document
        self._get = get
        self._set = set_
        self._label = label_text
        self._updating = False
        self.setAccessibleName(label_text)
        self._values = {value.value: value for value in values}
        if allow_none:
            self.addItem(tr("— not chosen —"), "")
        for value in values:
            self.addItem(label(value, current_language()), value.value)
        self.currentIndexChanged.connect(self._on_index_changed)
        self.refresh()

    def _on_index_changed(self, index: int) -> None:
        if self._updating:
            return
        value: Any = self._values.get(self.itemData(index))
        try_edit(self._document, tr("Edit {field}", field=self._label), self._set, value,
                 on_rejected=lambda _exc: self.refresh())

    def refresh(self) -> None:
        value = self._get(self._document.session)
        index = self.findData(value.value if value is not None else "")
        if index != self.currentIndex():
            self._updating = True
            try:
                self.setCurrentIndex(max(index, 0))
            finally:
                self._updating = False


def plain_label_flags() -> Qt.TextInteractionFlag:
    """Labels that show user text: selectable, never links."""
    return Qt.TextInteractionFlag.TextSelectableByMouse
