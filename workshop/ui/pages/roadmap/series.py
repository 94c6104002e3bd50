"""Plan a series of evaluation moments ("twice a year until 2028") and preview it.

The dialog only chooses and previews; the page adds the moments as one undoable edit.
The dates come from ``workshop.domain.schedule.evaluation_dates``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.model import MAX_NAME
from workshop.domain.schedule import FREQUENCIES, MAX_DATES, TooManyDates, evaluation_dates
from workshop.i18n import N_, Language, tr
from workshop.ui.pages.roadmap.dates import DateEdit, format_date
from workshop.ui.pages.roadmap.rows import text_edit

_FREQUENCY_TEXTS = {
    3: N_("Every 3 months (four times a year)"),
    4: N_("Every 4 months (three times a year)"),
    6: N_("Every 6 months (twice a year)"),
    12: N_("Every 12 months (once a year)"),
}


class EvaluationSeriesDialog(QDialog):
    """First date, frequency, and an end date or a number of moments; with a preview."""

    sig_add = Signal(str, str, list)
    """Add these moments: title, note, list of dates."""

    def __init__(self, reference: Callable[[], dt.date], existing: set[dt.date],
                 parent: QWidget | None = None, lang: Language | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Plan evaluation moments"))
        self.setObjectName("evaluationSeries")
        self._existing = existing
        ref = reference()

        # The suggested title is printed in the roadmap: in the documents' language.
        self.title_edit = text_edit(None, tr("Process evaluation", lang), MAX_NAME)
        self.title_edit.setAccessibleName(tr("Title of each moment"))
        self.note_edit = text_edit()
        self.note_edit.setPlaceholderText(tr("optional, added to each moment"))
        self.note_edit.setAccessibleName(tr("Note"))
        self.first_edit = DateEdit(reference, allow_empty=False)
        self.first_edit.setAccessibleName(tr("First moment"))
        self.first_edit.set_date(_default_first(ref))
        self.frequency = QComboBox()
        self.frequency.setAccessibleName(tr("How often"))
        for months in FREQUENCIES:
            self.frequency.addItem(tr(_FREQUENCY_TEXTS[months]), months)
        self.frequency.setCurrentIndex(FREQUENCIES.index(6))

        self.by_count = QRadioButton(tr("A number of moments:"))
        self.count = QSpinBox()
        self.count.setRange(1, MAX_DATES)
        self.count.setValue(4)
        self.count.setAccessibleName(tr("Number of moments"))
        self.by_date = QRadioButton(tr("Until:"))
        self.until_edit = DateEdit(reference, allow_empty=False)
        self.until_edit.setAccessibleName(tr("Last possible date"))
        self.until_edit.set_date(dt.date(ref.year + 2, ref.month, 1))
        group = QButtonGroup(self)
        group.addButton(self.by_count)
        group.addButton(self.by_date)
        self.by_count.setChecked(True)
        end = QWidget()
        end_layout = QVBoxLayout(end)
        end_layout.setContentsMargins(0, 0, 0, 0)
        row1 = QHBoxLayout()
        row1.addWidget(self.by_count)
        row1.addWidget(self.count)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        row2.addWidget(self.by_date)
        row2.addWidget(self.until_edit)
        row2.addStretch(1)
        end_layout.addLayout(row1)
        end_layout.addLayout(row2)

        form = QFormLayout()
        form.addRow(tr("&Title:"), self.title_edit)
        form.addRow(tr("&First moment:"), self.first_edit)
        form.addRow(tr("&How often:"), self.frequency)
        form.addRow(tr("Ends:"), end)
        form.addRow(tr("&Note:"), self.note_edit)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.preview = QListWidget()
        self.preview.setAccessibleName(tr("Preview"))
        self.preview.setMinimumHeight(150)
        buttons = QDialogButtonBox()
        self.add_button = QPushButton(tr("Add"))
        self.add_button.setDefault(True)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.resize(560, 520)

        for edit in (self.title_edit, self.first_edit, self.until_edit):
            edit.textChanged.connect(self.update_preview)
        self.frequency.currentIndexChanged.connect(self.update_preview)
        self.count.valueChanged.connect(self._on_count_changed)
        self.until_edit.textEdited.connect(lambda _t: self.by_date.setChecked(True))
        self.by_count.toggled.connect(self.update_preview)
        self.dates: list[dt.date] = []
        self.update_preview()

    def _on_count_changed(self, _value: int) -> None:
        self.by_count.setChecked(True)
        self.update_preview()

    def update_preview(self) -> None:
        """Recompute the dates; the Add button says how many and is off when none."""
        self.dates = []
        problem = ""
        try:
            first = self.first_edit.date_value()
            until = None if self.by_count.isChecked() else self.until_edit.date_value()
            assert first is not None
            count = self.count.value() if self.by_count.isChecked() else None
            self.dates = evaluation_dates(first, int(self.frequency.currentData()), until,
                                          count)
        except TooManyDates:
            problem = tr("That would be more than {count} moments: choose a nearer end date.",
                         count=MAX_DATES)
        except (ValueError, AssertionError):
            problem = tr("Type a first date and an end date, for example 1-4-2026.")
        title = self.title_edit.text().strip()
        if not title and not problem:
            problem = tr("Give the moments a title.")
        self.preview.clear()
        for day in self.dates:
            text = tr("{date} — {title}", date=format_date(day), title=title)
            if day in self._existing:
                text = tr("{entry} (an evaluation moment on this date exists already)",
                          entry=text)
            self.preview.addItem(text)
        ok = bool(self.dates) and not problem
        self.add_button.setEnabled(ok)
        self.add_button.setText(tr("Add {count} evaluation moments", count=len(self.dates))
                                if ok else tr("Add"))
        if problem:
            self.summary.setText(problem)
        elif not self.dates:
            self.summary.setText(tr("No date falls in this period."))
        else:
            self.summary.setText(tr("From {first} to {last}:", first=format_date(
                self.dates[0]), last=format_date(self.dates[-1])))

    def _on_accept(self) -> None:
        self.update_preview()
        if not self.add_button.isEnabled():
            return
        self.sig_add.emit(self.title_edit.text().strip(), self.note_edit.text().strip(),
                          list(self.dates))
        self.accept()


def _default_first(ref: dt.date) -> dt.date:
    """Half a year after the meeting, on the first of the month."""
    month = ref.month + 6
    return dt.date(ref.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
