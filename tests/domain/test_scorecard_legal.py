"""What a lawyer checks: one test per finding, each on a session with exactly that problem."""

from __future__ import annotations

from decimal import Decimal

from test_scorecard import _complete

from workshop.domain import parties
from workshop.domain.model import (
    Authority,
    ClauseKind,
    Contribution,
    ContributionKind,
    LegalForm,
    Period,
    Session,
)
from workshop.domain.scorecard import scorecard


def _findings(s: Session) -> dict[str, list[str]]:
    Session.model_validate(s.model_dump())  # still a valid session
    return {p.key: p.missing for p in scorecard(s, "en").parts if p.missing}


def test_the_complete_demo_has_no_finding() -> None:
    assert _findings(_complete()) == {}


def test_money_beyond_the_signers_mandate() -> None:
    s = _complete()
    parties.set_fields(s, "GGZ Dijkland", money_mandate=Decimal("5000"))  # commits 10,000
    assert _findings(s) == {"contributions": [
        "GGZ Dijkland commits € 10,000 in money a year, beyond the € 5,000 its signer may "
        "commit."]}
    # Signing subject to the board's decision: the mandate is the board's, not a finding.
    parties.set_fields(s, "GGZ Dijkland", authority=Authority.SUBJECT_TO_DECISION)
    assert _findings(s) == {}


def test_a_signer_without_mandate_for_money() -> None:
    s = _complete()
    parties.set_fields(s, "Zorggroep De Linde", money_mandate=Decimal(0))
    assert _findings(s)["contributions"] == [
        "Zorggroep De Linde commits € 15,000 in money a year, beyond the € 0 its signer may "
        "commit."]


def test_commitments_by_a_party_that_does_not_sign() -> None:
    s = _complete()
    s.commitments.contributions.append(Contribution(
        id="c-won", organisation="Woonstichting Waalborg", kind=ContributionKind.PEOPLE,
        amount=12, period=Period.QUARTER, description="Wooncoach"))
    assert _findings(s) == {"contributions": [
        "Woonstichting Waalborg commits to contributions or plans but does not sign: its "
        "representative is absent."]}


def test_commitments_by_an_organisation_that_is_not_a_party() -> None:
    s = _complete()
    s.commitments.contributions.append(Contribution(
        id="c-cr", organisation="Cliëntenraad Zorggroep De Linde",
        kind=ContributionKind.PEOPLE, amount=8, period=Period.MONTH, description="Panel"))
    assert _findings(s) == {"contributions": [
        "Cliëntenraad Zorggroep De Linde commits to contributions or plans but is not a "
        "party and does not sign."]}


def test_commitments_on_behalf_of_organisations_that_are_not_parties() -> None:
    s = _complete()
    money = next(c for c in s.commitments.contributions if c.id == "c-gem-geld")
    money.description = "Aandeel in de programmaondersteuning, ook namens Betuwedal en Ommeren"
    assert _findings(s) == {"contributions": [
        "Gemeente Waalzoom commits on behalf of others who are not parties: “Aandeel in de "
        "programmaondersteuning, ook namens Betuwedal…”."]}


def test_a_party_without_legal_identity() -> None:
    s = _complete()
    parties.set_fields(s, "GGZ Dijkland", legal_name="", kvk="", seat="Waalzoom")
    assert _findings(s) == {"parties": [
        "GGZ Dijkland has no legal identity yet: its legal name, KvK number are missing."]}


def test_a_signer_without_function_or_authority() -> None:
    s = _complete()
    parties.set_fields(s, "GGZ Dijkland", authority=None, function="")
    s.participants[3].role = ""
    assert _findings(s) == {"parties": [
        "The function of Ruud Verhoeven, who signs for GGZ Dijkland, is not recorded.",
        "On what authority Ruud Verhoeven signs for GGZ Dijkland is not recorded."]}


def test_principles_and_rules_still_open_are_not_complete() -> None:
    s = _complete()
    s.consents = [r for r in s.consents if r.subject_id != s.rules[0].id]
    found = _findings(s)
    assert list(found) == ["rules"]
    assert found["rules"][0].startswith("Rule 1 is still open: “Geen verrassingen")


def test_contradicting_clauses() -> None:
    s = _complete()
    leaving = next(c for c in s.commitments.clauses if c.kind is ClauseKind.LEAVING)
    leaving.template_key = "clause.leaving"  # "contributions stay committed after leaving"
    assert _findings(s) == {"clauses": [
        "The clauses “Nature of the agreement” and “Leaving” contradict each other: "
        "agreements that are not legally enforceable cannot keep contributions committed "
        "after a party leaves."]}


def test_public_access_is_asked_only_of_public_bodies() -> None:
    s = _complete()
    s.commitments.clauses = [c for c in s.commitments.clauses
                             if c.kind is not ClauseKind.PUBLIC_ACCESS]
    assert _findings(s) == {"clauses": [
        "There is no clause on “Public access to documents”."]}
    for name in ("Gemeente Waalzoom", "GGD Waalzoom-Betuwe"):
        parties.set_fields(s, name, legal_form=LegalForm.FOUNDATION)
    assert _findings(s) == {}


def test_an_agreement_needs_two_signing_parties() -> None:
    s = _complete()
    for p in s.participants[1:]:
        p.present = False
    s.signatures = []
    found = _findings(s)
    assert "An agreement needs at least two parties that sign." in found["parties"]
