"""No frame of the board shows two cards on top of each other (issue 11.12).

Cards are typed in as a facilitator does, and every frame the column paints is looked
at: the rect each card is painted in, and the height its text needs. The overlap came
when a column grew a scroll bar: the narrower column wrapped the texts onto more lines,
so the cards grew, but the list kept the places it had worked out for the shorter cards
until the next card was added.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QLineEdit, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from tests.ui.pages.test_page_ambition import open_page, small_session, type_card
from workshop.ui.document import SessionDocument
from workshop.ui.pages.ambition.cards import CardDelegate, CardListView

Frame = list[tuple[int, QRect, int]]
"""What one paint of a column drew: (row, rect painted in, height the card needs)."""

TEXTS = [
    "Samen zorgen dat ouderen langer thuis kunnen blijven wonen",
    "Een loket",
    "Wachtlijsten in de ggz delen we en we lossen ze samen op, wijk voor wijk",
    "Huisartsen ontlasten door de wijkverpleging eerder in te zetten bij kwetsbare ouderen",
    "Preventie",
    "Gegevens delen zonder gedoe, met toestemming van de client",
    "Mantelzorgers krijgen respijtzorg in hun eigen dorp",
    "Personeel: samen opleiden en elkaars mensen lenen",
]


class FrameRecorder(CardDelegate):
    """The board's own card painting, with a note of where each card went."""

    def __init__(self, view: CardListView, frames: list[Frame]) -> None:
        super().__init__(view)
        self.frames = frames

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        need = self.sizeHint(option, index).height()
        self.frames[-1].append((index.row(), QRect(option.rect), need))
        super().paint(painter, option, index)


class FrameStarts(QObject):
    def __init__(self, frames: list[Frame]) -> None:
        super().__init__()
        self.frames = frames

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.frames.append([])
        return False


def faults(frames: list[Frame]) -> list[str]:
    found = []
    for number, frame in enumerate(frames):
        rects = sorted({row: (rect, need) for row, rect, need in frame}.items())
        for row, (rect, need) in rects:
            if need > rect.height():
                found.append(f"frame {number}: card {row} needs {need} px, drawn in "
                             f"{rect.height()}")
        for (a, (ra, _)), (b, (rb, _)) in zip(rects, rects[1:], strict=False):
            if ra.intersects(rb):
                found.append(f"frame {number}: cards {a} and {b} overlap: "
                             f"{ra.getRect()} and {rb.getRect()}")
    return found


def test_typed_cards_never_overlap_when_the_column_starts_to_scroll(
        qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    page = open_page(qtbot, make_document(small_session()))
    page.host.resize(1366, 768)  # type: ignore[attr-defined]
    view = page.board.columns[None].view
    frames: list[Frame] = [[]]
    view.setItemDelegate(FrameRecorder(view, frames))
    starts = FrameStarts(frames)
    view.viewport().installEventFilter(starts)
    scrolled_at = None
    for number in range(40):
        type_card(qtbot, page, TEXTS[number % len(TEXTS)])
        qtbot.wait(20)  # let every frame of this card be painted
        if scrolled_at is None and view.verticalScrollBar().isVisible():
            scrolled_at = number
        if scrolled_at is not None and number > scrolled_at + 3:
            break
    assert scrolled_at is not None, "the column never needed to scroll"
    painted = [f for f in frames if f]
    assert len(painted) > 10
    assert faults(frames) == []


def test_a_card_edited_longer_never_covers_the_next_one(
        qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    page = open_page(qtbot, make_document(small_session()))
    for text in TEXTS[:5]:
        type_card(qtbot, page, text)
    view = page.board.columns[None].view
    frames: list[Frame] = [[]]
    view.setItemDelegate(FrameRecorder(view, frames))
    starts = FrameStarts(frames)
    view.viewport().installEventFilter(starts)
    for row, words in ((1, 12), (2, 30), (1, 0)):
        rect = view.visualRect(view.model().index(row, 0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.keyClick(view, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        qtbot.keyClicks(editor, " ".join(["samen"] * words) or "Kort")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.wait(30)
    assert [f for f in frames if f]
    assert faults(frames) == []


def test_columns_out_of_sight_are_laid_out_a_turn_later_and_never_overlap(
        qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    """The large board's first visit lays out only the columns in sight at once; the
    others follow in the next turn of the event loop. Walked to with the keys, the last
    column shows every card where its text fits, none over another."""
    from samples import large_session

    page = open_page(qtbot, make_document(large_session()))
    board = page.board
    columns = [board.columns[key] for key in board._order]
    assert len(columns) > 10
    out_of_sight = [c for c in columns if not board.in_sight(c.view)]
    assert out_of_sight, "every column fits: nothing was left for later"
    qtbot.wait(50)  # the next turns
    last = columns[-1].view
    frames: list[Frame] = [[]]
    last.setItemDelegate(FrameRecorder(last, frames))
    last.viewport().installEventFilter(FrameStarts(frames))
    board.focus_column(columns[0].key)
    for _ in columns[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    qtbot.waitUntil(last.hasFocus)
    qtbot.waitUntil(lambda: board.in_sight(last))
    qtbot.wait(50)
    model = last.model()
    assert model.rowCount() > 0
    rects = [last.visualRect(model.index(row, 0)) for row in range(model.rowCount())]
    assert all(r.height() > 0 for r in rects)
    assert all(a.bottom() < b.top() for a, b in zip(rects, rects[1:], strict=False))
    assert [f for f in frames if f], "the column was never painted"
    assert faults(frames) == []
