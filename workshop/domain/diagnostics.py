"""The diagnostics in numbers: scores, spread and changes between measurement moments.

Pure functions on a ``Session`` (no Qt, no I/O), shared by the workspace charts, the
projector canvases and the PDF appendix, so the room, the screen and the paper show
the same figures.

*Spread* is the population standard deviation of the scores given (everyone at the
table is the population, not a sample of it); the range (lowest and highest score) is
given beside it because "from 1 to 5" is what a room understands at a glance.
Conditions are sorted by spread, widest first: spread is the conversation starter.

The ``set_*`` and ``add_*`` helpers change a session in place; the UI calls them inside
``SessionDocument.edit`` so every change stays one undoable, validated step.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from workshop.domain.model import (
    CollaborationForm,
    Condition,
    ConditionScore,
    FormChoice,
    Moment,
    Session,
    SpectrumAxis,
    SpectrumMark,
    new_id,
)
from workshop.domain.operations import operation

SPREAD_MEASURE = "standard deviation"
"""What ``spread`` means everywhere (population standard deviation)."""


@dataclass(frozen=True)
class Summary:
    """Mean, spread (population standard deviation) and range of some values."""

    count: int
    mean: float | None
    spread: float | None
    low: int | None
    high: int | None


def summarise(values: Iterable[int]) -> Summary:
    data = list(values)
    if not data:
        return Summary(0, None, None, None, None)
    mean = sum(data) / len(data)
    spread = math.sqrt(sum((v - mean) ** 2 for v in data) / len(data))
    return Summary(len(data), mean, spread, min(data), max(data))


@dataclass(frozen=True)
class ConditionStats:
    condition: Condition
    moment_id: str
    scores: tuple[tuple[str, int], ...]
    """(participant id, score) in the order of the participants list."""
    summary: Summary

    @property
    def mean(self) -> float | None:
        return self.summary.mean

    @property
    def spread(self) -> float | None:
        return self.summary.spread


@dataclass(frozen=True)
class AxisStats:
    axis: SpectrumAxis
    moment_id: str
    marks: tuple[tuple[str, int], ...]
    summary: Summary


@dataclass(frozen=True)
class ConditionChange:
    condition: Condition
    before: Summary
    after: Summary

    @property
    def delta(self) -> float | None:
        if self.before.mean is None or self.after.mean is None:
            return None
        return self.after.mean - self.before.mean


# --- moments -------------------------------------------------------------------------


def moment(session: Session, moment_id: str | None) -> Moment | None:
    return next((m for m in session.diagnostics.moments if m.id == moment_id), None)


def latest_moment(session: Session) -> Moment | None:
    moments = session.diagnostics.moments
    return max(moments, key=lambda m: m.taken_at) if moments else None


@operation("diagnostics.moments")
def add_moment(session: Session, label: str, taken_at: dt.datetime,
               moment_id: str | None = None, key: str | None = None) -> Moment:
    """A new measurement moment named ``label`` (the facilitator's words) or ``key`` (a
    name the app gives, shown in the language of the screen or document)."""
    new = Moment(id=moment_id or new_id("mt"), label="" if key else label, key=key,
                 taken_at=taken_at)
    session.diagnostics.moments.append(new)
    return new


def _order(session: Session) -> dict[str, int]:
    return {p.id: i for i, p in enumerate(session.participants)}


# --- the five conditions ---------------------------------------------------------------


def scores_by_cell(session: Session, moment_id: str) -> dict[tuple[str, Condition],
                                                           ConditionScore]:
    return {(s.participant_id, s.condition): s for s in session.diagnostics.scores
            if s.moment_id == moment_id}


def condition_stats(session: Session, moment_id: str) -> list[ConditionStats]:
    """Per condition (in the model's order): every score, mean, spread and range."""
    order = _order(session)
    per: dict[Condition, list[tuple[str, int]]] = {c: [] for c in Condition}
    for s in session.diagnostics.scores:
        if s.moment_id == moment_id:
            per[s.condition].append((s.participant_id, s.score))
    result = []
    for condition, given in per.items():
        given.sort(key=lambda item: order.get(item[0], len(order)))
        result.append(ConditionStats(condition, moment_id, tuple(given),
                                     summarise(v for _p, v in given)))
    return result


def by_spread(stats: list[ConditionStats]) -> list[ConditionStats]:
    """Widest spread first; conditions nobody scored last; ties keep the model's order."""
    return sorted(stats, key=lambda s: -(s.spread if s.spread is not None else -1.0))


@operation("diagnostics.scores")
def set_score(session: Session, moment_id: str, participant_id: str, condition: Condition,
              score: int | None, note: str | None = None) -> None:
    """Give (or with ``score`` None, take away) one score; ``note`` None keeps the note."""
    scores = session.diagnostics.scores
    for i, s in enumerate(scores):
        if (s.moment_id, s.participant_id, s.condition) == (moment_id, participant_id,
                                                            condition):
            if score is None:
                del scores[i]
            else:
                s.score = score
                if note is not None:
                    s.note = note
            return
    if score is not None:
        scores.append(ConditionScore(moment_id=moment_id, participant_id=participant_id,
                                     condition=condition, score=score, note=note or ""))


def compare(session: Session, before_id: str, after_id: str) -> list[ConditionChange]:
    before = {s.condition: s.summary for s in condition_stats(session, before_id)}
    after = {s.condition: s.summary for s in condition_stats(session, after_id)}
    return [ConditionChange(c, before[c], after[c]) for c in Condition]


# --- expectation spectra ---------------------------------------------------------------


def marks_by_cell(session: Session, moment_id: str) -> dict[tuple[str, str], int]:
    return {(m.participant_id, m.axis_id): m.value for m in session.diagnostics.marks
            if m.moment_id == moment_id}


def axis_stats(session: Session, moment_id: str) -> list[AxisStats]:
    order = _order(session)
    per: dict[str, list[tuple[str, int]]] = {a.id: [] for a in session.diagnostics.axes}
    for m in session.diagnostics.marks:
        if m.moment_id == moment_id and m.axis_id in per:
            per[m.axis_id].append((m.participant_id, m.value))
    result = []
    for axis in session.diagnostics.axes:
        given = sorted(per[axis.id], key=lambda item: order.get(item[0], len(order)))
        result.append(AxisStats(axis, moment_id, tuple(given),
                                summarise(v for _p, v in given)))
    return result


@operation("diagnostics.marks")
def set_mark(session: Session, moment_id: str, participant_id: str, axis_id: str,
             value: int | None) -> None:
    marks = session.diagnostics.marks
    for i, m in enumerate(marks):
        if (m.moment_id, m.participant_id, m.axis_id) == (moment_id, participant_id, axis_id):
            if value is None:
                del marks[i]
            else:
                m.value = value
            return
    if value is not None:
        marks.append(SpectrumMark(moment_id=moment_id, participant_id=participant_id,
                                  axis_id=axis_id, value=value))


@operation("diagnostics.axes")
def add_axis(session: Session, title: str, left: str, right: str) -> SpectrumAxis:
    axis = SpectrumAxis(id=new_id("axis"), title=title, left=left, right=right)
    session.diagnostics.axes.append(axis)
    return axis


# --- forms of collaboration ------------------------------------------------------------


def forms_by_participant(session: Session, moment_id: str
                         ) -> dict[str, list[CollaborationForm]]:
    return {f.participant_id: list(f.forms) for f in session.diagnostics.forms
            if f.moment_id == moment_id}


def form_distribution(session: Session, moment_id: str) -> dict[CollaborationForm, int]:
    """How many participants named each form (one participant may name several)."""
    counts = dict.fromkeys(CollaborationForm, 0)
    for f in session.diagnostics.forms:
        if f.moment_id == moment_id:
            for form in set(f.forms):
                counts[form] += 1
    return counts


def form_choosers(session: Session, moment_id: str) -> dict[CollaborationForm, list[str]]:
    """Participant ids per form, in the order of the participants list."""
    order = _order(session)
    result: dict[CollaborationForm, list[str]] = {f: [] for f in CollaborationForm}
    for f in session.diagnostics.forms:
        if f.moment_id == moment_id:
            for form in set(f.forms):
                result[form].append(f.participant_id)
    for ids in result.values():
        ids.sort(key=lambda pid: order.get(pid, len(order)))
    return result


@operation("diagnostics.forms")
def set_forms(session: Session, moment_id: str, participant_id: str,
              forms: Iterable[CollaborationForm]) -> None:
    """The forms one participant names (none removes the choice), in the model's order."""
    chosen = [f for f in CollaborationForm if f in set(forms)]
    choices = session.diagnostics.forms
    for i, f in enumerate(choices):
        if (f.moment_id, f.participant_id) == (moment_id, participant_id):
            if chosen:
                f.forms = chosen
            else:
                del choices[i]
            return
    if chosen:
        choices.append(FormChoice(moment_id=moment_id, participant_id=participant_id,
                                  forms=chosen))


def respondents(session: Session, moment_id: str) -> set[str]:
    """Participants who gave anything at ``moment_id``."""
    d = session.diagnostics
    return ({s.participant_id for s in d.scores if s.moment_id == moment_id}
            | {m.participant_id for m in d.marks if m.moment_id == moment_id}
            | {f.participant_id for f in d.forms if f.moment_id == moment_id})
