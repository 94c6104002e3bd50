"""The smaller things of issue 11.12, each checked as the facilitator meets it."""

from __future__ import annotations

import re
from collections.abc import Callable

from drive import press
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from samples import demo_session

from workshop.domain.model import AMBITION_SUBJECT, Step
from workshop.i18n import set_language
from workshop.ui.consent.round import ConsentRoundWidget
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import MainWindow


def test_enter_presses_the_focused_button_on_the_start_screen(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pressed: list[str] = []
    window.start_screen.sig_demo.disconnect()
    window.start_screen.sig_demo.connect(lambda: pressed.append("demo"))
    window.start_screen.sig_new.disconnect()
    window.start_screen.sig_new.connect(lambda: pressed.append("new"))
    window.start_screen.new_button.setFocus()
    qtbot.waitUntil(window.start_screen.new_button.hasFocus)
    press(qtbot, Qt.Key.Key_Return)
    assert pressed == ["new"]
    window.start_screen.demo_button.setFocus()
    press(qtbot, Qt.Key.Key_Enter)  # the keypad's Enter
    assert pressed == ["new", "demo"]


def test_the_dutch_note_hint_names_the_keys_the_buttons_show(
        qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    session = demo_session()
    session.consents = []  # a round not held yet: the note waits for a decision
    document = make_document(session)
    set_language("nl")
    try:
        widget = ConsentRoundWidget(document, AMBITION_SUBJECT)
        qtbot.addWidget(widget)
        widget.show()
        hint = widget.note_edit.placeholderText()
        assert hint.endswith("(I, B of Z)"), hint
        for button, letter in zip(widget.decision_buttons.values(), "IBZ", strict=True):
            assert f"/ {letter}:" in button.text()
    finally:
        set_language("en")


def test_dots_of_a_long_name_keep_the_dots_left_in_sight(
        qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    from PySide6.QtWidgets import QComboBox

    session = demo_session()
    long_name = "Fatima El Amrani-Bos van den Berg-Hoogendoorn"
    session.participants[0].name = long_name
    document = make_document(session)
    set_language("nl")
    try:
        window = MainWindow(document)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.go_to(Step.AMBITION)
        combo = window.pages[Step.AMBITION].findChild(QComboBox, "voterCombo")
        combo.setCurrentIndex(0)
        shown = combo.currentText()
        assert shown.startswith("Fatima El Amrani") and re.search(r"… \(nog \d+\)$", shown), shown
        assert combo.itemData(0, Qt.ItemDataRole.ToolTipRole) == long_name
        room = combo.width() - combo.iconSize().width() - 30  # the arrow and the frame
        assert combo.fontMetrics().horizontalAdvance(shown) <= room, (shown, combo.width())
    finally:
        set_language("en")
