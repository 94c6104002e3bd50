"""The main window on every step, in Dutch and English, at three laptop sizes (1024x768:
the projector-era laptop; there the ambition page puts its statement below the board).

Each combination is rendered to a PNG (in ``tmp_path``, or in ``WORKSHOP_SCREENSHOT_DIR``
when set, to look at them), and checked for what a facilitator would notice: the step's
title in the right language, and no widget lying (partly) outside the window, no button
or label cut short.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from workshop.domain.model import Session, Step
from workshop.i18n import set_language
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import STEPS, MainWindow
from workshop.ui.pages.items.page import AgreementItemsPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")

SIZES = {"1024x768": (1024, 768), "1366x768": (1366, 768), "1920x1080": (1920, 1080)}
TITLES = {
    "nl": ["Stap 1: Voorbereiding", "Stap 2: Gedeelde ambitie", "Stap 3: Belangen",
           "Stap 4: Leidende principes", "Stap 5: Spelregels",
           "Stap 6: Organiseren en besluiten", "Stap 7: Routekaart", "Stap 8: Ondertekening"],
    "en": ["Step 1: Preparation", "Step 2: Shared ambition", "Step 3: Interests",
           "Step 4: Leading principles", "Step 5: Rules of play",
           "Step 6: Organising and deciding", "Step 7: Roadmap", "Step 8: Signing"],
}


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = os.environ.get("WORKSHOP_SCREENSHOT_DIR", "").strip()
    target = Path(folder) if folder else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    return target


def _in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    """Inside a scrolled viewport, a widget may lie outside the window: it scrolls."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and \
                parent is parent.parentWidget().viewport():  # type: ignore[union-attr]
            return True
        parent = parent.parentWidget()
    return False


def problems(window: QWidget) -> list[str]:
    """Visible widgets outside the window, and buttons or one-line labels cut short."""
    found = []
    frame = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.isWindow() or \
                _in_scroll_area(widget, window) or widget.width() <= 0:
            continue
        where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        if not frame.contains(where):
            found.append(f"{name} at {where.getRect()} outside the window {frame.getRect()}")
        text = ""
        if isinstance(widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QLabel) and not widget.wordWrap():
            text = widget.text()
        if text and "\n" not in text and widget.width() + 2 < widget.minimumSizeHint().width():
            found.append(f"{name} “{text}” cut short: {widget.width()} px of "
                         f"{widget.minimumSizeHint().width()}")
    return found


def rows_too_short(window: MainWindow) -> list[str]:
    """Principles and rules: each row is tall enough for its text as painted (wrapped at
    the cell's painted width) and its source line, so no row overlaps the next."""
    found = []
    for step in (Step.PRINCIPLES, Step.RULES):
        page = window.pages[step]
        assert isinstance(page, AgreementItemsPage)
        table = page.table
        painted = table.columnWidth(1) - (1 if table.showGrid() else 0) - 2 * 4
        metrics = QFontMetrics(table.font())
        for row in range(page.model.rowCount()):
            text = str(page.model.index(row, 1).data())
            lines = metrics.boundingRect(QRect(0, 0, painted, 100_000),
                                         int(Qt.AlignmentFlag.AlignLeft
                                             | Qt.TextFlag.TextWordWrap), text).height()
            if table.rowHeight(row) < lines + metrics.height() * 0.9:
                found.append(f"{step.value} row {row + 1}: {table.rowHeight(row)} px for "
                             f"{lines} px of text and a source line")
    return found


def _pixels(image: QImage) -> np.ndarray:
    """The image as rows x columns x RGBA bytes."""
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    rows = data.reshape(image.height(), image.bytesPerLine())
    return rows[:, :image.width() * 4].reshape(image.height(), image.width(), 4).copy()


def _page_pixels(window: MainWindow) -> np.ndarray:
    """What the window shows of the current page (below the title, above the step bar)."""
    area = QRect(window.page_stack.mapTo(window, QPoint(0, 0)), window.page_stack.size())
    return _pixels(window.grab(area).toImage())


def _share(mask: np.ndarray) -> float:
    return float(mask.mean())


PAGE_CONTENT_SHARE = 0.01
"""At least this share of a page's pixels changes between an empty session and the demo:
the step's own content (cards, interests, items, actions, parties) is drawn."""


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_every_step_rendered(qtbot: QtBot, make_document: Callable[..., SessionDocument],
                             shots: Path, lang: str, size: str) -> None:
    set_language(lang)  # type: ignore[arg-type]
    window = MainWindow(make_document())
    qtbot.addWidget(window)
    window.resize(*SIZES[size])
    window.show()
    qtbot.waitExposed(window)
    assert (window.width(), window.height()) == SIZES[size]
    empty = MainWindow(make_document(Session(id="s-empty"), name="empty"))
    qtbot.addWidget(empty)
    empty.resize(*SIZES[size])
    empty.show()
    qtbot.waitExposed(empty)
    found: dict[str, list[str]] = {}
    for number, step in enumerate(STEPS, start=1):
        window.go_to(step)
        empty.go_to(step)
        QApplication.processEvents()
        QApplication.processEvents()  # rows fitted to the new widths (a 0 ms timer)
        QApplication.processEvents()  # a canvas built for the first time: one turn later
        assert window.step_title.text() == TITLES[lang][number - 1]
        assert window.pages[step].isVisible()
        image = window.grab()
        assert (image.width(), image.height()) == SIZES[size]
        path = shots / f"workspace-{number}-{step.value}-{lang}-{size}.png"
        assert image.save(str(path))
        # The pixels: the page is drawn (not one flat colour), and the step's content
        # is in it: the same page for an empty session looks different.
        page, blank = _page_pixels(window), _page_pixels(empty)
        assert page.shape == blank.shape
        background = np.array(window.palette().color(QPalette.ColorRole.Window).getRgb(),
                              np.uint8)
        assert _share((page != background).any(axis=2)) > 0.1, step
        assert _share((page != blank).any(axis=2)) > PAGE_CONTENT_SHARE, step
        # Visiting a step is saved a second later; the status line's "Saved 04:03" is
        # then laid out on the next turn of the loop. Save now and let it lay out, so the
        # check below does not race the autosave timer.
        assert window.document is not None and window.document.flush()
        QApplication.processEvents()
        QApplication.processEvents()
        # a label whose text just changed (the status line's "Saved HH:MM") is resized
        # by the next layout pass: wait for it rather than catch it in between
        try:
            qtbot.waitUntil(lambda: not problems(window), timeout=2000)
        except qtbot.TimeoutError:
            pass
        if trouble := problems(window):
            found[step.value] = trouble
    assert found == {}
    assert rows_too_short(window) == []
    window.go_to(Step.PREPARATION)
    window.close()
    empty.close()
