"""The table model of principles or rules: text, source, consent state."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from workshop.domain.consent import (
    outcome_of,
)
from workshop.domain.model import (
    ConsentRecord,
    Decision,
    Outcome,
)
from workshop.i18n import tr
from workshop.ui.consent.model import OUTCOME_COLOURS, enum_label
from workshop.ui.pages.library import SOURCE_ROLE
from workshop.ui.row_model import RowModel

SHOWN_CHARS = 600

def _one_line(text: str, limit: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"

@dataclass(frozen=True)
class _ItemRow:
    id: str
    text: str
    source: str
    outcome: Outcome
    state: str

def state_text(records: list[ConsentRecord], present: set[str]) -> tuple[Outcome, str]:
    """The outcome of an item's round and how it reads in the list."""
    outcome = outcome_of(records, present)
    if outcome is Outcome.IN_PROGRESS:
        done = len({r.participant_id for r in records} & present)
        return outcome, tr("{outcome}: {done} of {total}", outcome=enum_label(outcome), done=done,
                           total=len(present))
    concerns = sum(1 for r in records if r.decision is Decision.CONCERN)
    if outcome is Outcome.AGREED and concerns:
        return outcome, tr("{outcome}, concerns: {count}", outcome=enum_label(outcome),
                           count=concerns)
    return outcome, enum_label(outcome)

_TEXT_ROLES = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.AccessibleTextRole))

_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)

_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)

_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)

_ROLES = frozenset((*_TEXT_ROLES, _ALIGN, _TOOLTIP, _FOREGROUND, int(SOURCE_ROLE)))

_RIGHT_TOP = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

_LEFT_TOP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

class _ItemsModel(RowModel):
    COLUMNS = ("number", "text", "state")
    POSITIONAL = True

    rows: list[_ItemRow]

    @staticmethod
    def key_of(row: _ItemRow) -> str:
        return row.id

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Called a thousand times per change (Qt sizes every row to its contents):
        # plain ints, and out early for the many roles nothing is shown for.
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role in _TEXT_ROLES:
            if column == "number":
                return str(index.row() + 1)
            if column == "text":
                return _clip(row.text, SHOWN_CHARS)
            return row.state
        if role == _ALIGN:
            return _RIGHT_TOP if column == "number" else _LEFT_TOP
        if role == SOURCE_ROLE and column == "text":
            return _clip(row.source, 200)
        if role == _TOOLTIP and column == "text":
            return _clip(row.text, 2000)
        if role == _FOREGROUND and column == "state":
            return OUTCOME_COLOURS[row.outcome]
        return None

    def row_of(self, item_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == item_id), -1)

def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
