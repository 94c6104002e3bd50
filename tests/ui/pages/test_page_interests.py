"""Interests per type, driven through the real widgets as a facilitator would: arrows
and typing in the matrix, Enter and Tab in the entry line, keys on the cell's list and
on the links; then the saved file is checked, and every kind of edit undone and redone."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from drive import commit, focused, go_to_item, paste, press, show_page, type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from samples import large_session

from workshop.domain.model import (
    InterestItem,
    InterestKind,
    Interests,
    LinkKind,
    Participant,
    Session,
)
from workshop.i18n import set_language
from workshop.ui.document import SessionDocument
from workshop.ui.pages.interests.links import LinkDialog
from workshop.ui.pages.interests.matrix import ITEMS_ROLE
from workshop.ui.pages.interests.page import InterestsPage

Saved = Callable[[SessionDocument], Session]
IND, ORG, COL = InterestKind.INDIVIDUAL, InterestKind.ORGANISATIONAL, InterestKind.COLLECTIVE


def three_people() -> Session:
    return Session(participants=[
        Participant(id="p-anna", name="Anna de Vries", organisation="Hospital"),
        Participant(id="p-bert", name="Bert Bakker", organisation="GP cooperative"),
        Participant(id="p-carla", name="Carla Smit", organisation="Municipality"),
    ])


def with_interests() -> Session:
    session = three_people()
    session.interests = Interests(items=[
        InterestItem(id="b-a1", participant_id="p-anna", kind=IND, text="Be seen as a bridge"),
        InterestItem(id="b-a2", participant_id="p-anna", kind=ORG, text="Fewer wrong beds"),
        InterestItem(id="b-a3", participant_id="p-anna", kind=COL, text="Care close to home"),
        InterestItem(id="b-b2", participant_id="p-bert", kind=ORG, text="Manageable workload"),
        InterestItem(id="b-c3", participant_id="p-carla", kind=COL, text="Elderly stay at home"),
    ])
    return session


def open_page(qtbot: QtBot, document: SessionDocument) -> InterestsPage:
    page = show_page(qtbot, InterestsPage(document))
    page.focus_first()
    qtbot.waitUntil(lambda: page.matrix.hasFocus())
    return page






def cell(page: InterestsPage) -> tuple[str, InterestKind]:
    index = page.matrix.currentIndex()
    row = page.matrix_model.participant(index.row())
    assert row is not None
    return row.id, page.matrix_model.kind_of(index.column())


def texts(session: Session, pid: str, kind: InterestKind) -> list[str]:
    return [i.text for i in session.interests.items
            if i.participant_id == pid and i.kind is kind]


def item_id(session: Session, text: str) -> str:
    return next(i.id for i in session.interests.items if i.text == text)


def link_dialog(qtbot: QtBot, page: InterestsPage) -> LinkDialog:
    press(qtbot, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: page.link_dialog is not None and page.link_dialog.isVisible())
    dialog = page.link_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.search.hasFocus())
    return dialog




# --- entry -------------------------------------------------------------------------


def test_fast_entry_round_the_table(qtbot: QtBot, make_document: Callable[..., SessionDocument],
                                    saved: Saved) -> None:
    document = make_document(three_people())
    page = open_page(qtbot, document)
    assert cell(page) == ("p-anna", IND)  # the first participant without interests
    # Typing in the matrix starts an interest in the current cell.
    type_text(qtbot, "Be seen as a bridge")
    assert page.entry.hasFocus()
    assert page.target_label.text() == "New interest for Anna de Vries — Individual interest"
    press(qtbot, Qt.Key.Key_Return)
    assert page.entry.hasFocus() and page.entry.text() == ""
    type_text(qtbot, "Keep my evenings free")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Tab)  # next type
    assert cell(page) == ("p-anna", ORG)
    type_text(qtbot, "Fewer wrong beds")
    press(qtbot, Qt.Key.Key_Tab)  # Tab adds what was typed, then moves on
    assert cell(page) == ("p-anna", COL)
    type_text(qtbot, "Care close to home")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Tab)  # after the collective type: the next participant
    assert cell(page) == ("p-bert", IND)
    type_text(qtbot, "Keep the GPs on board")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Down)  # the same type, next participant
    assert cell(page) == ("p-carla", IND)
    type_text(qtbot, "Visible result before the elections")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Nobody lonely")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Backtab)
    assert cell(page) == ("p-bert", ORG)
    type_text(qtbot, "Manageable workload")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Escape)  # back to the matrix
    assert page.matrix.hasFocus()
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Return)  # Enter in the matrix: into the entry line
    type_text(qtbot, "Good primary care in every village")
    press(qtbot, Qt.Key.Key_Return)

    result = saved(document)
    assert texts(result, "p-anna", IND) == ["Be seen as a bridge", "Keep my evenings free"]
    assert texts(result, "p-anna", ORG) == ["Fewer wrong beds"]
    assert texts(result, "p-anna", COL) == ["Care close to home"]
    assert texts(result, "p-bert", IND) == ["Keep the GPs on board"]
    assert texts(result, "p-bert", ORG) == ["Manageable workload"]
    assert texts(result, "p-bert", COL) == ["Good primary care in every village"]
    assert texts(result, "p-carla", IND) == ["Visible result before the elections"]
    assert texts(result, "p-carla", COL) == ["Nobody lonely"]
    assert not any(i.private for i in result.interests.items)
    # The matrix shows them, in order, in their cells.
    model = page.matrix_model
    shown = model.index(model.row_of("p-anna"), 1).data(ITEMS_ROLE)
    assert [i.text for i in shown] == ["Be seen as a bridge", "Keep my evenings free"]
    assert page.counts_label.text() == "Interests: 9 · not for print: 0 · links: 0"


def test_ctrl_z_right_after_enter_undoes_the_interest(
        qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    document = make_document(three_people())
    page = open_page(qtbot, document)
    undo = document.undo_stack.createUndoAction(page)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    page.addAction(undo)  # the main window's Edit menu does the same
    type_text(qtbot, "Reputation")
    press(qtbot, Qt.Key.Key_Return)
    assert texts(document.session, "p-anna", IND) == ["Reputation"]
    type_text(qtbot, "Half")
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the line's own undo
    assert texts(document.session, "p-anna", IND) == ["Reputation"]
    page.entry.clear()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing typed: session
    assert texts(document.session, "p-anna", IND) == []
    assert page.entry.hasFocus()


def test_blank_entry_adds_nothing(qtbot: QtBot,
                                  make_document: Callable[..., SessionDocument]) -> None:
    document = make_document(three_people())
    page = open_page(qtbot, document)
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "   ")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Tab)
    assert document.session.interests.items == []
    assert document.undo_stack.count() == 0
    assert cell(page) == ("p-anna", ORG)


# --- the cell's interests: edit, remove, not for print -------------------------------


def test_edit_remove_and_not_for_print(qtbot: QtBot,
                                       make_document: Callable[..., SessionDocument],
                                       saved: Saved) -> None:
    document = make_document(with_interests())
    messages: list[str] = []
    page = open_page(qtbot, document)
    page.sig_message.connect(messages.append)
    highlighted: list[str] = []
    page.sig_highlight.connect(highlighted.append)
    go_to_item(qtbot, page, "p-anna", IND, "Be seen as a bridge")
    assert highlighted[-1] == "b-a1"  # the projector may show it
    press(qtbot, Qt.Key.Key_P)
    assert highlighted[-1] == ""  # not for print: taken off the projector
    entry = page.items_list.currentItem()
    assert entry.font().italic() and not entry.icon().isNull()
    assert page.private_button.isChecked()
    assert messages[-1] == "Not for print: never on the projector or in a PDF."
    shown = page.matrix_model.index(page.matrix_model.row_of("p-anna"), 1)
    assert shown.data(Qt.ItemDataRole.AccessibleTextRole) == "Not for print: Be seen as a bridge"
    assert "not for print: 1" in page.counts_label.text()

    # F2 edits in place; Enter keeps it.
    go_to_item(qtbot, page, "p-bert", ORG, "Manageable workload")
    press(qtbot, Qt.Key.Key_F2)
    editor = focused()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, "A workload the practices can carry")
    commit(qtbot, page.items_list)
    # An emptied interest is refused and the text kept.
    press(qtbot, Qt.Key.Key_F2)
    focused_editor = focused()
    assert isinstance(focused_editor, QLineEdit)
    focused_editor.selectAll()
    press(qtbot, Qt.Key.Key_Delete)
    commit(qtbot, page.items_list)
    assert page.items_list.currentItem().text() == "A workload the practices can carry"
    assert "must not be empty" in messages[-1]

    # Del removes; the list keeps the focus on the next one, then the matrix.
    go_to_item(qtbot, page, "p-carla", COL, "Elderly stay at home")
    press(qtbot, Qt.Key.Key_Delete)
    assert messages[-1] == "Interest removed. Ctrl+Z brings it back."
    assert page.matrix.hasFocus()

    result = saved(document)
    assert [i.id for i in result.interests.items if i.private] == ["b-a1"]
    assert texts(result, "p-bert", ORG) == ["A workload the practices can carry"]
    assert texts(result, "p-carla", COL) == []
    # P again makes it printable.
    go_to_item(qtbot, page, "p-anna", IND, "Be seen as a bridge")
    press(qtbot, Qt.Key.Key_P)
    assert not saved(document).interests.items[0].private


# --- links -------------------------------------------------------------------------


def test_overlap_tension_and_a_refused_link(qtbot: QtBot,
                                           make_document: Callable[..., SessionDocument],
                                           saved: Saved) -> None:
    document = make_document(with_interests())
    page = open_page(qtbot, document)
    messages: list[str] = []
    page.sig_message.connect(messages.append)

    # Overlap: L, a few letters of the other interest, Enter.
    go_to_item(qtbot, page, "p-anna", COL, "Care close to home")
    dialog = link_dialog(qtbot, page)
    type_text(qtbot, "carla home")
    assert dialog.chosen_id() == "b-c3"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.link_dialog is None)
    qtbot.waitUntil(lambda: page.items_list.hasFocus())

    # Tension with a note: Tab to the kind, arrow to tension, Tab to the note, Enter.
    go_to_item(qtbot, page, "p-bert", ORG, "Manageable workload")
    dialog = link_dialog(qtbot, page)
    type_text(qtbot, "beds")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.overlap.hasFocus()
    press(qtbot, Qt.Key.Key_Right)
    assert dialog.tension.isChecked()
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.note.hasFocus()
    type_text(qtbot, "Early discharge means more work for GPs")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.link_dialog is None)
    qtbot.waitUntil(lambda: page.items_list.hasFocus())

    # Two interests of one participant: the model refuses, and the dialog says why.
    go_to_item(qtbot, page, "p-anna", IND, "Be seen as a bridge")
    dialog = link_dialog(qtbot, page)
    type_text(qtbot, "wrong beds")
    assert dialog.chosen_id() == "b-a2"
    press(qtbot, Qt.Key.Key_Return)
    expected = ("Both interests are Anna de Vries's: a link joins interests of two "
                "different participants. Choose an interest of someone else.")
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert dialog.message.text() == expected
    assert dialog.isVisible() and messages[-1] == expected
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.link_dialog is None)
    qtbot.waitUntil(lambda: page.items_list.hasFocus())

    # The same pair twice is refused too, whichever end it starts from.
    go_to_item(qtbot, page, "p-anna", ORG, "Fewer wrong beds")
    dialog = link_dialog(qtbot, page)
    type_text(qtbot, "workload")
    assert dialog.chosen_id() == "b-b2"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert dialog.message.text() == "These two interests are already linked (Tension)."
    assert dialog.isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.link_dialog is None)
    qtbot.waitUntil(lambda: page.items_list.hasFocus())

    links = saved(document).interests.links
    assert [(lk.a_id, lk.b_id, lk.kind, lk.note) for lk in links] == [
        ("b-a3", "b-c3", LinkKind.OVERLAP, ""),
        ("b-b2", "b-a2", LinkKind.TENSION, "Early discharge means more work for GPs"),
    ]
    assert page.links_model.rowCount() == len(links)


def test_links_list_note_kind_and_remove(qtbot: QtBot,
                                         make_document: Callable[..., SessionDocument],
                                         saved: Saved) -> None:
    document = make_document()  # the demo: two links
    page = open_page(qtbot, document)
    view = page.links_view
    view.setFocus()
    view.setCurrentIndex(page.links_model.index(0, 0))
    shown = page.links_model.index(0, 0).data()
    assert shown.startswith("Overlap: Anna de Vries: Ziekenhuiszorg alleen")
    assert "Note: Ziekenhuis en VVT" in shown
    press(qtbot, Qt.Key.Key_F2)
    editor = focused()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, "Both want care at home")
    commit(qtbot, view)
    press(qtbot, Qt.Key.Key_T)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Delete)
    links = saved(document).interests.links
    assert [(lk.id, lk.kind, lk.note) for lk in links] == [
        ("l-thuis", LinkKind.TENSION, "Both want care at home")]
    assert view.currentIndex().row() == 0  # the selection stays on a link


def test_removing_a_linked_interest_removes_its_links_and_undo_brings_both_back(
        qtbot: QtBot, document: SessionDocument, saved: Saved) -> None:
    page = open_page(qtbot, document)
    before = document.session.model_dump()
    go_to_item(qtbot, page, "p-anna", COL, "Ziekenhuiszorg alleen waar die echt nodig is.")
    press(qtbot, Qt.Key.Key_Delete)
    assert [lk.id for lk in saved(document).interests.links] == ["l-werkdruk"]
    document.undo_stack.undo()
    assert document.session.model_dump() == before
    assert saved(document).interests.links[0].id == "l-thuis"
    assert page.links_model.rowCount() == 2


# --- filter, focus, empty states, hostile text ---------------------------------------


def test_filter_by_participant(qtbot: QtBot, document: SessionDocument) -> None:
    page = open_page(qtbot, document)
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.filter_edit.hasFocus()
    type_text(qtbot, "ggd")
    assert page.matrix_model.rowCount() == 1
    assert page.matrix_model.participant(0).name == "Mehmet Yilmaz"
    assert page.links_model.rowCount() == 0  # Mehmet has no links
    press(qtbot, Qt.Key.Key_Down)
    assert page.matrix.hasFocus() and cell(page)[0] == "p-mehmet"
    page.filter_edit.setFocus()
    page.filter_edit.selectAll()
    type_text(qtbot, "zzz")
    assert page.empty_label.isVisible() and not page.matrix.isVisible()
    assert "No participant matches “zzz”" in page.empty_label.text()
    assert not page.entry.isEnabled() or page.matrix_model.rowCount() == 0
    press(qtbot, Qt.Key.Key_Escape)  # clears the filter, back to the matrix
    assert page.matrix_model.rowCount() == len(document.session.participants)
    assert page.matrix.hasFocus()
    assert page.links_model.rowCount() == 2


def test_without_participants_the_page_says_where_to_add_them(
        qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    document = make_document(Session())
    page = InterestsPage(document)
    qtbot.addWidget(page)
    page.refresh(frozenset())
    page.show()
    page.focus_first()
    assert page.empty_label.isVisible()
    assert "Add them in step 1" in page.empty_label.text()
    assert not page.entry.isEnabled()


def test_hostile_text_is_plain_and_kept_whole(qtbot: QtBot,
                                              make_document: Callable[..., SessionDocument],
                                              saved: Saved) -> None:
    session = three_people()
    session.participants[0].name = "<b>Anna</b> \u202eRTL 🙂"
    document = make_document(session)
    page = open_page(qtbot, document)
    press(qtbot, Qt.Key.Key_Return)
    long_text = "<i>x</i> " + "woord " * 1_600  # 9.6k characters: pasted, not typed
    paste(qtbot, long_text)
    assert page.entry.text() == long_text  # all of it: an interest holds 10,000
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "<a href='x'>link</a> שלום 🙂 é")
    press(qtbot, Qt.Key.Key_Return)
    result = saved(document)
    assert texts(result, "p-anna", IND) == [long_text.strip(), "<a href='x'>link</a> שלום 🙂 é"]
    # Editing the long one in place (F2) keeps it whole too.
    go_to_item(qtbot, page, "p-anna", IND, long_text.strip())
    press(qtbot, Qt.Key.Key_F2)
    press(qtbot, Qt.Key.Key_End)
    type_text(qtbot, " eind")
    commit(qtbot, page.items_list)
    assert texts(saved(document), "p-anna", IND)[0] == long_text.strip() + " eind"
    for label in page.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    assert "<b>Anna</b>" in page.target_label.text()
    row = page.matrix_model.row_of("p-anna")
    page.matrix.resizeRowToContents(row)
    assert page.matrix.rowHeight(row) < 2000  # the matrix shows the start, not all 120k


def test_focus_first_is_the_first_participant_without_interests(
        qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    document = make_document(with_interests())
    document.session.participants.append(
        Participant(id="p-dirk", name="Dirk", organisation="Housing"))
    page = open_page(qtbot, document)
    assert cell(page) == ("p-dirk", IND)


def test_in_dutch(qtbot: QtBot, document: SessionDocument) -> None:
    set_language("nl")
    page = open_page(qtbot, document)
    header = page.matrix_model.headerData(1, Qt.Orientation.Horizontal)
    assert header == "Individueel belang"
    assert page.entry.placeholderText() == "Typ een belang en druk op Enter"
    assert page.target_label.text().startswith("Nieuw belang voor ")
    count = len(document.session.interests.items)
    assert page.counts_label.text().startswith(f"Belangen: {count} ")
    for label in page.findChildren(QLabel):
        assert "Enter adds" not in label.text() and "F2 edit" not in label.text()


# --- undo and redo of every kind of edit ---------------------------------------------


def _link_row(page: InterestsPage, link_id: str) -> None:
    page.links_view.setFocus()
    page.links_view.setCurrentIndex(page.links_model.index(page.links_model.row_of(link_id), 0))


EDITS = ["add", "edit", "remove", "private", "link", "note", "kind", "unlink"]


@pytest.mark.parametrize("edit", EDITS)
def test_each_kind_of_edit_undoes_and_redoes_exactly(qtbot: QtBot, document: SessionDocument,
                                                    edit: str) -> None:
    page = open_page(qtbot, document)

    def act() -> None:
        if edit == "add":
            type_text(qtbot, "Het woord als eerste")
            press(qtbot, Qt.Key.Key_Return)
        elif edit in ("edit", "remove", "private", "link"):
            go_to_item(qtbot, page, "p-joost", ORG,
                       "Werkdruk in de praktijken beheersbaar houden.")
            if edit == "edit":
                press(qtbot, Qt.Key.Key_F2)
                press(qtbot, Qt.Key.Key_End)
                type_text(qtbot, " Echt.")
                commit(qtbot, page.items_list)
            elif edit == "remove":
                press(qtbot, Qt.Key.Key_Delete)
            elif edit == "private":
                press(qtbot, Qt.Key.Key_P)
            else:
                link_dialog(qtbot, page)
                type_text(qtbot, "gerda meepraat")
                press(qtbot, Qt.Key.Key_Return)
                qtbot.waitUntil(lambda: page.link_dialog is None)
                qtbot.waitUntil(lambda: page.items_list.hasFocus())
        else:
            _link_row(page, "l-werkdruk")
            if edit == "note":
                press(qtbot, Qt.Key.Key_F2)
                type_text(qtbot, "Nieuw")
                commit(qtbot, page.links_view)
            elif edit == "kind":
                press(qtbot, Qt.Key.Key_O)
            else:
                press(qtbot, Qt.Key.Key_Delete)

    before = document.session.model_dump()
    steps = document.undo_stack.count()
    act()
    after = document.session.model_dump()
    assert after != before
    assert document.undo_stack.count() == steps + 1
    document.undo_stack.undo()
    assert document.session.model_dump() == before
    document.undo_stack.redo()
    assert document.session.model_dump() == after
    document.undo_stack.undo()
    assert document.session.model_dump() == before
    # The views follow the undo.
    items = document.session.interests.items
    assert page.counts_label.text() == (
        f"Interests: {len(items)} · not for print: {sum(i.private for i in items)} · "
        f"links: {len(document.session.interests.links)}")
    assert page.links_model.rowCount() == len(document.session.interests.links)


# --- the large session ------------------------------------------------------------------
# (How fast: tests/bench/bench_pages.py. Here: what makes it fast, as a user could see.)


def test_adding_an_interest_with_40_participants_redraws_only_its_own_cell(
        qtbot: QtBot, make_document: Callable[..., SessionDocument], saved: Saved) -> None:
    document = make_document(large_session())
    page = open_page(qtbot, document)
    model = page.matrix_model
    resets: list[bool] = []
    changed: list[tuple[int, int, int, int]] = []
    model.modelReset.connect(lambda: resets.append(True))
    background = int(Qt.ItemDataRole.BackgroundRole)
    model.dataChanged.connect(
        lambda a, b, roles: None if background in [int(r) for r in roles]  # the marker
        else changed.append((a.row(), a.column(), b.row(), b.column())))
    pid, kind = cell(page)
    row, column = model.row_of(pid), 1 + list(InterestKind).index(kind)
    heights = [page.matrix.rowHeight(r) for r in range(model.rowCount())]
    type_text(qtbot, "Een belang dat zo lang is dat het over meer regels loopt " * 3)
    press(qtbot, Qt.Key.Key_Return)

    assert resets == []  # the rows stay: nothing scrolls away, the cursor stays put
    assert changed == [(row, column, row, column)]
    qtbot.waitUntil(lambda: page.matrix.rowHeight(row) > heights[row])  # room for it
    assert [page.matrix.rowHeight(r) for r in range(model.rowCount()) if r != row] == [
        h for r, h in enumerate(heights) if r != row]
    assert cell(page) == (pid, kind) and page.entry.hasFocus()
    assert len(saved(document).interests.items) == len(large_session().interests.items) + 1


def test_rows_grow_when_the_columns_narrow(qtbot: QtBot, document: SessionDocument) -> None:
    """Rows are sized by the view itself (not on every change by the header): a
    narrower window wraps the interests onto more lines, and the rows make room."""
    page = open_page(qtbot, document)
    row = page.matrix_model.row_of("p-anna")
    before = page.matrix.rowHeight(row)
    page.resize(700, 658)
    qtbot.waitUntil(lambda: page.matrix.rowHeight(row) > before)
    page.resize(1086, 658)
    qtbot.waitUntil(lambda: page.matrix.rowHeight(row) == before)
