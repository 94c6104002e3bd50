"""A choice that narrows as you type: a cluster (M), the voter (V), the author (F4).

It floats over the page as a child widget rather than a popup window, so the focus
stays in the facilitator's window and Esc or a click elsewhere simply closes it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.i18n import tr
from workshop.ui.must import must

KEY_ROLE = Qt.ItemDataRole.UserRole
_NONE = "\x00none"  # None does not travel well through item data


class ChoicePicker(QFrame):
    """Type a few letters, Enter chooses the first match; Esc cancels."""

    sig_chosen = Signal(object)
    """The chosen key (None is a valid key); not sent when cancelled."""
    sig_cancelled = Signal(bool)
    """Closed without a choice: True after Esc (focus goes back), False when the focus
    went elsewhere (it stays there)."""

    def __init__(self, parent: QWidget, title: str, accessible_name: str) -> None:
        super().__init__(parent)
        self.setObjectName("choicePicker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet("QFrame#choicePicker { border: 1px solid #1565c0;"
                           " border-radius: 4px; background: palette(window); }")
        self._open = False
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setObjectName("choiceFilter")
        self.filter.setAccessibleName(accessible_name)
        self.filter.setPlaceholderText(tr("Type to narrow the list"))
        self.filter.textEdited.connect(self._narrow)
        self.filter.installEventFilter(self)
        self.list = QListWidget()
        self.list.setObjectName("choiceList")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.itemClicked.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.hide()

    def open(self, entries: list[tuple[object, str]], at: QPoint, current: object = _NONE
             ) -> None:
        """Show ``entries`` (key, text) with the top-left corner at ``at`` (parent's
        coordinates, kept inside the parent)."""
        self.list.clear()
        for key, text in entries:
            item = QListWidgetItem(text)
            item.setData(KEY_ROLE, _NONE if key is None else key)
            self.list.addItem(item)
        self.filter.clear()
        self._narrow("")
        if current is not _NONE:
            for row in range(self.list.count()):
                if self._key(self.list.item(row)) == current:
                    self.list.setCurrentRow(row)
        parent = must(self.parentWidget())
        layout = must(self.layout())
        rows = max(1, min(self.list.count(), 10))
        self.list.setFixedHeight(rows * max(self.list.sizeHintForRow(0), 18)
                                 + 2 * self.list.frameWidth() + 4)
        width = min(max(340, self.sizeHint().width()), parent.width())
        self.title.setFixedWidth(width - 14)
        height = min(layout.totalHeightForWidth(width)
                     if layout.hasHeightForWidth() else self.sizeHint().height(),
                     parent.height())
        self.resize(width, height)
        x = max(0, min(at.x(), parent.width() - width))
        y = max(0, min(at.y(), parent.height() - height))
        self.move(x, y)
        self._open = True
        self.show()
        self.raise_()
        self.filter.setFocus(Qt.FocusReason.PopupFocusReason)

    def is_open(self) -> bool:
        return self._open

    @staticmethod
    def _key(item: QListWidgetItem) -> object:
        key = item.data(KEY_ROLE)
        return None if key == _NONE else key

    def _narrow(self, text: str) -> None:
        needle = text.strip().casefold()
        first = None
        for row in range(self.list.count()):
            item = must(self.list.item(row))
            hidden = bool(needle) and needle not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)
        else:
            self.list.setCurrentRow(-1)

    def visible_texts(self) -> list[str]:
        return [self.list.item(r).text() for r in range(self.list.count())
                if not self.list.item(r).isHidden()]

    def _step(self, delta: int) -> None:
        rows = [r for r in range(self.list.count()) if not self.list.item(r).isHidden()]
        if not rows:
            return
        current = self.list.currentRow()
        position = rows.index(current) if current in rows else -1
        self.list.setCurrentRow(rows[max(0, min(len(rows) - 1, position + delta))])

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None or item.isHidden() or not self._open:
            return
        self._open = False
        self.hide()
        self.sig_chosen.emit(self._key(item))

    def cancel(self, refocus: bool = True) -> None:
        if self._open:
            self._open = False
            self.hide()
            self.sig_cancelled.emit(refocus)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.filter:
            if event.type() == QEvent.Type.KeyPress:
                assert isinstance(event, QKeyEvent)
                key = event.key()
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._choose(self.list.currentItem())
                    return True
                if key == Qt.Key.Key_Escape:
                    self.cancel()
                    return True
                if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                    self._step(1 if key == Qt.Key.Key_Down else -1)
                    return True
            elif event.type() == QEvent.Type.FocusOut and self._open:
                self.cancel(refocus=False)  # a click elsewhere: nothing changes
        return False
