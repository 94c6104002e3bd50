"""Evaluation steps 2 and 3: measure again (the five conditions scan taken again and
compared with the moment of the version revised, change per condition) and what
changed in the agreement since that version (articles added, removed, amended, word by
word). Both put their canvas on the projector while open.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workshop import locale_format
from workshop.domain import diagnostics as dg
from workshop.domain import evaluation as ev
from workshop.domain.compare import (
    KIND_TITLES,
    SECTION_TITLES,
    Change,
    changes_since_previous,
    readable,
    readable_title,
)
from workshop.domain.labels import label
from workshop.domain.model import ClauseKind, Condition, Session
from workshop.i18n import current_language, tr
from workshop.ui.document import SessionDocument
from workshop.ui.pages.roadmap.dates import format_date


def number(value: float | None, signed: bool = False) -> str:
    return locale_format.decimal(value, current_language(), signed=signed)


def condition_changes(session: Session) -> list[dg.ConditionChange]:
    pair = ev.scan_pair(session)
    return dg.compare(session, *pair) if pair else []


class MeasureAgainPage(QWidget):
    def __init__(self, document: SessionDocument, window: QMainWindow) -> None:
        super().__init__()
        self.setObjectName("page-measure-again")
        self.document = document
        self.window_ = window
        self.compare_label = QLabel()
        self.compare_label.setWordWrap(True)
        self.take_button = QPushButton(tr("&Take the scan again…"))
        self.take_button.setToolTip(tr("A new measurement moment in the diagnostics, "
                                       "compared with the start meeting's."))
        self.take_button.clicked.connect(self.take_scan)
        self.table = QTableWidget(len(Condition), 4)
        self.table.setObjectName("conditionChanges")
        self.table.setHorizontalHeaderLabels(
            [tr("Condition"), tr("Then"), tr("Now"), tr("Change")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.projector_button = QPushButton(tr("Show the change on the &projector"))
        self.projector_button.clicked.connect(
            lambda: window.projector_controls.controller.set_canvas(  # type: ignore
                "conditions_change"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.compare_label)
        layout.addWidget(self.take_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.projector_button, 0, Qt.AlignmentFlag.AlignLeft)
        document.sig_changed.connect(self._on_document_changed)
        self.refresh()

    def focus_first(self) -> None:
        self.take_button.setFocus()

    def _on_document_changed(self, areas: frozenset[str]) -> None:
        if not areas or areas & {"diagnostics", "participants", "evaluation"}:
            self.refresh()

    def refresh(self) -> None:
        s = self.document.session
        start = dg.moment(s, s.evaluation.start_moment_id) if s.evaluation else None
        pair = ev.scan_pair(s)
        if start is None:
            self.compare_label.setText(tr(
                "The version revised has no measurement to compare with: the scan taken "
                "now is the first."))
        elif pair is None:
            self.compare_label.setText(tr(
                "Compared with: {moment}. Take the scan again to see the change per "
                "condition.", moment=start.label or format_date(start.taken_at.date())))
        else:
            now = dg.moment(s, pair[1])
            self.compare_label.setText(tr(
                "Then: {before}. Now: {after}. Mean score per condition (1–5).",
                before=start.label or format_date(start.taken_at.date()),
                after=(now.label or format_date(now.taken_at.date())) if now else "–"))
        changes = {c.condition: c for c in condition_changes(s)}
        for row, condition in enumerate(Condition):
            change = changes.get(condition)
            cells = [label(condition, current_language()),
                     number(change.before.mean) if change else "–",
                     number(change.after.mean) if change else "–",
                     number(change.delta, signed=True) if change else "–"]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def take_scan(self) -> QWidget | None:
        """A new moment in the diagnostics window, which opens on its scan."""
        from workshop.ui.diagnostics.window import show_diagnostics

        dialog = show_diagnostics(self.window_)
        if dialog is None or dialog.panel is None:
            return None
        version = ev.version_of(self.document.session)
        dialog.panel.new_moment(tr("Evaluation, version {version}", version=version),
                                dt.datetime.now().replace(second=0, microsecond=0))
        dialog.panel.scan_grid.setFocus()
        return dialog


def change_html(change: Change) -> str:
    kind = html.escape(tr(KIND_TITLES[change.kind]))
    title = html.escape(readable_title(change.section, change.title, current_language()))

    def words(text: str) -> str:
        return html.escape(readable(change.section, text, current_language()))

    if change.kind == "amended":
        body = "".join(
            f"<s>{words(w)}</s>" if op == "removed"
            else f"<u><b>{words(w)}</b></u>" if op == "added" else words(w)
            for op, w in change.words)
    elif change.kind == "added":
        body = f"<u>{words(change.after)}</u>"
    else:
        body = f"<s>{words(change.before)}</s>"
    return f"<li><b>{kind}</b>{' · ' + title if title else ''}: {body}</li>"


class ChangesPage(QWidget):
    def __init__(self, document: SessionDocument, window: QMainWindow) -> None:
        super().__init__()
        self.setObjectName("page-changes")
        self.document = document
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.view = QTextBrowser()
        self.view.setObjectName("changesView")
        self.projector_button = QPushButton(tr("Show the changes on the &projector"))
        self.projector_button.clicked.connect(
            lambda: window.projector_controls.controller.set_canvas(  # type: ignore
                "changes"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.projector_button, 0, Qt.AlignmentFlag.AlignLeft)
        document.sig_changed.connect(self._on_document_changed)
        self.changes: list[Change] = []
        self.refresh()

    def focus_first(self) -> None:
        self.view.setFocus()

    def _on_document_changed(self, areas: frozenset[str]) -> None:
        if areas - {"view", "diagnostics"} and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        s = self.document.session
        previous = ev.revised(s)
        if previous is None:
            return
        self.heading.setText(tr(
            "Changes since version {version} ({date}): struck-through words are removed, "
            "underlined words added.", version=previous.version,
            date=format_date(previous.date) if previous.date else "–"))
        self.changes = changes_since_previous(s)
        parts: list[str] = []
        section = ""
        for change in self.changes:
            if change.section != section:
                if section:
                    parts.append("</ul>")
                section = change.section
                parts.append(f"<h3>{html.escape(tr(SECTION_TITLES[section]))}</h3><ul>")
            parts.append(change_html(change))
        if section:
            parts.append("</ul>")
        if not self.changes:
            parts.append(f"<p>{html.escape(tr('No article of the agreement changed.'))}</p>")
        moved = {c.kind for c in self.changes if c.section == "parties"}
        for kind, moving in ((ClauseKind.JOINING, "added"), (ClauseKind.LEAVING, "removed")):
            if moving in moved:
                for clause in s.commitments.clauses:
                    if clause.kind is kind:
                        parts.append("<p><i>" + html.escape(tr(
                            "Under the clause “{kind}”: {text}",
                            kind=label(kind, current_language()),
                            text=clause.text)) + "</i></p>")
        self.view.setHtml("".join(parts))
