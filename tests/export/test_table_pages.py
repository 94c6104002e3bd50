"""Tables over pages: the header repeats at the top of a page, never in the middle of
one; a heading is never left alone at the bottom of a page."""

from __future__ import annotations

from pdfcheck import EXPORTED_AT, FURNITURE, positioned_text
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from workshop.export.blocks import KeepWithStart, Text, table
from workshop.export.document import Meta, build, make_styles

HEADER = "Kolomkop"


def _pdf(story: list[object]) -> bytes:
    meta = Meta(kind="roadmap", title="t", author="a", subject="s", language="nl",
                fingerprint="0" * 64, header="h", label="l", exported_at=EXPORTED_AT,
                session_id="s")
    return build(story, A4, meta)  # type: ignore[arg-type]


def _table(tall_at: int, words: int = 900) -> object:
    s = make_styles()
    text = Text()
    rows: list[list[object]] = [[Paragraph(HEADER, s.head_cell), Paragraph("Tekst", s.head_cell)]]
    for n in range(1, 8):
        body = " ".join(f"woord{n}-{i}" for i in range(words if n == tall_at else 8))
        rows.append([Paragraph(str(n), s.cell), text.para(body, s.cell)])
    return table(rows, [30 * mm, 120 * mm])


def _page_tops(data: bytes) -> dict[int, float]:
    """The baseline of the highest line of the body on each page."""
    tops: dict[int, float] = {}
    for page, _, y, _ in positioned_text(data):
        if FURNITURE < y < A4[1] - FURNITURE:
            tops[page] = max(tops.get(page, 0.0), y)
    return tops


def test_a_row_taller_than_a_page_is_cut_where_the_page_ends() -> None:
    """Rows 1-3 fit the first page, row 4 is longer than a page: it starts right under
    row 3 and goes on over the next pages, each of which starts with the header."""
    s = make_styles()
    data = _pdf([Paragraph("Inleiding", s.h1), Spacer(1, 60 * mm), _table(tall_at=4)])
    tops = _page_tops(data)
    heads = [(page, y) for page, _, y, t in positioned_text(data) if t.strip() == HEADER]
    assert len(heads) >= 3  # the row runs over at least two more pages
    first, *repeated = heads
    assert first[0] == 1
    assert [page for page, _ in repeated] == sorted({page for page, _ in repeated})
    for page, y in repeated:  # at the very top of its page, nothing above it
        assert abs(y - tops[page]) < 1, (page, y, tops[page])
    # Row 4 begins on the first page, below rows 1 to 3.
    starts = {t.split("-")[0].strip(): page for page, _, _, t in positioned_text(data)
              if t.startswith("woord") and t.split("-")[1].startswith("0")}
    assert starts["woord4"] == 1


def test_a_heading_goes_to_the_next_page_with_the_start_of_its_table() -> None:
    """40 mm are left on the page: enough for the heading and the table's header, not
    for its first row (some 35 mm); the heading moves to the next page with it."""
    s = make_styles()
    # Not kept with the whole table (as in the roadmap): only with its start.
    heading = Paragraph("Alle acties", ParagraphStyle("loose", parent=s.h1, keepWithNext=0))
    rows = _table(tall_at=1, words=200)
    frame = A4[1] - 38 * mm
    data = _pdf([Spacer(1, frame - 40 * mm), KeepWithStart(heading, rows),  # type: ignore[arg-type]
                 heading, rows])
    found = positioned_text(data)
    page = next(n for n, _, _, t in found if t.strip() == "Alle acties")
    assert page == 2
    assert any(n == page and t.strip() == HEADER for n, _, _, t in found)
