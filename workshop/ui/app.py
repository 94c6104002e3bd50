"""Starting the GUI: the QApplication, the app font, the language, the main window."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from workshop import __version__
from workshop.ui.gc_policy import calm_garbage_collector


def application() -> QApplication:
    """The one QApplication, set up for Workshop (name, version, bundled fonts)."""
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
