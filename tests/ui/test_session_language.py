"""The language of a session is chosen, not stumbled on.

A new session asks for it; library texts come in it; switching it offers to take the
library items nobody edited along. Everything through the widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from drive import press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from samples import demo_session

from workshop.domain.model import Clause, ClauseKind, Session, Step
from workshop.domain.templates import clause_templates, principle_templates
from workshop.i18n import set_language
from workshop.storage import paths
from workshop.storage.files import load_session
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import MainWindow
from workshop.ui.pages.items.page import PrinciplesPage
from workshop.ui.pages.preparation.page import PreparationPage

Saved = Callable[[SessionDocument], Session]


def _dump(document: SessionDocument) -> dict[str, Any]:
    return document.session.model_dump()


# --- a new session asks its language ------------------------------------------------------


def _start(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.mouseClick(window.start_screen.new_button, Qt.MouseButton.LeftButton)
    dialog = window.new_session_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.name_edit.hasFocus())
    return window


@pytest.mark.parametrize("app", ["en", "nl"])
def test_a_new_session_asks_its_language_defaulting_to_the_apps(qtbot: QtBot, app: str
                                                                ) -> None:
    set_language(app)  # type: ignore[arg-type]
    window = _start(qtbot)
    dialog = window.new_session_dialog
    assert dialog is not None
    assert dialog.language() == app
    assert dialog.language_combo.currentText() == ("English" if app == "en" else "Nederlands")
    qtbot.keyClicks(dialog.name_edit, "Zorgnetwerk Rivierenland")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Enter: created in the default
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.document is not None and window.document.path is not None
    on_disk = load_session(window.document.path)
    assert (on_disk.details.name, on_disk.details.language) == (
        "Zorgnetwerk Rivierenland", app)


def test_a_dutch_session_from_an_english_app(qtbot: QtBot) -> None:
    window = _start(qtbot)
    dialog = window.new_session_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.name_edit, "Samen sterk in de Achterhoek")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
    assert dialog.language_combo.hasFocus()
    qtbot.keyClick(dialog.language_combo, Qt.Key.Key_Up)  # English -> Dutch
    assert dialog.language() == "nl"
    qtbot.keyClick(dialog.language_combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document is not None)
    document = window.document
    assert document is not None
    assert document.path == paths.documents_folder() / "Samen sterk in de Achterhoek.workshop"
    assert load_session(document.path).details.language == "nl"
    # The app keeps speaking English; the Preparation page says the documents are Dutch.
    page = window.pages[Step.PREPARATION]
    assert isinstance(page, PreparationPage)
    assert page.language_combo.currentData() == "nl"
    assert page.language_combo.currentText() == "Dutch"

    # A principle from the library comes in Dutch, with its template, in this English app.
    # (The offscreen platform leaves no window active after a dialog; a desktop does.)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.go_to(Step.PRINCIPLES)
    principles = window.pages[Step.PRINCIPLES]
    assert isinstance(principles, PrinciplesPage)
    qtbot.waitUntil(principles.new_edit.hasFocus)
    qtbot.keyClick(principles.new_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: principles.picker is not None
                    and principles.picker.search.hasFocus())
    assert principles.picker is not None
    qtbot.keyClicks(principles.picker.search, "annual plan")  # English words find it too
    qtbot.keyClick(principles.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: principles.picker is None)
    assert document.flush()
    added = load_session(document.path).principles
    assert [(p.text, p.template_key) for p in added] == [(FIRST.text_nl, FIRST.key)]


def test_an_unnamed_session_is_named_in_its_own_language(qtbot: QtBot) -> None:
    window = _start(qtbot)
    dialog = window.new_session_dialog
    assert dialog is not None
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.language_combo, Qt.Key.Key_Up)  # Dutch, in an English app
    qtbot.keyClick(dialog.language_combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.document is not None and window.document.path is not None
    assert load_session(window.document.path).details.name == "Nieuwe samenwerking"


def test_cancelling_a_new_session_creates_nothing(qtbot: QtBot) -> None:
    window = _start(qtbot)
    dialog = window.new_session_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.name_edit, "Toch niet")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.new_session_dialog is None)
    assert window.document is None
    folder = paths.documents_folder()
    assert not folder.exists() or not list(folder.glob("*.workshop"))


# --- switching the document's language -------------------------------------------------


def _show(qtbot: QtBot, page: Any) -> None:
    qtbot.addWidget(page)
    page.document.sig_changed.connect(page.refresh)  # as the main window does
    page.refresh(frozenset())
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)


CLAUSE = next(t for t in clause_templates() if t.key == "clause.nature-effort")
FIRST = next(t for t in principle_templates() if t.key == "principle.own-year-plan")


@pytest.fixture
def library_session(make_document: Callable[..., SessionDocument], qtbot: QtBot
                    ) -> SessionDocument:
    """A Dutch session with three principles added from the library through the page, the
    last one edited by the facilitator, and a closing clause from the library."""
    session = demo_session()
    session.principles, session.rules = [], []
    session.consents = [c for c in session.consents if c.subject_id == "ambition"]
    session.commitments.clauses = [Clause(id="cl-1", kind=CLAUSE.kind, text=CLAUSE.text_nl,
                                          template_key=CLAUSE.key),
                                   Clause(id="cl-2", kind=ClauseKind.OTHER, text="Eigen tekst.")]
    document = make_document(session)
    page = PrinciplesPage(document)
    _show(qtbot, page)
    page.focus_first()
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (page.table, page.new_edit))
    for words in ("jaarplan", "proef die we evalueren", "mandaat"):
        press(qtbot, Qt.Key.Key_L,
                       Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: page.picker is not None and page.picker.search.hasFocus())
        assert page.picker is not None
        qtbot.keyClicks(page.picker.search, words)
        qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.picker is None and page.table.hasFocus())
    principles = document.session.principles
    assert len(principles) == 3 and all(p.template_key for p in principles)
    assert principles[0].text == FIRST.text_nl  # in the session's language
    # The facilitator edits the third one: from now on it is their text.
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.text_edit.hasFocus()
    qtbot.keyClick(page.text_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.text_edit, " Ook naar de gemeenteraad.")
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Return)
    assert document.session.principles[2].text.endswith(" Ook naar de gemeenteraad.")
    page.close()
    return document


def _switch_to_english(qtbot: QtBot, document: SessionDocument) -> PreparationPage:
    page = PreparationPage(document)
    _show(qtbot, page)
    combo = page.language_combo
    combo.setFocus()
    assert combo.currentData() == "nl"
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Dutch -> English
    return page


def test_switching_the_language_offers_to_switch_unedited_library_items(
        qtbot: QtBot, library_session: SessionDocument, saved: Saved) -> None:
    document = library_session
    before = _dump(document)
    templates = {t.key: t for t in principle_templates()}
    edited = document.session.principles[2].text
    page = _switch_to_english(qtbot, document)
    question = page.library_question
    assert question is not None
    qtbot.waitUntil(question.isVisible)
    assert "2 leading principles" in question.text() and "1 closing clause" in question.text()
    assert document.session.details.language == "nl"  # nothing changes before the answer
    qtbot.keyClick(question, Qt.Key.Key_Return)  # the default: switch them too
    qtbot.waitUntil(lambda: page.library_question is None)

    on_disk = saved(document)
    assert on_disk.details.language == "en"
    first, second, third = on_disk.principles
    for item in (first, second):
        assert item.template_key is not None
        assert item.text == templates[item.template_key].text_en  # followed, key kept
    assert third.text == edited  # the facilitator's own words stay
    assert third.template_key is not None
    assert on_disk.commitments.clauses[0].text == CLAUSE.text_en
    assert on_disk.commitments.clauses[0].template_key == CLAUSE.key
    assert on_disk.commitments.clauses[1].text == "Eigen tekst."
    # One undo step takes the language and the texts back together.
    document.undo_stack.undo()
    assert _dump(document) == before
    assert page.language_combo.currentData() == "nl"

    # Back to Dutch: the same items follow back; the edited one still stays.
    page.language_combo.setFocus()
    qtbot.keyClick(page.language_combo, Qt.Key.Key_Down)
    question = page.library_question
    assert question is not None
    qtbot.keyClick(question, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.library_question is None)
    page.language_combo.setFocus()
    qtbot.keyClick(page.language_combo, Qt.Key.Key_Up)  # English -> Dutch
    question = page.library_question
    assert question is not None
    assert "2 leading principles" in question.text()
    qtbot.keyClick(question, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.library_question is None)
    again = saved(document)
    assert again.details.language == "nl"
    assert [p.text for p in again.principles] == [p["text"] for p in before["principles"]]


def test_keeping_the_library_items_changes_only_the_language(
        qtbot: QtBot, library_session: SessionDocument, saved: Saved) -> None:
    document = library_session
    texts = [p.text for p in document.session.principles]
    page = _switch_to_english(qtbot, document)
    question = page.library_question
    assert question is not None
    qtbot.waitUntil(question.isVisible)
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # keep them as they are
    qtbot.waitUntil(lambda: page.library_question is None)
    on_disk = saved(document)
    assert on_disk.details.language == "en"
    assert [p.text for p in on_disk.principles] == texts
    assert on_disk.commitments.clauses[0].text == CLAUSE.text_nl


def test_no_question_without_unedited_library_items(
        qtbot: QtBot, make_document: Callable[..., SessionDocument], saved: Saved) -> None:
    """Principles written for the session and edited clauses: the language simply switches."""
    session = demo_session()
    assert all(p.template_key is None for p in session.principles + session.rules)
    for clause in session.commitments.clauses:
        clause.text += " (aangepast)"
    document = make_document(session)
    page = _switch_to_english(qtbot, document)
    assert page.library_question is None
    on_disk = saved(document)
    assert on_disk.details.language == "en"
    assert on_disk.commitments.clauses == session.commitments.clauses
