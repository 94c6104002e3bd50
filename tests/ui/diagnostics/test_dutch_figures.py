"""Figures and dates on the diagnostics canvas and panel come in the room's language:
typed through the scan grid, a mean of 3 and 4 is "3,5" on a Dutch canvas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from samples import demo_session

from workshop.domain.model import Session
from workshop.ui.canvas.options import CanvasOptions
from workshop.ui.canvas.scene import CanvasScene
from workshop.ui.diagnostics import DiagnosticsPanel
from workshop.ui.document import SessionDocument

DUTCH_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
                "nov", "dec")
ENGLISH_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct",
                  "Nov", "Dec")


def test_a_typed_mean_shows_with_a_decimal_comma_in_dutch(
        make_document: Callable[..., SessionDocument], qtbot: object,
        saved: Callable[[SessionDocument], Session]) -> None:
    session = demo_session()
    session.diagnostics.moments.clear()
    session.diagnostics.scores.clear()
    session.diagnostics.marks.clear()
    session.diagnostics.forms.clear()
    document = make_document(session, name="figures")
    panel = DiagnosticsPanel(document)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    grid = panel.scan_grid
    for row, key in ((0, Qt.Key.Key_3), (1, Qt.Key.Key_4)):
        grid.setCurrentCell(row, 0)
        qtbot.keyClick(grid, key)  # type: ignore[attr-defined]
    back = saved(document)
    taken = back.diagnostics.moments[0].taken_at
    assert taken.date() == dt.date.today()

    shown = {}
    for lang in ("nl", "en"):
        scene = CanvasScene(back, "conditions", CanvasOptions(lang=lang), size=(1920, 1080))
        shown[lang] = "\n".join(scene.texts())
        scene.clear()
        scene.deleteLater()
    # The first condition: scores 3 and 4, mean 3.5, spread 0.5.
    assert "3,5" in shown["nl"] and "0,5" in shown["nl"], shown["nl"]
    assert "3.5" not in shown["nl"]
    assert "3.5" in shown["en"] and "3,5" not in shown["en"], shown["en"]
    # The measurement's day in words, not 07-12-2026.
    nl_day = f"{taken.day} {DUTCH_MONTHS[taken.month - 1]} {taken.year}"
    en_day = f"{taken.day} {ENGLISH_MONTHS[taken.month - 1]} {taken.year}"
    assert nl_day in shown["nl"], shown["nl"]
    assert en_day in shown["en"], shown["en"]
    assert taken.strftime("%d-%m-%Y") not in shown["nl"]


def test_the_panel_names_a_moment_by_its_day_in_words(
        document: SessionDocument, qtbot: object) -> None:
    from workshop.i18n import set_language

    set_language("nl")  # the conftest sets it back after the test
    panel = DiagnosticsPanel(document)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    texts = [panel.moment_box.itemText(i) for i in range(panel.moment_box.count())]
    moment = document.session.diagnostics.moments[0]
    day = f"{moment.taken_at.day} {DUTCH_MONTHS[moment.taken_at.month - 1]}"
    assert any(day in t and f"{moment.taken_at:%H:%M}" in t for t in texts), texts
