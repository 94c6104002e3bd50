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
from collections.abc import Callable, Iterable
from typing import Any

from workshop.domain import parties
from workshop.domain.consent import (
    agreement_records,
    amendments_of,
    earlier_by_subject,
    outcome_of,
    records_by_subject,
)
from workshop.domain.model import (
    AGREEMENT_SUBJECT,
    AMBITION_SUBJECT,
    AgreementItem,
    ConsentRecord,
    Decision,
    Goal,
    InterestKind,
    ObjectionResolution,
    Owner,
    Participant,
    Session,
    canonical_number,
)
from workshop.domain.perspectives import perspective_label
from workshop.i18n import Language

FINGERPRINT_VERSION = "workshop-agreement/1"

UNPRINTED_AREAS = frozenset({"ambition.cards", "ambition.clusters", "ambition.votes",
                             "ambition.vote_budget", "interests.links", "diagnostics", "view"})
"""Session areas the agreement does not print (``agreement_content`` leaves them out):
an edit of only these (or of parts of them) cannot void a signature, so the document
does not fingerprint it again (``workshop.ui.document``)."""


def unprinted(area: str) -> bool:
    """Whether ``area`` ("diagnostics.scores", "ambition.cards"...) is not printed."""
    parts = area.split(".")
    return any(".".join(parts[:k]) in UNPRINTED_AREAS for k in range(1, len(parts) + 1))


class _Printed:
    """Lookups built once per call, so the fingerprint stays linear in the session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.labels = {p.id: _label(p) for p in session.participants}
        self.present = {p.id for p in session.participants if p.present}
        # The agreement's own round is filtered by its version, known only once the
        # rest is built (``agreement_content`` sets it afterwards).
        # a copy: the agreement's own round is set in it below, and the grouping itself
        # may be the one the document keeps for everyone (``consent.memoize``)
        self.records = dict(records_by_subject(session, agreement="-"))
        self.earlier: dict[str, list[ConsentRecord]] = earlier_by_subject(session)

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
        objections = [r for r in self.earlier.get(subject_id, [])
                      if r.decision is Decision.OBJECTION
                      and r.resolution is not ObjectionResolution.WITHDRAWN]
        # An objection (not withdrawn) to earlier words: the current ones came from an
        # amendment.
        if objections:
            out["amended"] = True
            out["history"] = {
                "objections": [
                    {"participant": self.label(r.participant_id), "note": r.note}
                    for r in objections],
                "amendments": [{"before": a.before, "after": a.after}
                               for a in amendments_of(self.session, subject_id)],
            }
        return out

    def items(self, items: list[AgreementItem]) -> list[dict[str, Any]]:
        return [
            {"text": i.text, "source": i.source, "consent": self.consent(i.id)} for i in items
        ]


def _label(person: Participant) -> str:
    """How a participant is printed: "Name (Organisation)", or the name."""
    return f"{person.name} ({person.organisation})" if person.organisation else person.name


def owner_label(session: Session, owner: Owner | None) -> str:
    """How an action's owner is printed: "Name (Organisation)" or the organisation (as
    ``_Printed.owner``, without walking the decisions: a roadmap asks per action)."""
    if owner is None:
        return ""
    if owner.kind != "participant":
        return owner.ref
    person = session.participant(owner.ref)
    return _label(person) if person is not None else owner.ref


def agreement_text(session: Session) -> dict[str, Any]:
    """Everything the agreement prints except the consent round on the agreement as a
    whole: what that round is about (its version is ``consent.agreement_version``)."""
    content = _content(session, _Printed(session))
    del content["agreement_consent"]
    return content


def agreement_content(session: Session, lang: Language | None = None) -> dict[str, Any]:
    """Everything the agreement prints, with references resolved to printed names.

    Choices stored as keys are printed in words: in ``lang`` when the agreement is
    printed in another language than the session's (the fingerprint always uses the
    session's own language, the text that is signed).
    """
    return _rendered(session, lang)[0]


def fingerprint_and_version(session: Session) -> tuple[str, str]:
    """``fingerprint(session)`` and the agreement's version (``consent.agreement_version``)
    from one rendering of the content: a large session takes tens of milliseconds."""
    _content_, canonical, version = _rendered(session)
    return hashlib.sha256(canonical).hexdigest(), version


_ROUND_KEY = "agreement_consent"


def _rendered(session: Session, lang: Language | None = None
              ) -> tuple[dict[str, Any], bytes, str]:
    """(content, its canonical bytes, the agreement's version), serialised once.

    The version is the hash of the canonical content without the round on the whole
    (= ``consent.text_version(agreement_text(session))``); the full canonical form is
    that same text with the round spliced in front, where sorted keys put it."""
    pr = _Printed(session)
    content = _content(session, pr, lang)
    del content[_ROUND_KEY]
    rest = _canonical(content)
    version = hashlib.sha256(rest).hexdigest()[:16]
    pr.records[AGREEMENT_SUBJECT] = [
        r for r in agreement_records(session) if not r.version or r.version == version]
    consent = pr.consent(AGREEMENT_SUBJECT)
    if content and min(content) > _ROUND_KEY:
        canonical = (b'{"' + _ROUND_KEY.encode() + b'":' + _canonical(consent) + b","
                     + rest[1:])
        content[_ROUND_KEY] = consent
    else:  # a key sorting before the round's: serialise the whole once more
        content[_ROUND_KEY] = consent
        canonical = _canonical(content)
    return content, canonical, version


def _content(session: Session, pr: _Printed, lang: Language | None = None
             ) -> dict[str, Any]:
    return {key: build() for key, build in _builders(session, pr, lang).items()}


def _builders(session: Session, pr: _Printed, lang: Language | None = None
              ) -> dict[str, Callable[[], Any]]:
    """How each top-level key of the content is made, in the content's order (the keys
    that are only there when so are only here when so)."""
    d = session.details
    words: Language = lang or d.language
    o = session.organising

    def printable() -> list[Any]:
        return [i for i in session.interests.items if not i.private]

    def interests() -> dict[str, Any]:
        shown = printable()
        return {
            kind.value: [
                {"participant": pr.label(i.participant_id), "text": i.text}
                for i in shown
                if i.kind is kind
            ]
            for kind in InterestKind
        }

    def roadmap() -> dict[str, Any]:
        goals = {g.id: g for g in session.ambition.goals}
        return {
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
        }

    builders: dict[str, Callable[[], Any]] = {
        "version": lambda: FINGERPRINT_VERSION,
        "details": lambda: {
            "name": d.name,
            "region": d.region,
            "date": d.date.isoformat() if d.date else "",
            "venue": d.venue,
            "facilitator": d.facilitator,
            "language": d.language,
            "forms": [f.value for f in d.forms],
        },
        "parties": lambda: [
            {
                "name": p.name,
                "organisation": p.organisation,
                "role": p.role,
                # The words printed, so a session migrated from labels to keys keeps its
                # signatures when the printed word stays the same.
                "perspective": perspective_label(p.perspective, words),
                "represents": p.represents,
                "mandate": p.mandate,
                "present": p.present,
            }
            for p in session.participants
        ],
        "ambition": lambda: {
            "statement": session.ambition.statement,
            "goals": [_goal(g) for g in session.ambition.goals],
            "consent": pr.consent(AMBITION_SUBJECT),
        },
        "interests": interests,
        "interests_withheld": lambda: len(session.interests.items) - len(printable()),
        "principles": lambda: pr.items(session.principles),
        "rules": lambda: pr.items(session.rules),
        "organising": lambda: {
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
        "roadmap": roadmap,
        "agreement_consent": lambda: pr.consent(AGREEMENT_SUBJECT),
    }
    if not parties.is_plain(session):
        # Only when something was entered beyond the participants: migrated sessions
        # keep their fingerprint, and so their signatures.
        builders["legal"] = lambda: _legal(session, pr)
    if not session.commitments.is_empty():
        # Only when there is something: sessions signed before commitments existed
        # keep their fingerprint.
        builders["commitments"] = lambda: _commitments(session, pr)
    if session.evaluation is not None:
        # Only in an evaluation meeting's session: earlier fingerprints stay as they were.
        builders["evaluation"] = lambda: _evaluation(session)
    return builders


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


def _legal(session: Session, pr: _Printed) -> dict[str, Any]:
    from workshop.domain.document_kind import document_kind

    return {
        "kind": document_kind(session).value,
        "organisations": [
            {
                "name": v.name,
                "party": v.org.party,
                "signs": v.signs,
                "legal_name": v.org.legal_name,
                "legal_form": v.org.legal_form.value if v.org.legal_form else "",
                "seat": v.org.seat,
                "kvk": v.org.kvk,
                "representative": pr.label(v.representative.id) if v.representative else "",
                "function": v.function,
                "authority": v.org.authority.value if v.org.authority else "",
                "money_mandate": (str(v.org.money_mandate)
                                  if v.org.money_mandate is not None else ""),
                "involvement": v.org.involvement,
            }
            for v in parties.party_views(session)
        ],
        "considerations": list(session.legal.considerations),
        "place": session.legal.place,
    }


DEPENDS: dict[str, frozenset[str]] = {
    "version": frozenset(),
    "details": frozenset({"details"}),
    "parties": frozenset({"participants", "details"}),
    "ambition": frozenset({"ambition", "consents", "participants", "amendments"}),
    "interests": frozenset({"interests", "participants"}),
    "interests_withheld": frozenset({"interests"}),
    "principles": frozenset({"principles", "consents", "participants", "amendments"}),
    "rules": frozenset({"rules", "consents", "participants", "amendments"}),
    "organising": frozenset({"organising"}),
    "roadmap": frozenset({"roadmap", "ambition", "participants"}),
}
"""The top-level session fields each part of the content is made from. The other parts
(the round on the agreement as a whole, which covers the rest; the legal parties,
commitments and evaluation, there only when so) are made again every time."""


_ITEM_CONTEXT = frozenset({"participants", "amendments"})
"""What an item's printed form is made of besides its words and its decisions."""


def _assemble(parts: dict[str, bytes]) -> bytes:
    """The canonical form of a dict from the canonical forms of its values: what
    ``_canonical`` makes of the whole (sorted keys, no spaces)."""
    return b"{" + b",".join(_canonical(key) + b":" + parts[key] for key in sorted(parts)) \
        + b"}"


class AgreementCache:
    """``fingerprint_and_version`` of one session as it is edited, remaking only the
    parts of the content that an edit's areas reach (``DEPENDS``); the owner says what
    changed (``forget``). The same bytes as ``canonical_bytes``: a test makes random
    edits and compares."""

    def __init__(self) -> None:
        self._parts: dict[str, bytes] = {}
        self._items: dict[str, tuple[tuple[Any, ...], bytes]] = {}
        """A principle's or rule's printed form per id, with what it was made from
        (``_item``): a decision on one item remakes that item, not all fifty."""

    def forget(self, areas: Iterable[str] | None = None) -> None:
        """The session's ``areas`` (dotted paths; None: anything) changed."""
        if areas is None:
            self._parts.clear()
            self._items.clear()
            return
        top = {area.split(".", 1)[0] for area in areas}
        for key in [k for k in self._parts if DEPENDS[k] & top]:
            del self._parts[key]
        if top & _ITEM_CONTEXT:  # the names, who is present, the amendments
            self._items.clear()

    def _item(self, pr: _Printed, item: AgreementItem) -> bytes:
        """``_canonical`` of the item as ``_Printed.items`` prints it, kept while the
        item's words and its decisions (records never changed once made) stay the same; what else
        it is made of (``_ITEM_CONTEXT``) clears them all."""
        # (the records themselves: never changed once made, compared as the same objects
        # first, so a key of fifty decisions costs no more than the list's)
        key = (item.text, item.source, tuple(pr.records.get(item.id, ())),
               tuple(pr.earlier.get(item.id, ())))
        kept = self._items.get(item.id)
        if kept is not None and kept[0] == key:
            return kept[1]
        made = _canonical(pr.items([item])[0])
        self._items[item.id] = (key, made)
        return made

    def fingerprint_and_version(self, session: Session) -> tuple[str, str]:
        pr = _Printed(session)
        parts: dict[str, bytes] = {}
        items = {"principles": session.principles, "rules": session.rules}
        for key, build in _builders(session, pr).items():
            if key == _ROUND_KEY:
                continue
            part = self._parts.get(key)
            if part is None:
                if key in items:  # a list's canonical form: its items' joined by commas
                    part = b"[" + b",".join(self._item(pr, i) for i in items[key]) + b"]"
                else:
                    part = _canonical(build())
                if key in DEPENDS:
                    self._parts[key] = part
            parts[key] = part
        if len(self._items) > 2 * (len(session.principles) + len(session.rules)) + 64:
            self._items.clear()  # removed items are not kept for ever
        version = hashlib.sha256(_assemble(parts)).hexdigest()[:16]
        pr.records[AGREEMENT_SUBJECT] = [
            r for r in agreement_records(session) if not r.version or r.version == version]
        parts[_ROUND_KEY] = _canonical(pr.consent(AGREEMENT_SUBJECT))
        return hashlib.sha256(_assemble(parts)).hexdigest(), version


def canonical_bytes(session: Session) -> bytes:
    """The agreement content as canonical JSON: sorted keys, no spaces, UTF-8."""
    return _rendered(session)[1]


def _canonical(content: Any) -> bytes:
    return json.dumps(
        content,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=canonical_number,
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
