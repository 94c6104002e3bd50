"""In Dutch, no visible string of the workspace is left in English.

Walks every page of the main window (and its menus) in Dutch and collects what a user
can read: labels, buttons, tabs, group boxes, headers, placeholders, menu entries,
tooltips. Any text that is an English message id with a different Dutch translation
means a string was translated at import time or not at all.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from workshop.i18n import catalogue, set_language
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import STEPS, MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_i18n import message_ids  # noqa: E402


def _header_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    from PySide6.QtCore import QAbstractListModel, QModelIndex

    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    for section in range(columns):
        value = model.headerData(section, Qt.Orientation.Horizontal,
                                 Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str):
            yield value


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    for widget in [root, *root.findChildren(QWidget)]:
        kind = type(widget).__name__
        if widget.toolTip():
            yield kind, widget.toolTip()
        if isinstance(widget, QLabel):
            yield kind, widget.text()
        elif isinstance(widget, QAbstractButton):
            yield kind, widget.text()
        elif isinstance(widget, QGroupBox):
            yield kind, widget.title()
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield kind, widget.tabText(i)
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            yield kind, widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield kind, widget.itemText(i)
        elif isinstance(widget, QMenu):
            for action in widget.actions():
                yield "QAction", action.text()
                yield "QAction", action.toolTip()
        if isinstance(widget, QAbstractItemView):
            for text in _header_texts(widget):
                yield "header", text


ENDONYMS = {"English", "Nederlands"}
"""The language menu names each language in that language, on purpose."""


def _strip(text: str) -> str:
    return re.sub(r"&(?!&)", "", text).strip()


@pytest.fixture
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("en")


def test_no_english_left_in_dutch(qtbot: QtBot, document: SessionDocument,
                                  dutch: None) -> None:
    dutch_catalogue = catalogue("nl")
    english = {_strip(m): m for m in message_ids() if "{" not in m}
    untranslated = {text for text, m in english.items()
                    if _strip(dutch_catalogue.get(m, m)) != text}
    untranslated -= ENDONYMS
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    found: set[str] = set()
    for step in STEPS:
        window.go_to(step)
        for kind, text in visible_texts(window):
            for line in text.splitlines() or [text]:
                if _strip(line) in untranslated:
                    found.add(f"{step.value}: {kind}: {line!r}")
    for menu in window.menuBar().findChildren(QMenu):
        for kind, text in visible_texts(menu):
            if _strip(text) in untranslated:
                found.add(f"menu: {kind}: {text!r}")
    assert sorted(found) == [], "\n".join(sorted(found))
