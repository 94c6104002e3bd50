"""Every page renders to something a person can see; fonts and resources ship."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pdfcheck import EXPORTED_AT, hostile_session
from pypdf import PdfReader
from render import ink, qt_text, render_pages
from samples import demo_session
from test_export_signing import signed_demo

from workshop.domain.parties import party_views
from workshop.export import fonts
from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.export.roadmap import RoadmapOptions, export_roadmap


@pytest.mark.parametrize("kind", ["agreement-nl", "agreement-en", "agreement-paper",
                                  "roadmap-a4", "roadmap-a3", "roadmap-owner"])
def test_every_page_renders_and_is_not_blank(kind: str) -> None:
    """QtPdf (PySide6-Pdf) draws every page; none comes out empty."""
    session = signed_demo() if kind != "agreement-paper" else demo_session()
    if kind.startswith("agreement"):
        lang = "en" if kind == "agreement-en" else "nl"
        data = export_agreement(session, AgreementOptions(  # type: ignore[arg-type]
            language=lang, paper=kind == "agreement-paper"), EXPORTED_AT)
    else:
        data = export_roadmap(session, RoadmapOptions(
            size="A3" if kind == "roadmap-a3" else "A4",
            group_by="owner" if kind == "roadmap-owner" else "phase"), EXPORTED_AT)
    pages = render_pages(data, dpi=30)
    assert len(pages) == len(PdfReader(io.BytesIO(data)).pages) >= 3
    blank = [n for n, image in enumerate(pages, 1) if ink(image) < 0.005]
    assert blank == []
    # Landscape roadmap, portrait agreement.
    wide = [image.width() > image.height() for image in pages]
    assert all(wide) if kind.startswith("roadmap") else not any(wide)


def test_the_drawn_signature_is_on_the_page() -> None:
    """The strokes are vectors on the signature page: it carries more ink signed."""
    bare = AgreementOptions(participants=False, interests=False, consent=False, roadmap=False)
    session = signed_demo()
    # The parties' representatives only: the others' signatures take a section of
    # their own ("Seen by the participants"), and so more pages.
    signers = {v.representative.id for v in party_views(session) if v.signs and v.representative}
    session.signatures = [sig for sig in session.signatures if sig.participant_id in signers]
    signed = render_pages(export_agreement(session, bare, EXPORTED_AT), dpi=30)
    unsigned = render_pages(export_agreement(demo_session(), bare, EXPORTED_AT), dpi=30)
    assert len(signed) == len(unsigned)
    assert sum(map(ink, signed)) > sum(map(ink, unsigned)) + 0.002


def test_right_to_left_text_reads_back_in_logical_order() -> None:
    """A viewer's text extraction (PDFium, through QtPdf) applies the bidi algorithm: the
    words come back in the order typed (it may move a space around the colon, a neutral
    between two runs)."""
    text = qt_text(export_agreement(hostile_session(20), AgreementOptions(language="en"),
                                    EXPORTED_AT))
    plain = unicodedata.normalize("NFKC", "".join(
        ch for ch in text if unicodedata.category(ch) != "Cf"))
    assert re.search(r"العربية\W+نحن\W+نعمل\W+معا", plain)
    assert re.search(r"עברית\W+אנחנו\W+עובדים\W+יחד", plain)


def test_fonts_and_licences_are_bundled() -> None:
    for font in fonts.FONT_FILES:
        assert fonts.font_resource(font.file).is_file(), font.file
    for licence in fonts.LICENCE_FILES:
        assert fonts.font_resource(licence).read_text("utf-8").strip()
    # The CJK fallbacks (a 1.6 MB subset of Droid Sans Fallback, 0.7 MB NanumSquare) are
    # what it costs to print every Chinese, Japanese and Korean name.
    total = sum(len(f.read_bytes()) for f in fonts.app_font_files())
    assert total < 5_500_000


def test_glyph_fallback() -> None:
    runs = fonts.runs("Zoë Ωμέγα Жж שלום مرحبا ✓ 🫠")
    used = {font for font, _ in runs}
    assert {"WorkshopSans", "WorkshopHebrew", "WorkshopArabic"} <= used
    assert fonts.REPLACEMENT in "".join(chunk for _, chunk in runs)  # 🫠 is in no font
    counter = fonts.Counter()
    fonts.markup("a 🫠 b 🫠", counter=counter)
    assert counter.replaced == 2


def test_markup_escapes_everything() -> None:
    assert fonts.markup("<b>&amp;</b>") == "&lt;b&gt;&amp;amp;&lt;/b&gt;"
    assert fonts.markup("a\nb") == "a<br/>b"
    assert fonts.markup("a\u200bb\x00c\u202ed") == "abcd"
    assert fonts.markup("\ud800") == fonts.REPLACEMENT


def test_arabic_is_joined_and_reordered() -> None:
    from workshop.export.bidi import visual

    shown = visual("سلام")
    assert all(0xFE70 <= ord(ch) <= 0xFEFF for ch in shown)
    assert unicodedata.normalize("NFKC", shown[::-1]) == "سلام"
    assert visual("abc שלום 123") == "abc םולש 123"
    assert visual("plain text") == "plain text"
