"""Building blocks for the PDFs: user text as paragraphs, tables that can split.

Every user string passes through ``fonts.markup`` here, so no field can inject
reportlab markup. Tables split between rows and, for a row taller than a page (a
20,000-character principle in a cell), inside the row: nothing can become a flowable
that is too tall to place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText

from workshop.export import bidi, fonts
from workshop.export.document import ACCENT, INK, RULE, ZEBRA

Cell = str | Flowable | list[Flowable]

IN_ROW_SPLIT = 24
"""Smallest piece (points) a table row may be cut into when it does not fit a page."""

TALL_ROW = 700.0
"""Without a frame to ask (never in a build): a row taller than this is cut inside."""


class _Table(Table):
    """A table whose rows are never split across pages, unless a row is taller than a
    page (reportlab's own split cuts a row in two whenever it does not fit the rest of
    a page)."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        internals: Any = self
        internals._calc(availWidth, availHeight)
        result: list[Flowable] = internals._splitRows(availHeight, doInRowSplit=False)
        if result:
            return result
        heights: list[float] = internals._rowHeights
        first = min(internals.repeatRows, len(heights) - 1) if heights else 0
        frame = getattr(getattr(getattr(self, "canv", None), "_doctemplate", None),
                        "frame", None)
        page = float(getattr(frame, "_aH", TALL_ROW))  # the height of an empty frame
        if heights and heights[first] + sum(heights[:first]) > page:
            cut: list[Flowable] = internals._splitRows(availHeight, doInRowSplit=True)
            return cut
        return []


class LogicalParagraph(Paragraph):
    """A paragraph of right-to-left (or mixed) text that wraps in the order typed.

    ``fonts.markup`` puts right-to-left runs in visual order, and reportlab would then
    wrap the reversed run: the first word typed ends up on the next line. Here the text
    is broken into lines first (``fonts.wrap``, with the widths the paragraph is given)
    and each line is reordered on its own, as the roadmap's timeline does; reportlab
    receives lines that fit and only stacks them.
    """

    logical: tuple[str, fonts.Style] | None = None
    _wrapped_for: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self.logical is not None and availWidth != self._wrapped_for:
            text, fstyle = self.logical
            style = self.style
            later = availWidth - style.leftIndent - style.rightIndent - 0.5
            first = later - style.firstLineIndent
            lines = fonts.wrap(text, (first, later), style.fontSize, fstyle)
            internals: Any = self
            markup = "<br/>".join(fonts.markup(line, fstyle) for line in lines)
            internals._setup(markup, style, self.bulletText, None, cleanBlockQuotedText)
            self._wrapped_for = availWidth
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        return size


class Text:
    """Turns user text into paragraph markup, counting replaced characters."""

    def __init__(self) -> None:
        self.counter = fonts.Counter()

    def __call__(self, text: str, style: fonts.Style = "regular") -> str:
        return fonts.markup(text, style, self.counter)

    def para(self, text: str, style: Any, fstyle: fonts.Style = "regular",
             bullet: str | None = None) -> Paragraph:
        """A paragraph of user text only (no markup of ours); right-to-left text in it
        wraps in the order typed."""
        if not bidi.has_rtl(text):
            return Paragraph(self(text, fstyle), style, bulletText=bullet)
        paragraph = LogicalParagraph(self(text, fstyle), style, bulletText=bullet)
        paragraph.logical = (text, fstyle)
        return paragraph


def _unbroken(cell: Cell, room: float) -> Cell:
    """A header cell whose longest word fits its column: set smaller rather than broken
    inside a word without a hyphen ("Gemidd-eld")."""
    if not isinstance(cell, Paragraph):
        return cell
    style = cell.style
    words = cell.getPlainText().split()
    if not words:
        return cell
    widest = max(fonts.string_width(w, style.fontSize, "bold") for w in words)
    if widest <= room:
        return cell
    size = max(5.5, style.fontSize * room / widest)
    smaller = ParagraphStyle(f"{style.name}-fit", parent=style, fontSize=size,
                             leading=size * 1.3)
    return Paragraph(cell.text, smaller)


def table(rows: Sequence[Sequence[Cell]], widths: Sequence[float], header: bool = True,
          zebra: bool = True) -> Table:
    """A table that splits between rows and inside rows too tall for a page.

    Plain string cells (never user text: strings are drawn without the glyph
    fallback) are set in the body font.
    """
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8.5, 11),  # not reportlab's Helvetica
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                     ("LINEBELOW", (0, 0), (-1, 0), 0.4, ACCENT)]
    if zebra and len(rows) > 2:
        commands.append(("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1),
                         [colors.white, ZEBRA]))
    data: list[list[Any]] = [list(r) for r in rows]
    if header and data:
        data[0] = [_unbroken(cell, width - 8) for cell, width in zip(data[0], widths,
                                                                     strict=False)]
    return _Table(data, colWidths=list(widths),
                 repeatRows=1 if header else 0, splitInRow=IN_ROW_SPLIT,
                 style=TableStyle(commands), hAlign="LEFT")
