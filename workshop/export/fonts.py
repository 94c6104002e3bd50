"""The bundled fonts: registered with reportlab, listed for the app, and a glyph fallback.

One family serves the app and the PDFs: Noto Sans (regular, bold, italic) for Latin,
Greek and Cyrillic. A character the main font lacks is set in the first fallback that
has it: Noto Sans Arabic, Noto Sans Hebrew, then DejaVu Sans (symbols, arrows, some
emoji). A character no bundled font has is printed as U+FFFD, a visible replacement
mark, and counted so the document can say so; it never breaks an export.

Invisible characters are dropped before typesetting: control characters (a tab becomes
a space, line breaks stay line breaks) and format characters such as zero-width
spaces and joiners, bidi controls, soft hyphens, variation selectors and emoji skin
tone modifiers. They carry nothing a reader can see, and some would print as boxes.

Right-to-left text: reportlab reorders and joins letters only with the optional
``rlbidi`` and ``uharfbuzz`` packages, which Workshop does not depend on. Instead
``workshop.export.bidi`` puts each line in visual order and Arabic letters in their
joined presentation forms before typesetting (see there for what it cannot do).

Everything user-typed goes through ``markup`` (for Paragraphs) or ``runs`` (for drawing
on a canvas): it escapes ``&``, ``<`` and ``>`` so that no user text is ever read as
reportlab markup.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.abc import Traversable
from typing import Literal

from workshop.assets import resource_root
from workshop.export import bidi

Style = Literal["regular", "bold", "italic"]

FAMILY = "WorkshopSans"
"""The reportlab family name of the main font (``<b>`` and ``<i>`` map within it)."""
UI_FAMILY = "Noto Sans"
"""The family name Qt sees after loading ``app_font_files()``."""
REGULAR = "WorkshopSans"
BOLD = "WorkshopSans-Bold"
ITALIC = "WorkshopSans-Italic"
REPLACEMENT = "\ufffd"
"""Printed for a character no bundled font has."""


@dataclass(frozen=True)
class FontFile:
    name: str
    """The reportlab font name."""
    file: str
    """The file under ``resources/fonts``."""
    family: str
    style: Style


FONT_FILES: tuple[FontFile, ...] = (
    FontFile(REGULAR, "NotoSans-Regular.ttf", FAMILY, "regular"),
    FontFile(BOLD, "NotoSans-Bold.ttf", FAMILY, "bold"),
    FontFile(ITALIC, "NotoSans-Italic.ttf", FAMILY, "italic"),
    FontFile("WorkshopArabic", "NotoSansArabic-Regular.ttf", "WorkshopArabic", "regular"),
    FontFile("WorkshopArabic-Bold", "NotoSansArabic-Bold.ttf", "WorkshopArabic", "bold"),
    FontFile("WorkshopHebrew", "NotoSansHebrew-Regular.ttf", "WorkshopHebrew", "regular"),
    FontFile("WorkshopHebrew-Bold", "NotoSansHebrew-Bold.ttf", "WorkshopHebrew", "bold"),
    FontFile("WorkshopSymbols", "DejaVuSans.ttf", "WorkshopSymbols", "regular"),
    FontFile("WorkshopCJK", "DroidSansFallback-subset.ttf", "WorkshopCJK", "regular"),
    FontFile("WorkshopKorean", "NanumSquareR.ttf", "WorkshopKorean", "regular"),
)

LAZY = frozenset({"WorkshopCJK", "WorkshopKorean"})
"""Large fallbacks registered with reportlab only when a text needs them."""

LICENCE_FILES = ("OFL-Noto.txt", "LICENSE-DejaVu.txt", "LICENSE-Apache-2.0.txt",
                 "OFL-Nanum.txt")

# The fallback chain per style of the main font; italic text falls back upright.
_CHAINS: dict[Style, tuple[str, ...]] = {
    "regular": (REGULAR, "WorkshopArabic", "WorkshopHebrew", "WorkshopCJK", "WorkshopKorean",
                "WorkshopSymbols"),
    "bold": (BOLD, "WorkshopArabic-Bold", "WorkshopHebrew-Bold", "WorkshopCJK",
             "WorkshopKorean", "WorkshopSymbols"),
    "italic": (ITALIC, "WorkshopArabic", "WorkshopHebrew", "WorkshopCJK", "WorkshopKorean",
               "WorkshopSymbols"),
}


def font_resource(file: str) -> Traversable:
    """A bundled font or licence file (works from a checkout and from the wheel)."""
    return resource_root() / "fonts" / file


def app_font_files(*, first_family: bool = False) -> list[Traversable]:
    """The font files the app loads (``QFontDatabase.addApplicationFontFromData``),
    so that the screen shows the same family as the PDF. ``first_family``: only the
    faces of the first (the app's own words; the others are fallbacks for scripts)."""
    return [font_resource(f.file) for f in FONT_FILES
            if not first_family or f.family == FONT_FILES[0].family]


@cache
def register_fonts() -> None:
    """Register every bundled font and its family with reportlab (once per process);
    the large CJK fallbacks wait until a text needs them (``_coverage``)."""
    # reportlab is imported when a PDF is made, not when the app lists its font files
    from reportlab.lib.fonts import addMapping

    for font in FONT_FILES:
        if font.name not in LAZY:
            _register(font)
    families: dict[str, dict[Style, str]] = {}
    for font in FONT_FILES:
        families.setdefault(font.family, {})[font.style] = font.name
    for family, styles in families.items():
        regular = styles["regular"]
        bold = styles.get("bold", regular)
        italic = styles.get("italic", regular)
        addMapping(family, 0, 0, regular)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, italic)
        addMapping(family, 1, 1, bold)


@cache
def _register_lazy(name: str) -> None:
    _register(next(f for f in FONT_FILES if f.name == name))


def _register(font: FontFile) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    data = font_resource(font.file).read_bytes()
    pdfmetrics.registerFont(TTFont(font.name, io.BytesIO(data)))


@cache
def _coverage(name: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    if name in LAZY:
        _register_lazy(name)
    font = pdfmetrics.getFont(name)
    codes = frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]
    if name == "WorkshopCJK":  # its few Hangul syllables would break up a Korean name
        codes = frozenset(c for c in codes if not _hangul(c))
    return codes


def _hangul(code: int) -> bool:
    return 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F or 0xAC00 <= code <= 0xD7AF


# Characters dropped before typesetting (besides categories Cc and Cf).
_DROP_RANGES = (
    (0xFE00, 0xFE0F),  # variation selectors (emoji vs text presentation)
    (0xE0100, 0xE01EF),  # variation selectors supplement
    (0x1F3FB, 0x1F3FF),  # emoji skin tone modifiers
)


def _dropped(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _DROP_RANGES)


@cache
def _clean_char(ch: str) -> str:
    """What one non-ASCII or control character becomes: itself, a break, or nothing."""
    if ch in "\n\r\u2028\u2029\x0b\x0c\x85":
        return "\n"
    if ch == "\t":
        return " "
    category = unicodedata.category(ch)
    if category in ("Cc", "Cf") or _dropped(ch):
        return ""
    if category == "Cs":  # a lone surrogate cannot even be encoded
        return REPLACEMENT
    if category == "Zs":
        return " "
    return ch


def clean(text: str) -> str:
    """The visible text: invisible and control characters out, line breaks kept."""
    if text.isascii() and text.isprintable():
        return text
    text = text.replace("\r\n", "\n")
    return "".join(ch if " " <= ch <= "~" else _clean_char(ch) for ch in text)


class Counter:
    """Counts characters printed as the replacement mark, for a note in the document."""

    def __init__(self) -> None:
        self.replaced = 0


def runs(text: str, style: Style = "regular",
         counter: Counter | None = None) -> list[tuple[str, str]]:
    """``clean(text)`` cut into (font name, text) runs, each set in a font that has it.

    Line breaks stay in the runs as ``\\n``; the caller decides what they mean.
    """
    text = clean(text)
    chain = _CHAINS[style]
    main = _coverage(chain[0])
    if text.isascii():
        return [(chain[0], text)] if text else []
    if bidi.has_rtl(text):
        text = "\n".join(bidi.visual(line) for line in text.split("\n"))
    out: list[tuple[str, str]] = []
    current = chain[0]
    buf: list[str] = []
    for ch in text:
        code = ord(ch)
        font = chain[0]
        if code not in main and ch != "\n":
            for candidate in chain[1:]:
                if code in _coverage(candidate):
                    font = candidate
                    break
            else:
                ch = REPLACEMENT
                if counter is not None:
                    counter.replaced += 1
        elif ch == " ":
            font = current  # spaces join runs instead of splitting them
        if font != current and buf:
            out.append((current, "".join(buf)))
            buf = []
        current = font
        buf.append(ch)
    if buf:
        out.append((current, "".join(buf)))
    return out


def escape(text: str) -> str:
    """Paragraph text for literal characters: ``&``, ``<`` and ``>`` as entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markup(text: str, style: Style = "regular", counter: Counter | None = None) -> str:
    """Paragraph markup that prints ``text`` exactly as typed, in the right fonts.

    The only markup in the result is ours: ``<font name=...>`` around fallback runs and
    ``<br/>`` for line breaks. Use it for every user string that goes into a Paragraph.
    """
    main = _CHAINS[style][0]
    parts = []
    for font, chunk in runs(text, style, counter):
        body = escape(chunk).replace("\n", "<br/>")
        parts.append(body if font == main else f'<font name="{font}">{body}</font>')
    return "".join(parts)


def string_width(text: str, size: float, style: Style = "regular") -> float:
    """The printed width of ``text`` on one line (line breaks count as spaces)."""
    from reportlab.pdfbase import pdfmetrics

    return sum(pdfmetrics.stringWidth(chunk.replace("\n", " "), font, size)
               for font, chunk in runs(text, style))


def fit(text: str, width: float, size: float, style: Style = "regular") -> str:
    """``text`` on one line, shortened with an ellipsis to fit ``width`` points."""
    line = " ".join(clean(text).split())
    line = line[:int(width / (size * 0.1)) + 2]  # no glyph is narrower than 0.1 em
    if string_width(line, size, style) <= width:
        return line
    low, high = 0, len(line)
    while low < high:  # the longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if string_width(line[:mid].rstrip() + "…", size, style) <= width:
            low = mid
        else:
            high = mid - 1
    return line[:low].rstrip() + "…"


def wrap(text: str, widths: float | tuple[float, float], size: float,
         style: Style = "regular") -> list[str]:
    """``text`` broken into lines in *logical* order (as typed), each line at most the
    width given in points (a pair: the first line's and the others'); a line break in
    the text starts a new line, a word wider than a line is cut where it must.

    Right-to-left text is reordered per line only after this (``runs`` and ``markup``
    do so for each line they are given), so a name that wraps keeps its first word on
    the first line. Each line is measured as it will be printed: shaped, in its fonts.
    """
    first, later = widths if isinstance(widths, tuple) else (widths, widths)
    out: list[str] = []

    def room() -> float:
        return max(first if not out else later, size)

    for hard in clean(text).split("\n"):
        words = hard.split()
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if string_width(candidate, size, style) <= room():
                line = candidate
                continue
            if line:
                out.append(line)
                line = ""
            while string_width(word, size, style) > room():  # cut an over-long word
                low, high = 1, len(word) - 1
                while low < high:
                    mid = (low + high + 1) // 2
                    if string_width(word[:mid], size, style) <= room():
                        low = mid
                    else:
                        high = mid - 1
                out.append(word[:low])
                word = word[low:]
            line = word
        out.append(line)
    return out
