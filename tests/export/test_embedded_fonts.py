"""Every font the PDFs use is embedded: no page of an agreement with every appendix (the
diagnostics charts too) names one of the PDF's standard 14 fonts that a reader would
have to substitute."""

from __future__ import annotations

import pytest
from pdfcheck import EXPORTED_AT, page_fonts, page_texts
from samples import demo_session

from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.export.appendix_names import APPENDICES
from workshop.export.roadmap import RoadmapOptions, export_roadmap
from workshop.i18n import Language

STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic",
    "Symbol", "ZapfDingbats",
}


def _unembedded(data: bytes) -> dict[int, list[str]]:
    """Page number -> the fonts on it without a font file."""
    out: dict[int, list[str]] = {}
    for number, found in enumerate(page_fonts(data), 1):
        missing = [name for name, embedded in found.items() if not embedded]
        if missing:
            out[number] = missing
    return out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_agreement_with_every_appendix_embeds_every_font(lang: Language) -> None:
    s = demo_session()
    assert s.diagnostics.moments, "the demo has diagnostics: the appendix with charts"
    every = AgreementOptions(language=lang, **{name: True for name in APPENDICES})
    data = export_agreement(s, every, EXPORTED_AT)
    title = "Bijlage" if lang == "nl" else "Appendix"
    assert any(f"{title} F." in text for text in page_texts(data))  # all seven are there
    assert _unembedded(data) == {}
    for found in page_fonts(data):
        assert found, "every page sets text"
        assert not {name.lstrip("/") for name in found} & STANDARD_14


def test_the_roadmap_embeds_every_font() -> None:
    data = export_roadmap(demo_session(), RoadmapOptions(language="nl"), EXPORTED_AT)
    assert _unembedded(data) == {}
