"""The preparation page, driven through its widgets as a facilitator would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from drive import press
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from samples import demo_session, large_session

from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import Participant, Session, Signature, Step
from workshop.i18n import catalogue, set_language
from workshop.storage.files import load_session
from workshop.ui.document import SessionDocument
from workshop.ui.pages.preparation.page import PreparationPage
from workshop.ui.pages.preparation.participants import (
    MANDATE,
    NAME,
    ORGANISATION,
    PERSPECTIVE,
    PRESENT,
    ROLE,
)

Saved = Callable[[SessionDocument], Session]
Factory = Callable[..., SessionDocument]


def _open(document: SessionDocument, qtbot: QtBot) -> PreparationPage:
    """The page as the main window runs it: refreshed after every change."""
    page = PreparationPage(document)
    qtbot.addWidget(page)

    def on_changed(areas: frozenset[str]) -> None:
        if not areas or areas & page.areas:
            page.refresh(areas)

    document.sig_changed.connect(on_changed)
    page.refresh(frozenset())
    page.resize(1106, 658)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.focus_first()
    return page


@pytest.fixture
def page(document: SessionDocument, qtbot: QtBot) -> Iterator[PreparationPage]:
    yield _open(document, qtbot)


def _dump(document: SessionDocument) -> dict[str, Any]:
    return document.session.model_dump()


def _assert_undo_redo(document: SessionDocument, before: dict[str, Any], steps: int = 1
                      ) -> None:
    """Undo restores exactly ``before`` in ``steps`` steps; redo restores the result."""
    after = _dump(document)
    assert after != before
    for _ in range(steps):
        document.undo_stack.undo()
    assert _dump(document) == before
    for _ in range(steps):
        document.undo_stack.redo()
    assert _dump(document) == after


def _editor() -> QWidget:
    """The open cell editor: a line edit, or the editable list of perspectives."""
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit | QComboBox), widget
    return widget


def _commit(qtbot: QtBot, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Press ``key`` in the open cell editor and wait until that editor is gone."""
    editor = _editor()
    qtbot.keyClick(editor, key)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not editor)


def _edit_cell(qtbot: QtBot, page: PreparationPage, row: int, column: int, text: str) -> None:
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(row, column))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = _editor()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    _commit(qtbot)


def _editing(page: PreparationPage, row: int, column: int = NAME) -> Callable[[], bool]:
    """An editor is open on (row, column)."""
    def check() -> bool:
        index = page.table.currentIndex()
        return (page.table.state() == page.table.State.EditingState
                and (index.row(), index.column()) == (row, column)
                and isinstance(QApplication.focusWidget(), QLineEdit | QComboBox))
    return check


# --- details -----------------------------------------------------------------------------


def test_fill_in_the_details(page: PreparationPage, document: SessionDocument,
                             saved: Saved, qtbot: QtBot) -> None:
    start = _dump(document)
    for edit, text in ((page.name_edit, "Zorgnetwerk Rivierenland"),
                       (page.region_edit, "Rivierenland"),
                       (page.venue_edit, "Huis van de Regio, Tiel"),
                       (page.facilitator_edit, "Fenna de Boer")):
        edit.setFocus()
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        before = _dump(document)
        qtbot.keyClicks(edit, text)
        _assert_undo_redo(document, before)  # a typed word is one undo step

    page.date_edit.setFocus()
    qtbot.keyClick(page.date_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.date_edit, "3-11-2026")
    qtbot.keyClick(page.date_edit, Qt.Key.Key_Tab)
    assert document.session.details.date == dt.date(2026, 11, 3)
    assert page.date_note.text() == "Tuesday 3 November 2026"
    assert page.date_edit.text() == "2026-11-03"  # English shows ISO

    page.date_edit.setFocus()
    qtbot.keyClick(page.date_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.date_edit, "31-02-2026")
    qtbot.keyClick(page.date_edit, Qt.Key.Key_Tab)
    assert page.date_note.text() == "Not a date: type it as 12-03-2026 or 2026-03-12."
    assert document.session.details.date == dt.date(2026, 11, 3)  # the last good date stays
    assert page.date_edit.text() == "31-02-2026"  # what was typed stays, to be fixed

    page.date_edit.setFocus()
    qtbot.keyClick(page.date_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.date_edit, Qt.Key.Key_Delete)
    assert document.session.details.date is None  # empty: no date

    page.language_combo.setFocus()
    before = _dump(document)
    qtbot.keyClick(page.language_combo, Qt.Key.Key_Down)
    # The demo's closing clauses come from the library: asked whether they follow; Esc
    # keeps them (tests/ui/test_session_language.py switches them).
    question = page.library_question
    assert question is not None
    qtbot.keyClick(question, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.library_question is None)
    assert document.session.details.language == "en"
    _assert_undo_redo(document, before)

    page.forms_list.setFocus()
    page.forms_list.setCurrentRow(2)  # care chain
    before = _dump(document)
    qtbot.keyClick(page.forms_list, Qt.Key.Key_Space)
    _assert_undo_redo(document, before)

    on_disk = saved(document).details
    assert on_disk.name == "Zorgnetwerk Rivierenland"
    assert on_disk.region == "Rivierenland"
    assert on_disk.venue == "Huis van de Regio, Tiel"
    assert on_disk.facilitator == "Fenna de Boer"
    assert on_disk.date is None
    assert on_disk.language == "en"
    assert [f.value for f in on_disk.forms] == ["care_chain", "population_network",
                                                "neighbourhood_network"]
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert _dump(document) == start
    assert page.name_edit.text() == start["details"]["name"]
    assert page.date_edit.text() == "2026-03-12"


def test_an_empty_name_is_refused_and_the_old_one_kept(page: PreparationPage,
                                                       document: SessionDocument,
                                                       saved: Saved, qtbot: QtBot) -> None:
    name = document.session.details.name
    page.name_edit.setFocus()
    qtbot.keyClick(page.name_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Delete)
    assert saved(document).details.name == name


# --- participants ------------------------------------------------------------------------


def test_add_participants_by_typing(make_document: Factory, saved: Saved,
                                    qtbot: QtBot) -> None:
    document = make_document(Session())
    page = _open(document, qtbot)
    assert QApplication.focusWidget() is page.name_edit  # no participants: the name first
    before = _dump(document)

    qtbot.keyClick(page.name_edit, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit)
                    and QApplication.focusWidget() is not page.name_edit)
    qtbot.keyClicks(_editor(), "Anna de Vries")
    _commit(qtbot)
    qtbot.waitUntil(_editing(page, 1))  # Enter: the next new row opens at once
    qtbot.keyClicks(_editor(), "Bram Bakker")
    _commit(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(_editing(page, 1, ORGANISATION))  # Tab: on to Bram's organisation
    qtbot.keyClicks(_editor(), "Zorggroep Oost")
    _commit(qtbot)

    people = saved(document).participants
    assert [(p.name, p.organisation, p.present) for p in people] == [
        ("Anna de Vries", "", True), ("Bram Bakker", "Zorggroep Oost", True)]
    assert page.count_label.text() == "2 participants, 2 present"
    for _ in range(3):
        document.undo_stack.undo()
    assert _dump(document) == before
    assert page.model.rowCount() == 1  # only the new row is left


def test_the_add_button_opens_the_name_cell(page: PreparationPage, document: SessionDocument,
                                            saved: Saved, qtbot: QtBot) -> None:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(_editing(page, 9))
    qtbot.keyClicks(_editor(), "Karin Visser")
    _commit(qtbot)
    qtbot.waitUntil(_editing(page, 10))
    _commit(qtbot, Qt.Key.Key_Escape)  # Escape: done adding, nothing more added
    assert [p.name for p in saved(document).participants][-1] == "Karin Visser"
    assert len(document.session.participants) == 10


def test_edit_cells_in_place(page: PreparationPage, document: SessionDocument, saved: Saved,
                             qtbot: QtBot) -> None:
    before = _dump(document)
    _edit_cell(qtbot, page, 1, ROLE, "Voorzitter bestuur")
    assert document.session.participants[1].role == "Voorzitter bestuur"
    _assert_undo_redo(document, before)

    before = _dump(document)
    _edit_cell(qtbot, page, 2, NAME, "Fatima el Amrani-Bos")
    _assert_undo_redo(document, before)

    # A mandate with a line break keeps it when the cell is opened and left unchanged.
    assert "\n" not in document.session.participants[0].mandate
    document.edit("x", ("participants",),
                  lambda s: setattr(s.participants[0], "mandate", "Volledig\nbinnen begroting"))
    page.table.setCurrentIndex(page.model.index(0, MANDATE))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.waitUntil(_editing(page, 0, MANDATE))
    _commit(qtbot)
    assert document.session.participants[0].mandate == "Volledig\nbinnen begroting"

    # An emptied name is refused with a message; the name stays.
    messages: list[str] = []
    page.sig_message.connect(messages.append)
    _edit_cell(qtbot, page, 3, NAME, " ")
    assert document.session.participants[3].name == "Ruud Verhoeven"
    assert messages

    on_disk = saved(document).participants
    assert on_disk[1].role == "Voorzitter bestuur"
    assert on_disk[2].name == "Fatima el Amrani-Bos"


def test_perspective_from_the_list_or_free_text(page: PreparationPage,
                                                document: SessionDocument, saved: Saved,
                                                qtbot: QtBot) -> None:
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, PERSPECTIVE))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.waitUntil(_editing(page, 0, PERSPECTIVE))
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    choices = [combo.itemText(i) for i in range(combo.count())]
    assert "Hospital" in choices and "Mental health care (GGZ)" in choices
    assert "hospital" not in choices  # stored as keys, offered as words
    before = _dump(document)
    qtbot.keyClick(_editor(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(_editor(), "Huisartsenzorg en ANW")
    _commit(qtbot)
    assert document.session.participants[0].perspective == "Huisartsenzorg en ANW"
    _assert_undo_redo(document, before)
    assert saved(document).participants[0].perspective == "Huisartsenzorg en ANW"


def test_present_is_a_checkbox(page: PreparationPage, document: SessionDocument, saved: Saved,
                               qtbot: QtBot) -> None:
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(8, PRESENT))  # Henk, absent
    before = _dump(document)
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert document.session.participants[8].present
    _assert_undo_redo(document, before)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter toggles too
    assert not saved(document).participants[8].present
    rect = page.table.visualRect(page.model.index(0, PRESENT))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert document.session.participants[0].present  # a click away from the box selects
    page.table.setCurrentIndex(page.model.index(0, PRESENT))
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert not saved(document).participants[0].present
    assert page.count_label.text() == "9 participants, 7 present"


def test_reorder_with_keys_and_buttons(page: PreparationPage, document: SessionDocument,
                                       saved: Saved, qtbot: QtBot) -> None:
    before = _dump(document)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, NAME))
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.table, Qt.Key.Key_Down, ctrl_shift)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, ctrl_shift)
    ids = [p.id for p in document.session.participants]
    assert ids[:3] == ["p-joost", "p-fatima", "p-anna"]
    assert page.table.currentIndex().row() == 2  # the cursor moved along
    _assert_undo_redo(document, before)  # moving one person is one undo step

    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    assert [p.id for p in saved(document).participants][:3] == ["p-joost", "p-anna", "p-fatima"]
    page.table.setCurrentIndex(page.model.index(0, NAME))
    assert not page.up_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Up, ctrl_shift)  # nothing above the first
    assert [p.id for p in document.session.participants][0] == "p-joost"


def _file_bytes(document: SessionDocument, saved: Saved) -> bytes:
    saved(document)
    assert document.path is not None
    return document.path.read_bytes()


def test_remove_and_hand_over_to_the_table(page: PreparationPage, document: SessionDocument,
                                           saved: Saved, qtbot: QtBot) -> None:
    cards = [c.id for c in document.session.ambition.cards if c.author_id == "p-anna"]
    before = _dump(document)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, NAME))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.remove_dialog is not None and page.remove_dialog.isVisible())
    dialog = page.remove_dialog
    assert dialog is not None
    texts = "\n".join(w.text() for w in dialog.findChildren(QLabel))
    assert "Remove Anna de Vries from the session?" in texts
    assert "2 cards" in texts and "their cards stay" in texts
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.hand_over_button)
    qtbot.keyClick(dialog.hand_over_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.remove_dialog is None)

    on_disk = saved(document)
    assert on_disk.participant("p-anna") is None
    kept = {c.id: c for c in on_disk.ambition.cards}
    assert all(kept[c].author_id is None for c in cards)
    assert b"p-anna" not in _file_bytes(document, saved)
    assert page.table.currentIndex().row() == 0  # the cursor stays on that row
    qtbot.waitUntil(page.table.hasFocus)
    _assert_undo_redo(document, before)


def test_remove_and_delete_everything(page: PreparationPage, document: SessionDocument,
                                      saved: Saved, qtbot: QtBot) -> None:
    assert b"p-fatima" in _file_bytes(document, saved)
    cards = len(document.session.ambition.cards)
    before = _dump(document)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(2, ROLE))
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.remove_dialog is not None and page.remove_dialog.isVisible())
    dialog = page.remove_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.hand_over_button)
    qtbot.keyClick(dialog.hand_over_button, Qt.Key.Key_D,
                   Qt.KeyboardModifier.AltModifier)  # Alt+D: "&Delete everything of them"
    qtbot.waitUntil(lambda: page.remove_dialog is None)

    data = _file_bytes(document, saved)
    assert b"p-fatima" not in data
    assert b"Fatima El Amrani" not in data
    assert len(load_session(document.path).ambition.cards) == cards - 2  # type: ignore[arg-type]
    assert page.table.currentIndex().row() == 2
    assert page.count_label.text() == "8 participants, 7 present"
    _assert_undo_redo(document, before)


def test_cancelling_a_removal_changes_nothing(page: PreparationPage,
                                              document: SessionDocument, qtbot: QtBot) -> None:
    before = _dump(document)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(1, NAME))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.remove_dialog is not None
                    and QApplication.focusWidget() is page.remove_dialog.hand_over_button)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.remove_dialog is None)
    assert _dump(document) == before
    assert not document.undo_stack.canUndo()


def test_someone_without_contributions_goes_without_a_question(
        page: PreparationPage, document: SessionDocument, saved: Saved, qtbot: QtBot) -> None:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(_editing(page, 9))
    qtbot.keyClicks(_editor(), "Typefout")
    _commit(qtbot)
    qtbot.waitUntil(_editing(page, 10))
    _commit(qtbot, Qt.Key.Key_Escape)
    page.table.setCurrentIndex(page.model.index(9, NAME))
    before = _dump(document)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.remove_dialog is None
    assert "Typefout" not in [p.name for p in saved(document).participants]
    _assert_undo_redo(document, before)


# --- CSV import --------------------------------------------------------------------------

CSV = (
    "Naam;Organisatie;Functie;Perspectief;Vertegenwoordigt;Mandaat;Aanwezig\r\n"
    "Zoë Brouwer;Gemeente Ommeren;Wethouder;Sociaal domein;Gemeente;Intentie;ja\r\n"
    "Anna de Vries;Waalzoom Ziekenhuis;Lid RvB;Ziekenhuis;;;ja\r\n"
    ";Welzijn Ommeren;Directeur;Welzijn;;;ja\r\n"
    'René Kuipers;"Stichting Welzijn; Wonen";Directeur;Welzijn;;"Volledig, begroting";nee\r\n'
    "Noël Peeters;Cliëntenraad;Voorzitter;Cliënten;;;ja;extra\r\n"
)


def test_import_from_csv_through_the_preview(page: PreparationPage, document: SessionDocument,
                                             saved: Saved, qtbot: QtBot,
                                             tmp_path: Path) -> None:
    path = tmp_path / "deelnemers.csv"
    path.write_bytes(CSV.encode("cp1252"))
    before = _dump(document)
    dialog = page.import_csv(path)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    texts = "\n".join(w.text() for w in dialog.findChildren(QLabel))
    assert "read as Windows-1252, fields separated by semicolons" in texts
    assert dialog.preview.model().rowCount() == 2
    assert dialog.preview.model().index(0, 1).data() == "Zoë Brouwer"
    assert dialog.preview.model().index(0, 4).data() == "Social domain"  # a known one, in words
    assert dialog.problems_view is not None
    assert dialog.problems_view.toPlainText().splitlines() == [
        "Line 3: Anna de Vries is already a participant; not added again",
        "Line 4: the name is empty",
        "Line 6: 8 fields, the header has 7",
    ]
    assert dialog.import_button.text() == "&Import 2 participants"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.import_button)
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.csv_dialog is None)

    people = saved(document).participants
    assert [p.name for p in people][-2:] == ["Zoë Brouwer", "René Kuipers"]
    rene = people[-1]
    assert (rene.organisation, rene.mandate, rene.present) == (
        "Stichting Welzijn; Wonen", "Volledig, begroting", False)
    assert [p.perspective for p in people][-2:] == ["social_domain", "welfare"]
    assert page.table.currentIndex().row() == 9  # the first imported one
    _assert_undo_redo(document, before)  # the whole import is one undo step


def test_a_file_that_is_no_csv(page: PreparationPage, document: SessionDocument, qtbot: QtBot,
                               tmp_path: Path) -> None:
    path = tmp_path / "foto.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    before = _dump(document)
    dialog = page.import_csv(path)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.import_button.isEnabled()
    assert dialog.problems_view is not None
    assert "not a CSV file" in dialog.problems_view.toPlainText()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and dialog.isAncestorOf(QApplication.focusWidget()))
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.csv_dialog is None)
    assert _dump(document) == before


def test_a_name_twice_in_the_file_is_said_as_such(page: PreparationPage, qtbot: QtBot,
                                                   tmp_path: Path) -> None:
    """Not "is already a participant" (the session does not have them): on which line of
    the file they were first, and added once."""
    path = tmp_path / "dubbel.csv"
    path.write_text("naam;organisatie\nDubbel;Org\nIemand;Org\nDubbel;Org\n",
                    encoding="utf-8")
    dialog = page.import_csv(path)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.problems_view is not None
    assert dialog.problems_view.toPlainText().splitlines() == [
        "Line 4: Dubbel is on line 2 too; added once"]
    assert dialog.preview.model().rowCount() == 2
    dialog.reject()


def test_a_list_of_a_hundred_thousand_is_refused_at_once(
        page: PreparationPage, document: SessionDocument, qtbot: QtBot,
        tmp_path: Path) -> None:
    """A 19 MB file of 700,000 names froze the window 9 s for its preview, offered to
    add them all and never finished: more than 10,000 rows is no participant list."""
    import time

    path = tmp_path / "groot.csv"
    path.write_bytes(("naam;organisatie\n" + "".join(
        f"Persoon {n};Organisatie {n % 50}\n" for n in range(100_000))).encode())
    before = _dump(document)
    started = time.perf_counter()
    dialog = page.import_csv(path)
    took = time.perf_counter() - started
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.import_button.isEnabled()
    assert dialog.problems_view is not None
    assert ("more than 10000 participants" in dialog.problems_view.toPlainText()
            and "Nothing is imported" in dialog.problems_view.toPlainText())
    assert took < 5  # it stops reading at the limit
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and dialog.isAncestorOf(QApplication.focusWidget()))
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.csv_dialog is None)
    assert _dump(document) == before


def test_a_missing_file_is_explained(page: PreparationPage, tmp_path: Path,
                                     qtbot: QtBot) -> None:
    assert page.import_csv(tmp_path / "weg.csv") is None
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    box = QApplication.activeModalWidget()
    assert box is not None and "weg.csv" in box.findChild(QLabel, "qt_msgbox_label").text()
    box.close()


# --- agenda ------------------------------------------------------------------------------


def test_agenda_minutes(page: PreparationPage, document: SessionDocument, saved: Saved,
                        qtbot: QtBot) -> None:
    spin = page.agenda_spins[Step.AMBITION]
    spin.setFocus()
    before = _dump(document)
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "45")
    qtbot.keyClick(spin, Qt.Key.Key_Up)  # +5
    assert {a.step: a.minutes for a in saved(document).agenda}[Step.AMBITION] == 50
    assert page.agenda_total.text() == "Total: 3 h 20 min"
    _assert_undo_redo(document, before)  # typing and stepping in one box: one undo step


def test_agenda_without_a_time_box_for_a_step(make_document: Factory, saved: Saved,
                                              qtbot: QtBot) -> None:
    session = Session()
    session.agenda = [a for a in session.agenda if a.step is not Step.SIGNING]
    page = _open(make_document(session), qtbot)
    spin = page.agenda_spins[Step.SIGNING]
    assert spin.value() == 0
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert {a.step: a.minutes for a in saved(page.document).agenda}[Step.SIGNING] == 5


# --- focus, language, speed --------------------------------------------------------------


def test_focus_first_goes_to_the_participants(page: PreparationPage) -> None:
    assert QApplication.focusWidget() is page.table
    assert page.table.currentIndex() == page.model.index(0, NAME)


def test_refresh_keeps_an_open_editor(page: PreparationPage, document: SessionDocument,
                                      qtbot: QtBot) -> None:
    page.table.setCurrentIndex(page.model.index(1, ROLE))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.waitUntil(_editing(page, 1, ROLE))
    qtbot.keyClick(_editor(), Qt.Key.Key_End)
    qtbot.keyClicks(_editor(), " en meer")
    document.edit("elsewhere", ("participants",),
                  lambda s: setattr(s.participants[5], "role", "Directeur GGD"))
    assert _editor().text() == "Bestuurder en meer"  # the typing is not lost
    _commit(qtbot)
    assert document.session.participants[1].role == "Bestuurder en meer"


def test_no_english_left_in_dutch(make_document: Factory, qtbot: QtBot) -> None:
    set_language("nl")
    page = _open(make_document(), qtbot)
    dutch = catalogue("nl")
    english = {k for k, v in dutch.items() if k != v}
    seen: list[str] = []
    for widget in page.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            seen.append(widget.text())
        elif isinstance(widget, QGroupBox):
            seen.append(widget.title())
        seen.append(widget.toolTip())
        seen.append(widget.accessibleName())
    model = page.model
    seen += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    seen.append(model.index(model.rowCount() - 1, NAME).data())
    seen += [page.forms_list.item(r).text() for r in range(page.forms_list.count())]
    left = [text for text in seen if text and text in english]
    assert left == []
    assert page.date_edit.text() == "12-03-2026"
    assert page.date_note.text() == "donderdag 12 maart 2026"
    assert page.count_label.text() == "9 deelnemers, 8 aanwezig"


def test_an_edit_refreshes_one_row_of_the_large_session(make_document: Factory,
                                                        qtbot: QtBot) -> None:
    """A changed role repaints its own row: no reset, no other row re-read (the time it
    takes is in ``tests/bench/run.py``)."""
    document = make_document(large_session())
    page = _open(document, qtbot)
    model = page.model
    resets: list[int] = []
    rows: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda top, bottom, *_r: rows.append((top.row(), bottom.row())))
    for i in range(20):
        document.edit("t", ("participants",),
                      lambda s, i=i: setattr(s.participants[3], "role", f"Rol {i}"))
    assert resets == []
    assert rows == [(3, 3)] * 20
    assert model.index(3, 3).data() == "Rol 19"


def test_hostile_text_is_shown_as_plain_text(make_document: Factory, qtbot: QtBot) -> None:
    hostile = ("<b>vet</b> & \u202eשלום 👩🏽‍⚕️ " + "x" * 300)[:290]  # a name holds 300
    document = make_document(Session())
    page = _open(document, qtbot)
    document.edit("t", ("participants", "details"), lambda s: (
        s.participants.append(Participant(id="p-x", name=hostile, mandate=hostile)),
        setattr(s.details, "region", hostile)))
    index = page.model.index(0, NAME)
    assert index.data().startswith("<b>vet</b>")
    tip = page.model.index(0, MANDATE).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;vet&lt;/b&gt;" in tip and len(tip) < 3000
    assert page.region_edit.text() == hostile
    assert page.model.data(QModelIndex()) is None


def test_a_warning_while_the_agreement_is_signed(make_document: Factory, qtbot: QtBot) -> None:
    session = demo_session()
    signed = dt.datetime(2026, 3, 12, 16, 0)
    session.signatures = [
        Signature(id=f"sig-{pid}", participant_id=pid, signed_at=signed,
                  fingerprint=fingerprint(session)) for pid in ("p-anna", "p-joost")]
    page = _open(make_document(session), qtbot)
    qtbot.waitUntil(page.banner.isVisible)
    assert page.banner.text().startswith("2 participants have signed the agreement.")
    _edit_cell(qtbot, page, 2, ROLE, "Bestuurder")  # the parties are part of what was signed
    qtbot.waitUntil(lambda: not page.banner.isVisible())


def test_fixing_an_organisations_name_in_the_table_carries_what_it_brings(
        page: PreparationPage, document: SessionDocument, saved: Saved, qtbot: QtBot) -> None:
    """The only member's organisation retyped: a rename, not a refused edit, and its
    contributions, year plans, roles and actions follow in one undo step."""
    session = document.session
    org = session.commitments.contributions[0].organisation
    rows = [i for i, p in enumerate(session.participants) if p.organisation.strip() == org]
    assert len(rows) == 1
    owned = sum(c.organisation == org for c in session.commitments.contributions)
    before = _dump(document)
    _edit_cell(qtbot, page, rows[0], ORGANISATION, "Gemeente Waalzoom-Oost")
    after = saved(document)
    assert after.participants[rows[0]].organisation == "Gemeente Waalzoom-Oost"
    assert sum(c.organisation == "Gemeente Waalzoom-Oost"
               for c in after.commitments.contributions) == owned
    assert org not in after.organisations()
    _assert_undo_redo(document, before)


def test_tab_from_a_rows_last_cell_goes_to_the_next_rows_name(
        page: PreparationPage, document: SessionDocument, saved: Saved, qtbot: QtBot) -> None:
    """Issue 11.5: a name typed after Tab lands in Name, never in the Present checkbox."""
    last = len(document.session.participants) - 1
    present_before = [p.present for p in document.session.participants]
    page.table.setCurrentIndex(page.model.index(last - 1, MANDATE))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.waitUntil(_editing(page, last - 1, MANDATE))
    qtbot.keyClicks(_editor(), "Volledig")
    _commit(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(_editing(page, last, NAME))  # the next row's Name, its editor open
    editor = _editor()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "Bram Bakker")
    _commit(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(_editing(page, last, ORGANISATION))
    _commit(qtbot, Qt.Key.Key_Escape)
    # From the last participant's last cell, Tab opens the new row: a name typed adds one.
    page.table.setCurrentIndex(page.model.index(last, MANDATE))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.waitUntil(_editing(page, last, MANDATE))
    _commit(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(_editing(page, last + 1, NAME))
    qtbot.keyClicks(_editor(), "Femke Smit")
    _commit(qtbot)
    # Shift+Tab from a Name goes back to the row before's last cell.
    page.table.setCurrentIndex(page.model.index(1, NAME))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.waitUntil(_editing(page, 1, NAME))
    _commit(qtbot, Qt.Key.Key_Backtab)
    qtbot.waitUntil(_editing(page, 0, MANDATE))
    _commit(qtbot, Qt.Key.Key_Escape)

    people = saved(document).participants
    assert people[last - 1].mandate == "Volledig"
    assert people[last].name == "Bram Bakker"
    assert people[last + 1].name == "Femke Smit"
    assert [p.present for p in people] == present_before + [True]  # no checkbox toggled


@pytest.mark.parametrize(("width", "beside"), [(1024, False), (1366, True)])
def test_the_session_details_stay_readable_on_a_narrow_screen(
        qtbot: QtBot, document: SessionDocument, width: int, beside: bool) -> None:
    """In Dutch at 1024 pixels the labels beside the fields left the fields 95 px wide
    ("Samen gezond o"): there the labels go above the fields; at 1366 they stay beside."""
    from workshop.ui.main_window import MainWindow

    set_language("nl")
    try:
        window = MainWindow(document)
        qtbot.addWidget(window)
        window.resize(width, 768)
        window.show()
        qtbot.waitExposed(window)
        window.go_to(Step.PREPARATION)
        page = window.pages[Step.PREPARATION]
        assert isinstance(page, PreparationPage)
        qtbot.waitUntil(lambda: page.name_edit.width() >= 200)
        label = page.name_edit.parentWidget().layout().labelForField(page.name_edit)
        assert (label.geometry().right() < page.name_edit.geometry().left()) is beside
        assert page.name_edit.fontMetrics().horizontalAdvance(
            "Samen gezond ouder worden") < page.name_edit.width()
        # The details whole by default; the handle dragged up gives the participants'
        # tabs the room (the details scroll), which the details' height used to hold
        tabs = page.people_tabs.height()
        assert page.splitter.sizes()[0] >= page._top.sizeHint().height() or tabs > 300
        page.splitter.moveSplitter(150, 1)
        assert page.people_tabs.height() >= tabs + 100
    finally:
        set_language("en")
