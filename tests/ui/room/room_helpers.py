"""Helpers of the room's tests: open the room and choose a question through the panel."""

from __future__ import annotations

from workshop.ui.main_window import MainWindow
from workshop.ui.room.panel import RoomWindow


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
