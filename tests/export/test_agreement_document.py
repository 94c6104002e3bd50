"""The agreement as a document directors sign: its order, its kind, CONCEPT while open,
the library's English, plural forms, fonts, bookmarks, whole table rows."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from pdfcheck import EXPORTED_AT, body_text, fonts_of, page_texts, squash
from pypdf import PdfReader
from samples import demo_session, large_session

from workshop.domain.model import (
    AGREEMENT_SUBJECT,
    AMBITION_SUBJECT,
    Authority,
    Clause,
    ClauseKind,
    ConsentRecord,
    Decision,
    LegalDetails,
    LegalForm,
    Organisation,
    Participant,
    Session,
    SessionDetails,
)
from workshop.domain.templates import clause_templates
from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.i18n import Language
from workshop.locale_format import money, number, plural

ORDER = {
    "nl": ["INTENTIEVERKLARING", "De ondergetekenden", "Overwegingen",
           "komen als volgt overeen:", "Artikel 1.", "Artikel 2.", "Artikel 8.",
           "Handtekeningen", "Bijlage A."],
    "en": ["LETTER OF INTENT", "The undersigned", "Considerations", "agree as follows:",
           "Article 1.", "Article 2.", "Article 8.", "Signatures", "Appendix A."],
}


def _text(data: bytes) -> str:
    return squash("\n".join(page_texts(data)))


def _in_order(text: str, parts: list[str]) -> None:
    at = -1
    for part in parts:
        found = text.find(squash(part), at + 1)
        assert found > at, f"{part!r} missing or out of order"
        at = found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_demo_reads_as_an_agreement_in_order(lang: Language) -> None:
    s = demo_session()
    text = _text(export_agreement(s, AgreementOptions(language=lang), EXPORTED_AT))
    _in_order(text, ORDER[lang])
    # The parties: legal name, KvK, represented by name and function, before the articles.
    parties = text[:text.index(squash(ORDER[lang][3]))]
    represented = "rechtsgeldigvertegenwoordigddoor" if lang == "nl" else "dulyrepresentedby"
    assert squash("Stichting Zorggroep De Linde") in parties and "41098765" in parties
    assert squash(f"{represented} Fatima El Amrani, directeur-bestuurder") in parties
    subject = ("onder voorbehoud van besluitvorming" if lang == "nl"
               else "subject to the decision of its board or council")
    assert squash(f"Anna de Vries, lid raad van bestuur, {subject}") in parties
    # The client council is named as involved, not as a party that signs.
    involved = "Betrokken zonder partij te zijn" if lang == "nl" else \
        "Involved without being a party"
    assert parties.index(squash(involved)) < parties.index(squash("Cliëntenraad"))
    # Signature blocks: name, function, organisation, place and date.
    signatures = text[text.index(squash(ORDER[lang][7])):text.index(squash(ORDER[lang][8]))]
    place = "Plaats:Ommeren·Datum:12maart2026" if lang == "nl" else \
        "Place:Ommeren·Date:12March2026"
    assert signatures.count(place) == 7
    assert squash("Ingrid Jansen wethouder zorg, welzijn en wonen Gemeente Waalzoom") \
        in signatures
    aldus = ("Aldusovereengekomenenin7-voudondertekendteOmmerenop12maart2026."
             if lang == "nl" else "Thusagreedandsignedin7copiesinOmmerenon12March2026.")
    assert aldus in signatures


def test_no_sources_tallies_or_commands_in_the_articles() -> None:
    s = demo_session()
    text = _text(export_agreement(s, AgreementOptions(language="en", sources=True),
                                  EXPORTED_AT))
    body = text[:text.index("AppendixA.")]
    assert "Source:" not in body and "Consentround" not in body
    assert "workshopverify" not in text
    assert "Bron:" not in body
    assert "consent," not in body  # no tallies under the articles
    # ...and the record is one click away, in the chosen appendices.
    assert "Consentrecord" in text and "Sourcesofthetemplatesused" in text


def test_a_new_session_exports_its_parties_in_order() -> None:
    """A session made from scratch: two parties and a covenant."""
    s = Session(
        details=SessionDetails(name="Wijkzorg Noord", region="Noord", language="en"),
        participants=[
            Participant(id="p-a", name="Ada Kok", organisation="Wijkteam Noord",
                        role="director"),
            Participant(id="p-b", name="Ben Ali", organisation="Gemeente Noord",
                        role="alderman"),
        ],
        legal=LegalDetails(place="Noorddorp", organisations=[
            Organisation(name="Wijkteam Noord", legal_name="Stichting Wijkteam Noord",
                         legal_form=LegalForm.FOUNDATION, seat="Noorddorp", kvk="12345678",
                         authority=Authority.STATUTES),
            Organisation(name="Gemeente Noord", legal_form=LegalForm.MUNICIPALITY,
                         seat="Noorddorp", kvk="87654321",
                         authority=Authority.SUBJECT_TO_DECISION)]),
    )
    s.commitments.clauses.append(Clause(
        id="cl-1", kind=ClauseKind.NATURE, template_key="clause.nature-covenant",
        text=next(t.text_en for t in clause_templates() if t.key == "clause.nature-covenant")))
    text = _text(export_agreement(s, AgreementOptions(language="en"), EXPORTED_AT))
    _in_order(text, ["COVENANT", "The undersigned", "Stichting Wijkteam Noord", "12345678",
                     "duly represented by Ada Kok, director", "Gemeente Noord", "87654321",
                     "Ben Ali, alderman", "Considerations", "agree as follows:",
                     "Article 1.", "Signatures", "Ada Kok", "director",
                     "Place: Noorddorp · Date:"])
    assert "Covenant:WijkzorgNoord" == squash(str(PdfReader(io.BytesIO(export_agreement(
        s, AgreementOptions(language="en"), EXPORTED_AT))).metadata.title))


@pytest.mark.parametrize(("key", "kind"), [
    ("clause.nature-effort", "LETTEROFINTENT"), ("clause.nature-covenant", "COVENANT"),
    ("clause.nature-binding", "COLLABORATIONAGREEMENT")])
def test_the_kind_follows_the_nature_clause(key: str, kind: str) -> None:
    s = demo_session()
    nature = next(c for c in s.commitments.clauses if c.kind is ClauseKind.NATURE)
    nature.template_key = key
    nature.text = next(t.text_nl for t in clause_templates() if t.key == key)
    pages = page_texts(export_agreement(s, AgreementOptions(language="en"), EXPORTED_AT))
    assert squash(pages[0]).startswith(kind)
    assert all(kind.lower() in squash(p).lower() for p in pages)  # in every page's header


def _all_agreed(s: Session) -> None:
    subjects = [AMBITION_SUBJECT, AGREEMENT_SUBJECT] + [i.id for i in s.principles + s.rules]
    s.consents = [ConsentRecord(subject_id=sub, participant_id=p.id, decision=Decision.CONSENT)
                  for sub in subjects for p in s.participants if p.present]


def test_concept_on_every_page_while_anything_is_open() -> None:
    s = demo_session()
    pages = page_texts(export_agreement(s, AgreementOptions(language="nl"), EXPORTED_AT))
    assert all("CONCEPT" in p for p in pages)
    text = _text(export_agreement(s, AgreementOptions(language="nl"), EXPORTED_AT))
    assert "[nognietvastgesteld]" in text  # an open principle is marked as open
    _all_agreed(s)
    agreed = export_agreement(s, AgreementOptions(language="nl"), EXPORTED_AT)
    assert not any("CONCEPT" in p for p in page_texts(agreed))
    assert "[nognietvastgesteld]" not in _text(agreed)


def test_an_english_export_has_no_dutch_clause_text() -> None:
    s = demo_session()
    text = body_text(export_agreement(s, AgreementOptions(language="en"), EXPORTED_AT))
    library = {t.key: t for t in clause_templates()}
    unchanged = [library[c.template_key] for c in s.commitments.clauses
                 if c.template_key and squash(c.text) == squash(library[c.template_key].text_nl)]
    assert len(unchanged) >= 10
    for t in unchanged:
        assert squash(t.text_nl) not in text, t.key
        assert squash(t.text_en) in text, t.key
    # A clause the table rewrote is the table's own text, printed as written.
    edited = next(c for c in s.commitments.clauses if c.id == "cl-looptijd")
    assert squash(edited.text) in text


@pytest.mark.parametrize(("lang", "one", "many"), [
    ("nl", "1 bedenking", "3 bedenkingen"), ("en", "1 concern", "3 concerns")])
def test_plural_forms_come_from_the_catalogue(lang: Language, one: str, many: str) -> None:
    assert plural(1, "{count} concern", "{count} concerns", lang) == one
    assert plural(3, "{count} concern", "{count} concerns", lang) == many
    s = demo_session()
    s.consents = [r for r in s.consents if r.subject_id != AMBITION_SUBJECT]
    present = [p for p in s.participants if p.present]
    s.consents += [ConsentRecord(subject_id=AMBITION_SUBJECT, participant_id=p.id,
                                 decision=Decision.CONCERN if i == 0 else Decision.CONSENT)
                   for i, p in enumerate(present)]
    text = _text(export_agreement(s, AgreementOptions(language=lang), EXPORTED_AT))
    consents = "7instemmingen,1bedenking" if lang == "nl" else "7consents,1concern"
    assert consents in text
    assert not re.search(r"(?<!\d)1(bedenkingen|concerns|bezwaren|objections)", text)


def test_money_and_numbers_are_formatted_once_for_every_view() -> None:
    assert money(Decimal("12.25"), "nl") == "€ 12,25"
    assert money(12.25, "en") == "€ 12.25"
    assert money(75_000, "nl") == "€ 75.000"
    assert number(12.25, "nl") == "12,25"
    assert number(1234567.5, "en") == "1,234,567.5"


def test_every_font_is_embedded_and_every_article_is_bookmarked() -> None:
    s = demo_session()
    data = export_agreement(s, AgreementOptions(language="nl", scorecard=True), EXPORTED_AT)
    found = fonts_of(data)
    assert found and all(found.values()), found
    assert not any("Helvetica" in name for name in found)
    reader = PdfReader(io.BytesIO(data))
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    articles = [t for t in titles if t.startswith("Artikel ")]
    assert [t.split(".")[0] for t in articles] == [f"Artikel {n}" for n in range(1, 9)]
    assert "Bijlage E. Scorekaart van de afspraken" in titles
    assert "Handtekeningen" in titles and "Overwegingen" in titles
    # Each bookmark opens the page its heading is on.
    pages = page_texts(data)
    for outline in reader.outline:
        if isinstance(outline, list):
            continue
        page = reader.get_destination_page_number(outline)
        assert squash(outline.title) in squash(pages[page]), outline.title
    # The title bar shows the document's title; XMP carries title, language, fingerprint.
    root = reader.trailer["/Root"]
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    xmp = root["/Metadata"].get_object().get_data().decode("ascii")
    assert "Intentieverklaring: Samen gezond ouder worden in de Waalzoom" in xmp
    assert "<rdf:li>nl</rdf:li>" in xmp
    assert reader.metadata["/WorkshopFingerprint"] in xmp


def test_no_table_row_splits_across_a_page_on_the_large_session() -> None:
    """The roadmap appendix lists 250 actions in a table over many pages: each row,
    with its title and description, stands whole on one page."""
    s = large_session()
    data = export_agreement(s, AgreementOptions(language="nl"), EXPORTED_AT)
    pages = [squash(p) for p in page_texts(data)]
    appendix = next(i for i, p in enumerate(pages) if "BijlageD.Routekaart" in p)
    checked = 0
    for action in s.roadmap.actions:
        row = squash(action.title + action.description)
        # A row cut in two stands whole on no page.
        assert any(row in p for p in pages[appendix:]), action.title
        checked += 1
    assert checked == 250
    # The contributions table of article 6 and the participants appendix too.
    for p in s.participants:
        cell = squash(p.name + p.role)
        assert sum(cell in page for page in pages) >= 1, p.name


def test_column_headers_are_not_broken_inside_a_word() -> None:
    """A header word too wide for its column is set smaller, never cut ("Gemidd-eld")."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph

    from workshop.export.blocks import _unbroken
    from workshop.export.document import make_styles

    s = make_styles()
    for word, width in (("Gemiddeld", 15 * mm), ("Verantwoordelijke", 24 * mm)):
        plain = Paragraph(word, s.head_cell)
        plain.wrap(width - 8, 100)
        assert len(plain.blPara.lines) == 2  # reportlab alone cuts the word in two
        fitted = _unbroken(plain, width - 8)
        assert isinstance(fitted, Paragraph)
        fitted.wrap(width - 8, 100)
        assert len(fitted.blPara.lines) == 1, word
    text = "\n".join(page_texts(export_agreement(
        demo_session(), AgreementOptions(language="nl", diagnostics=True), EXPORTED_AT)))
    assert "Gemiddeld" in text.replace("\n", " ")
