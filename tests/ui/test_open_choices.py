"""Opening a session that is locked elsewhere or lies in a read-only folder: the message
offers real ways on (take over, read-only, Save as), clicked here as a user would."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from samples import demo_session

from workshop.storage.files import load_session, save_session
from workshop.storage.lock import lock_path
from workshop.ui.document import SessionDocument
from workshop.ui.session_files import open_document


class Clicker:
    """Clicks a button of the message box once it shows (exec() blocks the test)."""

    def __init__(self, button: str) -> None:
        self.button = button
        self.text = ""
        self.buttons: list[str] = []
        QTimer.singleShot(10, self._try)

    def _try(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, self._try)
            return
        self.text = box.text()
        self.buttons = [b.objectName() for b in box.findChildren(QPushButton)]
        found = box.findChild(QPushButton, self.button)
        if found is None:
            box.reject()
            return
        found.click()


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / "regio.workshop"
    save_session(demo_session(), path)
    return path


def _other_host_lock(path: Path) -> Path:
    target = lock_path(path)
    target.write_text(json.dumps({"pid": 4242, "host": "laptop-van-anna", "user": "anna",
                                  "started": "2024-05-01T09:30:00+00:00", "app": "Workshop",
                                  "version": "0.1"}), encoding="utf-8")
    return target


def _open(qtbot: QtBot, path: Path, button: str) -> tuple[SessionDocument | None, Clicker]:
    clicker = Clicker(button)
    document = open_document(None, path)
    return document, clicker


def test_a_lock_from_another_computer_is_taken_over_when_asked(
        qtbot: QtBot, session_file: Path) -> None:
    target = _other_host_lock(session_file)
    document, clicker = _open(qtbot, session_file, "takeOverButton")
    assert document is not None
    try:
        assert "anna" in clicker.text and "laptop-van-anna" in clicker.text
        assert "2024-05-01" in clicker.text
        assert {"takeOverButton", "readOnlyButton"} <= set(clicker.buttons)
        assert not document.read_only
        assert json.loads(target.read_text())["pid"] == os.getpid()
        document.edit("rename", ["details"],
                      lambda s: setattr(s.details, "name", "Overgenomen"))
        assert document.flush()
        assert load_session(session_file).details.name == "Overgenomen"
    finally:
        document.close()
    assert not target.exists()


def test_refused_by_default_read_only_on_request(qtbot: QtBot, session_file: Path) -> None:
    target = _other_host_lock(session_file)
    cancelled, _ = _open(qtbot, session_file, "no such button")  # closes the box
    assert cancelled is None
    assert json.loads(target.read_text())["user"] == "anna"
    document, _ = _open(qtbot, session_file, "readOnlyButton")
    assert document is not None and document.read_only
    document.close()
    assert json.loads(target.read_text())["user"] == "anna"


def test_a_live_workshop_offers_no_take_over(qtbot: QtBot, session_file: Path) -> None:
    from workshop.storage.lock import SessionLock

    held = SessionLock(session_file)
    held.acquire()
    try:
        # Held by this very process: another window of this Workshop.
        document, clicker = _open(qtbot, session_file, "readOnlyButton")
        assert "takeOverButton" not in clicker.buttons
        assert document is not None and document.read_only
        document.close()
    finally:
        held.release()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="needs a folder the user cannot write to")
def test_a_read_only_folder_offers_read_only_and_save_as(
        qtbot: QtBot, session_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _read_only_folder_case(qtbot, session_file, tmp_path, monkeypatch)


def test_a_read_only_folder_offers_read_only_and_save_as_simulated(
        qtbot: QtBot, session_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The same, with the lock's create call refused as a read-only mount does (root
    may write anywhere, so the real folder cannot show it under root)."""
    import errno

    from workshop.storage import lock as lock_module

    real_open = os.open
    folder = str(session_file.parent)

    def read_only(file: str | os.PathLike[str], flags: int, *args: object) -> int:
        if str(file).startswith(folder + os.sep) and flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(file, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(lock_module.os, "open", read_only)
    _read_only_folder_case(qtbot, session_file, tmp_path, monkeypatch, chmod=False)


def _read_only_folder_case(qtbot: QtBot, session_file: Path, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch, chmod: bool = True) -> None:
    folder = session_file.parent
    elsewhere = tmp_path.parent / f"{tmp_path.name}-usb"
    elsewhere.mkdir()
    if chmod:
        folder.chmod(0o555)
    try:
        document, clicker = _open(qtbot, session_file, "readOnlyButton")
        assert {"readOnlyButton", "saveAsButton"} <= set(clicker.buttons)
        assert "read-only" in clicker.text
        assert document is not None and document.read_only
        document.close()

        copy = elsewhere / "kopie.workshop"
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *a, **k: (str(copy), "")))
        document, clicker = _open(qtbot, session_file, "saveAsButton")
        assert document is not None and not document.read_only
        assert document.path == copy
        document.edit("rename", ["details"], lambda s: setattr(s.details, "name", "Kopie"))
        assert document.flush()
        document.close()
        assert load_session(copy).details.name == "Kopie"
        assert load_session(session_file).details.name == demo_session().details.name
    finally:
        folder.chmod(0o755)


def test_a_loop_of_links_opened_beside_an_open_session_is_explained(
        qtbot: QtBot, session_file: Path, tmp_path: Path) -> None:
    """Asking whether the chosen file is the one already open followed the links and
    raised on a loop (a traceback in the window); now opening it explains why not, and
    the open session stays."""
    from workshop.ui.main_window import MainWindow

    first, second = tmp_path / "een.workshop", tmp_path / "twee.workshop"
    first.symlink_to(second)
    second.symlink_to(first)
    document = open_document(None, session_file)
    assert document is not None
    window = MainWindow(document)
    qtbot.addWidget(window)
    clicker = Clicker("no such button")  # the explanation's box, closed
    window.open_session(first)  # as File > Open… does with the chosen path
    assert "een.workshop" in clicker.text
    assert window.document is document and not document.read_only
    window.close()


def test_a_new_sessions_file_name_has_single_spaces(qtbot: QtBot) -> None:
    """Emoji are left out of the file's name, and the spaces around them closed up
    ("Zorg  Samen.workshop" had two); the session keeps its name as typed."""
    from workshop.storage import paths
    from workshop.ui.session_files import new_document

    document = new_document(None, "Zorg 🙂 Samen 🏥", "nl")
    assert document is not None
    try:
        assert document.path == paths.documents_folder() / "Zorg Samen.workshop"
        assert document.session.details.name == "Zorg 🙂 Samen 🏥"
    finally:
        document.close()


def test_save_as_keeps_an_upper_case_suffix(qtbot: QtBot, session_file: Path,
                                            tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """File > Save as… "kopie.WORKSHOP" wrote "kopie.WORKSHOP.workshop"."""
    from workshop.ui.main_window import MainWindow

    document = open_document(None, session_file)
    assert document is not None
    window = MainWindow(document)
    qtbot.addWidget(window)
    target = tmp_path / "kopie.WORKSHOP"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    window.save_as_action.trigger()
    assert window.document is not None and window.document.path == target
    assert load_session(target).details.name == load_session(session_file).details.name
    assert not (tmp_path / "kopie.WORKSHOP.workshop").exists()
    window.close()


def test_the_session_as_opened_is_kept_before_the_first_save_writes_over_it(
        qtbot: QtBot, session_file: Path) -> None:
    """The backups held what the saves wrote, so the file as it was opened was gone once
    an edit had been saved over it; now it is among the backups (File > Restore)."""
    from workshop.domain.model import Step
    from workshop.storage.backups import BackupStore
    from workshop.ui.main_window import MainWindow
    from workshop.ui.pages.preparation.page import PreparationPage

    opened = session_file.read_bytes()
    document = open_document(None, session_file)
    assert document is not None
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.go_to(Step.PREPARATION)
    page = window.pages[Step.PREPARATION]
    assert isinstance(page, PreparationPage)
    page.region_edit.setFocus()
    page.region_edit.selectAll()
    qtbot.keyClicks(page.region_edit, "Regio Elders")
    assert document.flush()
    assert load_session(session_file).details.region == "Regio Elders"
    kept = [b.path.read_bytes() for b in BackupStore().list_backups(session_file)]
    assert opened in kept
    window.close()


def test_restoring_a_backup_says_the_replaced_version_is_kept(
        qtbot: QtBot, session_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """File > Restore from a backup…: the session as opened comes back, and the status
    line says that the version it replaced is kept as a backup (it said nothing)."""
    from PySide6.QtWidgets import QInputDialog

    from workshop.domain.model import Session
    from workshop.storage.backups import BackupStore
    from workshop.ui.main_window import MainWindow

    opened = load_session(session_file).details.region
    document = open_document(None, session_file)
    assert document is not None
    window = MainWindow(document)
    qtbot.addWidget(window)

    def rename(s: Session) -> None:
        s.details.region = "Regio Elders"

    document.edit("Region", ("details",), rename)
    assert document.flush()  # the file as opened is kept before this save
    asked: list[str] = []

    def choose(_parent: object, _title: str, label: str, items: list[str], *_: object
               ) -> tuple[str, bool]:
        asked.append(label)
        return items[-1], True  # the oldest: the session as it was opened

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    window.restore_action.trigger()
    assert "kept as a backup first" in asked[0]
    assert window.document is not None and window.document.session.details.region == opened
    assert "The version it replaced is kept as a backup" in messages[-1]
    kept = [load_session(b.path).details.region
            for b in BackupStore().list_backups(session_file)]
    assert "Regio Elders" in kept
    window.close()
