"""The sample sessions: the committed demo file, and the large session's promises."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from samples import demo_session, large_session

from workshop.domain.consent import outcome
from workshop.domain.fingerprint import agreement_content, fingerprint, signature_is_valid
from workshop.domain.model import (
    AMBITION_SUBJECT,
    Decision,
    InterestKind,
    LinkKind,
    ObjectionResolution,
    Outcome,
    Phase,
    QuadrupleAim,
    Session,
    default_axes,
)
from workshop.storage.files import dumps, load_session, loads

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "sessions" / "demo.workshop"
REGENERATE = (
    "sessions/demo.workshop is out of date; regenerate it with: PYTHONPATH=tests python3 -c "
    "\"from "
    "samples import demo_session; from workshop.storage.files import "
    "save_session; save_session(demo_session(), 'sessions/demo.workshop')\""
)


# --- the demo ----------------------------------------------------------------------


def test_committed_demo_file_matches_the_generator() -> None:
    expected = dumps(demo_session())
    assert DEMO.read_bytes() == expected, REGENERATE
    assert dumps(load_session(DEMO)) == expected, REGENERATE
    assert load_session(DEMO) == demo_session()


def test_demo_is_deterministic_and_independent() -> None:
    first = demo_session()
    first.participants[0].name = "Iemand anders"
    first.ambition.cards.clear()
    assert dumps(demo_session()) == dumps(demo_session())
    assert demo_session().participants[0].name == "Anna de Vries"
    assert len(demo_session().ambition.cards) == 20


def test_demo_validates_from_its_own_json() -> None:
    session = demo_session()
    assert Session.model_validate(session.model_dump(mode="json")) == session


def test_demo_details_are_dutch_and_complete() -> None:
    d = demo_session().details
    assert d.language == "nl"
    assert d.name.startswith("Samen gezond ouder worden")
    assert d.region and d.venue and d.facilitator
    assert d.date is not None and d.date.year == 2026


def test_demo_texts_are_dutch() -> None:
    s = demo_session()
    texts = [s.ambition.statement, *(c.text for c in s.ambition.cards),
             *(i.text for i in s.interests.items),
             *(i.text for i in s.principles + s.rules), *(a.title for a in s.roadmap.actions)]
    words = {w.strip(".,:;'()").lower() for t in texts for w in t.split()}
    assert {"de", "het", "een", "en", "we", "van", "niet"} <= words
    assert not words & {"the", "and", "we're", "with", "of", "is not"}


def test_demo_participants() -> None:
    s = demo_session()
    assert 8 <= len(s.participants) <= 10
    assert len({p.organisation for p in s.participants}) == len(s.participants)
    absent = [p for p in s.participants if not p.present]
    assert len(absent) == 1
    for p in s.participants:
        assert p.name and p.organisation and p.role and p.perspective
        assert p.represents and p.mandate
    perspectives = {p.perspective for p in s.participants}  # stored as keys
    assert perspectives >= {"hospital", "gp_care", "elderly_care", "mental_health",
                            "municipality", "public_health", "health_insurer"}


def test_demo_ambition() -> None:
    a = demo_session().ambition
    assert 18 <= len(a.cards) <= 22
    assert 4 <= len(a.clusters) <= 5
    assert all(any(c.cluster_id == cl.id for c in a.cards) for cl in a.clusters)
    assert any(c.author_id is None for c in a.cards), "some cards come from the table"
    assert a.vote_budget == 3
    used = Counter[str]()
    for v in a.votes:
        used[v.participant_id] += v.dots
    assert used and max(used.values()) <= a.vote_budget
    assert a.statement
    assert 3 <= len(a.goals) <= 5
    assert {g.aim for g in a.goals} >= {QuadrupleAim.POPULATION_HEALTH,
                                        QuadrupleAim.EXPERIENCE_OF_CARE}


def test_demo_interests() -> None:
    s = demo_session()
    items = s.interests.items
    assert {i.kind for i in items} == set(InterestKind)
    kinds_per_participant: dict[str, set[InterestKind]] = {}
    for i in items:
        kinds_per_participant.setdefault(i.participant_id, set()).add(i.kind)
    complete = [pid for pid, kinds in kinds_per_participant.items()
                if kinds == set(InterestKind)]
    assert len(complete) > len(s.participants) / 2, "most participants have all three"
    assert 1 <= sum(i.private for i in items) <= 2
    assert sorted(link.kind for link in s.interests.links) == [LinkKind.OVERLAP,
                                                               LinkKind.TENSION]
    withheld = agreement_content(s)["interests_withheld"]
    assert withheld == sum(i.private for i in items)


def test_demo_principles_rules_and_consent() -> None:
    s = demo_session()
    assert len(s.principles) == 5 and len(s.rules) == 5
    for item in s.principles + s.rules:
        assert item.source, f"{item.id} needs a source reference"
    decisions = Counter(r.decision for r in s.consents)
    assert decisions[Decision.CONCERN] >= 1
    objections = [r for r in s.consents if r.decision is Decision.OBJECTION]
    assert objections and all(r.resolution is ObjectionResolution.AMENDED
                              for r in objections)
    assert outcome(s, AMBITION_SUBJECT) is Outcome.AGREED
    assert outcome(s, objections[0].subject_id) is Outcome.AGREED
    assert outcome(s, "sr-informatie") is Outcome.IN_PROGRESS


def test_demo_organising_is_filled_in() -> None:
    o = demo_session().organising
    assert o.decision_rule and o.chair and o.representation and o.evaluation
    assert o.financing
    assert o.cadence and o.annual_calendar
    assert o.decision_rule_note and o.chair_note and o.representation_note
    assert o.financing_note and o.evaluation_note


def test_demo_roadmap() -> None:
    s = demo_session()
    r = s.roadmap
    assert 9 <= len(r.actions) <= 12
    assert {a.phase for a in r.actions} == set(Phase)
    assert len({a.status for a in r.actions}) >= 3
    owners = {a.owner.kind for a in r.actions if a.owner is not None}
    assert owners == {"participant", "organisation"}
    assert all(a.start and a.due for a in r.actions)
    assert sum(a.goal_id is not None for a in r.actions) >= 3
    assert len(r.milestones) == 3
    assert len(r.evaluations) == 2


def test_demo_diagnostics_and_no_signatures() -> None:
    s = demo_session()
    d = s.diagnostics
    present = {p.id for p in s.participants if p.present}
    assert len(d.moments) == 1
    assert [a.id for a in d.axes] == [a.id for a in default_axes()]
    assert Counter(sc.participant_id for sc in d.scores) == {pid: 5 for pid in present}
    assert Counter(m.participant_id for m in d.marks) == {pid: 8 for pid in present}
    assert {f.participant_id for f in d.forms} == present
    assert s.signatures == []


# --- the large session ---------------------------------------------------------------


def test_large_session_counts_and_validity() -> None:
    started = time.thread_time()  # CPU: other programs on the machine do not count
    s = large_session()
    assert time.thread_time() - started < 2.0
    assert len(s.participants) == 40
    assert len(s.ambition.cards) == 1000
    assert len(s.ambition.clusters) == 25
    assert len(s.interests.items) == 360
    assert {i.kind for i in s.interests.items} == set(InterestKind)
    assert s.interests.links
    assert len(s.principles) == 30
    assert len(s.rules) == 20
    assert s.consents
    assert len(s.roadmap.actions) == 250
    assert s.roadmap.milestones and s.roadmap.evaluations
    assert len(s.diagnostics.moments) == 2
    assert len(s.signatures) == 40
    used = Counter[str]()
    for v in s.ambition.votes:
        used[v.participant_id] += v.dots
    assert max(used.values()) <= s.ambition.vote_budget
    assert loads(dumps(s)) == s


def test_large_session_signatures_match_and_look_like_ink() -> None:
    s = large_session()
    current = fingerprint(s)
    for sig in s.signatures:
        assert sig.fingerprint == current
        assert signature_is_valid(s, sig.fingerprint)
        assert 3 <= len(sig.strokes) <= 8
        for stroke in sig.strokes:
            assert 30 <= len(stroke.points) <= 120
            for x, y, pressure in stroke.points:
                assert 0 <= x <= 1000 and y >= 0 and 0 < pressure <= 1
                assert round(x, 1) == x and round(y, 1) == y


def test_large_session_is_deterministic_per_seed() -> None:
    assert dumps(large_session(3)) == dumps(large_session(3))
    assert dumps(large_session(3)) != dumps(large_session(4))
