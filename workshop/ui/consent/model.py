"""The consent round's rows: one per participant, their decision, note and colour."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from workshop.domain.labels import label
from workshop.domain.model import (
    ConsentRecord,
    Decision,
    ObjectionResolution,
    Outcome,
)
from workshop.i18n import N_, current_language, tr
from workshop.ui.row_model import RowModel

# labels._LABELS is keyed by the enum members, and members of two str-enums with the same
# value are equal dict keys (Decision.CONSENT == DecisionRule.CONSENT), so label() gives
# the last one's word. Until that is fixed there, these members get their own word here.
_COLLIDING: dict[tuple[type[Enum], str], str] = {
    (Decision, "consent"): N_("Consent"),
    (Outcome, "in_progress"): N_("Round in progress"),
}

def enum_label(value: Enum) -> str:
    """``workshop.domain.labels.label`` without the collision of equal str-enum values."""
    fixed = _COLLIDING.get((type(value), value.value))
    return tr(fixed) if fixed is not None else label(value, current_language())

OUTCOME_COLOURS = {
    Outcome.OPEN: QColor("#6b6b6b"),
    Outcome.IN_PROGRESS: QColor("#9a5b00"),
    Outcome.OBJECTED: QColor("#b00020"),
    Outcome.AGREED: QColor("#1b7a3a"),
}

DECISION_COLOURS = {
    Decision.CONSENT: QColor("#1b7a3a"),
    Decision.CONCERN: QColor("#9a5b00"),
    Decision.OBJECTION: QColor("#b00020"),
}

RESOLVED_COLOUR = QColor("#6b6b6b")

@dataclass(frozen=True)
class _Row:
    participant_id: str
    name: str
    organisation: str
    present: bool
    record: ConsentRecord | None

def decision_text(record: ConsentRecord | None) -> str:
    if record is None:
        return "—"
    if record.decision is Decision.OBJECTION:
        if record.resolution is ObjectionResolution.STANDING:
            return enum_label(Decision.OBJECTION)
        return tr("{decision}: {resolution}", decision=enum_label(Decision.OBJECTION),
                  resolution=enum_label(record.resolution))
    return enum_label(record.decision)

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)

_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)

_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)

_ROLES = frozenset((_DISPLAY, _TOOLTIP, int(Qt.ItemDataRole.AccessibleTextRole), _FOREGROUND))

class _RoundModel(RowModel):
    """The rows of the round: one per present participant (and absent ones who spoke)."""

    COLUMNS = ("name", "organisation", "decision", "note")

    rows: list[_Row]

    def __init__(self) -> None:
        super().__init__((tr("Participant"), tr("Organisation"), tr("Response"), tr("Note")))

    @staticmethod
    def key_of(row: _Row) -> str:
        return row.participant_id

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Asked hundreds of times per decision (a column sized to its contents): plain
        # ints, and out early for the many roles nothing is shown for.
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role != _FOREGROUND:
            if column == "name":
                name = row.name if row.present else tr("{name} (absent)", name=row.name)
                if role == _TOOLTIP and row.organisation:
                    return tr("{name}, {organisation}", name=name,
                              organisation=row.organisation)
                return name
            if column == "organisation":
                return row.organisation
            if column == "decision":
                return decision_text(row.record)
            text = row.record.note if row.record is not None else ""
            if role == _DISPLAY:
                return text.replace("\n", " ")[:500]
            return text[:2000]
        if column == "decision" and row.record:
            record = row.record
            if (record.decision is Decision.OBJECTION
                    and record.resolution is not ObjectionResolution.STANDING):
                return RESOLVED_COLOUR
            return DECISION_COLOURS[record.decision]
        if not row.present:
            return RESOLVED_COLOUR
        return None
