"""Changes of the preparation step: the meeting's details, its agenda, the participants."""

from __future__ import annotations

import datetime as dt

from workshop.domain import participants as people
from workshop.domain.model import (
    AgendaItem,
    CollaborationForm,
    Participant,
    Session,
    Step,
)
from workshop.domain.operations import operation


@operation("details")
def set_date(session: Session, day: dt.date | None) -> None:
    session.details.date = day


@operation("details")
def set_detail(session: Session, field: str, value: str) -> None:
    """The name of the collaboration, its region, the venue, the facilitator."""
    setattr(session.details, field, value)


@operation("details")
def set_forms(session: Session, forms: list[CollaborationForm]) -> None:
    session.details.forms = forms


@operation("agenda")
def set_time_box(session: Session, step: Step, minutes: int) -> None:
    """The minutes the agenda gives ``step`` (an item is made for it if there is none)."""
    item = next((a for a in session.agenda if a.step is step), None)
    if item is None:
        session.agenda.append(AgendaItem(step=step, minutes=minutes))
    else:
        item.minutes = minutes


@operation("participants")
def add_participants(session: Session, added: list[Participant]) -> None:
    """One typed in, or many imported, at the end of the list."""
    session.participants.extend(added)


@operation("participants")
def move_participant(session: Session, row: int, target: int) -> None:
    session.participants.insert(target, session.participants.pop(row))


@operation("participants")
def set_participant_field(session: Session, participant_id: str, field: str,
                          value: object) -> None:
    """Name, role, perspective, presence... (not the organisation: see below)."""
    person = session.participant(participant_id)
    if person is not None:
        setattr(person, field, value)


@operation(*people.RENAME_AREAS)
def set_organisation(session: Session, participant_id: str, organisation: str) -> None:
    """A rename carries what the organisation owns along
    (``workshop.domain.participants.set_organisation``)."""
    people.set_organisation(session, participant_id, organisation)


@operation(*people.REMOVAL_AREAS)
def remove_participant(session: Session, participant_id: str, hand_over: bool) -> None:
    """``workshop.domain.participants.remove_participant``: everything of them, or their
    cards handed over to the table."""
    people.remove_participant(session, participant_id, hand_over)
