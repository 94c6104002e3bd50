"""Changes of the organising step: how the collaboration is governed and financed (the
commitments have their own module)."""

from __future__ import annotations

from workshop.domain.model import Financing, Session
from workshop.domain.operations import operation


def _organising_field(field: str, *_args: object) -> tuple[str, ...]:
    return (f"organising.{field}",)


@operation(areas_of=_organising_field)
def set_organising(session: Session, field: str, value: object) -> None:
    """One choice or note of the organising step (chair, cadence, chair_note...)."""
    setattr(session.organising, field, value)


@operation("organising.financing")
def set_financing(session: Session, kind: Financing, checked: bool) -> None:
    chosen = session.organising.financing
    if checked and kind not in chosen:
        chosen.append(kind)  # keep the order in which the table named them
    elif not checked and kind in chosen:
        chosen.remove(kind)
