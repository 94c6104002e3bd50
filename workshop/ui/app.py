"""Starting the GUI: the QApplication, the app font, the language, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from workshop import __version__
from workshop.ui.gc_policy import SETTLE_MS as SETTLE_MS  # re-exported: the benchmarks
from workshop.ui.gc_policy import calm_garbage_collector
from workshop.ui.gc_policy import settle_garbage as settle_garbage
from workshop.ui.gc_policy import sweep_garbage as sweep_garbage


def application() -> QApplication:
    """The one QApplication, set up for Workshop (name, version, bundled fonts)."""
    from workshop.ui.canvas.qtguard import guard_none_refcount

    guard_none_refcount()  # PySide6 6.12.0 miscounts None, True and False: see there
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Workshop")
    app.setApplicationDisplayName("Workshop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Workshop")
    app.setDesktopFileName("workshop")  # Wayland and task bars match the .desktop entry
    app.setWindowIcon(app_icon())
    from workshop.ui.fonts import install_app_font

    install_app_font(app)
    calm_garbage_collector(app)
    return app


def app_icon() -> QIcon:
    """The application icon (window, task bar), from resources/icons."""
    from workshop.assets import resource_root

    icon = QIcon()
    for name in ("workshop.svg", "workshop-256.png", "workshop-48.png"):
        pixmap = QPixmap()
        if pixmap.loadFromData((resource_root() / "icons" / name).read_bytes()):
            icon.addPixmap(pixmap)
    return icon


QUIT_AFTER_SHOW_ENV = "WORKSHOP_QUIT_AFTER_SHOW"


def quit_after_show_if_asked(window: QWidget) -> None:
    """With ``WORKSHOP_QUIT_AFTER_SHOW=1``: once the window is shown and the event loop
    runs, print ``shown: TITLE`` and quit cleanly. For the bundle's test and the start
    time benchmark, which must see the real start, not a test harness's."""
    if os.environ.get(QUIT_AFTER_SHOW_ENV) != "1":
        return

    def done() -> None:
        if sys.stdout is not None:  # a windowed program on Windows has none
            print(f"shown: {window.windowTitle()} visible={window.isVisible()}", flush=True)
        window.close()
        QApplication.quit()

    QTimer.singleShot(0, done)


def run_app(path: Path | None) -> int:
    from workshop.ui.main_window import run_main_window

    return run_main_window(path)
