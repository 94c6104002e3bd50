"""Step 7, the roadmap: actions with an owner, dates, phase, status and goal; milestones;
evaluation moments.

Keyboard flow: the new-action field has the focus; type a title, Enter, next title...
Tab (or Down) goes into the table at the action just added; Right moves to the owner;
typing (or Enter) edits the cell: a few letters of a name pick the owner, "1-4" a date;
Tab commits and moves on to the next cell. Escape (or Shift+Space, or a click on the row's
number) selects the whole row: then S spotlights the action and B, W, F act on the
projector, while typing edits nothing; Enter or ←/→ go back to the cells; Escape once
more goes back to the new-action field.
Delete removes the selected actions (Ctrl+Z brings them back). Ctrl+F filters.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import roadmap as edits
from workshop.domain.labels import label
from workshop.domain.model import (
    MAX_NAME,
    Action,
    ActionStatus,
    EvaluationMoment,
    Phase,
    Step,
)
from workshop.domain.model import new_id as make_id
from workshop.domain.operations import Operation
from workshop.i18n import current_language, tr
from workshop.ui.commands import key_hint
from workshop.ui.document import SessionDocument
from workshop.ui.pages.base import Page
from workshop.ui.pages.roadmap.actions import (
    ActionsDelegate,
    ActionsView,
    proxy_rows,
    set_current_row,
)
from workshop.ui.pages.roadmap.actions_model import (
    ActionsFilter,
    ActionsModel,
    Col,
    owner_choices,
    owner_from_key,
)
from workshop.ui.pages.roadmap.moments import MomentsPanel
from workshop.ui.pages.roadmap.rows import one_line, text_edit
from workshop.ui.pages.roadmap.series import EvaluationSeriesDialog

_ERROR_STYLE = "color: #b00020; font-weight: bold;"


class RoadmapPage(Page):
    """Actions table with quick entry and filters; milestones and evaluation moments."""

    step = Step.ROADMAP
    areas = frozenset({"roadmap", "participants", "ambition"})

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self._message_is_error = True
        self._owner_choices: list[tuple[str, str]] | None = None
        self.series_dialog: EvaluationSeriesDialog | None = None
        self.model = ActionsModel(lambda: self.session, self.try_edit)
        self.proxy = ActionsFilter(self.model)
        self._build_filters()
        self._build_entry()
        self._build_table()
        self._build_moments()
        self._build_layout()
        self.sig_message.connect(self._on_message)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.modelReset, self.proxy.layoutChanged):
            signal.connect(self._update_count)
        shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._focus_search)

    # --- building ------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("roadmapSearch")
        self.search.setPlaceholderText(tr("Title, description, owner or goal"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_filter(text=text))
        self.owner_filter = QComboBox()
        self.owner_filter.setAccessibleName(tr("Filter by owner"))
        self.owner_filter.setToolTip(tr("An organisation also shows the actions of its "
                                        "people."))
        self.owner_filter.currentIndexChanged.connect(self._on_owner_filter_changed)
        self.phase_filter = QComboBox()
        self.phase_filter.setAccessibleName(tr("Filter by phase"))
        self.phase_filter.addItem(tr("All phases"), "")
        for phase in Phase:
            self.phase_filter.addItem(label(phase, current_language()), phase.value)
        self.phase_filter.currentIndexChanged.connect(self._on_phase_filter_changed)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(tr("Filter by status"))
        self.status_filter.addItem(tr("All statuses"), "")
        for status in ActionStatus:
            self.status_filter.addItem(label(status, current_language()), status.value)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("roadmapCount")

    def _build_entry(self) -> None:
        self.new_title = text_edit(limit=MAX_NAME)
        self.new_title.setObjectName("newAction")
        self.new_title.setPlaceholderText(tr("Type an action and press Enter; the next one "
                                             "right after"))
        self.new_title.setAccessibleName(tr("New action"))
        self.new_title.returnPressed.connect(self.add_action)
        self.new_title.installEventFilter(self)
        self.add_button = QPushButton(tr("Add"))
        self.add_button.setAccessibleName(tr("Add action"))
        self.add_button.clicked.connect(self.add_action)
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.setAccessibleName(tr("Remove the selected actions"))
        self.remove_button.setToolTip(tr("Remove the selected actions (Delete); Ctrl+Z "
                                         "brings them back."))
        self.remove_button.clicked.connect(self.remove_selected)

    def _build_table(self) -> None:
        self.table = ActionsView()
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(ActionsDelegate(
            self.model, self.proxy, lambda: self.session, self.reference_date,
            self.sig_message.emit, self.table))
        self.table.sig_remove.connect(self.remove_selected)
        self.table.sig_leave.connect(self.new_title.setFocus)
        self.keys_hint = QLabel()
        self.keys_hint.setObjectName("roadmapKeys")
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setStyleSheet("color: #5b5b5b;")
        self.table.sig_whole_row.connect(self._on_whole_row)
        self._on_whole_row(False)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        metrics = self.table.fontMetrics()
        date_width = metrics.horizontalAdvance("00-00-00000") + 16
        widths = {Col.TITLE: 250, Col.OWNER: 200, Col.START: date_width,
                  Col.DUE: date_width, Col.PHASE: metrics.horizontalAdvance("Businesscase__"),
                  Col.STATUS: metrics.horizontalAdvance("Gepauzeerd___"), Col.GOAL: 170}
        for col, width in widths.items():
            self.table.setColumnWidth(col, width)
        # the texts share what the dates, phase and status leave, so at 1024x768 every
        # column shows (a long title elides, whole in its tooltip) instead of one cut off
        for col in (Col.TITLE, Col.OWNER, Col.GOAL):
            self.table.horizontalHeader().setSectionResizeMode(
                col, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setObjectName("roadmapMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

    def _build_moments(self) -> None:
        self.milestones = MomentsPanel("milestones", lambda: self.session, self.try_edit,
                                       self.reference_date)
        self.evaluations = MomentsPanel("evaluations", lambda: self.session, self.try_edit,
                                        self.reference_date)
        for panel in (self.milestones, self.evaluations):
            panel.sig_message.connect(self._notify)
        self.series_button = QPushButton(tr("Plan a series…"))
        self.series_button.setToolTip(tr("Evaluation moments at a fixed rhythm, for example "
                                         "twice a year"))
        self.series_button.clicked.connect(self.open_series_dialog)
        self.series_button.setAutoDefault(False)
        self.evaluations.header_row.insertWidget(1, self.series_button)

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        search_label = QLabel(tr("&Filter:"))
        search_label.setBuddy(self.search)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 2)
        filters.addWidget(self.owner_filter, 2)
        filters.addWidget(self.phase_filter, 1)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.count_label)
        entry = QHBoxLayout()
        entry_label = QLabel(tr("&New action:"))
        entry_label.setBuddy(self.new_title)
        entry.addWidget(entry_label)
        entry.addWidget(self.new_title, 1)
        entry.addWidget(self.add_button)
        entry.addWidget(self.remove_button)
        actions = QWidget()
        top = QVBoxLayout(actions)
        top.setContentsMargins(0, 0, 0, 0)
        top.addLayout(filters)
        top.addLayout(entry)
        top.addWidget(self.table, 1)
        top.addWidget(self.keys_hint)
        top.addWidget(self.message)
        moments = QWidget()
        bottom = QHBoxLayout(moments)
        bottom.setContentsMargins(0, 6, 0, 0)
        bottom.addWidget(self.milestones, 1)
        bottom.addSpacing(12)
        bottom.addWidget(self.evaluations, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(actions)
        self.splitter.addWidget(moments)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        chain = [self.search, self.owner_filter, self.phase_filter, self.status_filter,
                 self.new_title, self.table, self.add_button, self.remove_button,
                 self.milestones.title_edit, self.milestones.date_edit,
                 self.milestones.add_button, self.milestones.view,
                 self.milestones.remove_button, self.evaluations.title_edit,
                 self.evaluations.date_edit, self.evaluations.add_button,
                 self.evaluations.view, self.series_button, self.evaluations.remove_button]
        for first, second in zip(chain, chain[1:], strict=False):
            self.setTabOrder(first, second)

    # --- Page ------------------------------------------------------------------------

    def reference_date(self) -> dt.date:
        """Dates typed without a year fall on or after the meeting (or today)."""
        return self.session.details.date or dt.date.today()

    def refresh(self, areas: frozenset[str]) -> None:
        everything = not areas
        lookups_changed = False
        if everything or areas & {"participants", "ambition"}:
            lookups_changed = self.model.refresh_lookups()
            if everything or "participants" in areas:
                self._fill_owner_filter()
        if everything or "roadmap" in areas or lookups_changed:
            self.model.sync(all_changed=lookups_changed)
        if everything or "roadmap" in areas:
            self.milestones.refresh()
            self.evaluations.refresh()
            if self._message_is_error:
                self.message.clear()
        self._update_count()

    def focus_first(self) -> None:
        self.new_title.setFocus()

    def try_edit(self, label: str, op: Operation[Any, Any], *args: Any,
                 merge_key: str | None = None, **kwargs: Any) -> bool:
        ok = super().try_edit(label, op, *args, merge_key=merge_key, **kwargs)
        if not ok:
            # A refused edit puts fresh copies of the touched areas back without a change
            # signal: read them again (the message about the refusal stays).
            self.model.sync()
            self.milestones.model.sync()
            self.evaluations.model.sync()
        return ok

    def show_item(self, item_id: str) -> bool:
        """Select an action, milestone or evaluation moment (clearing filters that hide it);
        "evaluations" or "milestones": the title field where a new one is typed."""
        if item_id in ("evaluations", "milestones"):
            panel = self.evaluations if item_id == "evaluations" else self.milestones
            panel.title_edit.setFocus()
            return True
        row = self.model.row_of(item_id)
        if row < 0:
            for panel in (self.milestones, self.evaluations):
                if panel.model.row_of(item_id) >= 0:
                    panel.show_item(item_id)
                    panel.view.setFocus()
                    return True
            return False
        proxy_row = self.proxy.mapFromSource(self.model.index(row, 0)).row()
        if proxy_row < 0:
            self.clear_filters()
            proxy_row = self.proxy.mapFromSource(self.model.index(row, 0)).row()
        set_current_row(self.table, proxy_row)
        self.table.setFocus()
        return True

    def clear_filters(self) -> None:
        self.search.clear()
        for combo in (self.owner_filter, self.phase_filter, self.status_filter):
            combo.setCurrentIndex(0)

    # --- actions -------------------------------------------------------------------

    def add_action(self) -> None:
        """Add the typed title as an action; the filters' owner, phase and status are its
        defaults, so that it shows in the filtered list."""
        title = self.new_title.text().strip()
        if not title:
            return
        owner_key = self.proxy.owner
        action = Action(id=make_id("a"), title=title,
                        owner=owner_from_key(owner_key) if owner_key else None,
                        phase=self.proxy.phase or Phase.ANALYSIS,
                        status=self.proxy.status or ActionStatus.PLANNED)
        if not self.try_edit(tr("Add action"), edits.add_items, "roadmap.actions", [action]):
            return
        self.new_title.clear()
        row = self.model.row_of(action.id)
        proxy_row = self.proxy.mapFromSource(self.model.index(row, 0)).row()
        if proxy_row >= 0:
            set_current_row(self.table, proxy_row)
            self._notify(tr("Action “{title}” added.", title=one_line(title, 60)), False)
        else:
            self._notify(tr("Action “{title}” added; the filter hides it.",
                            title=one_line(title, 60)), False)

    def remove_selected(self) -> None:
        rows = proxy_rows(self.table)
        if not rows:
            return
        ids = {self.model.item(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).id
               for r in rows}
        titles = [a.title for a in self.session.roadmap.actions if a.id in ids]
        if self.try_edit(tr("Remove actions"), edits.remove_items, "roadmap.actions", ids):
            set_current_row(self.table, rows[0], self.table.currentIndex().column())
            self._notify(tr("Removed the action “{title}”. Ctrl+Z brings it back.",
                            title=one_line(titles[0], 60)) if len(ids) == 1
                         else tr("Removed {count} actions. Ctrl+Z brings them back.",
                                 count=len(ids)), False)

    # --- evaluation series ---------------------------------------------------------

    def open_series_dialog(self) -> EvaluationSeriesDialog:
        existing = {e.date for e in self.session.roadmap.evaluations}
        dialog = EvaluationSeriesDialog(self.reference_date, existing, self,
                                        self.session.details.language)
        dialog.sig_add.connect(self.add_evaluation_series)
        dialog.finished.connect(lambda _r: self.evaluations.view.setFocus())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.series_dialog = dialog
        dialog.destroyed.connect(self._on_series_dialog_destroyed)
        dialog.open()
        return dialog

    def _on_series_dialog_destroyed(self) -> None:
        self.series_dialog = None

    def add_evaluation_series(self, title: str, note: str, dates: list[dt.date]) -> None:
        """All the dated moments of a series as one undoable edit."""
        moments = [EvaluationMoment(id=make_id("e"), title=title, date=day, note=note)
                   for day in dates]
        if self.try_edit(tr("Plan evaluation moments"), edits.add_items, "roadmap.evaluations",
                         moments):
            if moments:
                self.evaluations.show_item(moments[0].id)
            self._notify(tr("{count} evaluation moments added.", count=len(moments)), False)

    # --- helpers -------------------------------------------------------------------

    def _fill_owner_filter(self) -> None:
        choices = [(key, one_line(text, 80)) for key, text in owner_choices(self.session)]
        if choices == self._owner_choices:
            return
        self._owner_choices = choices
        key = self.proxy.owner
        combo = self.owner_filter
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(tr("All owners"), None)
        combo.addItem(tr("No owner"), "")
        people = [c for c in choices if c[0].startswith("p:")]
        for data, text in people:
            combo.addItem(text, data)
        if len(choices) > len(people):
            combo.insertSeparator(combo.count())
        for data, text in choices[len(people):]:
            combo.addItem(text, data)
        index = combo.findData(key) if key is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if index < 0:  # the chosen owner is gone
            self.proxy.set_filter(owner=None)

    def _on_owner_filter_changed(self, _index: int) -> None:
        self.proxy.set_filter(owner=self.owner_filter.currentData())
        self._update_count()

    def _on_phase_filter_changed(self, _index: int) -> None:
        value = self.phase_filter.currentData()
        self.proxy.set_filter(phase=Phase(value) if value else None)
        self._update_count()

    def _on_status_filter_changed(self, _index: int) -> None:
        value = self.status_filter.currentData()
        self.proxy.set_filter(status=ActionStatus(value) if value else None)
        self._update_count()

    def _update_count(self, *_args: object) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.count_label.setText(tr("{shown} of {total} actions", shown=shown, total=total)
                                 if self.proxy.is_filtered() else
                                 tr("{total} actions", total=total) if total != 1
                                 else tr("1 action"))
        self.remove_button.setEnabled(shown > 0)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            row = self.proxy.mapToSource(current).row()
            self.sig_highlight.emit(self.model.item(row).id)

    def _on_whole_row(self, whole: bool) -> None:
        self.keys_hint.setText(tr(
            "Whole action selected: S spotlights it on the projector, B/W/F black, white, "
            "freeze · Enter or ←/→ edit its cells · Esc new action") if whole else tr(
            "Typing edits the cell · {keys} · Tab next cell", keys=key_hint(
                "actions.edit", "actions.whole_row", "actions.remove")))

    def _notify(self, text: str, error: bool) -> None:
        self._message_is_error = error
        self.sig_message.emit(text)
        self._message_is_error = True

    def _on_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(_ERROR_STYLE if self._message_is_error else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (watched is self.new_title and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down):
            if not self.table.currentIndex().isValid():
                set_current_row(self.table, 0)
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)
