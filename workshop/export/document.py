"""What the agreement and the roadmap share: styles, page furniture, metadata, sealing.

Pages are numbered "page X of Y" by a canvas that keeps every page until the end
(the total is known only then) and draws the header and footer last. The build is
deterministic: the creation date is the export time stored in the manifest and the
document id is derived from the content, so ``verify`` can rebuild a PDF from its
session and compare the bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from workshop import __version__, locale_format
from workshop.domain.fingerprint import short_fingerprint
from workshop.export import fonts, progress
from workshop.export.outline import xmp_packet
from workshop.export.seal import (
    FINGERPRINT_KEY,
    MANIFEST_FORMAT,
    MANIFEST_KEY,
    MANIFEST_VERSION,
    PLACEHOLDER,
    SEAL_KEY,
    encode_manifest,
    seal,
)
from workshop.i18n import Language, tr

# --- look --------------------------------------------------------------------------

INK = colors.HexColor("#1d2733")
MUTED = colors.HexColor("#5b6673")
ACCENT = colors.HexColor("#1f5f8b")
ACCENT_LIGHT = colors.HexColor("#e8f0f6")
RULE = colors.HexColor("#c9d3dd")
ZEBRA = colors.HexColor("#f5f7f9")
VOID = colors.HexColor("#b3261e")
VALID = colors.HexColor("#2e6b34")

PHASE_COLOURS = {
    "analysis": colors.HexColor("#4c78a8"),
    "business_case": colors.HexColor("#f58518"),
    "pilot": colors.HexColor("#54a24b"),
    "evaluation": colors.HexColor("#b279a2"),
    "implementation": colors.HexColor("#e45756"),
}


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    head_cell: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    kicker: ParagraphStyle
    title: ParagraphStyle
    statement: ParagraphStyle
    item: ParagraphStyle
    note: ParagraphStyle
    label: ParagraphStyle


def make_styles(scale: float = 1.0) -> Styles:
    """The paragraph styles; every one is splittable and breaks over-long words."""
    fonts.register_fonts()

    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = dict(fontName=fonts.REGULAR, fontSize=size * scale,
                                    leading=size * scale * 1.38, textColor=INK,
                                    alignment=TA_LEFT, splitLongWords=1, allowWidows=0,
                                    allowOrphans=0, bulletFontName=fonts.REGULAR)
        base.update(kw)
        return ParagraphStyle(name, **base)

    return Styles(
        body=style("body", 10, spaceAfter=5),
        small=style("small", 8.5),
        muted=style("muted", 8.5, textColor=MUTED),
        cell=style("cell", 8.5, leading=8.5 * scale * 1.3),
        cell_bold=style("cell_bold", 8.5, fontName=fonts.BOLD, leading=8.5 * scale * 1.3),
        head_cell=style("head_cell", 8, fontName=fonts.BOLD, textColor=colors.white,
                        leading=8 * scale * 1.3),
        h1=style("h1", 17, fontName=fonts.BOLD, textColor=ACCENT, spaceBefore=4,
                 spaceAfter=10, keepWithNext=1),
        h2=style("h2", 12.5, fontName=fonts.BOLD, textColor=INK, spaceBefore=10,
                 spaceAfter=5, keepWithNext=1),
        h3=style("h3", 10.5, fontName=fonts.BOLD, textColor=ACCENT, spaceBefore=7,
                 spaceAfter=3, keepWithNext=1),
        kicker=style("kicker", 10, fontName=fonts.BOLD, textColor=ACCENT, spaceAfter=8),
        title=style("title", 28, fontName=fonts.BOLD, leading=28 * scale * 1.18,
                    spaceAfter=14),
        statement=style("statement", 12, leading=12 * scale * 1.45, backColor=ACCENT_LIGHT,
                        borderPadding=(10, 12, 10, 12), borderColor=ACCENT_LIGHT,
                        borderWidth=0.5, spaceBefore=8, spaceAfter=16, leftIndent=12,
                        rightIndent=12),
        item=style("item", 10, leftIndent=22, bulletIndent=0, spaceBefore=5,
                   spaceAfter=1),
        note=style("note", 8.5, textColor=MUTED, leftIndent=22, spaceAfter=3),
        label=style("label", 10, fontName=fonts.BOLD, textColor=MUTED),
    )


# --- months and dates ----------------------------------------------------------------

def long_date(value: dt.date | None, lang: Language) -> str:
    """``12 March 2026`` / ``12 maart 2026`` (CLDR month names via ``locale_format``)."""
    return locale_format.format_date(value, lang)


def short_date(value: dt.date | None, lang: Language) -> str:
    return locale_format.short_date(value, lang)


def month_label(year: int, month: int, lang: Language) -> str:
    return locale_format.month_label(dt.date(year, month, 1), lang)


def date_time(value: dt.datetime, lang: Language) -> str:
    return tr("{date} at {time}", lang, date=long_date(value.date(), lang),
              time=locale_format.clock(value, lang))


# --- the canvas ----------------------------------------------------------------------

INITIALS_BOTTOM = 15.5 * mm
INITIALS_TOP = 26.5 * mm
"""The initials box (*paraaf*) on paper, above the footer rule at 13 mm."""

INITIALS_CLEARANCE = 2.5 * mm
"""Between the initials box and the lowest line of the body above it."""


@dataclass
class Meta:
    """What goes in the document information and on every page."""

    kind: str
    """"agreement" or "roadmap"."""
    title: str
    author: str
    subject: str
    language: Language
    fingerprint: str
    header: str
    """The collaboration's name, shown at the top of every page but the first."""
    label: str
    """The document's kind as the reader sees it ("Collaboration agreement")."""
    exported_at: dt.datetime
    session_id: str
    options: dict[str, Any] = field(default_factory=dict)
    signatures: list[dict[str, Any]] = field(default_factory=list)
    draft_word: str = ""
    """"CONCEPT" across every page while anything is open; "" for a final text."""
    initials_word: str = ""
    """On paper: an initials box (*paraaf*) on every page, labelled with this word."""

    def manifest(self) -> dict[str, Any]:
        return {
            "format": MANIFEST_FORMAT,
            "version": MANIFEST_VERSION,
            "kind": self.kind,
            "language": self.language,
            "fingerprint": self.fingerprint,
            "session_id": self.session_id,
            "exported_at": self.exported_at.isoformat(),
            "options": self.options,
            "signatures": self.signatures,
            "generator": {"workshop": __version__, "reportlab": _reportlab_version()},
        }


def _reportlab_version() -> str:
    import reportlab

    return str(reportlab.Version)


class _Info(PDFInfo):
    """The document information dictionary with Workshop's own keys."""

    extra: dict[str, str]

    def format(self, document: Any) -> bytes:
        entries: dict[str, Any] = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Creator": PDFString(self.creator),
            "Producer": PDFString(self.producer),
            "Trapped": PDFName(self.trapped),
        }
        stamp = document._timeStamp
        from reportlab.pdfbase.pdfdoc import PDFDate

        entries["CreationDate"] = entries["ModDate"] = PDFDate(ts=stamp)
        for key, value in self.extra.items():
            entries[key] = PDFString(value)
        formatted: bytes = PDFDictionary(entries).format(document)
        return formatted


def _timestamp(moment: dt.datetime) -> TimeStamp:
    stamp = TimeStamp(True)
    seconds = moment.timestamp()
    stamp.t = seconds
    stamp.lt = time.gmtime(seconds)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp


def _canvas_class(meta: Meta) -> type[Canvas]:
    lang = meta.language
    short = short_fingerprint(meta.fingerprint)

    class PagedCanvas(Canvas):
        """Keeps the pages until the end so that each can say "page X of Y"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1
            kwargs["lang"] = lang
            # Not reportlab's default Helvetica: every font in the file must be embedded.
            kwargs["initialFontName"] = fonts.REGULAR
            kwargs["initialFontSize"] = 10
            kwargs["initialLeading"] = 12
            super().__init__(*args, **kwargs)
            info = _Info()
            info.extra = {
                FINGERPRINT_KEY: meta.fingerprint,
                MANIFEST_KEY: encode_manifest(meta.manifest()),
                SEAL_KEY: PLACEHOLDER,
            }
            internals: Any = self  # reportlab's private state, not in its type stubs
            internals._doc.info = info
            internals._doc._timeStamp = _timestamp(meta.exported_at)
            self.setTitle(meta.title)
            self.setAuthor(meta.author)
            self.setSubject(meta.subject)
            self.setCreator(f"Workshop {__version__}")
            self.setKeywords(tr("fingerprint {fingerprint}", lang,
                                fingerprint=meta.fingerprint))
            # The reader's title bar shows the title, not the file name; XMP for archives.
            self.setViewerPreference("DisplayDocTitle", "true")
            internals._doc.Catalog.Metadata = xmp_packet(
                meta.title, lang, meta.fingerprint, meta.subject, f"Workshop {__version__}")
            self.showOutline()
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._saved_pages.append(dict(self.__dict__))
            internals: Any = self
            internals._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._furniture(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _furniture(self, total: int) -> None:
            internals: Any = self
            width, height = internals._pagesize
            number: int = internals._pageNumber
            left, right = 18 * mm, width - 18 * mm
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(left, 13 * mm, right, 13 * mm)
            size = 7.5
            self.setFillColor(MUTED)
            page = tr("Page {page} of {pages}", lang, page=number, pages=total)
            draw_text(self, right - fonts.string_width(page, size), 8.5 * mm, page, size)
            finger = tr("Fingerprint {short}", lang, short=short)
            draw_text(self, left, 8.5 * mm, f"{meta.label} · {finger}", size)
            if number == 1:
                self.setFillColor(ACCENT)
                self.rect(0, height - 9 * mm, width, 9 * mm, stroke=0, fill=1)
                self.setFillColor(MUTED)
            else:
                self.line(left, height - 12 * mm, right, height - 12 * mm)
                kind_width = fonts.string_width(meta.label, size)
                header = fonts.fit(meta.header, right - left - kind_width - 12 * mm, size)
                draw_text(self, left, height - 10.5 * mm, header, size)
                draw_text(self, right - kind_width, height - 10.5 * mm, meta.label, size)
            if meta.initials_word:
                box = 16 * mm
                self.setStrokeColor(INK)
                self.setLineWidth(0.6)
                self.rect(right - box, INITIALS_BOTTOM, box, INITIALS_TOP - INITIALS_BOTTOM,
                          stroke=1, fill=0)
                self.setFillColor(MUTED)
                draw_text(self, right - box - 2 - fonts.string_width(meta.initials_word, 7),
                          INITIALS_BOTTOM + 1 * mm, meta.initials_word, 7)
            if meta.draft_word:
                self._draft_mark(width, height)
            self.restoreState()

        def _draft_mark(self, width: float, height: float) -> None:
            """CONCEPT, large, light and diagonal across the page.

            It starts in the bottom margin, so that text extraction places it with the
            page furniture rather than in the middle of a sentence of the body.
            """
            self.saveState()
            self.setFillColor(colors.Color(0.70, 0.15, 0.12, alpha=0.12))
            text = meta.draft_word
            size = 120.0
            length = fonts.string_width(text, size, "bold")
            angle = 58.0
            import math

            run = length * math.cos(math.radians(angle))
            self.translate(max(6 * mm, (width - run) / 2 - size * 0.4), 9 * mm)
            self.rotate(angle)
            draw_text(self, 0, 0, text, size, "bold")
            self.restoreState()

    return PagedCanvas


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float,
              style: fonts.Style = "regular") -> float:
    """Draw one line of user text with the glyph fallback; returns the width drawn."""
    start = x
    for font, chunk in fonts.runs(text, style):
        chunk = chunk.replace("\n", " ")
        canvas.setFont(font, size)
        canvas.drawString(x, y, chunk)
        x += canvas.stringWidth(chunk, font, size)
    return x - start


def build(story: Sequence[Flowable], pagesize: tuple[float, float], meta: Meta,
          margins: tuple[float, float, float, float] = (20 * mm, 18 * mm, 18 * mm, 20 * mm),
          ) -> bytes:
    """Lay out ``story`` and return the sealed PDF's bytes (top, right, bottom, left).

    On paper the body ends above the initials box, which every page carries.
    """
    fonts.register_fonts()
    top, right, bottom, left = margins
    if meta.initials_word:
        bottom = max(bottom, INITIALS_TOP + INITIALS_CLEARANCE)
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out, pagesize=pagesize, leftMargin=left, rightMargin=right, topMargin=top,
        bottomMargin=bottom, title=meta.title, author=meta.author, subject=meta.subject,
        creator=f"Workshop {__version__}", lang=meta.language, invariant=1,
        keywords=[tr("fingerprint {fingerprint}", meta.language,
                     fingerprint=meta.fingerprint)],
    )
    frame = Frame(left, bottom, pagesize[0] - left - right, pagesize[1] - top - bottom,
                  id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=pagesize)])
    progress.follow(doc)
    doc.build(list(story), canvasmaker=_canvas_class(meta))
    return seal(out.getvalue())
