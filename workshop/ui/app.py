"""Starting the GUI: the QApplication, the app font, the language, the main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from workshop import __version__
from workshop.ui.gc_policy import calm_garbage_collector

SERIAL_FILLS_ENV = "QT_NO_GUI_THREADPOOL"
"""Qt's own switch: large fills are painted by the thread that paints.

Qt 6 splits a fill of more than about a hundred lines (a scroll bar's gradient, a tall
shape, the projector preview's page) over a pool of threads, one per core, and waits
for them. Waking a thread on another core takes longer than the fill: on the 2-core
benchmark machine one scroll bar's paint took 1.8 ms instead of 0.14 ms, and the board
paints one per column; a step switch or an edit waited for the pool several times, and
waited longest when the other core was busy (the save worker, another program). The
paint of a window is Python's and Qt's work on one thread anyway (tests/bench)."""


def application(*, first_window: bool = False) -> QApplication:
    """The one QApplication, set up for Workshop (name, version, bundled fonts, icon).

    ``first_window``: only what the first window shows (the app's own font family, no
    icon: its first image read alone is ~6 ms); ``finish_application`` adds the rest
    once the window is on screen (the main window does, with the session)."""
    os.environ.setdefault(SERIAL_FILLS_ENV, "1")  # before Qt's first fill (see above)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Workshop")
    app.setApplicationDisplayName("Workshop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Workshop")
    app.setDesktopFileName("workshop")  # Wayland and task bars match the .desktop entry
    calm_garbage_collector(app)
    if first_window:
        from workshop.ui.fonts import install_app_font

        install_app_font(app, first_family=True)
    else:
        finish_application(app)
    return app


def finish_application(app: QApplication) -> None:
    """The fonts for every script and the icon (once; see ``application``)."""
    from workshop.ui.fonts import install_app_font

    install_app_font(app)
    if app.windowIcon().isNull():
        app.setWindowIcon(app_icon())


def app_icon() -> QIcon:
    """The application icon (window, task bar), from resources/icons."""
    from workshop.assets import resource_root

    icon = QIcon()
    for name in ("workshop.svg", "workshop-256.png", "workshop-48.png"):
        pixmap = QPixmap()
        if pixmap.loadFromData((resource_root() / "icons" / name).read_bytes()):
            icon.addPixmap(pixmap)
    return icon
