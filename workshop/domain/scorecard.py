"""The agreement scorecard: is every part of a complete agreement there?

After the Partnering Initiative's Partnering Agreement Scorecard: an agreement names its
parties with their representatives and mandate, a shared ambition, the interests of
every party, leading principles, rules of play, how decisions are made, the roles,
what every party brings, a roadmap with owners and dates, evaluation moments and the
closing clauses. ``scorecard(session)`` checks each part and names what is missing,
as whole translated sentences (translated when it is called).

No Qt. ``readiness`` (the Signing page) shows the parts it does not check itself
(``IN_READINESS``) as points to check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from workshop.domain.commitments import organisations_without_contribution
from workshop.domain.model import (
    ClauseKind,
    DecisionRule,
    InterestKind,
    RoleKind,
    Session,
    Step,
)
from workshop.i18n import N_, Language, tr
from workshop.labels import label

SHORT = 60
"""Item texts are cut to this many characters inside a sentence."""

REQUIRED_CLAUSES: tuple[ClauseKind, ...] = tuple(k for k in ClauseKind
                                                 if k is not ClauseKind.OTHER)
"""Every kind of closing clause but "other" should be settled."""

PARTS: tuple[tuple[str, str, Step], ...] = (
    ("parties", N_("Parties with representatives and mandate"), Step.PREPARATION),
    ("ambition", N_("Shared ambition"), Step.AMBITION),
    ("interests", N_("Interests of every party, all three types"), Step.INTERESTS),
    ("principles", N_("Leading principles"), Step.PRINCIPLES),
    ("rules", N_("Rules of play"), Step.RULES),
    ("decision_making", N_("Decision-making"), Step.ORGANISING),
    ("roles", N_("Roles"), Step.ORGANISING),
    ("contributions", N_("Contributions of every party"), Step.ORGANISING),
    ("roadmap", N_("Roadmap with owners and dates"), Step.ROADMAP),
    ("evaluation", N_("Evaluation moments"), Step.ROADMAP),
    ("clauses", N_("Closing clauses"), Step.ORGANISING),
)
"""Key, title and the step where the part is filled in, in the printed order."""

IN_READINESS = frozenset({"parties", "decision_making", "roles", "contributions",
                          "clauses"})
"""Parts the readiness check takes from the scorecard (it checks the others itself)."""


@dataclass
class ScorePart:
    key: str
    title: str
    """Translated."""
    step: Step
    """Where the part is filled in."""
    missing: list[str] = field(default_factory=list)
    """Translated sentences, each naming the party or item concerned; empty when ok."""

    @property
    def ok(self) -> bool:
        return not self.missing


@dataclass
class Scorecard:
    parts: list[ScorePart]

    @property
    def score(self) -> int:
        """The number of complete parts."""
        return sum(part.ok for part in self.parts)

    @property
    def total(self) -> int:
        return len(self.parts)

    @property
    def complete(self) -> bool:
        return self.score == self.total

    def part(self, key: str) -> ScorePart:
        return next(p for p in self.parts if p.key == key)


def _short(text: str, limit: int = SHORT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


_KIND_MISSING = {
    InterestKind.INDIVIDUAL: N_("No individual interest of {name} is recorded yet."),
    InterestKind.ORGANISATIONAL: N_("No organisational interest of {name} is recorded yet."),
    InterestKind.COLLECTIVE: N_("No collective interest of {name} is recorded yet."),
}


def _parties(s: Session, lang: Language | None) -> list[str]:
    if not s.participants:
        return [tr("No parties are listed yet.", lang)]
    out: list[str] = []
    for p in s.participants:
        name = _short(p.name, 40)
        if not p.organisation.strip():
            out.append(tr("{name} has no organisation.", lang, name=name))
        if not p.represents.strip():
            out.append(tr("It is not recorded whom {name} represents.", lang, name=name))
        if not p.mandate.strip():
            out.append(tr("The mandate of {name} is not recorded.", lang, name=name))
    return out


def _ambition(s: Session, lang: Language | None) -> list[str]:
    out: list[str] = []
    if not s.ambition.statement.strip():
        out.append(tr("There is no ambition statement yet.", lang))
    if not s.ambition.goals:
        out.append(tr("The ambition has no goals yet.", lang))
    return out


def _interests(s: Session, lang: Language | None) -> list[str]:
    kinds: dict[str, set[InterestKind]] = {}
    for item in s.interests.items:
        kinds.setdefault(item.participant_id, set()).add(item.kind)
    out: list[str] = []
    for p in s.participants:
        if not p.present:
            continue  # an absent party is heard when it joins
        have = kinds.get(p.id, set())
        name = _short(p.name, 40)
        if not have:
            out.append(tr("No interests of {name} are recorded yet.", lang, name=name))
            continue
        out += [tr(_KIND_MISSING[kind], lang, name=name) for kind in InterestKind
                if kind not in have]
    if not s.participants:
        out.append(tr("No interests are recorded yet.", lang))
    return out


def _decision_making(s: Session, lang: Language | None) -> list[str]:
    o = s.organising
    if o.decision_rule is None:
        return [tr("How decisions are made is not chosen yet.", lang)]
    if o.decision_rule is DecisionRule.OTHER and not o.decision_rule_note.strip():
        return [tr("The decision rule “other” is not described.", lang)]
    return []


def _roles(s: Session, lang: Language | None) -> list[str]:
    roles = s.commitments.roles
    out: list[str] = []
    chairs = [r for r in roles if r.kind is RoleKind.CHAIR]
    if not chairs:
        out.append(tr("There is no chair yet.", lang))
    for r in chairs:
        if not r.term.strip():
            out.append(tr("The chair's term is not recorded.", lang))
    if not any(r.kind in (RoleKind.SECRETARY, RoleKind.PROGRAMME_OFFICE) for r in roles):
        out.append(tr("There is no secretary or programme office yet.", lang))
    for r in roles:
        if r.holder is None:
            out.append(tr("Nobody holds the role “{role}”.", lang,
                          role=_role_name(r.kind, r.theme, lang)))
        if r.kind is RoleKind.PORTFOLIO_HOLDER and not r.theme.strip():
            out.append(tr("A portfolio holder has no theme.", lang))
        if r.kind is RoleKind.REPRESENTATIVE:
            if not r.represents:
                out.append(tr("A representative speaks for no parties yet.", lang))
            if not r.mandate.strip():
                out.append(tr("A representative has no mandate recorded.", lang))
    return out


def _role_name(kind: RoleKind, theme: str, lang: Language | None) -> str:
    if kind is RoleKind.PORTFOLIO_HOLDER and theme.strip():
        return tr("{role}: {theme}", lang, role=label(kind, lang), theme=_short(theme, 40))
    return label(kind, lang)


def _contributions(s: Session, lang: Language | None) -> list[str]:
    if not s.organisations():
        return [tr("No organisations are listed yet.", lang)]
    return [tr("{organisation} brings nothing yet.", lang, organisation=_short(name, 40))
            for name in organisations_without_contribution(s)]


def _roadmap(s: Session, lang: Language | None) -> list[str]:
    actions = s.roadmap.actions
    if not actions:
        return [tr("The roadmap has no actions yet.", lang)]
    out: list[str] = []
    for a in actions:
        title = _short(a.title)
        if a.owner is None:
            out.append(tr("Nobody owns the action “{title}”.", lang, title=title))
        if a.start is None and a.due is None:
            out.append(tr("The action “{title}” has no start or due date.", lang, title=title))
        elif a.start is None:
            out.append(tr("The action “{title}” has no start date.", lang, title=title))
        elif a.due is None:
            out.append(tr("The action “{title}” has no due date.", lang, title=title))
    return out


def _evaluation(s: Session, lang: Language | None) -> list[str]:
    if not s.roadmap.evaluations:
        return [tr("No evaluation moment is planned.", lang)]
    return []


def _clauses(s: Session, lang: Language | None) -> list[str]:
    have = {c.kind for c in s.commitments.clauses}
    return [tr("There is no clause on “{kind}”.", lang, kind=label(kind, lang))
            for kind in REQUIRED_CLAUSES if kind not in have]


def _principles(s: Session, lang: Language | None) -> list[str]:
    return [] if s.principles else [tr("There are no leading principles yet.", lang)]


def _rules(s: Session, lang: Language | None) -> list[str]:
    return [] if s.rules else [tr("There are no rules of play yet.", lang)]


_CHECKS: dict[str, Callable[[Session, Language | None], list[str]]] = {
    "parties": _parties,
    "ambition": _ambition,
    "interests": _interests,
    "principles": _principles,
    "rules": _rules,
    "decision_making": _decision_making,
    "roles": _roles,
    "contributions": _contributions,
    "roadmap": _roadmap,
    "evaluation": _evaluation,
    "clauses": _clauses,
}


def scorecard(session: Session, lang: Language | None = None) -> Scorecard:
    """Each part of a complete agreement, in order, with what is missing named; texts in
    ``lang`` (default: the current UI language)."""
    return Scorecard([
        ScorePart(key, tr(title, lang), step, _CHECKS[key](session, lang))
        for key, title, step in PARTS
    ])
