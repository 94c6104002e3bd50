"""The export dialog: which PDFs, which appendices, where."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop.export.appendix_names import APPENDICES, APPENDIX_TITLES, DEFAULT_APPENDICES
from workshop.i18n import Language, tr
from workshop.ui.document import SessionDocument
from workshop.ui.export.worker import ExportRequest, default_paths, snapshot

if TYPE_CHECKING:  # reportlab (~0.2 s to import) loads with the first export, not the page
    from workshop.export.roadmap import GroupBy, PageSize


class ExportDialog(QDialog):
    """Language, roadmap paper size and grouping, and where the two PDFs go."""

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(tr("Export agreement and roadmap"))
        self.language = QComboBox()
        for code, name in (("nl", "Nederlands"), ("en", "English")):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(0 if document.session.details.language == "nl" else 1)
        self.paper_size = QComboBox()
        self.paper_size.addItem(tr("A4 landscape"), "A4")
        self.paper_size.addItem(tr("A3 landscape"), "A3")
        self.group_by = QComboBox()
        self.group_by.addItem(tr("By phase"), "phase")
        self.group_by.addItem(tr("By owner"), "owner")
        agreement, roadmap = default_paths(document, self.chosen_language())
        self.agreement_path = QLineEdit(str(agreement))
        self.roadmap_path = QLineEdit(str(roadmap))
        self._defaults = (agreement, roadmap)
        for edit in (self.agreement_path, self.roadmap_path):
            edit.setMinimumWidth(420)
        self.language.currentIndexChanged.connect(self._language_changed)
        choose = QPushButton(tr("Choose folder…"))
        choose.clicked.connect(self._choose_folder)
        form = QFormLayout()
        form.addRow(tr("Language of the PDFs"), self.language)
        form.addRow(tr("Roadmap paper"), self.paper_size)
        form.addRow(tr("Roadmap timeline"), self.group_by)
        form.addRow(tr("Agreement"), self.agreement_path)
        form.addRow(tr("Roadmap"), self.roadmap_path)
        form.addRow("", choose)
        self.appendix_boxes: dict[str, QCheckBox] = {}
        appendices = QGroupBox(tr("Appendices to the agreement"))
        appendices.setObjectName("appendices")
        box_layout = QVBoxLayout(appendices)
        for key in APPENDICES:
            check = QCheckBox(tr(APPENDIX_TITLES[key]))
            check.setObjectName(f"appendix-{key}")
            check.setChecked(key in DEFAULT_APPENDICES)
            box_layout.addWidget(check)
            self.appendix_boxes[key] = check
        buttons = QDialogButtonBox()
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button = buttons.addButton(tr("Export"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setObjectName("exportProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020; font-weight: bold;")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(appendices)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def chosen_language(self) -> Language:
        return "en" if self.language.currentData() == "en" else "nl"

    def accept(self) -> None:
        """Export only to two PDF files in folders that exist, never over the session:
        otherwise say what to change, here, and keep the dialog open."""
        try:
            problem, field = self._check_paths()
        except (OSError, RuntimeError) as exc:  # no permission to look; a symlink loop
            problem, field = tr("The PDFs cannot be written there: {reason}. Choose "
                                "another folder.", reason=getattr(exc, "strerror", None)
                                or str(exc)), self.agreement_path
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            if field is not None:
                field.setFocus()
                field.selectAll()
            return
        self.problem.hide()
        super().accept()

    def _check_paths(self) -> tuple[str, QLineEdit | None]:
        """The first problem with the two paths (and the field it is in), after making
        each a whole path ending in .pdf (a relative one beside the default folder)."""
        empty = {self.agreement_path: tr("Give a file name for the agreement."),
                 self.roadmap_path: tr("Give a file name for the roadmap.")}
        chosen: dict[QLineEdit, Path] = {}
        for edit, default in zip(empty, self._defaults, strict=True):
            text = edit.text().strip()
            if not text:
                return empty[edit], edit
            path = Path(text).expanduser()
            if not path.is_absolute():
                path = default.parent / path
            if path.is_dir():
                return tr("“{path}” is a folder. Give a file name ending in .pdf.",
                          path=path), edit
            session = self.document.path
            if path.suffix.lower() == ".workshop" or (
                    session is not None and path.resolve() == session.resolve()):
                return tr("“{path}” is a session file: a PDF is not written over it.",
                          path=path), edit
            if path.suffix.lower() != ".pdf":
                path = path.with_name(path.name + ".pdf")
            if not path.parent.is_dir():
                return tr("The folder “{folder}” does not exist. Choose one with “Choose "
                          "folder…”.", folder=path.parent), edit
            edit.setText(str(path))
            chosen[edit] = path
        if chosen[self.agreement_path].resolve() == chosen[self.roadmap_path].resolve():
            return (tr("The agreement and the roadmap need two different files."),
                    self.roadmap_path)
        return "", None

    def request(self) -> ExportRequest:
        size: PageSize = "A3" if self.paper_size.currentData() == "A3" else "A4"
        group: GroupBy = "owner" if self.group_by.currentData() == "owner" else "phase"
        return ExportRequest(
            session=snapshot(self.document), kind="export", language=self.chosen_language(),
            agreement=Path(self.agreement_path.text().strip()),
            roadmap=Path(self.roadmap_path.text().strip()), size=size, group_by=group,
            appendices=frozenset(k for k, box in self.appendix_boxes.items()
                                 if box.isChecked()))

    def _language_changed(self) -> None:
        """Default names follow the language; names the facilitator typed stay."""
        agreement, roadmap = default_paths(self.document, self.chosen_language())
        folder = Path(self.agreement_path.text()).parent
        if Path(self.agreement_path.text()) == self._defaults[0]:
            self.agreement_path.setText(str(folder / agreement.name))
        if Path(self.roadmap_path.text()) == self._defaults[1]:
            self.roadmap_path.setText(str(Path(self.roadmap_path.text()).parent /
                                          roadmap.name))
        self._defaults = (Path(self.agreement_path.text()), Path(self.roadmap_path.text()))

    def _choose_folder(self) -> None:
        start = str(Path(self.agreement_path.text()).parent)
        folder = QFileDialog.getExistingDirectory(self, tr("Where should the PDFs go?"),
                                                  start)
        if folder:
            for edit in (self.agreement_path, self.roadmap_path):
                edit.setText(str(Path(folder) / Path(edit.text()).name))
            self._defaults = (Path(self.agreement_path.text()),
                              Path(self.roadmap_path.text()))
