"""Exporting, previewing and printing the agreement and roadmap PDFs from the app.

The PDFs are laid out by ``workshop.export`` (no Qt) on a worker thread, from a deep
copy of the session taken on the UI thread, so the facilitator can keep working and
the copy cannot change halfway. A progress dialog follows the steps; cancelling keeps
anything from being written. Then the facilitator opens the PDF or its folder.

``ExportActions`` is the one entry point (the Signing page's buttons and the File
menu use it): ``export_pdfs`` (asks where, then writes both PDFs), ``preview`` (the
agreement in a QtPdf viewer, which can also go full screen on the room's screen) and
``print_on_paper`` (the agreement with an empty signing line for everyone present,
through the system's print dialog).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QSize,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPainter,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.model import Session
from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.export.appendix_names import APPENDICES, APPENDIX_TITLES, DEFAULT_APPENDICES
from workshop.export.roadmap import GroupBy, PageSize, RoadmapOptions, export_roadmap
from workshop.i18n import Language, tr
from workshop.storage import paths
from workshop.storage.errors import SessionFileError
from workshop.storage.files import remove_partial_exports, write_atomic
from workshop.storage.paths import default_pdf_paths
from workshop.ui.commands import make_action
from workshop.ui.document import SessionDocument

_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="workshop-export")
"""One export at a time, on a plain Python thread: quitting waits at most for the PDF
being laid out, and there is no QThread object to abort when destroyed running. Its
signals reach the UI thread queued (the receivers live there)."""

Kind = Literal["export", "preview", "paper"]


# --- what to make, and making it (no widgets) -----------------------------------------


@dataclass(frozen=True)
class ExportRequest:
    """One job for the worker; ``session`` is a private deep copy."""

    session: Session
    kind: Kind = "export"
    language: Language = "nl"
    agreement: Path | None = None
    roadmap: Path | None = None
    size: PageSize = "A4"
    group_by: GroupBy = "phase"
    appendices: frozenset[str] = DEFAULT_APPENDICES
    """The agreement's appendices, chosen in the export dialog."""


@dataclass
class ExportResult:
    request: ExportRequest
    agreement: bytes = b""
    roadmap: bytes = b""
    written: list[Path] = field(default_factory=list)
    error: str = ""
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.error and not self.cancelled


def snapshot(document: SessionDocument) -> Session:
    """A copy of the session to export from: taken here, on the UI thread."""
    return document.session.model_copy(deep=True)


def default_paths(document: SessionDocument, lang: Language) -> tuple[Path, Path]:
    """Beside the session file (as ``workshop export`` does), or in the documents folder."""
    if document.path is not None:
        return default_pdf_paths(document.path, lang)
    stem = re.sub(r"[^\w-]+", "-", document.session.details.name).strip("-")[:60]
    return default_pdf_paths(paths.documents_folder() / f"{stem or 'workshop'}.workshop",
                             lang)


def steps(request: ExportRequest) -> list[str]:
    """The progress dialog's labels, one per step the worker reports."""
    out = [tr("Laying out the agreement…")]
    if request.kind == "export":
        out.append(tr("Laying out the roadmap…"))
        out.append(tr("Writing the files…"))
    return out


def run_request(request: ExportRequest, progress: Callable[[int], None],
                cancelled: Callable[[], bool]) -> ExportResult:
    """Lay out (and for an export, write) the PDFs; runs on the worker thread."""
    result = ExportResult(request)
    try:
        progress(0)
        chosen = {key: key in request.appendices for key in APPENDICES}
        result.agreement = export_agreement(request.session, AgreementOptions(
            language=request.language, paper=request.kind == "paper", **chosen))
        if request.kind == "export":
            if cancelled():
                result.cancelled = True
                return result
            progress(1)
            result.roadmap = export_roadmap(request.session, RoadmapOptions(
                language=request.language, size=request.size, group_by=request.group_by))
            if cancelled():
                result.cancelled = True
                return result
            progress(2)
            for target, data in ((request.agreement, result.agreement),
                                 (request.roadmap, result.roadmap)):
                if target is not None:
                    remove_partial_exports(target.parent)  # left by a killed export
                    write_atomic(target, data)
                    result.written.append(target)
    except (OSError, SessionFileError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        result.error = tr("The PDF could not be written. {reason}", reason=reason or str(exc))
    except Exception as exc:  # noqa: BLE001 - reported to the facilitator, not lost
        result.error = tr("The PDF could not be made: {reason}", reason=repr(exc))
    return result


class ExportTask(QObject):
    """One request running on the worker thread; its signals arrive on the UI thread."""

    sig_progress = Signal(int)
    """The step now running (an index into ``steps(request)``)."""
    sig_finished = Signal(object)
    """The ``ExportResult``."""

    def __init__(self, request: ExportRequest, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self.result: ExportResult | None = None
        self._cancel = False

    def start(self) -> None:
        _POOL.submit(self._run)

    def cancel(self) -> None:
        self._cancel = True

    def _run(self) -> None:
        result = run_request(self.request, self._emit_progress, lambda: self._cancel)
        try:
            self.sig_finished.emit(result)
        except RuntimeError:  # the window closed meanwhile; nobody is waiting
            pass

    def _emit_progress(self, step: int) -> None:
        try:
            self.sig_progress.emit(step)
        except RuntimeError:
            pass


# --- the export dialog ---------------------------------------------------------------


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
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(appendices)
        layout.addWidget(buttons)

    def chosen_language(self) -> Language:
        return "en" if self.language.currentData() == "en" else "nl"

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


# --- showing a PDF -------------------------------------------------------------------


class PdfPane(QWidget):
    """A PDF shown with QtPdf: all pages, scrolled, fitted to the width."""

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def page_count(self) -> int:
        return self.pdf.pageCount()


class PreviewDialog(QDialog):
    """The agreement as it will print, before anyone signs; F5 puts it on the room's
    screen (full screen there, Esc to close)."""

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.setWindowTitle(tr("Preview of the agreement"))
        self.pane = PdfPane(data, self)
        self.room: RoomPdfWindow | None = None
        count = self.pane.page_count()
        info = QLabel(tr("{count} pages. This is the text the table signs; any change "
                         "after signing makes the signatures void.", count=count))
        info.setWordWrap(True)
        self.fit_page = QPushButton(tr("Whole page"))
        self.fit_page.setCheckable(True)
        self.fit_page.toggled.connect(self._fit)
        self.projector_button = QPushButton(tr("Show on the projector"))
        self.projector_button.setShortcut(QKeySequence("F5"))
        self.projector_button.setToolTip(tr("Full screen on the room's screen (F5); Esc "
                                            "there closes it."))
        self.projector_button.clicked.connect(self.show_on_projector)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(info, 1)
        row.addWidget(self.fit_page)
        row.addWidget(self.projector_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane, 1)
        layout.addLayout(row)
        self.resize(900, 1000)

    def _fit(self, whole: bool) -> None:
        self.pane.view.setZoomMode(QPdfView.ZoomMode.FitInView if whole
                                   else QPdfView.ZoomMode.FitToWidth)

    def show_on_projector(self) -> RoomPdfWindow:
        if self.room is None:
            self.room = RoomPdfWindow(self.data)
            self.room.destroyed.connect(self._room_closed)
        self.room.show_for_room(self.screen())
        return self.room

    def _room_closed(self) -> None:
        self.room = None

    def done(self, result: int) -> None:
        if self.room is not None:
            self.room.close()
        super().done(result)


class RoomPdfWindow(QWidget):
    """The agreement for the room: a whole page at a time, full screen on a screen
    other than the facilitator's (or a normal window with one screen)."""

    def __init__(self, data: bytes) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(tr("Agreement (room)"))
        self.pane = PdfPane(data, self)
        self.pane.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pane)
        make_action("preview.close", self, self.close)

    def show_for_room(self, facilitator_screen: object) -> None:
        others = [s for s in QGuiApplication.screens() if s is not facilitator_screen]
        if others:
            self.setScreen(others[0])
            self.setGeometry(others[0].geometry())
            self.showFullScreen()
        else:
            self.resize(1024, 768)
            self.show()
        if QGuiApplication.platformName() != "offscreen":
            self.raise_()



# --- printing ------------------------------------------------------------------------


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print every page of ``data`` on ``printer`` (rendered at its resolution, fitted
    to its page, centred). Returns the number of pages printed."""
    pdf = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    pdf.load(buffer)
    count = pdf.pageCount()
    painter = QPainter()
    if count == 0 or not painter.begin(printer):
        return 0
    try:
        dpi = min(printer.resolution(), 300)
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(count):
            if page:
                printer.newPage()
            points = pdf.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image: QImage = pdf.render(page, size)
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (target.width() - scaled.width()) // 2
            y = (target.height() - scaled.height()) // 2
            painter.drawImage(x, y, image.scaled(scaled, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
    finally:
        painter.end()
        pdf.close()
    return count


def print_dialog(printer: QPrinter, parent: QWidget | None) -> QPrintDialog:
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Print the agreement on paper"))
    return dialog


# --- the actions ---------------------------------------------------------------------


class ExportActions(QObject):
    """Export, preview and paper printing for one open document."""

    sig_result = Signal(object)
    """Every finished ``ExportResult`` (after the dialogs that follow it are shown)."""

    def __init__(self, document: SessionDocument, parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.window = parent
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        """How a PDF or folder is opened (the system's viewer)."""
        self.ask = True
        """False in tests: no modal dialog; the print goes to ``printer``."""
        self.printer: QPrinter | None = None
        self.task: ExportTask | None = None
        self.progress: QProgressDialog | None = None
        self.result_box: QMessageBox | None = None
        self.preview_dialog: PreviewDialog | None = None
        self.printed_pages = 0

    @property
    def busy(self) -> bool:
        return self.task is not None

    # --- entry points ------------------------------------------------------------------

    def export_pdfs(self) -> ExportTask | None:
        """Ask language, sizes and where; then write both PDFs on the worker."""
        dialog = ExportDialog(self.document, self.window)
        if self.ask and dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.start(dialog.request())

    def preview(self) -> ExportTask | None:
        return self.start(ExportRequest(snapshot(self.document), "preview",
                                        self.document.session.details.language))

    def print_on_paper(self) -> ExportTask | None:
        return self.start(ExportRequest(snapshot(self.document), "paper",
                                        self.document.session.details.language))

    def start(self, request: ExportRequest) -> ExportTask | None:
        if self.task is not None:
            return None  # one at a time; the progress dialog is showing
        labels = steps(request)
        progress = QProgressDialog(labels[0], tr("Cancel"), 0, len(labels), self.window)
        progress.setWindowTitle(tr("Making the PDF"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        task = ExportTask(request, self)
        progress.canceled.connect(task.cancel)
        task.sig_progress.connect(self._on_progress)
        task.sig_finished.connect(self._on_finished)
        self.task, self.progress = task, progress
        progress.show()
        task.start()
        return task

    # --- the worker's reports ------------------------------------------------------------

    @Slot(int)
    def _on_progress(self, step: int) -> None:
        if self.progress is not None and self.task is not None:
            self.progress.setLabelText(steps(self.task.request)[step])
            self.progress.setValue(step)

    @Slot(object)
    def _on_finished(self, result: ExportResult) -> None:
        if self.task is not None:
            self.task.result = result
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
        self.task, self.progress = None, None
        if result.error:
            self._warn(result.error)
        elif result.cancelled:
            pass
        elif result.request.kind == "export":
            self._offer_to_open(result)
        elif result.request.kind == "preview":
            self._show_preview(result.agreement)
        else:
            self._print(result.agreement)
        self.sig_result.emit(result)

    def _warn(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Export"), message,
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.addButton(tr("Close"), QMessageBox.ButtonRole.RejectRole)
        self.result_box = box
        box.open()

    def _offer_to_open(self, result: ExportResult) -> None:
        agreement, roadmap = result.written
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(tr("Export"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(tr("The agreement and the roadmap are ready."))
        box.setInformativeText(f"{agreement}\n{roadmap}")
        open_agreement = box.addButton(tr("Open the agreement"),
                                       QMessageBox.ButtonRole.ActionRole)
        open_roadmap = box.addButton(tr("Open the roadmap"), QMessageBox.ButtonRole.ActionRole)
        open_folder = box.addButton(tr("Open the folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(tr("Close"), QMessageBox.ButtonRole.RejectRole)
        targets = {open_agreement: agreement, open_roadmap: roadmap,
                   open_folder: agreement.parent}
        box.buttonClicked.connect(
            lambda button: self.open_url(QUrl.fromLocalFile(str(targets[button])))
            if button in targets else None)
        box.setDefaultButton(open_agreement)
        self.result_box = box
        box.open()

    def _show_preview(self, data: bytes) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        dialog = PreviewDialog(data, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._preview_closed)
        self.preview_dialog = dialog
        dialog.show()

    def _preview_closed(self) -> None:
        self.preview_dialog = None

    def _print(self, data: bytes) -> None:
        printer = self.printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(tr("Collaboration agreement"))
        printer.setFullPage(False)
        if self.ask:
            dialog = print_dialog(printer, self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        self.printed_pages = print_pdf(data, printer)


class ExportButtons(QWidget):
    """The Signing page's row: preview, print on paper, export."""

    def __init__(self, actions: ExportActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.export_actions = actions
        self.preview_button = QPushButton(tr("Preview agreement…"))
        self.preview_button.setObjectName("previewAgreement")
        self.preview_button.setToolTip(tr("The agreement PDF as it is now, to read with the "
                                          "table before signing."))
        self.paper_button = QPushButton(tr("Print on paper…"))
        self.paper_button.setObjectName("printOnPaper")
        self.paper_button.setToolTip(tr("The agreement with an empty signing line for "
                                        "everyone present, to sign in ink."))
        self.export_button = QPushButton(tr("Export agreement and roadmap…"))
        self.export_button.setObjectName("exportPdfs")
        self.export_button.setToolTip(tr("Both PDFs, beside the session file unless you "
                                         "choose another folder."))
        self.preview_button.clicked.connect(actions.preview)
        self.paper_button.clicked.connect(actions.print_on_paper)
        self.export_button.clicked.connect(actions.export_pdfs)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview_button)
        row.addWidget(self.paper_button)
        row.addStretch(1)
        row.addWidget(self.export_button)

