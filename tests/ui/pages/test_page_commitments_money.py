"""Money typed on the Organising page is exact from the keyboard to the wall and the
PDF (issue 12, item 12): "12,25" typed in Dutch is 12.25 in the file, "€ 12,25" on the
projector and in the agreement, with the same totals; what is no amount is refused with
a message in Dutch and nothing is lost."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from drive import focused, show_page
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workshop.domain.model import Session
from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.i18n import set_language
from workshop.ui.canvas.options import CanvasOptions
from workshop.ui.canvas.scene import CanvasScene
from workshop.ui.document import SessionDocument
from workshop.ui.pages.organising.page import OrganisingPage

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "export"))
from pdfcheck import EXPORTED_AT, body_text  # noqa: E402

Saved = Callable[[SessionDocument], Session]


def open_contributions(qtbot: QtBot, document: SessionDocument) -> OrganisingPage:
    page = show_page(qtbot, OrganisingPage(document), (1106, 648))
    page.show_section(page.contributions)
    return page


def type_in_amount_cell(qtbot: QtBot, page: OrganisingPage, row: int, text: str) -> None:
    table = page.contributions.table
    table.setFocus()
    table.setCurrentCell(row, 2)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = focused()
    assert editor is not None and editor is not table
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def wall_texts(session: Session) -> list[str]:
    scene = CanvasScene(session, "commitments", CanvasOptions(lang="nl"), size=(1920, 1080))
    try:
        tiles = sorted(scene.visible_tiles(), key=lambda t: (round(t.x()), t.y()))
        return [text for tile in tiles for text in tile.texts()]
    finally:
        scene.clear()
        scene.deleteLater()


def test_twelve_euros_twenty_five_typed_in_dutch_is_exact_everywhere(
        qtbot: QtBot, document: SessionDocument, saved: Saved) -> None:
    set_language("nl")
    page = open_contributions(qtbot, document)
    first = document.session.commitments.contributions[0]
    assert first.description == "Aandeel in de programmaondersteuning (naar rato)"
    type_in_amount_cell(qtbot, page, 0, "12,25")
    qtbot.waitUntil(lambda: str(document.session.commitments.contributions[0].amount)
                    == "12.25")
    session = saved(document)
    # The file holds the amount as exact text, not a binary float.
    assert document.path is not None
    raw = json.loads(document.path.read_bytes())
    assert raw["schema_version"] == 4
    assert raw["commitments"]["contributions"][0]["amount"] == "12.25"
    assert b'"amount":"12.25"' in document.path.read_bytes()
    # The list on the page says it the Dutch way.
    assert page.contributions.table.item(0, 2).text() == "12,25"
    # The wall and the agreement say the same amount and the same totals: in money
    # 12.25 + 15,000 + 10,000 + 40,000 + 30,000 a year and 75,000 once; in kind 1,500 a
    # year and 8,000 once, never added to the money.
    texts = wall_texts(session)
    assert "• € 12,25 per jaar: Aandeel in de programmaondersteuning (naar rato)" in texts
    overall = texts[texts.index("Alle partijen samen") + 1:][:5]
    assert overall == ["€ 95.012,25 per jaar", "1.584 uur per jaar",
                       "in natura ongeveer € 1.500 per jaar", "€ 75.000 eenmalig",
                       "in natura ongeveer € 8.000 eenmalig"]
    assert not any("83.000" in t for t in texts)
    pdf = body_text(export_agreement(session, AgreementOptions(language="nl"), EXPORTED_AT))
    assert "€12,25" in pdf and "€12,2Geld" not in pdf
    for total in ("€95.012,25", "1.584uur", "€1.500", "€75.000", "€8.000"):
        assert total in pdf, total
    assert "83.000" not in pdf


@pytest.mark.parametrize(("typed", "message"), [
    ("NaN", "Geen bedrag: NaN"),
    ("Infinity", "Geen bedrag: Infinity"),
    ("1e400", "Geen bedrag: 1e400"),
    ("-250", "Een bedrag kan niet negatief zijn: -250"),
    ("12,255", "Hoogstens twee decimalen (centen): 12,255"),
    ("1234567890123", "Dat bedrag is te groot: 1234567890123"),
])
def test_what_is_no_amount_is_refused_in_dutch_and_nothing_is_lost(
        qtbot: QtBot, document: SessionDocument, saved: Saved, typed: str,
        message: str) -> None:
    set_language("nl")
    page = open_contributions(qtbot, document)
    section = page.contributions
    messages: list[str] = []
    page.sig_message.connect(messages.append)
    before = saved(document).commitments
    # In the entry row: refused, the text stays in the field to correct.
    section.amount.setFocus()
    qtbot.keyClicks(section.amount, typed)
    qtbot.keyClick(section.amount, Qt.Key.Key_Return)
    assert messages and messages[-1].startswith(message), messages
    assert section.amount.hasFocus() and section.amount.text() == typed
    # In the list: refused, the amount that was there stays.
    type_in_amount_cell(qtbot, page, 0, typed)
    assert messages[-1].startswith(message)
    assert saved(document).commitments == before


def test_a_hundred_thousand_digits_are_refused_unread(
        qtbot: QtBot, document: SessionDocument, saved: Saved) -> None:
    set_language("nl")
    page = open_contributions(qtbot, document)
    section = page.contributions
    messages: list[str] = []
    page.sig_message.connect(messages.append)
    before = saved(document).commitments
    section.amount.setText("9" * 100_000)  # pasted
    section.amount.setFocus()
    qtbot.keyClick(section.amount, Qt.Key.Key_Return)
    assert messages and messages[-1].startswith("Geen bedrag: 999")
    assert len(messages[-1]) < 120
    assert saved(document).commitments == before
