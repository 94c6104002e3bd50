"""Exporting off the UI thread: the request, the result and the task that runs it."""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import (
    QObject,
    Signal,
)

from workshop.domain.model import Session
from workshop.export.appendix_names import APPENDICES, DEFAULT_APPENDICES
from workshop.i18n import N_, Language, current_language, say, tr
from workshop.storage import paths
from workshop.storage.errors import SaveError, SessionFileError
from workshop.storage.files import os_reason, remove_partial_exports, write_atomic
from workshop.storage.paths import default_pdf_paths
from workshop.ui.document import SessionDocument

if TYPE_CHECKING:
    from workshop.export.roadmap import GroupBy, PageSize

_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="workshop-export")

Kind = Literal["export", "preview", "paper"]

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

def export_failed(exc: SaveError) -> str:
    """The window's words for a PDF that could not be written (the save's own message
    speaks of the session and of Save as, which the export dialog does not have)."""
    return exc.said_for(
        current_language(),
        N_("“{path}” could not be written: the disk is full. Free some space, or "
           "export to another folder. A file of that name that was there is unchanged."),
        N_("“{path}” could not be written: the folder is read-only or you lack "
           "permission. Export to another folder. A file of that name that was there "
           "is unchanged."),
        N_("“{path}” could not be written: {reason}. A file of that name that was there "
           "is unchanged."))


def run_request(request: ExportRequest, progress: Callable[[int], None],
                cancelled: Callable[[], bool]) -> ExportResult:
    """Lay out (and for an export, write) the PDFs; runs on the worker thread."""
    # Here, not at the top: reportlab takes ~0.2 s to import; the first export pays it
    # on this thread, instead of the first visit of the signing step on the UI thread.
    from workshop.export.agreement import AgreementOptions, export_agreement
    from workshop.export.roadmap import RoadmapOptions, export_roadmap

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
    except SaveError as exc:
        result.error = export_failed(exc)
    except (OSError, SessionFileError) as exc:
        reason = (say(os_reason(exc), current_language()) if isinstance(exc, OSError)
                  else exc.text(current_language()))
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
