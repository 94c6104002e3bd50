"""Organising and deciding, driven through the real widgets: every choice and every note
reaches the file; the tab order runs top to bottom; each kind of edit undoes exactly."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from drive import show_page, tab
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from workshop.domain.model import (
    ChairKind,
    DecisionRule,
    EvaluationKind,
    Financing,
    Organising,
    Representation,
    Session,
)
from workshop.i18n import set_language
from workshop.ui.document import SessionDocument
from workshop.ui.pages.organising.page import OrganisingPage

Saved = Callable[[SessionDocument], Session]


@pytest.fixture
def empty(make_document: Callable[..., SessionDocument]) -> SessionDocument:
    return make_document(Session())


def open_page(qtbot: QtBot, document: SessionDocument) -> OrganisingPage:
    page = show_page(qtbot, OrganisingPage(document))
    page.focus_first()
    qtbot.waitUntil(lambda: page.decision_rule.hasFocus())
    return page


def test_every_choice_and_note_typed_reaches_the_file(qtbot: QtBot, empty: SessionDocument,
                                                     saved: Saved) -> None:
    page = open_page(qtbot, empty)
    # Decision rule: Down from "not chosen" is the first rule, consent.
    qtbot.keyClick(page.decision_rule, Qt.Key.Key_Down)
    assert page.findChild(QLabel, "explain-decision_rule").text().startswith(
        "A proposal passes when nobody has an overriding objection")
    qtbot.keyClicks(tab(qtbot), "Two rounds; then one vote per sector.")
    chair = tab(qtbot)
    assert chair is page.chair
    qtbot.keyClick(chair, Qt.Key.Key_Down)
    qtbot.keyClick(chair, Qt.Key.Key_Down)  # rotating
    qtbot.keyClicks(tab(qtbot), "Each partner chairs for half a year.")
    assert tab(qtbot) is page.cadence
    qtbot.keyClicks(page.cadence, "Six times a year")
    assert tab(qtbot) is page.annual_calendar
    qtbot.keyClicks(page.annual_calendar, "March: year plan")
    qtbot.keyClick(page.annual_calendar, Qt.Key.Key_Return)
    qtbot.keyClicks(page.annual_calendar, "September: budgets")
    assert tab(qtbot) is page.representation
    qtbot.keyClick(page.representation, Qt.Key.Key_End)  # "Other"
    qtbot.keyClicks(tab(qtbot), "The board plus the client council.")
    for kind in (Financing.IN_KIND, Financing.OWN_MEANS):
        box = page.financing[kind]
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    page.financing[Financing.IN_KIND].setFocus()
    assert tab(qtbot) is page.financing_note
    qtbot.keyClicks(page.financing_note, "Staff time from every partner.")
    assert tab(qtbot) is page.evaluation
    for _ in range(3):
        qtbot.keyClick(page.evaluation, Qt.Key.Key_Down)  # KPIs, process, both
    qtbot.keyClicks(tab(qtbot), "Twice a year with the five conditions.")

    assert saved(empty).organising == Organising(
        decision_rule=DecisionRule.CONSENT,
        decision_rule_note="Two rounds; then one vote per sector.",
        chair=ChairKind.ROTATING,
        chair_note="Each partner chairs for half a year.",
        cadence="Six times a year",
        annual_calendar="March: year plan\nSeptember: budgets",
        representation=Representation.OTHER,
        representation_note="The board plus the client council.",
        financing=[Financing.IN_KIND, Financing.OWN_MEANS],
        financing_note="Staff time from every partner.",
        evaluation=EvaluationKind.BOTH,
        evaluation_note="Twice a year with the five conditions.",
    )


def test_tab_order_runs_top_to_bottom(qtbot: QtBot, empty: SessionDocument) -> None:
    page = open_page(qtbot, empty)
    expected = [page.decision_rule_note, page.chair, page.chair_note, page.cadence,
                page.annual_calendar, page.representation, page.representation_note,
                *page.financing.values(), page.financing_note, page.evaluation,
                page.evaluation_note]
    seen = [tab(qtbot) for _ in expected]
    assert seen == expected
    tops = [w.mapTo(page.scroll_area.widget(), w.rect().topLeft()).y() for w in seen]
    assert tops == sorted(tops)
    # The focused field is scrolled into view, even at the bottom of a small window.
    page.decision_rule.setFocus()
    page.resize(900, 400)
    qtbot.waitUntil(lambda: page.scroll_area.verticalScrollBar().maximum() > 0)
    assert page.scroll_area.verticalScrollBar().value() == 0
    page.evaluation_note.setFocus()
    qtbot.waitUntil(lambda: page.scroll_area.verticalScrollBar().value() > 0)
    corner = page.evaluation_note.mapTo(page.scroll_area.viewport(), page.evaluation_note.rect()
                                        .bottomLeft())
    assert 0 <= corner.y() <= page.scroll_area.viewport().height()


def test_the_demo_is_shown_and_unchecking_keeps_the_order(qtbot: QtBot,
                                                         document: SessionDocument,
                                                         saved: Saved) -> None:
    page = open_page(qtbot, document)
    organising = document.session.organising
    assert page.decision_rule.currentData() == organising.decision_rule.value
    assert page.chair_note.toPlainText() == organising.chair_note
    assert page.cadence.text() == organising.cadence
    assert [k for k, box in page.financing.items() if box.isChecked()] == sorted(
        organising.financing, key=list(Financing).index)
    page.financing[Financing.IN_KIND].click()
    page.financing[Financing.ENTRY_FEE].click()
    assert saved(document).organising.financing == [
        Financing.OWN_MEANS, Financing.REGIONAL_FUNDS, Financing.ENTRY_FEE]


@pytest.fixture
def undoable(qtbot: QtBot, document: SessionDocument) -> Iterator[OrganisingPage]:
    yield open_page(qtbot, document)


def _check_undo_redo(document: SessionDocument, page: OrganisingPage,
                     act: Callable[[], None]) -> None:
    before = document.session.model_dump()
    steps = document.undo_stack.count()
    act()
    after = document.session.model_dump()
    assert after != before
    assert document.undo_stack.count() == steps + 1  # one undo step, however many keys
    document.undo_stack.undo()
    assert document.session.model_dump() == before
    document.undo_stack.redo()
    assert document.session.model_dump() == after
    document.undo_stack.undo()
    assert document.session.model_dump() == before


@pytest.mark.parametrize("edit", ["choice", "note", "cadence", "calendar", "financing"])
def test_each_kind_of_edit_undoes_and_redoes_exactly(qtbot: QtBot, document: SessionDocument,
                                                    undoable: OrganisingPage,
                                                    edit: str) -> None:
    page = undoable

    def act() -> None:
        if edit == "choice":
            page.chair.setFocus()
            qtbot.keyClick(page.chair, Qt.Key.Key_Down)
        elif edit == "note":
            page.evaluation_note.setFocus()
            qtbot.keyClick(page.evaluation_note, Qt.Key.Key_End,
                           Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(page.evaluation_note, " And a yearly survey.")
        elif edit == "cadence":
            page.cadence.setFocus()
            page.cadence.selectAll()
            qtbot.keyClicks(page.cadence, "Monthly")
        elif edit == "calendar":
            page.annual_calendar.setFocus()
            qtbot.keyClick(page.annual_calendar, Qt.Key.Key_A,
                           Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClick(page.annual_calendar, Qt.Key.Key_Delete)
        else:
            page.financing[Financing.ENTRY_FEE].setFocus()
            qtbot.keyClick(page.financing[Financing.ENTRY_FEE], Qt.Key.Key_Space)

    _check_undo_redo(document, page, act)
    # The widgets follow the undo.
    organising = document.session.organising
    assert page.chair.currentData() == organising.chair.value
    assert page.evaluation_note.toPlainText() == organising.evaluation_note
    assert page.cadence.text() == organising.cadence
    assert page.annual_calendar.toPlainText() == organising.annual_calendar
    assert not page.financing[Financing.ENTRY_FEE].isChecked()


def test_choosing_nothing_again_is_saved(qtbot: QtBot, document: SessionDocument,
                                         saved: Saved) -> None:
    page = open_page(qtbot, document)
    qtbot.keyClick(page.decision_rule, Qt.Key.Key_Home)
    assert saved(document).organising.decision_rule is None
    assert page.findChild(QLabel, "explain-decision_rule").text() == ""


def test_in_dutch_every_label_is_dutch(qtbot: QtBot, empty: SessionDocument) -> None:
    set_language("nl")
    page = open_page(qtbot, empty)
    texts = {label.text() for label in page.findChildren(QLabel) if label.text()}
    assert "Besluitvorming" in texts
    assert not {"Decision rule", "Chair", "Financing", "Evaluation"} & texts
    page.decision_rule.setCurrentIndex(1)
    explanation = page.findChild(QLabel, "explain-decision_rule").text()
    assert "bezwaar" in explanation
    assert page.financing[Financing.IN_KIND].text() == "In natura"
