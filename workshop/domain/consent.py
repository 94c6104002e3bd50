"""Deriving an item's outcome from its consent records (never stored, always derived)."""

from __future__ import annotations

from workshop.domain.model import (
    ConsentRecord,
    Decision,
    ObjectionResolution,
    Outcome,
    Session,
)


def records_for(session: Session, subject_id: str) -> list[ConsentRecord]:
    return [r for r in session.consents if r.subject_id == subject_id]


def standing_objections(records: list[ConsentRecord]) -> list[ConsentRecord]:
    return [
        r
        for r in records
        if r.decision is Decision.OBJECTION and r.resolution is ObjectionResolution.STANDING
    ]


def records_by_subject(session: Session) -> dict[str, list[ConsentRecord]]:
    grouped: dict[str, list[ConsentRecord]] = {}
    for record in session.consents:
        grouped.setdefault(record.subject_id, []).append(record)
    return grouped


def outcome(session: Session, subject_id: str) -> Outcome:
    """Agreed when every present participant has spoken and no objection stands.

    Concerns do not block: they stay recorded and are printed with the outcome.
    """
    present = {p.id for p in session.participants if p.present}
    return outcome_of(records_for(session, subject_id), present)


def outcome_of(records: list[ConsentRecord], present: set[str]) -> Outcome:
    if not records:
        return Outcome.OPEN
    if standing_objections(records):
        return Outcome.OBJECTED
    spoken = {r.participant_id for r in records}
    if present <= spoken:
        return Outcome.AGREED
    return Outcome.IN_PROGRESS
