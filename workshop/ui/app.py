"""Starting the GUI: the QApplication, the app font, the language, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from workshop import __version__


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
    from workshop.ui.fonts import install_app_font

    install_app_font(app)
    return app


def run_app(path: Path | None) -> int:
    from workshop.ui.main_window import run_main_window

    return run_main_window(path)
