"""Deriving an item's outcome from its consent records (never stored, always derived).

A decision counts for the words it was given to. Each record carries the version of
its subject's text (``subject_version``: a short hash of the principle's or rule's
text, of the ambition statement with its goals, or of everything the agreement prints
for "the agreement as a whole"). When the text changes, the records of the earlier
version stay as history and no longer count: the round must be held again on the new
words. An objection resolved by amending the text is therefore followed by a new round.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import weakref
from collections.abc import Callable, Iterable
from typing import Any

from workshop.domain.model import (
    AGREEMENT_SUBJECT,
    AMBITION_SUBJECT,
    Amendment,
    ConsentRecord,
    Decision,
    ObjectionResolution,
    Outcome,
    Session,
    canonical_number,
)
from workshop.domain.operations import operation


def text_version(value: Any) -> str:
    """The version of a text (or of a JSON-able structure): 16 hex digits of SHA-256."""
    data = value if isinstance(value, str) else json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
        default=canonical_number)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def ambition_text(session: Session) -> dict[str, Any]:
    """What the table consents to in the ambition round: the statement and its goals."""
    a = session.ambition
    return {"statement": a.statement,
            "goals": [{"aim": g.aim.value, "text": g.text} for g in a.goals]}


def item_versions(session: Session) -> dict[str, str]:
    """The current version of every subject but the agreement as a whole."""
    versions = {AMBITION_SUBJECT: text_version(ambition_text(session))}
    for item in (*session.principles, *session.rules):
        versions[item.id] = text_version(item.text)
    return versions


def agreement_version(session: Session) -> str:
    """The version of the agreement as a whole: everything it prints but its own round."""
    from workshop.domain.fingerprint import agreement_text  # fingerprint imports us

    return text_version(agreement_text(session))


def subject_version(session: Session, subject_id: str, agreement: str | None = None) -> str:
    """The current version of a subject's words; ``agreement`` is the agreement's version
    when the caller has it already (``SessionDocument.agreement_version``)."""
    if subject_id == AGREEMENT_SUBJECT:
        return agreement if agreement is not None else agreement_version(session)
    if subject_id == AMBITION_SUBJECT:
        return text_version(ambition_text(session))
    for item in (*session.principles, *session.rules):
        if item.id == subject_id:
            return text_version(item.text)
    return ""


def is_current(record: ConsentRecord, version: str) -> bool:
    """An unstamped record (made in memory, not yet through an edit) counts as current."""
    return not record.version or record.version == version


def records_for(session: Session, subject_id: str, agreement: str | None = None
                ) -> list[ConsentRecord]:
    """The decisions that count for the subject's current text."""
    version = subject_version(session, subject_id, agreement)
    return [r for r in session.consents if r.subject_id == subject_id and is_current(r, version)]


def earlier_records(session: Session, subject_id: str, agreement: str | None = None
                    ) -> list[ConsentRecord]:
    """Decisions given to an earlier version of the subject's text (history)."""
    version = subject_version(session, subject_id, agreement)
    return [r for r in session.consents
            if r.subject_id == subject_id and not is_current(r, version)]


def standing_objections(records: list[ConsentRecord]) -> list[ConsentRecord]:
    return [
        r
        for r in records
        if r.decision is Decision.OBJECTION and r.resolution is ObjectionResolution.STANDING
    ]


Grouped = dict[str, list[ConsentRecord]]


class _Split:
    """One walk over a session's decisions: the current ones per subject and the
    earlier ones (history) per subject, both without the agreement as a whole, and the
    agreement's own records, whose version is the whole agreement's (``split``)."""

    __slots__ = ("agreement", "current", "earlier")

    def __init__(self, session: Session) -> None:
        version_of = item_versions(session).get
        current: Grouped = {}
        earlier: Grouped = {}
        agreement: list[ConsentRecord] = []
        for record in session.consents:  # (``is_current`` inlined: 2,000 records an edit)
            subject = record.subject_id
            if subject == AGREEMENT_SUBJECT:
                agreement.append(record)
                continue
            version = record.version
            group = current if not version or version == version_of(subject, "") else earlier
            records = group.get(subject)
            if records is None:
                group[subject] = [record]
            else:
                records.append(record)
        self.current, self.earlier, self.agreement = current, earlier, agreement


class _Memo:
    """What is kept for a session whose owner reports every change (``memoize``)."""

    __slots__ = ("answers", "ref", "split")

    def __init__(self, ref: weakref.ref[Session]) -> None:
        self.ref = ref
        self.split: _Split | None = None
        """Changes only with the decisions and the words they were given to."""
        self.answers: dict[str, Grouped] = {}
        """``records_by_subject`` per way of asking for the agreement's version: changes
        also with everything the agreement prints."""


_memos: dict[int, _Memo] = {}
"""Sessions whose owner reports every change (``memoize``), and what is kept for them."""


def memoize(session: Session) -> None:
    """Keep ``records_by_subject``'s answers for ``session`` until ``changed(session)``.

    For an owner through which every change of the session passes (the app's
    ``SessionDocument``): one edit's refresh asks for the same grouping six or seven
    times (the page, the step bar, the step states, the projector, the fingerprint),
    each a walk over every decision of the meeting."""
    key = id(session)
    _memos[key] = _Memo(weakref.ref(session, lambda _gone: _memos.pop(key, None)))


_RECORDS_AREAS = frozenset({"consents", "principles", "rules", "ambition"})
"""Top-level areas whose printed parts reach the decisions or the words they were given
to (a principle's, a rule's, the ambition's statement and goals)."""


def changed(session: Session, areas: Iterable[str] | None = None) -> None:
    """``session`` changed (or is about to) in ``areas`` (dotted paths; None: anything):
    forget what was kept for it that these areas reach. Areas the agreement does not
    print (cards, votes, scores, the view) reach nothing kept; other printed areas
    (names, interests, the roadmap) reach only the agreement's own records, which count
    for the version of everything printed."""
    entry = _memos.get(id(session))
    if entry is None:
        return
    if areas is None:
        entry.split = None
        entry.answers.clear()
        return
    from workshop.domain.fingerprint import unprinted  # fingerprint imports us

    printed = [area for area in areas if not unprinted(area)]
    if any(area.split(".", 1)[0] in _RECORDS_AREAS for area in printed):
        entry.split = None
    if printed:
        entry.answers.clear()


def _split(session: Session) -> _Split:
    entry = _memos.get(id(session))
    if entry is None or entry.ref() is not session:
        return _Split(session)
    if entry.split is None:
        entry.split = _Split(session)
    return entry.split


def earlier_by_subject(session: Session) -> Grouped:
    """Decisions given to earlier words, per subject (the agreement as a whole left
    out); kept like ``records_by_subject``, not to be changed."""
    return _split(session).earlier


def agreement_records(session: Session) -> list[ConsentRecord]:
    """Every decision on the agreement as a whole, of any version, in the session's
    order; kept like ``records_by_subject``, not to be changed."""
    return _split(session).agreement


def records_by_subject(session: Session,
                       agreement: str | Callable[[], str] | None = None
                       ) -> Grouped:
    """The current decisions per subject (not to be changed: it may be kept, see
    ``memoize``).

    ``agreement`` is the agreement's version when the caller has it, or where to get it
    (``SessionDocument.agreement_version``); without it the agreement's records are
    filtered only when there are any (it costs a rendering of the whole agreement's
    content). Either way it is only asked for when there are any."""
    entry = _memos.get(id(session))
    if entry is None or entry.ref() is not session:
        return _records_by_subject(session, agreement)
    # a version given, or "" for the session's own (asked for, or worked out: the same)
    key = agreement if isinstance(agreement, str) else ""
    kept = entry.answers.get(key)
    if kept is None:
        kept = entry.answers[key] = _grouped(session, _split(session), agreement)
    return kept


def _grouped(session: Session, split: _Split, agreement: str | Callable[[], str] | None
             ) -> Grouped:
    """``split``'s current decisions with the agreement's that count for its version."""
    grouped = dict(split.current)
    if split.agreement:
        version = agreement if isinstance(agreement, str) else (
            agreement() if callable(agreement) else agreement_version(session))
        counting = [r for r in split.agreement if is_current(r, version)]
        if counting:
            grouped[AGREEMENT_SUBJECT] = counting
    return grouped


def _records_by_subject(session: Session, agreement: str | Callable[[], str] | None
                        ) -> Grouped:
    """``records_by_subject`` made afresh (nothing kept)."""
    return _grouped(session, _Split(session), agreement)


def outcome(session: Session, subject_id: str) -> Outcome:
    """Agreed when every present participant has spoken and no objection stands.

    Concerns do not block: they stay recorded and are printed with the outcome.
    """
    present = {p.id for p in session.participants if p.present}
    return outcome_of(records_for(session, subject_id), present)


def outcome_of(records: list[ConsentRecord], present: set[str]) -> Outcome:
    if not records:
        return Outcome.OPEN
    if standing_objections(records):
        return Outcome.OBJECTED
    spoken = {r.participant_id for r in records}
    if present <= spoken:
        return Outcome.AGREED
    return Outcome.IN_PROGRESS


def subject_exists(session: Session, subject_id: str) -> bool:
    """Whether a round can be held on ``subject_id``: a principle, a rule, the ambition
    or the agreement as a whole."""
    if subject_id in (AMBITION_SUBJECT, AGREEMENT_SUBJECT):
        return True
    return any(i.id == subject_id for i in (*session.principles, *session.rules))


def amendments_of(session: Session, subject_id: str) -> list[Amendment]:
    return [a for a in session.amendments if a.subject_id == subject_id]


def stamp_unversioned(session: Session) -> bool:
    """Give every record without a version the current version of its subject.

    Run after each edit of the consents and when a file of schema 2 is loaded (its
    decisions were given to the text as it is). True when anything changed."""
    if all(r.version for r in session.consents):
        return False
    versions = item_versions(session)
    agreement: str | None = None
    for index, record in enumerate(session.consents):
        if record.version:
            continue
        if record.subject_id == AGREEMENT_SUBJECT:
            if agreement is None:
                agreement = agreement_version(session)
            version = agreement
        else:
            version = versions.get(record.subject_id, "")
        if version:
            session.consents[index] = record.model_copy(update={"version": version})
    return True


@operation("consents")
def decide(session: Session, subject_id: str, participant_id: str,
           decision: Decision | None) -> None:
    """Record (``None``: clear) a participant's decision on the subject's current text.

    A changed decision keeps the note; an objection starts standing."""
    version = subject_version(session, subject_id)
    index = _current_index(session, subject_id, participant_id, version)
    if decision is None:
        if index is not None:
            del session.consents[index]
        return
    if index is None:
        session.consents.append(ConsentRecord(subject_id=subject_id,
                                              participant_id=participant_id,
                                              decision=decision, version=version))
        return
    old = session.consents[index]
    if old.decision is not decision or old.version != version:
        session.consents[index] = ConsentRecord(
            subject_id=subject_id, participant_id=participant_id, decision=decision,
            note=old.note, version=version)


@operation("consents")
def update_current(session: Session, subject_id: str, participant_id: str,
                   **changes: Any) -> bool:
    """Change fields (note, resolution) of the participant's current decision."""
    version = subject_version(session, subject_id)
    index = _current_index(session, subject_id, participant_id, version)
    if index is None:
        return False
    session.consents[index] = session.consents[index].model_copy(
        update={**changes, "version": version})
    return True


@operation("consents")
def decide_with_note(session: Session, subject_id: str, participant_id: str,
                     decision: Decision, note: str) -> None:
    """A decision and its note at once (a phone sends both), on the words as they are
    now: a decision on earlier words stays as history; an objection starts standing."""
    decide(session, subject_id, participant_id, decision)
    update_current(session, subject_id, participant_id, note=note,
                   resolution=ObjectionResolution.STANDING)


@operation("consents")
def rest_consent(session: Session, subject_id: str) -> None:
    """Everyone present who has not spoken on the current text consents."""
    version = subject_version(session, subject_id)
    spoken = {r.participant_id for r in session.consents
              if r.subject_id == subject_id and is_current(r, version)}
    session.consents.extend(
        ConsentRecord(subject_id=subject_id, participant_id=p.id,
                      decision=Decision.CONSENT, version=version)
        for p in session.participants if p.present and p.id not in spoken)


def amend(session: Session, subject_id: str, set_text: Any, new_text: str,
          now: dt.datetime) -> bool:
    """Amend an item's text after an objection: the standing objections are marked
    resolved by amendment and the change is kept (``amendments``); every decision given
    to the old words stays as history, so the round starts again on the new ones.

    ``set_text(session, text)`` writes the new text where the subject keeps it.
    False when there is no standing objection to resolve (the text is still set)."""
    before_version = subject_version(session, subject_id)
    before_text = _subject_text(session, subject_id)
    standing = [i for i, r in enumerate(session.consents)
                if r.subject_id == subject_id and is_current(r, before_version)
                and r.decision is Decision.OBJECTION
                and r.resolution is ObjectionResolution.STANDING]
    for index in standing:
        session.consents[index] = session.consents[index].model_copy(
            update={"resolution": ObjectionResolution.AMENDED, "version": before_version})
    # Every record of the old words keeps its version, so none of them counts any more.
    for index, record in enumerate(session.consents):
        if record.subject_id == subject_id and not record.version:
            session.consents[index] = record.model_copy(update={"version": before_version})
    set_text(session, new_text)
    after_version = subject_version(session, subject_id)
    if standing and after_version != before_version:
        session.amendments.append(Amendment(
            subject_id=subject_id, before=before_text, after=new_text,
            before_version=before_version, after_version=after_version, at=now))
    return bool(standing)


def _subject_text(session: Session, subject_id: str) -> str:
    if subject_id == AMBITION_SUBJECT:
        return session.ambition.statement
    for item in (*session.principles, *session.rules):
        if item.id == subject_id:
            return item.text
    return ""


def _current_index(session: Session, subject_id: str, participant_id: str,
                   version: str) -> int | None:
    for index, record in enumerate(session.consents):
        if (record.subject_id == subject_id and record.participant_id == participant_id
                and is_current(record, version)):
            return index
    return None
