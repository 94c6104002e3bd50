"""``RowModel.set_rows`` tells the view only what changed (rows changed, one run of
rows added or taken away, else a reset); what the view holds is always the new rows.
Qt's own model tester watches every signal for inconsistencies."""

from __future__ import annotations

import random
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from workshop.ui.row_model import RowModel


@dataclass(frozen=True)
class Row:
    id: str
    text: str


class Model(RowModel):
    COLUMNS = ("number", "text")
    POSITIONAL = True

    @staticmethod
    def key_of(row: Row) -> str:
        return row.id

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        return str(index.row() + 1) if index.column() == 0 else row.text


def _shown(view: QTableView) -> list[tuple[str, str]]:
    model = view.model()
    return [(str(model.index(r, 0).data()), str(model.index(r, 1).data()))
            for r in range(model.rowCount())]


def test_random_changes_reach_the_view_with_the_fewest_signals(qtbot: QtBot) -> None:
    model = Model(["#", "Text"])
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    signals: list[str] = []
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), last.row())))
    model.modelReset.connect(lambda: signals.append("reset"))
    model.rowsInserted.connect(lambda *_: signals.append("inserted"))
    model.rowsRemoved.connect(lambda *_: signals.append("removed"))
    rng = random.Random(7)
    rows = [Row(f"r{i}", f"tekst {i}") for i in range(8)]
    model.set_rows(list(rows))
    made = 8
    for _ in range(400):
        kind = rng.choice(["insert", "remove", "change", "shuffle"])
        signals.clear()
        changed.clear()
        if kind == "insert":
            at, count = rng.randrange(len(rows) + 1), rng.randint(1, 3)
            rows[at:at] = [Row(f"r{made + k}", f"nieuw {made + k}") for k in range(count)]
            made += count
        elif kind == "remove" and rows:
            at, count = rng.randrange(len(rows)), rng.randint(1, 3)
            del rows[at:at + count]
        elif kind == "change" and rows:
            at = rng.randrange(len(rows))
            rows[at] = Row(rows[at].id, f"{rows[at].text}!")
        else:
            rng.shuffle(rows)
        model.set_rows(list(rows))
        assert _shown(view) == [(str(i + 1), r.text) for i, r in enumerate(rows)]
        if kind in ("insert", "remove"):
            assert "reset" not in signals, kind  # one run of rows: no reset
            moved = at + (count if kind == "insert" else 0)
            if signals and moved < len(rows):  # the rows below have new numbers
                assert any(first <= moved and last == len(rows) - 1
                           for first, last in changed), (kind, at, changed)
        if kind == "change":
            assert signals == []  # only dataChanged
