"""Exporting from the app: off the UI thread on a snapshot, with progress, then opening
the result; the preview with QtPdf; printing the paper version."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pdfcheck import body_text
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from workshop.domain.fingerprint import fingerprint
from workshop.export.verify import verify_bytes
from workshop.i18n import set_language
from workshop.storage.files import load_session
from workshop.ui.document import SessionDocument
from workshop.ui.export.actions import ExportActions
from workshop.ui.export.dialog import ExportDialog
from workshop.ui.export.preview import PreviewDialog
from workshop.ui.export.printing import print_dialog
from workshop.ui.export.worker import ExportRequest, ExportResult, snapshot
from workshop.ui.pages.signing.page import SigningPage


@pytest.fixture
def page(qtbot: QtBot, document: SessionDocument) -> SigningPage:
    page = SigningPage(document)
    qtbot.addWidget(page)
    page.export_actions.ask = False
    page.show()
    return page


def _finish(qtbot: QtBot, actions: ExportActions, start: Callable[[], object]
            ) -> ExportResult:
    with qtbot.waitSignal(actions.sig_result, timeout=60_000) as blocker:
        start()
    result = blocker.args[0]
    assert isinstance(result, ExportResult)
    return result


def test_export_writes_both_pdfs_beside_the_session(qtbot: QtBot, page: SigningPage,
                                                    document: SessionDocument) -> None:
    actions = page.export_actions
    opened: list[QUrl] = []
    actions.open_url = opened.append
    assert document.path is not None
    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(1)  # English
    dialog.paper_size.setCurrentIndex(1)  # A3
    request = dialog.request()
    assert request.agreement == document.path.with_name("meeting-agreement.pdf")
    assert request.roadmap == document.path.with_name("meeting-roadmap.pdf")

    result = _finish(qtbot, actions, lambda: actions.start(request))
    assert result.ok and actions.task is None and actions.progress is None
    agreement = document.path.with_name("meeting-agreement.pdf")
    roadmap = document.path.with_name("meeting-roadmap.pdf")
    session = load_session(document.path)
    for pdf in (agreement, roadmap):
        report = verify_bytes(pdf.read_bytes(), session)
        assert report.ok, pdf
    assert "Leadingprinciples" in body_text(agreement.read_bytes())
    width, height = PdfReader(roadmap).pages[0].mediabox.upper_right
    assert round(float(width)) == 1191 and round(float(height)) == 842  # A3 landscape

    box = actions.result_box
    assert box is not None and box.isVisible()
    buttons = {b.text(): b for b in box.buttons()}
    buttons["Open the folder"].click()
    assert opened == [QUrl.fromLocalFile(str(agreement.parent))]
    box = actions.result_box
    assert box is not None
    assert [b.text() for b in box.buttons() if isinstance(b, QPushButton)]


def test_dutch_file_names_by_default(qtbot: QtBot, document: SessionDocument) -> None:
    assert document.path is not None
    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    request = dialog.request()
    assert request.language == "nl"
    assert request.agreement == document.path.with_name("meeting-samenwerkingsafspraken.pdf")
    dialog.language.setCurrentIndex(1)
    assert dialog.request().roadmap == document.path.with_name("meeting-roadmap.pdf")


def test_export_runs_off_the_ui_thread_on_a_snapshot(qtbot: QtBot, page: SigningPage,
                                                     document: SessionDocument,
                                                     tmp_path: Path) -> None:
    """Edits made while the worker lays out do not reach the PDF being made."""
    import workshop.export.agreement as export_ui  # the worker imports it when it runs

    threads: list[str] = []
    real = export_ui.export_agreement

    def spy(*args: object, **kwargs: object) -> bytes:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    export_ui.export_agreement = spy  # type: ignore[assignment]
    try:
        before = fingerprint(document.session)
        request = ExportRequest(snapshot(document), "export", "nl",
                                tmp_path / "a.pdf", tmp_path / "r.pdf")
        document.edit("change", ["principles"],
                      lambda s: setattr(s.principles[0], "text", "Veranderd na de kopie."))
        result = _finish(qtbot, page.export_actions,
                         lambda: page.export_actions.start(request))
    finally:
        export_ui.export_agreement = real  # type: ignore[assignment]
    assert threads and threads[0].startswith("workshop-export")
    assert threads[0] != threading.main_thread().name
    assert result.ok
    meta = PdfReader(tmp_path / "a.pdf").metadata
    assert meta is not None and meta["/WorkshopFingerprint"] == before
    assert "Veranderdnadekopie" not in body_text((tmp_path / "a.pdf").read_bytes())


def test_cancel_writes_nothing(qtbot: QtBot, page: SigningPage, document: SessionDocument,
                               tmp_path: Path) -> None:
    actions = page.export_actions
    request = ExportRequest(snapshot(document), "export", "nl", tmp_path / "a.pdf",
                            tmp_path / "r.pdf")
    with qtbot.waitSignal(actions.sig_result, timeout=60_000) as blocker:
        task = actions.start(request)
        assert task is not None and actions.progress is not None
        assert actions.start(request) is None  # one at a time
        cancel = actions.progress.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Cancel"
        cancel.click()
    assert blocker.args[0].cancelled
    assert not (tmp_path / "a.pdf").exists() and not (tmp_path / "r.pdf").exists()


def test_a_failed_write_is_explained(qtbot: QtBot, page: SigningPage,
                                     document: SessionDocument, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    request = ExportRequest(snapshot(document), "export", "en", blocked / "a.pdf",
                            blocked / "r.pdf")
    actions = page.export_actions
    result = _finish(qtbot, actions, lambda: actions.start(request))
    assert result.error and not result.written
    box = actions.result_box
    assert isinstance(box, QMessageBox) and box.icon() == QMessageBox.Icon.Warning
    assert "could not be written" in box.text()


def test_preview_shows_the_agreement_with_qtpdf(qtbot: QtBot, page: SigningPage) -> None:
    actions = page.export_actions
    result = _finish(qtbot, actions, page.export_buttons.preview_button.click)
    dialog = actions.preview_dialog
    assert isinstance(dialog, PreviewDialog) and dialog.isVisible()
    pages = len(PdfReader(io.BytesIO(result.agreement)).pages)
    assert dialog.pane.page_count() == pages >= 5
    dialog.resize(700, 900)
    qtbot.waitExposed(dialog)
    image = dialog.pane.view.grab().toImage()
    assert image.width() > 100
    room = dialog.show_on_projector()
    qtbot.addWidget(room)
    assert room.isVisible() and room.pane.page_count() == pages
    dialog.close()
    assert dialog.room is None or not dialog.room.isVisible()


def test_print_on_paper_prints_the_signing_lines(qtbot: QtBot, page: SigningPage,
                                                 tmp_path: Path) -> None:
    actions = page.export_actions
    target = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    actions.printer = printer
    result = _finish(qtbot, actions, page.export_buttons.paper_button.click)
    assert result.request.kind == "paper"
    assert "Datum:______________" in body_text(result.agreement)
    pages = len(PdfReader(io.BytesIO(result.agreement)).pages)
    assert actions.printed_pages == pages
    assert len(PdfReader(target).pages) == pages
    dialog = print_dialog(printer, page)
    qtbot.addWidget(dialog)
    assert dialog.printer() is printer


def test_the_file_menu_reaches_the_same_actions(qtbot: QtBot,
                                                document: SessionDocument) -> None:
    from workshop.domain.model import Step
    from workshop.ui.main_window import MainWindow

    window = MainWindow(document)
    qtbot.addWidget(window)
    for action in (window.export_action, window.preview_action, window.paper_action):
        assert action.isEnabled()
    signing = window.pages[Step.SIGNING]
    assert isinstance(signing, SigningPage)
    signing.export_actions.ask = False
    with qtbot.waitSignal(signing.export_actions.sig_result, timeout=60_000):
        window.preview_action.trigger()
    assert signing.export_actions.preview_dialog is not None
    signing.export_actions.preview_dialog.close()


def test_the_appendices_are_chosen_in_the_export_dialog(qtbot: QtBot, page: SigningPage,
                                                        document: SessionDocument) -> None:
    """Ticked in the dialog, the scorecard and the sources are appended; unticked, the
    interests are left out; the PDF still verifies against the session."""
    actions = page.export_actions
    actions.open_url = lambda _url: None
    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(1)  # English
    boxes = dialog.appendix_boxes
    assert [k for k, b in boxes.items() if b.isChecked()] == [
        "participants", "interests", "consent", "roadmap"]
    boxes["interests"].click()
    boxes["scorecard"].click()
    boxes["sources"].click()
    result = _finish(qtbot, actions, lambda: actions.start(dialog.request()))
    assert result.ok
    assert document.path is not None
    data = document.path.with_name("meeting-agreement.pdf").read_bytes()
    titles = [o.title for o in PdfReader(io.BytesIO(data)).outline if not isinstance(o, list)]
    assert [t for t in titles if t.startswith("Appendix")] == [
        "Appendix A. Participants in the start meeting", "Appendix B. Consent record",
        "Appendix C. Roadmap", "Appendix D. Agreement scorecard",
        "Appendix E. Sources of the templates used"]
    assert verify_bytes(data, load_session(document.path)).ok


def _try_export(qtbot: QtBot, dialog: ExportDialog, agreement: str, roadmap: str) -> str:
    """Type both paths as a facilitator does and click Export: the problem the dialog
    shows, or "" when it accepted."""
    for edit, text in ((dialog.agreement_path, agreement), (dialog.roadmap_path, roadmap)):
        edit.selectAll()
        edit.del_()
        qtbot.keyClicks(edit, text)
    dialog.export_button.click()
    if dialog.result() == QDialog.DialogCode.Accepted:
        return ""
    assert dialog.isVisible() and dialog.problem.isVisible()
    return dialog.problem.text()


def test_the_dialog_refuses_paths_that_would_lose_a_file_and_says_why(
        qtbot: QtBot, page: SigningPage, document: SessionDocument, tmp_path: Path) -> None:
    """Both PDFs to one name wrote the roadmap over the agreement and reported both as
    ready; an empty field tried to write "."; a missing folder gave the system's English.
    Each is said in the dialog, which stays open; nothing is written until they differ."""
    assert document.path is not None
    session_bytes = document.path.read_bytes()
    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "uit"
    out.mkdir()
    same = str(out / "afspraken.pdf")
    assert "two different files" in _try_export(qtbot, dialog, same, same)
    assert "file name for the agreement" in _try_export(qtbot, dialog, "  ", same)
    missing = out / "niet-er" / "a.pdf"
    assert f"“{missing.parent}” does not exist" in _try_export(qtbot, dialog, str(missing),
                                                               same)
    assert "is a folder" in _try_export(qtbot, dialog, str(out), same)
    assert "session file" in _try_export(qtbot, dialog, same, str(document.path))
    assert document.path.read_bytes() == session_bytes
    assert list(out.iterdir()) == []  # nothing written while the dialog refused
    set_language("nl")
    try:
        assert "twee verschillende bestanden" in _try_export(qtbot, dialog, same, same)
    finally:
        set_language("en")
    # A name without .pdf, relative: beside the session, as a PDF
    assert _try_export(qtbot, dialog, "afspraken", "routekaart") == ""
    folder = document.path.parent
    assert dialog.agreement_path.text() == str(folder / "afspraken.pdf")
    result = _finish(qtbot, page.export_actions,
                     lambda: page.export_actions.start(dialog.request()))
    assert result.ok and result.written == [folder / "afspraken.pdf",
                                            folder / "routekaart.pdf"]
    assert verify_bytes((folder / "afspraken.pdf").read_bytes()).ok
    assert PdfReader(folder / "routekaart.pdf").pages


def test_a_read_only_folder_is_said_in_the_exports_own_words(
        qtbot: QtBot, page: SigningPage, document: SessionDocument, tmp_path: Path) -> None:
    """Not the session's "use Save as" (the export dialog has none): another folder."""
    from workshop.storage.errors import SaveError
    from workshop.ui.export.worker import export_failed

    error = SaveError(tmp_path / "a.pdf", "Saving failed", kind="read_only",
                      reason="Permission denied")
    assert "Export to another folder" in export_failed(error)
    assert "Save as" not in export_failed(error)
