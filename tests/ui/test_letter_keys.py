"""B, W, F and S never act while an editor has the keyboard, and act in lists of items.

Issue 11.4: typing "Bram" in the participants table blacked out the projector; a name
starting with F froze it. The editors are found by walking each page's widget tree
(every tab), so an editor added later is covered without touching this test. Keys go
where a real key press goes: to the widget that has the focus at that moment.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from drive import press, press_each
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from workshop.domain.model import Step
from workshop.ui.document import SessionDocument
from workshop.ui.key_context import KeyContext, key_context
from workshop.ui.main_window import MainWindow
from workshop.ui.projector import Blank, ProjectorController

# A completer's list pops up while typing: the offscreen platform cannot raise it.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")

LETTERS = (Qt.Key.Key_B, Qt.Key.Key_W, Qt.Key.Key_F, Qt.Key.Key_S)
TEXT_EDITORS = (QLineEdit, QTextEdit, QPlainTextEdit)
FIELDS = (*TEXT_EDITORS, QAbstractSpinBox, QComboBox)


def open_window(qtbot: QtBot, document: SessionDocument) -> MainWindow:
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    projector = window.projector_controls.controller
    projector.set_shown(True)
    qtbot.waitExposed(projector.window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def untouched(projector: ProjectorController) -> bool:
    return (projector.blank is Blank.NONE and not projector.frozen
            and not projector.spotlight)



def pages_tabs(page: QWidget) -> Iterator[None]:
    """Shows each tab of each tab widget of ``page`` in turn (once with none changed)."""
    yield None
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            yield None


def _is_field(widget: QWidget) -> bool:
    if not isinstance(widget, FIELDS) or not widget.isVisible() or not widget.isEnabled():
        return False
    if isinstance(widget, QLineEdit) and isinstance(
            widget.parentWidget(), QComboBox | QAbstractSpinBox):
        return False  # the combo or spin box itself is the field
    if isinstance(widget, TEXT_EDITORS + (QAbstractSpinBox,)) and widget.isReadOnly():
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return False  # a cell editor: opened below through its table
        parent = parent.parentWidget()
    return True


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount(QModelIndex())
    except TypeError:  # a list model keeps its one column private
        return 1


def _editable_cells(view: QAbstractItemView) -> list[QModelIndex]:
    """One editable cell per column of ``view`` (each column may have its own editor)."""
    model = view.model()
    if (isinstance(view, QHeaderView) or model is None or not view.isVisible()
            or not view.isEnabled()):
        return []
    cells = []
    for column in range(_columns(model)):
        if view.isColumnHidden(column) if hasattr(view, "isColumnHidden") else False:
            continue
        for row in range(min(model.rowCount(QModelIndex()), 3)):
            index = model.index(row, column)
            if index.flags() & Qt.ItemFlag.ItemIsEditable:
                cells.append(index)
                break
    return cells


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    return ""


def _takes_text(widget: QWidget) -> bool:
    """Letters typed must show in the widget itself (not so in a number or a list)."""
    if isinstance(widget, QLineEdit):
        return widget.validator() is None and not widget.inputMask()
    if isinstance(widget, QComboBox):
        return widget.isEditable() and widget.validator() is None
    return isinstance(widget, QTextEdit | QPlainTextEdit)


@pytest.mark.parametrize("step", list(Step), ids=lambda s: s.value)
def test_letters_typed_into_any_editor_stay_text(qtbot: QtBot, document: SessionDocument,
                                                 step: Step) -> None:
    window = open_window(qtbot, document)
    projector = window.projector_controls.controller
    window.go_to(step)
    page = window.pages[step]
    seen: dict[int, QWidget] = {}  # holding the widgets keeps their ids unique
    checked: list[str] = []
    for _ in pages_tabs(page):
        for widget in page.findChildren(QWidget):
            if id(widget) in seen:
                continue
            if isinstance(widget, QAbstractItemView):
                cells = _editable_cells(widget)
                if cells:
                    seen[id(widget)] = widget
                for index in cells:
                    _check_cell(qtbot, widget, index, projector, checked)
            elif _is_field(widget):
                seen[id(widget)] = widget
                _check_field(qtbot, widget, projector, checked)
    # The walk must find what is there (the signing page had no field of its own).
    assert checked or step is Step.SIGNING, f"no editor found on the {step.value} page"
    print(f"{step.value}: {len(checked)} editors", *checked, sep="\n  ")


def _check_field(qtbot: QtBot, widget: QWidget, projector: ProjectorController,
                 checked: list[str]) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    focus = QApplication.focusWidget()
    if focus is not widget and not (focus is not None and widget.isAncestorOf(focus)):
        return  # the field gives its focus elsewhere (a proxy): checked where it goes
    before = _text(widget)
    press_each(qtbot, LETTERS)
    what = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()}"
    assert untouched(projector), f"a letter typed into {what} moved the projector"
    if _takes_text(widget):
        assert _text(widget) != before and "F" in _text(widget).upper(), what
    _put_back(widget, before)  # a filter typed into would hide the fields after it
    checked.append(what)


def _put_back(widget: QWidget, text: str) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        widget.setPlainText(text)
    elif isinstance(widget, QComboBox):
        if widget.isEditable():
            widget.setEditText(text)
        else:
            widget.setCurrentIndex(widget.findText(text))


def _check_cell(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex,
                projector: ProjectorController, checked: list[str]) -> None:
    view.setFocus()
    view.setCurrentIndex(index)
    typing_opens = key_context(view) is KeyContext.TYPING
    if typing_opens:
        press(qtbot, Qt.Key.Key_B)  # "Bram": the B opens the cell's editor
        rest = LETTERS[1:]
    else:
        view.edit(index)
        rest = LETTERS
    qtbot.waitUntil(lambda: view.state() == QAbstractItemView.State.EditingState)
    editor = QApplication.focusWidget()
    assert editor is not None and view.isAncestorOf(editor)
    press_each(qtbot, rest)
    what = f"a cell of column {index.column()} in {type(view).__name__} {view.objectName()}"
    assert untouched(projector), f"a letter typed into {what} moved the projector"
    if _takes_text(editor):
        assert "F" in _text(editor).upper(), what
    press(qtbot, Qt.Key.Key_Escape)  # no change kept
    checked.append(what)


# --- the letters act where a facilitator discusses items -------------------------------------


def _spotlight_from(qtbot: QtBot, window: MainWindow, view: QAbstractItemView) -> None:
    projector = window.projector_controls.controller
    view.setFocus()
    model = view.model()
    view.setCurrentIndex(model.index(0, 0))
    qtbot.waitUntil(lambda: projector.highlight_id() is not None)
    press(qtbot, Qt.Key.Key_S)
    assert projector.spotlight, type(view).__name__
    assert projector.scene.texts(), "the spotlight shows the item"
    press(qtbot, Qt.Key.Key_S)
    assert not projector.spotlight


@pytest.mark.parametrize("step", [Step.PRINCIPLES, Step.RULES])
def test_s_spotlights_the_selected_principle_or_rule(qtbot: QtBot, document: SessionDocument,
                                                     step: Step) -> None:
    window = open_window(qtbot, document)
    window.go_to(step)
    page = window.pages[step]
    _spotlight_from(qtbot, window, page.table)  # type: ignore[attr-defined]


def test_s_spotlights_a_card_on_the_board(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document)
    window.go_to(Step.AMBITION)
    page = window.pages[Step.AMBITION]
    page.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    lists = [v for v in page.findChildren(QAbstractItemView)
             if v.isVisible() and v.model() is not None and v.model().rowCount() > 0]
    assert lists
    _spotlight_from(qtbot, window, lists[0])


def test_in_a_consent_round_b_and_w_are_the_rounds(qtbot: QtBot,
                                                   document: SessionDocument) -> None:
    """B records a concern there (the README's promise), never a black screen."""
    window = open_window(qtbot, document)
    projector = window.projector_controls.controller
    window.go_to(Step.PRINCIPLES)
    page = window.pages[Step.PRINCIPLES]
    page.table.setFocus()  # type: ignore[attr-defined]
    page.table.setCurrentIndex(page.table.model().index(0, 0))  # type: ignore[attr-defined]
    qtbot.keyClick(page.table, Qt.Key.Key_Right)  # type: ignore[attr-defined]  # the round
    consent = page.round  # type: ignore[attr-defined]
    qtbot.waitUntil(consent.table.hasFocus)
    subject = consent.subject_id
    who = consent.current_participant_id()
    press(qtbot, Qt.Key.Key_B)
    assert untouched(projector)
    record = next(r for r in document.session.consents
                  if r.subject_id == subject and r.participant_id == who)
    assert record.decision.value == "concern"
