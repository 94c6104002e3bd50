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
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText

from workshop.export import bidi, fonts
from workshop.export.document import ACCENT, INK, RULE, ZEBRA
from workshop.export.outline import Heading, Outlined

Cell = str | Flowable | list[Flowable]

IN_ROW_SPLIT = 24
"""Smallest piece (points) a table row may be cut into when it does not fit a page."""

TALL_ROW = 700.0
"""Without a frame to ask (never in a build): a row taller than this is cut inside."""


class _Table(Table):
    """A table whose rows are never split across pages, unless a row is taller than a
    page (reportlab's own split cuts a row in two whenever it does not fit the rest of
    a page).

    The header row repeats at the top of each page the table continues on, never in
    the middle of one: a row taller than a page is cut where the page ends, right
    after the rows before it (splitting before it would start its remainder with a
    repeated header on the same page, then cut it there).
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        internals: Any = self
        internals._calc(availWidth, availHeight)
        heights: list[float] = internals._rowHeights
        if not heights:
            return []
        head = min(internals.repeatRows, len(heights) - 1)
        frame = getattr(getattr(getattr(self, "canv", None), "_doctemplate", None),
                        "frame", None)
        page = float(getattr(frame, "_aH", TALL_ROW))  # the height of an empty frame
        # The first row that does not fit what is left of this page.
        used, stop = 0.0, len(heights)
        for n, height in enumerate(heights):
            if used + height > availHeight:
                stop = n
                break
            used += height
        too_tall = stop < len(heights) and heights[stop] + sum(heights[:head]) > page
        if too_tall and stop >= head:
            # Cut that row here, after the rows before it, as far as the page goes.
            cut: list[Flowable] = internals._splitRows(availHeight, doInRowSplit=True)
            return cut
        result: list[Flowable] = internals._splitRows(availHeight, doInRowSplit=False)
        return result


class KeepWithStart(CondPageBreak):
    """Before a heading and the table under it: a new page unless the heading and the
    table's first rows (its header and first row) fit on this one, so that a heading
    never stands alone at the bottom of a page. The table itself still splits between
    rows; only a start taller than ``most`` (a row of a page or more) is not waited for.
    """

    def __init__(self, heading: Flowable, table: Flowable, rows: int = 2,
                 most: float = 120 * mm) -> None:
        super().__init__(0)
        self.heading = heading
        self.table = table
        self.rows = rows
        self.most = most

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        heading = self.heading.wrap(availWidth, availHeight)[1]
        heading += self.heading.getSpaceBefore() + self.heading.getSpaceAfter()
        if isinstance(self.table, Table):
            internals: Any = self.table
            internals._calc(availWidth, availHeight)
            start = sum(internals._rowHeights[:self.rows])
        else:
            start = self.table.wrap(availWidth, availHeight)[1]
        self.height = heading + min(start, self.most)
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        return size


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


class LogicalHeading(Outlined, LogicalParagraph):
    """A heading of right-to-left (or mixed) user text that adds itself to the outline."""


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

    def heading(self, text: str, style: Any, key: str, fstyle: fonts.Style = "bold",
                level: int = 0) -> Paragraph:
        """A heading of user text that is also a bookmark, titled with the text as
        printed (without invisible and control characters)."""
        title = " ".join(fonts.clean(text).split())
        if not bidi.has_rtl(text):
            return Heading(self(text, fstyle), style, title, key, level)
        paragraph = LogicalHeading(self(text, fstyle), style, title, key, level)
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
