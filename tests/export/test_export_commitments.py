"""Commitments in the PDFs: who brings what (with totals), roles, year plans per
organisation, closing clauses before the signatures, and the scorecard appendix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pdfcheck import EXPORTED_AT, body_text, page_texts, squash
from samples import demo_session

from workshop.domain.model import Commitments
from workshop.domain.templates import printed_text
from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.export.commitments import number
from workshop.export.roadmap import RoadmapOptions, export_roadmap
from workshop.i18n import Language
from workshop.storage.files import save_session

ROOT = Path(__file__).resolve().parents[2]

WORDS: dict[str, dict[str, str]] = {
    "en": {"brings": "What each party brings", "roles": "Roles", "clauses": "Closing clauses",
           "total": "All organisations together", "plans": "Each party takes what it committed to into its own year plan",  # noqa: E501
           "chair": "Chair", "leaving": "Leaving", "signatures": "Signatures",
           "per_month": "Per month", "scorecard": "Appendix E. Agreement scorecard",
           "hours": "1,584 h", "euros": "€ 120,000", "one_off": "€ 75,000",
           "our_plan": "In our own year plan", "we_bring": "What we bring",
           "score": "8 of 11 parts of a complete agreement are in place."},
    "nl": {"brings": "Wat elke partij inbrengt", "roles": "Rollen", "clauses": "Slotbepalingen",
           "total": "Alle organisaties samen", "plans": "Elke partij neemt wat zij heeft toegezegd op in haar eigen jaarplan",  # noqa: E501
           "chair": "Voorzitter", "leaving": "Uittreden", "signatures": "Handtekeningen",
           "per_month": "Per maand", "scorecard": "Bijlage E. Scorekaart van de afspraken",
           "hours": "1.584 uur", "euros": "€ 120.000", "one_off": "€ 75.000",
           "our_plan": "In ons eigen jaarplan", "we_bring": "Wat wij inbrengen",
           "score": "8 van de 11 onderdelen van complete afspraken zijn aanwezig."},
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_agreement_prints_contributions_roles_plans_and_clauses(lang: Language) -> None:
    s = demo_session()
    w = WORDS[lang]
    data = export_agreement(s, AgreementOptions(language=lang), EXPORTED_AT)
    text = body_text(data)
    for key in ("brings", "roles", "clauses", "total", "plans", "chair", "leaving",
                "per_month"):
        assert squash(w[key]) in text, key
    # The totals table lists every organisation, the client council (no party) and the
    # absent housing corporation too: its sum is not called "all parties".
    assert squash({"en": "All parties together", "nl": "Alle partijen samen"}[lang]) not in text
    c = s.commitments
    for item in c.contributions:
        assert squash(item.description) in text
    for plan in c.year_plans:
        assert squash(plan.text) in text
    for clause in c.clauses:  # the library's text in the document's language
        assert squash(printed_text(clause.text, clause.template_key, lang)) in text
    for role in c.roles:
        assert squash(role.term or role.mandate) in text
    # totals: hours and euros per year, one-off apart (mixed periods normalised)
    assert squash(w["hours"]) in text and squash(w["euros"]) in text
    assert squash(w["one_off"]) in text
    # the clauses come before the signature page, the scorecard only when asked
    pages = [squash(p) for p in page_texts(data)]
    clauses_page = next(i for i, p in enumerate(pages) if squash(w["clauses"]) in p)
    signatures_page = next(i for i, p in enumerate(pages)
                           if p.startswith(squash(w["signatures"])))
    assert clauses_page < signatures_page
    assert squash(w["scorecard"]) not in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_scorecard_appendix_when_asked(lang: Language) -> None:
    options = AgreementOptions(language=lang, scorecard=True)
    assert options.as_dict()["scorecard"] is True
    data = export_agreement(demo_session(), options, EXPORTED_AT)
    pages = page_texts(data)
    last = squash(pages[-1])
    assert squash(WORDS[lang]["scorecard"]) in last
    assert squash(WORDS[lang]["score"]) in last
    assert squash("Afspraken opnemen in de jaarplannen 2027") in last


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_roadmap_page_per_organisation_lists_its_plans_and_contributions(lang: Language
                                                                         ) -> None:
    s = demo_session()
    w = WORDS[lang]
    data = export_roadmap(s, RoadmapOptions(language=lang), EXPORTED_AT)
    pages = [squash(p) for p in page_texts(data)]
    for org in s.organisations():
        title = (f"Toezeggingenvan{squash(org)}" if lang == "nl"
                 else f"Commitmentsof{squash(org)}")
        page = next(p for p in pages if title in p)
        assert squash(w["our_plan"]) in page and squash(w["we_bring"]) in page
        for plan in s.commitments.year_plans:
            assert (squash(plan.text) in page) == (plan.organisation == org), plan.id
        for item in s.commitments.contributions:
            if item.organisation == org:
                assert squash(item.description) in page, item.id


def test_a_session_without_commitments_prints_as_before() -> None:
    s = demo_session()
    s.commitments = Commitments()
    text = body_text(export_agreement(s, AgreementOptions(language="en"), EXPORTED_AT))
    for key in ("brings", "clauses", "plans"):
        assert squash(WORDS["en"][key]) not in text
    roadmap = body_text(export_roadmap(s, RoadmapOptions(language="en"), EXPORTED_AT))
    assert squash(WORDS["en"]["our_plan"]) not in roadmap


def test_numbers_in_both_languages() -> None:
    assert number(1728, "nl") == "1.728" and number(1728, "en") == "1,728"
    assert number(1234567.5, "nl") == "1.234.567,5"
    assert number(0.2, "en") == "0.2" and number(0, "nl") == "0"


def test_cli_with_scorecard(tmp_path: Path) -> None:
    session = tmp_path / "demo.workshop"
    save_session(demo_session(), session)
    out = tmp_path / "afspraken.pdf"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True,
                              text=True, cwd=ROOT, timeout=120)

    result = run("export", str(session), "--agreement", str(out), "--roadmap",
                 str(tmp_path / "routekaart.pdf"), "--with-scorecard")
    assert result.returncode == 0, result.stderr
    assert squash(WORDS["nl"]["scorecard"]) in body_text(out.read_bytes())
    # the choice is sealed with the PDF: verify rebuilds it with the appendix
    result = run("verify", str(out), str(session))
    assert result.returncode == 0, result.stdout + result.stderr
