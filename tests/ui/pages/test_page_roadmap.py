"""The roadmap page through its real widgets: typed actions, cell editors, filters,
sorting, milestones, a series of evaluation moments, and exact undo/redo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from samples import demo_session, large_session

from workshop.domain.fingerprint import owner_label
from workshop.domain.model import ActionStatus, Owner, Phase, Roadmap, Session
from workshop.i18n import set_language
from workshop.ui.document import SessionDocument
from workshop.ui.pages.roadmap.actions_model import Col
from workshop.ui.pages.roadmap.dates import DateEdit, parse_date
from workshop.ui.pages.roadmap.page import RoadmapPage

# The offscreen platform cannot raise a popup (the owner completer, the calendar) or let
# it grab the keyboard; it says so. A desktop can.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")

D = dt.date
Saved = Callable[[SessionDocument], Session]


def _open(qtbot: QtBot, document: SessionDocument) -> RoadmapPage:
    """The page as the main window holds it: refreshed after every change."""
    page = RoadmapPage(document)
    document.sig_changed.connect(page.refresh)
    page.refresh(frozenset())
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.focus_first()
    qtbot.waitUntil(page.new_title.hasFocus)
    return page


@pytest.fixture
def empty_roadmap(make_document: Callable[..., SessionDocument]) -> SessionDocument:
    session = demo_session()
    session.roadmap = Roadmap()
    return make_document(session)


@pytest.fixture
def page(qtbot: QtBot, empty_roadmap: SessionDocument) -> Iterator[RoadmapPage]:
    yield _open(qtbot, empty_roadmap)


def _titles(page: RoadmapPage) -> list[str]:
    return [page.proxy.index(r, Col.TITLE).data() for r in range(page.proxy.rowCount())]


def _row(page: RoadmapPage, title: str) -> int:
    return _titles(page).index(title)


def _type_action(qtbot: QtBot, page: RoadmapPage, title: str) -> None:
    qtbot.keyClicks(page.new_title, title)
    qtbot.keyClick(page.new_title, Qt.Key.Key_Return)
    assert page.new_title.text() == ""
    assert page.new_title.hasFocus()


def _activate(qtbot: QtBot, page: RoadmapPage) -> None:
    """The offscreen platform leaves no window active after a completer popup closes
    (a desktop gives activation back); give it back as the desktop would."""
    if QApplication.activeWindow() is not page:
        page.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is page)


def _open_editor(qtbot: QtBot, page: RoadmapPage, row: int, col: int) -> QWidget:
    _activate(qtbot, page)
    table = page.table
    table.setFocus()
    table.setCurrentIndex(page.proxy.index(row, col))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    return editor


def _edit_text(qtbot: QtBot, page: RoadmapPage, row: int, col: int, text: str,
               key: Qt.Key = Qt.Key.Key_Return) -> None:
    editor = _open_editor(qtbot, page, row, col)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, key)
    if key == Qt.Key.Key_Tab:  # committed, and the next cell's editor is open
        qtbot.waitUntil(lambda: QApplication.focusWidget() not in (editor, None))
    else:
        qtbot.waitUntil(lambda: page.table.state() != page.table.State.EditingState)


def _choose(qtbot: QtBot, page: RoadmapPage, row: int, col: int, typed: str,
            pick: str | None = None) -> None:
    """Type-ahead in a combo editor; in the owner's list of matches go down to ``pick``
    (default: the first match); Enter."""
    editor = _open_editor(qtbot, page, row, col)
    assert isinstance(editor, QComboBox)
    if editor.isEditable():
        editor.lineEdit().selectAll()
    if typed:
        qtbot.keyClicks(editor, typed)
    else:  # the first entry: "— no goal —"
        qtbot.keyClick(editor, Qt.Key.Key_Home)
    popup = editor.completer().popup() if editor.completer() else None
    if popup is not None and popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        while pick is not None and popup.currentIndex().data() != pick:
            assert popup.currentIndex().row() < popup.model().rowCount() - 1, pick
            qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)  # picks it, and the editor commits
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != page.table.State.EditingState)


def _dump(document: SessionDocument) -> dict[str, Any]:
    return document.session.model_dump()


def _check_undo_redo(document: SessionDocument, before: dict[str, Any]) -> None:
    """Undo restores exactly ``before``; redo exactly what the edit made."""
    after = _dump(document)
    assert after != before
    document.undo_stack.undo()
    assert _dump(document) == before
    document.undo_stack.redo()
    assert _dump(document) == after


# --- typing a roadmap ------------------------------------------------------------------


def test_five_actions_typed_with_everything(qtbot: QtBot, page: RoadmapPage,
                                            empty_roadmap: SessionDocument,
                                            saved: Saved) -> None:
    document = empty_roadmap
    titles = ["Regiobeeld ouderen", "Analyse SEH-bezoeken", "Businesscase wijkcoordinator",
              "Pilot valpreventie", "Afspraken in de jaarplannen"]
    for title in titles:
        _type_action(qtbot, page, title)
    assert _titles(page) == titles
    assert page.table.currentIndex().row() == 4  # the last one added is selected
    assert page.count_label.text() == "5 actions"

    # owners: a participant by a piece of her name, an organisation by a piece of its name
    _choose(qtbot, page, 0, Col.OWNER, "Mehmet")
    _choose(qtbot, page, 1, Col.OWNER, "ziekenh", pick="Waalzoom Ziekenhuis")
    _choose(qtbot, page, 2, Col.OWNER, "fatima")
    _choose(qtbot, page, 3, Col.OWNER, "GGD", pick="GGD Waalzoom-Betuwe")
    # dates: Dutch day-month order, with and without a year; Tab moves to the next cell
    _edit_text(qtbot, page, 0, Col.START, "1-4-2026", Qt.Key.Key_Tab)
    editor = QApplication.focusWidget()  # Tab opened the due date's editor
    assert isinstance(editor, DateEdit)
    qtbot.keyClicks(editor, "30-6-2026")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != page.table.State.EditingState)
    _edit_text(qtbot, page, 1, Col.START, "2026-04-01")
    _edit_text(qtbot, page, 1, Col.DUE, "15 juli 2026")
    _edit_text(qtbot, page, 3, Col.START, "1-9")  # no year: on or after the meeting
    _edit_text(qtbot, page, 3, Col.DUE, "31-12-2026")
    _choose(qtbot, page, 2, Col.PHASE, "Bus")
    _choose(qtbot, page, 3, Col.PHASE, "Pil")
    _choose(qtbot, page, 4, Col.PHASE, "Imp")
    _choose(qtbot, page, 0, Col.STATUS, "In")
    _choose(qtbot, page, 3, Col.STATUS, "On")
    _choose(qtbot, page, 0, Col.GOAL, "Pop")
    _choose(qtbot, page, 1, Col.GOAL, "Cos")
    _edit_text(qtbot, page, 0, Col.DESCRIPTION, "Cijfers van GGD, Wmo en declaraties")
    _edit_text(qtbot, page, 4, Col.TITLE, "Afspraken opnemen in de jaarplannen 2027")

    actions = saved(document).roadmap.actions
    assert [a.title for a in actions] == titles[:4] + [
        "Afspraken opnemen in de jaarplannen 2027"]
    assert [a.owner for a in actions] == [
        Owner(kind="participant", ref="p-mehmet"),
        Owner(kind="organisation", ref="Waalzoom Ziekenhuis"),
        Owner(kind="participant", ref="p-fatima"),
        Owner(kind="organisation", ref="GGD Waalzoom-Betuwe"),
        None]
    assert [(a.start, a.due) for a in actions] == [
        (D(2026, 4, 1), D(2026, 6, 30)), (D(2026, 4, 1), D(2026, 7, 15)), (None, None),
        (D(2026, 9, 1), D(2026, 12, 31)), (None, None)]
    assert [a.phase for a in actions] == [Phase.ANALYSIS, Phase.ANALYSIS,
                                          Phase.BUSINESS_CASE, Phase.PILOT,
                                          Phase.IMPLEMENTATION]
    assert [a.status for a in actions] == [ActionStatus.IN_PROGRESS] + [
        ActionStatus.PLANNED] * 2 + [ActionStatus.ON_HOLD, ActionStatus.PLANNED]
    assert [a.goal_id for a in actions] == ["g-gezondheid", "g-kosten", None, None, None]
    assert actions[0].description == "Cijfers van GGD, Wmo en declaraties"

    # the owner column shows owners as the agreement prints them
    shown = [page.proxy.index(r, Col.OWNER).data() for r in range(4)]
    assert shown == [owner_label(document.session, a.owner) for a in actions[:4]]


def test_a_due_date_before_the_start_is_refused(qtbot: QtBot, page: RoadmapPage,
                                                 empty_roadmap: SessionDocument,
                                                 saved: Saved) -> None:
    _type_action(qtbot, page, "Pilot gedeeld zorgplan")
    _edit_text(qtbot, page, 0, Col.START, "1-6-2026")
    depth = empty_roadmap.undo_stack.count()
    with qtbot.waitSignal(page.sig_message) as message:
        _edit_text(qtbot, page, 0, Col.DUE, "1-5-2026")
    assert "the due date 2026-05-01 lies before the start 2026-06-01" in message.args[0]
    assert page.message.text() == message.args[0]
    assert page.message.isVisible()
    assert empty_roadmap.undo_stack.count() == depth
    assert saved(empty_roadmap).roadmap.actions[0].due is None
    assert page.proxy.index(0, Col.DUE).data() == ""
    # an unreadable date is refused with its own message, and nothing changes
    with qtbot.waitSignal(page.sig_message) as message:
        _edit_text(qtbot, page, 0, Col.DUE, "morgen")
    assert "“morgen” is not a date" in message.args[0]
    # a later due date is fine, and clears the message
    _edit_text(qtbot, page, 0, Col.DUE, "1-7-2026")
    assert saved(empty_roadmap).roadmap.actions[0].due == D(2026, 7, 1)
    assert page.message.text() == ""
    # "no date": empty the cell
    _edit_text(qtbot, page, 0, Col.START, "")
    assert saved(empty_roadmap).roadmap.actions[0].start is None


def test_owner_that_is_nobody_is_refused(qtbot: QtBot, page: RoadmapPage,
                                         empty_roadmap: SessionDocument) -> None:
    _type_action(qtbot, page, "Verkenning contract")
    depth = empty_roadmap.undo_stack.count()
    with qtbot.waitSignal(page.sig_message) as message:
        _choose(qtbot, page, 0, Col.OWNER, "Xyzzy")
    assert "neither a participant nor an organisation" in message.args[0]
    assert empty_roadmap.undo_stack.count() == depth
    assert empty_roadmap.session.roadmap.actions[0].owner is None


# --- sorting and filtering ------------------------------------------------------------


def _click_header(qtbot: QtBot, page: RoadmapPage, col: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_sorting_and_filtering_the_demo(qtbot: QtBot, document: SessionDocument) -> None:
    page = _open(qtbot, document)
    session = document.session
    entry_order = [a.title for a in session.roadmap.actions]
    assert _titles(page) == entry_order  # the order they were typed in

    _click_header(qtbot, page, Col.DUE)
    dues = [a.due for a in sorted(session.roadmap.actions, key=lambda a: a.due or D.max)]
    shown = [parse_date(page.proxy.index(r, Col.DUE).data()) for r in range(10)]
    assert shown == dues
    _click_header(qtbot, page, Col.DUE)
    assert [parse_date(page.proxy.index(r, Col.DUE).data()) for r in range(10)] == dues[::-1]
    _click_header(qtbot, page, Col.PHASE)  # in the phases' own order, not alphabetical
    phases = [page.proxy.index(r, Col.PHASE).data() for r in range(10)]
    assert phases[0] == "Analysis" and phases[-1] == "Implementation"
    _click_header(qtbot, page, Col.OWNER)  # no owner sorts last
    assert page.proxy.index(9, Col.OWNER).data() == "— no owner —"
    _click_header(qtbot, page, Col.OWNER)
    _click_header(qtbot, page, Col.OWNER)  # third click: back to the order of entry
    assert _titles(page) == entry_order

    # text: title, description, owner and goal; case and accents do not matter
    qtbot.keyClicks(page.search, "SEH")
    assert _titles(page) == ["Analyse SEH-bezoeken van thuiswonende 75-plussers"]
    page.search.clear()
    qtbot.keyClicks(page.search, "cliente")  # matches "Cliëntenraad" (owner)
    assert _titles(page) == ["Ouderenpanel opzetten met de cliëntenraad"]
    assert page.count_label.text() == "1 of 10 actions"
    page.search.clear()

    # owner: an organisation shows its own actions and those of its people
    page.owner_filter.setFocus()
    qtbot.keyClicks(page.owner_filter, "Zorggroep")
    assert page.owner_filter.currentText() == "Zorggroep De Linde"
    assert _titles(page) == ["Businesscase één aanspreekpunt per wijk"]  # Fatima's
    page.owner_filter.setCurrentIndex(page.owner_filter.findData("o:GGZ Dijkland"))
    assert _titles(page) == ["Evaluatie van de pilots"]
    page.owner_filter.setCurrentIndex(page.owner_filter.findData(""))
    assert _titles(page) == ["Afspraken opnemen in de jaarplannen 2027"]
    page.owner_filter.setCurrentIndex(0)

    # phase and status, combined
    qtbot.keyClicks(page.phase_filter, "Pil")
    assert len(_titles(page)) == 3
    qtbot.keyClicks(page.status_filter, "On")
    assert _titles(page) == ["Snelle respijtzorg voor mantelzorgers"]
    assert page.count_label.text() == "1 of 10 actions"

    # a new action takes the filter's phase and status, so it shows
    page.new_title.setFocus()
    _type_action(qtbot, page, "Pilot mantelzorgcafe")
    assert "Pilot mantelzorgcafe" in _titles(page)
    added = document.session.roadmap.actions[-1]
    assert (added.phase, added.status) == (Phase.PILOT, ActionStatus.ON_HOLD)
    page.clear_filters()
    assert len(_titles(page)) == 11


def test_filters_follow_edits_and_participants(qtbot: QtBot,
                                               document: SessionDocument) -> None:
    page = _open(qtbot, document)
    page.owner_filter.setCurrentIndex(page.owner_filter.findData("p:p-anna"))
    assert _titles(page) == []
    # renaming a participant updates the owner column and the filter list at once
    document.edit("rename", ("participants",),
                  lambda s: setattr(s.participants[5], "name", "Mehmet Yılmaz-de Boer"))
    assert page.proxy.sourceModel().index(0, Col.OWNER).data() == (
        "Mehmet Yılmaz-de Boer (GGD Waalzoom-Betuwe)")
    assert page.owner_filter.findText("Mehmet Yılmaz-de Boer (GGD Waalzoom-Betuwe)") > 0
    assert page.owner_filter.currentData() == "p:p-anna"  # the choice is kept


# --- removing, milestones, evaluation moments -----------------------------------------


def test_remove_with_undo(qtbot: QtBot, document: SessionDocument, saved: Saved) -> None:
    page = _open(qtbot, document)
    before = _dump(document)
    page.table.setFocus()
    page.table.setCurrentIndex(page.proxy.index(1, Col.TITLE))
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert len(saved(document).roadmap.actions) == 8
    assert "Removed 2 actions" in page.message.text()
    assert page.table.currentIndex().row() == 1  # the next action is current
    _check_undo_redo(document, before)
    document.undo_stack.undo()
    assert _titles(page) == [a.title for a in demo_session().roadmap.actions]


def test_a_milestone_typed(qtbot: QtBot, page: RoadmapPage, empty_roadmap: SessionDocument,
                           saved: Saved) -> None:
    panel = page.milestones
    panel.title_edit.setFocus()
    qtbot.keyClicks(panel.title_edit, "Regiobeeld vastgesteld")
    qtbot.keyClick(panel.title_edit, Qt.Key.Key_Return)  # no date yet: asks for one
    assert panel.date_edit.hasFocus()
    assert empty_roadmap.session.roadmap.milestones == []
    qtbot.keyClicks(panel.date_edit, "1-7-2026")
    before = _dump(empty_roadmap)
    qtbot.keyClick(panel.date_edit, Qt.Key.Key_Return)
    assert panel.title_edit.hasFocus() and panel.title_edit.text() == ""
    [milestone] = saved(empty_roadmap).roadmap.milestones
    assert (milestone.title, milestone.date, milestone.note) == (
        "Regiobeeld vastgesteld", D(2026, 7, 1), "")
    assert panel.heading.text() == "Milestones (1)"
    _check_undo_redo(empty_roadmap, before)

    # edit in place: note, date (a milestone needs one), title
    view = panel.view
    for col, text in ((2, "Besluit in de bestuurlijke tafel"), (1, "2-7-2026")):
        view.setFocus()
        view.setCurrentIndex(panel.proxy.index(0, col))
        before = _dump(empty_roadmap)
        qtbot.keyClick(view, Qt.Key.Key_Return)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
        _check_undo_redo(empty_roadmap, before)
    view.setCurrentIndex(panel.proxy.index(0, 1))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert isinstance(editor, DateEdit)
    editor.clear()
    with qtbot.waitSignal(panel.sig_message) as message:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert message.args[0] == "A date is needed here."
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    [milestone] = saved(empty_roadmap).roadmap.milestones
    assert (milestone.date, milestone.note) == (D(2026, 7, 2), "Besluit in de bestuurlijke tafel")

    before = _dump(empty_roadmap)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert saved(empty_roadmap).roadmap.milestones == []
    _check_undo_redo(empty_roadmap, before)


def test_evaluation_moments_twice_a_year(qtbot: QtBot, page: RoadmapPage,
                                         empty_roadmap: SessionDocument,
                                         saved: Saved) -> None:
    qtbot.mouseClick(page.series_button, Qt.MouseButton.LeftButton)
    dialog = page.series_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.frequency.currentText() == "Every 6 months (twice a year)"
    # The suggested title is printed in the roadmap: Dutch like the session, not the app.
    assert dialog.title_edit.text() == "Procesevaluatie"
    dialog.first_edit.selectAll()
    qtbot.keyClicks(dialog.first_edit, "31-8-2026")
    dialog.title_edit.selectAll()
    qtbot.keyClicks(dialog.title_edit, "Procesevaluatie")
    dialog.count.selectAll()
    qtbot.keyClicks(dialog.count.lineEdit(), "4")
    preview = [dialog.preview.item(i).text() for i in range(dialog.preview.count())]
    assert preview == ["2026-08-31 — Procesevaluatie", "2027-02-28 — Procesevaluatie",
                       "2027-08-31 — Procesevaluatie", "2028-02-29 — Procesevaluatie"]
    assert dialog.add_button.text() == "Add 4 evaluation moments"

    # an end date instead of a count
    dialog.until_edit.selectAll()
    qtbot.keyClicks(dialog.until_edit, "1-9-2027")
    assert dialog.by_date.isChecked()
    assert dialog.preview.count() == 3
    dialog.until_edit.selectAll()
    qtbot.keyClicks(dialog.until_edit, "1-1-2926")  # a typo: far too many
    assert not dialog.add_button.isEnabled()
    assert "more than 100 moments" in dialog.summary.text()
    dialog.count.setFocus()
    qtbot.keyClick(dialog.count, Qt.Key.Key_Up)  # back to a count: 5
    assert dialog.by_count.isChecked() and dialog.preview.count() == 5
    qtbot.keyClick(dialog.count, Qt.Key.Key_Down)

    before = _dump(empty_roadmap)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.series_dialog is None)
    moments = saved(empty_roadmap).roadmap.evaluations
    assert [(m.title, m.date) for m in moments] == [
        ("Procesevaluatie", D(2026, 8, 31)), ("Procesevaluatie", D(2027, 2, 28)),
        ("Procesevaluatie", D(2027, 8, 31)), ("Procesevaluatie", D(2028, 2, 29))]
    assert len({m.id for m in moments}) == 4
    assert page.evaluations.heading.text() == "Evaluation moments (4)"
    # one undo step takes the whole series away, redo brings it back
    _check_undo_redo(empty_roadmap, before)

    # a second series marks dates that are planned already
    page.open_series_dialog()
    dialog = page.series_dialog
    assert dialog is not None
    dialog.first_edit.selectAll()
    qtbot.keyClicks(dialog.first_edit, "31-8-2026")
    assert "exists already" in dialog.preview.item(0).text()
    dialog.reject()


# --- undo and redo of every kind of edit ---------------------------------------------


def test_undo_redo_of_every_cell_edit(qtbot: QtBot, document: SessionDocument) -> None:
    page = _open(qtbot, document)
    edits: list[Callable[[], None]] = [
        lambda: _type_action(qtbot, page, "Nieuwe actie"),
        lambda: _edit_text(qtbot, page, 0, Col.TITLE, "Regiobeeld"),
        lambda: _edit_text(qtbot, page, 0, Col.DESCRIPTION, ""),
        lambda: _choose(qtbot, page, 0, Col.OWNER, "Ruud"),
        lambda: _choose(qtbot, page, 9, Col.OWNER, "gemeente", pick="Gemeente Waalzoom"),
        lambda: _edit_text(qtbot, page, 0, Col.START, "15-3-2026"),
        lambda: _edit_text(qtbot, page, 0, Col.DUE, ""),
        lambda: _choose(qtbot, page, 0, Col.PHASE, "Eva"),
        lambda: _choose(qtbot, page, 0, Col.STATUS, "Can"),
        lambda: _choose(qtbot, page, 0, Col.GOAL, ""),
        lambda: _choose(qtbot, page, 3, Col.GOAL, "Pro"),
    ]
    for edit in edits:
        page.new_title.setFocus()
        before = _dump(document)
        edit()
        _check_undo_redo(document, before)
    assert document.session.roadmap.actions[0].title == "Regiobeeld"
    assert document.session.roadmap.actions[3].goal_id == "g-werkplezier"


def test_keyboard_flow_between_entry_and_table(qtbot: QtBot, page: RoadmapPage) -> None:
    _type_action(qtbot, page, "Eerste")
    _type_action(qtbot, page, "Tweede")
    qtbot.keyClick(page.new_title, Qt.Key.Key_Tab)
    assert page.table.hasFocus()
    assert page.table.currentIndex().row() == 1  # at the action just added
    qtbot.keyClick(page.table, Qt.Key.Key_Right)
    qtbot.keyClicks(page.table, "A")  # typing starts editing the owner
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox) and editor.currentText() == "A"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert page.new_title.hasFocus()
    qtbot.keyClick(page.new_title, Qt.Key.Key_Down)
    assert page.table.hasFocus()


def test_hostile_text_is_shown_as_typed(qtbot: QtBot, page: RoadmapPage,
                                        empty_roadmap: SessionDocument,
                                        saved: Saved) -> None:
    hostile = ("<b>vet</b> & \u202eRTL 🙂 " + "x" * 300)[:280]  # a title holds 300
    page.new_title.setText(hostile)
    qtbot.keyClick(page.new_title, Qt.Key.Key_Return)
    assert saved(empty_roadmap).roadmap.actions[0].title == hostile.strip()
    shown = page.proxy.index(0, Col.TITLE).data()
    assert shown.startswith("<b>vet</b> & \u202eRTL 🙂 x") and len(shown) <= 200


def test_dutch(qtbot: QtBot, empty_roadmap: SessionDocument) -> None:
    set_language("nl")
    page = _open(qtbot, empty_roadmap)
    _type_action(qtbot, page, "Regiobeeld")
    _edit_text(qtbot, page, 0, Col.START, "1-4-2026")
    assert page.proxy.index(0, Col.START).data() == "01-04-2026"
    assert page.proxy.index(0, Col.STATUS).data() == "Gepland"
    assert page.count_label.text() == "1 actie"
    assert page.proxy.headerData(Col.OWNER, Qt.Orientation.Horizontal) == "Eigenaar"


# --- large session ---------------------------------------------------------------------


def test_large_session_adds_actions_without_rebuilding(
        qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    """An added action is inserted as one row; nothing rebuilds or re-checks all 250.

    What keeps the page fast on the large session, asserted as work, not as time (the
    time is in ``tests/bench/run.py --only pages``)."""
    document = make_document(large_session(), name="large")
    page = _open(qtbot, document)
    assert page.model.rowCount() == 250
    resets: list[str] = []
    inserted: list[tuple[int, int]] = []
    changed: list[tuple[int, int]] = []
    page.model.modelReset.connect(lambda: resets.append("model"))
    page.proxy.modelReset.connect(lambda: resets.append("proxy"))
    page.model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    page.model.dataChanged.connect(
        lambda top, bottom, *_r: changed.append((top.row(), bottom.row())))
    for i in range(30):
        page.new_title.setText(f"Actie {i}")
        qtbot.keyClick(page.new_title, Qt.Key.Key_Return)
    assert page.model.rowCount() == 280
    assert resets == []
    assert len(inserted) == 30 and all(first == last for first, last in inserted)
    assert sum(bottom - top + 1 for top, bottom in changed) <= 30  # never all rows
    _click_header(qtbot, page, Col.DUE)
    qtbot.keyClicks(page.search, "valpreventie")
    assert 0 < page.proxy.rowCount() < 280
    assert resets.count("model") == 0
