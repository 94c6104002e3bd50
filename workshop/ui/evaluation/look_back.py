"""Evaluation step 1, look back: where the collaboration stands since the version it
revises. The link to that version (found, changed or missing, with a chooser), each
roadmap action's status (done, on track, late, dropped) with a note, what the
evaluation moments asked and what the table answers, and the goals' indicators with
their baseline, the value now and the trend.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.domain import evaluation as ev
from workshop.domain.fingerprint import owner_label, short_fingerprint
from workshop.domain.model import ReviewStatus, Session
from workshop.domain.operations import Operation
from workshop.history import chain_lines
from workshop.i18n import N_, current_language, tr
from workshop.storage import settings
from workshop.storage.chain import Link, check_chain, check_entry
from workshop.ui.document import EditRejected, SessionDocument
from workshop.ui.editing import try_edit
from workshop.ui.evaluation.indicators import IndicatorsEditor
from workshop.ui.pages.roadmap.dates import format_date
from workshop.ui.session_files import file_filter

STATUS_TITLES = {
    ReviewStatus.DONE: N_("done"),
    ReviewStatus.ON_TRACK: N_("on track"),
    ReviewStatus.LATE: N_("late"),
    ReviewStatus.DROPPED: N_("dropped"),
}
LINK_TEXTS = {
    "ok": N_("Version {version} of {date} (“{file}”, fingerprint {fingerprint}) is found "
             "at {path} and unchanged since this meeting was made from it."),
    "changed": N_("Version {version} of {date} was found at {path}, but its text HAS "
                  "CHANGED since this meeting was made from it (fingerprint now {found}, "
                  "recorded {fingerprint})."),
    "other": N_("“{file}” beside this session holds another session, not version "
                "{version} of {date}. Choose the right file."),
    "unreadable": N_("“{file}” (version {version} of {date}) is found but cannot be read."),
    "missing": N_("The file of version {version} of {date} (“{file}”, fingerprint "
                  "{fingerprint}) is not found beside this session or among the recent "
                  "sessions. The evaluation can go on: what it agreed is kept in this "
                  "session. Choose the file to check it."),
}
REVIEW_COLUMNS = (N_("Action"), N_("Owner"), N_("Due"), N_("Status"), N_("Note"))
MOMENT_COLUMNS = (N_("Evaluation moment"), N_("Date"), N_("What it asked"),
                  N_("What the table says"))


def link_text(link: Link) -> str:
    e = link.entry
    when = format_date(e.date) if e.date else "–"
    return tr(LINK_TEXTS[link.state], version=e.version, date=when, file=e.file_name,
              fingerprint=short_fingerprint(e.fingerprint), path=str(link.path or ""),
              found=short_fingerprint(link.found_fingerprint) if link.found_fingerprint
              else "–")


def _table(columns: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels([tr(c) for c in columns])
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


def _fixed(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class LookBackPage(QWidget):
    def __init__(self, document: SessionDocument, window: QMainWindow) -> None:
        super().__init__()
        self.setObjectName("page-look-back")
        self.document = document
        self.window_ = window
        self.chosen: Path | None = None
        self._filling = False
        self.link: Link | None = None

        self.link_label = QLabel()
        self.link_label.setObjectName("previousLink")
        self.link_label.setWordWrap(True)
        self.link_label.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_button = QPushButton(tr("Choose the previous &file…"))
        self.choose_button.clicked.connect(self.choose_previous)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_label, 1)
        link_row.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)

        self.history_label = QLabel()
        self.history_label.setObjectName("chainHistory")
        self.history_label.setTextFormat(Qt.TextFormat.PlainText)
        self.history_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reviews = _table(REVIEW_COLUMNS)
        self.reviews.setObjectName("actionReviews")
        self.reviews.itemChanged.connect(self._on_review_note)
        self.counts_label = QLabel()
        self.moments = _table(MOMENT_COLUMNS)
        self.moments.itemChanged.connect(self._on_answer)
        self.indicators = IndicatorsEditor(document)
        self.message = QLabel()
        self.message.setObjectName("lookBackMessage")
        self.message.setStyleSheet("color: #b00020;")

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addLayout(link_row)
        layout.addWidget(self._heading(tr("The history of this collaboration")))
        layout.addWidget(self.history_label)
        layout.addWidget(self._heading(tr("The roadmap: how does each action stand?")))
        layout.addWidget(self.counts_label)
        layout.addWidget(self.reviews, 3)
        layout.addWidget(self._heading(tr("What the evaluation moments asked")))
        layout.addWidget(self.moments, 1)
        layout.addWidget(self._heading(tr("Goals and indicators")))
        layout.addWidget(self.indicators, 1)
        layout.addWidget(self.message)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        document.sig_changed.connect(self._on_document_changed)
        self.refresh()

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    @property
    def session(self) -> Session:
        return self.document.session

    def focus_first(self) -> None:
        self.reviews.setFocus()
        if self.reviews.rowCount() and self.reviews.currentRow() < 0:
            self.reviews.setCurrentCell(0, 3)

    def _on_document_changed(self, areas: frozenset[str]) -> None:
        if not areas or areas & {"evaluation", "roadmap", "participants"}:
            self.refresh(link=False)  # the files are read when the page is shown

    # --- showing -----------------------------------------------------------------------

    def refresh(self, link: bool = True) -> None:
        """``link``: also look for the earlier versions' files and check them (reads
        them: done when the page is shown, not on every edit)."""
        self._filling = True
        try:
            if link:
                self._show_link()
            self._show_reviews()
            self._show_moments()
        finally:
            self._filling = False

    def _candidates(self) -> list[Path]:
        return ([self.chosen] if self.chosen else []) + settings.recent_sessions()

    def _show_link(self) -> None:
        entry = ev.revised(self.session)
        if entry is None:
            self.link_label.setText("")
            return
        beside = self.document.path.parent if self.document.path else None
        links = check_chain(self.session, self.document.path, self._candidates())
        self.history_label.setText("\n".join(chain_lines(links, current_language())))
        self.link = check_entry(entry, beside, self._candidates())
        self.link_label.setText(link_text(self.link))
        self.link_label.setProperty("state", self.link.state)
        self.link_label.setStyleSheet("" if self.link.state == "ok"
                                      else "color: #8a4b00; font-weight: bold;")

    def _show_reviews(self) -> None:
        s = self.session
        actions = s.roadmap.actions
        table = self.reviews
        table.setRowCount(len(actions))
        for row, action in enumerate(actions):
            review = ev.review_of(s, action.id)
            table.setItem(row, 0, _fixed(action.title))
            table.setItem(row, 1, _fixed(owner_label(s, action.owner)))
            table.setItem(row, 2, _fixed(format_date(action.due) if action.due else ""))
            combo = table.cellWidget(row, 3)
            if not isinstance(combo, QComboBox):
                combo = QComboBox()
                combo.addItem(tr("not reviewed"), None)
                for status, title in STATUS_TITLES.items():
                    combo.addItem(tr(title), status.value)
                combo.currentIndexChanged.connect(
                    lambda _i, c=combo: self._on_status(c))
                table.setCellWidget(row, 3, combo)
            combo.setProperty("action_id", action.id)
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(review.status.value if review
                                                        else None)))
            combo.blockSignals(False)
            note = QTableWidgetItem(review.note if review else "")
            note.setData(Qt.ItemDataRole.UserRole, action.id)
            table.setItem(row, 4, note)
        table.resizeColumnsToContents()
        table.setColumnWidth(0, min(table.columnWidth(0), 320))
        counts = ev.review_counts(s)
        parts = [tr("{count} {status}", count=counts[status], status=tr(title))
                 for status, title in STATUS_TITLES.items() if counts.get(status)]
        if counts.get(None):
            parts.append(tr("{count} not reviewed", count=counts[None]))
        self.counts_label.setText(", ".join(parts))

    def _show_moments(self) -> None:
        s = self.session
        table = self.moments
        table.setRowCount(len(s.roadmap.evaluations))
        for row, m in enumerate(s.roadmap.evaluations):
            table.setItem(row, 0, _fixed(m.title))
            table.setItem(row, 1, _fixed(format_date(m.date)))
            table.setItem(row, 2, _fixed(m.note))
            answer = QTableWidgetItem(ev.answer_of(s, m.id))
            answer.setData(Qt.ItemDataRole.UserRole, m.id)
            table.setItem(row, 3, answer)
        table.resizeColumnsToContents()
        for col, most in ((0, 260), (2, 360)):
            table.setColumnWidth(col, min(table.columnWidth(col), most))

    # --- edits -------------------------------------------------------------------------

    def _edit(self, label: str, op: Operation[Any, Any], *args: Any) -> bool:
        refused: list[EditRejected] = []
        done = try_edit(self.document, label, op, *args, report=self.message.setText,
                        on_rejected=refused.append)
        if not refused:
            self.message.setText("")
        return done

    def _on_status(self, combo: QComboBox) -> None:
        if self._filling:
            return
        action_id = str(combo.property("action_id"))
        value = combo.currentData()
        status = ReviewStatus(value) if value else None
        self._edit(tr("Action status"), ev.set_review, action_id, status)

    def _on_review_note(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 4:
            return
        action_id = str(item.data(Qt.ItemDataRole.UserRole))
        text = item.text()
        review = ev.review_of(self.session, action_id)
        if review is None:
            self.message.setText(tr("Choose the action's status first, then its note."))
            self.refresh(link=False)
            return
        self._edit(tr("Note on an action's status"), ev.set_review, action_id, review.status,
                   text)

    def _on_answer(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 3:
            return
        moment_id = str(item.data(Qt.ItemDataRole.UserRole))
        text = item.text()
        self._edit(tr("What an evaluation moment asked"), ev.set_answer, moment_id, text)

    def choose_previous(self) -> None:
        start = str(self.document.path.parent) if self.document.path else ""
        filename, _ = QFileDialog.getOpenFileName(
            self, tr("Choose the previous version"), start, file_filter())
        if filename:
            self.chosen = Path(filename)
            self._show_link()


def _status(session: Session, action_id: str) -> ReviewStatus | None:
    review = ev.review_of(session, action_id)
    return review.status if review is not None else None
