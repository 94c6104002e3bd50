"""Milestones and evaluation moments: dated entries beside the actions.

One panel serves both lists (title, date, note): a quick entry line (title, Tab, date,
Enter), a table sorted by date and edited in place, Delete to remove (Ctrl+Z brings it
back). The evaluation panel adds "Plan a series…" (``EvaluationSeriesDialog``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Literal

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import roadmap as edits
from workshop.domain.model import MAX_NAME, MAX_TEXT, EvaluationMoment, Milestone, Session, new_id
from workshop.i18n import N_, tr
from workshop.ui.commands import make_action
from workshop.ui.pages.roadmap.actions import proxy_rows, set_current_row
from workshop.ui.pages.roadmap.dates import DateEdit, format_date
from workshop.ui.pages.roadmap.rows import (
    SORT_ROLE,
    EditFn,
    Index,
    SessionRowsModel,
    fold,
    one_line,
    text_edit,
)

Kind = Literal["milestones", "evaluations"]
TITLE, DATE, NOTE = 0, 1, 2
_FIELDS = ("title", "date", "note")


class MomentsModel(SessionRowsModel):
    """``roadmap.milestones`` or ``roadmap.evaluations``."""

    headers = (N_("Title"), N_("Date"), N_("Note"))

    def __init__(self, kind: Kind, session: Callable[[], Session], edit: EditFn) -> None:
        super().__init__(session, edit)
        self.kind = kind

    def items(self, session: Session) -> list[Any]:
        return list(getattr(session.roadmap, self.kind))

    def cell(self, item: Any, column: int, role: int) -> Any:
        m: Milestone | EvaluationMoment = item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (one_line(m.title), format_date(m.date), one_line(m.note))[column]
        if role == SORT_ROLE:
            return (fold(m.title), m.date.isoformat(), fold(m.note))[column]
        if role == Qt.ItemDataRole.ToolTipRole and column != DATE:
            return (m.title if column == TITLE else m.note)[:1000] or None
        return None

    def set_value(self, row: int, column: int, value: object) -> bool:
        item_id = self._ids[row]
        field = _FIELDS[column]
        return self._edit(tr("Edit {field}", field=tr(self.headers[column])),
                          edits.set_item_field, f"roadmap.{self.kind}", item_id, field, value)


class MomentsDelegate(QStyledItemDelegate):
    def __init__(self, source: MomentsModel, proxy: QSortFilterProxyModel,
                 reference: Callable[[], dt.date], report: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._proxy = proxy
        self._reference = reference
        self._report = report

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        editor = (DateEdit(self._reference, parent, allow_empty=False)
                  if index.column() == DATE else
                  text_edit(parent, limit=MAX_NAME if index.column() == TITLE else MAX_TEXT))
        editor.setAccessibleName(tr(MomentsModel.headers[index.column()]))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        item = self._source.item(self._proxy.mapToSource(index).row())
        if isinstance(editor, DateEdit):
            editor.set_date(item.date)
        elif isinstance(editor, QLineEdit):
            editor.setText(item.title if index.column() == TITLE else item.note)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        row = self._proxy.mapToSource(index).row()
        if isinstance(editor, DateEdit):
            try:
                value: object = editor.date_value()
            except ValueError:
                self._report(tr("“{text}” is not a date. Type for example 1-4-2026.",
                                text=one_line(editor.text(), 40)) if editor.text().strip()
                             else tr("A date is needed here."))
                return
        else:
            assert isinstance(editor, QLineEdit)
            value = editor.text()
        self._source.set_value(row, index.column(), value)


class MomentsView(QTableView):
    sig_remove = Signal()
    """Delete was pressed on the selected rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSortIndicatorClearable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setSortingEnabled(True)
        self.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
        # Keys of the list (not of a cell's editor), from the command registry.
        make_action("moments.edit", self, self._edit_current)
        make_action("moments.remove", self, lambda: self.sig_remove.emit())

    def _edit_current(self) -> None:
        if self.currentIndex().isValid():
            self.edit(self.currentIndex())


_TEXTS = {
    "milestones": {
        "title": N_("Milestones"),
        "count": N_("Milestones ({count})"),
        "placeholder": N_("Milestone, Tab, date, Enter"),
        "added": N_("Milestone “{title}” added."),
        "removed_one": N_("Removed the milestone “{title}”. Ctrl+Z brings it back."),
        "removed_many": N_("Removed {count} milestones. Ctrl+Z brings them back."),
        "add_label": N_("Add milestone"),
        "remove_label": N_("Remove milestones"),
    },
    "evaluations": {
        "title": N_("Evaluation moments"),
        "count": N_("Evaluation moments ({count})"),
        "placeholder": N_("Moment, Tab, date, Enter"),
        "added": N_("Evaluation moment “{title}” added."),
        "removed_one": N_("Removed the evaluation moment “{title}”. Ctrl+Z brings it back."),
        "removed_many": N_("Removed {count} evaluation moments. Ctrl+Z brings them back."),
        "add_label": N_("Add evaluation moment"),
        "remove_label": N_("Remove evaluation moments"),
    },
}


class MomentsPanel(QWidget):
    """Quick entry, table and removal for one list of dated entries."""

    sig_message = Signal(str, bool)
    """A message for the page (text, is_error)."""

    def __init__(self, kind: Kind, session: Callable[[], Session], edit: EditFn,
                 reference: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._session = session
        self._edit = edit
        self._texts = _TEXTS[kind]
        self.setObjectName(f"roadmap-{kind}")
        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)

        self.title_edit = text_edit(limit=MAX_NAME)
        self.title_edit.setPlaceholderText(tr(self._texts["placeholder"]))
        self.title_edit.setAccessibleName(tr(self._texts["placeholder"]))
        self.title_edit.returnPressed.connect(self.add_from_entry)
        self.date_edit = DateEdit(reference, allow_empty=False)
        self.date_edit.setAccessibleName(tr("Date"))
        self.date_edit.returnPressed.connect(self.add_from_entry)
        self.date_edit.setMaximumWidth(self.date_edit.fontMetrics().horizontalAdvance(
            "00-00-00000") + 48)
        self.add_button = QPushButton(tr("Add"))
        self.add_button.setToolTip(tr(self._texts["add_label"]))
        self.add_button.setAccessibleName(tr(self._texts["add_label"]))
        self.add_button.clicked.connect(self.add_from_entry)
        self.add_button.setAutoDefault(False)

        self.model = MomentsModel(kind, session, edit)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setDynamicSortFilter(True)
        self.view = MomentsView()
        self.view.setObjectName(f"roadmap-{kind}-table")
        self.view.setAccessibleName(tr(self._texts["title"]))
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(MomentsDelegate(self.model, self.proxy, reference,
                                                  lambda t: self.sig_message.emit(t, True),
                                                  self.view))
        self.view.sig_remove.connect(self.remove_selected)
        self.view.setColumnWidth(TITLE, 220)
        # the title gives way (whole in its tooltip), so the note column shows at 1024x768
        self.view.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(DATE, self.view.fontMetrics().horizontalAdvance(
            "00-00-00000") + 16)
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.setToolTip(tr(self._texts["remove_label"]) + " (Delete)")
        self.remove_button.setAccessibleName(tr(self._texts["remove_label"]))
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setAutoDefault(False)

        self.header_row = QHBoxLayout()
        self.header_row.addWidget(self.heading, 1)
        self.header_row.addWidget(self.remove_button)
        entry = QHBoxLayout()
        entry.addWidget(self.title_edit, 1)
        entry.addWidget(self.date_edit)
        entry.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.header_row)
        layout.addLayout(entry)
        layout.addWidget(self.view, 1)
        self.setTabOrder(self.title_edit, self.date_edit)
        self.setTabOrder(self.date_edit, self.add_button)
        self.setTabOrder(self.add_button, self.view)

    def refresh(self) -> None:
        self.model.sync()
        self.heading.setText(tr(self._texts["count"], count=self.model.rowCount()))
        self.remove_button.setEnabled(self.model.rowCount() > 0)

    # --- adding and removing -------------------------------------------------------

    def add_from_entry(self) -> None:
        title = self.title_edit.text().strip()
        if not title:
            self.title_edit.setFocus()
            return
        try:
            day = self.date_edit.date_value()
        except ValueError:
            day = None
        if day is None:
            self.sig_message.emit(tr("A date is needed here.") if not self.date_edit.text()
                                  .strip() else tr("“{text}” is not a date. Type for example "
                                                   "1-4-2026.",
                                                   text=one_line(self.date_edit.text(), 40)),
                                  True)
            self.date_edit.setFocus()
            self.date_edit.selectAll()
            return
        if self.add(title, day):
            self.title_edit.clear()
            self.date_edit.clear()
            self.title_edit.setFocus()

    def add(self, title: str, day: dt.date, note: str = "") -> bool:
        cls = Milestone if self.kind == "milestones" else EvaluationMoment
        entry = cls(id=new_id("m" if self.kind == "milestones" else "e"), title=title,
                    date=day, note=note)
        if not self._edit(tr(self._texts["add_label"]), edits.add_items, f"roadmap.{self.kind}",
                          [entry]):
            return False
        self.show_item(entry.id)
        self.sig_message.emit(tr(self._texts["added"], title=one_line(title, 60)), False)
        return True

    def show_item(self, item_id: str) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            set_current_row(self.view, self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def remove_selected(self) -> None:
        rows = proxy_rows(self.view)
        if not rows:
            return
        ids = {self.model.item(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).id
               for r in rows}
        titles = [x.title for x in self.model.items(self._session()) if x.id in ids]
        if self._edit(tr(self._texts["remove_label"]), edits.remove_items,
                      f"roadmap.{self.kind}", ids):
            set_current_row(self.view, rows[0])
            self.sig_message.emit(
                tr(self._texts["removed_one"], title=one_line(titles[0], 60)) if len(ids) == 1
                else tr(self._texts["removed_many"], count=len(ids)), False)
