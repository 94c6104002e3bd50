"""Which kind of document the agreement is: it follows the choice of nature.

*Intentieverklaring* (letter of intent: we intend to work together; least binding),
*convenant* (covenant: agreed efforts, usually not enforceable in court) or
*samenwerkingsovereenkomst* (collaboration agreement: a contract with obligations).
The nature clause taken from the library decides; a nature clause written anew, or
none, makes a letter of intent: the least binding reading is the safe one.
"""

from __future__ import annotations

from enum import Enum

from workshop.domain.model import ClauseKind, Session


class DocumentKind(str, Enum):
    LETTER_OF_INTENT = "letter_of_intent"
    COVENANT = "covenant"
    AGREEMENT = "agreement"


NATURE_KINDS: dict[str, DocumentKind] = {
    "clause.nature-effort": DocumentKind.LETTER_OF_INTENT,
    "clause.nature-covenant": DocumentKind.COVENANT,
    "clause.nature-binding": DocumentKind.AGREEMENT,
}


def document_kind(session: Session) -> DocumentKind:
    for clause in session.commitments.clauses:
        if clause.kind is ClauseKind.NATURE and clause.template_key in NATURE_KINDS:
            return NATURE_KINDS[clause.template_key]
    return DocumentKind.LETTER_OF_INTENT
