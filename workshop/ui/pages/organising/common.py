"""What the commitment sections of the Organising page share: a list table, amounts,
an organisation picker and a heading.

The lists are short (tens of rows), so a table is simply rebuilt when what it shows
changed; rows are found again by their item's id, never by a kept model object (an
undo replaces the objects). Every change goes through ``Page.try_edit``.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop import locale_format
from workshop.domain.edits import commitments as edits
from workshop.domain.model import MAX_TEXT
from workshop.i18n import current_language, tr
from workshop.ui.commands import make_action
from workshop.ui.pages.roadmap.rows import one_line

ID_ROLE = Qt.ItemDataRole.UserRole
CELL_CHARS = 160
"""Of a hostile 100,000-character text, a cell shows this much."""

EditFn = Callable[..., bool]
"""``page.try_edit(label, operation, *args)``."""


def format_amount(value: Decimal | None, lang: str | None = None) -> str:
    """1234.5 -> "1.234,5" in Dutch, "1,234.5" in English; "" for none."""
    if value is None:
        return ""
    return locale_format.number(value, "nl" if (lang or current_language()) == "nl" else "en")


def parse_amount(text: str, lang: str | None = None) -> Decimal | None:
    """What a facilitator types, in the writing of the app's language: "1200", "1.200",
    "1.200,50", "0,2", "12.25", "1,200.50", "€ 500" (``locale_format.parse_amount``,
    exact, never through a float). None for empty text; ``AmountError`` otherwise."""
    return locale_format.parse_amount(text, "nl" if (lang or current_language()) == "nl"
                                      else "en")


def heading(text: str, explanation: str = "", beside: bool = False) -> QWidget:
    """A bold title with a muted line under it (both plain text): above a section, or
    ``beside`` a field in a form grid (a little space above, kept at the top)."""
    box = QWidget()
    column = QVBoxLayout(box)
    if beside:
        column.setContentsMargins(0, 4, 0, 0)
    else:
        column.setContentsMargins(0, 0, 0, 4)
    column.setSpacing(2)
    title = QLabel(text)
    title.setTextFormat(Qt.TextFormat.PlainText)
    font = QFont(title.font())
    font.setBold(True)
    title.setFont(font)
    column.addWidget(title)
    if explanation:
        column.addWidget(muted(explanation))
    if beside:
        column.addStretch(1)
    return box


def muted(text: str = "") -> QLabel:
    line = QLabel(text)
    line.setTextFormat(Qt.TextFormat.PlainText)
    line.setWordWrap(True)
    line.setStyleSheet("color: palette(placeholder-text);")
    return line


def list_and_editor(table: QWidget, editor: QWidget) -> QSplitter:
    """The list at the left, the form of its selected item at the right (3 : 2)."""
    splitter = QSplitter()
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(table)
    splitter.addWidget(editor)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    return splitter


def cell(text: str, item_id: str = "", editable: bool = False,
         align: Qt.AlignmentFlag | None = None, limit: int = CELL_CHARS) -> QTableWidgetItem:
    """A table cell showing ``text`` as plain text, one line, cut for display (an
    editable cell keeps all of it, so that editing never cuts the text)."""
    item = QTableWidgetItem(text if editable else one_line(text, limit))
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    item.setFlags(flags)
    if item_id:
        item.setData(ID_ROLE, item_id)
    if text:  # whole where the column is too narrow for it
        item.setToolTip(text[:2000])
    if align is not None:
        item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    return item


class EnterAdds(QObject):
    """The fields of an entry row: Enter (or the keypad's Enter) in any of them calls
    ``add`` instead of what the field itself would do with it."""

    def __init__(self, owner: QWidget, add: Callable[[], object], *fields: QWidget) -> None:
        super().__init__(owner)
        self._add = add
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._add()
            return True
        return super().eventFilter(watched, event)


def entry_line() -> QLineEdit:
    """A text field of an entry row (as long as the model allows)."""
    line = QLineEdit()
    line.setMaxLength(MAX_TEXT)
    return line


class ItemTable(QTableWidget):
    """A list of items: Delete removes, Ctrl+Shift+Up/Down moves, Enter/F2 edits.

    Rows carry their item's id in column 0 (``ID_ROLE``).
    """

    sig_remove = Signal(str)
    """Delete on the row of this item id."""
    sig_move = Signal(str, int)
    """Ctrl+Shift+Up/Down on the row of this item id: -1 up, +1 down."""
    sig_activated = Signal(str)
    """Enter on a row that has no editable cell under the cursor."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self._shown: list[tuple[str, ...]] | None = None
        # The rows' keys, from the command registry: keys of the table itself, so Enter
        # and Del in a cell's editor stay the editor's.
        make_action("rows.up", self, lambda: self._move_current(-1))
        make_action("rows.down", self, lambda: self._move_current(1))
        make_action("rows.remove", self, self._remove_current)
        make_action("rows.open", self, self._open_current)

    def invalidate(self) -> None:
        """Make the next ``fill`` rebuild (after an in-place edit the cells may differ
        from the session)."""
        self._shown = None

    def ids(self) -> list[str]:
        return [str(item.data(ID_ROLE)) for r in range(self.rowCount())
                if (item := self.item(r, 0)) is not None]

    def id_at(self, row: int) -> str | None:
        """The id of the item on ``row`` (None off the list)."""
        item = self.item(row, 0) if row >= 0 else None
        return None if item is None else str(item.data(ID_ROLE))

    def current_id(self) -> str | None:
        return self.id_at(self.currentRow())

    def select_id(self, item_id: str | None) -> None:
        ids = self.ids()
        if item_id in ids:
            self.setCurrentCell(ids.index(item_id), max(0, self.currentColumn()))

    def fill(self, rows: list[list[QTableWidgetItem]]) -> None:
        """Show ``rows`` (skipped when every text and id is as shown), keep the current
        item and the scroll position."""
        shown = [tuple(f"{c.text()}\0{c.data(ID_ROLE)}\0{c.toolTip()}" for c in row)
                 for row in rows]
        if shown == self._shown:
            return
        self._shown = shown
        current = self.current_id()
        column = max(0, self.currentColumn())
        scroll = self.verticalScrollBar().value()
        self.blockSignals(True)
        try:
            self.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for c, item in enumerate(row):
                    self.setItem(r, c, item)
        finally:
            self.blockSignals(False)
        ids = self.ids()
        if current in ids:
            self.setCurrentCell(ids.index(current), column)
        self.verticalScrollBar().setValue(scroll)

    def remove_item(self, try_edit: EditFn, label: str, area: str, item_id: str) -> None:
        """Remove the item from the list ``area`` in one undo step; the row that takes
        its place becomes the current one."""
        row = self.currentRow()
        try_edit(label, edits.remove_item, area, item_id)
        if self.rowCount():
            self.setCurrentCell(min(row, self.rowCount() - 1), 0)

    def move_item(self, try_edit: EditFn, label: str, area: str, item_id: str, delta: int
                  ) -> None:
        """Move the item one place in the list ``area``; it stays the current row."""
        try_edit(label, edits.move_item, area, item_id, delta)
        self.select_id(item_id)

    def _move_current(self, delta: int) -> None:
        item_id = self.current_id()
        if item_id:
            self.sig_move.emit(item_id, delta)

    def _remove_current(self) -> None:
        item_id = self.current_id()
        if item_id:
            self.sig_remove.emit(item_id)

    def _open_current(self) -> None:
        """Enter: edit the cell, or (a cell that is not edited in place) open the row."""
        item_id = self.current_id()
        if not item_id:
            return
        current = self.currentItem()
        if current is None or not current.flags() & Qt.ItemFlag.ItemIsEditable:
            self.sig_activated.emit(item_id)
            return
        self.editItem(current)


class OrganisationCombo(QComboBox):
    """The organisations of the session; typing the first letters picks one."""

    def __init__(self, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        self._names: list[str] = []

    def set_organisations(self, names: list[str]) -> None:
        if names == self._names:
            return
        chosen = self.currentData()
        self._names = list(names)
        self.blockSignals(True)
        try:
            self.clear()
            for name in names:
                self.addItem(one_line(name, 80), name)
                self.setItemData(self.count() - 1, name[:1000], Qt.ItemDataRole.ToolTipRole)
            self.setCurrentIndex(max(0, self.findData(chosen)) if names else -1)
        finally:
            self.blockSignals(False)

    def organisation(self) -> str | None:
        value = self.currentData()
        return str(value) if value else None


def edit_selected(try_edit: Callable[..., bool], table: ItemTable, area: str, what: str,
                  field: str, value: object, merge_key: str | None = None) -> bool:
    """Set ``field`` of the item selected in ``table`` (a list of ``area``) as one
    undoable edit named "Edit {what}"; typing into one field of one item merges into one
    step when ``merge_key`` is given. False when nothing is selected or the edit is
    refused."""
    item_id = table.current_id()
    if item_id is None:
        return False
    return try_edit(tr("Edit {field}", field=what), edits.set_item_field, area, item_id,
                    field, value,
                    merge_key=f"{area}:{item_id}:{merge_key}" if merge_key else None)
