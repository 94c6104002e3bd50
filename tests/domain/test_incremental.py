"""The check after an edit looks only where the edit reached, and finds every problem
the full check finds: random edits to random valid sessions, then
``touched_problems(session, areas) == reference_problems(session)``."""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError
from samples import demo_session
from strategies import SETTINGS, rich_session, sessions

from workshop.domain.incremental import READS, checked_sections, touched_problems
from workshop.domain.model import Session, reference_problems

AREAS = [
    "participants", "agenda", "details", "organising", "view",
    "ambition.cards", "ambition.clusters", "ambition.votes", "ambition.goals", "ambition",
    "interests.items", "interests.links",
    "principles", "rules", "consents",
    "roadmap.actions", "roadmap.milestones", "roadmap.evaluations",
    "commitments.contributions", "commitments.roles", "commitments.year_plans",
    "commitments.clauses",
    "diagnostics.moments", "diagnostics.axes", "diagnostics.scores", "diagnostics.marks",
    "diagnostics.forms",
    "signatures",
]
"""The areas the app's edits name (``SessionDocument.edit``)."""


@cache
def _adapter(owner: type[BaseModel], field: str) -> TypeAdapter[Any]:
    return TypeAdapter(owner.model_fields[field].annotation)


def _holder(session: Session, area: str) -> tuple[BaseModel, str]:
    *parents, leaf = area.split(".")
    holder: BaseModel = session
    for part in parents:
        holder = getattr(holder, part)
    return holder, leaf


def _dump(session: Session, area: str) -> Any:
    holder, leaf = _holder(session, area)
    return _adapter(type(holder), leaf).dump_python(getattr(holder, leaf), mode="json")


def _put(session: Session, area: str, value: Any) -> None:
    """As ``SessionDocument`` restores an area: validate the area alone, then set it."""
    holder, leaf = _holder(session, area)
    object.__setattr__(holder, leaf, _adapter(type(holder), leaf).validate_python(value))


def _all_ids(doc: Any) -> list[str]:
    """Every id-like string in a dump: the values a broken reference might take."""
    found: list[str] = []
    if isinstance(doc, dict):
        for key, value in doc.items():
            if isinstance(value, str) and (key in ("id", "ref", "organisation")
                                           or key.endswith("_id")):
                found.append(value)
            else:
                found += _all_ids(value)
    elif isinstance(doc, list):
        for value in doc:
            found += _all_ids(value)
    return found


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to the strings, booleans and integers in a dump."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _leaves(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _leaves(v, (*path, i))]
    if isinstance(value, (str, bool, int)):
        return [path]
    return []


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        doc = doc[part]
    doc[path[-1]] = value


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


Draw = Callable[[st.SearchStrategy[Any]], Any]


def _edit(draw: Draw, session: Session, area: str) -> bool:
    """One random change of ``area``: remove, duplicate or reorder an element, or change
    a value to an id seen anywhere in the session. False if pydantic refuses it."""
    value = copy.deepcopy(_dump(session, area))
    pool = [*_all_ids(session.model_dump(mode="json")), "nobody", ""]
    kind = draw(st.sampled_from(["remove", "duplicate", "swap", "change", "change"]))
    if isinstance(value, list) and value and kind != "change":
        i = draw(st.integers(0, len(value) - 1))
        if kind == "remove":
            del value[i]
        elif kind == "duplicate":
            value.insert(draw(st.integers(0, len(value))), copy.deepcopy(value[i]))
        else:
            j = draw(st.integers(0, len(value) - 1))
            value[i], value[j] = value[j], value[i]
    else:
        leaves = _leaves(value)
        if not leaves:
            return False
        path = draw(st.sampled_from(leaves))
        old = _get(value, path)
        if isinstance(old, bool):
            new: Any = not old
        elif isinstance(old, int):
            new = draw(st.integers(0, 12))
        else:
            new = draw(st.sampled_from(pool) if pool else st.just("x"))
        _set(value, path, new)
    try:
        _put(session, area, value)
    except ValidationError:
        return False
    return True


@SETTINGS
@given(st.data())
def test_incremental_check_finds_what_the_full_check_finds(data: st.DataObject) -> None:
    session: Session = data.draw(st.one_of(sessions(), st.just(rich_session())))
    assert reference_problems(session) == []
    for _ in range(data.draw(st.integers(1, 6))):
        areas = tuple(data.draw(st.lists(st.sampled_from(AREAS), min_size=1, max_size=2,
                                         unique=True)))
        before = session.model_copy(deep=True)
        if not all([_edit(data.draw, session, area) for area in areas]):
            session = before
            continue
        full = reference_problems(session)
        assert touched_problems(session, areas) == full, areas
        if full:
            session = before  # refused, as the document refuses it


def test_a_broken_reference_is_found_by_the_small_check() -> None:
    """Removing a cluster leaves its cards pointing nowhere: found, with field and index."""
    session = rich_session()
    clustered = [i for i, c in enumerate(session.ambition.cards) if c.cluster_id]
    assert clustered
    gone = session.ambition.cards[clustered[0]].cluster_id
    session.ambition.clusters = [c for c in session.ambition.clusters if c.id != gone]
    problems = touched_problems(session, ["ambition.clusters"])
    assert problems == reference_problems(session)
    assert f"ambition.cards[{clustered[0]}].cluster_id" in problems[0].text("en")


def test_only_the_sections_involved_are_checked() -> None:
    assert checked_sections(["ambition.cards"]) == {"ambition", "participants", "roadmap"}
    assert checked_sections(["details"]) == frozenset()
    assert checked_sections(["participants"]) is None  # everything refers to them
    assert checked_sections(["something.new"]) is None  # unknown: the full check


def test_every_section_of_the_session_is_accounted_for() -> None:
    """A section added to the session is checked in full until ``READS`` names it, and
    an empty session passes, so the sections left out of a check add no problems."""
    known = set(READS) | {"participants", "format", "schema_version", "id"}
    assert reference_problems(Session.model_construct()) == []
    # a section the table does not know is always part of the check
    unknown = set(Session.model_fields) - known
    needed = checked_sections(["details"])
    assert needed is not None and unknown <= needed


def _every_edit(session: Session) -> list[tuple[str, Any]]:
    """Each area of the rich session with one element removed, or one id, flag or
    number changed: every single-step way to break a reference there."""
    out: list[tuple[str, Any]] = []
    for area in AREAS:
        value = _dump(session, area)
        if isinstance(value, list):
            for i in range(len(value)):
                out.append((area, value[:i] + value[i + 1:]))
                out.append((area, [*value[:i + 1], copy.deepcopy(value[i]), *value[i + 1:]]))
        for path in _leaves(value):
            old = _get(value, path)
            news = ([not old] if isinstance(old, bool) else [0, 99] if isinstance(old, int)
                    else ["nobody", ""] if path[-1] in ("id", "ref", "organisation")
                    or str(path[-1]).endswith("_id") else [])
            for new in news:
                changed = copy.deepcopy(value)
                _set(changed, path, new)
                out.append((area, changed))
    return out


@pytest.mark.parametrize("make", [rich_session, demo_session], ids=["rich", "demo"])
def test_every_single_break_is_found(make: Callable[[], Session]) -> None:
    """Exhaustive on two hand-made sessions: every element removed or doubled, every
    reference pointed nowhere, every flag and number changed, one at a time."""
    session = make()
    broken = 0
    for area, value in _every_edit(session):
        original = _dump(session, area)
        try:
            _put(session, area, value)
        except ValidationError:
            continue
        full = reference_problems(session)
        assert touched_problems(session, [area]) == full, area
        broken += bool(full)
        _put(session, area, original)
    assert broken > 100  # the edits really break rules, in many areas
