"""The diagnostics panel: scan, spectra and forms, each an entry grid beside its chart.

A view of the document like the step pages: it reads ``document.session``, writes only
through ``document.edit`` and refreshes on ``sig_changed``. Only the visible tab is
brought up to date at once; the others when they are shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop import locale_format
from workshop.domain import diagnostics as dg
from workshop.domain.labels import moment_label
from workshop.domain.model import Session, new_id
from workshop.domain.operations import Operation
from workshop.i18n import current_language, tr
from workshop.ui.diagnostics.charts import ConditionsChart, FormsChart, SpectraChart
from workshop.ui.diagnostics.entry import CONDITIONS, FORMS, FormsGrid, ScanGrid, SpectraGrid
from workshop.ui.document import EditRejected, SessionDocument
from workshop.ui.editing import try_edit


def moment_title(session: Session, moment_id: str) -> str:
    m = dg.moment(session, moment_id)
    if m is None:
        return moment_id
    lang = current_language()
    when = locale_format.date_time(m.taken_at, lang)
    name = moment_label(m, lang)
    return tr("{label} ({when})", label=name, when=when) if name.strip() else when


class DiagnosticsPanel(QWidget):
    """Five conditions scan, expectation spectra and forms of collaboration."""

    sig_message = Signal(str)
    """A short message for the status line (why an edit was refused)."""

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosticsPanel")
        self.document = document
        self.moment_id: str | None = None
        self.compare_id: str | None = None
        self._dirty: set[int] = set()
        self._filling = False
        self._moments_shown: object = None

        self.moment_box = QComboBox()
        self.moment_box.setAccessibleName(tr("Measurement moment"))
        self.moment_box.currentIndexChanged.connect(self._on_moment_chosen)
        self.compare_box = QComboBox()
        self.compare_box.setAccessibleName(tr("Compare with"))
        self.compare_box.currentIndexChanged.connect(self._on_compare_chosen)
        self.new_moment_button = QPushButton(tr("New measurement moment…"))
        self.new_moment_button.clicked.connect(self._ask_new_moment)
        self.participant_button = QPushButton(tr("Participant mode…"))
        self.participant_button.setToolTip(tr(
            "For a laptop handed round the table: one participant's questions at a time. "
            "Back to you with Ctrl+Shift+F12."))
        self.participant_button.clicked.connect(self.open_participant_mode)
        top = QHBoxLayout()
        moment_caption = QLabel(tr("&Moment:"))
        moment_caption.setBuddy(self.moment_box)
        compare_label = QLabel(tr("Compare &with:"))
        compare_label.setBuddy(self.compare_box)
        top.addWidget(moment_caption)
        top.addWidget(self.moment_box, 2)
        top.addWidget(compare_label)
        top.addWidget(self.compare_box, 2)
        top.addWidget(self.new_moment_button)
        top.addWidget(self.participant_button)

        self.note_edit = QLineEdit()
        self.tabs = QTabWidget()
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())

        # scan
        self.scan_grid = ScanGrid()
        self.scan_grid.sig_score.connect(self._on_score_typed)
        self.scan_grid.sig_note_requested.connect(lambda: self.note_edit.setFocus())
        self.scan_grid.currentCellChanged.connect(lambda *_a: self._show_note())
        self.note_edit.setObjectName("scoreNote")
        self.note_edit.setPlaceholderText(tr("Why this score? (optional)"))
        self.note_edit.editingFinished.connect(self._on_note_finished)
        self.note_edit.returnPressed.connect(lambda: self.scan_grid.setFocus())
        self.note_label = QLabel(tr("&Note:"))
        self.note_label.setBuddy(self.note_edit)
        self.scan_chart = ConditionsChart()
        hint = tr("Type 1-5 to score and move on; 0 or Delete clears; arrows move; "
                  "Enter goes to the note.")
        self.tabs.addTab(self._side_by_side(self.scan_grid, self.scan_chart, hint,
                                            self.note_label, self.note_edit),
                         tr("Five &conditions"))

        # spectra
        self.spectra_grid = SpectraGrid()
        self.spectra_grid.sig_mark.connect(self._on_mark_entered)
        self.spectra_chart = SpectraChart()
        self.axis_title = QLineEdit()
        self.axis_title.setPlaceholderText(tr("Title of the new axis"))
        self.axis_left = QLineEdit()
        self.axis_left.setPlaceholderText(tr("Left end (0)"))
        self.axis_right = QLineEdit()
        self.axis_right.setPlaceholderText(tr("Right end (100)"))
        add_axis = QPushButton(tr("Add &axis"))
        add_axis.clicked.connect(self._on_add_axis)
        axis_row = QWidget()
        axis_layout = QHBoxLayout(axis_row)
        axis_layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.axis_title, self.axis_left, self.axis_right):
            axis_layout.addWidget(w, 1)
        axis_layout.addWidget(add_axis)
        hint = tr("Type a mark from 0 to 100 and press Enter; Delete clears.")
        self.tabs.addTab(self._side_by_side(self.spectra_grid, self.spectra_chart, hint,
                                            None, axis_row), tr("Expectation &spectra"))

        # forms
        self.forms_grid = FormsGrid()
        self.forms_grid.sig_toggled.connect(self._on_form_toggled)
        self.forms_chart = FormsChart()
        hint = tr("Space or a click ticks a form; a participant may name several.")
        self.tabs.addTab(self._side_by_side(self.forms_grid, self.forms_chart, hint),
                         tr("&Forms of collaboration"))

        self.message = QLabel()
        self.message.setObjectName("diagnosticsMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.participant_mode: QWidget | None = None
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, self.open_participant_mode)
        document.sig_changed.connect(self._on_document_changed)
        self.refresh()

    @staticmethod
    def _side_by_side(grid: QWidget, chart: QWidget, hint: str, below_label: QLabel | None
                      = None, below: QWidget | None = None) -> QWidget:
        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)
        tip = QLabel(hint)
        tip.setWordWrap(True)
        col.addWidget(tip)
        col.addWidget(grid, 1)
        if below is not None:
            if below_label is not None:
                form = QFormLayout()
                form.addRow(below_label, below)
                col.addLayout(form)
            else:
                col.addWidget(below)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(chart)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([720, 620])
        return splitter

    # --- state ------------------------------------------------------------------------

    @property
    def session(self) -> Session:
        return self.document.session

    def refresh(self) -> None:
        """Moments lists, then the visible tab; the others when shown."""
        self._fill_moments()
        self._dirty = {0, 1, 2}
        self._refresh_current()

    def _on_document_changed(self, areas: frozenset[str]) -> None:
        if areas and not areas & {"diagnostics", "participants"}:
            return
        self.refresh()

    def _fill_moments(self) -> None:
        s = self.session
        moments = sorted(s.diagnostics.moments, key=lambda m: m.taken_at)
        ids = [m.id for m in moments]
        if self.moment_id not in ids:
            latest = dg.latest_moment(s)
            self.moment_id = latest.id if latest else None
        if self.compare_id not in ids or self.compare_id == self.moment_id:
            self.compare_id = None
        shown = (tuple((m.id, m.label, m.key, m.taken_at) for m in moments), self.moment_id,
                 self.compare_id)
        if shown == self._moments_shown:
            return
        self._moments_shown = shown
        self._filling = True
        try:
            self.moment_box.clear()
            for m in moments:
                self.moment_box.addItem(moment_title(s, m.id), m.id)
            if self.moment_id is not None:
                self.moment_box.setCurrentIndex(ids.index(self.moment_id))
            self.compare_box.clear()
            self.compare_box.addItem(tr("(no comparison)"), None)
            for m in moments:
                if m.id != self.moment_id:
                    self.compare_box.addItem(moment_title(s, m.id), m.id)
            index = self.compare_box.findData(self.compare_id)
            self.compare_box.setCurrentIndex(max(0, index))
        finally:
            self._filling = False

    def _refresh_current(self) -> None:
        index = self.tabs.currentIndex()
        if index not in self._dirty:
            return
        self._dirty.discard(index)
        s, m, c = self.session, self.moment_id, self.compare_id
        if index == 0:
            self.scan_grid.show_scores(s, m)
            self.scan_chart.show_moment(s, m, c)
            self._show_note()
        elif index == 1:
            self.spectra_grid.show_marks(s, m)
            self.spectra_chart.show_moment(s, m, c)
        else:
            self.forms_grid.show_forms(s, m)
            self.forms_chart.show_moment(s, m, c)

    def _on_moment_chosen(self, index: int) -> None:
        if self._filling or index < 0:
            return
        self.moment_id = self.moment_box.itemData(index)
        if self.compare_id == self.moment_id:
            self.compare_id = None
        self.refresh()

    def _on_compare_chosen(self, index: int) -> None:
        if self._filling or index < 0:
            return
        self.compare_id = self.compare_box.itemData(index)
        self._dirty = {0, 1, 2}
        self._refresh_current()

    # --- edits ------------------------------------------------------------------------

    def edit(self, label: str, op: Operation[Any, Any], *args: Any,
             merge_key: str | None = None, **kwargs: Any) -> bool:
        refused: list[EditRejected] = []
        done = try_edit(self.document, label, op, *args, merge_key=merge_key,
                        report=self._report, on_rejected=refused.append, **kwargs)
        if not refused:
            self.message.setText("")
        return done

    def _report(self, text: str) -> None:
        self.message.setText(text)
        self.sig_message.emit(text)

    def ensure_moment(self) -> str:
        """The moment being filled in; the first one is started on the first answer."""
        if self.moment_id is None:
            self.new_moment("", key="start_meeting")  # named in the language shown
        assert self.moment_id is not None
        return self.moment_id

    def new_moment(self, label: str, taken_at: dt.datetime | None = None,
                   key: str | None = None) -> str:
        when = taken_at or dt.datetime.now().replace(second=0, microsecond=0)
        previous = self.moment_id
        created = new_id("mt")
        if self.edit(tr("New measurement moment"), dg.add_moment, label, when, created,
                     key=key):
            self.moment_id = created
            self.compare_id = previous
            self.refresh()
        return self.moment_id or ""

    def _ask_new_moment(self) -> None:
        text, ok = QInputDialog.getText(
            self, tr("New measurement moment"),
            tr("Name of the moment (for example: evaluation after six months):"))
        if ok:
            self.new_moment(text.strip())

    def _on_score_typed(self, row: int, col: int, score: int) -> None:
        pid = self.scan_grid.participant_ids[row]
        condition = CONDITIONS[col]
        mid = self.ensure_moment()
        self.edit(tr("Score"), dg.set_score, mid, pid, condition, score or None)

    def _current_score_cell(self) -> tuple[str, int] | None:
        row, col = self.scan_grid.currentRow(), self.scan_grid.currentColumn()
        if row < 0 or col < 0 or row >= len(self.scan_grid.participant_ids):
            return None
        return self.scan_grid.participant_ids[row], col

    def _show_note(self) -> None:
        cell = self._current_score_cell()
        score = None
        if cell is not None and self.moment_id is not None:
            score = dg.scores_by_cell(self.session, self.moment_id).get(
                (cell[0], CONDITIONS[cell[1]]))
        self.note_edit.setEnabled(score is not None)
        text = score.note if score is not None else ""
        if self.note_edit.text() != text and not self.note_edit.hasFocus():
            self.note_edit.setText(text)

    def _on_note_finished(self) -> None:
        cell = self._current_score_cell()
        if cell is None or self.moment_id is None:
            return
        pid, col = cell
        condition = CONDITIONS[col]
        score = dg.scores_by_cell(self.session, self.moment_id).get((pid, condition))
        note = self.note_edit.text()
        if score is None or score.note == note:
            return
        mid = self.moment_id
        self.edit(tr("Note with a score"), dg.set_score, mid, pid, condition, score.score, note,
                  merge_key=f"note:{mid}:{pid}:{condition.value}")

    def _on_mark_entered(self, row: int, col: int, value: int) -> None:
        pid = self.spectra_grid.participant_ids[row]
        aid = self.spectra_grid.axis_ids[col]
        mid = self.ensure_moment()
        mark = None if value < 0 else max(0, min(100, value))
        self.edit(tr("Mark on a spectrum"), dg.set_mark, mid, pid, aid, mark)
        self._dirty.add(1)
        self._refresh_current()

    def _on_add_axis(self) -> None:
        title = self.axis_title.text().strip()
        if not title:
            self.message.setText(tr("Give the new axis a title first."))
            return
        left, right = self.axis_left.text().strip(), self.axis_right.text().strip()
        if self.edit(tr("Add an axis"), dg.add_axis, title, left, right):
            for w in (self.axis_title, self.axis_left, self.axis_right):
                w.clear()

    def _on_form_toggled(self, row: int, col: int) -> None:
        pid = self.forms_grid.participant_ids[row]
        form = FORMS[col]
        mid = self.ensure_moment()
        mine = set(dg.forms_by_participant(self.session, mid).get(pid, []))
        mine ^= {form}
        self.edit(tr("Form of collaboration"), dg.set_forms, mid, pid, mine)

    # --- participant mode -----------------------------------------------------------

    def open_participant_mode(self) -> None:
        from workshop.ui.diagnostics.participant_mode import ParticipantMode

        mode = ParticipantMode(self.document, self.ensure_moment(), self.window())
        self.participant_mode = mode
        mode.finished.connect(lambda _r: setattr(self, "participant_mode", None))
        mode.showFullScreen()
