"""Opening, creating and restoring session files from the UI, with plain explanations.

Every failure ends in a message that says what happened and what to do; nothing here
writes over an existing file except a restore the user chose (which keeps the replaced
version as a backup).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from workshop.domain.model import Session, SessionDetails
from workshop.i18n import current_language, tr
from workshop.storage import paths, settings
from workshop.storage.backups import BackupStore, keep_before_upgrade, restore
from workshop.storage.errors import LockedError, SessionFileError
from workshop.storage.files import load_session, save_session
from workshop.storage.lock import SessionLock
from workshop.ui.document import SessionDocument

FILE_FILTER_ID = "Workshop sessions (*.workshop)"


def file_filter() -> str:
    return tr("Workshop sessions (*.workshop)")


def explain(parent: QWidget | None, title: str, error: Exception) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(str(error))
    problems = getattr(error, "problems", None)
    if problems:
        box.setDetailedText("\n".join(problems))
    box.exec()


def open_document(parent: QWidget | None, path: Path, *, ask: bool = True
                  ) -> SessionDocument | None:
    """Lock and load ``path``; on a lock held elsewhere offer to open it read-only."""
    path = Path(path)
    lock = SessionLock(path)
    read_only = False
    try:
        lock.acquire()
    except LockedError as exc:
        if not ask:
            raise
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(tr("The session is already open"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(str(exc))
        read_only_button = box.addButton(tr("Open read-only"),
                                         QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not read_only_button:
            return None
        read_only = True
    except SessionFileError as exc:
        if not ask:
            raise
        explain(parent, tr("The session cannot be opened"), exc)
        return None
    try:
        session = load_session(path)
    except SessionFileError as exc:
        if not read_only:
            lock.release()
        if not ask:
            raise
        explain(parent, tr("The session cannot be opened"), exc)
        return None
    settings.add_recent(path)
    if not read_only:
        try:
            keep_before_upgrade(path, BackupStore())  # an older format: kept as it was
        except OSError:
            pass  # a backup is a convenience; the file itself is still untouched
    return SessionDocument(session, path, lock=None if read_only else lock,
                           read_only=read_only)


def unique_path(folder: Path, stem: str) -> Path:
    candidate = folder / f"{stem}.workshop"
    serial = 1
    while candidate.exists():
        serial += 1
        candidate = folder / f"{stem} ({serial}).workshop"
    return candidate


def create_document(parent: QWidget | None, session: Session, stem: str
                    ) -> SessionDocument | None:
    """Save ``session`` as a new file in the documents folder at once, then open it."""
    try:
        folder = paths.ensure_private_dir(paths.documents_folder())
        path = unique_path(folder, stem)
        save_session(session, path)
    except (OSError, SessionFileError) as exc:
        explain(parent, tr("The session cannot be created"), exc)
        return None
    return open_document(parent, path)


def new_document(parent: QWidget | None, name: str | None = None) -> SessionDocument | None:
    if name is None:
        name, ok = QInputDialog.getText(parent, tr("New session"),
                                        tr("Name of the collaboration:"))
        if not ok:
            return None
    name = name.strip() or tr("New collaboration")
    session = Session(details=SessionDetails(name=name, date=dt.date.today(),
                                             language=current_language()))
    safe = "".join(c for c in name if c.isalnum() or c in " -_").strip()[:60]
    return create_document(parent, session, safe or tr("New session"))


def demo_document(parent: QWidget | None) -> SessionDocument | None:
    """A fresh copy of the demo, so the bundled example stays as it is."""
    from workshop.domain.samples import demo_session  # only when asked: keeps the start fast

    return create_document(parent, demo_session(), tr("Demo session"))


def ask_open_path(parent: QWidget | None) -> Path | None:
    filename, _ = QFileDialog.getOpenFileName(parent, tr("Open a session"),
                                              str(paths.documents_folder()), file_filter())
    return Path(filename) if filename else None


def ask_restore(parent: QWidget | None, target: Path | None) -> Path | None:
    """Let the user pick a backup (of ``target`` if given) and restore it.

    Returns the restored session's path, or None.
    """
    store = BackupStore()
    backups = store.list_backups(target) if target else store.list_all()
    if not backups:
        QMessageBox.information(parent, tr("Restore from a backup"),
                                tr("There are no backups yet."))
        return None
    labels = [tr("{time} — {name} ({size} kB)",
                 time=b.taken_at.strftime("%Y-%m-%d %H:%M:%S"),
                 name=Path(b.source).name if b.source else b.path.name,
                 size=max(1, b.size // 1024)) for b in backups]
    choice, ok = QInputDialog.getItem(parent, tr("Restore from a backup"),
                                      tr("Choose the version to restore:"), labels, 0, False)
    if not ok:
        return None
    backup = backups[labels.index(choice)]
    destination = target or (Path(backup.source) if backup.source else None)
    if destination is None:
        filename, _ = QFileDialog.getSaveFileName(parent, tr("Restore as"),
                                                  str(paths.documents_folder()),
                                                  file_filter())
        if not filename:
            return None
        destination = Path(filename)
    try:
        restore(backup.path, destination, store)
    except (OSError, SessionFileError) as exc:
        explain(parent, tr("The backup cannot be restored"), exc)
        return None
    return destination
