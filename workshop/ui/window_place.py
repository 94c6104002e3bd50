"""Where the facilitator's window opens: as last closed, but always on a screen and never
larger than the space the screen has (a 1024x768 projector-era laptop included)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from workshop.storage import settings

DEFAULT_SIZE = QSize(1366, 768)


def fit_rect(wanted: QRect, available: QRect, minimum: QSize) -> QRect:
    """``wanted`` moved and shrunk into ``available``; never below ``minimum`` (which
    wins only where the screen is smaller than the app can be)."""
    width = max(min(wanted.width(), available.width()), minimum.width())
    height = max(min(wanted.height(), available.height()), minimum.height())
    x = min(max(wanted.x(), available.left()), available.right() + 1 - width)
    y = min(max(wanted.y(), available.top()), available.bottom() + 1 - height)
    return QRect(max(x, available.left()), max(y, available.top()), width, height)


def _available(rect: QRect) -> QRect | None:
    """The free area of the screen holding the middle of ``rect`` (or the primary)."""
    screen = QGuiApplication.screenAt(rect.center()) or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def place_window(window: QWidget) -> None:
    """Size and place ``window`` as it was last closed, fitted to today's screen."""
    saved = settings.window_geometry()
    if saved is None:
        screen = QGuiApplication.primaryScreen()
        screen_free = (screen.availableGeometry() if screen is not None
                       else QRect(0, 0, 1366, 768))
        wanted = QRect(screen_free.topLeft(), DEFAULT_SIZE)
        wanted.moveCenter(screen_free.center())
        maximised = False
    else:
        x, y, width, height, maximised = saved
        wanted = QRect(x, y, width, height)
    free = _available(wanted)
    rect = fit_rect(wanted, free, window.minimumSize()) if free is not None else wanted
    window.resize(rect.size())
    window.move(rect.topLeft())
    if maximised:
        window.setWindowState(window.windowState() | window.windowState().WindowMaximized)


def resize_on_screen(window: QWidget, width: int, height: int) -> None:
    """``width`` x ``height``, or as much of it as the free area of the window's screen
    holds (a dialog of 900x1000 put its buttons below a 768-pixel screen)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    free = screen.availableGeometry()
    window.resize(min(width, free.width()), min(height, free.height()))


def remember_window(window: QWidget) -> None:
    """Keep the window's normal place (not the maximised or full-screen one)."""
    rect = window.normalGeometry() if (window.isMaximized() or window.isFullScreen()) \
        else window.geometry()
    if rect.isValid():
        settings.set_window_geometry(rect.x(), rect.y(), rect.width(), rect.height(),
                                     window.isMaximized())
