"""Fixtures for the room: the main window with a session, its room panel open on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from room_helpers import open_room

from workshop.ui.main_window import MainWindow
from workshop.ui.room.panel import RoomWindow


@pytest.fixture
def room(make_document: Any, qtbot: Any) -> Iterator[tuple[MainWindow, RoomWindow]]:
    window = MainWindow(make_document())
    qtbot.addWidget(window)
    panel = open_room(window)
    yield window, panel
    panel.shutdown()
    window.close_session()
    window.projector_controls.close()
