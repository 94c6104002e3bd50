"""Hypothesis strategies for valid sessions, and one rich hand-built session.

Everything drawn here passes ``Session`` validation: unique ids, references that
resolve, votes within budget, due dates not before start dates, signatures only by
present participants. Sizes stay small (a few dozen entities) so examples are fast.
"""

from __future__ import annotations

import datetime as dt
import os
import string
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from workshop.domain.consent import stamp_unversioned
from workshop.domain.model import (
    AGREEMENT_SUBJECT,
    AMBITION_SUBJECT,
    Action,
    ActionStatus,
    AgendaItem,
    AgreementItem,
    Ambition,
    Card,
    ChairKind,
    Cluster,
    CollaborationForm,
    Condition,
    ConditionScore,
    ConsentRecord,
    Decision,
    DecisionRule,
    Diagnostics,
    EvaluationKind,
    EvaluationMoment,
    Financing,
    FormChoice,
    Goal,
    InterestItem,
    InterestKind,
    InterestLink,
    Interests,
    LinkKind,
    Milestone,
    Moment,
    ObjectionResolution,
    Organising,
    Owner,
    Participant,
    Phase,
    QuadrupleAim,
    Representation,
    Roadmap,
    Session,
    SessionDetails,
    Signature,
    SpectrumAxis,
    SpectrumMark,
    Step,
    Stroke,
    ViewState,
    default_axes,
)

T = TypeVar("T")

# pyproject's ``norecursedirs`` replaces pytest's defaults, so a ``.hypothesis`` folder
# in the repository makes the next collection fail under ``filterwarnings = error``.
# Hypothesis keeps caches there even without an example database: keep them elsewhere.
if not os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
    set_hypothesis_home_dir(
        Path(tempfile.gettempdir()) / f"workshop-hypothesis-{getattr(os, 'getuid', int)()}"
    )
SETTINGS = settings(
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text that has hurt other programs: emoji with joiners, right-to-left, bidi overrides,
# control characters, markup that a PDF or rich-text layer might interpret.
NASTY = [
    "<para>&amp;</para>",
    "<b>vet</b> & <i>schuin</i> &lt;&gt;",
    "👩🏽‍⚕️🏥 zorg ❤️",
    "שלום עולם",
    "مرحبا بالعالم",
    "\u202eevil\u202c",
    "\x00\x01\x1f\x7f",
    "a\r\nb\tc",
    '{"format": "workshop-session"}',
    "\\u0000 \\n \"quoted\"",
    "\ufeffBOM",
    "Ĳsselland – café “De Kroon”",
    "%s %(name)s {name} {0}",
]

_text = st.one_of(st.text(max_size=20), st.sampled_from(NASTY))
text = _text
"""Free text: anything, empty included (lone surrogates cannot be UTF-8 and are excluded)."""

_visible = st.characters(exclude_categories=("Cs",)).filter(lambda c: not c.isspace())

names = st.one_of(
    st.builds(lambda a, c, b: a + c + b, st.text(max_size=8), _visible, st.text(max_size=8)),
    st.sampled_from([n for n in NASTY if n.strip()]),
)
"""Text with at least one non-space character (the rule for names and titles)."""

ids = st.text(alphabet=string.ascii_letters + string.digits + "_.-", min_size=1, max_size=10)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
datetimes = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1))
hex64 = st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)


def _unique(draw: Callable[[Any], Any], max_size: int, min_size: int = 0) -> list[str]:
    result: list[str] = draw(st.lists(ids, min_size=min_size, max_size=max_size, unique=True))
    return result


def _maybe(draw: Callable[[Any], Any], strategy: st.SearchStrategy[T]) -> T | None:
    result: T | None = draw(st.none() | strategy)
    return result


@st.composite
def participants(draw: Callable[[Any], Any]) -> list[Participant]:
    out = []
    for pid in _unique(draw, 5):
        out.append(
            Participant(
                id=pid,
                name=draw(names),
                organisation=draw(text | st.sampled_from(["GGD", " Zorggroep ", "Gemeente"])),
                role=draw(text),
                perspective=draw(text),
                represents=draw(text),
                mandate=draw(text),
                present=draw(st.booleans()),
            )
        )
    return out


@st.composite
def sessions(draw: Callable[[Any], Any]) -> Session:
    """A valid session with every part filled in some of the time."""
    people = draw(participants())
    pids = [p.id for p in people]
    present = [p.id for p in people if p.present]

    details = SessionDetails(
        name=draw(names),
        region=draw(text),
        date=_maybe(draw, dates),
        venue=draw(text),
        facilitator=draw(text),
        language=draw(st.sampled_from(["nl", "en"])),
        forms=draw(st.lists(st.sampled_from(list(CollaborationForm)), unique=True, max_size=3)),
    )
    steps = draw(st.lists(st.sampled_from(list(Step)), unique=True, max_size=8))
    agenda = [AgendaItem(step=s, minutes=draw(st.integers(0, 24 * 60))) for s in steps]

    # ambition
    cluster_ids = _unique(draw, 3)
    clusters = [Cluster(id=c, name=draw(text)) for c in cluster_ids]
    cards = [
        Card(
            id=cid,
            text=draw(names),
            author_id=_maybe(draw, st.sampled_from(pids)) if pids else None,
            cluster_id=_maybe(draw, st.sampled_from(cluster_ids)) if cluster_ids else None,
        )
        for cid in _unique(draw, 6)
    ]
    budget = draw(st.integers(0, 6))
    votes = []
    if cards and budget:
        for pid in pids:
            left = budget
            for card in draw(st.permutations(cards))[: draw(st.integers(0, len(cards)))]:
                if left == 0:
                    break
                dots = draw(st.integers(1, left))
                left -= dots
                votes.append({"participant_id": pid, "card_id": card.id, "dots": dots})
    goal_ids = _unique(draw, 3)
    goals = [
        Goal(id=g, aim=draw(st.sampled_from(list(QuadrupleAim))), text=draw(names))
        for g in goal_ids
    ]
    ambition = Ambition(
        cards=cards,
        clusters=clusters,
        votes=votes,
        vote_budget=budget,
        statement=draw(text),
        goals=goals,
    )

    # interests: links only between items of different participants
    items = []
    if pids:
        for iid in _unique(draw, 6):
            items.append(
                InterestItem(
                    id=iid,
                    participant_id=draw(st.sampled_from(pids)),
                    kind=draw(st.sampled_from(list(InterestKind))),
                    text=draw(names),
                    private=draw(st.booleans()),
                )
            )
    pairs = [(a, b) for a in items for b in items if a.participant_id != b.participant_id]
    links = []
    if pairs:
        chosen = draw(st.lists(st.sampled_from(pairs), max_size=3))
        for lid, (a, b) in zip(_unique(draw, len(chosen), len(chosen)), chosen, strict=True):
            links.append(
                InterestLink(
                    id=lid, a_id=a.id, b_id=b.id,
                    kind=draw(st.sampled_from(list(LinkKind))), note=draw(text),
                )
            )

    # principles and rules share one id space
    agreement_ids = _unique(draw, 6)
    split = draw(st.integers(0, len(agreement_ids)))
    agreement = [
        AgreementItem(
            id=a, text=draw(names), source=draw(text), template_key=_maybe(draw, text)
        )
        for a in agreement_ids
    ]
    principles, rules = agreement[:split], agreement[split:]

    consents = []
    subjects = [AMBITION_SUBJECT, AGREEMENT_SUBJECT, *agreement_ids]
    if pids:
        keys = draw(
            st.lists(st.tuples(st.sampled_from(subjects), st.sampled_from(pids)),
                     unique=True, max_size=8)
        )
        for subject, pid in keys:
            consents.append(
                ConsentRecord(
                    subject_id=subject,
                    participant_id=pid,
                    decision=draw(st.sampled_from(list(Decision))),
                    note=draw(text),
                    resolution=draw(st.sampled_from(list(ObjectionResolution))),
                )
            )

    organising = Organising(
        decision_rule=_maybe(draw, st.sampled_from(list(DecisionRule))),
        decision_rule_note=draw(text),
        chair=_maybe(draw, st.sampled_from(list(ChairKind))),
        chair_note=draw(text),
        cadence=draw(text),
        annual_calendar=draw(text),
        representation=_maybe(draw, st.sampled_from(list(Representation))),
        representation_note=draw(text),
        financing=draw(st.lists(st.sampled_from(list(Financing)), unique=True, max_size=4)),
        financing_note=draw(text),
        evaluation=_maybe(draw, st.sampled_from(list(EvaluationKind))),
        evaluation_note=draw(text),
    )

    # roadmap: owners are participants or organisations of the session
    organisations = sorted({p.organisation.strip() for p in people if p.organisation.strip()})
    owners: list[st.SearchStrategy[Owner | None]] = [st.none()]
    if pids:
        owners.append(st.sampled_from(pids).map(lambda r: Owner(kind="participant", ref=r)))
    if organisations:
        owners.append(
            st.sampled_from(organisations).map(lambda r: Owner(kind="organisation", ref=r))
        )
    actions = []
    for aid in _unique(draw, 5):
        start = _maybe(draw, dates)
        if start is not None and draw(st.booleans()):
            due: dt.date | None = start + dt.timedelta(days=draw(st.integers(0, 800)))
        else:
            due = _maybe(draw, dates) if start is None else None
        actions.append(
            Action(
                id=aid,
                title=draw(names),
                description=draw(text),
                owner=draw(st.one_of(owners)),
                start=start,
                due=due,
                phase=draw(st.sampled_from(list(Phase))),
                status=draw(st.sampled_from(list(ActionStatus))),
                goal_id=_maybe(draw, st.sampled_from(goal_ids)) if goal_ids else None,
            )
        )
    milestones = [
        Milestone(id=m, title=draw(names), date=draw(dates), note=draw(text))
        for m in _unique(draw, 3)
    ]
    evaluations = [
        EvaluationMoment(id=m, title=draw(names), date=draw(dates), note=draw(text))
        for m in _unique(draw, 3)
    ]
    roadmap = Roadmap(actions=actions, milestones=milestones, evaluations=evaluations)

    # diagnostics
    moments = [
        Moment(id=m, label=draw(text), taken_at=draw(datetimes)) for m in _unique(draw, 2)
    ]
    axes = default_axes()
    if draw(st.booleans()):
        axes.append(SpectrumAxis(id="axis-own", title=draw(text), left=draw(text),
                                 right=draw(text)))
    scores, marks, forms = [], [], []
    if moments and pids:
        mids = [m.id for m in moments]
        for mid, pid, cond in draw(
            st.lists(st.tuples(st.sampled_from(mids), st.sampled_from(pids),
                               st.sampled_from(list(Condition))), unique=True, max_size=5)
        ):
            scores.append(ConditionScore(moment_id=mid, participant_id=pid, condition=cond,
                                         score=draw(st.integers(1, 5)), note=draw(text)))
        for mid, pid, axis in draw(
            st.lists(st.tuples(st.sampled_from(mids), st.sampled_from(pids),
                               st.sampled_from([a.id for a in axes])), unique=True, max_size=5)
        ):
            marks.append(SpectrumMark(moment_id=mid, participant_id=pid, axis_id=axis,
                                      value=draw(st.integers(0, 100))))
        for mid, pid in draw(
            st.lists(st.tuples(st.sampled_from(mids), st.sampled_from(pids)), unique=True,
                     max_size=3)
        ):
            forms.append(FormChoice(moment_id=mid, participant_id=pid, forms=draw(
                st.lists(st.sampled_from(list(CollaborationForm)), min_size=1, max_size=3,
                         unique=True))))
    diagnostics = Diagnostics(moments=moments, scores=scores, axes=axes, marks=marks,
                              forms=forms)

    # signatures: present participants only, each once
    point = st.tuples(
        st.floats(0, 1000, allow_nan=False), st.floats(0, 1000, allow_nan=False),
        st.floats(0, 1, allow_nan=False),
    )
    signers = draw(st.lists(st.sampled_from(present), unique=True, max_size=3)) if present else []
    signatures = [
        Signature(
            id=f"sig-{n}",
            participant_id=pid,
            signed_at=draw(datetimes),
            strokes=[Stroke(points=draw(st.lists(point, min_size=1, max_size=6)))
                     for _ in range(draw(st.integers(0, 3)))],
            fingerprint=draw(hex64),
        )
        for n, pid in enumerate(signers)
    ]

    view = ViewState(
        current_step=draw(st.sampled_from(list(Step))),
        projector_theme=draw(st.sampled_from(["light", "dark", "contrast"])),
        projector_text_scale=draw(st.floats(0.25, 4.0)),
        window_geometry=_maybe(draw, text),
    )

    session = Session(
        id=draw(ids),
        details=details,
        participants=people,
        agenda=agenda,
        ambition=ambition,
        interests=Interests(items=items, links=links),
        principles=principles,
        rules=rules,
        consents=consents,
        organising=organising,
        roadmap=roadmap,
        diagnostics=diagnostics,
        signatures=signatures,
        view=view,
    )
    # Sub-models were built separately; validate the whole once more from plain data.
    return _stamped(Session.model_validate(session.model_dump()))


def _stamped(session: Session) -> Session:
    """Decisions carry the version of the words they were given to, as every edit and
    every load makes them (``consent.stamp_unversioned``)."""
    stamp_unversioned(session)
    return session


def rich_session() -> Session:
    """One hand-built session with every printed field set (deterministic)."""
    return _stamped(_rich_session())


def _rich_session() -> Session:
    return Session.model_validate(
        {
            "id": "s-rich",
            "details": {
                "name": "Samen gezond ouder worden",
                "region": "Twente",
                "date": "2026-11-22",
                "venue": "Stadhuis Hengelo",
                "facilitator": "Fenna Facilitator",
                "language": "nl",
                "forms": ["care_chain", "population_network"],
            },
            "participants": [
                {"id": "p-anna", "name": "Anna de Vries", "organisation": "GGD Twente",
                 "role": "Directeur", "perspective": "Publieke gezondheid",
                 "represents": "GGD", "mandate": "Volledig", "present": True},
                {"id": "p-bram", "name": "Bram Bakker", "organisation": "Zorggroep Oost",
                 "role": "Huisarts", "perspective": "Eerste lijn",
                 "represents": "Huisartsen", "mandate": "Beperkt", "present": True},
                {"id": "p-cem", "name": "Cem Yilmaz", "organisation": "Gemeente Hengelo",
                 "role": "Beleidsadviseur", "perspective": "Sociaal domein",
                 "represents": "Gemeente", "mandate": "Ter advies", "present": True},
                {"id": "p-dina", "name": "Dina Smit", "organisation": "Thuiszorg Plus",
                 "role": "Manager", "perspective": "Wijkverpleging",
                 "represents": "Thuiszorg", "mandate": "Volledig", "present": False},
            ],
            "ambition": {
                "clusters": [{"id": "cl-1", "name": "Thuis wonen"}],
                "cards": [
                    {"id": "c-1", "text": "Langer thuis", "author_id": "p-anna",
                     "cluster_id": "cl-1"},
                    {"id": "c-2", "text": "Minder eenzaamheid", "author_id": None},
                ],
                "votes": [{"participant_id": "p-anna", "card_id": "c-1", "dots": 2}],
                "vote_budget": 3,
                "statement": "Ouderen in Twente wonen langer gezond thuis.",
                "goals": [
                    {"id": "g-1", "aim": "population_health", "text": "Minder valincidenten"},
                    {"id": "g-2", "aim": "costs", "text": "Minder opnames"},
                ],
            },
            "interests": {
                "items": [
                    {"id": "i-1", "participant_id": "p-anna", "kind": "organisational",
                     "text": "Preventie zichtbaar maken"},
                    {"id": "i-2", "participant_id": "p-bram", "kind": "individual",
                     "text": "Minder administratie"},
                    {"id": "i-3", "participant_id": "p-cem", "kind": "collective",
                     "text": "Budget binnen de perken", "private": True},
                ],
                "links": [{"id": "l-1", "a_id": "i-1", "b_id": "i-2", "kind": "overlap"}],
            },
            "principles": [
                {"id": "pr-1", "text": "We gaan uit van de inwoner", "source": "Seed 000"},
                {"id": "pr-2", "text": "We delen wat we weten", "source": ""},
            ],
            "rules": [{"id": "ru-1", "text": "Besluiten met consent", "source": "Sociocratie"}],
            "consents": [
                {"subject_id": "pr-1", "participant_id": "p-anna", "decision": "consent"},
                {"subject_id": "pr-1", "participant_id": "p-bram", "decision": "concern",
                 "note": "Let op de privacy"},
                {"subject_id": "pr-1", "participant_id": "p-cem", "decision": "consent"},
                {"subject_id": "ru-1", "participant_id": "p-anna", "decision": "objection",
                 "note": "Te traag", "resolution": "amended"},
                {"subject_id": "ambition", "participant_id": "p-cem", "decision": "consent"},
            ],
            "organising": {
                "decision_rule": "consent", "decision_rule_note": "Bij twijfel stemmen",
                "chair": "independent", "chair_note": "Extern",
                "cadence": "Elke zes weken", "annual_calendar": "Jan, mrt, jun, sep",
                "representation": "whole_system", "representation_note": "Alle partners",
                "financing": ["own_means", "in_kind"], "financing_note": "Naar rato",
                "evaluation": "both", "evaluation_note": "Jaarlijks",
            },
            "roadmap": {
                "actions": [
                    {"id": "a-1", "title": "Analyse valincidenten",
                     "description": "Cijfers verzamelen",
                     "owner": {"kind": "participant", "ref": "p-anna"},
                     "start": "2026-12-01", "due": "2027-02-01", "phase": "analysis",
                     "status": "planned", "goal_id": "g-1"},
                    {"id": "a-2", "title": "Business case",
                     "owner": {"kind": "organisation", "ref": "Zorggroep Oost"},
                     "start": "2027-02-01", "due": "2027-04-01", "phase": "business_case",
                     "status": "in_progress", "goal_id": "g-2"},
                ],
                "milestones": [{"id": "m-1", "title": "Go/no-go", "date": "2027-04-15",
                                "note": "Stuurgroep"}],
                "evaluations": [{"id": "e-1", "title": "Tussenevaluatie",
                                 "date": "2027-06-01", "note": "Met inwoners"}],
            },
            "diagnostics": {
                "moments": [{"id": "mo-1", "label": "Start",
                             "taken_at": "2026-11-22T10:00:00"}],
                "scores": [{"moment_id": "mo-1", "participant_id": "p-anna",
                            "condition": "shared_ambition", "score": 4}],
                "marks": [{"moment_id": "mo-1", "participant_id": "p-bram",
                           "axis_id": "axis-topic", "value": 30}],
            },
            "signatures": [
                {"id": "sig-1", "participant_id": "p-anna",
                 "signed_at": "2026-11-22T16:00:00",
                 "strokes": [{"points": [[1.0, 2.0, 0.5], [3.5, 4.25, 0.75]]}],
                 "fingerprint": "0" * 64},
            ],
            "view": {"current_step": "roadmap", "projector_theme": "dark",
                     "projector_text_scale": 1.5, "window_geometry": "AdnQywADAAA="},
        }
    )
