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

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QObject,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QDesktopServices,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from workshop.i18n import tr
from workshop.ui.document import SessionDocument
from workshop.ui.export.dialog import ExportDialog
from workshop.ui.export.preview import PreviewDialog
from workshop.ui.export.printing import print_dialog, print_pdf
from workshop.ui.export.worker import ExportRequest, ExportTask, snapshot, steps

if TYPE_CHECKING:
    from workshop.ui.export.worker import ExportResult



"""One export at a time, on a plain Python thread: quitting waits at most for the PDF
being laid out, and there is no QThread object to abort when destroyed running. Its
signals reach the UI thread queued (the receivers live there)."""

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
