"""Font metrics that remember the widths of the words they measured.

Wrapping the 1,000 cards of the ambition board measures every word of every card
(``horizontalAdvance``, some 40,000 calls at the first visit of the step, about half
of building the page). Card texts share most of their words, so the widths are kept
per font; the results are the same numbers Qt gives.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

MAX_WORDS = 50_000
"""Widths kept per font; beyond this the cache starts again (memory stays bounded)."""


class CachedMetrics:
    """The part of ``QFontMetrics`` that wrapping uses, with the widths kept."""

    def __init__(self, font: QFont) -> None:
        self._metrics = QFontMetrics(font)
        self._widths: dict[str, int] = {}

    def horizontalAdvance(self, text: str) -> int:  # noqa: N802 (Qt's name)
        width = self._widths.get(text)
        if width is None:
            width = self._metrics.horizontalAdvance(text)
            if len(self._widths) >= MAX_WORDS:
                self._widths.clear()
            self._widths[text] = width
        return width

    def lineSpacing(self) -> int:  # noqa: N802
        return self._metrics.lineSpacing()


_by_font: dict[str, CachedMetrics] = {}


def cached_metrics(font: QFont) -> CachedMetrics:
    """The one ``CachedMetrics`` of ``font`` (by ``QFont.key()``)."""
    key = font.key()
    metrics = _by_font.get(key)
    if metrics is None:
        metrics = _by_font[key] = CachedMetrics(font)
    return metrics
