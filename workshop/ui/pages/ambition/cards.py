"""Cards of one board column: a list model, a delegate that paints them as cards, a view.

One ``CardListView`` per column with a small model of card ids keeps a board of 1,000
cards fluid: a change inserts, removes or repaints rows instead of rebuilding widgets.
The card's words, author and dots live in one ``CardFace`` table owned by the board, so
every column reads the same, freshly computed values.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QEvent,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from workshop.i18n import tr
from workshop.ui.text_widths import cached_metrics

if TYPE_CHECKING:
    from workshop.ui.pages.ambition.board import AmbitionBoard

CARD_MIME = "application/x-workshop-card-ids"
"""Drag payload: a JSON list of card ids."""

ID_ROLE = Qt.ItemDataRole.UserRole
FACE_ROLE = Qt.ItemDataRole.UserRole + 1

PAD = 8
MAX_LINES = 6
MAX_CHARS = 600  # of hostile text, only what fits on a card is laid out
TOOLTIP_CHARS = 1000

CARD_BG = QColor("#fff3b0")
CARD_BG_SELECTED = QColor("#ffe27a")
CARD_BORDER = QColor("#d8c26a")
CARD_TEXT = QColor("#1f1f1f")
CARD_MUTED = QColor("#5b5b5b")
DOT_OTHERS = QColor("#c62828")
DOT_VOTER = QColor("#1565c0")
MAX_DOTS_DRAWN = 6


MAX_CARD_PIXMAPS = 320
"""Cards kept drawn, for all the board's columns (about 60 kB each: some 20 MB at most),
more than the board shows at once on a large screen."""


class CardFace(NamedTuple):
    """What a card shows: its text, its author's name, its dots (all, and the voter's).

    A named tuple: the board makes one for each of a thousand cards and compares it with
    the one before on every edit (made and compared in C, twice as fast as a frozen
    dataclass's)."""

    text: str
    author: str
    dots: int
    voter_dots: int

    def accessible(self) -> str:
        return tr("{text}. By {author}. {dots} dots, {mine} of them from the voter.",
                  text=self.text[:TOOLTIP_CHARS], author=self.author, dots=self.dots,
                  mine=self.voter_dots)


def encode_ids(ids: list[str]) -> QMimeData:
    data = QMimeData()
    data.setData(CARD_MIME, QByteArray(json.dumps(ids).encode("utf-8")))
    return data


def decode_ids(data: QMimeData | None) -> list[str]:
    """The card ids of a drag, or [] for anything that is not ours (or is malformed)."""
    if data is None or not data.hasFormat(CARD_MIME):
        return []
    try:
        ids = json.loads(bytes(data.data(CARD_MIME).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(ids, list):
        return []
    return [i for i in ids if isinstance(i, str)]


class CardColumnModel(QAbstractListModel):
    """The ids of the cards of one column, in board order."""

    def __init__(self, faces: Callable[[str], CardFace | None],
                 set_text: Callable[[str, str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._faces = faces
        self._set_text = set_text
        self.ids: list[str] = []
        self._rows: dict[str, int] = {}

    # --- Qt's model interface -----------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008, N802
                 ) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        card_id = self.ids[index.row()]
        if role == ID_ROLE:
            return card_id
        face = self._faces(card_id)
        if face is None:
            return None
        if role == FACE_ROLE:
            return face
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return face.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("{text}\n— {author} · {dots} dots", text=face.text[:TOOLTIP_CHARS],
                      author=face.author, dots=face.dots)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return face.accessible()
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self._set_text(self.ids[index.row()], str(value))

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [CARD_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_ids([self.ids[r] for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    # --- keeping in step with the session -----------------------------------------

    def row_of(self, card_id: str) -> int:
        return self._rows.get(card_id, -1)

    def set_ids(self, ids: list[str]) -> bool:
        """Show ``ids``; False when the change needed a reset (selection is then lost)."""
        old = self.ids
        if ids == old:
            return True
        n, m = len(old), len(ids)
        first = next((i for i in range(min(n, m)) if old[i] != ids[i]), min(n, m))
        if m == n + 1 and old[first:] == ids[first + 1:]:
            self.beginInsertRows(QModelIndex(), first, first)
            self._set(ids)
            self.endInsertRows()
            return True
        if m == n - 1 and old[first + 1:] == ids[first:]:
            self.beginRemoveRows(QModelIndex(), first, first)
            self._set(ids)
            self.endRemoveRows()
            return True
        self.beginResetModel()
        self._set(ids)
        self.endResetModel()
        return False

    def _set(self, ids: list[str]) -> None:
        self.ids = list(ids)
        self._rows = {card_id: row for row, card_id in enumerate(self.ids)}

    def changed(self, card_id: str) -> None:
        row = self.row_of(card_id)
        if row >= 0:
            index = self.index(row)
            self.dataChanged.emit(index, index)


class CardDelegate(QStyledItemDelegate):
    """Paints a card: wrapped text (at most six lines), the author, the dots."""

    def __init__(self, parent: QListView) -> None:
        super().__init__(parent)
        self._view = parent
        self._wrapped: dict[tuple[str, int, str], list[str]] = {}
        self._heights: dict[tuple[str, int, str], int] = {}
        self._width_for = -1
        self._width = 40

    def _text_width(self) -> int:
        """The width the text wraps to, as if the column's scroll bar were always shown.

        When a column grows a scroll bar its viewport narrows, but the list keeps the
        places it worked out for the cards (Qt lays out again for a change of height
        only): texts wrapped to the narrower width would grow their cards over the
        next ones until some later change. Wrapping to the width left beside a scroll
        bar keeps every card's height whether the column scrolls or not.
        """
        view = self._view
        width = view.width()
        if width != self._width_for:  # asked for every card measured or painted
            self._width_for = width
            bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
            self._width = max(40, width - 2 * view.frameWidth() - bar - 2 * PAD - 4)
        return self._width

    def _lines(self, text: str, font: QFont, width: int) -> list[str]:
        key = (text, width, font.key())
        lines = self._wrapped.get(key)
        if lines is None:
            metrics = cached_metrics(font)  # word widths kept: the same numbers, once
            lines = wrap_text(text, metrics, width, MAX_LINES)  # type: ignore[arg-type]
            if len(self._wrapped) > 4000:
                self._wrapped.clear()
            self._wrapped[key] = lines
        return lines

    def _footer_height(self, font: QFont) -> int:
        return QFontMetrics(_small(font)).height()

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        face = index.data(FACE_ROLE)
        width = self._view.viewport().width()
        if not isinstance(face, CardFace):
            return QSize(width, 2 * PAD)
        return QSize(width, self._height(face.text, option.font))

    def _height(self, text: str, font: QFont) -> int:
        """A card's height, measured once per text, width and font: a column of hundreds
        of cards is laid out again after every added card, mostly with the same ones."""
        key = (text, self._text_width(), font.key())
        height = self._heights.get(key)
        if height is None:
            lines = self._lines(text, font, key[1])
            text_height = len(lines) * QFontMetrics(font).lineSpacing()
            height = PAD + text_height + 4 + self._footer_height(font) + PAD
            if len(self._heights) > 4000:
                self._heights.clear()
            self._heights[key] = height
        return height

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """The card from its picture, drawn once for what it shows (``_card_pixmap``):
        showing the board again or repainting a column after an added card drew every
        card in sight anew, text line by text line (about a third of a step switch to
        the board)."""
        face = index.data(FACE_ROLE)
        if not isinstance(face, CardFace):
            return
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        size = option.rect.size()
        ratio = painter.device().devicePixelRatioF()
        key = (face, selected, focused, size.width(), size.height(), self._text_width(),
               option.font.key(), option.palette.highlight().color().rgba(), ratio)
        pixmap = _CARD_PIXMAPS.get(key)
        if pixmap is None:
            pixmap = QPixmap(size * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            on_card = QPainter(pixmap)
            self._draw_card(on_card, QRect(QPoint(0, 0), size), face, option, selected,
                            focused)
            on_card.end()
            if len(_CARD_PIXMAPS) >= MAX_CARD_PIXMAPS:  # the oldest quarter goes
                for old in list(_CARD_PIXMAPS)[:MAX_CARD_PIXMAPS // 4]:
                    del _CARD_PIXMAPS[old]
            _CARD_PIXMAPS[key] = pixmap
        painter.drawPixmap(option.rect.topLeft(), pixmap)

    def _draw_card(self, painter: QPainter, bounds: QRect, face: CardFace,
                   option: QStyleOptionViewItem, selected: bool, focused: bool) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(bounds).adjusted(1, 1, -1, -1)
        painter.setBrush(CARD_BG_SELECTED if selected else CARD_BG)
        if selected or focused:
            painter.setPen(QPen(option.palette.highlight().color(), 2.5 if selected else 1.5))
        else:
            painter.setPen(QPen(CARD_BORDER, 1))
        painter.drawRoundedRect(rect, 4, 4)
        lines = self._lines(face.text, option.font, self._text_width())
        line_height = QFontMetrics(option.font).lineSpacing()
        text_height = len(lines) * line_height
        painter.setPen(CARD_TEXT)
        painter.setFont(option.font)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                    | Qt.TextFlag.TextSingleLine)
        for number, line in enumerate(lines):
            painter.drawText(QRect(int(rect.left() + PAD), int(rect.top() + PAD)
                                   + number * line_height, self._text_width() + 2,
                                   line_height), flags, line)
        small = _small(option.font)
        painter.setFont(small)
        metrics = QFontMetrics(small)
        top = int(rect.top() + PAD + text_height + 4)
        footer = QRect(int(rect.left() + PAD), top, int(rect.width() - 2 * PAD),
                       metrics.height())
        dots_width = self._paint_dots(painter, footer, face, metrics)
        painter.setPen(CARD_MUTED)
        author = metrics.elidedText(face.author, Qt.TextElideMode.ElideRight,
                                    max(0, footer.width() - dots_width - 6))
        painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                                     | Qt.TextFlag.TextSingleLine), author)

    def _paint_dots(self, painter: QPainter, footer: QRect, face: CardFace,
                    metrics: QFontMetrics) -> int:
        """The voter's dots in blue, everyone else's in red, then the total; the width used."""
        if face.dots == 0:
            return 0
        number = str(face.dots)
        number_width = metrics.horizontalAdvance(number)
        size = max(6, metrics.height() - 6)
        drawn = min(face.dots, MAX_DOTS_DRAWN)
        width = drawn * (size + 2) + 4 + number_width
        x = footer.right() - width
        y = footer.center().y() - size / 2
        painter.setPen(Qt.PenStyle.NoPen)
        for i in range(drawn):
            painter.setBrush(DOT_VOTER if i < face.voter_dots else DOT_OTHERS)
            painter.drawEllipse(QRectF(x + i * (size + 2), y, size, size))
        painter.setPen(CARD_TEXT)
        painter.drawText(QRect(footer.right() - number_width, footer.top(), number_width,
                               footer.height()),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         number)
        return width

    # --- editing a card's text in place ------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAccessibleName(tr("Card text"))
        return editor

    def setEditorData(self, editor: QWidget,  # noqa: N802
                      index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            face = index.data(FACE_ROLE)
            editor.setText(face.text if isinstance(face, CardFace) else "")
            editor.selectAll()

    def updateEditorGeometry(self, editor: QWidget,  # noqa: N802
                             option: QStyleOptionViewItem,
                             index: QModelIndex | QPersistentModelIndex) -> None:
        rect = option.rect
        editor.setGeometry(rect.left() + 2, rect.top() + 2, rect.width() - 4,
                           max(editor.sizeHint().height(), 28))


_CARD_PIXMAPS: dict[tuple[object, ...], QPixmap] = {}
"""A card's picture by everything it shows (``CardDelegate.paint``)."""


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
    return small


def wrap_text(text: str, metrics: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """Break ``text`` into lines of ``width``; a text that needs more lines ends in "…".

    Words too long for a line are broken anywhere, so hostile text cannot widen a card.
    Font metrics rather than ``QTextLayout`` (whose 6.12 binding mis-counts references).
    """
    words = text[:MAX_CHARS].split()
    cut = len(text) > MAX_CHARS
    lines: list[str] = []
    line = ""
    space = metrics.horizontalAdvance(" ")
    line_width = 0
    i = 0
    while i < len(words) and len(lines) < max_lines:
        word = words[i]
        w = metrics.horizontalAdvance(word)
        if not line and w > width:
            lo, hi = 1, len(word)
            while lo < hi:  # the longest head that fits (at least one character)
                mid = (lo + hi + 1) // 2
                if metrics.horizontalAdvance(word[:mid]) <= width:
                    lo = mid
                else:
                    hi = mid - 1
            lines.append(word[:lo])
            words[i] = word[lo:]
            continue
        if not line:
            line, line_width = word, w
        elif line_width + space + w <= width:
            line += " " + word
            line_width += space + w
        else:
            lines.append(line)
            line, line_width = "", 0
            continue
        i += 1
    if line and len(lines) < max_lines:
        lines.append(line)
        line = ""
    if i < len(words) or line or cut:
        last = (lines[-1] if lines else "") + "…"
        while last != "…" and metrics.horizontalAdvance(last) > width:
            last = last[:-2] + "…"
        lines[-1:] = [last]
    return lines or [""]


LAYOUT_BATCH = 100
"""Cards a column lays out in one go; the next ones in the next turn of the event loop."""


def lay_out_in_batches(view: QListView) -> None:
    """A column of hundreds of cards lays itself out again after every inserted card (a
    QListView measures every item then); in batches, the window (and the projector)
    keep reacting meanwhile, e.g. while forty phones add cards."""
    view.setLayoutMode(QListView.LayoutMode.Batched)
    view.setBatchSize(LAYOUT_BATCH)


class CardListView(QListView):
    """The cards of one column; its keys and drops are the board's to handle."""

    _layout_deferred = False
    """Out of the board's sight when last resized: laid out next turn, not when shown."""

    def __init__(self, board: AmbitionBoard, cluster_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board = board
        self.cluster_id = cluster_id
        self._delegate = CardDelegate(self)
        self._wrap_width = self._delegate._text_width()
        self.setItemDelegate(self._delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Fixed: Qt would lay every card out again after any change of the column's
        # height (the step bar above differs per step, so on every visit of the step);
        # a change of width lays them out below (``resizeEvent``), a height never needs to
        self.setResizeMode(QListView.ResizeMode.Fixed)
        self.setUniformItemSizes(False)
        lay_out_in_batches(self)
        self.setSpacing(3)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setTabKeyNavigation(False)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)
        board.add_key_actions(self)  # its keys: the command registry's

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        width = self._delegate._text_width()
        if width != self._wrap_width:
            # The cards wrap to the column's width: place them anew before any paint
            # (Qt keeps their old places after a change of width).
            # A column out of the board's sight (a large board's first visit shows a
            # few of its 26 columns) is laid out in the next turn of the event loop, so
            # the page shows first (its cards are measured in Qt's delayed layout).
            self._wrap_width = width
            self.scheduleDelayedItemsLayout()
            self._layout_deferred = not self.board.in_sight(self)
            if not self._layout_deferred:
                self.executeDelayedItemsLayout()

    def event(self, event: QEvent) -> bool:
        if self._layout_deferred and event.type() == QEvent.Type.Show:
            # Qt lays a list out when it is shown (its resize comes first, above): a
            # column out of sight keeps its layout for the delayed one, next turn.
            self._layout_deferred = False
            return QAbstractScrollArea.event(self, event)
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.board.column_focused(self)
        if not self.currentIndex().isValid() and self.model() and self.model().rowCount():
            self.setCurrentIndex(self.model().index(0, 0))

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,  # noqa: N802
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        super().currentChanged(current, previous)
        if current.isValid() and self.hasFocus():
            self.board.card_current(str(current.data(ID_ROLE)))

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.selectionModel().selectedIndexes())
        model = self.model()
        ids = [str(model.index(r, 0).data(ID_ROLE)) for r in rows]
        if not ids and self.currentIndex().isValid():
            ids = [str(self.currentIndex().data(ID_ROLE))]
        return ids

    # Drops: ours to handle, never Qt's internal move (the session decides the order).
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        self.board.accept_card_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        self.board.accept_card_drag(event)
        self.board.autoscroll(self.mapTo(self.board, event.position().toPoint()))

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self.board.drop_cards(event, self.cluster_id)
