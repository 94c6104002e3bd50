"""A read-only table model over a list of frozen rows, changed by replacing the list.

``set_rows`` tells the view only what changed: when the rows are the same items in the
same order (by ``key_of``), just the rows that differ are repainted and re-measured;
when one run of rows was added or taken away, only those rows come or go; otherwise
the model resets. Subclasses give ``COLUMNS``, ``key_of`` and ``data``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class RowModel(QAbstractTableModel):
    COLUMNS: ClassVar[tuple[str, ...]]

    def __init__(self, headers: Sequence[str]) -> None:
        super().__init__()
        self.rows: list[Any] = []
        self._headers = tuple(headers)

    @staticmethod
    def key_of(row: Any) -> str:
        """What the row is about (an item's id): the same key, the same row."""
        raise NotImplementedError

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: N802, B008
                 ) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: N802, B008
                    ) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    POSITIONAL: ClassVar[bool] = False
    """The first column shows each row's place (1, 2, 3...): after rows come or go,
    the rows below them are announced changed in that column."""

    def set_rows(self, rows: list[Any]) -> None:
        old_keys = [self.key_of(r) for r in self.rows]
        new_keys = [self.key_of(r) for r in rows]
        if new_keys == old_keys:
            self._announce(self.rows, rows, range(len(rows)))
            self.rows = rows
            return
        # One run of rows added or taken away, the others in their order (an item added
        # or removed): only those rows come or go, instead of the whole table again.
        old, shortest = self.rows, min(len(old_keys), len(new_keys))
        head = 0
        while head < shortest and old_keys[head] == new_keys[head]:
            head += 1
        tail = 0
        while tail < shortest - head and old_keys[-1 - tail] == new_keys[-1 - tail]:
            tail += 1
        grown = len(new_keys) - len(old_keys)
        if head + tail != shortest:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        if grown > 0:
            self.beginInsertRows(QModelIndex(), head, head + grown - 1)
            self.rows = rows
            self.endInsertRows()
        else:
            self.beginRemoveRows(QModelIndex(), head, head - grown - 1)
            self.rows = rows
            self.endRemoveRows()
        # the rows kept: changed in themselves? (new place i, old place i - grown below)
        added = max(grown, 0)
        before = [old[i] if i < head else old[i - grown] if i >= head + added else None
                  for i in range(len(rows))]
        self._announce(before, rows, (i for i in range(len(rows))
                                      if i < head or i >= head + added))
        if self.POSITIONAL and head + added < len(rows):
            self.dataChanged.emit(self.index(head + added, 0),
                                  self.index(len(rows) - 1, 0))

    def _announce(self, before: list[Any], after: list[Any], places: Iterable[int]) -> None:
        changed = [i for i in places if before[i] != after[i]]
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0),
                                  self.index(max(changed), len(self.COLUMNS) - 1))
