"""A table model over one list of the session whose items have ids.

The model keeps its own list of the items it shows and, after every change, compares
ids with the session's list: the same ids repaint in place, added or removed ids
become row inserts or removals (so a view keeps its selection, current cell and scroll
position), anything else resets. Edits never go through the model's own state: they
are ``document.edit`` calls, and the page's ``refresh`` brings the model in step.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from workshop.domain.model import MAX_TEXT, Session
from workshop.i18n import tr

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""A string that sorts rows the way a reader expects (dates, enum order, folded text)."""
LAST = "\uffff"
"""Sort key of an empty value: after everything else when ascending."""
DISPLAY_LIMIT = 200
"""Cells show at most this many characters of a text (the tooltip shows more)."""

Index = QModelIndex | QPersistentModelIndex
EditFn = Callable[..., bool]
"""``page.try_edit(label, operation, *args)``."""


class HasId(Protocol):
    id: str


def fold(text: str) -> str:
    """A sort key for text: case and accents ignored ("Één" sorts with "een")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def one_line(text: str, limit: int = DISPLAY_LIMIT) -> str:
    """The text as a cell shows it: one line, cut with "…"."""
    flat = " ".join(text[: limit * 4].split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def text_edit(parent: QWidget | None = None, text: str = "", limit: int = MAX_TEXT
              ) -> QLineEdit:
    """A one-line text field holding what the file format holds (``MAX_NAME`` for a
    title); a longer paste is cut with a message (``workshop.ui.paste_limits``)."""
    edit = QLineEdit(parent)
    edit.setMaxLength(limit)
    edit.setText(text)
    return edit


def _values(item: Any) -> tuple[Any, ...]:
    """A shallow copy of an item's field values (fields are replaced, never mutated)."""
    return tuple(vars(item).values())


def _is_subsequence(small: Sequence[str], big: Sequence[str]) -> bool:
    it = iter(big)
    return all(x in it for x in small)


class SessionRowsModel(QAbstractTableModel):
    """Rows = the items of ``items(session)``; columns and cells from subclasses."""

    headers: Sequence[str] = ()
    """Message ids of the column titles."""

    def __init__(self, session: Callable[[], Session], edit: EditFn) -> None:
        super().__init__()
        self._session = session
        self._edit = edit
        self._rows: list[Any] = []
        self._ids: list[str] = []
        self._values: list[tuple[Any, ...]] = []
        """Each row's field values when last shown: what changed since is announced."""

    # --- to implement ---------------------------------------------------------------

    def items(self, session: Session) -> list[Any]:
        raise NotImplementedError

    def cell(self, item: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    # --- Qt ---------------------------------------------------------------------------

    def rowCount(self, parent: Index | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return tr(self.headers[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    # --- rows ---------------------------------------------------------------------

    def item(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, item_id: str) -> int:
        try:
            return self._ids.index(item_id)
        except ValueError:
            return -1

    def ids(self) -> list[str]:
        return list(self._ids)

    def sync(self, all_changed: bool = False) -> None:
        """Bring the rows in step with the session (see the module docstring).

        Only rows whose values changed are announced (``dataChanged``), so that the
        sorting and filtering proxy does not re-check every row after every keystroke;
        ``all_changed`` announces every row (when shown names or goals changed).
        """
        new = list(self.items(self._session()))
        new_ids = [x.id for x in new]
        if new_ids != self._ids:
            if _is_subsequence(self._ids, new_ids):
                self._insert(new, new_ids)
            elif _is_subsequence(new_ids, self._ids):
                self._remove(set(new_ids))
            else:
                self.beginResetModel()
                self._rows, self._ids = new, new_ids
                self._values = [_values(x) for x in new]
                self.endResetModel()
                self.rows_synced()
                return
        values = [_values(x) for x in new]
        changed = [i for i in range(len(new))
                   if all_changed or values[i] != self._values[i] or new[i] is not self._rows[i]]
        self._rows, self._values = new, values
        self.rows_synced()
        last = len(self.headers) - 1
        start = 0
        while start < len(changed):  # one signal per run of consecutive rows
            end = start
            while end + 1 < len(changed) and changed[end + 1] == changed[end] + 1:
                end += 1
            self.dataChanged.emit(self.index(changed[start], 0), self.index(changed[end], last))
            start = end + 1

    def rows_synced(self) -> None:
        """Hook: caches that depend on the rows are rebuilt here."""

    def _insert(self, new: list[Any], new_ids: list[str]) -> None:
        i = 0
        while i < len(new_ids):
            if i < len(self._ids) and self._ids[i] == new_ids[i]:
                i += 1
                continue
            j = i  # a run of new ids up to the next old one
            nxt = self._ids[i] if i < len(self._ids) else None
            while j < len(new_ids) and new_ids[j] != nxt:
                j += 1
            self.beginInsertRows(QModelIndex(), i, j - 1)
            self._rows[i:i] = new[i:j]
            self._ids[i:i] = new_ids[i:j]
            self._values[i:i] = [_values(x) for x in new[i:j]]
            self.endInsertRows()
            i = j

    def _remove(self, keep: set[str]) -> None:
        row = len(self._ids) - 1
        while row >= 0:
            if self._ids[row] in keep:
                row -= 1
                continue
            end = row
            while row >= 0 and self._ids[row] not in keep:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row + 1, end)
            del self._rows[row + 1: end + 1]
            del self._ids[row + 1: end + 1]
            del self._values[row + 1: end + 1]
            self.endRemoveRows()
