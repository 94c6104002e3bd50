"""Saving off the UI thread, seen from the window: the timer starts saves on the worker,
an edit typed while the worker writes is in the next save, and a failed save reaches
the status line (on the UI thread) without anyone calling flush."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from workshop.domain.model import Session
from workshop.storage import files
from workshop.storage.files import load_session
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import MainWindow


def _rename(document: SessionDocument, name: str) -> None:
    def mutate(s: Session) -> None:
        s.details.name = name

    document.edit(f"rename {name}", ("details",), mutate)


def test_an_edit_during_a_save_is_in_the_next_save(qtbot: QtBot, document: SessionDocument,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert document.path is not None and document.autosaver is not None
    writing, go_on = threading.Event(), threading.Event()
    on_worker: list[bool] = []
    real = files.write_atomic

    def slow_write(target: Path | str, data: bytes) -> None:
        on_worker.append(threading.current_thread() is not threading.main_thread())
        writing.set()
        assert go_on.wait(10)
        real(target, data)

    monkeypatch.setattr(files, "write_atomic", slow_write)
    _rename(document, "Eerste")
    qtbot.waitUntil(writing.is_set, timeout=5000)  # the timer started it
    assert document.autosaver.saving and document.save_state()[0] == "saving"
    _rename(document, "Tweede")  # the UI is free while the worker writes
    assert document.session.details.name == "Tweede"
    go_on.set()
    qtbot.waitUntil(lambda: not document.is_modified(), timeout=10_000)
    assert load_session(document.path).details.name == "Tweede"
    assert on_worker and all(on_worker)
    assert document.undo_stack.isClean()


def test_a_failed_background_save_reaches_the_status_line(qtbot: QtBot,
                                                          document: SessionDocument) -> None:
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    assert document.path is not None
    original = document.path.read_bytes()
    document.path.unlink()
    document.path.mkdir()  # a folder where the file was: every save fails
    try:
        _rename(document, "Kan niet bewaard")
        label = window.findChild(QLabel, "saveState")
        qtbot.waitUntil(lambda: label.property("kind") == "error", timeout=10_000)
        assert "Save as" in label.text()
        assert window.isWindowModified()
    finally:
        document.path.rmdir()
        document.path.write_bytes(original)
