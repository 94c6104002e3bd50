"""The agreement scorecard: is every part of a complete agreement there?

After the Partnering Initiative's Partnering Agreement Scorecard: an agreement names its
parties with their representatives and mandate, a shared ambition, the interests of
every party, leading principles, rules of play, how decisions are made, the roles,
what every party brings, a roadmap with owners and dates, evaluation moments and the
closing clauses. ``scorecard(session, lang)`` checks each part and names what is missing,
as whole translated sentences (translated when it is called).

No Qt. ``readiness`` (the Signing page) shows the parts it does not check itself
(``IN_READINESS``) as points to check.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from workshop import locale_format
from workshop.domain import parties
from workshop.domain.commitments import organisations_without_contribution
from workshop.domain.consent import outcome_of, records_by_subject
from workshop.domain.labels import label
from workshop.domain.model import (
    AgreementItem,
    Authority,
    ClauseKind,
    DecisionRule,
    InterestKind,
    LegalForm,
    Outcome,
    RoleKind,
    Session,
    Step,
)
from workshop.i18n import N_, Language, tr

SHORT = 60
"""Item texts are cut to this many characters inside a sentence."""

REQUIRED_CLAUSES: tuple[ClauseKind, ...] = tuple(
    k for k in ClauseKind if k not in (ClauseKind.OTHER, ClauseKind.PUBLIC_ACCESS))
"""Every kind of closing clause but "other" should be settled; public access to
documents too when a party is a public body (``_clauses``)."""

PUBLIC_FORMS = frozenset({LegalForm.MUNICIPALITY, LegalForm.PUBLIC_BODY})

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


def _parties(s: Session, lang: Language) -> list[str]:
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
    out += _legal_identity(s, lang)
    return out


def _legal_identity(s: Session, lang: Language) -> list[str]:
    """What a lawyer checks first: every signing party a legal entity, properly signed for."""
    out: list[str] = []
    views = parties.party_views(s)
    for v in views:
        if not v.signs:
            continue  # named as involved; the contributions part says if it commits
        org = _short(v.name, 40)
        gaps = [label for label, value in (
            (tr("legal name", lang), v.org.legal_name), (tr("legal form", lang),
                                                         v.org.legal_form),
            (tr("seat", lang), v.org.seat), (tr("KvK number", lang), v.org.kvk)) if not value]
        if gaps:
            out.append(tr("{organisation} has no legal identity yet: its {fields} are "
                          "missing.", lang, organisation=org, fields=", ".join(gaps)))
        if v.representative is None:
            out.append(tr("Nobody signs for {organisation}.", lang, organisation=org))
        else:
            if not v.function.strip():
                out.append(tr("The function of {name}, who signs for {organisation}, is not "
                              "recorded.", lang, name=_short(v.representative.name, 40),
                              organisation=org))
            if v.org.authority is None:
                out.append(tr("On what authority {name} signs for {organisation} is not "
                              "recorded.", lang, name=_short(v.representative.name, 40),
                              organisation=org))
    if s.participants and sum(v.signs for v in views) < 2:
        out.append(tr("An agreement needs at least two parties that sign.", lang))
    return out


def _commitment_findings(s: Session, lang: Language) -> list[str]:
    """Commitments a signature does not cover."""
    out: list[str] = []
    c = s.commitments
    for v in parties.party_views(s):
        org = _short(v.name, 40)
        committed = (any(x.organisation == v.name for x in c.contributions)
                     or any(y.organisation == v.name for y in c.year_plans))
        if committed and not v.signs:
            if v.org.party:
                out.append(tr("{organisation} commits to contributions or plans but does "
                              "not sign: its representative is absent.", lang,
                              organisation=org))
            else:
                out.append(tr("{organisation} commits to contributions or plans but is not "
                              "a party and does not sign.", lang, organisation=org))
        mandate = v.org.money_mandate
        if (v.signs and mandate is not None
                and v.org.authority is not Authority.SUBJECT_TO_DECISION):
            money = parties.money_per_year(s, v.name)
            if money > mandate:
                out.append(tr("{organisation} commits {amount} in money a year, beyond the "
                              "{mandate} its signer may commit.", lang, organisation=org,
                              amount=locale_format.money(money, lang),
                              mandate=locale_format.money(mandate, lang)))
    for x in c.contributions:
        if _on_behalf(x.description):
            out.append(tr("{organisation} commits on behalf of others who are not parties: "
                          "“{text}”.", lang, organisation=_short(x.organisation, 40),
                          text=_short(x.description)))
    for y in c.year_plans:
        if _on_behalf(y.text):
            out.append(tr("{organisation} commits on behalf of others who are not parties: "
                          "“{text}”.", lang, organisation=_short(y.organisation, 40),
                          text=_short(y.text)))
    return out


_ON_BEHALF = re.compile(r"\b(namens|on behalf of|van de (twee|drie|vier|vijf) gemeenten|"
                        r"of the (two|three|four|five) municipalities)\b", re.IGNORECASE)


def _on_behalf(text: str) -> bool:
    """A commitment written for others ("also on behalf of X and Y")."""
    return bool(_ON_BEHALF.search(text))


def _ambition(s: Session, lang: Language) -> list[str]:
    out: list[str] = []
    if not s.ambition.statement.strip():
        out.append(tr("There is no ambition statement yet.", lang))
    if not s.ambition.goals:
        out.append(tr("The ambition has no goals yet.", lang))
    return out


def _interests(s: Session, lang: Language) -> list[str]:
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


def _decision_making(s: Session, lang: Language) -> list[str]:
    o = s.organising
    if o.decision_rule is None:
        return [tr("How decisions are made is not chosen yet.", lang)]
    if o.decision_rule is DecisionRule.OTHER and not o.decision_rule_note.strip():
        return [tr("The decision rule “other” is not described.", lang)]
    return []


def _roles(s: Session, lang: Language) -> list[str]:
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


def _role_name(kind: RoleKind, theme: str, lang: Language) -> str:
    if kind is RoleKind.PORTFOLIO_HOLDER and theme.strip():
        return tr("{role}: {theme}", lang, role=label(kind, lang), theme=_short(theme, 40))
    return label(kind, lang)


def _contributions(s: Session, lang: Language) -> list[str]:
    if not s.organisations():
        return [tr("No organisations are listed yet.", lang)]
    signing = {v.name for v in parties.signing_parties(s)}
    return [tr("{organisation} brings nothing yet.", lang, organisation=_short(name, 40))
            for name in organisations_without_contribution(s)
            if name in signing] + _commitment_findings(s, lang)


def _roadmap(s: Session, lang: Language) -> list[str]:
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


def _evaluation(s: Session, lang: Language) -> list[str]:
    if not s.roadmap.evaluations:
        return [tr("No evaluation moment is planned.", lang)]
    return []


def _clauses(s: Session, lang: Language) -> list[str]:
    have = {c.kind for c in s.commitments.clauses}
    required = list(REQUIRED_CLAUSES)
    if any(v.org.legal_form in PUBLIC_FORMS for v in parties.signing_parties(s)):
        required.append(ClauseKind.PUBLIC_ACCESS)
    out = [tr("There is no clause on “{kind}”.", lang, kind=label(kind, lang))
           for kind in required if kind not in have]
    keys = {c.template_key for c in s.commitments.clauses}
    for a, b in CONTRADICTIONS:
        if a in keys and b in keys:
            out.append(tr("The clauses “{first}” and “{second}” contradict each other: "
                          "agreements that are not legally enforceable cannot keep "
                          "contributions committed after a party leaves.", lang,
                          first=_clause_title(s, a, lang), second=_clause_title(s, b, lang)))
    return out


CONTRADICTIONS: tuple[tuple[str, str], ...] = (
    ("clause.nature-effort", "clause.leaving"),
)
"""Pairs of library clauses that cannot both hold."""


def _clause_title(s: Session, key: str, lang: Language) -> str:
    clause = next(c for c in s.commitments.clauses if c.template_key == key)
    return label(clause.kind, lang)


def _open_items(s: Session, items: list[AgreementItem], subject: str,
                lang: Language) -> list[str]:
    present = {p.id for p in s.participants if p.present}
    by_subject = records_by_subject(s)
    out = []
    for n, item in enumerate(items, 1):
        outcome = outcome_of(by_subject.get(item.id, []), present)
        if outcome is not Outcome.AGREED:
            out.append(tr("{subject} {n} is still open: “{text}”.", lang,
                          subject=subject, n=n, text=_short(item.text)))
    return out


def _principles(s: Session, lang: Language) -> list[str]:
    if not s.principles:
        return [tr("There are no leading principles yet.", lang)]
    return _open_items(s, s.principles, tr("Principle", lang), lang)


def _rules(s: Session, lang: Language) -> list[str]:
    if not s.rules:
        return [tr("There are no rules of play yet.", lang)]
    return _open_items(s, s.rules, tr("Rule", lang), lang)


_CHECKS: dict[str, Callable[[Session, Language], list[str]]] = {
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


def scorecard(session: Session, lang: Language) -> Scorecard:
    """Each part of a complete agreement, in order, with what is missing named; texts in
    ``lang``."""
    return Scorecard([
        ScorePart(key, tr(title, lang), step, _CHECKS[key](session, lang))
        for key, title, step in PARTS
    ])
