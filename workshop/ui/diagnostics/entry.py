"""The facilitator's entry grids: participants down, conditions / axes / forms across.

Keyboard first, so a table of forty can be typed in within minutes:

- scan: digits 1-5 set the score and move on to the next cell; Delete, Backspace or 0
  clear it; arrows move; Enter (or F2) goes to the note of the selected score.
- spectra: type 0-100 and press Enter (the cell's editor), Delete clears.
- forms: Space toggles the form in the selected cell, arrows move.

Every change goes through ``SessionDocument.edit`` (area ``diagnostics``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from workshop.domain import diagnostics as dg
from workshop.domain.labels import axis_texts, label
from workshop.domain.model import CollaborationForm, Condition, Session
from workshop.i18n import current_language, tr
from workshop.ui.commands import make_action
from workshop.ui.diagnostics.charts import wrap
from workshop.ui.must import must

CONDITIONS = list(Condition)
FORMS = list(CollaborationForm)
NOTE_MARK = " ✎"
COLUMN_WIDTH = 112


class _Grid(QTableWidget):
    """A participants x questions table whose items are created once and updated."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultSectionSize(COLUMN_WIDTH)
        self.verticalHeader().setDefaultSectionSize(30)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter
                                                    | Qt.AlignmentFlag.AlignVCenter)
        self.participant_ids: list[str] = []

    def set_shape(self, session: Session, columns: list[str]) -> None:
        ids = [p.id for p in session.participants]
        if ids == self.participant_ids and self.columnCount() == len(columns) and all(
                must(self.horizontalHeaderItem(c)).text() == t for c, t in enumerate(columns)):
            return
        self.participant_ids = ids
        self.setRowCount(len(ids))
        self.setColumnCount(len(columns))
        self.setHorizontalHeaderLabels(columns)
        self.setVerticalHeaderLabels([p.name for p in session.participants])
        for row in range(len(ids)):
            for col in range(len(columns)):
                if self.item(row, col) is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    self.setItem(row, col, item)
        if self.currentRow() < 0 and ids:
            self.setCurrentCell(0, 0)

    def move_on(self) -> None:
        row, col = self.currentRow(), self.currentColumn()
        if col + 1 < self.columnCount():
            self.setCurrentCell(row, col + 1)
        elif row + 1 < self.rowCount():
            self.setCurrentCell(row + 1, 0)


class ScanGrid(_Grid):
    """The five conditions scan: one row per participant, scores 1-5."""

    sig_score = Signal(int, int, int)
    """(row, column, score) typed; score 0 clears."""
    sig_note_requested = Signal()
    """Enter or F2: the facilitator wants to type the note of the selected score."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanGrid")
        self.setAccessibleName(tr("Five conditions scan: participants and scores"))

    def show_scores(self, session: Session, moment_id: str | None) -> None:
        self.set_shape(session, [_header(label(c, current_language())) for c in CONDITIONS])
        cells = dg.scores_by_cell(session, moment_id) if moment_id else {}
        for row, pid in enumerate(self.participant_ids):
            for col, condition in enumerate(CONDITIONS):
                score = cells.get((pid, condition))
                item = must(self.item(row, col))
                text = "" if score is None else str(score.score) + (
                    NOTE_MARK if score.note.strip() else "")
                if item.text() != text:
                    item.setText(text)
                tip = score.note if score is not None else ""
                if item.toolTip() != tip:
                    item.setToolTip(tip)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        row, col = self.currentRow(), self.currentColumn()
        if row >= 0 and col >= 0 and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
                self.sig_score.emit(row, col, key - Qt.Key.Key_0)
                self.move_on()
                return
            if key in (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.sig_score.emit(row, col, 0)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
                self.sig_note_requested.emit()
                return
        super().keyPressEvent(event)


class _MarkDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        box = QSpinBox(parent)
        box.setRange(0, 100)
        box.setFrame(False)
        box.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return box


class SpectraGrid(_Grid):
    """Marks 0-100: one row per participant, one column per axis."""

    sig_mark = Signal(int, int, int)
    """(row, column, value) entered; value -1 clears."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spectraGrid")
        self.setAccessibleName(tr("Expectation spectra: participants and marks"))
        self.setItemDelegate(_MarkDelegate(self))
        make_action("spectra.clear", self, self._clear_current)  # the command registry's
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.axis_ids: list[str] = []
        self._showing = False
        self.itemChanged.connect(self._on_item_changed)

    def show_marks(self, session: Session, moment_id: str | None) -> None:
        self._showing = True
        try:
            self.axis_ids = [a.id for a in session.diagnostics.axes]
            self.set_shape(session, [_header(axis_texts(a, current_language())[0])
                                     for a in session.diagnostics.axes])
            for col, axis in enumerate(session.diagnostics.axes):
                title, left, right = axis_texts(axis, current_language())
                must(self.horizontalHeaderItem(col)).setToolTip(
                    tr("{title}: 0 = {left}, 100 = {right}", title=title, left=left,
                       right=right))
            cells = dg.marks_by_cell(session, moment_id) if moment_id else {}
            editable = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                        | Qt.ItemFlag.ItemIsEditable)
            for row, pid in enumerate(self.participant_ids):
                for col, aid in enumerate(self.axis_ids):
                    item = must(self.item(row, col))
                    value = cells.get((pid, aid))
                    if item.flags() != editable:
                        item.setFlags(editable)
                    shown = item.data(Qt.ItemDataRole.EditRole)
                    if shown != value:
                        item.setData(Qt.ItemDataRole.EditRole, value)
        finally:
            self._showing = False

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._showing:
            return
        value = item.data(Qt.ItemDataRole.EditRole)
        self.sig_mark.emit(item.row(), item.column(), -1 if value is None else int(value))

    def _clear_current(self) -> None:
        if self.currentRow() >= 0:
            self.sig_mark.emit(self.currentRow(), self.currentColumn(), -1)


class FormsGrid(_Grid):
    """Which forms each participant names: a tick per cell, Space toggles."""

    sig_toggled = Signal(int, int)
    """(row, column) of the form toggled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formsGrid")
        self.setAccessibleName(tr("Forms of collaboration: participants and forms"))
        self.cellClicked.connect(lambda row, col: self.sig_toggled.emit(row, col))
        make_action("forms.toggle", self, self._toggle_current)  # the command registry's

    def show_forms(self, session: Session, moment_id: str | None) -> None:
        self.set_shape(session, [_header(label(f, current_language())) for f in FORMS])
        chosen = dg.forms_by_participant(session, moment_id) if moment_id else {}
        for row, pid in enumerate(self.participant_ids):
            mine = chosen.get(pid, [])
            for col, form in enumerate(FORMS):
                text = "✓" if form in mine else ""
                item = must(self.item(row, col))
                if item.text() != text:
                    item.setText(text)
                    item.setData(Qt.ItemDataRole.AccessibleTextRole,
                                 tr("chosen") if text else tr("not chosen"))

    def _toggle_current(self) -> None:
        if self.currentRow() >= 0:
            self.sig_toggled.emit(self.currentRow(), self.currentColumn())


def _header(text: str) -> str:
    """A column heading wrapped into short lines, so Dutch names fit a narrow column."""
    return wrap(text, 13)
