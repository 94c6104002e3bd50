"""What still stands between the table and a signature, derived from the session.

A *blocking* finding means the agreement cannot be signed as it is: an objection
stands, an item never had a consent round, there is no ambition statement, nobody is
present. A *warning* is something the table may knowingly accept: an absent party, a
participant whose interests were never heard, an action nobody owns or without dates.
Each finding names the step where it is fixed, so the facilitator can jump there.

No Qt; messages are translated into the language the caller names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from workshop.domain.consent import agreement_version, records_by_subject, standing_objections
from workshop.domain.labels import label
from workshop.domain.model import (
    AGREEMENT_SUBJECT,
    AMBITION_SUBJECT,
    AgreementItem,
    ConsentRecord,
    Session,
    Step,
)
from workshop.domain.progress import (
    AGREED_BY_FACILITATOR,
    StepState,
    agreed_by_table,
    step_agreement,
    step_state,
)
from workshop.domain.scorecard import IN_READINESS, scorecard
from workshop.i18n import N_, Language, tr

Severity = Literal["blocking", "warning"]

STEP_ORDER = list(Step)
SHORT_TEXT = 60
"""Item texts are cut to this many characters inside a finding's message."""
NAMES_SHOWN = 4
"""At most this many names in one message; the rest are counted."""


@dataclass(frozen=True)
class Finding:
    """One thing missing before signing."""

    step: Step
    """Where it is fixed."""
    severity: Severity
    message: str
    """Translated, plain text."""
    item_id: str | None = None
    """The item concerned (a participant, principle, rule or action id, "ambition",
    "agreement", or the key of a scorecard part such as "roles"), or None when the
    finding is about the session as a whole."""


def short(text: str, limit: int = SHORT_TEXT) -> str:
    """One line of at most ``limit`` characters, ending in "…" when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def names(session: Session, participant_ids: list[str], lang: Language) -> str:
    """"Anna, Joost and 3 more": user names joined (no translated fragments between)."""
    people = {p.id: p.name for p in session.participants}
    shown = [short(people.get(pid, pid), 40) for pid in participant_ids]
    if len(shown) <= NAMES_SHOWN:
        return ", ".join(shown)
    return tr("{names} and {count} more", lang, names=", ".join(shown[:NAMES_SHOWN]),
              count=len(shown) - NAMES_SHOWN)


# One full sentence per kind of item, so that translators see whole sentences.
_OBJECTION = {
    "ambition": N_("An objection stands against the ambition ({names})."),
    "principle": N_("An objection stands against the leading principle “{text}” ({names})."),
    "rule": N_("An objection stands against the rule of play “{text}” ({names})."),
    "agreement": N_("An objection stands against the agreement as a whole ({names})."),
}
_NO_ROUND = {
    "ambition": N_("The ambition has had no consent round yet."),
    "principle": N_("The leading principle “{text}” has had no consent round yet."),
    "rule": N_("The rule of play “{text}” has had no consent round yet."),
    "agreement": N_("The agreement as a whole has had no consent round yet."),
}
_AMENDED = {
    "ambition": N_("The ambition changed after its consent round: hold the round again on "
                   "the new words."),
    "principle": N_("The leading principle “{text}” changed after its consent round: hold "
                    "the round again on the new words."),
    "rule": N_("The rule of play “{text}” changed after its consent round: hold the round "
               "again on the new words."),
    "agreement": N_("The agreement changed after its consent round as a whole: hold the "
                    "round again on the text as it is now."),
}
STEP_SUBJECT = "step"
"""``Finding.item_id`` of a finding about the table's agreement of a whole step."""
_UNFINISHED = {
    "ambition": N_("The consent round on the ambition is not finished: {names} did not "
                   "respond yet."),
    "principle": N_("The consent round on the leading principle “{text}” is not finished: "
                    "{names} did not respond yet."),
    "rule": N_("The consent round on the rule of play “{text}” is not finished: {names} "
               "did not respond yet."),
    "agreement": N_("The consent round on the agreement as a whole is not finished: "
                    "{names} did not respond yet."),
}


def _consent_findings(session: Session, step: Step, kind: str, subject_id: str,
                      text: str, records: list[ConsentRecord], present: list[str],
                      earlier: set[str], lang: Language) -> list[Finding]:
    fields = {"text": short(text)} if kind in ("principle", "rule") else {}
    objections = standing_objections(records)
    if objections:
        who = names(session, [r.participant_id for r in objections], lang)
        return [Finding(step, "blocking", tr(_OBJECTION[kind], lang, names=who, **fields),
                        subject_id)]
    if not records:
        messages = _AMENDED if subject_id in earlier else _NO_ROUND
        return [Finding(step, "blocking", tr(messages[kind], lang, **fields), subject_id)]
    spoken = {r.participant_id for r in records}
    silent = [pid for pid in present if pid not in spoken]
    if silent:
        # Not agreed until everyone present has spoken: the agreement prints it as
        # "not yet agreed" under CONCEPT, so it cannot be signed either.
        return [Finding(step, "blocking",
                        tr(_UNFINISHED[kind], lang, names=names(session, silent, lang), **fields),
                        subject_id)]
    return []


def _items(session: Session, step: Step, kind: str, items: list[AgreementItem],
           grouped: dict[str, list[ConsentRecord]], present: list[str], earlier: set[str],
           lang: Language) -> list[Finding]:
    out: list[Finding] = []
    for item in items:
        out += _consent_findings(session, step, kind, item.id, item.text,
                                 grouped.get(item.id, []), present, earlier, lang)
    return out


def readiness(session: Session, lang: Language, agreement: str | None = None
              ) -> list[Finding]:
    """Everything missing before signing, in ``lang``: blocking findings first, each
    group in the order of the meeting's steps. Empty when the agreement is ready to be
    signed.

    ``agreement``: the agreement's version when the caller has it (it costs a rendering
    of the whole agreement)."""
    s = session
    found: list[Finding] = []
    present = [p.id for p in s.participants if p.present]
    if agreement is None and any(r.subject_id == AGREEMENT_SUBJECT for r in s.consents):
        agreement = agreement_version(s)
    grouped = records_by_subject(s, agreement=agreement or "-")
    current = {id(r) for records in grouped.values() for r in records}
    earlier = {r.subject_id for r in s.consents if id(r) not in current}

    # preparation: who can sign today
    if not present:
        found.append(Finding(Step.PREPARATION, "blocking",
                             tr("Nobody is marked present, so nobody can sign.", lang), "present"))
    for p in s.participants:
        if not p.present:
            found.append(Finding(Step.PREPARATION, "warning",
                                 tr("{name} is absent and cannot sign today.", lang,
                                    name=short(p.name, 40)), p.id))

    # ambition
    if not s.ambition.statement.strip():
        found.append(Finding(Step.AMBITION, "blocking",
                             tr("There is no ambition statement yet.", lang), AMBITION_SUBJECT))
    found += _consent_findings(s, Step.AMBITION, "ambition", AMBITION_SUBJECT, "",
                               grouped.get(AMBITION_SUBJECT, []), present, earlier, lang)

    # interests: every present party heard
    heard = {i.participant_id for i in s.interests.items}
    for p in s.participants:
        if p.present and p.id not in heard:
            found.append(Finding(Step.INTERESTS, "warning",
                                 tr("No interests of {name} are recorded yet.", lang,
                                    name=short(p.name, 40)), p.id))

    # principles and rules
    if not s.principles:
        found.append(Finding(Step.PRINCIPLES, "warning",
                             tr("There are no leading principles yet.", lang)))
    found += _items(s, Step.PRINCIPLES, "principle", s.principles, grouped, present, earlier, lang)
    if not s.rules:
        found.append(Finding(Step.RULES, "warning", tr("There are no rules of play yet.", lang)))
    found += _items(s, Step.RULES, "rule", s.rules, grouped, present, earlier, lang)

    # roadmap
    if not s.roadmap.actions:
        found.append(Finding(Step.ROADMAP, "warning", tr("The roadmap has no actions yet.", lang)))
    for action in s.roadmap.actions:
        title = short(action.title)
        if action.owner is None:
            found.append(Finding(Step.ROADMAP, "warning",
                                 tr("Nobody owns the action “{title}”.", lang, title=title),
                                 action.id))
        if action.start is None and action.due is None:
            message = tr("The action “{title}” has no start or due date.", lang, title=title)
        elif action.start is None:
            message = tr("The action “{title}” has no start date.", lang, title=title)
        elif action.due is None:
            message = tr("The action “{title}” has no due date.", lang, title=title)
        else:
            continue
        found.append(Finding(Step.ROADMAP, "warning", message, action.id))
    if s.roadmap.actions and not s.roadmap.evaluations:
        found.append(Finding(Step.ROADMAP, "warning",
                             tr("No evaluation moment is planned.", lang), "evaluations"))

    # the parts of the agreement scorecard that the checks above do not cover: the
    # parties' mandates, decision-making, roles, contributions and closing clauses
    for part in scorecard(s, lang).parts:
        if part.key in IN_READINESS:
            found += [Finding(part.step, "warning", message, part.key)
                      for message in part.missing]

    # steps without consent rounds: has the table agreed them as they are?
    for step in AGREED_BY_FACILITATOR:
        state = step_state(s, step)
        if state is StepState.AGREED or state is StepState.NOT_STARTED:
            continue
        if step_agreement(s, step) is not None and not agreed_by_table(s, step):
            message = tr("The step “{step}” changed after the table agreed it: agree it "
                         "again.", lang, step=label(step, lang))
        else:
            message = tr("The table has not agreed the step “{step}” yet.", lang,
                         step=label(step, lang))
        found.append(Finding(step, "warning", message, STEP_SUBJECT))

    # the agreement as a whole (its consent round belongs to the signing step)
    found += _consent_findings(s, Step.SIGNING, "agreement", AGREEMENT_SUBJECT, "",
                               grouped.get(AGREEMENT_SUBJECT, []), present, earlier, lang)

    def order(f: Finding) -> tuple[int, int]:
        return (0 if f.severity == "blocking" else 1, STEP_ORDER.index(f.step))

    return sorted(found, key=order)  # stable: keeps the order within a step


def blocking(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "blocking"]
