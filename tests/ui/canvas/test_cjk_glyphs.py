"""Korean, Chinese and Japanese on the canvases: every character has a glyph (no empty
boxes), from the bundled fallbacks the canvases' font family lists."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextLayout

from workshop.ui.canvas.text import FontSpec, _Face, font_families


@pytest.mark.parametrize("text", ["김민준 우리는 함께 일합니다", "张伟 共同负责",
                                  "山田太郎 協力します"])
def test_every_character_has_a_glyph(qapp: object, text: str) -> None:
    assert "NanumSquare" in font_families() and "Droid Sans Fallback" in font_families()
    layout = QTextLayout(text, _Face(FontSpec(28)).font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    glyphs = [g for run in runs for g in run.glyphIndexes()]
    assert len(glyphs) == len(text)
    assert 0 not in glyphs  # glyph 0 is the empty box
    assert {run.rawFont().familyName() for run in runs} <= set(font_families())
