"""Library items that follow the document's language while nobody has edited them.

A principle, rule or closing clause added from the library keeps its template's key;
the template has the text in Dutch and in English. While the item's text is still word
for word the template's text in another language than the document's, it is "unedited"
and can be switched to the document's language. An item the facilitator changed is
their text and is never touched. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from workshop.domain.model import AgreementItem, Clause, Session
from workshop.domain.templates import template_by_key
from workshop.i18n import LANGUAGES, Language

Part = Literal["principles", "rules", "clauses"]


@dataclass(frozen=True)
class Switch:
    """One library item whose text can follow the document into ``lang``."""

    part: Part
    item_id: str
    old_text: str
    new_text: str


def _items(session: Session) -> list[tuple[Part, AgreementItem | Clause]]:
    parts: list[tuple[Part, AgreementItem | Clause]] = []
    parts += [("principles", i) for i in session.principles]
    parts += [("rules", i) for i in session.rules]
    parts += [("clauses", c) for c in session.commitments.clauses]
    return parts


def switches(session: Session, lang: Language) -> list[Switch]:
    """The unedited library items not in ``lang``, with their text in ``lang``."""
    found: list[Switch] = []
    for part, item in _items(session):
        template = template_by_key(item.template_key) if item.template_key else None
        if template is None:
            continue
        wanted = template.text(lang)
        others = {template.text(other) for other in LANGUAGES if other != lang}
        if item.text != wanted and item.text in others:
            found.append(Switch(part, item.id, item.text, wanted))
    return found


def apply_switches(session: Session, lang: Language) -> int:
    """Put every unedited library item in ``lang``; the number of items changed."""
    todo = {s.item_id: s for s in switches(session, lang)}
    for _part, item in _items(session):
        switch = todo.get(item.id)
        if switch is not None and item.text == switch.old_text:
            item.text = switch.new_text
    return len(todo)


def parts_touched(found: list[Switch]) -> tuple[str, ...]:
    """The document areas a switch changes (clauses live in the commitments)."""
    areas = {"commitments.clauses" if s.part == "clauses" else s.part for s in found}
    return tuple(sorted(areas))
