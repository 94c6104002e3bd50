"""Starting the GUI: the QApplication, the app font, the language, the main window."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from workshop import __version__


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


SETTLE_MS = 5_000
SWEEP_MS = 10 * 60_000


def settle_garbage() -> None:
    """Move every object alive now out of the garbage collector's sight (``gc.freeze``).

    A full collection walks every object: with a large session (1,000 cards and its
    undo history) that is ~35 ms, two dropped frames on the projector in the middle of a
    drag. After this, a full pass only walks what is newer; objects freed by reference
    counting (nearly all) are freed as before. Cheap: it moves lists, it walks nothing.
    """
    gc.freeze()


def sweep_garbage() -> None:
    """Look at everything again once (one full pass), then settle."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def calm_garbage_collector(app: QApplication) -> None:
    """Settle every few seconds, sweep every ten minutes (the benchmarks do the same)."""
    if getattr(app, "_workshop_gc_timers", None):
        return
    timers = []
    for interval, action in ((SETTLE_MS, settle_garbage), (SWEEP_MS, sweep_garbage)):
        timer = QTimer(app)
        timer.setInterval(interval)
        timer.timeout.connect(action)
        timer.start()
        timers.append(timer)
    app._workshop_gc_timers = timers  # type: ignore[attr-defined]
