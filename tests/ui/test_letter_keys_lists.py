"""S spotlights from every list of items, where the facilitator is; typing still types.

Issue 11.4: the roadmap's actions table opened a cell editor for any letter, so S typed an
"S" and never spotlighted. A cell that is current takes typing; the whole row (Escape out
of a cell, Shift+Space, a click on the row's number) takes the room's keys. Every key
here goes to the widget that has the focus, every item is reached with the mouse or the
keys, and the check is what the projector shows.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.drive import SHIFT, focused, press, type_text
from tests.ui.test_letter_keys import open_window, untouched
from workshop.domain.model import Step
from workshop.ui.canvas.scene import canvas_for_step
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import MainWindow
from workshop.ui.pages.roadmap.actions_model import Col
from workshop.ui.pages.roadmap.page import RoadmapPage
from workshop.ui.projector import ProjectorController

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")


def _go(qtbot: QtBot, window: MainWindow, step: Step) -> None:
    """The step, on the facilitator's window and on the projector."""
    projector = window.projector_controls.controller
    window.go_to(step)
    qtbot.waitUntil(lambda: projector.canvas_name == canvas_for_step(step))


def _roadmap(qtbot: QtBot, document: SessionDocument) -> tuple[MainWindow, RoadmapPage]:
    window = open_window(qtbot, document)
    _go(qtbot, window, Step.ROADMAP)
    page = window.pages[Step.ROADMAP]
    assert isinstance(page, RoadmapPage)
    return window, page


def _click_cell(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    assert view.currentIndex() == index


def _spotlit_text(projector: ProjectorController) -> str:
    """What the room reads under the spotlight: the one item (and its facts), alone."""
    texts = projector.scene.texts()
    assert projector.spotlight and len(texts) <= 6, texts
    return "\n".join(texts)


def _title(document: SessionDocument, page: RoadmapPage, row: int) -> str:
    return document.session.roadmap.actions[page.proxy.mapToSource(
        page.proxy.index(row, 0)).row()].title


def test_typing_sarah_or_bram_into_a_cell_stays_in_the_cell(
        qtbot: QtBot, document: SessionDocument) -> None:
    window, page = _roadmap(qtbot, document)
    projector = window.projector_controls.controller
    for row, name in ((0, "Sarah"), (1, "Bram")):
        _click_cell(qtbot, page.table, page.proxy.index(row, Col.TITLE))
        assert not page.table.whole_row
        type_text(qtbot, name)  # the S (or B) opens the cell's editor and is its first letter
        editor = focused()
        assert isinstance(editor, QLineEdit) and page.table.isAncestorOf(editor)
        assert editor.text().endswith(name)
        assert untouched(projector)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)
        assert _title(document, page, row).endswith(name)
        assert untouched(projector)


def test_escape_out_of_a_cell_leaves_the_row_and_s_spotlights_it(
        qtbot: QtBot, document: SessionDocument) -> None:
    window, page = _roadmap(qtbot, document)
    projector = window.projector_controls.controller
    _click_cell(qtbot, page.table, page.proxy.index(2, Col.OWNER))
    assert "Typing edits the cell" in page.keys_hint.text()
    title = _title(document, page, 2)
    press(qtbot, Qt.Key.Key_Return)  # the owner's editor
    assert focused() is not page.table
    press(qtbot, Qt.Key.Key_Escape)  # out of the editor: the whole action is selected
    qtbot.waitUntil(lambda: page.table.hasFocus())
    assert page.table.whole_row and "Whole action selected" in page.keys_hint.text()
    press(qtbot, Qt.Key.Key_S)
    assert projector.spotlight and title.split()[0] in _spotlit_text(projector)
    assert page.table.state() != QAbstractItemView.State.EditingState
    press(qtbot, Qt.Key.Key_S)
    assert not projector.spotlight
    press(qtbot, Qt.Key.Key_B)  # the room's keys, all of them
    assert projector.blank.name == "BLACK"
    press(qtbot, Qt.Key.Key_B)
    assert untouched(projector)
    # Down goes on along the whole rows; the spotlight follows the action there.
    press(qtbot, Qt.Key.Key_Down)
    assert page.table.whole_row
    press(qtbot, Qt.Key.Key_S)
    assert _title(document, page, 3).split()[0] in _spotlit_text(projector)
    press(qtbot, Qt.Key.Key_S)
    # Other letters edit nothing on a whole row: nothing typed, nothing moved.
    before = [a.title for a in document.session.roadmap.actions]
    type_text(qtbot, "arah")
    assert page.table.state() != QAbstractItemView.State.EditingState
    assert [a.title for a in document.session.roadmap.actions] == before
    assert page.table.currentIndex().row() == 3
    # An arrow along the row goes back to the cells: typing edits again.
    press(qtbot, Qt.Key.Key_Right)
    assert not page.table.whole_row
    type_text(qtbot, "S")
    assert page.table.state() == QAbstractItemView.State.EditingState
    assert untouched(projector)
    press(qtbot, Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_Escape)  # and from the whole row to the new-action field
    assert page.new_title.hasFocus()


def test_shift_space_or_the_rows_number_selects_the_whole_action(
        qtbot: QtBot, document: SessionDocument) -> None:
    window, page = _roadmap(qtbot, document)
    projector = window.projector_controls.controller
    _click_cell(qtbot, page.table, page.proxy.index(1, Col.PHASE))
    press(qtbot, Qt.Key.Key_Space, SHIFT)
    assert page.table.whole_row
    press(qtbot, Qt.Key.Key_S)
    assert projector.spotlight
    assert _title(document, page, 1).split()[0] in _spotlit_text(projector)
    press(qtbot, Qt.Key.Key_S)
    # A click on a cell makes the cell current again; then a click on a row's number.
    _click_cell(qtbot, page.table, page.proxy.index(4, Col.TITLE))
    assert not page.table.whole_row
    numbers = page.table.verticalHeader()
    assert numbers.isVisible()
    assert "S spotlights" in numbers.toolTip()
    qtbot.mouseClick(numbers.viewport(), Qt.MouseButton.LeftButton,
                     pos=_section_centre(numbers, 0))
    assert page.table.whole_row and page.table.currentIndex().row() == 0
    press(qtbot, Qt.Key.Key_S)
    assert projector.spotlight
    assert _title(document, page, 0).split()[0] in _spotlit_text(projector)
    # Enter edits the current cell of the row: typing "Bram" lands there.
    press(qtbot, Qt.Key.Key_Return)
    editor = focused()
    assert isinstance(editor, QLineEdit) and not page.table.whole_row
    editor.selectAll()
    type_text(qtbot, "Bram")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)
    assert "Bram" in [a.title for a in document.session.roadmap.actions]
    assert projector.spotlight and projector.blank.name == "NONE"  # as it was left


def _section_centre(header: QWidget, section: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QHeaderView

    assert isinstance(header, QHeaderView)
    y = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(header.width() // 2, y)


# --- every list of items, reached as a facilitator reaches it -----------------------------


def _first_item(model: QAbstractItemModel) -> QModelIndex:
    return model.index(0, 0)


@pytest.mark.parametrize("step", [Step.PRINCIPLES, Step.RULES])
def test_a_clicked_principle_or_rule_is_spotlit_with_s(qtbot: QtBot, document: SessionDocument,
                                                        step: Step) -> None:
    window = open_window(qtbot, document)
    projector = window.projector_controls.controller
    _go(qtbot, window, step)
    page = window.pages[step]
    table = page.table  # type: ignore[attr-defined]
    _click_cell(qtbot, table, _first_item(table.model()))
    press(qtbot, Qt.Key.Key_S)
    assert projector.spotlight and _spotlit_text(projector)
    text = document.session.principles if step is Step.PRINCIPLES else document.session.rules
    assert text[0].text.split()[0] in _spotlit_text(projector)


def test_a_clicked_card_on_the_board_is_spotlit_with_s(qtbot: QtBot,
                                                       document: SessionDocument) -> None:
    window = open_window(qtbot, document)
    projector = window.projector_controls.controller
    _go(qtbot, window, Step.AMBITION)
    page = window.pages[Step.AMBITION]
    page.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    lists = [v for v in page.findChildren(QAbstractItemView)
             if v.isVisible() and v.model() is not None and v.model().rowCount() > 0
             and "Card" in type(v).__name__]
    assert lists
    _click_cell(qtbot, lists[0], _first_item(lists[0].model()))
    assert QApplication.focusWidget() is lists[0]
    press(qtbot, Qt.Key.Key_S)
    assert projector.spotlight and _spotlit_text(projector)
