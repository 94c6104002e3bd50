"""File → New evaluation meeting: the next version of the open, signed session.

The new session is saved beside the signed one (so the link by file name survives
moving the folder) under a name the facilitator confirms, and opened in its place. The
signed session itself is only read.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from workshop.domain.evaluation import new_evaluation, version_of
from workshop.i18n import tr
from workshop.storage import settings
from workshop.storage.errors import SessionFileError
from workshop.storage.files import save_session
from workshop.ui.document import SessionDocument
from workshop.ui.session_files import explain, file_filter, unique_path


def default_path(path: Path, version: int) -> Path:
    stem = path.stem
    return unique_path(path.parent, tr("{name} version {version}", name=stem,
                                       version=version))


def new_evaluation_meeting(window: QMainWindow) -> Path | None:
    """Make, save and open the evaluation meeting; its path, or None when not made."""
    document: SessionDocument | None = getattr(window, "document", None)
    if document is None:
        return None
    if document.path is None:
        QMessageBox.information(window, tr("New evaluation meeting"), tr(
            "Save the session first: the evaluation meeting refers to its file."))
        return None
    session = document.session
    current = document.fingerprint()
    if not any(s.fingerprint == current for s in session.signatures):
        answer = QMessageBox.question(window, tr("New evaluation meeting"), tr(
            "Nobody has signed this text. An evaluation meeting normally starts from the "
            "signed agreement. Make one from this text anyway?"))
        if answer != QMessageBox.StandardButton.Yes:
            return None
    document.flush()
    proposed = default_path(document.path, version_of(session) + 1)
    filename, _ = QFileDialog.getSaveFileName(
        window, tr("New evaluation meeting"), str(proposed), file_filter())
    if not filename:
        return None
    path = Path(filename)
    if path.suffix != ".workshop":
        path = path.with_name(path.name + ".workshop")
    if path.exists():
        # The dialog asked before replacing; a signed session is never written over.
        QMessageBox.warning(window, tr("New evaluation meeting"), tr(
            "“{path}” already exists. Choose a new name: no session is written over.",
            path=path))
        return None
    made = new_evaluation(session, document.path.name, dt.date.today())
    try:
        save_session(made, path)
    except (OSError, SessionFileError) as exc:
        explain(window, tr("The session cannot be created"), exc)
        return None
    settings.add_recent(path)
    open_session = getattr(window, "open_session")  # noqa: B009 - the main window's, not QMainWindow's
    open_session(path)
    return path
