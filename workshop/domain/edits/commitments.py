"""Changes of the organising step's commitments: contributions, clauses, year plans and
roles, four lists of items with ids that are edited the same way.

``area`` names the list (``"commitments.roles"``...); it is also the one area each
operation touches.
"""

from __future__ import annotations

from typing import Any

from workshop.domain.model import Session
from workshop.domain.operations import operation

LISTS = ("commitments.contributions", "commitments.clauses", "commitments.year_plans",
         "commitments.roles")


def _area(area: str, *_args: Any, **_kwargs: Any) -> tuple[str, ...]:
    if area not in LISTS:
        raise KeyError(f"not a list of commitments: {area!r}")
    return (area,)


def _items(session: Session, area: str) -> list[Any]:
    return getattr(session.commitments, _area(area)[0].split(".")[1])  # type: ignore[no-any-return]


def move_by_id(items: list[Any], item_id: str, delta: int) -> None:
    """Move the item with ``item_id`` one place up (-1) or down (+1) in ``items``."""
    ids = [getattr(x, "id", None) for x in items]
    if item_id not in ids:
        return
    i = ids.index(item_id)
    j = i + delta
    if 0 <= j < len(items):
        items[i], items[j] = items[j], items[i]


def remove_by_id(items: list[Any], item_id: str) -> None:
    items[:] = [x for x in items if getattr(x, "id", None) != item_id]


@operation(areas_of=_area)
def add_items(session: Session, area: str, items: list[Any]) -> None:
    """``items`` (a contribution, clauses from the library...) at the end of the list."""
    _items(session, area).extend(items)


@operation(areas_of=_area)
def remove_item(session: Session, area: str, item_id: str) -> None:
    remove_by_id(_items(session, area), item_id)


@operation(areas_of=_area)
def move_item(session: Session, area: str, item_id: str, delta: int) -> None:
    move_by_id(_items(session, area), item_id, delta)


@operation(areas_of=_area)
def set_item_field(session: Session, area: str, item_id: str, field: str, value: Any) -> None:
    """One field of one item (the text of a clause, the holder of a role...)."""
    for item in _items(session, area):
        if item.id == item_id:
            setattr(item, field, value)
