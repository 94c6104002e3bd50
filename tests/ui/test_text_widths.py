"""Cards wrap the same with the kept word widths as with Qt's metrics asked each time."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QFontMetrics
from samples import large_session
from strategies import NASTY, SETTINGS

from workshop.ui.pages.ambition.cards import MAX_LINES, wrap_text
from workshop.ui.text_widths import cached_metrics


def test_the_large_board_wraps_alike(qapp: object) -> None:
    font = QFont()
    plain = QFontMetrics(font)
    kept = cached_metrics(font)
    for card in large_session().ambition.cards[:300]:
        for width in (60, 180, 420):
            assert wrap_text(card.text, kept, width, MAX_LINES) == wrap_text(  # type: ignore[arg-type]
                card.text, plain, width, MAX_LINES)


@SETTINGS
@given(text=st.one_of(st.text(max_size=200), st.sampled_from(NASTY)),
       width=st.integers(1, 400), bold=st.booleans())
def test_any_text_wraps_alike(qapp: object, text: str, width: int, bold: bool) -> None:
    font = QFont()
    font.setBold(bold)
    assert wrap_text(text, cached_metrics(font), width, MAX_LINES) == wrap_text(  # type: ignore[arg-type]
        text, QFontMetrics(font), width, MAX_LINES)
