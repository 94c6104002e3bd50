"""The shared-ambition page, driven through its widgets as a facilitator would.

Each test types, presses keys or drops cards, then checks the session file on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from drive import press
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from samples import large_session

from workshop.domain.model import (
    AMBITION_SUBJECT,
    MAX_TEXT,
    Ambition,
    Card,
    Cluster,
    Decision,
    Participant,
    QuadrupleAim,
    Session,
    Vote,
)
from workshop.i18n import catalogue, set_language
from workshop.ui.document import SessionDocument
from workshop.ui.pages.ambition.cards import (
    _CARD_PIXMAPS,
    CardListView,
    decode_ids,
    encode_ids,
)
from workshop.ui.pages.ambition.page import AmbitionPage

Saved = Callable[[SessionDocument], Session]
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def small_session() -> Session:
    """Three people at the table (a fourth is absent), nothing on the board yet."""
    return Session(participants=[
        Participant(id="p-a", name="Anna de Vries", organisation="Ziekenhuis"),
        Participant(id="p-b", name="Bart Smit", organisation="Huisartsen"),
        Participant(id="p-c", name="Chris Jansen", organisation="Gemeente"),
        Participant(id="p-d", name="Dana Bos", organisation="GGD", present=False),
    ])


def open_page(qtbot: QtBot, document: SessionDocument) -> AmbitionPage:
    """The page as the main window holds it: refreshed after every change."""
    page = AmbitionPage(document)
    document.sig_changed.connect(
        lambda areas: page.refresh(areas) if not areas or areas & page.areas else None)
    page.refresh(frozenset())
    host = QWidget()
    host.setMinimumSize(1366, 768)  # the main window fixes its own minimum, too
    QVBoxLayout(host).addWidget(page)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    page.host = host  # type: ignore[attr-defined]  # qtbot holds widgets weakly
    page.messages = []  # type: ignore[attr-defined]
    page.sig_message.connect(page.messages.append)  # type: ignore[attr-defined]
    page.focus_first()
    qtbot.waitUntil(page.entry.hasFocus)
    return page


@pytest.fixture
def page(qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> AmbitionPage:
    return open_page(qtbot, make_document(small_session()))


def messages(page: AmbitionPage) -> list[str]:
    return page.messages  # type: ignore[attr-defined,no-any-return]


def type_card(qtbot: QtBot, page: AmbitionPage, text: str) -> None:
    qtbot.keyClicks(page.entry, text)
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert page.entry.text() == ""
    assert page.entry.hasFocus()


def column(page: AmbitionPage, key: str | None) -> CardListView:
    return page.board.columns[key].view


def select(qtbot: QtBot, page: AmbitionPage, key: str | None, card_id: str) -> CardListView:
    """Click the card, as the facilitator would, and return its column."""
    view = column(page, key)
    row = page.board.columns[key].model.row_of(card_id)
    assert row >= 0, card_id
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.hasFocus()
    assert view.currentIndex().row() == row
    return view


def cards_by_text(session: Session) -> dict[str, Card]:
    return {c.text: c for c in session.ambition.cards}


# --- cards -------------------------------------------------------------------------


def test_cards_are_typed_with_authors_chosen_by_key(qtbot: QtBot, page: AmbitionPage,
                                                    saved: Saved) -> None:
    type_card(qtbot, page, "We need each other for the elderly at home")
    qtbot.keyClick(page.entry, Qt.Key.Key_Down, CTRL)  # -> participant 1
    assert page.author_combo.currentText() == "1 · Anna de Vries"
    type_card(qtbot, page, "One contact person per neighbourhood")
    type_card(qtbot, page, "Fewer emergency admissions")  # the author stays
    qtbot.keyClick(page.entry, Qt.Key.Key_3, ALT)
    assert page.author_combo.currentText() == "3 · Chris Jansen"
    type_card(qtbot, page, "Housing close to care")
    qtbot.keyClick(page.entry, Qt.Key.Key_Up, CTRL)  # back to participant 2
    type_card(qtbot, page, "GPs have no time left")
    qtbot.keyClick(page.entry, Qt.Key.Key_0, ALT)  # the table again
    type_card(qtbot, page, "Share data safely")
    qtbot.keyClick(page.entry, Qt.Key.Key_F4)  # the list of authors, narrowed by typing
    picker = page.author_picker
    assert picker.is_open() and picker.filter.hasFocus()
    qtbot.keyClicks(picker.filter, "jans")
    assert picker.visible_texts() == ["3 · Chris Jansen"]
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert not picker.isVisible() and page.entry.hasFocus()
    type_card(qtbot, page, "Neighbourhood teams")
    qtbot.keyClick(page.entry, Qt.Key.Key_F4)
    qtbot.keyClick(picker.filter, Qt.Key.Key_Escape)  # cancelled: Chris stays
    assert page.entry.hasFocus() and page.author_id == "p-c"
    qtbot.keyClick(page.entry, Qt.Key.Key_4, ALT)  # Dana is absent: no number 4
    assert "number 4" in messages(page)[-1]
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)  # nothing typed: nothing added
    assert "text first" in messages(page)[-1]

    file = saved(page.document)
    assert [(c.text, c.author_id, c.cluster_id) for c in file.ambition.cards] == [
        ("We need each other for the elderly at home", None, None),
        ("One contact person per neighbourhood", "p-a", None),
        ("Fewer emergency admissions", "p-a", None),
        ("Housing close to care", "p-c", None),
        ("GPs have no time left", "p-b", None),
        ("Share data safely", None, None),
        ("Neighbourhood teams", "p-c", None),
    ]
    shown = page.board.columns[None].model
    assert shown.rowCount() == 7
    assert page.board.face(shown.ids[1]).author == "Anna de Vries"  # type: ignore[union-attr]
    assert page.board.columns[None].summary.text() == "7 cards · 0 dots"


def test_a_card_is_edited_in_place_and_an_empty_text_is_refused(
        qtbot: QtBot, page: AmbitionPage, saved: Saved) -> None:
    type_card(qtbot, page, "Oldr people at home")
    card_id = page.document.session.ambition.cards[0].id
    view = select(qtbot, page, None, card_id)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not view
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, "Older people stay at home longer")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)  # Qt commits queued
    assert view.hasFocus()
    assert saved(page.document).ambition.cards[0].text == "Older people stay at home longer"

    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()  # type: ignore[union-attr]
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    assert "needs text" in messages(page)[-1]
    assert saved(page.document).ambition.cards[0].text == "Older people stay at home longer"


def test_a_card_kept_drawn_is_the_card_drawn_anew_and_follows_its_changes(
        qtbot: QtBot, page: AmbitionPage) -> None:
    """The board keeps each card's picture (a switch to the board drew every card anew):
    the kept picture is pixel for pixel the card drawn afresh, before and after an edit,
    and an edit shows."""
    type_card(qtbot, page, "Home care")
    type_card(qtbot, page, "Fall prevention")
    card_id = page.document.session.ambition.cards[0].id
    view = select(qtbot, page, None, card_id)  # selected, with the focus

    def shown() -> QImage:
        view.viewport().repaint()
        return view.viewport().grab().toImage()

    kept = shown()
    _CARD_PIXMAPS.clear()
    assert shown() == kept
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()  # type: ignore[union-attr]
    qtbot.keyClicks(editor, "Home cure")  # the same size: only the words tell
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    changed = shown()
    assert changed != kept
    _CARD_PIXMAPS.clear()
    assert shown() == changed


def test_hostile_card_text_is_kept_and_drawn(qtbot: QtBot, page: AmbitionPage,
                                            saved: Saved) -> None:
    start = "<b>bold</b> & <script>x</script> \u202eRTL עברית 🙂 "
    hostile = start + "w" * (MAX_TEXT - 10 - len(start))  # about as long as a card can be
    page.entry.setText(hostile)  # pasting
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert saved(page.document).ambition.cards[0].text == hostile.strip()
    page.grab()  # painting a card of 100k characters must work
    face = page.board.face(page.document.session.ambition.cards[0].id)
    assert face is not None and face.text == hostile.strip()


# --- clustering --------------------------------------------------------------------


def test_clustering_by_keyboard(qtbot: QtBot, page: AmbitionPage, saved: Saved) -> None:
    for text in ("Home care", "Fall prevention", "Loneliness", "Staff shortage"):
        type_card(qtbot, page, text)
    cards = cards_by_text(page.document.session)
    qtbot.keyClick(page.entry, Qt.Key.Key_Tab)  # Tab goes to the board
    view = column(page, None)
    assert view.hasFocus()

    # N: a new cluster from the current card; the focus goes to its name.
    view = select(qtbot, page, None, cards["Home care"].id)
    qtbot.keyClick(view, Qt.Key.Key_N)
    session = page.document.session
    first = session.ambition.clusters[0].id
    name_edit = page.board.columns[first].name_edit
    assert name_edit is not None and name_edit.hasFocus()
    qtbot.keyClicks(name_edit, "Living at home")
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)  # back to the cluster's cards
    assert column(page, first).hasFocus()

    # Two cards selected at once become a second cluster.
    view = select(qtbot, page, None, cards["Loneliness"].id)
    row = page.board.columns[None].model.row_of(cards["Staff shortage"].id)
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, CTRL, rect.center())
    qtbot.keyClick(view, Qt.Key.Key_N)
    second = page.document.session.ambition.clusters[1].id
    qtbot.keyClicks(QApplication.focusWidget(), "People")
    press(qtbot, Qt.Key.Key_Return)

    # M and a few letters: type-ahead picks "Living at home"; the focus stays in place.
    view = select(qtbot, page, None, cards["Fall prevention"].id)
    qtbot.keyClick(view, Qt.Key.Key_M)
    picker = page.board.picker
    qtbot.waitUntil(picker.isVisible)
    qtbot.keyClicks(picker.filter, "livi")
    assert picker.visible_texts() == ["Living at home"]
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert not picker.isVisible()
    assert view.hasFocus()
    assert "Living at home" in messages(page)[-1]

    # Ctrl+→ moves a card one column on, and the focus follows it.
    view = select(qtbot, page, first, cards["Home care"].id)
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL)
    assert column(page, second).hasFocus()
    assert column(page, second).currentIndex().data(Qt.ItemDataRole.UserRole) \
        == cards["Home care"].id
    qtbot.keyClick(column(page, second), Qt.Key.Key_Left, CTRL)
    qtbot.keyClick(column(page, first), Qt.Key.Key_Left, CTRL)  # back to not clustered
    assert column(page, None).hasFocus()

    # Esc returns to the card entry.
    qtbot.keyClick(column(page, None), Qt.Key.Key_Escape)
    assert page.entry.hasFocus()

    file = saved(page.document)
    assert [(c.id, c.name) for c in file.ambition.clusters] == [
        (first, "Living at home"), (second, "People")]
    where = {c.text: c.cluster_id for c in file.ambition.cards}
    assert where == {"Home care": None, "Fall prevention": first, "Loneliness": second,
                     "Staff shortage": second}


def test_moving_a_card_to_an_existing_cluster_with_the_picker_and_cancel(
        qtbot: QtBot, make_document: Callable[..., SessionDocument], saved: Saved) -> None:
    page = open_page(qtbot, make_document())  # the demo: five clusters
    view = select(qtbot, page, None, "k-20")
    qtbot.keyClick(view, Qt.Key.Key_M)
    qtbot.keyClick(page.board.picker.filter, Qt.Key.Key_Escape)  # cancel: nothing moves
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_M)
    qtbot.keyClicks(page.board.picker.filter, "mantel")
    qtbot.keyClick(page.board.picker.filter, Qt.Key.Key_Return)
    assert {c.id: c.cluster_id for c in saved(page.document).ambition.cards}["k-20"] \
        == "cl-netwerk"


def drop(target: QWidget, ids: list[str], at: QPoint | None = None) -> bool:
    """A drop of ``ids`` on ``target`` as Qt delivers it: enter, move, drop."""
    data = encode_ids(ids)
    pos = at or target.rect().center()
    actions = Qt.DropAction.MoveAction
    buttons = Qt.MouseButton.LeftButton
    mods = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPointF(pos), actions, data, buttons, mods)
    QApplication.sendEvent(target, enter)
    move = QDragMoveEvent(QPointF(pos), actions, data, buttons, mods)
    QApplication.sendEvent(target, move)
    if not move.isAccepted():
        return False
    event = QDropEvent(QPointF(pos), actions, data, buttons, mods)
    QApplication.sendEvent(target, event)
    return event.isAccepted()


def test_clustering_by_drag_and_drop(qtbot: QtBot, make_document: Callable[..., Any],
                                     saved: Saved) -> None:
    session = small_session()
    session.ambition = Ambition(
        clusters=[Cluster(id="cl-home", name="Home")],
        cards=[Card(id=f"k-{i}", text=f"Card {i}") for i in range(4)])
    page = open_page(qtbot, make_document(session))
    source = column(page, None)
    # What a drag from the list carries: the selected cards.
    view = select(qtbot, page, None, "k-1")
    model = page.board.columns[None].model
    carried = model.mimeData(view.selectionModel().selectedIndexes())
    # Onto a cluster's cards.
    target = column(page, "cl-home")
    data_ids = decode_ids(carried)
    assert data_ids == ["k-1"]
    assert drop(target.viewport(), data_ids)
    assert target.hasFocus() and target.currentIndex().data(Qt.ItemDataRole.UserRole) == "k-1"
    # Onto a cluster's header.
    header = page.board.columns["cl-home"]
    assert drop(header, ["k-2"], QPoint(20, 8))
    # Onto empty space: a new cluster, whose name gets the focus.
    canvas = page.board.canvas
    empty = QPoint(canvas.width() - 10, canvas.height() // 2)
    assert canvas.childAt(empty) is None
    assert drop(canvas, ["k-3"], empty)
    new = page.document.session.ambition.clusters[-1].id
    name_edit = page.board.columns[new].name_edit
    assert name_edit is not None and name_edit.hasFocus()
    qtbot.keyClicks(name_edit, "Dropped")
    # The "new cluster" area takes drops too; a foreign drag is refused.
    assert drop(page.board.drop_zone, ["k-0"])
    assert not drop(source.viewport(), ["no-such-card"])
    other = encode_ids(["k-0"])
    other.removeFormat("application/x-workshop-card-ids")
    other.setText("k-0")
    enter = QDragEnterEvent(QPointF(5, 5), Qt.DropAction.MoveAction, other,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target.viewport(), enter)
    assert not enter.isAccepted()

    file = saved(page.document)
    where = {c.id: c.cluster_id for c in file.ambition.cards}
    clusters = [c.id for c in file.ambition.clusters]
    assert where == {"k-0": clusters[2], "k-1": "cl-home", "k-2": "cl-home",
                     "k-3": new}
    assert [c.name for c in file.ambition.clusters] == ["Home", "Dropped", ""]


def test_cluster_named_in_place_with_f2_and_double_click(
        qtbot: QtBot, make_document: Callable[..., SessionDocument], saved: Saved) -> None:
    page = open_page(qtbot, make_document())
    view = select(qtbot, page, "cl-thuis", "k-01")
    qtbot.keyClick(view, Qt.Key.Key_F2, SHIFT)
    edit = page.board.columns["cl-thuis"].name_edit
    assert edit is not None and edit.hasFocus() and edit.selectedText() == edit.text()
    qtbot.keyClicks(edit, "Thuis")
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert view.hasFocus()
    other = page.board.columns["cl-netwerk"].name_edit
    assert other is not None
    qtbot.mouseDClick(other, Qt.MouseButton.LeftButton)
    assert other.hasFocus()
    other.selectAll()
    qtbot.keyClicks(other, "Samen")
    names = {c.id: c.name for c in saved(page.document).ambition.clusters}
    assert names["cl-thuis"] == "Thuis" and names["cl-netwerk"] == "Samen"
    # A name typed is one undo step.
    page.document.undo_stack.undo()
    assert {c.id: c.name for c in page.document.session.ambition.clusters}["cl-netwerk"] \
        == "Eenzaamheid en mantelzorg"


def test_removing_cards_and_clusters_with_undo(
        qtbot: QtBot, make_document: Callable[..., SessionDocument], saved: Saved) -> None:
    page = open_page(qtbot, make_document())
    document = page.document
    view = select(qtbot, page, "cl-thuis", "k-02")  # k-02 carries three dots
    before = document.session.model_dump()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert "Ctrl+Z" in messages(page)[-1]
    assert view.hasFocus()
    assert view.currentIndex().data(Qt.ItemDataRole.UserRole) == "k-03"  # the next card
    file = saved(document)
    assert "k-02" not in {c.id for c in file.ambition.cards}
    assert "k-02" not in {v.card_id for v in file.ambition.votes}
    document.undo_stack.undo()
    assert document.session.model_dump() == before

    view = select(qtbot, page, "cl-preventie", "k-05")
    qtbot.keyClick(view, Qt.Key.Key_Delete, SHIFT)
    assert "Not clustered" in messages(page)[-1]
    assert column(page, None).hasFocus()
    file = saved(document)
    assert "cl-preventie" not in {c.id for c in file.ambition.clusters}
    assert {c.id: c.cluster_id for c in file.ambition.cards}["k-05"] is None
    assert "cl-preventie" not in page.board.columns
    document.undo_stack.undo()
    assert document.session.model_dump() == before
    assert page.board.columns["cl-preventie"].model.ids == ["k-05", "k-06", "k-07", "k-08"]

    # The header's × does the same for the mouse.
    remove = [b for b in page.board.columns["cl-netwerk"].findChildren(QWidget)
              if b.accessibleName() == "Remove this cluster"][0]
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert "cl-netwerk" not in {c.id for c in saved(document).ambition.clusters}
    qtbot.keyClick(column(page, None), Qt.Key.Key_Delete, SHIFT)
    assert "cannot be removed" in messages(page)[-1]


# --- dot voting --------------------------------------------------------------------


def test_dot_voting_within_the_budget_and_a_refusal_over_it(
        qtbot: QtBot, page: AmbitionPage, saved: Saved) -> None:
    for text in ("First", "Second", "Third"):
        type_card(qtbot, page, text)
    cards = cards_by_text(page.document.session)
    board = page.board
    # Two dots each: typed into the budget field.
    board.budget.setFocus()
    board.budget.selectAll()
    qtbot.keyClicks(board.budget, "2")
    qtbot.keyClick(board.budget, Qt.Key.Key_Return)
    assert saved(page.document).ambition.vote_budget == 2

    view = select(qtbot, page, None, cards["First"].id)
    assert board.voter_combo.currentData() == "p-a"
    assert board.remaining.text() == "2 of 2 dots left"
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.keyClick(view, Qt.Key.Key_Plus)  # a second dot on the same card
    assert board.remaining.text() == "0 of 2 dots left"
    assert "used all 2 dots" in messages(page)[-1]
    view = select(qtbot, page, None, cards["Second"].id)
    count = len(messages(page))
    qtbot.keyClick(view, Qt.Key.Key_Space)  # over budget: refused, and said so
    assert len(messages(page)) == count + 1
    assert "Anna de Vries has used all 2 dots" in messages(page)[-1]
    qtbot.keyClick(view, Qt.Key.Key_Minus)  # no dot of Anna's here
    assert "no dot on this card" in messages(page)[-1]

    qtbot.keyClick(view, Qt.Key.Key_Down, CTRL)  # the next voter: Bart
    assert board.voter_combo.currentData() == "p-b"
    assert board.remaining.text() == "2 of 2 dots left"
    qtbot.keyClick(view, Qt.Key.Key_Space)
    view = select(qtbot, page, None, cards["First"].id)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.keyClick(view, Qt.Key.Key_V)  # Chris, by typing part of his name
    qtbot.keyClicks(board.voter_picker.filter, "chr")
    qtbot.keyClick(board.voter_picker.filter, Qt.Key.Key_Return)
    assert board.voter_combo.currentData() == "p-c"
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_1, ALT)  # by number: Anna, and back to Chris
    assert board.voter_combo.currentData() == "p-a"
    qtbot.keyClick(view, Qt.Key.Key_3, ALT)
    assert board.voter_combo.currentData() == "p-c"
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.keyClick(view, Qt.Key.Key_Minus)  # taken back
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert [board.voter_combo.itemText(i) for i in range(3)] == [
        "Anna de Vries (0 left)", "Bart Smit (0 left)", "Chris Jansen (1 left)"]

    file = saved(page.document)
    assert sorted((v.participant_id, v.card_id, v.dots) for v in file.ambition.votes) == \
        sorted([("p-a", cards["First"].id, 2), ("p-b", cards["Second"].id, 1),
                ("p-b", cards["First"].id, 1), ("p-c", cards["First"].id, 1)])
    # Totals per card, per cluster and the ranking.
    face = board.face(cards["First"].id)
    assert face is not None and face.dots == 4 and face.voter_dots == 1
    assert board.columns[None].summary.text() == "3 cards · 5 dots"

    # Lowering the budget below what someone used is refused, and the field shows 2.
    board.budget.setFocus()
    board.budget.selectAll()
    qtbot.keyClicks(board.budget, "1")
    qtbot.keyClick(board.budget, Qt.Key.Key_Return)
    assert board.budget.value() == 2
    # said with the names of those who placed more, not the format's field and ids
    assert messages(page)[-1] == ("The dots per participant cannot go down to 1: more were "
                                  "placed already by Anna de Vries (2), Bart Smit (2). Take "
                                  "dots back first.")
    assert saved(page.document).ambition.vote_budget == 2


def test_top_clusters_are_sorted_by_dots(qtbot: QtBot, make_document: Callable[..., Any]
                                         ) -> None:
    session = small_session()
    session.ambition = Ambition(
        clusters=[Cluster(id="cl-1", name="Few"), Cluster(id="cl-2", name="Many"),
                  Cluster(id="cl-3", name="")],
        cards=[Card(id="k-1", text="a", cluster_id="cl-1"),
               Card(id="k-2", text="b", cluster_id="cl-2"),
               Card(id="k-3", text="c", cluster_id="cl-2"),
               Card(id="k-4", text="d", cluster_id="cl-3")],
        votes=[Vote(participant_id="p-a", card_id="k-2", dots=2),
               Vote(participant_id="p-b", card_id="k-3", dots=1),
               Vote(participant_id="p-c", card_id="k-1", dots=1)])
    page = open_page(qtbot, make_document(session))
    tree = page.top_clusters
    rows = [[tree.topLevelItem(r).text(c) for c in range(4)]
            for r in range(tree.topLevelItemCount())]
    assert rows == [["1", "Many", "3", "2"], ["2", "Few", "1", "1"],
                    ["3", "(unnamed cluster)", "0", "1"]]
    assert page.board.columns["cl-2"].summary.text() == "2 cards · 3 dots"

    def shown() -> list[tuple[list[str], bool]]:
        return [([tree.topLevelItem(r).text(c) for c in range(4)],
                 tree.topLevelItem(r).font(1).bold()) for r in range(tree.topLevelItemCount())]

    # a card moved: the same order, the counts written in place; then the order changes
    page.board.edits.move_cards(["k-4"], "cl-1")
    assert shown() == [(["1", "Many", "3", "2"], True), (["2", "Few", "1", "2"], True),
                       (["3", "(unnamed cluster)", "0", "0"], False)]
    page.board.edits.move_cards(["k-2"], "cl-3")
    # Few and Many tie with one dot each: they share the second rank (the board's order
    # between them is no ranking), in place as the order stayed
    assert shown() == [(["1", "(unnamed cluster)", "2", "1"], True),
                       (["2", "Few", "1", "2"], True), (["2", "Many", "1", "1"], True)]
    page.board.edits.move_cards(["k-3"], "cl-3")  # in place: Many's dot goes, not bold
    assert shown() == [(["1", "(unnamed cluster)", "3", "2"], True),
                       (["2", "Few", "1", "2"], True), (["3", "Many", "0", "0"], False)]
    # Enter on a ranked cluster shows it on the board.
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(1))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert column(page, "cl-1").hasFocus()


# --- statement, goals, consent ---------------------------------------------------------


def test_statement_goals_and_consent(qtbot: QtBot, page: AmbitionPage, saved: Saved) -> None:
    document = page.document
    qtbot.keyClicks(page.statement, "Together we keep people healthy at home.")
    assert document.undo_stack.count() == 1  # one undo step for the sentence

    page.tabs.setCurrentWidget(page.goals)
    goals = page.goals
    goals.new_aim.setCurrentIndex(goals.new_aim.findData(QuadrupleAim.COSTS.value))
    goals.new_text.setFocus()
    qtbot.keyClicks(goals.new_text, "Fewer avoidable admissions")
    qtbot.keyClick(goals.new_text, Qt.Key.Key_Return)
    assert goals.new_text.text() == "" and goals.new_text.hasFocus()
    qtbot.keyClicks(goals.new_text, "Staff stay")
    qtbot.keyClick(goals.new_text, Qt.Key.Key_Return)
    assert page.tabs.tabText(1) == "Goals (2)"
    first, second = (goals.rows[g.id] for g in document.session.ambition.goals)
    first.text.setFocus()
    first.text.moveCursor(first.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(first.text, " by 2028")
    second.aim.setCurrentIndex(second.aim.findData(
        QuadrupleAim.PROFESSIONAL_SATISFACTION.value))
    second.text.setFocus()
    qtbot.keyClick(second.text, Qt.Key.Key_Delete, CTRL)  # removed; undo brings it back
    assert "Ctrl+Z" in messages(page)[-1]
    assert first.text.hasFocus()

    # The consent round on the statement: 1 = consent for the current participant.
    page.tabs.setCurrentWidget(page.consent)
    assert page.consent.subject_id == AMBITION_SUBJECT
    page.consent.table.setFocus()
    for _ in range(3):
        qtbot.keyClick(page.consent.table, Qt.Key.Key_1)

    file = saved(document)
    assert file.ambition.statement == "Together we keep people healthy at home."
    assert [(g.aim, g.text) for g in file.ambition.goals] == [
        (QuadrupleAim.COSTS, "Fewer avoidable admissions by 2028")]
    assert [(r.subject_id, r.participant_id, r.decision) for r in file.consents] == [
        (AMBITION_SUBJECT, pid, Decision.CONSENT) for pid in ("p-a", "p-b", "p-c")]


def test_removing_a_goal_unlinks_its_actions(
        qtbot: QtBot, make_document: Callable[..., SessionDocument], saved: Saved) -> None:
    page = open_page(qtbot, make_document())
    before = page.document.session.model_dump()
    page.tabs.setCurrentWidget(page.goals)
    row = page.goals.rows["g-gezondheid"]
    row.text.setFocus()
    qtbot.keyClick(row.text, Qt.Key.Key_Delete, CTRL)
    assert "2 actions" in messages(page)[-1]
    file = saved(page.document)
    assert "g-gezondheid" not in {g.id for g in file.ambition.goals}
    assert "g-gezondheid" not in {a.goal_id for a in file.roadmap.actions}
    page.document.undo_stack.undo()
    assert page.document.session.model_dump() == before


# --- undo and redo of every kind of edit ---------------------------------------------


def _kbd(key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
         ) -> Callable[[QtBot, AmbitionPage], None]:
    def act(qtbot: QtBot, page: AmbitionPage) -> None:
        view = select(qtbot, page, "cl-thuis", "k-02")
        qtbot.keyClick(view, key, mods)
    return act


def _add_card(qtbot: QtBot, page: AmbitionPage) -> None:
    qtbot.keyClick(page.entry, Qt.Key.Key_2, ALT)
    type_card(qtbot, page, "A new card")


def _edit_card(qtbot: QtBot, page: AmbitionPage) -> None:
    view = select(qtbot, page, "cl-thuis", "k-02")
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Rewritten")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)


def _drop_card(qtbot: QtBot, page: AmbitionPage) -> None:
    assert drop(column(page, "cl-mensen").viewport(), ["k-02", "k-03"])


def _new_cluster_by_drop(qtbot: QtBot, page: AmbitionPage) -> None:
    assert drop(page.board.drop_zone, ["k-20"])


def _rename_cluster(qtbot: QtBot, page: AmbitionPage) -> None:
    view = select(qtbot, page, "cl-thuis", "k-02")
    qtbot.keyClick(view, Qt.Key.Key_F2, SHIFT)
    qtbot.keyClicks(QApplication.focusWidget(), "Thuis wonen")


def _vote(qtbot: QtBot, page: AmbitionPage) -> None:
    view = select(qtbot, page, "cl-thuis", "k-02")
    qtbot.keyClick(view, Qt.Key.Key_Minus)  # Anna takes one of her two dots back
    qtbot.keyClick(view, Qt.Key.Key_Down, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Minus)  # Joost has none here: refused
    qtbot.keyClick(view, Qt.Key.Key_Space)  # ...nor any left: refused


def _budget(qtbot: QtBot, page: AmbitionPage) -> None:
    page.board.budget.setFocus()
    qtbot.keyClick(page.board.budget, Qt.Key.Key_Up)
    qtbot.keyClick(page.board.budget, Qt.Key.Key_Up)


def _statement(qtbot: QtBot, page: AmbitionPage) -> None:
    page.statement.setFocus()
    qtbot.keyClicks(page.statement, " En samen.")


def _add_goal(qtbot: QtBot, page: AmbitionPage) -> None:
    page.tabs.setCurrentWidget(page.goals)
    page.goals.new_text.setFocus()
    qtbot.keyClicks(page.goals.new_text, "Gelijke kansen")
    qtbot.keyClick(page.goals.new_text, Qt.Key.Key_Return)


def _edit_goal(qtbot: QtBot, page: AmbitionPage) -> None:
    page.tabs.setCurrentWidget(page.goals)
    row = page.goals.rows["g-kosten"]
    row.text.setFocus()
    qtbot.keyClicks(row.text, "!")
    row.aim.setCurrentIndex(0)


def _remove_goal(qtbot: QtBot, page: AmbitionPage) -> None:
    page.tabs.setCurrentWidget(page.goals)
    row = page.goals.rows["g-ervaring"]
    qtbot.mouseClick([b for b in row.findChildren(QWidget)
                      if b.accessibleName() == "Remove this goal"][0],
                     Qt.MouseButton.LeftButton)


EDITS: dict[str, Callable[[QtBot, AmbitionPage], None]] = {
    "add card": _add_card,
    "edit card": _edit_card,
    "remove card": _kbd(Qt.Key.Key_Delete),
    "move card by key": _kbd(Qt.Key.Key_Right, CTRL),
    "move cards by drop": _drop_card,
    "new cluster by key": _kbd(Qt.Key.Key_N),
    "new cluster by drop": _new_cluster_by_drop,
    "rename cluster": _rename_cluster,
    "remove cluster": _kbd(Qt.Key.Key_Delete, SHIFT),
    "dots": _vote,
    "budget": _budget,
    "statement": _statement,
    "add goal": _add_goal,
    "edit goal": _edit_goal,
    "remove goal": _remove_goal,
}


@pytest.mark.parametrize("kind", list(EDITS))
def test_undo_and_redo_restore_the_exact_session(
        qtbot: QtBot, make_document: Callable[..., SessionDocument], kind: str) -> None:
    page = open_page(qtbot, make_document())
    document = page.document
    before = document.session.model_dump()
    EDITS[kind](qtbot, page)
    after = document.session.model_dump()
    assert after != before
    steps = document.undo_stack.index()
    for _ in range(steps):
        document.undo_stack.undo()
    assert document.session.model_dump() == before
    for _ in range(steps):
        document.undo_stack.redo()
    assert document.session.model_dump() == after
    # The board shows what the session holds, also after undo and redo.
    for key, col in page.board.columns.items():
        assert col.model.ids == [c.id for c in document.session.ambition.cards
                                 if c.cluster_id == key]


def _shown(page: AmbitionPage) -> tuple[object, ...]:
    """What the board, its voters' list and the ranked clusters show."""
    board = page.board
    combo = board.voter_combo
    top = page.top_clusters
    return ({card.id: board.face(card.id) for card in page.document.session.ambition.cards},
            {key: (col.model.ids, col.summary.text()) for key, col in board.columns.items()},
            [combo.itemText(row) for row in range(combo.count())], board.remaining.text(),
            [[top.topLevelItem(r).text(c) for c in range(4)]  # type: ignore[union-attr]
             for r in range(top.topLevelItemCount())])


def test_the_board_kept_in_place_shows_what_a_board_built_afresh_shows(
        qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    """The board keeps a card's face while the card is the same record and the names and
    dots are those it was made with, and the voters' list while nothing it shows changed:
    after every kind of edit, a rename, a change of voter, undo and redo, it shows what
    a page built afresh on the same session shows."""
    from workshop.domain.edits import preparation
    from workshop.ui.editing import try_edit

    page = open_page(qtbot, make_document())
    document = page.document
    assert page.board.voter_id is not None

    def rename(_qtbot: QtBot, _page: AmbitionPage) -> None:  # as the participants' table
        person = document.session.participants[0]
        assert try_edit(document, "Rename", preparation.set_participant_field, person.id,
                        "name", person.name + " Jr.")

    def arrives(_qtbot: QtBot, _page: AmbitionPage) -> None:  # a late participant arrives
        person = next(p for p in document.session.participants if not p.present)
        assert try_edit(document, "Present", preparation.set_participant_field, person.id,
                        "present", True)

    def next_voter(qtbot: QtBot, page: AmbitionPage) -> None:
        view = select(qtbot, page, "cl-thuis", "k-02")
        qtbot.keyClick(view, Qt.Key.Key_Down, CTRL)

    def same_as_afresh(name: str) -> None:
        fresh = AmbitionPage(document)
        fresh.refresh(frozenset())
        fresh.board.set_voter(page.board.voter_id)
        assert _shown(page) == _shown(fresh), name
        fresh.deleteLater()

    for name, act in [*EDITS.items(), ("rename", rename), ("arrives", arrives),
                      ("next voter", next_voter)]:
        act(qtbot, page)  # each from the demo's board, and back
        same_as_afresh(name)
        made = document.undo_stack.index()
        for _ in range(made):
            document.undo_stack.undo()
        same_as_afresh(f"{name}, undone")
        for _ in range(made):
            document.undo_stack.redo()
        same_as_afresh(f"{name}, redone")
        for _ in range(made):
            document.undo_stack.undo()


# --- size, language ------------------------------------------------------------------


def test_a_thousand_cards_change_one_row_an_edit(qtbot: QtBot,
                                                 make_document: Callable[..., Any]) -> None:
    """On the 1,000-card board an added or moved card inserts or removes its own row: no
    column is rebuilt, and a refresh with nothing new touches nothing (the time it takes
    is in ``tests/bench/run.py``)."""
    page = open_page(qtbot, make_document(large_session()))
    edits: list[frozenset[str]] = []
    page.document.sig_changed.connect(edits.append)
    board = page.board
    events: list[tuple[str, object]] = []

    def watch(key: object) -> None:
        model = board.columns[key].model
        model.modelReset.connect(lambda: events.append(("reset", key)))
        model.rowsInserted.connect(lambda *_a: events.append(("insert", key)))
        model.rowsRemoved.connect(lambda *_a: events.append(("remove", key)))

    for key in list(board.columns):
        watch(key)
    for i in range(20):
        type_card(qtbot, page, f"Kaart {i}")
        view = select(qtbot, page, "cl-01", board.columns["cl-01"].model.ids[0])
        qtbot.keyClick(view, Qt.Key.Key_Right, CTRL)
        before = len(events)
        page.refresh(frozenset({"ambition"}))
        assert len(events) == before  # nothing new: nothing touched
    assert len(edits) == 40
    assert [e for e in events if e[0] == "reset"] == []
    kinds = [kind for kind, _key in events]
    assert kinds.count("insert") == 40 and kinds.count("remove") == 20, kinds


def test_dutch_page_has_no_english_left(qtbot: QtBot,
                                        make_document: Callable[..., SessionDocument]) -> None:
    set_language("nl")
    page = open_page(qtbot, make_document())
    dutch = catalogue("nl")
    texts: list[str] = []
    for widget in page.findChildren(QWidget):
        if isinstance(widget, (QLabel, QPushButton)):
            texts.append(widget.text())
        texts += [widget.toolTip(), widget.accessibleName()]
        if hasattr(widget, "placeholderText"):
            texts.append(widget.placeholderText())
    texts += [page.tabs.tabText(i) for i in range(page.tabs.count())]
    english = [t for t in texts if t and t in dutch and dutch[t] != t]
    assert english == []
    assert "Niet geclusterd" in [w.text() for w in page.findChildren(QLabel)]


def test_on_a_narrow_screen_the_board_can_be_given_the_room(
        qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    """At 1024x768 in Dutch the statement and tabs go below the board. Their least
    height (the consent round's) held the board at ~220 px, too little to drag larger:
    now the board starts at half the page, the handle gives it more, and what no longer
    fits below scrolls; the statement and tabs keep the page's width."""
    from workshop.domain.model import Step
    from workshop.ui.main_window import MainWindow

    set_language("nl")
    try:
        window = MainWindow(make_document())
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        qtbot.waitExposed(window)
        window.go_to(Step.AMBITION)
        page = window.pages[Step.AMBITION]
        assert isinstance(page, AmbitionPage)
        qtbot.waitUntil(lambda: page.splitter.orientation() == Qt.Orientation.Vertical)
        board, side = page.splitter.sizes()
        assert board >= (board + side) * 0.45
        page.splitter.moveSplitter(int((board + side) * 0.8), 1)  # the handle, dragged
        assert page.splitter.sizes()[0] >= (board + side) * 0.75
        assert page.right_scroll.verticalScrollBar().maximum() > 0  # the rest scrolls
        assert page.right_scroll.widget().width() >= page.right_scroll.viewport().width()
    finally:
        set_language("en")
