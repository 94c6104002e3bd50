"""The model of an interest's links, drawn with the kind's colour and the lock of private ones."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QWidget,
)

from workshop.domain.labels import label
from workshop.domain.model import InterestItem, LinkKind, Session
from workshop.i18n import current_language, tr
from workshop.ui.pages.interests.matrix import _LOCKS, ID_ROLE, lock_pixmap

if TYPE_CHECKING:
    from workshop.ui.pages.interests.matrix import AnyIndex



class LinkRow(NamedTuple):
    id: str
    kind: LinkKind
    a: str
    b: str
    note: str
    private: bool
    """One of the two interests is not for print."""
    item_ids: tuple[str, str]

LINK_COLOURS = {LinkKind.OVERLAP: QColor("#1b7a3a"), LinkKind.TENSION: QColor("#b3261e")}

LINK_SHOWN_CHARS = 90

def _kind_dot(kind: LinkKind, private: bool) -> QPixmap:
    """A coloured dot per kind (green overlap, red tension), with a padlock when one of
    the two interests is not for print."""
    key = (hash(kind.value) & 0xFFFF, int(private))
    if key not in _LOCKS:
        pixmap = QPixmap(30, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LINK_COLOURS[kind])
        painter.drawEllipse(QRectF(1, 2, 10, 10))
        if private:
            painter.drawPixmap(15, 0, lock_pixmap(14, QColor("#777777")))
        painter.end()
        _LOCKS[key] = pixmap
    return _LOCKS[key]

def _end_text(names: dict[str, str], items: dict[str, InterestItem], item_id: str
              ) -> tuple[str, bool]:
    item = items.get(item_id)
    if item is None:
        return item_id, False
    text = item.text if len(item.text) <= LINK_SHOWN_CHARS \
        else item.text[:LINK_SHOWN_CHARS] + "…"
    name = names.get(item.participant_id, "?")
    if item.private:
        return tr("{name}: {text} (not for print)", name=name, text=text), True
    return tr("{name}: {text}", name=name, text=text), False

class LinksModel(QAbstractListModel):
    """The overlaps and tensions, one per row; the note is edited in place (F2)."""

    sig_note_edited = Signal(str, str)
    """A note was typed: the link's id and the new note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LinkRow] = []
        self.current_item_id = ""
        """Links of this interest are shown bold."""

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def link_id(self, row: int) -> str:
        return self._rows[row].id if 0 <= row < len(self._rows) else ""

    def row_of(self, link_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == link_id), -1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            text = tr("{kind}: {a} ↔ {b}", kind=label(row.kind, current_language()), a=row.a,
                      b=row.b)
            return f"{text}\n{tr('Note: {note}', note=row.note)}" if row.note else text
        if role == Qt.ItemDataRole.EditRole:
            return row.note
        if role == Qt.ItemDataRole.DecorationRole:
            return _kind_dot(row.kind, row.private)
        if role == Qt.ItemDataRole.FontRole and self.current_item_id in row.item_ids:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: AnyIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self._rows[index.row()]
        if str(value) != row.note:
            self.sig_note_edited.emit(row.id, str(value))
        return True

    def set_current_item(self, item_id: str) -> None:
        if item_id == self.current_item_id:
            return
        ids = {item_id, self.current_item_id} - {""}
        self.current_item_id = item_id
        for r, row in enumerate(self._rows):
            if ids & set(row.item_ids):
                self.dataChanged.emit(self.index(r), self.index(r))

    def update(self, session: Session, participant_ids: set[str] | None) -> None:
        """Show the links; only those touching ``participant_ids`` when given."""
        items = {i.id: i for i in session.interests.items}
        names = {p.id: p.name for p in session.participants}
        rows = []
        for link in session.interests.links:
            if participant_ids is not None and not any(
                    end in items and items[end].participant_id in participant_ids
                    for end in (link.a_id, link.b_id)):
                continue
            a, a_private = _end_text(names, items, link.a_id)
            b, b_private = _end_text(names, items, link.b_id)
            rows.append(LinkRow(link.id, link.kind, a, b, link.note, a_private or b_private,
                                (link.a_id, link.b_id)))
        if [r.id for r in rows] != [r.id for r in self._rows]:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        old, self._rows = self._rows, rows
        for r, (before, after) in enumerate(zip(old, rows, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(r), self.index(r))
