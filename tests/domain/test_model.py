"""The rules a facilitator expects the session to keep, each broken rule a message that
names the field; and how a consent outcome is derived."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import ValidationError
from strategies import rich_session

from workshop.domain.consent import outcome, outcome_of, records_for, standing_objections
from workshop.domain.model import (
    AGREEMENT_SUBJECT,
    AMBITION_SUBJECT,
    ConsentRecord,
    Decision,
    ObjectionResolution,
    Outcome,
    Session,
    reference_problems,
)
from workshop.domain.validation import field_path, problems_from

Doc = dict[str, Any]


def _doc() -> Doc:
    doc: Doc = json.loads(rich_session().model_dump_json())
    return doc


def problems(change: Callable[[Doc], object]) -> list[str]:
    doc = _doc()
    change(doc)
    with pytest.raises(ValidationError) as info:
        Session.model_validate(doc)
    found = [problem.text("en") for problem in problems_from(info.value)]
    assert found, "a refused session must say why"
    return found


def test_the_rich_session_is_valid() -> None:
    assert reference_problems(rich_session()) == []
    assert Session.model_validate(_doc()) == rich_session()


# --- unique ids --------------------------------------------------------------------


def _dup(path: str, index: int, value: str) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        node: Any = doc
        for part in path.split("."):
            node = node[part]
        node.append(dict(node[index], **({"id": value} if value else {})))

    return change


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("participants", "participants[4].id: the id 'p-anna' is used twice"),
        ("ambition.cards", "ambition.cards[2].id: the id 'c-1' is used twice"),
        ("ambition.clusters", "ambition.clusters[1].id: the id 'cl-1' is used twice"),
        ("ambition.goals", "ambition.goals[2].id: the id 'g-1' is used twice"),
        ("interests.items", "interests.items[3].id: the id 'i-1' is used twice"),
        ("interests.links", "interests.links[1].id: the id 'l-1' is used twice"),
        ("roadmap.actions", "roadmap.actions[2].id: the id 'a-1' is used twice"),
        ("roadmap.milestones", "roadmap.milestones[1].id: the id 'm-1' is used twice"),
        ("roadmap.evaluations", "roadmap.evaluations[1].id: the id 'e-1' is used twice"),
        ("diagnostics.moments", "diagnostics.moments[1].id: the id 'mo-1' is used twice"),
        ("diagnostics.axes", "diagnostics.axes[8].id: the id 'axis-topic' is used twice"),
    ],
)
def test_ids_are_unique(path: str, expected: str) -> None:
    assert expected in problems(_dup(path, 0, ""))


def test_ids_are_unique_across_principles_and_rules() -> None:
    def change(doc: Doc) -> None:
        doc["rules"][0]["id"] = "pr-1"

    found = problems(change)
    assert "principles+rules[2].id: the id 'pr-1' is used twice" in found


def test_a_participant_signs_once() -> None:
    def change(doc: Doc) -> None:
        doc["signatures"].append(dict(doc["signatures"][0], id="sig-2"))

    assert problems(change) == ["signatures[1]: this participant has signed twice"]


def test_agenda_steps_are_unique() -> None:
    def change(doc: Doc) -> None:
        doc["agenda"].append({"step": "ambition", "minutes": 10})

    assert problems(change) == ["agenda: a step has more than one time box"]


# --- references resolve ------------------------------------------------------------


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value

    return change


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("ambition.cards.0.author_id", "p-x",
         "ambition.cards[0].author_id: 'p-x' is not a participant of this session"),
        ("ambition.cards.0.cluster_id", "cl-x",
         "ambition.cards[0].cluster_id: 'cl-x' is not a cluster of this session"),
        ("ambition.votes.0.card_id", "c-x",
         "ambition.votes[0].card_id: 'c-x' is not a card of this session"),
        ("ambition.votes.0.participant_id", "p-x",
         "ambition.votes[0].participant_id: 'p-x' is not a participant of this session"),
        ("interests.items.0.participant_id", "p-x",
         "interests.items[0].participant_id: 'p-x' is not a participant of this session"),
        ("interests.links.0.a_id", "i-x",
         "interests.links[0].a_id: 'i-x' is not an interest of this session"),
        ("interests.links.0.b_id", "i-x",
         "interests.links[0].b_id: 'i-x' is not an interest of this session"),
        ("consents.0.subject_id", "pr-x",
         "consents[0].subject_id: 'pr-x' is not a principle, rule, 'ambition' or 'agreement'"),
        ("consents.0.participant_id", "p-x",
         "consents[0].participant_id: 'p-x' is not a participant of this session"),
        ("roadmap.actions.0.owner", {"kind": "participant", "ref": "p-x"},
         "roadmap.actions[0].owner: 'p-x' is not a participant of this session"),
        ("roadmap.actions.1.owner", {"kind": "organisation", "ref": "Ziekenhuis X"},
         "roadmap.actions[1].owner: 'Ziekenhuis X' is not an organisation of this session"),
        ("roadmap.actions.1.owner", {"kind": "organisation", "ref": "p-anna"},
         "roadmap.actions[1].owner: 'p-anna' is not an organisation of this session"),
        ("roadmap.actions.0.owner", {"kind": "participant", "ref": "GGD Twente"},
         "roadmap.actions[0].owner: 'GGD Twente' is not a participant of this session"),
        ("roadmap.actions.0.goal_id", "g-x",
         "roadmap.actions[0].goal_id: 'g-x' is not a goal of this session"),
        ("diagnostics.scores.0.moment_id", "mo-x",
         "diagnostics.scores[0].moment_id: 'mo-x' is not a measurement moment of this session"),
        ("diagnostics.marks.0.axis_id", "axis-x",
         "diagnostics.marks[0].axis_id: 'axis-x' is not an axis of this session"),
        ("signatures.0.participant_id", "p-x",
         "signatures[0].participant_id: 'p-x' is not a participant of this session"),
    ],
)
def test_references_resolve(path: str, value: Any, expected: str) -> None:
    assert problems(_set(path, value)) == [expected]


def test_the_table_may_author_a_card() -> None:
    doc = _doc()
    doc["ambition"]["cards"][0]["author_id"] = None
    session = Session.model_validate(doc)
    assert session.ambition.cards[0].author_id is None
    assert reference_problems(session) == []


def test_an_organisation_owner_matches_the_trimmed_name() -> None:
    doc = _doc()
    doc["participants"][1]["organisation"] = "  Zorggroep Oost  "
    assert Session.model_validate(doc).organisations()[1] == "Zorggroep Oost"


def test_removing_a_participant_reports_every_dangling_reference() -> None:
    def change(doc: Doc) -> None:
        del doc["participants"][0]  # Anna authored, voted, owns, signed, consented

    found = problems(change)
    for field in ("ambition.cards[0].author_id", "ambition.votes[0].participant_id",
                  "interests.items[0].participant_id", "consents[0].participant_id",
                  "roadmap.actions[0].owner", "diagnostics.scores[0].participant_id",
                  "signatures[0].participant_id"):
        assert any(p.startswith(f"{field}: 'p-anna'") for p in found), (field, found)


# --- dates and budgets -------------------------------------------------------------


def test_due_not_before_start() -> None:
    assert problems(_set("roadmap.actions.1.due", "2027-01-31")) == [
        "roadmap.actions[1].due: the due date 2027-01-31 lies before the start 2027-02-01"
    ]


def test_due_on_the_start_day_is_fine() -> None:
    doc = _doc()
    doc["roadmap"]["actions"][1]["due"] = doc["roadmap"]["actions"][1]["start"]
    session = Session.model_validate(doc)
    action = session.roadmap.actions[1]
    assert action.due == action.start
    assert reference_problems(session) == []


def test_vote_budget_is_kept() -> None:
    def change(doc: Doc) -> None:
        doc["ambition"]["votes"].append({"participant_id": "p-anna", "card_id": "c-2",
                                         "dots": 2})

    assert problems(change) == ["ambition.votes: 'p-anna' used 4 dots, the budget is 3"]


def test_exactly_the_budget_is_fine() -> None:
    doc = _doc()
    doc["ambition"]["votes"].append({"participant_id": "p-anna", "card_id": "c-2",
                                     "dots": 1})
    session = Session.model_validate(doc)
    assert sum(v.dots for v in session.ambition.votes if v.participant_id == "p-anna") == 3
    assert reference_problems(session) == []


def test_lowering_the_budget_below_votes_cast_is_refused() -> None:
    assert problems(_set("ambition.vote_budget", 1)) == [
        "ambition.votes: 'p-anna' used 2 dots, the budget is 1"
    ]


def test_one_vote_per_card_per_participant() -> None:
    def change(doc: Doc) -> None:
        doc["ambition"]["votes"].append({"participant_id": "p-anna", "card_id": "c-1",
                                         "dots": 1})

    assert "ambition.votes[1]: this participant already voted on this card" in problems(change)


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("ambition.votes.0.dots", 0, "ambition.votes[0].dots: must be at least 1"),
        ("ambition.vote_budget", -1, "ambition.vote_budget: must be at least 0"),
        ("diagnostics.scores.0.score", 6, "diagnostics.scores[0].score: must be at most 5"),
        ("view.projector_text_scale", 0.1,
         "view.projector_text_scale: must be at least 0.25"),
    ],
)
def test_numbers_stay_in_range(path: str, value: Any, expected: str) -> None:
    assert problems(_set(path, value)) == [expected]


# --- names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "participants.0.name",
        "details.name",
        "ambition.cards.0.text",
        "ambition.goals.0.text",
        "interests.items.0.text",
        "principles.0.text",
        "rules.0.text",
        "roadmap.actions.0.title",
        "roadmap.milestones.0.title",
        "roadmap.evaluations.0.title",
    ],
)
@pytest.mark.parametrize("blank", ["", " ", "\t\n", "\u3000", "\u00a0 \u2028"])
def test_names_are_not_empty_or_blank(path: str, blank: str) -> None:
    found = problems(_set(path, blank))
    field = field_path(tuple(int(p) if p.isdigit() else p for p in path.split(".")))
    assert len(found) == 1, found
    assert found[0].startswith(f"{field}: must not be empty"), found


def test_an_owner_reference_is_not_blank() -> None:
    found = problems(_set("roadmap.actions.1.owner", {"kind": "organisation", "ref": " "}))
    assert found[0].startswith("roadmap.actions[1].owner.ref: must not be empty")


@pytest.mark.parametrize("name", ["A", " Anna ", "李", "👩🏽‍⚕️", "<b>&amp;</b>"])
def test_any_visible_name_is_fine(name: str) -> None:
    doc = _doc()
    doc["participants"][0]["name"] = name
    assert Session.model_validate(doc).participants[0].name == name


# --- interests ---------------------------------------------------------------------


def test_a_link_joins_two_different_participants() -> None:
    def change(doc: Doc) -> None:
        doc["interests"]["items"][1]["participant_id"] = "p-anna"

    assert problems(change) == [
        "interests.links[0]: a link joins interests of two different participants"
    ]


def test_a_link_from_an_interest_to_itself_is_refused() -> None:
    assert problems(_set("interests.links.0.b_id", "i-1")) == [
        "interests.links[0]: a link joins interests of two different participants"
    ]


# --- other field errors name the field ---------------------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_set("ambition.vote_budget", "drie"), "ambition.vote_budget: must be a whole number"),
        (_set("participants.0.present", "soms"), "participants[0].present: must be true or false"),
        (_set("details.date", "22-11-2026"), "details.date: must be a date (YYYY-MM-DD)"),
        (_set("participants.0.nickname", "An"), "participants[0].nickname: is not a known field"),
        (lambda d: d["participants"][0].pop("name"), "participants[0].name: is missing"),
        (_set("participants", {}), "participants: must be a list"),
        (_set("ambition", []), "ambition: must be an object"),
        (_set("participants.0.id", "p anna"),
         "participants[0].id: must not be empty or contain forbidden characters"),
    ],
)
def test_type_errors_name_the_field(change: Callable[[Doc], object], expected: str) -> None:
    assert expected in problems(change)


def test_an_enum_error_lists_the_choices() -> None:
    found = problems(_set("roadmap.actions.0.phase", "dreaming"))
    assert len(found) == 1
    assert found[0].startswith("roadmap.actions[0].phase: must be one of: ")
    assert "'pilot'" in found[0] and "'implementation'" in found[0]


def test_problems_are_capped() -> None:
    def change(doc: Doc) -> None:
        doc["participants"] = [{"id": f"p{n}", "name": ""} for n in range(80)]

    found = problems(change)
    assert len(found) == 51 and found[-1] == "… and 30 more problems"


def test_field_path() -> None:
    assert field_path(("roadmap", "actions", 3, "due")) == "roadmap.actions[3].due"
    assert field_path(("signatures", 0, "strokes", 1, "points", 2, 0)) == (
        "signatures[0].strokes[1].points[2][0]"
    )
    assert field_path(()) == ""


# --- consent outcomes --------------------------------------------------------------
# In the rich session Anna, Bram and Cem are present and Dina is absent.


def _with(records: list[tuple[str, str, str, str]], subject: str = "pr-2") -> Session:
    s = rich_session()
    s.consents = [r for r in s.consents if r.subject_id != subject]
    for participant, decision, resolution, note in records:
        s.consents.append(ConsentRecord(
            subject_id=subject, participant_id=participant, decision=Decision(decision),
            resolution=ObjectionResolution(resolution), note=note))
    return Session.model_validate(s.model_dump())


OK = "standing"


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        ([], Outcome.OPEN),
        ([("p-anna", "consent", OK, "")], Outcome.IN_PROGRESS),
        ([("p-anna", "consent", OK, ""), ("p-bram", "consent", OK, "")], Outcome.IN_PROGRESS),
        ([("p-anna", "consent", OK, ""), ("p-bram", "consent", OK, ""),
          ("p-cem", "consent", OK, "")], Outcome.AGREED),
        # a concern does not block
        ([("p-anna", "consent", OK, ""), ("p-bram", "concern", OK, "zorgen"),
          ("p-cem", "concern", OK, "")], Outcome.AGREED),
        # a standing objection blocks, even before everyone has spoken
        ([("p-anna", "objection", OK, "nee")], Outcome.OBJECTED),
        ([("p-anna", "consent", OK, ""), ("p-bram", "objection", OK, ""),
          ("p-cem", "consent", OK, "")], Outcome.OBJECTED),
        # an amended or withdrawn objection no longer blocks
        ([("p-anna", "consent", OK, ""), ("p-bram", "objection", "amended", ""),
          ("p-cem", "consent", OK, "")], Outcome.AGREED),
        ([("p-anna", "consent", OK, ""), ("p-bram", "objection", "withdrawn", ""),
          ("p-cem", "consent", OK, "")], Outcome.AGREED),
        ([("p-bram", "objection", "withdrawn", "")], Outcome.IN_PROGRESS),
        # the resolution of a consent or concern means nothing
        ([("p-anna", "consent", OK, ""), ("p-bram", "concern", "withdrawn", ""),
          ("p-cem", "consent", "amended", "")], Outcome.AGREED),
        # the absent participant (Dina) is not required, but may speak
        ([("p-anna", "consent", OK, ""), ("p-bram", "consent", OK, ""),
          ("p-cem", "consent", OK, ""), ("p-dina", "consent", OK, "")], Outcome.AGREED),
        ([("p-dina", "consent", OK, "")], Outcome.IN_PROGRESS),
    ],
)
@pytest.mark.parametrize("subject", ["pr-2", "ru-1", AMBITION_SUBJECT, AGREEMENT_SUBJECT])
def test_outcome(records: list[tuple[str, str, str, str]], expected: Outcome,
                 subject: str) -> None:
    session = _with(records, subject)
    assert outcome(session, subject) is expected


def test_outcomes_of_the_rich_session() -> None:
    s = rich_session()
    assert outcome(s, "pr-1") is Outcome.AGREED  # a concern, and Dina is absent
    assert outcome(s, "pr-2") is Outcome.OPEN
    assert outcome(s, "ru-1") is Outcome.IN_PROGRESS  # amended objection, others silent
    assert outcome(s, AMBITION_SUBJECT) is Outcome.IN_PROGRESS
    assert outcome(s, AGREEMENT_SUBJECT) is Outcome.OPEN


def test_marking_someone_absent_can_complete_an_outcome() -> None:
    s = _with([("p-anna", "consent", OK, ""), ("p-bram", "consent", OK, "")])
    assert outcome(s, "pr-2") is Outcome.IN_PROGRESS
    s.participants[2].present = False
    assert outcome(s, "pr-2") is Outcome.AGREED


def test_records_for_and_standing_objections() -> None:
    s = _with([("p-anna", "objection", OK, "a"), ("p-bram", "objection", "amended", "b"),
               ("p-cem", "concern", OK, "c")])
    records = records_for(s, "pr-2")
    assert [r.note for r in records] == ["a", "b", "c"]
    assert [r.note for r in standing_objections(records)] == ["a"]
    assert outcome_of(records[1:], {"p-anna", "p-bram", "p-cem"}) is Outcome.IN_PROGRESS
    assert outcome_of(records[1:], {"p-bram", "p-cem"}) is Outcome.AGREED
