"""What the page tests share: a page shown and followed as the main window does it."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from workshop.ui.pages.base import Page

P = TypeVar("P", bound=Page)


def show_page(qtbot: QtBot, page: P, size: tuple[int, int] = (1086, 658)) -> P:
    """``page`` on screen, active and refreshed on every change of its document."""
    qtbot.addWidget(page)
    page.document.sig_changed.connect(page.refresh)  # as the main window does
    page.refresh(frozenset())
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab(qtbot: QtBot) -> QWidget | None:
    """Tab from the focused widget; the widget that has the focus then."""
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return focused()
