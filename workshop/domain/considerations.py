"""The considerations (*Overwegingen*) of the agreement, drafted from the session.

The draft uses only what the agreement prints anyway (region, date, venue, forms,
the ambition statement and its goals, the parties), so its words are covered by the
fingerprint through their sources; once the facilitator edits them, the edited text
is stored (``Session.legal.considerations``) and printed as written.
"""

from __future__ import annotations

from workshop.domain.document_kind import DocumentKind, document_kind
from workshop.domain.labels import label
from workshop.domain.model import Session
from workshop.i18n import N_, Language, tr
from workshop.locale_format import format_date

KIND_NOUNS: dict[DocumentKind, str] = {
    DocumentKind.LETTER_OF_INTENT: N_("letter of intent"),
    DocumentKind.COVENANT: N_("covenant"),
    DocumentKind.AGREEMENT: N_("collaboration agreement"),
}


def _join(items: list[str], lang: Language) -> str:
    if len(items) <= 1:
        return "".join(items)
    return tr("{items} and {last}", lang, items=", ".join(items[:-1]), last=items[-1])


def draft(session: Session, lang: Language) -> list[str]:
    """The considerations as drafted from the session, in ``lang``."""
    d = session.details
    out: list[str] = []
    if d.region.strip():
        out.append(tr("The parties provide care, support and public services to the same "
                      "residents in {region}.", lang, region=d.region.strip()))
    else:
        out.append(tr("The parties provide care, support and public services to the same "
                      "residents of their region.", lang))
    if d.forms:
        forms = [label(f, lang).lower() for f in d.forms]
        out.append(tr("They see their collaboration as {forms}.", lang,
                      forms=_join(forms, lang)))
    statement = session.ambition.statement.strip()
    if statement:
        out.append(tr("They share the ambition: “{statement}”", lang, statement=statement))
    goals = [g.text.strip().rstrip(".") for g in session.ambition.goals if g.text.strip()]
    if goals:
        out.append(tr("None of them can realise this ambition alone: it takes each "
                      "other's knowledge, people and means. Together they work towards "
                      "these goals: {goals}.", lang, goals="; ".join(goals)))
    else:
        out.append(tr("None of them can realise this ambition alone: it takes each "
                      "other's knowledge, people and means.", lang))
    kind = tr(KIND_NOUNS[document_kind(session)], lang)
    when = session.details.date
    if when is not None:
        out.append(tr("At their start meeting on {date} they discussed their interests, "
                      "leading principles and rules of play, and they record the outcome in "
                      "this {kind}.", lang, date=format_date(when, lang), kind=kind))
    else:
        out.append(tr("At their start meeting they discussed their interests, leading "
                      "principles and rules of play, and they record the outcome in this "
                      "{kind}.", lang, kind=kind))
    return out


def considerations(session: Session, lang: Language) -> list[str]:
    """What the agreement prints: the edited text, else the draft."""
    edited = [c for c in session.legal.considerations if c.strip()]
    return edited or draft(session, lang)
