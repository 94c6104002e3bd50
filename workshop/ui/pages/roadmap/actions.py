"""The roadmap's actions as a sortable, filterable table edited in place.

``ActionsModel`` reads ``session.roadmap.actions``; ``ActionsFilter`` sorts and filters
it (text, owner, phase, status); ``ActionsDelegate`` gives every column its editor: a
line edit for text, ``DateEdit`` for dates ("no date" allowed), combos with type-ahead
for owner, phase, status and goal. Every cell edit is one ``document.edit``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from workshop.domain.labels import label
from workshop.domain.model import MAX_NAME, MAX_TEXT, Action, ActionStatus, Phase, Session
from workshop.i18n import current_language, tr
from workshop.ui.commands import make_action
from workshop.ui.must import must
from workshop.ui.pages.roadmap.actions_model import (
    ActionsModel,
    Col,
    owner_choices,
    owner_from_key,
    owner_key,
)
from workshop.ui.pages.roadmap.dates import DateEdit
from workshop.ui.pages.roadmap.rows import (
    Index,
    fold,
    one_line,
    text_edit,
)

if TYPE_CHECKING:
    from workshop.ui.pages.roadmap.actions_model import ActionsFilter



"""The owner key ("", "p:<id>", "o:<name>") or enum value behind a cell."""

class OwnerCombo(QComboBox):
    """Participants and organisations; type any part of a name to narrow the list."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem(tr("— no owner —"), "")
        choices = owner_choices(session)
        people = [c for c in choices if c[0].startswith("p:")]
        for key, text in people:
            self.addItem(one_line(text, 120), key)
        if len(choices) > len(people):
            self.insertSeparator(self.count())
        for key, text in choices[len(people):]:
            self.addItem(one_line(text, 120), key)
            self.setItemData(self.count() - 1, tr("An organisation"),
                             Qt.ItemDataRole.ToolTipRole)
        completer = QCompleter(self.model(), self)
        completer.setCompletionColumn(0)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setAccessibleName(tr("Owner"))
        must(self.lineEdit()).setPlaceholderText(tr("Type a name or organisation"))

    def set_key(self, key: str) -> None:
        """Show ``key``'s owner, all selected so that typing replaces it (empty for none)."""
        self.setCurrentIndex(max(0, self.findData(key)))
        line = must(self.lineEdit())
        if not key:
            line.clear()
        line.selectAll()

    def chosen_key(self) -> str | None:
        """The key of what the text names; None when it names nobody."""
        text = self.currentText().strip()
        if not text:
            return ""
        folded = fold(text)
        matches = [i for i in range(self.count()) if self.itemData(i) is not None
                   and folded in fold(self.itemText(i))]
        exact = [i for i in matches if fold(self.itemText(i)) == folded]
        chosen = exact or matches
        return str(self.itemData(chosen[0])) if chosen else None

def enum_combo(values: list[Any], current: str, parent: QWidget,
               none_text: str | None = None) -> QComboBox:
    """A combo of enum values (non-editable: typing the first letters picks one)."""
    combo = QComboBox(parent)
    if none_text is not None:
        combo.addItem(none_text, "")
    for value in values:
        combo.addItem(label(value, current_language()), value.value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo

class ActionsDelegate(QStyledItemDelegate):
    """The editor of each column, and the edit each editor makes."""

    def __init__(self, source: ActionsModel, proxy: ActionsFilter,
                 session: Callable[[], Session], reference: Callable[[], dt.date],
                 report: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._proxy = proxy
        self._session = session
        self._reference = reference
        self._report = report

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        view = self.parent()
        if isinstance(view, ActionsView) and view.whole_row:
            # the whole row is what the keys act on: no cell looks current
            option.state &= ~QStyle.StateFlag.State_HasFocus

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        view = self.parent()
        if isinstance(view, ActionsView):
            view.set_whole_row(False)  # editing a cell: the cell is current again
        col = Col(index.column())
        editor: QWidget
        if col in (Col.START, Col.DUE):
            editor = DateEdit(self._reference, parent)
        elif col is Col.OWNER:
            editor = OwnerCombo(self._session(), parent)
            # picking a match in the list is the choice: no second Enter needed
            must(editor.completer()).activated.connect(
                lambda _text, e=editor: self._commit_and_close(e))
        elif col is Col.PHASE:
            editor = enum_combo(list(Phase), "", parent)
        elif col is Col.STATUS:
            editor = enum_combo(list(ActionStatus), "", parent)
        elif col is Col.GOAL:
            editor = QComboBox(parent)
            editor.addItem(tr("— no goal —"), "")
            for goal in self._session().ambition.goals:
                editor.addItem(tr("{aim}: {goal}", aim=label(goal.aim, current_language()),
                                  goal=one_line(goal.text, 100)), goal.id)
        else:
            editor = text_edit(parent, limit=MAX_NAME if col is Col.TITLE else MAX_TEXT)
        editor.setAccessibleName(tr(ActionsModel.headers[col]))
        return editor

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        row = self._proxy.mapToSource(index).row()
        action: Action = self._source.item(row)
        col = Col(index.column())
        if isinstance(editor, DateEdit):
            editor.set_date(action.start if col is Col.START else action.due)
        elif isinstance(editor, OwnerCombo):
            editor.set_key(owner_key(action.owner))
        elif isinstance(editor, QComboBox):
            current = {Col.PHASE: action.phase.value, Col.STATUS: action.status.value,
                       Col.GOAL: action.goal_id or ""}[col]
            editor.setCurrentIndex(max(0, editor.findData(current)))
        elif isinstance(editor, QLineEdit):
            editor.setText(action.title if col is Col.TITLE else action.description)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        row = self._proxy.mapToSource(index).row()
        col = Col(index.column())
        value: object
        if isinstance(editor, DateEdit):
            try:
                value = editor.date_value()
            except ValueError:
                self._report(tr("“{text}” is not a date. Type for example 1-4-2026.",
                                text=one_line(editor.text(), 40)))
                return
        elif isinstance(editor, OwnerCombo):
            key = editor.chosen_key()
            if key is None:
                self._report(tr("“{text}” is neither a participant nor an organisation of "
                                "this session.", text=one_line(editor.currentText(), 40)))
                return
            value = owner_from_key(key)
        elif isinstance(editor, QComboBox):
            data = editor.currentData()
            if col is Col.PHASE:
                value = Phase(data)
            elif col is Col.STATUS:
                value = ActionStatus(data)
            else:
                value = data or None
        else:
            assert isinstance(editor, QLineEdit)
            value = editor.text()
        self._source.set_value(row, col, value)

EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked
                 | QAbstractItemView.EditTrigger.EditKeyPressed)

"""How a cell's editor opens in either mode; typing opens it too when a cell is current."""

class ActionsView(QTableView):
    """The table: Enter or typing edits the cell, Delete removes, Escape leaves.

    Two ways of being in the table, as in a spreadsheet. A *cell* is current (after a
    click on it, Tab or an arrow into it): typing edits that cell, so a name starting
    with S or B is a name. The *whole row* is selected (a click on its number,
    Shift+Space, or Escape out of a cell): typing edits nothing, and the room's keys
    act on the action: S spotlights it, B, W and F blank or freeze the projector.
    Enter, F2 or ←/→ go back to the cells; Escape on a whole row leaves the table.
    """

    sig_remove = Signal()
    """Delete was pressed on the selected rows."""
    sig_leave = Signal()
    """Escape was pressed on a whole row: back to the new-action field."""
    sig_whole_row = Signal(bool)
    """The whole row (True) or one cell (False) is now what the keys act on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roadmapActions")
        self.setAccessibleName(tr("Actions"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.whole_row = False
        self.setEditTriggers(EDIT_TRIGGERS | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        rows = self.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setToolTip(tr("Click a number to select the whole action: then S spotlights it "
                           "on the projector."))
        rows.sectionPressed.connect(lambda _row: self.set_whole_row(True))
        # The command registry's keys, on the table itself (a cell's editor keeps its own).
        make_action("actions.whole_row", self, self._escape, keys=["Esc"])
        make_action("actions.whole_row", self, lambda: self.set_whole_row(True),
                    keys=["Shift+Space"])
        make_action("actions.edit", self, self._edit_current)
        make_action("actions.remove", self, lambda: self.sig_remove.emit())
        header = self.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorClearable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setSortingEnabled(True)

    def set_whole_row(self, on: bool) -> None:
        """The keys act on the whole row (the room's keys) or on one cell (typing edits)."""
        if on == self.whole_row:
            return
        self.whole_row = on
        self.setEditTriggers(EDIT_TRIGGERS if on else
                             EDIT_TRIGGERS | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.viewport().update()
        self.sig_whole_row.emit(on)

    def closeEditor(self, editor: QWidget,  # noqa: N802
                    hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint is QAbstractItemDelegate.EndEditHint.RevertModelCache:
            self.set_whole_row(True)  # Escape out of a cell: the row is what is left

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.indexAt(event.position().toPoint()).isValid():
            self.set_whole_row(False)  # a click on a cell makes the cell current
        super().mousePressEvent(event)

    def _escape(self) -> None:
        """Esc: from a cell to its whole row; from a whole row out of the table."""
        if self.whole_row or not self.currentIndex().isValid():
            self.sig_leave.emit()
        else:
            self.set_whole_row(True)

    def _edit_current(self) -> None:
        if self.currentIndex().isValid():
            self.edit(self.currentIndex())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Not commands but what a whole row does with the remaining keys: an arrow along
        # the row goes back to the cells; a typed letter edits nothing (and leaves the room
        # keys to ``LetterKeys``).
        if self.whole_row and self.state() != QAbstractItemView.State.EditingState:
            if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home,
                               Qt.Key.Key_End):
                self.set_whole_row(False)
            elif event.text().strip() and not event.modifiers() & ~(
                    Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier):
                event.ignore()
                return
        super().keyPressEvent(event)

def proxy_rows(view: QAbstractItemView) -> list[int]:
    """Selected rows of ``view`` in view order."""
    return sorted({i.row() for i in view.selectionModel().selectedRows()})

def set_current_row(view: QAbstractItemView, row: int, column: int = 0) -> None:
    model = view.model()
    if model.rowCount() == 0:
        return
    row = max(0, min(row, model.rowCount() - 1))
    index = model.index(row, column)
    view.setCurrentIndex(index)
    view.selectionModel().select(index, view.selectionModel().SelectionFlag.ClearAndSelect
                                 | view.selectionModel().SelectionFlag.Rows)
    view.scrollTo(index)
