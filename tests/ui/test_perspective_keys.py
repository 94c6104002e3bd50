"""A perspective is stored as a key and shown in words: on the page, the projector, the PDF.

The bug this guards: "Hospital" picked while the app spoke English stayed English in the
Dutch projector and the Dutch agreement.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from workshop.domain.model import Session, Step
from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.i18n import current_language
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import MainWindow
from workshop.ui.pages.preparation.page import PreparationPage
from workshop.ui.pages.preparation.participants import PERSPECTIVE

Saved = Callable[[SessionDocument], Session]

# The offscreen platform cannot raise the list's popup or let it grab the keyboard; it
# says so. A desktop can.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")


def _window(qtbot: QtBot, document: SessionDocument) -> MainWindow:
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.go_to(Step.PREPARATION)
    projector = window.projector_controls.controller
    projector.set_shown(True)
    qtbot.waitExposed(projector.window)
    qtbot.waitUntil(lambda: projector.canvas_name == "preparation", timeout=2000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _page(window: MainWindow) -> PreparationPage:
    page = window.pages[Step.PREPARATION]
    assert isinstance(page, PreparationPage)
    return page


def _open_combo(qtbot: QtBot, page: PreparationPage, row: int) -> QComboBox:
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(row, PERSPECTIVE))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QComboBox))
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    return combo


def _pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Open the list and click ``text`` in it, as a facilitator does with the mouse."""
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    row = next(r for r in range(combo.count()) if combo.itemText(r) == text)
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText() == text
    qtbot.keyClick(combo, Qt.Key.Key_Return)


def _cell(page: PreparationPage, row: int) -> str:
    return str(page.model.data(page.model.index(row, PERSPECTIVE),
                               Qt.ItemDataRole.DisplayRole))


def _room_texts(window: MainWindow) -> list[str]:
    return window.projector_controls.controller.scene.texts()


def _switch_language(window: MainWindow, code: str) -> None:
    """Through the Language menu, as the facilitator does."""
    menu = next(a.menu() for a in window.menuBar().actions()
                if a.menu() is not None and a.text().replace("&", "") in ("Language", "Taal"))
    action = next(a for a in menu.actions() if a.data() == code)
    action.trigger()


def test_a_perspective_picked_in_english_shows_in_dutch_everywhere(
        qtbot: QtBot, document: SessionDocument, saved: Saved) -> None:
    assert current_language() == "en" and document.session.details.language == "nl"
    window = _window(qtbot, document)
    page = _page(window)
    row = 1  # Joost Bakker, GP care in the demo
    combo = _open_combo(qtbot, page, row)
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels[:3] == ["GP care", "Hospital", "Elderly care (VVT)"]  # words, not keys
    assert labels[-1] == "Other"
    assert "Onderwijs" not in _room_texts(window)
    _pick(qtbot, combo, "Education")
    qtbot.waitUntil(lambda: page.table.state() != page.table.State.EditingState)

    on_disk = saved(document)
    assert on_disk.participants[row].perspective == "education"  # the key is stored
    assert _cell(page, row) == "Education"  # the English screen shows English

    # The projector speaks the session's language (Dutch): the group heading is Dutch.
    qtbot.waitUntil(lambda: "Onderwijs" in _room_texts(window), timeout=2000)
    assert "Education" not in _room_texts(window)

    # The agreement is Dutch, and so is the perspective printed in it.
    text = "\n".join(page.extract_text() for page in PdfReader(
        io.BytesIO(export_agreement(on_disk))).pages)
    assert "Onderwijs" in text and "Education" not in text
    english = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(
        export_agreement(on_disk, AgreementOptions(language="en")))).pages)
    assert "Education" in english  # the same key, printed in English on request

    # The facilitator switches the app to Dutch: the table says it in Dutch too.
    _switch_language(window, "nl")
    page = _page(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and page.table.isVisible())
    assert _cell(page, row) == "Onderwijs"
    combo = _open_combo(qtbot, page, row)
    assert combo.currentText() == "Onderwijs"
    assert "Huisartsenzorg" in [combo.itemText(i) for i in range(combo.count())]
    qtbot.keyClick(combo, Qt.Key.Key_Escape)


def test_own_text_is_kept_and_typed_labels_become_keys(
        qtbot: QtBot, document: SessionDocument, saved: Saved) -> None:
    window = _window(qtbot, document)
    page = _page(window)
    for row, typed, stored in ((0, "Huisartsenzorg en ANW", "Huisartsenzorg en ANW"),
                               (2, "ziekenhuis", "hospital"),  # Dutch word, English screen
                               (4, "GGZ", "mental_health")):
        combo = _open_combo(qtbot, page, row)
        line = combo.lineEdit()
        assert line is not None
        qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(line, typed)
        qtbot.keyClick(line, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.table.state() != page.table.State.EditingState)
        assert saved(document).participants[row].perspective == stored
    assert _cell(page, 0) == "Huisartsenzorg en ANW"
    assert _cell(page, 2) == "Hospital"
    assert _cell(page, 4) == "Mental health care (GGZ)"
    # The facilitator's own perspective is offered in the list for the next person.
    combo = _open_combo(qtbot, page, 5)
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels[-2:] == ["Huisartsenzorg en ANW", "Other"]
    assert labels.count("Hospital") == 1
    qtbot.keyClick(combo, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.table.state() != page.table.State.EditingState)
    assert page.table.currentIndex() != QModelIndex()
    # On the projector, the own text is a group of its own, as typed.
    qtbot.waitUntil(lambda: "Huisartsenzorg en ANW" in _room_texts(window), timeout=2000)
