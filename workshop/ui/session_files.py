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

from workshop import locale_format
from workshop.domain.model import Session, SessionDetails
from workshop.i18n import Language, current_language, tr
from workshop.storage import paths, settings
from workshop.storage.backups import BackupStore, keep_before_upgrade, restore
from workshop.storage.errors import LockedError, SessionFileError
from workshop.storage.files import load_session, loads, remove_partial_exports, save_session
from workshop.storage.lock import SessionLock
from workshop.ui.document import SessionDocument

FILE_FILTER_ID = "Workshop sessions (*.workshop)"


def file_filter() -> str:
    return tr("Workshop sessions (*.workshop)")


def _said(error: Exception) -> str:
    """The error in the app's language (storage's errors keep their message id)."""
    return error.text(current_language()) if isinstance(error, SessionFileError) else str(error)


def explain(parent: QWidget | None, title: str, error: Exception) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(_said(error))
    if isinstance(error, SessionFileError) and error.problems:
        box.setDetailedText("\n".join(error.problem_texts(current_language())))
    box.exec()


def _choose(parent: QWidget | None, title: str, error: Exception,
            buttons: list[tuple[str, str, QMessageBox.ButtonRole]]) -> str | None:
    """A message with real choices; returns the chosen button's key (None: cancelled)."""
    box = QMessageBox(parent)
    box.setObjectName("sessionFileChoice")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(_said(error))
    keys = {}
    for key, text, role in buttons:
        button = box.addButton(text, role)
        button.setObjectName(f"{key}Button")
        keys[key] = button
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setText(tr("Cancel"))
    box.setDefaultButton(keys[buttons[0][0]] if buttons else cancel)
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in keys.items() if button is clicked), None)


def open_document(parent: QWidget | None, path: Path, *, ask: bool = True
                  ) -> SessionDocument | None:
    """Lock and load ``path``.

    A lock held elsewhere offers read-only, and, when its holder is on another computer
    or has ended (``LockedError.can_take_over``), taking it over. A folder where no lock
    can be made (read-only) offers read-only and Save as.
    """
    path = Path(path)
    lock = SessionLock(path)
    read_only = False
    try:
        lock.acquire()
    except LockedError as exc:
        if not ask:
            raise
        choices = [("readOnly", tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)]
        if exc.can_take_over:
            choices.insert(0, ("takeOver", tr("Take over"),
                               QMessageBox.ButtonRole.DestructiveRole))
        choice = _choose(parent, tr("The session is already open"), exc, choices)
        if choice is None:
            return None
        if choice == "takeOver":
            try:
                lock.acquire(force=True)
            except SessionFileError as again:
                explain(parent, tr("The session cannot be opened"), again)
                return None
        else:
            read_only = True
    except SessionFileError as exc:
        if not ask:
            raise
        choice = _choose(parent, tr("The session cannot be opened for editing"), exc, [
            ("readOnly", tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole),
            ("saveAs", tr("Save as…"), QMessageBox.ButtonRole.ActionRole)])
        if choice is None:
            return None
        if choice == "saveAs":
            return _open_as_copy(parent, path)
        read_only = True
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
    remove_partial_exports(path.parent)
    if not read_only:
        try:
            keep_before_upgrade(path, BackupStore())  # an older format: kept as it was
        except OSError:
            pass  # a backup is a convenience; the file itself is still untouched
    return SessionDocument(session, path, lock=None if read_only else lock,
                           read_only=read_only)


def _open_as_copy(parent: QWidget | None, path: Path) -> SessionDocument | None:
    """Save the session elsewhere (the user picks where) and open that copy."""
    try:
        session = load_session(path)
    except SessionFileError as exc:
        explain(parent, tr("The session cannot be opened"), exc)
        return None
    filename, _ = QFileDialog.getSaveFileName(parent, tr("Save as"),
                                              str(paths.documents_folder() / path.name),
                                              file_filter())
    if not filename:
        return None
    target = Path(filename)
    if target.suffix != ".workshop":
        target = target.with_name(target.name + ".workshop")
    try:
        save_session(session, target)
    except (OSError, SessionFileError) as exc:
        explain(parent, tr("Saving failed"), exc)
        return None
    return open_document(parent, target)


def clean_partial_exports(extra: Path | None = None) -> int:
    """At start: remove what killed exports left in the documents folder and beside the
    recent sessions (and in ``extra``)."""
    folders = {paths.documents_folder()} | {p.parent for p in settings.recent_sessions()}
    if extra is not None:
        folders.add(extra)
    return sum(remove_partial_exports(folder) for folder in folders)


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


def new_document(parent: QWidget | None, name: str, language: Language | None = None
                 ) -> SessionDocument | None:
    """A new session named ``name`` whose documents are in ``language`` (default: the
    app's), saved at once; ``NewSessionDialog`` asks both."""
    name = name.strip() or tr("New collaboration", language)
    session = Session(details=SessionDetails(name=name, date=dt.date.today(),
                                             language=language or current_language()))
    kept = "".join(c for c in name if c.isalnum() or c in " -_")
    safe = " ".join(kept.split())[:60].strip()  # "Zorg 🙂 Samen": one space, not two
    return create_document(parent, session, safe or tr("New session"))


def demo_document(parent: QWidget | None) -> SessionDocument | None:
    """A fresh copy of the demo, so the bundled example stays as it is."""
    from workshop.assets import demo_file

    return create_document(parent, loads(demo_file().read_bytes(), "demo.workshop"),
                           tr("Demo session"))


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
                 time=locale_format.date_time(b.taken_at, current_language(), seconds=True),
                 name=Path(b.source).name if b.source else b.path.name,
                 size=max(1, b.size // 1024)) for b in backups]
    choice, ok = QInputDialog.getItem(parent, tr("Restore from a backup"),
                                      tr("Choose the version to restore (the session as "
                                         "it is now is kept as a backup first):"),
                                      labels, 0, False)
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
