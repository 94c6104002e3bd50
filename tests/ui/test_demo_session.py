"""The start screen's "Demo session": a copy of the shipped file, not code in the app."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from samples import demo_session

from workshop.storage.files import load_session
from workshop.ui.main_window import MainWindow

DEMO = Path(__file__).resolve().parents[2] / "sessions" / "demo.workshop"


def test_the_demo_button_opens_a_copy_of_the_shipped_demo(qtbot: QtBot) -> None:
    shipped = DEMO.read_bytes()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.start_screen.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.document is not None)
    document = window.document
    assert document is not None and document.path is not None
    assert document.path.name.startswith("Demo session")
    assert document.path.read_bytes() == shipped  # saved as shipped, in the documents
    assert load_session(document.path) == demo_session()
    assert DEMO.read_bytes() == shipped  # the shipped file is left as it was
    assert window.windowTitle().startswith("Samen gezond ouder worden in de Waalzoom — ")
    window.close_session()
