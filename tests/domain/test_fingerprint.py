"""A signature covers every printed word: any change to it changes the fingerprint, and
presentation-only changes do not."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import BaseModel
from strategies import rich_session

from workshop.domain.fingerprint import (
    agreement_content,
    canonical_bytes,
    fingerprint,
    short_fingerprint,
    signature_is_valid,
)
from workshop.domain.model import (
    ActionStatus,
    AgreementItem,
    Card,
    ChairKind,
    CollaborationForm,
    ConsentRecord,
    Decision,
    DecisionRule,
    EvaluationKind,
    Financing,
    InterestKind,
    Moment,
    ObjectionResolution,
    Owner,
    Phase,
    QuadrupleAim,
    Representation,
    Session,
    Signature,
    Step,
    Stroke,
    Vote,
)
from workshop.storage.files import loads, save_session

ROOT = Path(__file__).resolve().parents[2]
Mutation = Callable[[Session], None]


def _set(path: str, value: object) -> Mutation:
    """Set a dotted attribute path, e.g. ``participants.0.name``."""

    def mutate(s: Session) -> None:
        *parents, last = path.split(".")
        holder: object = s
        node: object = s
        for part in parents:
            holder = node
            node = node[int(part)] if part.isdigit() else getattr(node, part)  # type: ignore[index]
        if isinstance(node, BaseModel) and node.model_config.get("frozen"):
            # a record never changed once made (a decision): a changed one in its place
            changed = node.model_copy(update={last: value})
            if parents[-1].isdigit():
                holder[int(parents[-1])] = changed  # type: ignore[index]
            else:
                setattr(holder, parents[-1], changed)
        else:
            setattr(node, last, value)

    mutate.__name__ = f"{path}={value!r}"
    return mutate


def _do(name: str, fn: Mutation) -> Mutation:
    fn.__name__ = name
    return fn


def _add_consent(s: Session) -> None:
    s.consents.append(ConsentRecord(subject_id="agreement", participant_id="p-anna",
                                    decision=Decision.CONSENT))


def _reorder(attr: str) -> Mutation:
    def mutate(s: Session) -> None:
        node: object = s
        for part in attr.split("."):
            node = getattr(node, part)
        assert isinstance(node, list) and len(node) > 1
        node.reverse()

    return _do(f"reverse {attr}", mutate)


PRINTED: list[Mutation] = [
    # details
    _set("details.name", "Samen gezond ouder worden in Twente"),
    _set("details.region", "Achterhoek"),
    _set("details.date", dt.date(2026, 11, 23)),
    _set("details.date", None),
    _set("details.venue", "Gemeentehuis"),
    _set("details.facilitator", "Piet Procesbegeleider"),
    _set("details.language", "en"),
    _set("details.forms", [CollaborationForm.CARE_CHAIN]),
    # each participant field
    _set("participants.0.name", "Anna de Vries-Smit"),
    _set("participants.0.organisation", "GGD Twente en Achterhoek"),
    _set("participants.0.role", "Bestuurder"),
    _set("participants.0.perspective", "Preventie"),
    _set("participants.0.represents", "Alle GGD'en"),
    _set("participants.0.mandate", "Geen"),
    _set("participants.2.present", False),
    _set("participants.3.present", True),
    _do("add a participant", lambda s: s.participants.append(
        s.participants[2].model_copy(update={"id": "p-new", "name": "Nieuw"}))),
    _reorder("participants"),
    # ambition
    _set("ambition.statement", "Ouderen in Twente wonen langer gezond en samen thuis."),
    _set("ambition.goals.0.text", "Veel minder valincidenten"),
    _set("ambition.goals.0.aim", QuadrupleAim.EQUITY),
    # interests
    _set("interests.items.0.text", "Preventie beter zichtbaar maken"),
    _set("interests.items.0.kind", InterestKind.COLLECTIVE),
    _set("interests.items.0.participant_id", "p-cem"),
    _set("interests.items.0.private", True),
    _set("interests.items.2.private", False),
    # principles and rules
    _set("principles.0.text", "We gaan altijd uit van de inwoner"),
    _set("principles.0.source", "Eigen bijdrage"),
    _set("rules.0.text", "Besluiten met consent, tenzij"),
    _set("rules.0.source", ""),
    _reorder("principles"),
    _do("move a principle to the rules", lambda s: s.rules.append(s.principles.pop())),
    _do("add a rule", lambda s: s.rules.append(AgreementItem(id="ru-2", text="Op tijd"))),
    # consent
    _set("consents.1.decision", Decision.OBJECTION),
    _set("consents.1.note", "Let goed op de privacy"),
    _set("consents.0.decision", Decision.CONCERN),
    _set("consents.3.resolution", ObjectionResolution.STANDING),
    _set("consents.3.resolution", ObjectionResolution.WITHDRAWN),
    _set("consents.3.note", "Te traag, opgelost"),
    _set("consents.3.participant_id", "p-bram"),
    _do("add a consent on the agreement", _add_consent),
    _do("remove a consent", lambda s: s.consents.pop(0)),
    # organising: every field
    _set("organising.decision_rule", DecisionRule.CONSENSUS),
    _set("organising.decision_rule", None),
    _set("organising.decision_rule_note", "Anders"),
    _set("organising.chair", ChairKind.ROTATING),
    _set("organising.chair_note", "Intern"),
    _set("organising.cadence", "Maandelijks"),
    _set("organising.annual_calendar", "Feb, mei"),
    _set("organising.representation", Representation.REPRESENTATIVES_PER_SECTOR),
    _set("organising.representation_note", "Per sector één"),
    _set("organising.financing", [Financing.OWN_MEANS]),
    _set("organising.financing", [Financing.IN_KIND, Financing.OWN_MEANS]),
    _set("organising.financing_note", "Gelijk verdeeld"),
    _set("organising.evaluation", EvaluationKind.KPIS),
    _set("organising.evaluation_note", "Halfjaarlijks"),
    # actions
    _set("roadmap.actions.0.title", "Analyse van valincidenten"),
    _set("roadmap.actions.0.description", "Cijfers verzamelen en duiden"),
    _set("roadmap.actions.0.owner", Owner(kind="participant", ref="p-bram")),
    _set("roadmap.actions.0.owner", Owner(kind="organisation", ref="GGD Twente")),
    _set("roadmap.actions.0.owner", None),
    _set("roadmap.actions.1.owner", Owner(kind="organisation", ref="Gemeente Hengelo")),
    _set("roadmap.actions.0.start", dt.date(2026, 12, 2)),
    _set("roadmap.actions.0.start", None),
    _set("roadmap.actions.0.due", dt.date(2027, 2, 2)),
    _set("roadmap.actions.0.due", None),
    _set("roadmap.actions.0.phase", Phase.PILOT),
    _set("roadmap.actions.0.status", ActionStatus.DONE),
    _set("roadmap.actions.0.goal_id", "g-2"),
    _set("roadmap.actions.0.goal_id", None),
    _reorder("roadmap.actions"),
    # milestones and evaluation moments
    _set("roadmap.milestones.0.title", "Besluit"),
    _set("roadmap.milestones.0.date", dt.date(2027, 4, 16)),
    _set("roadmap.milestones.0.note", "Bestuur"),
    _set("roadmap.evaluations.0.title", "Eindevaluatie"),
    _set("roadmap.evaluations.0.date", dt.date(2027, 6, 2)),
    _set("roadmap.evaluations.0.note", "Met professionals"),
]


def _add_signature(s: Session) -> None:
    s.signatures.append(Signature(
        id="sig-2", participant_id="p-bram", signed_at=dt.datetime(2026, 11, 22, 16, 5),
        strokes=[Stroke(points=[(5.0, 5.0, 1.0)])], fingerprint=fingerprint(s)))


def _add_moment(s: Session) -> None:
    s.diagnostics.moments.append(Moment(id="mo-2", label="Eind",
                                        taken_at=dt.datetime(2026, 11, 22, 17)))


PRESENTATION_ONLY: list[Mutation] = [
    _set("view.current_step", Step.SIGNING),
    _set("view.projector_theme", "contrast"),
    _set("view.window_geometry", None),
    _set("view.window_geometry", "AAAA"),
    _set("view.projector_text_scale", 2.5),
    _do("add a signature", _add_signature),
    _do("remove a signature", lambda s: s.signatures.clear()),
    _set("signatures.0.strokes", []),
    _set("ambition.cards.0.text", "Heel lang thuis"),
    _do("add a card", lambda s: s.ambition.cards.append(Card(id="c-3", text="Nieuw"))),
    _set("ambition.cards.1.cluster_id", "cl-1"),
    _set("ambition.clusters.0.name", "Wonen"),
    _set("ambition.votes.0.dots", 3),
    _do("add a vote", lambda s: s.ambition.votes.append(
        Vote(participant_id="p-bram", card_id="c-2"))),
    _set("ambition.vote_budget", 5),
    _set("diagnostics.scores.0.score", 1),
    _set("diagnostics.marks.0.value", 90),
    _do("add a moment", _add_moment),
    _set("interests.items.2.text", "Niet voor de afdruk: iets anders"),
    _set("interests.links.0.note", "Een notitie"),
    _set("agenda.0.minutes", 45),
    _set("id", "s-other"),
]


def _applied(mutation: Mutation) -> tuple[Session, Session]:
    original = rich_session()
    changed = rich_session()
    mutation(changed)
    # The mutation must leave a valid session that really differs from the original.
    changed = Session.model_validate(changed.model_dump())
    assert changed.model_dump() != original.model_dump(), "the mutation changed nothing"
    return original, changed


@pytest.mark.parametrize("mutation", PRINTED, ids=lambda m: m.__name__)
def test_every_printed_change_changes_the_fingerprint(mutation: Mutation) -> None:
    original, changed = _applied(mutation)
    assert fingerprint(changed) != fingerprint(original)
    assert not signature_is_valid(changed, fingerprint(original))


@pytest.mark.parametrize("mutation", PRESENTATION_ONLY, ids=lambda m: m.__name__)
def test_presentation_only_changes_keep_the_fingerprint(mutation: Mutation) -> None:
    original, changed = _applied(mutation)
    assert fingerprint(changed) == fingerprint(original)
    assert signature_is_valid(changed, fingerprint(original))


def test_the_printed_mutations_cover_every_printed_field() -> None:
    """A new printed field needs a mutation above; this notices when one is missing."""
    content = agreement_content(rich_session())
    assert set(content) == {
        "version", "details", "parties", "ambition", "interests", "interests_withheld",
        "principles", "rules", "organising", "roadmap", "agreement_consent",
    }
    names = " ".join(m.__name__ for m in PRINTED)
    for field in content["details"]:
        assert f"details.{field}" in names, field
    for field in content["organising"]:
        assert f"organising.{field}" in names, field
    for field in ("title", "description", "owner", "start", "due", "phase", "status",
                  "goal_id"):
        assert f"roadmap.actions.0.{field}" in names, field
    for field in content["parties"][0]:
        if field != "present":
            assert f"participants.0.{field}" in names, field


def test_the_private_interest_is_withheld_from_the_content() -> None:
    content = agreement_content(rich_session())
    assert content["interests_withheld"] == 1
    assert "Budget binnen de perken" not in canonical_bytes(rich_session()).decode()
    assert "Preventie zichtbaar maken" in canonical_bytes(rich_session()).decode()


def test_the_fingerprint_is_deterministic() -> None:
    value = fingerprint(rich_session())
    assert value == fingerprint(rich_session())
    assert len(value) == 64 and int(value, 16) >= 0
    assert canonical_bytes(rich_session()) == canonical_bytes(rich_session())
    assert short_fingerprint(value) == f"{value[:4]} {value[4:8]} {value[8:12]}"


def test_the_fingerprint_survives_saving_and_loading(tmp_path: Path) -> None:
    path = tmp_path / "s.workshop"
    data = save_session(rich_session(), path)
    assert fingerprint(loads(data)) == fingerprint(rich_session())


def test_the_fingerprint_is_the_same_in_another_process() -> None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from strategies import rich_session; from workshop.domain.fingerprint import "
        "fingerprint; print(fingerprint(rich_session()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "tests")], capture_output=True, text=True,
        env=dict(os.environ, PYTHONHASHSEED="4242"), cwd=ROOT, check=True,
    )
    assert result.stdout.strip() == fingerprint(rich_session())


def test_an_owner_is_labelled_as_the_agreement_prints_it() -> None:
    """``owner_label`` (asked per action by the roadmap) says what the agreement prints
    for an owner: a participant with or without an organisation, one no longer in the
    session, an organisation, nobody."""
    from workshop.domain.fingerprint import _Printed, owner_label
    from workshop.domain.model import Owner

    session = rich_session()
    session.participants[0].organisation = ""
    printed = _Printed(session)
    owners = [Owner(kind="participant", ref=p.id) for p in session.participants]
    owners += [Owner(kind="participant", ref="p-gone"),
               Owner(kind="organisation", ref="Gemeente <Zuid> 🙂"), None]
    for owner in owners:
        assert owner_label(session, owner) == printed.owner(owner), owner
    assert owner_label(session, owners[0]) == session.participants[0].name
