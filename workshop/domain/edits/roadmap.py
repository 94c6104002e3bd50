"""Changes of the roadmap step: actions, milestones and evaluation moments, three lists
of items with ids edited the same way.

``area`` names the list (``"roadmap.actions"``...); it is also the one area each
operation touches.
"""

from __future__ import annotations

from typing import Any

from workshop.domain.model import Session
from workshop.domain.operations import operation

LISTS = ("roadmap.actions", "roadmap.milestones", "roadmap.evaluations")


def _area(area: str, *_args: Any, **_kwargs: Any) -> tuple[str, ...]:
    if area not in LISTS:
        raise KeyError(f"not a list of the roadmap: {area!r}")
    return (area,)


def _field(area: str) -> str:
    return _area(area)[0].split(".")[1]


@operation(areas_of=_area)
def add_items(session: Session, area: str, items: list[Any]) -> None:
    """``items`` at the end of the list (an action, a series of evaluation moments...)."""
    getattr(session.roadmap, _field(area)).extend(items)


@operation(areas_of=_area)
def remove_items(session: Session, area: str, ids: set[str] | list[str]) -> None:
    gone = set(ids)
    kept = [x for x in getattr(session.roadmap, _field(area)) if x.id not in gone]
    setattr(session.roadmap, _field(area), kept)


@operation(areas_of=_area)
def set_item_field(session: Session, area: str, item_id: str, field: str, value: Any) -> None:
    """One field of one item (the title of an action, the date of a milestone...)."""
    entry = next(x for x in getattr(session.roadmap, _field(area)) if x.id == item_id)
    setattr(entry, field, value)
