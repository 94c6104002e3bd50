"""What a signature covers: the agreement's printed content in canonical form.

The agreement PDF prints exactly what ``agreement_content`` returns, so "any printed
word changed changes the fingerprint" holds by construction: the exporter must take
its text from here, not from the session directly. Presentation-only data (the view
state, cards, votes, diagnostics, signatures themselves) is left out, and so are
interests marked "not for print" (only their count is printed, as a note).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from workshop.domain.consent import (
    amended_after_objection,
    outcome_of,
    records_by_subject,
    text_version,
)
from workshop.domain.model import (
    AGREEMENT_SUBJECT,
    AMBITION_SUBJECT,
    AgreementItem,
    Goal,
    InterestKind,
    Owner,
    Session,
)

FINGERPRINT_VERSION = "workshop-agreement/1"


class _Printed:
    """Lookups built once per call, so the fingerprint stays linear in the session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.labels = {
            p.id: f"{p.name} ({p.organisation})" if p.organisation else p.name
            for p in session.participants
        }
        self.present = {p.id for p in session.participants if p.present}
        # The agreement's own round is filtered by its version, known only once the
        # rest is built (``agreement_content`` sets it afterwards).
        self.records = records_by_subject(session, agreement="-")

    def label(self, participant_id: str) -> str:
        return self.labels.get(participant_id, participant_id)

    def owner(self, owner: Owner | None) -> str:
        if owner is None:
            return ""
        return self.label(owner.ref) if owner.kind == "participant" else owner.ref

    def consent(self, subject_id: str) -> dict[str, Any]:
        records = self.records.get(subject_id, [])
        out: dict[str, Any] = {
            "outcome": outcome_of(records, self.present).value,
            "decisions": [
                {
                    "participant": self.label(r.participant_id),
                    "decision": r.decision.value,
                    "resolution": r.resolution.value if r.decision.value == "objection" else "",
                    "note": r.note,
                }
                for r in records
            ],
        }
        # Only when so: the fingerprints of sessions without amendments stay as they were.
        # (The agreement as a whole is amended through its articles, not as such.)
        if subject_id != AGREEMENT_SUBJECT and amended_after_objection(self.session,
                                                                       subject_id):
            out["amended"] = True
        return out

    def items(self, items: list[AgreementItem]) -> list[dict[str, Any]]:
        return [
            {"text": i.text, "source": i.source, "consent": self.consent(i.id)} for i in items
        ]


def owner_label(session: Session, owner: Owner | None) -> str:
    """How an action's owner is printed: "Name (Organisation)" or the organisation."""
    return _Printed(session).owner(owner)


def agreement_text(session: Session) -> dict[str, Any]:
    """Everything the agreement prints except the consent round on the agreement as a
    whole: what that round is about (its version is ``consent.agreement_version``)."""
    content = _content(session, _Printed(session))
    del content["agreement_consent"]
    return content


def agreement_content(session: Session) -> dict[str, Any]:
    """Everything the agreement prints, with references resolved to printed names."""
    return agreement_content_and_version(session)[0]


def fingerprint_and_version(session: Session) -> tuple[str, str]:
    """``fingerprint(session)`` and the agreement's version (``consent.agreement_version``)
    from one rendering of the content: a large session takes tens of milliseconds."""
    content, version = agreement_content_and_version(session)
    return hashlib.sha256(_canonical(content)).hexdigest(), version


def agreement_content_and_version(session: Session) -> tuple[dict[str, Any], str]:
    pr = _Printed(session)
    content = _content(session, pr)
    del content["agreement_consent"]
    version = text_version(content)
    pr.records[AGREEMENT_SUBJECT] = [
        r for r in session.consents
        if r.subject_id == AGREEMENT_SUBJECT and (not r.version or r.version == version)]
    content["agreement_consent"] = pr.consent(AGREEMENT_SUBJECT)
    return content, version


def _content(session: Session, pr: _Printed) -> dict[str, Any]:
    d = session.details
    printable = [i for i in session.interests.items if not i.private]
    goals = {g.id: g for g in session.ambition.goals}
    o = session.organising
    content: dict[str, Any] = {
        "version": FINGERPRINT_VERSION,
        "details": {
            "name": d.name,
            "region": d.region,
            "date": d.date.isoformat() if d.date else "",
            "venue": d.venue,
            "facilitator": d.facilitator,
            "language": d.language,
            "forms": [f.value for f in d.forms],
        },
        "parties": [
            {
                "name": p.name,
                "organisation": p.organisation,
                "role": p.role,
                "perspective": p.perspective,
                "represents": p.represents,
                "mandate": p.mandate,
                "present": p.present,
            }
            for p in session.participants
        ],
        "ambition": {
            "statement": session.ambition.statement,
            "goals": [_goal(g) for g in session.ambition.goals],
            "consent": pr.consent(AMBITION_SUBJECT),
        },
        "interests": {
            kind.value: [
                {"participant": pr.label(i.participant_id), "text": i.text}
                for i in printable
                if i.kind is kind
            ]
            for kind in InterestKind
        },
        "interests_withheld": len(session.interests.items) - len(printable),
        "principles": pr.items(session.principles),
        "rules": pr.items(session.rules),
        "organising": {
            "decision_rule": o.decision_rule.value if o.decision_rule else "",
            "decision_rule_note": o.decision_rule_note,
            "chair": o.chair.value if o.chair else "",
            "chair_note": o.chair_note,
            "cadence": o.cadence,
            "annual_calendar": o.annual_calendar,
            "representation": o.representation.value if o.representation else "",
            "representation_note": o.representation_note,
            "financing": [f.value for f in o.financing],
            "financing_note": o.financing_note,
            "evaluation": o.evaluation.value if o.evaluation else "",
            "evaluation_note": o.evaluation_note,
        },
        "roadmap": {
            "actions": [
                {
                    "title": a.title,
                    "description": a.description,
                    "owner": pr.owner(a.owner),
                    "start": a.start.isoformat() if a.start else "",
                    "due": a.due.isoformat() if a.due else "",
                    "phase": a.phase.value,
                    "status": a.status.value,
                    "goal": goals[a.goal_id].text if a.goal_id in goals else "",
                }
                for a in session.roadmap.actions
            ],
            "milestones": [
                {"title": m.title, "date": m.date.isoformat(), "note": m.note}
                for m in session.roadmap.milestones
            ],
            "evaluations": [
                {"title": m.title, "date": m.date.isoformat(), "note": m.note}
                for m in session.roadmap.evaluations
            ],
        },
        "agreement_consent": pr.consent(AGREEMENT_SUBJECT),
    }
    if not session.commitments.is_empty():
        # Only when there is something: sessions signed before commitments existed
        # keep their fingerprint.
        content["commitments"] = _commitments(session, pr)
    if session.evaluation is not None:
        # Only in an evaluation meeting's session: earlier fingerprints stay as they were.
        content["evaluation"] = _evaluation(session)
    return content


def _goal(goal: Goal) -> dict[str, Any]:
    out: dict[str, Any] = {"aim": goal.aim.value, "text": goal.text}
    if goal.indicators:  # only when so: fingerprints of goals without them stay
        out["indicators"] = [
            {"name": i.name, "unit": i.unit, "baseline": i.baseline,
             "values": [{"version": v.version, "value": v.value,
                         "date": v.date.isoformat() if v.date else ""} for v in i.values]}
            for i in goal.indicators]
    return out


def _evaluation(session: Session) -> dict[str, Any]:
    """The version, the chain before it and the look back, as the agreement prints them."""
    ev = session.evaluation
    assert ev is not None
    titles = {a.id: a.title for a in session.roadmap.actions}
    moments = {m.id: m.title for m in session.roadmap.evaluations}
    return {
        "version": ev.version,
        "chain": [{"version": e.version, "fingerprint": e.fingerprint,
                   "date": e.date.isoformat() if e.date else ""} for e in ev.chain],
        "reviews": [{"action": titles[r.action_id], "status": r.status.value, "note": r.note}
                    for r in ev.reviews if r.action_id in titles],
        "answers": [{"moment": moments[a.evaluation_id], "note": a.note}
                    for a in ev.answers if a.evaluation_id in moments],
    }


def _commitments(session: Session, pr: _Printed) -> dict[str, Any]:
    c = session.commitments
    return {
        "contributions": [
            {
                "organisation": x.organisation,
                "kind": x.kind.value,
                "amount": x.amount,
                "period": x.period.value,
                "description": x.description,
            }
            for x in c.contributions
        ],
        "roles": [
            {
                "kind": r.kind.value,
                "holder": pr.owner(r.holder),
                "theme": r.theme,
                "term": r.term,
                "represents": list(r.represents),
                "mandate": r.mandate,
            }
            for r in c.roles
        ],
        "year_plans": [
            {
                "organisation": y.organisation,
                "text": y.text,
                "due": y.due.isoformat() if y.due else "",
            }
            for y in c.year_plans
        ],
        "clauses": [{"kind": k.kind.value, "text": k.text} for k in c.clauses],
    }


def canonical_bytes(session: Session) -> bytes:
    """The agreement content as canonical JSON: sorted keys, no spaces, UTF-8."""
    return _canonical(agreement_content(session))


def _canonical(content: dict[str, Any]) -> bytes:
    return json.dumps(
        content,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode("utf-8")


def fingerprint(session: Session) -> str:
    """SHA-256 (hex) of the canonical agreement content."""
    return hashlib.sha256(canonical_bytes(session)).hexdigest()


def short_fingerprint(value: str) -> str:
    """The first 12 hex digits, grouped for reading aloud: ``1a2b 3c4d 5e6f``."""
    head = value[:12]
    return " ".join(head[i : i + 4] for i in range(0, 12, 4))


def signature_is_valid(session: Session, signature_fingerprint: str) -> bool:
    """A signature counts only for the exact text it was given on."""
    return signature_fingerprint == fingerprint(session)
