"""A read-only table model over a list of frozen rows, changed by replacing the list.

``set_rows`` tells the view only what changed: when the rows are the same items in the
same order (by ``key_of``), just the rows that differ are repainted and re-measured;
otherwise the model resets. Subclasses give ``COLUMNS``, ``key_of`` and ``data``.
"""

from __future__ import annotations

from collections.abc import Sequence
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

    def set_rows(self, rows: list[Any]) -> None:
        if [self.key_of(r) for r in rows] == [self.key_of(r) for r in self.rows]:
            changed = [i for i, (a, b) in enumerate(zip(self.rows, rows, strict=True)) if a != b]
            self.rows = rows
            if changed:
                self.dataChanged.emit(self.index(min(changed), 0),
                                      self.index(max(changed), len(self.COLUMNS) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()
