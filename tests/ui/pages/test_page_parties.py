"""The parties tab of the Preparation page, driven through its widgets: a facilitator
enters an organisation's legal identity and who signs for it, and finds it in the
saved file and in the agreement PDF."""

from __future__ import annotations

import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from samples import demo_session

from workshop.domain.model import Authority, LegalForm, Session
from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.i18n import set_language
from workshop.ui.document import SessionDocument
from workshop.ui.pages.preparation.page import PreparationPage

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "export"))
from drive import show_page  # noqa: E402
from pdfcheck import EXPORTED_AT, page_texts, squash  # noqa: E402

Saved = Callable[[SessionDocument], Session]


def _bare_demo() -> Session:
    """The demo as a version-2 file becomes: parties without legal details."""
    s = demo_session()
    s.legal.organisations = []
    s.legal.place = ""
    return s


def _open(qtbot: QtBot, document: SessionDocument) -> PreparationPage:
    page = show_page(qtbot, PreparationPage(document), (1366, 760))
    page.people_tabs.setCurrentIndex(1)
    return page


def _select(page: PreparationPage, name: str) -> None:
    items = page.parties_panel.list.findItems(name, Qt.MatchFlag.MatchStartsWith)
    page.parties_panel.list.setCurrentItem(items[0])


def test_a_party_is_entered_through_the_widgets(qtbot: QtBot, make_document: Callable[
        ..., SessionDocument], saved: Saved) -> None:
    set_language("en")
    document = make_document(_bare_demo())
    page = _open(qtbot, document)
    panel = page.parties_panel
    _select(page, "GGZ Dijkland")
    qtbot.keyClicks(panel.legal_name, "Stichting GGZ Dijkland")
    panel.legal_form.setCurrentIndex(panel.legal_form.findData(LegalForm.FOUNDATION.value))
    qtbot.keyClicks(panel.seat, "Waalzoom")
    # A KvK number with a typo is refused with a message, and kept in the field.
    qtbot.keyClicks(panel.kvk, "4115 556")
    assert panel.kvk_note.isVisible()
    assert "8 digits" in panel.kvk_note.text()
    assert panel.kvk.text() == "4115 556"
    qtbot.keyClicks(panel.kvk, "6")
    assert not panel.kvk_note.isVisible()
    panel.authority.setCurrentIndex(panel.authority.findData(Authority.MANDATE.value))
    qtbot.keyClicks(panel.money, "10.000")
    qtbot.keyClicks(panel.function, "directeur behandelzaken")
    # The client council: involved, not a party.
    _select(page, "Cliëntenraad")
    panel.party_check.click()
    qtbot.keyClicks(panel.involvement, "Adviseert namens de bewoners")
    qtbot.keyClicks(panel.place, "Ommeren")

    s = saved(document)
    ggz = next(o for o in s.legal.organisations if o.name == "GGZ Dijkland")
    assert (ggz.legal_name, ggz.legal_form, ggz.seat, ggz.kvk, ggz.authority,
            ggz.money_mandate, ggz.function) == (
        "Stichting GGZ Dijkland", LegalForm.FOUNDATION, "Waalzoom", "41155566",
        Authority.MANDATE, Decimal("10000"), "directeur behandelzaken")
    council = next(o for o in s.legal.organisations if o.name.startswith("Cliëntenraad"))
    assert not council.party and council.involvement == "Adviseert namens de bewoners"
    assert s.legal.place == "Ommeren"
    assert "(involved, not signing)" in panel.list.currentItem().text()

    text = squash("\n".join(page_texts(export_agreement(
        s, AgreementOptions(language="en"), EXPORTED_AT))))
    assert squash("Stichting GGZ Dijkland, with its seat in Waalzoom, "
                  "registered with the Chamber of Commerce (KvK) under number 41155566, duly "
                  "represented by Ruud Verhoeven, directeur behandelzaken, by mandate") in text
    involved = text[text.index("Involvedwithoutbeingaparty"):text.index("Considerations")]
    assert "CliëntenraadZorggroepDeLinde(GerdaSmit):notaparty" in involved

    # One undo takes back the last word typed; the KvK typo never reached the file.
    before = document.session.legal.place
    document.undo_stack.undo()
    assert document.session.legal.place != before


def test_considerations_are_drafted_and_edited(qtbot: QtBot, make_document: Callable[
        ..., SessionDocument], saved: Saved) -> None:
    set_language("nl")
    document = make_document(_bare_demo())
    page = _open(qtbot, document)
    panel = page.parties_panel
    assert "Zij delen de ambitie" in panel.considerations.placeholderText()
    qtbot.mouseClick(panel.draft_button, Qt.MouseButton.LeftButton)
    panel.considerations.setFocus()
    cursor = panel.considerations.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    panel.considerations.setTextCursor(cursor)
    qtbot.keyClick(panel.considerations, Qt.Key.Key_Return)
    qtbot.keyClick(panel.considerations, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.considerations, "Partijen kennen elkaar al uit het ROS-netwerk.")
    s = saved(document)
    assert len(s.legal.considerations) == 6
    assert s.legal.considerations[2].startswith("Zij delen de ambitie:")
    assert s.legal.considerations[-1] == "Partijen kennen elkaar al uit het ROS-netwerk."
    text = squash("\n".join(page_texts(export_agreement(
        s, AgreementOptions(language="nl"), EXPORTED_AT))))
    assert "F.PartijenkennenelkaaraluithetROS-netwerk." in text
    assert QApplication.focusWidget() is panel.considerations
