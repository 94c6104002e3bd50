"""Goals and their indicators (seed 003: goals framed by the quadruple aim, monitored
with existing indicators): each indicator with its baseline at the start meeting and
the value each evaluation records, and the trend.

At the start meeting (version 1) the value typed is the baseline; at an evaluation it
is the value now. Used on the Look back page and, for any session, in the dialog
Go → Goals and indicators.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.domain import evaluation as ev
from workshop.domain.operations import Operation
from workshop.i18n import N_, tr
from workshop.ui.document import EditRejected, SessionDocument
from workshop.ui.editing import try_edit
from workshop.ui.window_place import resize_on_screen

COLUMNS = (N_("Goal"), N_("Indicator"), N_("Baseline"), N_("Now"), N_("Trend"))
BASELINE, NOW = 2, 3


def number_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def parse_number(text: str) -> float | None:
    """"37,5" or "37.5"; ValueError for anything else; None when empty."""
    text = text.strip().replace(",", ".")
    return float(text) if text else None


def _fixed(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class IndicatorsEditor(QWidget):
    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._filling = False
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("indicators")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._on_value)
        self.goal_box = QComboBox()
        self.goal_box.setAccessibleName(tr("Goal"))
        self.goal_box.setMinimumContentsLength(24)
        self.goal_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("Indicator (an existing one, e.g. from "
                                             "the regional health monitor)"))
        self.unit_edit = QLineEdit()
        self.unit_edit.setPlaceholderText(tr("Unit"))
        self.baseline_edit = QLineEdit()
        self.baseline_edit.setPlaceholderText(tr("Baseline"))
        self.add_button = QPushButton(tr("&Add indicator"))
        self.add_button.clicked.connect(self.add_indicator)
        row = QHBoxLayout()
        row.addWidget(self.goal_box, 2)
        row.addWidget(self.name_edit, 3)
        row.addWidget(self.unit_edit, 1)
        row.addWidget(self.baseline_edit, 1)
        row.addWidget(self.add_button)
        self.message = QLabel()
        self.message.setObjectName("indicatorMessage")
        self.message.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        document.sig_changed.connect(self._on_document_changed)
        self.refresh()

    def _on_document_changed(self, areas: frozenset[str]) -> None:
        if not areas or "ambition" in areas:
            self.refresh()

    def refresh(self) -> None:
        self._filling = True
        try:
            self._fill()
        finally:
            self._filling = False

    def _fill(self) -> None:
        s = self.document.session
        version = ev.version_of(s)
        rows = [(g, i) for g in s.ambition.goals for i in g.indicators]
        table = self.table
        table.setRowCount(len(rows))
        # At the start meeting the baseline is typed; at an evaluation, the value now.
        table.setColumnHidden(NOW, version == 1)
        for row, (goal, indicator) in enumerate(rows):
            table.setItem(row, 0, _fixed(goal.text))
            unit = f" ({indicator.unit})" if indicator.unit else ""
            table.setItem(row, 1, _fixed(indicator.name + unit))
            baseline = QTableWidgetItem(number_text(indicator.baseline))
            now = next((v.value for v in indicator.values if v.version == version), None)
            value = QTableWidgetItem(number_text(now))
            for item in (baseline, value):
                item.setData(Qt.ItemDataRole.UserRole, (goal.id, indicator.id))
            if version > 1:
                baseline.setFlags(baseline.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, BASELINE, baseline)
            table.setItem(row, NOW, value)
            points = " → ".join(f"v{p.version}: {p.value:g}" for p in ev.trend(indicator))
            table.setItem(row, 4, _fixed(points))
        current = self.goal_box.currentData()
        self.goal_box.clear()
        for goal in s.ambition.goals:
            self.goal_box.addItem(goal.text, goal.id)
        self.goal_box.setCurrentIndex(max(0, self.goal_box.findData(current)))
        self.add_button.setEnabled(bool(s.ambition.goals))
        if not s.ambition.goals:
            self.message.setText(tr("Formulate the goals first (Shared ambition)."))

    def _edit(self, label: str, op: Operation[Any, Any], *args: Any) -> bool:
        refused: list[EditRejected] = []
        done = try_edit(self.document, label, op, *args, report=self.message.setText,
                        on_rejected=refused.append)
        if not refused:
            self.message.setText("")
        return done

    def _on_value(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() not in (BASELINE, NOW):
            return
        goal_id, indicator_id = item.data(Qt.ItemDataRole.UserRole)
        try:
            value = parse_number(item.text())
        except ValueError:
            self.message.setText(tr("“{text}” is not a number. Type it like 37,5.",
                                    text=item.text()))
            self.refresh()
            return
        today = dt.date.today()
        self._edit(tr("Indicator value"), ev.set_indicator_value, goal_id, indicator_id, value,
                   today)

    def add_indicator(self) -> None:
        goal_id = self.goal_box.currentData()
        name = self.name_edit.text().strip()
        if goal_id is None or not name:
            self.message.setText(tr("Choose a goal and name the indicator."))
            return
        try:
            baseline = parse_number(self.baseline_edit.text())
        except ValueError:
            self.message.setText(tr("“{text}” is not a number. Type it like 37,5.",
                                    text=self.baseline_edit.text()))
            return
        unit = self.unit_edit.text().strip()
        if self._edit(tr("Add an indicator"), ev.add_indicator, goal_id, name, unit, baseline):
            for edit in (self.name_edit, self.unit_edit, self.baseline_edit):
                edit.clear()


class IndicatorsDialog(QDialog):
    def __init__(self, document: SessionDocument, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("indicatorsDialog")
        self.setWindowTitle(tr("Goals and indicators"))
        resize_on_screen(self, 1000, 420)
        self.editor = IndicatorsEditor(document, self)
        explain = QLabel(tr(
            "Monitor each goal with existing indicators: the baseline now, the value at "
            "each evaluation meeting, and the trend in the agreement."))
        explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.editor, 1)


def show_indicators(window: QMainWindow) -> IndicatorsDialog | None:
    document: SessionDocument | None = getattr(window, "document", None)
    if document is None:
        return None
    dialog = IndicatorsDialog(document, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.editor.name_edit.setFocus()
    return dialog
