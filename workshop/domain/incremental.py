"""Reference checks in proportion to an edit: only the rules an edit can have broken.

``reference_problems(session)`` checks every rule across the whole session; on the
large session that is the biggest part of every edit. An edit names the areas it
touched (``"ambition.cards"``, ``"consents"``...), and a rule can only have been broken
by an edit that touched one of the sections the rule reads. The session was valid
before the edit (every edit is checked, every file is validated on loading), so

    touched_problems(session, areas) == reference_problems(session)

after any edit of ``areas`` (a property test draws random edits and checks exactly
this). It works by running the one ``reference_problems`` on a *view* of the session
that holds the sections the touched ones are checked against and leaves the others
empty: the rules are written once, and the problems name the same fields and indices.

``READS`` says which sections the rules of a section read. A section not named there
(one added later), or a touched ``participants`` (everything refers to participants),
gets the full check. **When a rule in ``reference_problems`` starts to read a new pair
of sections, add it to ``READS``**; the property test in
``tests/domain/test_incremental.py`` fails until then for the sections it draws edits of.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from workshop.domain.model import Session, reference_problems
from workshop.i18n import Message

READS: dict[str, frozenset[str]] = {
    # section touched -> the sections whose rules (or whose targets) it takes part in
    "details": frozenset(),
    "evaluation": frozenset(),  # no rule of reference_problems reads it
    "organising": frozenset(),
    "view": frozenset(),
    "agenda": frozenset({"agenda"}),
    # cards, clusters and votes refer to each other and to participants; actions refer
    # to the ambition's goals
    "ambition": frozenset({"ambition", "participants", "roadmap"}),
    "interests": frozenset({"interests", "participants"}),
    # principles and rules share one id space and are the subjects of consent records
    "principles": frozenset({"principles", "rules", "consents", "amendments",
                             "participants"}),
    "rules": frozenset({"principles", "rules", "consents", "amendments", "participants"}),
    "consents": frozenset({"consents", "principles", "rules", "participants"}),
    # an amendment names its principle or rule; a step is agreed at most once
    "amendments": frozenset({"amendments", "principles", "rules"}),
    "step_agreements": frozenset({"step_agreements"}),
    # an organisation is named by a participant and represented by one
    "legal": frozenset({"legal", "participants"}),
    "roadmap": frozenset({"roadmap", "participants", "ambition"}),
    "commitments": frozenset({"commitments", "participants"}),
    "diagnostics": frozenset({"diagnostics", "participants"}),
    "signatures": frozenset({"signatures", "participants"}),
}
"""For each section: the sections to check with it. Sections not here: a full check."""

FULL = frozenset({"participants"})
"""Sections every other one refers to: a change there can break rules anywhere."""

_KNOWN = frozenset(READS) | FULL | {"format", "schema_version", "id"}
"""Every section this module has looked at (the first three have no rules)."""


def sections(areas: Iterable[str]) -> frozenset[str]:
    """``{"ambition.cards", "consents"}`` -> ``{"ambition", "consents"}``."""
    return frozenset(a.split(".", 1)[0] for a in areas)


def needs_full_check(areas: Iterable[str]) -> bool:
    touched = sections(areas)
    return bool(touched & FULL) or not touched <= _KNOWN


def checked_sections(areas: Iterable[str]) -> frozenset[str] | None:
    """The sections a check after an edit of ``areas`` must see; None: all of them."""
    touched = sections(areas)
    if touched & FULL or not touched <= _KNOWN:
        return None
    needed: set[str] = set()
    for section in touched:
        needed |= READS[section]
    # Sections of the session this module does not know (added after it) are always
    # kept: their rules are checked as in the full check.
    needed |= set(Session.model_fields) - _KNOWN
    return frozenset(needed)


def touched_problems(session: Session, areas: Iterable[str]) -> list[Message]:
    """``reference_problems(session)`` for a session that was valid before an edit of
    ``areas``: the same problems in the same order, found in the sections involved."""
    needed = checked_sections(tuple(areas))
    if needed is None:
        return reference_problems(session)
    if not needed:
        return []
    view = _empty().model_copy(update={name: getattr(session, name) for name in needed})
    return reference_problems(view)


@cache
def _empty() -> Session:
    """A session with every section empty (built once: the default axes and agenda are
    models too). Views are shallow copies of it with some sections replaced; nothing
    writes to them."""
    return Session.model_construct()
