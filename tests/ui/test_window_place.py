"""The facilitator's window opens where it was, but never larger than the screen (11.8)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from workshop.storage import settings
from workshop.ui.main_window import MainWindow
from workshop.ui.window_place import fit_rect, place_window, remember_window

LAPTOP = QRect(0, 0, 1024, 768)
MINIMUM = QSize(960, 600)


def test_a_big_window_from_a_big_screen_fits_a_1024x768_laptop() -> None:
    fitted = fit_rect(QRect(200, 100, 1920, 1080), LAPTOP, MINIMUM)
    assert LAPTOP.contains(fitted) and fitted.size() == QSize(1024, 768)
    # A place on a second screen that is gone: back on this one, the size kept.
    fitted = fit_rect(QRect(2500, 900, 1000, 700), LAPTOP, MINIMUM)
    assert LAPTOP.contains(fitted) and fitted.size() == QSize(1000, 700)
    # A screen smaller than the app can be: the app's minimum, from the top left.
    small = fit_rect(QRect(0, 0, 1366, 768), QRect(0, 0, 800, 500), MINIMUM)
    assert small == QRect(0, 0, 960, 600)


def test_the_window_opens_as_closed_and_fitted_to_the_screen(qtbot: QtBot) -> None:
    free = QGuiApplication.primaryScreen().availableGeometry()
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(980, free.height() - 100)
    window.move(free.x() + 7, free.y() + 11)
    remember_window(window)
    assert settings.window_geometry() == (free.x() + 7, free.y() + 11, 980,
                                          free.height() - 100, False)
    again = MainWindow()
    qtbot.addWidget(again)
    place_window(again)
    closed = QRect(free.x() + 7, free.y() + 11, 980, free.height() - 100)
    # As closed, where the screen has room for it (the offscreen test screen is 800 wide).
    assert again.geometry() == fit_rect(closed, free, again.minimumSize())
    assert again.height() == closed.height() and again.y() == closed.y()

    settings.set_window_geometry(-3000, 5000, 3840, 2160, False)  # a 4K screen, unplugged
    third = MainWindow()
    qtbot.addWidget(third)
    place_window(third)
    placed = third.geometry()
    assert placed.height() <= free.height()
    assert placed.width() == max(min(3840, free.width()), third.minimumWidth())
    assert free.contains(placed.topLeft())
