"""Show the window first, open the session right after (issue 14, item 3).

``workshop FILE`` used to read, validate and lay out the session before the window
appeared: the facilitator looked at nothing for the whole start. Now the window shows
at once with the step list and "Opening FILE…", and the session is opened in the next
turn of the event loop, with everything opening a file always does: the lock, the
offer to recover a crashed session, the messages about a damaged file or one from a
newer Workshop (these now appear over the window instead of before it). A file that
does not open leaves the start screen.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


class Opening(Protocol):
    """What opening after the show needs of the main window (which imports this module)."""

    @property
    def document(self) -> object: ...

    def isVisible(self) -> bool: ...  # noqa: N802 (Qt's name)

    def open_session(self, path: Path) -> object: ...

    def set_document(self, document: None) -> object: ...

QUIT_AFTER_SHOW_ENV = "WORKSHOP_QUIT_AFTER_SHOW"
"""``1``: quit once the window shows the opened session (or the start screen);
``window``: quit at the first turn of the event loop, the window shown, before the
session is opened. For the bundle's test and the start benchmark, which must see the
real start, not a test harness's."""


def open_after_show(window: Opening, path: Path | None,
                    then: Callable[[], None] = lambda: None) -> None:
    """``window`` is shown (made with ``MainWindow(opening=path)``, or ``show_opening``
    was called): open ``path`` in the next turn of the event loop, then call ``then``
    (not when the window was closed before). Without a path, ``then`` runs at once."""
    if path is None:
        then()
        return

    def open_now() -> None:
        if not window.isVisible():  # closed in the meantime: nothing to open or finish
            return
        window.open_session(path)
        if window.document is None:  # damaged, newer, locked, or the user said no
            window.set_document(None)  # the start screen
        then()

    QTimer.singleShot(0, open_now)


def quit_after_show_if_asked(window: QWidget, *, opened: bool = True) -> None:
    """With ``WORKSHOP_QUIT_AFTER_SHOW``: once the window is shown (``window``) or shows
    the opened session (``1``, ``opened`` true), paint, print ``shown: TITLE`` and quit
    cleanly."""
    wanted = os.environ.get(QUIT_AFTER_SHOW_ENV)
    if wanted not in ("1", "window") or (wanted == "1") != opened:
        return

    def done() -> None:
        # Painted, as the bare window it is compared with. Before the session is
        # opened, processing events would run the opening too: paint right here.
        if opened:
            QApplication.processEvents()
        else:
            window.repaint()
        if sys.stdout is not None:  # a windowed program on Windows has none
            print(f"shown: {window.windowTitle()} visible={window.isVisible()}", flush=True)
        window.close()
        QApplication.quit()

    QTimer.singleShot(0, done)
