"""Changes of the principles and the rules: two lists of agreement items edited the same
way. ``kind`` is ``"principles"`` or ``"rules"``, the area the list is."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workshop.domain.consent import amend
from workshop.domain.model import AgreementItem, Session
from workshop.domain.operations import operation

KINDS = ("principles", "rules")


def _kind(kind: str, *_args: Any, **_kwargs: Any) -> tuple[str, ...]:
    if kind not in KINDS:
        raise KeyError(f"not a list of agreement items: {kind!r}")
    return (kind,)


def _with_consents(kind: str, *_args: Any, **_kwargs: Any) -> tuple[str, ...]:
    return (*_kind(kind), "consents", "amendments")


def _items(session: Session, kind: str) -> list[AgreementItem]:
    return getattr(session, _kind(kind)[0])  # type: ignore[no-any-return]


def _set_field(session: Session, kind: str, item_id: str, field: str, value: str) -> None:
    items = _items(session, kind)
    for index, entry in enumerate(items):
        if entry.id == item_id:
            items[index] = entry.model_copy(update={field: value})


@operation(areas_of=_kind)
def add_items(session: Session, kind: str, items: list[AgreementItem]) -> None:
    """Typed, or from the library, at the end of the list."""
    _items(session, kind).extend(items)


@operation(areas_of=_kind)
def set_text(session: Session, kind: str, item_id: str, text: str) -> None:
    _set_field(session, kind, item_id, "text", text)


@operation(areas_of=_with_consents)
def amend_text(session: Session, kind: str, item_id: str, text: str, now: dt.datetime
               ) -> None:
    """The objection is resolved by the new words; every decision given to the old ones
    is kept as history and the round starts again (``workshop.domain.consent.amend``)."""
    amend(session, item_id,
          lambda s, new: _set_field(s, kind, item_id, "text", new), text, now)


@operation(areas_of=_kind)
def set_source(session: Session, kind: str, item_id: str, source: str) -> None:
    _set_field(session, kind, item_id, "source", source)


@operation(areas_of=_kind)
def move_item(session: Session, kind: str, item_id: str, delta: int) -> None:
    """``delta`` places down (up when negative); the caller keeps it within the list."""
    items = _items(session, kind)
    index = next(i for i, entry in enumerate(items) if entry.id == item_id)
    items.insert(index + delta, items.pop(index))


@operation(areas_of=_with_consents)
def remove_item(session: Session, kind: str, item_id: str) -> None:
    """Remove the item with its consent records and amendments."""
    setattr(session, kind, [i for i in _items(session, kind) if i.id != item_id])
    session.consents = [r for r in session.consents if r.subject_id != item_id]
    session.amendments = [a for a in session.amendments if a.subject_id != item_id]
