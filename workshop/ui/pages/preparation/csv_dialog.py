"""The preview before participants are imported from a CSV file.

Shows how the file was read (encoding, separator, which columns were used), the
participants that will be added, and every line that will not be, each with its line
number, so the facilitator can fix the sheet or go ahead with the good lines. Someone
who is already in the session (same name and organisation) is not added twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.model import Participant
from workshop.domain.perspectives import perspective_label
from workshop.i18n import N_, current_language, tr
from workshop.storage.participants_csv import CsvImport, CsvParticipant

_ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": N_("UTF-8 with BOM"), "cp1252": "Windows-1252",
              "utf-16": "UTF-16"}
_DELIMITERS = {";": N_("semicolons"), ",": N_("commas"), "\t": N_("tabs")}
_COLUMNS = ("line", "name", "organisation", "role", "perspective", "represents", "mandate",
            "present")
_HEADERS = (N_("Line"), N_("Name"), N_("Organisation"), N_("Role"), N_("Perspective / sector"),
            N_("Represents"), N_("Mandate"), N_("Present"))


def _key(name: str, organisation: str) -> tuple[str, str]:
    return " ".join(name.split()).casefold(), " ".join(organisation.split()).casefold()


class _PreviewModel(QAbstractTableModel):
    def __init__(self, rows: list[CsvParticipant], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(_HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self._rows[index.row()]
        value = getattr(row, _COLUMNS[index.column()])
        if _COLUMNS[index.column()] == "perspective":
            value = perspective_label(value, current_language())
        if isinstance(value, bool):
            return tr("yes") if value else tr("no")
        if isinstance(value, int):
            return str(value)
        return " ".join(str(value)[:300].split("\n"))


class CsvImportDialog(QDialog):
    """Preview of an import; after ``accept``, ``participants()`` are the ones to add."""

    def __init__(self, result: CsvImport, file_name: str, existing: Sequence[Participant],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvImportDialog")
        self.setWindowTitle(tr("Import participants"))
        known = {_key(p.name, p.organisation) for p in existing}
        earlier: dict[tuple[str, str], int] = {}  # in this file: the line it was first on
        self.rows: list[CsvParticipant] = []
        skipped: list[tuple[int, str]] = []
        for row in result.rows:
            key = _key(row.name, row.organisation)
            if key in known:
                skipped.append((row.line, tr("Line {line}: {name} is already a participant; "
                                             "not added again", line=row.line,
                                             name=row.name[:120])))
            elif key in earlier:
                skipped.append((row.line, tr("Line {line}: {name} is on line {first} too; "
                                             "added once", line=row.line,
                                             name=row.name[:120], first=earlier[key])))
            else:
                earlier[key] = row.line
                self.rows.append(row)
        numbered = list(zip(result.problem_lines,
                            result.problem_texts(current_language()), strict=True)) + skipped
        numbered.sort(key=lambda problem: problem[0])  # in the file's order; stable
        self.problems = [message for _, message in numbered]

        layout = QVBoxLayout(self)
        short = file_name if len(file_name) <= 100 else file_name[:100] + "…"
        if result.encoding:
            how = tr("“{file}”: read as {encoding}, fields separated by {separator}.",
                     file=short, encoding=tr(_ENCODINGS.get(result.encoding, result.encoding)),
                     separator=tr(_DELIMITERS.get(result.delimiter, result.delimiter)))
        else:
            how = tr("“{file}” could not be read.", file=short)
        layout.addWidget(self._plain(QLabel(how)))
        if result.ignored_columns:
            ignored = ", ".join(f"“{c[:60]}”" for c in result.ignored_columns[:20])
            layout.addWidget(self._plain(QLabel(tr("These columns are not imported: {columns}",
                                                   columns=ignored))))

        count = len(self.rows)
        title = QLabel(tr("No participants can be imported from this file.") if not count
                       else tr("1 participant will be added:") if count == 1
                       else tr("{count} participants will be added:", count=count))
        layout.addWidget(self._plain(title))
        self.preview = QTableView()
        self.preview.setObjectName("csvPreview")
        self.preview.setAccessibleName(tr("Participants to add"))
        self.preview.setModel(_PreviewModel(self.rows, self))
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().hide()
        self.preview.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.preview.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((60, 170, 170, 130, 150, 150, 150)):
            header.resizeSection(column, width)
        title.setBuddy(self.preview)
        layout.addWidget(self.preview, 3)

        self.problems_view: QPlainTextEdit | None = None
        if self.problems:
            lines = QLabel(tr("Not imported ({count}):", count=len(self.problems)))
            lines.setStyleSheet("color: #b00020; font-weight: bold;")
            layout.addWidget(self._plain(lines))
            self.problems_view = QPlainTextEdit("\n".join(self.problems))
            self.problems_view.setObjectName("csvProblems")
            self.problems_view.setReadOnly(True)
            self.problems_view.setAccessibleName(tr("Lines that are not imported"))
            self.problems_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            self.problems_view.setTabChangesFocus(True)
            lines.setBuddy(self.problems_view)
            layout.addWidget(self.problems_view, 1)

        buttons = QDialogButtonBox()
        self.import_button = QPushButton(tr("&Import") if not count
                                         else tr("&Import 1 participant") if count == 1
                                         else tr("&Import {count} participants", count=count))
        self.import_button.setEnabled(bool(count))
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if count:
            self.import_button.setDefault(True)
            self.import_button.setFocus()
        else:
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setFocus()
        screen = self.screen().availableGeometry()
        self.resize(min(1100, screen.width() - 40), min(640, screen.height() - 60))

    @staticmethod
    def _plain(label: QLabel) -> QLabel:
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    def participants(self) -> list[Participant]:
        """New participants (fresh ids) for the rows to add."""
        return [row.participant() for row in self.rows]
