"""The views of the interests page: the participant x type matrix and the list of links.

Both are Qt item models over the session, so 40 participants with 360 interests are
painted, not built from thousands of widgets. ``update(session)`` compares what is
shown with the session and signals only the cells that changed; a reset happens only
when the rows themselves change (a participant added, a filter typed).
"""

from __future__ import annotations

import math
import re
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from workshop.domain.labels import label
from workshop.domain.model import InterestKind, Session
from workshop.domain.perspectives import perspective_label
from workshop.i18n import current_language, tr
from workshop.ui.text_widths import cached_metrics

KINDS: tuple[InterestKind, ...] = tuple(InterestKind)

PARTICIPANT_COLUMN = 0

ITEMS_ROLE = Qt.ItemDataRole.UserRole + 1

"""A cell's interests: a tuple of ``CellItem``."""

ID_ROLE = Qt.ItemDataRole.UserRole + 2

"""The participant's id (matrix) or the link's id (links)."""

SHOWN_CHARS = 400

"""Longer interests are cut in the matrix (the whole text stays in the list and file)."""

AnyIndex = QModelIndex | QPersistentModelIndex

ACCENT = "#1a5fb4"

SELECTED_TINT = "#d6e6fa"

SELECTED_TINT_INACTIVE = "#e6eaf0"

class CellItem(NamedTuple):
    id: str
    text: str
    private: bool

class Row(NamedTuple):
    id: str
    name: str
    organisation: str
    role: str

def muted(palette: QPalette) -> QColor:
    """The colour of secondary text (organisation, "not for print" items)."""
    return palette.color(QPalette.ColorRole.PlaceholderText)

_LOCKS: dict[tuple[int, int], QPixmap] = {}

"""Painted once per size and colour (and per link kind)."""

def lock_pixmap(size: int, color: QColor) -> QPixmap:
    """A padlock drawn by hand: no emoji font is needed, so it shows everywhere."""
    key = (size, color.rgba())
    if key not in _LOCKS:
        _LOCKS[key] = _draw_lock(size, color)
    return _LOCKS[key]

def _draw_lock(size: int, color: QColor) -> QPixmap:
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if \
        QGuiApplication.primaryScreen() else 1.0
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    pen = QPen(color, max(1.2, s / 9))
    painter.setPen(pen)
    shackle = QPainterPath()
    shackle.moveTo(QPointF(s * 0.3, s * 0.48))
    shackle.lineTo(QPointF(s * 0.3, s * 0.32))
    shackle.arcTo(QRectF(s * 0.3, s * 0.1, s * 0.4, s * 0.4), 180, -180)
    shackle.lineTo(QPointF(s * 0.7, s * 0.48))
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(QRectF(s * 0.18, s * 0.46, s * 0.64, s * 0.46), s * 0.08, s * 0.08)
    painter.end()
    return pixmap

def shown_text(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"

def hyphenable(text: str, font: QFont, width: int) -> str:
    """``text`` with soft hyphens in each word wider than ``width``: such a word breaks
    with a hyphen at the line's end ("Ouderenpsy-" / "chiatrie"), never silently."""
    metrics = cached_metrics(font)
    return "".join("\u00ad".join(part) if part.strip() and
                   metrics.horizontalAdvance(part) > width else part
                   for part in re.split(r"(\s+)", text))

def text_layout(text: str, font: QFont, width: int) -> tuple[QTextLayout, int]:
    """``text`` wrapped to ``width`` (at word boundaries, or with a hyphen in a long
    word), and its height."""
    layout = QTextLayout(hyphenable(text, font, width).replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout, math.ceil(y)

class InterestMatrixModel(QAbstractTableModel):
    """Rows: the participants that pass the filter; column 0 the participant, then a
    column per type of interest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._cells: dict[tuple[str, InterestKind], tuple[CellItem, ...]] = {}
        self._filter = ""
        self.current_item_id = ""
        """The interest under discussion (selected in the cell's list): drawn marked."""

    # reading
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 1 + len(KINDS)

    def row_of(self, participant_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == participant_id), -1)

    def participant(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def items(self, participant_id: str, kind: InterestKind) -> tuple[CellItem, ...]:
        return self._cells.get((participant_id, kind), ())

    def participant_ids(self) -> list[str]:
        return [r.id for r in self._rows]

    def kind_of(self, column: int) -> InterestKind:
        return KINDS[max(column - 1, 0)]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid() or index.column() == PARTICIPANT_COLUMN:
            return Qt.ItemFlag.NoItemFlags  # arrow keys skip it: it is a heading
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if index.column() == PARTICIPANT_COLUMN:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{row.name}\n{row.organisation}".strip()
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(t for t in (row.name, row.organisation, row.role) if t)
            return None
        items = self.items(row.id, self.kind_of(index.column()))
        if role == ITEMS_ROLE:
            return items
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join(tr("Not for print: {text}", text=i.text) if i.private else i.text
                             for i in items)
        if role == Qt.ItemDataRole.ToolTipRole and any(i.private for i in items):
            return tr("Items with a lock are not for print: never on the projector or in "
                      "a PDF.")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == PARTICIPANT_COLUMN:
            return tr("Participant")
        return label(self.kind_of(section), current_language())

    # writing
    def set_filter(self, text: str, session: Session) -> None:
        self._filter = text.strip().casefold()
        self.update(session)

    def set_current_item(self, item_id: str) -> None:
        """Mark ``item_id`` as under discussion; repaint the cells concerned."""
        if item_id == self.current_item_id:
            return
        ids = {item_id, self.current_item_id} - {""}
        self.current_item_id = item_id
        for (pid, kind), items in self._cells.items():
            if ids & {i.id for i in items}:
                row = self.row_of(pid)
                if row >= 0:
                    index = self.index(row, 1 + KINDS.index(kind))
                    # Only the background changes: no size role, so no row relayout.
                    self.dataChanged.emit(index, index, [Qt.ItemDataRole.BackgroundRole])

    def update(self, session: Session) -> None:
        """Show ``session``; signal only what changed."""
        words = self._filter
        rows = [Row(p.id, p.name, p.organisation, p.role) for p in session.participants
                if not words or words in " ".join(
                    (p.name, p.organisation, p.role,
                     perspective_label(p.perspective, current_language()))
                ).casefold()]
        cells: dict[tuple[str, InterestKind], list[CellItem]] = {}
        for item in session.interests.items:
            cells.setdefault((item.participant_id, item.kind), []).append(
                CellItem(item.id, item.text, item.private))
        new_cells = {key: tuple(value) for key, value in cells.items()}
        if [r.id for r in rows] != [r.id for r in self._rows]:
            self.beginResetModel()
            self._rows, self._cells = rows, new_cells
            self.endResetModel()
            return
        old_rows, old_cells = self._rows, self._cells
        self._rows, self._cells = rows, new_cells
        for r, row in enumerate(rows):
            if row != old_rows[r]:
                self.dataChanged.emit(self.index(r, 0), self.index(r, 0))
            for c, kind in enumerate(KINDS, start=1):
                key = (row.id, kind)
                if old_cells.get(key, ()) != new_cells.get(key, ()):
                    self.dataChanged.emit(self.index(r, c), self.index(r, c))

class MatrixDelegate(QStyledItemDelegate):
    """Paints a cell's interests as short paragraphs; "not for print" ones muted with a
    padlock."""

    PAD = 6
    GAP = 4
    MARK = 12
    _HEIGHTS_KEPT = 20_000
    _LAYOUTS_KEPT = 2_000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[tuple[str, str, int], int] = {}
        self._layouts: dict[tuple[str, str, int], tuple[QTextLayout, int]] = {}
        """The laid-out interests painted last (a layout is drawn again where asked):
        showing the step again paints every cell, each with its interests' text."""
        """Wrapped heights by (text, font, width): the rows are sized to their contents,
        and Qt measures every row again on each change; laying out the same texts anew
        each time would cost tens of milliseconds per keystroke with 40 participants."""

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        return max(option.rect.width() - 2 * self.PAD - self.MARK - 4, 20)

    def _height(self, text: str, font: QFont, width: int) -> int:
        key = (text, font.key(), width)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) >= self._HEIGHTS_KEPT:
                self._heights.clear()
            height = self._heights[key] = text_layout(text, font, width)[1]
        return height

    def _paragraphs(self, option: QStyleOptionViewItem, items: tuple[CellItem, ...]
                    ) -> list[tuple[QTextLayout, QRect]]:
        """Each interest laid out for the cell's width; long words break too."""
        left = option.rect.left() + self.PAD + self.MARK + 4
        width = self._text_width(option)
        top = option.rect.top() + self.PAD
        out = []
        for item in items:
            font = QFont(option.font)
            font.setItalic(item.private)
            text = shown_text(item.text)
            key = (text, font.key(), width)
            laid = self._layouts.get(key)
            if laid is None:
                if len(self._layouts) >= self._LAYOUTS_KEPT:
                    self._layouts.clear()
                laid = self._layouts[key] = text_layout(text, font, width)
            layout, height = laid
            rect = QRect(left, top, width, height)
            out.append((layout, rect))
            top = rect.bottom() + 1 + self.GAP
        return out

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        font = option.font
        metrics = QFontMetrics(font)
        if index.column() == PARTICIPANT_COLUMN:
            lines = 2 if index.data(Qt.ItemDataRole.DisplayRole).count("\n") else 1
            return QSize(160, 2 * self.PAD + lines * metrics.lineSpacing())
        items: tuple[CellItem, ...] = index.data(ITEMS_ROLE) or ()
        width = self._text_width(option)
        height = 0
        if items:
            italic = QFont(font)
            italic.setItalic(True)
            height = self.PAD + self.GAP * (len(items) - 1) + sum(
                self._height(shown_text(i.text), italic if i.private else font, width)
                for i in items)
        return QSize(120, max(height + self.PAD, 2 * self.PAD + metrics.lineSpacing()))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,  # noqa: C901
              index: AnyIndex) -> None:
        painter.save()
        palette = QPalette(option.palette)
        palette.setCurrentColorGroup(QPalette.ColorGroup.Active)  # the heading is disabled
        rect = option.rect
        state = option.state
        focused_view = bool(state & QStyle.StateFlag.State_Active) and \
            option.widget is not None and option.widget.hasFocus()
        if index.column() == PARTICIPANT_COLUMN:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
            text = index.data(Qt.ItemDataRole.DisplayRole) or ""
            name, _, organisation = text.partition("\n")
            bold = QFont(option.font)
            bold.setBold(True)
            inner = rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
            painter.setFont(bold)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            line = QFontMetrics(bold).lineSpacing()
            elide = Qt.TextElideMode.ElideRight
            painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             QFontMetrics(bold).elidedText(name, elide, inner.width()))
            if organisation:
                painter.setFont(option.font)
                painter.setPen(muted(palette))
                painter.drawText(
                    QRect(inner.left(), inner.top() + line, inner.width(), line),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    QFontMetrics(option.font).elidedText(organisation, elide, inner.width()))
            painter.restore()
            return
        selected = bool(state & QStyle.StateFlag.State_Selected)  # the style filled it
        items: tuple[CellItem, ...] = index.data(ITEMS_ROLE) or ()
        paragraphs = self._paragraphs(option, items)
        model = index.model()
        current = getattr(model, "current_item_id", "")
        text_colour = palette.color(QPalette.ColorRole.Text)
        for item, (layout, para) in zip(items, paragraphs, strict=True):
            if item.id == current:
                mark = QColor(ACCENT)
                mark.setAlpha(45)
                painter.fillRect(para.adjusted(-self.MARK - 6, -2, 2, 2), mark)
            font = QFont(option.font)
            font.setItalic(item.private)
            painter.setFont(font)
            colour = muted(palette) if item.private else text_colour
            painter.setPen(colour)
            mark_top = para.top() + (QFontMetrics(font).height() - self.MARK) // 2
            if item.private:
                painter.drawPixmap(para.left() - self.MARK - 4, mark_top,
                                   lock_pixmap(self.MARK, colour))
            else:
                painter.drawText(QRect(para.left() - self.MARK - 4, para.top(), self.MARK,
                                       QFontMetrics(font).height()),
                                 int(Qt.AlignmentFlag.AlignCenter), "•")
            layout.draw(painter, QPointF(para.topLeft()))
        if not items and selected and focused_view:
            painter.setPen(muted(palette))
            painter.drawText(rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD),
                             int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft),
                             tr("Type to add…"))
        if selected:
            pen = QPen(QColor(ACCENT), 2 if focused_view else 1)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()

class InterestMatrixView(QTableView):
    """Arrow keys move between cells; typing starts a new interest in the current cell."""

    sig_start_entry = Signal(str)
    """Typing began in a cell: the first characters (may be empty for Enter)."""
    sig_open_items = Signal()
    """F2: go to the current cell's interests to edit, remove, mark or link them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interestMatrix")
        self.setAccessibleName(tr("Interests per participant and type"))
        self.setItemDelegate(MatrixDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        # Rows fit their interests, but sized here rather than by the header's
        # ResizeToContents, which measures all 40 rows again on every change of one cell.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.resizeRowsToContents)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        # The style fills a selected cell with Highlight: make that a pale tint so the
        # text stays in its own colours (muted for "not for print").
        palette = self.palette()
        for group, tint in ((QPalette.ColorGroup.Active, SELECTED_TINT),
                            (QPalette.ColorGroup.Inactive, SELECTED_TINT_INACTIVE)):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(tint))
            palette.setColor(group, QPalette.ColorRole.HighlightedText,
                             palette.color(group, QPalette.ColorRole.Text))
        self.setPalette(palette)

    def setModel(self, model: Any) -> None:  # noqa: N802
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(PARTICIPANT_COLUMN, QHeaderView.ResizeMode.Interactive)
        for column in range(1, 1 + len(KINDS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(PARTICIPANT_COLUMN, 200)
        header.sectionResized.connect(self._fit_timer.start)  # widths change the wrapping
        model.modelReset.connect(self.resizeRowsToContents)
        model.dataChanged.connect(self._on_cells_changed)
        self.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        # Narrow (1024x768): the names give way, so the three kinds keep readable columns.
        room = self.viewport().width()
        width = max(120, min(200, room // 4))
        header = self.horizontalHeader()
        if header.count() > len(KINDS):  # the kinds' headings whole first (down to 100 px)
            heading = max(header.sectionSizeHint(c) for c in range(1, 1 + len(KINDS)))
            width = max(100, min(width, room - len(KINDS) * heading))
        if self.horizontalHeader().sectionSize(PARTICIPANT_COLUMN) != width:
            self.horizontalHeader().resizeSection(PARTICIPANT_COLUMN, width)
        super().resizeEvent(event)

    def _on_cells_changed(self, first: QModelIndex, last: QModelIndex,
                          roles: list[int]) -> None:
        if roles and all(int(role) == int(Qt.ItemDataRole.BackgroundRole) for role in roles):
            return  # only the marker of the interest under discussion: no size change
        for row in range(first.row(), last.row() + 1):
            self.resizeRowToContents(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods:
            self.sig_start_entry.emit("")
            return
        if key == Qt.Key.Key_F2:
            self.sig_open_items.emit()
            return
        text = event.text()
        plain = not mods & (Qt.KeyboardModifier.ControlModifier
                            | Qt.KeyboardModifier.AltModifier
                            | Qt.KeyboardModifier.MetaModifier)
        if plain and text and text.isprintable() and key != Qt.Key.Key_Space or \
                plain and key == Qt.Key.Key_Space and self.currentIndex().isValid():
            self.sig_start_entry.emit(text)
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() == PARTICIPANT_COLUMN:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.setCurrentIndex(index.siblingAtColumn(1))
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseDoubleClickEvent(event)
        if self.indexAt(event.position().toPoint()).isValid():
            self.sig_start_entry.emit("")
