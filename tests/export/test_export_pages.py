"""Every page renders to something a person can see; fonts and resources ship."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pdfcheck import EXPORTED_AT, hostile_session

from workshop.domain.samples import demo_session
from workshop.export import fonts
from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.export.roadmap import RoadmapOptions, export_roadmap

PDFTOPPM = shutil.which("pdftoppm")
PDFTOTEXT = shutil.which("pdftotext")


def _ink(png: Path) -> float:
    """Share of pixels that are not white."""
    from PIL import Image

    with Image.open(png) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
    return 1 - sum(histogram[245:]) / sum(histogram)


@pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm (poppler-utils) is not installed; "
                    "PySide6-Essentials has no QtPdf to render with instead")
@pytest.mark.parametrize("kind", ["agreement-nl", "agreement-en", "roadmap-a4", "roadmap-a3"])
def test_every_page_renders_and_is_not_blank(kind: str, tmp_path: Path) -> None:
    pytest.importorskip("PIL", reason="Pillow reads the rendered pages")
    session = demo_session()
    if kind.startswith("agreement"):
        data = export_agreement(session, AgreementOptions(language=kind[-2:]),  # type: ignore[arg-type]
                                EXPORTED_AT)
    else:
        data = export_roadmap(session, RoadmapOptions(size=kind[-2:].upper()),  # type: ignore[arg-type]
                              EXPORTED_AT)
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(data)
    assert PDFTOPPM is not None
    result = subprocess.run([PDFTOPPM, "-r", "30", "-png", str(pdf), str(tmp_path / "p")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "rror" not in result.stderr, result.stderr
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) >= 3
    blank = [p.name for p in pages if _ink(p) < 0.005]
    assert blank == []


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")
def test_right_to_left_text_reads_back_in_logical_order(tmp_path: Path) -> None:
    """Poppler applies the bidi algorithm on extraction: the words come back in the order
    typed (it may move a space around the colon, a neutral between two runs)."""
    session = hostile_session(20)
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(export_agreement(session, AgreementOptions(language="en"), EXPORTED_AT))
    assert PDFTOTEXT is not None
    text = subprocess.run([PDFTOTEXT, str(pdf), "-"], capture_output=True, text=True,
                          timeout=120).stdout
    plain = unicodedata.normalize("NFKC", "".join(
        ch for ch in text if unicodedata.category(ch) != "Cf"))
    assert re.search(r"العربية\W+نحن\W+نعمل\W+معا", plain)
    assert re.search(r"עברית\W+אנחנו\W+עובדים\W+יחד", plain)


def test_fonts_and_licences_are_bundled() -> None:
    for font in fonts.FONT_FILES:
        assert fonts.font_resource(font.file).is_file(), font.file
    for licence in fonts.LICENCE_FILES:
        assert fonts.font_resource(licence).read_text("utf-8").strip()
    total = sum(len(f.read_bytes()) for f in fonts.app_font_files())
    assert total < 4_000_000


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
