"""Commitments: totals per party and overall, validation, fingerprint, clause templates."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from samples import demo_session

from workshop.domain.commitments import (
    organisations_without_contribution,
    organisations_without_year_plan,
    per_year,
    totals,
)
from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import (
    ClauseKind,
    Commitments,
    Contribution,
    ContributionKind,
    Owner,
    Participant,
    Period,
    Role,
    RoleKind,
    Session,
    YearPlanItem,
)
from workshop.domain.templates import clause_templates, template_by_key

PEOPLE, MONEY, IN_KIND = ContributionKind.PEOPLE, ContributionKind.MONEY, ContributionKind.IN_KIND


def _session(*contributions: tuple[str, ContributionKind, float | None, Period]) -> Session:
    return Session(
        participants=[Participant(id="p-a", name="Anna", organisation="Ziekenhuis"),
                      Participant(id="p-b", name="Bram", organisation="Gemeente"),
                      Participant(id="p-c", name="Cem", organisation="GGD")],
        commitments=Commitments(contributions=[
            Contribution(id=f"c-{i}", organisation=org, kind=kind, amount=amount,
                         period=period)
            for i, (org, kind, amount, period) in enumerate(contributions)]))


def test_totals_with_mixed_periods() -> None:
    s = _session(
        ("Ziekenhuis", PEOPLE, 16, Period.MONTH),      # 192 h a year
        ("Ziekenhuis", PEOPLE, 10, Period.QUARTER),    # 40 h a year
        ("Ziekenhuis", MONEY, 25_000, Period.YEAR),
        ("Ziekenhuis", MONEY, 1_000, Period.MONTH),    # 12,000 a year
        ("Ziekenhuis", MONEY, 5_000, Period.ONE_OFF),  # one-off, apart
        ("Gemeente", MONEY, 2_500, Period.QUARTER),    # 10,000 a year
        ("Gemeente", IN_KIND, 300, Period.MONTH),      # 3,600 a year, estimated
        ("Gemeente", IN_KIND, None, Period.YEAR),      # rooms, unpriced
        ("Gemeente", PEOPLE, 100, Period.ONE_OFF),
        ("Gemeente", IN_KIND, 800, Period.ONE_OFF),
    )
    t = totals(s)
    assert [p.organisation for p in t.parties] == ["Ziekenhuis", "Gemeente", "GGD"]
    zkh, gem, ggd = t.parties
    assert (zkh.hours_per_year, zkh.euros_per_year, zkh.in_kind_per_year) == (232, 37_000, 0)
    assert (zkh.one_off_hours, zkh.one_off_euros, zkh.one_off_in_kind) == (0, 5_000, 0)
    assert (gem.hours_per_year, gem.euros_per_year, gem.in_kind_per_year) == (0, 10_000, 3_600)
    assert (gem.one_off_hours, gem.one_off_euros, gem.one_off_in_kind) == (100, 0, 800)
    assert (gem.count, gem.unquantified) == (5, 1)
    assert (ggd.count, ggd.hours_per_year, ggd.euros_per_year) == (0, 0, 0)
    o = t.overall
    assert o.organisation == ""
    assert (o.hours_per_year, o.euros_per_year, o.in_kind_per_year) == (232, 47_000, 3_600)
    assert (o.one_off_hours, o.one_off_euros, o.one_off_in_kind) == (100, 5_000, 800)
    assert (o.count, o.unquantified) == (10, 1)
    assert t.party("Gemeente") is gem and t.party("Nope") is None
    assert organisations_without_contribution(s) == ["GGD"]


def test_per_year() -> None:
    assert per_year(3, Period.MONTH) == 36
    assert per_year(3, Period.QUARTER) == 12
    assert per_year(3, Period.YEAR) == 3
    assert per_year(3, Period.ONE_OFF) == 3


def test_demo_totals() -> None:
    t = totals(demo_session())
    # The client council (not a party) and the absent housing corporation commit nothing.
    assert len(t.parties) == 9
    assert [p.organisation for p in t.parties if not p.count] == [
        "Cliëntenraad Zorggroep De Linde", "Woonstichting Waalborg"]
    zkh = t.party("Waalzoom Ziekenhuis")
    assert zkh is not None
    assert (zkh.hours_per_year, zkh.euros_per_year, zkh.in_kind_per_year) == (192, 25_000, 1_500)
    # 16+24+32+40 h a month, 60 h a quarter
    assert t.overall.hours_per_year == (16 + 24 + 32 + 40) * 12 + 60 * 4 == 1_584
    assert t.overall.euros_per_year == 25_000 + 15_000 + 10_000 + 40_000 + 30_000
    assert t.overall.one_off_euros == 5_000 + 20_000 + 50_000
    assert organisations_without_year_plan(demo_session()) == [
        "Cliëntenraad Zorggroep De Linde", "Woonstichting Waalborg"]


@pytest.mark.parametrize("amount", [-1.0, float("nan"), float("inf")])
def test_an_amount_must_be_a_finite_non_negative_number(amount: float) -> None:
    with pytest.raises(ValidationError):
        Contribution(id="c", organisation="GGD", kind=MONEY, amount=amount)


def test_references_are_checked() -> None:
    base = _session().model_dump()

    def problems(commitments: dict[str, object]) -> str:
        with pytest.raises(ValidationError) as info:
            Session.model_validate({**base, "commitments": commitments})
        return str(info.value)

    assert "commitments.contributions[0].organisation: 'Elders' is not an organisation" in \
        problems({"contributions": [{"id": "c", "organisation": "Elders", "kind": "money"}]})
    assert "commitments.year_plans[0].organisation: 'Elders'" in \
        problems({"year_plans": [{"id": "y", "organisation": "Elders", "text": "x"}]})
    assert "commitments.roles[0].holder: 'p-zz' is not a participant" in problems(
        {"roles": [{"id": "r", "kind": "chair", "holder": {"kind": "participant",
                                                           "ref": "p-zz"}}]})
    assert "commitments.roles[0].holder: 'Elders' is not an organisation" in problems(
        {"roles": [{"id": "r", "kind": "chair", "holder": {"kind": "organisation",
                                                           "ref": "Elders"}}]})
    assert "commitments.roles[0].represents[1]: 'Elders'" in problems(
        {"roles": [{"id": "r", "kind": "representative",
                    "represents": ["Gemeente", "Elders"]}]})
    assert "commitments.clauses[1].id: the id 'x' is used twice" in problems(
        {"clauses": [{"id": "x", "kind": "costs", "text": "a"},
                     {"id": "x", "kind": "costs", "text": "b"}]})
    # a valid one
    Session.model_validate({**base, "commitments": {
        "roles": [{"id": "r", "kind": "representative", "represents": ["Gemeente", "GGD"],
                   "holder": {"kind": "organisation", "ref": "Gemeente"},
                   "mandate": "Spreekt namens beide."}],
        "year_plans": [{"id": "y", "organisation": "GGD", "text": "In het werkplan",
                        "due": "2026-10-01"}]}})


def test_fingerprint_covers_commitments_only_when_there_are_any() -> None:
    s = _session()
    empty = fingerprint(s)
    s.commitments.year_plans.append(YearPlanItem(id="y", organisation="GGD", text="Plan"))
    with_plan = fingerprint(s)
    assert with_plan != empty
    s.commitments.year_plans[0].text = "Ander plan"
    assert fingerprint(s) != with_plan
    s.commitments.year_plans.clear()
    assert fingerprint(s) == empty
    s.commitments.roles.append(Role(id="r", kind=RoleKind.CHAIR,
                                    holder=Owner(kind="participant", ref="p-a")))
    assert fingerprint(s) != empty


def test_removing_a_participant_keeps_the_commitments_valid() -> None:
    from workshop.domain.participants import removal_impact, remove_participant

    s = demo_session()
    impact = removal_impact(s, "p-ingrid")
    # chair and representative roles, and the municipality's contributions and plan
    assert impact.commitments == 2 + 3 + 1
    remove_participant(s, "p-ingrid", hand_over=True)
    Session.model_validate(s.model_dump())
    chair = next(r for r in s.commitments.roles if r.kind is RoleKind.CHAIR)
    assert chair.holder is None
    assert not [x for x in s.commitments.contributions if x.organisation == "Gemeente Waalzoom"]


def test_clause_templates_cover_every_kind_in_both_languages() -> None:
    templates = clause_templates()
    kinds = {t.kind for t in templates}
    assert kinds == set(ClauseKind) - {ClauseKind.OTHER}
    assert sum(1 for t in templates if t.kind is ClauseKind.NATURE) >= 2
    for t in templates:
        assert t.key.startswith("clause.")
        for text in (t.text_nl, t.text_en, t.note_nl, t.note_en):
            assert text[0].isupper() and text.endswith("."), text
        assert t.text_nl != t.text_en and t.note_nl != t.note_en
        assert t.note("nl") == t.note_nl and t.note("en") == t.note_en
        assert template_by_key(t.key) is t
    nature = template_by_key("clause.nature-effort")
    assert nature is not None and "inspanningsverplichting" in nature.text_nl
    assert "not legally enforceable" in nature.text_en
    modesty = template_by_key("clause.communication-modesty")
    assert modesty is not None and "resultaten" in modesty.text_nl
    assert nature.theme_label("nl") == "Aard van de afspraken"
