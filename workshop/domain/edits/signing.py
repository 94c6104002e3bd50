"""Changes of the signing step: a participant's signature of the text as it is now."""

from __future__ import annotations

import datetime as dt

from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import Session, Signature, Stroke
from workshop.domain.operations import operation


@operation("signatures")
def sign(session: Session, participant_id: str, strokes: list[Stroke],
         signed_at: dt.datetime, signature_id: str) -> None:
    """The participant's signature of the current text (an earlier one of theirs goes)."""
    session.signatures[:] = [s for s in session.signatures
                             if s.participant_id != participant_id]
    session.signatures.append(Signature(
        id=signature_id, participant_id=participant_id, signed_at=signed_at,
        strokes=strokes, fingerprint=fingerprint(session)))
