"""Fixtures for the room: the main window with a session, its room panel open on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from workshop.ui.main_window import MainWindow
from workshop.ui.room.panel import RoomWindow, show_room


def open_room(window: MainWindow) -> RoomWindow:
    """Go > Room for phones…, choose the loopback network, Open the room (the widgets)."""
    window.room_action.trigger()
    panel = window._room_window
    assert isinstance(panel, RoomWindow)
    index = panel.interface_box.findData("127.0.0.1")
    if index < 0:
        panel.interface_box.addItem("lo: 127.0.0.1", "127.0.0.1")
        index = panel.interface_box.count() - 1
    panel.interface_box.setCurrentIndex(index)
    panel.open_button.click()
    assert panel.bridge.is_open
    return panel


def choose(panel: RoomWindow, kind: str, subject: str | None = None) -> str:
    """Open a question to the phones through the panel's boxes; the activity key."""
    if subject is not None:
        panel.kind_box.setCurrentIndex(panel.kind_box.findData("consent"))
        panel.subject_box.setCurrentIndex(panel.subject_box.findData(subject))
    panel.kind_box.setCurrentIndex(panel.kind_box.findData(kind))
    return panel.bridge.activity.key


@pytest.fixture
def room(make_document: Any, qtbot: Any) -> Iterator[tuple[MainWindow, RoomWindow]]:
    window = MainWindow(make_document())
    qtbot.addWidget(window)
    panel = open_room(window)
    yield window, panel
    panel.shutdown()
    window.close_session()
    window.projector_controls.close()


__all__ = ["choose", "open_room", "show_room"]
