"""Right-to-left text that wraps keeps its words in the order typed: the first word
typed stands on the first line, each line read right to left."""

from __future__ import annotations

import unicodedata

from pdfcheck import EXPORTED_AT, positioned_text
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from workshop.export import bidi, fonts
from workshop.export.blocks import Text, table
from workshop.export.document import Meta, build, make_styles

NAME = "عبد الله بن محمد الأحمد"


def _pdf(*flowables: object) -> bytes:
    meta = Meta(kind="agreement", title="t", author="a", subject="s", language="nl",
                fingerprint="0" * 64, header="h", label="l", exported_at=EXPORTED_AT,
                session_id="s")
    return build(list(flowables), A4, meta)  # type: ignore[arg-type]


def _lines(data: bytes) -> list[str]:
    """The right-to-left lines of the body, top to bottom (NFKC: letters, not forms)."""
    by_y: dict[float, str] = {}
    for _, _, y, text in positioned_text(data):
        if bidi.has_rtl(text):
            key = round(y, 1)
            by_y[key] = by_y.get(key, "") + unicodedata.normalize("NFKC", text)
    return [by_y[y] for y in sorted(by_y, reverse=True)]


def _words(line: str) -> set[str]:
    return set(line.split())


def test_a_name_in_a_narrow_cell_wraps_in_the_order_typed() -> None:
    s = make_styles()
    text = Text()
    cell = table([["#", "Naam"], ["1", text.para(NAME, s.cell_bold, "bold")]],
                 [10 * mm, 22 * mm])
    lines = _lines(_pdf(cell))
    assert len(lines) >= 2  # it does wrap
    assert "عبد" in _words(lines[0])
    assert "الأحمد" in _words(lines[-1]) and "الأحمد" not in _words(lines[0])
    # Every word once, in the order typed when the lines are read top to bottom.
    read = [w for line in lines for w in NAME.split() if w in _words(line)]
    assert read == NAME.split()


def test_a_paragraph_that_wraps_inside_a_right_to_left_run() -> None:
    """A party's line, "…vertegenwoordigd door عبد الله بن محمد الأحمد, bestuurder":
    where the line breaks inside the name, its first words end the first line."""
    s = make_styles()
    lead = "rechtsgeldig vertegenwoordigd door de heer"
    text = Text()
    paragraph = text.para(f"{lead} {NAME}, bestuurder", s.item, bullet="2.")
    # Room for the lead and the name's first two words, not for the whole name.
    room = fonts.string_width(f"{lead} عبد الله", s.item.fontSize) + s.item.leftIndent + 12
    lines = _lines(_pdf(table([[paragraph]], [room], header=False)))
    assert len(lines) >= 2
    read = [w for line in lines for w in NAME.split() if w in _words(line)]
    assert read == NAME.split()
    assert "عبد" in _words(lines[0])
