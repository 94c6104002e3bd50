"""The roadmap's actions as table rows: columns, owners, and the filter by text."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt

from workshop.domain.edits import roadmap as edits
from workshop.domain.labels import label
from workshop.domain.model import Action, ActionStatus, Owner, Phase, Session
from workshop.i18n import N_, current_language, tr
from workshop.ui.pages.roadmap.dates import format_date
from workshop.ui.pages.roadmap.rows import (
    LAST,
    SORT_ROLE,
    EditFn,
    Index,
    SessionRowsModel,
    fold,
    one_line,
)

KEY_ROLE = Qt.ItemDataRole.UserRole + 2

class Col(IntEnum):
    TITLE = 0
    OWNER = 1
    START = 2
    DUE = 3
    PHASE = 4
    STATUS = 5
    GOAL = 6
    DESCRIPTION = 7

FIELDS = {Col.TITLE: "title", Col.OWNER: "owner", Col.START: "start", Col.DUE: "due",
          Col.PHASE: "phase", Col.STATUS: "status", Col.GOAL: "goal_id",
          Col.DESCRIPTION: "description"}

def owner_key(owner: Owner | None) -> str:
    if owner is None:
        return ""
    return ("p:" if owner.kind == "participant" else "o:") + owner.ref

def owner_from_key(key: str) -> Owner | None:
    if not key:
        return None
    kind = "participant" if key.startswith("p:") else "organisation"
    return Owner(kind=kind, ref=key[2:])

def owner_choices(session: Session) -> list[tuple[str, str]]:
    """(key, shown text) of every possible owner: participants, then organisations.

    A participant shows as the agreement prints them (``fingerprint.owner_label``):
    "Name (Organisation)"; an organisation by its name.
    """
    people = [(f"p:{p.id}", f"{p.name} ({p.organisation})" if p.organisation else p.name)
              for p in session.participants]
    return people + [(f"o:{org}", org) for org in session.organisations()]

class ActionsModel(SessionRowsModel):
    """The actions of the roadmap, one row each, in the session's order."""

    headers = (N_("Action"), N_("Owner"), N_("Start"), N_("Due"), N_("Phase"),
               N_("Status"), N_("Goal"), N_("Description"))

    def __init__(self, session: Callable[[], Session], edit: EditFn) -> None:
        super().__init__(session, edit)
        self.owner_labels: dict[str, str] = {}
        self.organisation_of: dict[str, str] = {}
        self.goal_texts: dict[str, str] = {}
        self._search: dict[str, str] = {}
        self.refresh_lookups()

    def items(self, session: Session) -> list[Action]:
        return session.roadmap.actions

    def refresh_lookups(self) -> bool:
        """Owner and goal texts; True when they changed (the rows need repainting)."""
        s = self._session()
        owners = dict(owner_choices(s))
        organisation_of = {p.id: p.organisation.strip() for p in s.participants}
        goals = {g.id: g.text for g in s.ambition.goals}
        changed = (owners, organisation_of, goals) != (
            self.owner_labels, self.organisation_of, self.goal_texts)
        self.owner_labels, self.organisation_of, self.goal_texts = owners, organisation_of, goals
        if changed:
            self._search.clear()
        return changed

    def rows_synced(self) -> None:
        self._search.clear()

    def owner_text(self, owner: Owner | None) -> str:
        if owner is None:
            return ""
        return self.owner_labels.get(owner_key(owner), owner.ref)

    def search_text(self, row: int) -> str:
        """Everything the text filter looks in, folded (cached until the next change)."""
        a: Action = self.item(row)
        text = self._search.get(a.id)
        if text is None:
            text = fold("\n".join((a.title, a.description, self.owner_text(a.owner),
                                   self.goal_texts.get(a.goal_id or "", ""))))
            self._search[a.id] = text
        return text

    def cell(self, item: Any, column: int, role: int) -> Any:
        a: Action = item
        col = Col(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(a, col)
        if role == Qt.ItemDataRole.EditRole:
            return {Col.TITLE: a.title, Col.DESCRIPTION: a.description}.get(
                col, self._display(a, col))
        if role == SORT_ROLE:
            return self._sort_key(a, col)
        if role == KEY_ROLE:
            if col is Col.OWNER:
                return owner_key(a.owner)
            return {Col.PHASE: a.phase.value, Col.STATUS: a.status.value,
                    Col.GOAL: a.goal_id or ""}.get(col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (Col.TITLE, Col.DESCRIPTION,
                                                           Col.GOAL, Col.OWNER):
            full = {Col.TITLE: a.title, Col.DESCRIPTION: a.description,
                    Col.OWNER: self.owner_text(a.owner),
                    Col.GOAL: self.goal_texts.get(a.goal_id or "", "")}[col]
            return full[:1000] or None
        return None

    def _display(self, a: Action, col: Col) -> str:
        if col is Col.TITLE:
            return one_line(a.title)
        if col is Col.OWNER:
            return one_line(self.owner_text(a.owner)) if a.owner else tr("— no owner —")
        if col is Col.START:
            return format_date(a.start)
        if col is Col.DUE:
            return format_date(a.due)
        if col is Col.PHASE:
            return label(a.phase, current_language())
        if col is Col.STATUS:
            return label(a.status, current_language())
        if col is Col.GOAL:
            return one_line(self.goal_texts.get(a.goal_id or "", ""))
        return one_line(a.description)

    def _sort_key(self, a: Action, col: Col) -> str:
        if col in (Col.START, Col.DUE):
            day = a.start if col is Col.START else a.due
            return day.isoformat() if day else LAST
        if col is Col.PHASE:
            return f"{list(Phase).index(a.phase):02d}"
        if col is Col.STATUS:
            return f"{list(ActionStatus).index(a.status):02d}"
        if col is Col.OWNER:
            return fold(self.owner_text(a.owner)) if a.owner else LAST
        if col is Col.GOAL:
            return fold(self.goal_texts.get(a.goal_id or "", "")) or LAST
        return fold(a.title if col is Col.TITLE else a.description) or LAST

    def set_value(self, row: int, column: int, value: object) -> bool:
        """Change one field of the action in ``row``: one undoable edit."""
        action_id = self._ids[row]
        field = FIELDS[Col(column)]
        return self._edit(tr("Edit {field}", field=tr(self.headers[column])),
                          edits.set_item_field, "roadmap.actions", action_id, field, value)

class ActionsFilter(QSortFilterProxyModel):
    """Sorting by any column (``SORT_ROLE``) and filtering by text, owner, phase, status."""

    def __init__(self, source: ActionsModel) -> None:
        super().__init__()
        self.setSourceModel(source)
        self._source = source
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self.text = ""
        self.owner: str | None = None
        """None: any owner; "": nobody; "p:<id>"; "o:<name>" (its people included)."""
        self.phase: Phase | None = None
        self.status: ActionStatus | None = None

    def set_filter(self, *, text: str | None = None, owner: str | None | bool = False,
                   phase: Phase | None | bool = False,
                   status: ActionStatus | None | bool = False) -> None:
        """Change some criteria (``False`` leaves one as it is)."""
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
        if text is not None:
            self.text = fold(text.strip())
        if owner is not False:
            self.owner = owner  # type: ignore[assignment]
        if phase is not False:
            self.phase = phase  # type: ignore[assignment]
        if status is not False:
            self.status = status  # type: ignore[assignment]
        if hasattr(self, "endFilterChange"):
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            self.invalidateFilter()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Vertical:
            # The rows' numbers as shown (sorted or filtered): a click on one selects
            # the whole action, where S spotlights it.
            if role == Qt.ItemDataRole.DisplayRole:
                return str(section + 1)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr("Click a number to select the whole action: then S spotlights it "
                          "on the projector.")
            return None
        return super().headerData(section, orientation, role)

    def is_filtered(self) -> bool:
        return bool(self.text) or self.owner is not None or self.phase is not None or (
            self.status is not None)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        a: Action = self._source.item(row)
        if self.phase is not None and a.phase is not self.phase:
            return False
        if self.status is not None and a.status is not self.status:
            return False
        if self.owner is not None:
            key = owner_key(a.owner)
            if key != self.owner and not (
                    self.owner.startswith("o:") and key.startswith("p:")
                    and self._source.organisation_of.get(key[2:]) == self.owner[2:]):
                return False
        return not self.text or self.text in self._source.search_text(row)
