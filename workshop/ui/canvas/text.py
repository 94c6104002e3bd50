"""Fonts and line breaking for the canvases.

Lines are broken here with font metrics rather than with ``QTextLayout``: it is as
exact for plain text, it lets a tile know its height before it is drawn, and it avoids
``QTextLayout.beginLayout``, whose binding in PySide6 6.12 mis-counts references.
Text that does not fit in its lines ends in a visible "…", never silently.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

from workshop.ui.canvas.theme import FONT_FALLBACK

ELLIPSIS = "…"
_CHARS_PER_LINE_CAP = 240
"""More characters than any line at >= 14 px on a 4k-wide canvas can hold."""


@cache
def font_families() -> tuple[str, ...]:
    """The one place that decides the canvases' family: the app's bundled font if any."""
    try:
        from workshop.ui.fonts import app_font_families

        families = tuple(app_font_families())
    except ImportError:
        families = ()
    return families + (FONT_FALLBACK,)


@dataclass(frozen=True)
class FontSpec:
    px: float
    bold: bool = False
    italic: bool = False
    strike: bool = False


class _Face:
    """A QFont with its metrics and a cache of word widths."""

    def __init__(self, spec: FontSpec) -> None:
        font = QFont()
        font.setFamilies(list(font_families()))
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setPixelSize(max(1, round(spec.px)))
        font.setBold(spec.bold)
        font.setItalic(spec.italic)
        font.setStrikeOut(spec.strike)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        self.font = font
        self.metrics = QFontMetricsF(font)
        self.line_height = self.metrics.lineSpacing()
        self.ascent = self.metrics.ascent()
        self.space = self.metrics.horizontalAdvance(" ")
        self._widths: dict[str, float] = {}

    def width(self, text: str) -> float:
        w = self._widths.get(text)
        if w is None:
            w = self.metrics.horizontalAdvance(text)
            if len(self._widths) < 50_000:
                self._widths[text] = w
        return w

    def elide(self, text: str, width: float) -> str:
        """``text`` cut to ``width`` with a trailing "…" (always shown)."""
        if self.width(text + ELLIPSIS) <= width:
            return text + ELLIPSIS
        return self.metrics.elidedText(text + "\u00a0" * 40, Qt.TextElideMode.ElideRight,
                                       width)


@cache
def face(spec: FontSpec) -> _Face:
    return _Face(spec)


def clear_caches() -> None:
    """Forget fonts (after the app font changes)."""
    face.cache_clear()
    font_families.cache_clear()


def is_rtl(text: str) -> bool:
    """True when the first letter with a direction is right-to-left (Arabic, Hebrew)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


HYPHEN = "\u2010"
"""Ends the head of a word broken by the canvas (a typed "-" stays a hyphen-minus)."""


def _break_word(f: _Face, word: str, width: float) -> tuple[str, str]:
    """The longest head of ``word`` that fits ``width`` (at least one character).

    A word too long for its line (a Dutch compound, a URL) breaks after a hyphen or
    slash it has, else wherever it must with a hyphen shown, never leaving one or two
    letters alone on the next line.
    """
    lo, hi = 1, len(word)
    hyphen_w = f.width(HYPHEN)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if f.width(word[:mid]) + hyphen_w <= width:
            lo = mid
        else:
            hi = mid - 1
    for cut in range(lo, max(1, lo // 2), -1):  # a break the word offers, if any
        if word[cut - 1] in "-/\u2010":
            return word[:cut], word[cut:]
    if len(word) - lo < 3 and lo > 3:
        lo = len(word) - 3
    if lo >= len(word) or lo < 2:
        return word[:lo], word[lo:]
    return word[:lo] + HYPHEN, word[lo:]


def wrap(text: str, spec: FontSpec, width: float, max_lines: int) -> tuple[list[str], bool]:
    """Break ``text`` into at most ``max_lines`` lines of ``width``; True if it was cut.

    A cut text's last line ends in "…". Hard line breaks in the text are kept.
    """
    f = face(spec)
    width = max(width, f.width("M") * 2)
    max_lines = max(1, max_lines)
    cap = max_lines * _CHARS_PER_LINE_CAP
    cut_early = len(text) > cap
    text = text[:cap] if cut_early else text
    lines: list[str] = []
    paragraphs = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = cut_early
    for p_index, paragraph in enumerate(paragraphs):
        words = paragraph.split()
        line = ""
        line_w = 0.0
        i = 0
        while i < len(words):
            word = words[i]
            w = f.width(word)
            if not line:
                if w <= width:
                    line, line_w = word, w
                else:
                    head, rest = _break_word(f, word, width)
                    lines.append(head)
                    words[i] = rest
                    if len(lines) > max_lines:
                        break
                    continue
            elif line_w + f.space + w <= width:
                line += " " + word
                line_w += f.space + w
            else:
                lines.append(line)
                line, line_w = "", 0.0
                if len(lines) > max_lines:
                    break
                continue
            i += 1
        if line and len(lines) <= max_lines:
            lines.append(line)
        if len(lines) > max_lines or (len(lines) == max_lines and p_index < len(paragraphs) - 1
                                      and any(p.strip() for p in paragraphs[p_index + 1:])):
            cut = True
            break
    if not lines:
        lines = [""]
    if len(lines) > max_lines:
        cut = True
    if cut:
        lines = lines[:max_lines]
        lines[-1] = f.elide(lines[-1], width)
    return lines, cut
