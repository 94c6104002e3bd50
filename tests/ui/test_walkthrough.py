"""The whole start meeting, through the real widgets, as a facilitator runs it.

A new session from the start screen; six participants (two typed, four from a Dutch
Excel CSV through the import preview); cards, clusters and dots; interests of all three
types; two principles from the library and one written; a rule with a consent round in
which an objection is resolved by amending the rule; the organising choices; five
actions with owners and dates. Then the file on disk must hold exactly what was typed,
and after closing and opening it again, every page must show it.

Only the dialogs that would block (the file chooser, the name of the new session) are
answered by replacing their static functions; everything else is the real widget.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from drive import (
    ALT,
    CTRL,
    CTRL_SHIFT,
    activate,
    focused,
    go_to_step,
    press,
    sign_in_turn,
    type_participant,
    type_text,
    wait_not_editing,
)
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from workshop.domain.consent import outcome, text_version
from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import (
    ActionStatus,
    ChairKind,
    Decision,
    DecisionRule,
    EvaluationKind,
    Financing,
    InterestKind,
    ObjectionResolution,
    Outcome,
    Owner,
    Phase,
    Representation,
    Session,
    Step,
)
from workshop.domain.progress import StepState, step_state
from workshop.domain.templates import principle_templates
from workshop.storage import paths
from workshop.storage.files import load_session
from workshop.ui.main_window import STEPS, MainWindow
from workshop.ui.pages.ambition.cards import CardListView
from workshop.ui.pages.ambition.page import AmbitionPage
from workshop.ui.pages.interests.page import InterestsPage
from workshop.ui.pages.items.page import AgreementItemsPage
from workshop.ui.pages.organising.page import OrganisingPage
from workshop.ui.pages.preparation.page import PreparationPage
from workshop.ui.pages.preparation.participants import NAME, ORGANISATION
from workshop.ui.pages.roadmap.actions_model import Col
from workshop.ui.pages.roadmap.dates import format_date
from workshop.ui.pages.roadmap.page import RoadmapPage
from workshop.ui.pages.signing.page import SigningPage

# The offscreen platform cannot raise a popup (the owner completer) or let it grab the
# keyboard; it says so. A desktop can.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")

IND, ORG, COL = InterestKind.INDIVIDUAL, InterestKind.ORGANISATIONAL, InterestKind.COLLECTIVE
D = dt.date

NAME_OF_SESSION = "Samen Gezond Rivierenland"
TYPED = [("Anna de Vries", "Ziekenhuis Rivierenland", "Lid raad van bestuur"),
         ("Bart Smit", "Huisartsen Rivierenland", "Bestuurder")]
# What the secretary saved from Excel: semicolons, UTF-8 with a BOM, Windows line ends,
# a blank name on line 4 (reported by its number, the rest imported).
CSV = (
    "Naam;Organisatie;Functie;Perspectief;Vertegenwoordigt;Mandaat;Aanwezig\r\n"
    "Chris Jansen;Gemeente Tiel;Wethouder;Gemeente;De vier gemeenten;Volledig;ja\r\n"
    "Dana Bos;GGD Gelderland-Zuid;Directeur publieke gezondheid;GGD;;Intentie;ja\r\n"
    ";Zorgkantoor;Manager;;;;ja\r\n"
    "Eef Kuipers;Zorggroep Betuwe (VVT);Bestuurder;Ouderenzorg;;Volledig;ja\r\n"
    'Fien Peeters;"Welzijn; Wonen & Zorg";Directeur;Welzijn;;"Volledig, binnen begroting";ja\r\n'
)
IMPORTED = [("Chris Jansen", "Gemeente Tiel"), ("Dana Bos", "GGD Gelderland-Zuid"),
            ("Eef Kuipers", "Zorggroep Betuwe (VVT)"), ("Fien Peeters", "Welzijn; Wonen & Zorg")]
CARDS = {  # card text -> author's number in the author list (0: the table)
    "Ouderen wonen langer thuis": 1,
    "Eén aanspreekpunt per wijk": 3,
    "Minder onnodige opnames": 2,
    "Eenzaamheid tegengaan": 0,
    "Personeelstekort samen oplossen": 5,
}
CLUSTERS = {"Thuis wonen": ["Ouderen wonen langer thuis", "Minder onnodige opnames"],
            "Samen werken": ["Eén aanspreekpunt per wijk", "Personeelstekort samen oplossen"]}
VOTES = [  # voter's number, card, dots
    (1, "Ouderen wonen langer thuis", 2), (1, "Eén aanspreekpunt per wijk", 1),
    (2, "Minder onnodige opnames", 1), (3, "Ouderen wonen langer thuis", 1),
    (6, "Personeelstekort samen oplossen", 3),
]
STATEMENT = "In 2030 wonen ouderen in Rivierenland gezond en veilig thuis."
INTERESTS = [  # participant index, kind, text
    (0, IND, "Gezien worden als verbinder"),
    (0, ORG, "Minder verkeerde bedden"),
    (0, COL, "Zorg dicht bij huis"),
    (1, IND, "Avonden vrijhouden"),
    (1, ORG, "Werkdruk beheersbaar"),
    (1, COL, "Goede eerstelijnszorg in elk dorp"),
]
PRINCIPLE_SEARCHES = ["weighs more", "resident, patient"]
PRINCIPLE_KEYS = ["principle.ambition-first", "principle.resident-perspective"]
WRITTEN_PRINCIPLE = "We zeggen wat we doen en doen wat we zeggen."
RULE = "We informeren elkaar vooraf."
AMENDED_RULE = "We informeren elkaar vooraf, zodra dat mag."
OBJECTION = "Vooraf kan niet altijd"
ACTIONS = ["Regiobeeld ouderen", "Analyse SEH-bezoeken", "Businesscase wijkcoördinator",
           "Pilot valpreventie", "Afspraken in de jaarplannen"]
ROADMAP_CELLS = [  # owner typed, owner picked in the list, start, due, phase
    ("Anna", None, "1-4-2026", "30-6-2026", "Ana"),
    ("Gemeente", "Gemeente Tiel", "2026-04-01", "15 juli 2026", "Ana"),
    ("Dana", None, "1-5-2026", "1-10-2026", "Bus"),
    ("GGD", "GGD Gelderland-Zuid", "1-9-2026", "31-12-2026", "Pil"),
    ("Fien", None, "1-1-2027", "31-3-2027", "Imp"),
]




# --- the steps ----------------------------------------------------------------------------


def new_session(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    assert window.centralWidget().currentWidget() is window.start_screen
    qtbot.mouseClick(window.start_screen.new_button, Qt.MouseButton.LeftButton)
    dialog = window.new_session_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.name_edit.hasFocus())
    assert dialog.language() == "en"  # the app's language unless the facilitator says
    qtbot.keyClicks(dialog.name_edit, NAME_OF_SESSION)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document is not None)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    activate(qtbot, window)
    assert window.document is not None
    assert window.document.path == paths.documents_folder() / f"{NAME_OF_SESSION}.workshop"
    assert window.current_step() is Step.PREPARATION
    return window


def preparation(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                tmp_path: Path) -> None:
    page = window.pages[Step.PREPARATION]
    assert isinstance(page, PreparationPage)
    assert page.name_edit.hasFocus()  # nobody yet: the details come first
    assert page.name_edit.text() == NAME_OF_SESSION
    press(qtbot, Qt.Key.Key_Tab)
    assert page.region_edit.hasFocus()
    type_text(qtbot, "Rivierenland")
    press(qtbot, Qt.Key.Key_Tab)
    assert page.date_edit.hasFocus()
    page.date_edit.selectAll()
    type_text(qtbot, "12-3-2026")
    for edit, text in ((page.venue_edit, "Stadhuis Tiel"), (page.facilitator_edit,
                                                             "Marieke Jansen")):
        edit.setFocus()
        type_text(qtbot, text)
    # Two participants typed: Ctrl+Shift+N, the name, Tab, the organisation, Tab, the role.
    for name, organisation, role in TYPED:
        type_participant(qtbot, page.table, name, organisation, role)
    # The rest from the secretary's CSV file, through the preview.
    csv = tmp_path / "deelnemers.csv"
    csv.write_bytes(b"\xef\xbb\xbf" + CSV.encode("utf-8"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(csv), "")))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page.csv_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.preview.model().rowCount() == 4
    assert dialog.problems_view is not None
    assert dialog.problems_view.toPlainText().splitlines() == ["Line 4: the name is empty"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.import_button)
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.csv_dialog is None)
    activate(qtbot, window)
    assert page.count_label.text() == "6 participants, 6 present"



def click_card(qtbot: QtBot, page: AmbitionPage, text: str) -> CardListView:
    """Click the card, as the facilitator would; return its column."""
    card = next(c for c in page.document.session.ambition.cards if c.text == text)
    column = page.board.columns[card.cluster_id]
    view = column.view
    row = column.model.row_of(card.id)
    assert row >= 0, text
    view.scrollTo(view.model().index(row, 0))
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.hasFocus() and view.currentIndex().row() == row
    return view


def ambition(qtbot: QtBot, window: MainWindow) -> None:
    page = go_to_step(qtbot, window, Step.AMBITION)
    assert isinstance(page, AmbitionPage)
    assert page.entry.hasFocus()
    for text, author in CARDS.items():
        press(qtbot, getattr(Qt.Key, f"Key_{author}"), ALT)  # the author, by number
        type_text(qtbot, text)
        press(qtbot, Qt.Key.Key_Return)
        assert page.entry.text() == "" and page.entry.hasFocus()
    # Clusters: N makes one from the card under the cursor, its name takes the typing;
    # M and a few letters move a card into an existing one.
    for name, (first, second) in CLUSTERS.items():
        click_card(qtbot, page, first)
        press(qtbot, Qt.Key.Key_N)
        type_text(qtbot, name)
        press(qtbot, Qt.Key.Key_Return)
        view = click_card(qtbot, page, second)
        press(qtbot, Qt.Key.Key_M)
        qtbot.waitUntil(page.board.picker.isVisible)
        type_text(qtbot, name[:5])
        press(qtbot, Qt.Key.Key_Return)
        assert view.hasFocus()
    # Three dots each; Alt+number chooses who places them, Space places one.
    page.board.budget.setFocus()
    page.board.budget.selectAll()
    type_text(qtbot, "3")
    press(qtbot, Qt.Key.Key_Return)
    for voter, text, dots in VOTES:
        click_card(qtbot, page, text)
        press(qtbot, getattr(Qt.Key, f"Key_{voter}"), ALT)
        for _ in range(dots):
            press(qtbot, Qt.Key.Key_Space)
    qtbot.mouseClick(page.statement.viewport(), Qt.MouseButton.LeftButton)
    type_text(qtbot, STATEMENT)
    # The consent round on the statement: everyone consents (R: the rest consents).
    tab_bar = page.tabs.tabBar()
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton,
                     pos=tab_bar.tabRect(page.tabs.indexOf(page.consent)).center())
    table = page.consent.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 0)).center())
    press(qtbot, Qt.Key.Key_R)


def interests(qtbot: QtBot, window: MainWindow) -> None:
    page = go_to_step(qtbot, window, Step.INTERESTS)
    assert isinstance(page, InterestsPage)
    assert page.matrix.hasFocus()
    for person in range(2):
        index = page.matrix.currentIndex()
        assert page.matrix_model.participant(index.row()).name == TYPED[person][0]
        assert page.matrix_model.kind_of(index.column()) is IND
        for kind, text in [(k, t) for p, k, t in INTERESTS if p == person]:
            assert page.matrix_model.kind_of(page.matrix.currentIndex().column()) is kind
            type_text(qtbot, text)  # typing in the matrix starts an interest in the cell
            press(qtbot, Qt.Key.Key_Tab)  # Tab adds it and goes on to the next type
    # The first one is personal: not for print.
    press(qtbot, Qt.Key.Key_Escape)
    page.matrix.setFocus()
    while page.matrix.currentIndex().row() != 0:
        press(qtbot, Qt.Key.Key_Up)
    while page.matrix_model.kind_of(page.matrix.currentIndex().column()) is not IND:
        press(qtbot, Qt.Key.Key_Left)
    press(qtbot, Qt.Key.Key_F2)
    assert page.items_list.hasFocus()
    assert page.items_list.currentItem().text() == INTERESTS[0][2]
    press(qtbot, Qt.Key.Key_P)


def principles(qtbot: QtBot, window: MainWindow) -> None:
    page = go_to_step(qtbot, window, Step.PRINCIPLES)
    assert isinstance(page, AgreementItemsPage)
    assert page.new_edit.hasFocus()
    for search in PRINCIPLE_SEARCHES:
        press(qtbot, Qt.Key.Key_L, CTRL)
        qtbot.waitUntil(lambda: page.picker is not None and page.picker.isVisible())
        qtbot.waitUntil(lambda: page.picker is not None and page.picker.search.hasFocus())
        type_text(qtbot, search)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.picker is None)
        activate(qtbot, window)
        qtbot.waitUntil(page.table.hasFocus)
    qtbot.mouseClick(page.new_edit, Qt.MouseButton.LeftButton)
    type_text(qtbot, WRITTEN_PRINCIPLE)
    press(qtbot, Qt.Key.Key_Return)
    assert page.new_edit.text() == ""
    # A consent round on each: from the list, Right into the round, R: everyone consents.
    press(qtbot, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    for row in range(3):
        press(qtbot, Qt.Key.Key_Home, CTRL) if row == 0 else press(qtbot, Qt.Key.Key_Down)
        assert page.table.currentIndex().row() == row
        press(qtbot, Qt.Key.Key_Right)
        assert page.round.table.hasFocus()
        press(qtbot, Qt.Key.Key_R)
        assert "Agreed" in page.round.outcome_label.text()
        press(qtbot, Qt.Key.Key_Escape)
        assert page.table.hasFocus()
    assert [r.state for r in page.model.rows] == ["Agreed"] * 3


def rules(qtbot: QtBot, window: MainWindow) -> None:
    page = go_to_step(qtbot, window, Step.RULES)
    assert isinstance(page, AgreementItemsPage)
    assert page.new_edit.hasFocus()
    type_text(qtbot, RULE)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Down)  # from the new line to the list
    assert page.table.hasFocus()
    press(qtbot, Qt.Key.Key_Right)  # into the consent round
    assert page.round.table.hasFocus()
    press(qtbot, Qt.Key.Key_1)  # Anna consents
    press(qtbot, Qt.Key.Key_3)  # Bart objects: the note opens for his reason
    assert page.round.note_edit.hasFocus()
    type_text(qtbot, OBJECTION)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_R)  # the rest consents
    assert "Objection standing" in page.round.outcome_label.text()
    press(qtbot, Qt.Key.Key_Escape)  # back to the list
    assert page.table.hasFocus()
    press(qtbot, Qt.Key.Key_Return)  # amend the text
    assert page.text_edit.hasFocus() and page.resolve_check.isVisible()
    assert "Bart Smit" in page.resolve_check.text()
    press(qtbot, Qt.Key.Key_End, CTRL)
    press(qtbot, Qt.Key.Key_Backspace)
    type_text(qtbot, ", zodra dat mag.")
    press(qtbot, Qt.Key.Key_Return, CTRL)  # save, and the objection is resolved by it
    # The earlier consents were given to other words: the round starts again.
    assert "Open" in page.round.outcome_label.text()
    assert "Objected to an earlier version: Bart Smit" in page.round.history_label.text()
    press(qtbot, Qt.Key.Key_Escape)
    assert page.table.hasFocus()
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_R)  # everyone consents to the amended text
    assert "Agreed" in page.round.outcome_label.text()


def organising(qtbot: QtBot, window: MainWindow) -> None:
    page = go_to_step(qtbot, window, Step.ORGANISING)
    assert isinstance(page, OrganisingPage)
    assert page.decision_rule.hasFocus()
    press(qtbot, Qt.Key.Key_Down)  # consent
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Twee rondes; daarna één stem per sector.")
    press(qtbot, Qt.Key.Key_Tab)
    assert page.chair.hasFocus()
    press(qtbot, Qt.Key.Key_Down)  # independent
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert page.cadence.hasFocus()
    type_text(qtbot, "Zes keer per jaar")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Maart: jaarplan")
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "September: begroting")
    press(qtbot, Qt.Key.Key_Tab)
    assert page.representation.hasFocus()
    press(qtbot, Qt.Key.Key_Down)  # whole system in the room
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    for kind in (Financing.OWN_MEANS, Financing.IN_KIND):  # Tab to each box, Space ticks it
        for _ in range(12):
            if focused() is page.financing[kind]:
                break
            press(qtbot, Qt.Key.Key_Tab)
        assert focused() is page.financing[kind]
        press(qtbot, Qt.Key.Key_Space)
    while not page.evaluation.hasFocus():
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)  # a process evaluation
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Twee keer per jaar met de vijf condities.")


def roadmap(qtbot: QtBot, window: MainWindow) -> None:
    page = go_to_step(qtbot, window, Step.ROADMAP)
    assert isinstance(page, RoadmapPage)
    assert page.new_title.hasFocus()
    for title in ACTIONS:
        type_text(qtbot, title)
        press(qtbot, Qt.Key.Key_Return)
        assert page.new_title.text() == "" and page.new_title.hasFocus()
    for row, (typed, pick, start, due, phase) in enumerate(ROADMAP_CELLS):
        choose(qtbot, window, page, row, Col.OWNER, typed, pick)
        edit_cell(qtbot, window, page, row, Col.START, start)
        edit_cell(qtbot, window, page, row, Col.DUE, due)
        choose(qtbot, window, page, row, Col.PHASE, phase)


def agree(qtbot: QtBot, window: MainWindow, step: Step) -> None:
    """On the step's page, Ctrl+Shift+Return: the table agrees the step as it is."""
    go_to_step(qtbot, window, step)
    assert window.step_bar.agree_button.isVisible()
    press(qtbot, Qt.Key.Key_Return, CTRL_SHIFT)
    assert window.document is not None
    assert step_state(window.document.session, step) is StepState.AGREED
    assert window.step_bar.state_label.text().startswith("Agreed by the table on ")
    row = window.navigator.item(STEPS.index(step))
    assert row.data(Qt.ItemDataRole.UserRole) == StepState.AGREED.value


def signing(qtbot: QtBot, window: MainWindow) -> None:
    """The agreement as a whole: findings, the round, six signatures on the pad."""
    page = go_to_step(qtbot, window, Step.SIGNING)
    assert isinstance(page, SigningPage)
    assert not page.start_button.isEnabled()  # the round on the whole is still missing
    blocking_lines = [page.findings_list.topLevelItem(i)
                      for i in range(page.findings_list.topLevelItemCount())
                      if page.findings_list.topLevelItem(i).text(0) == "Blocking"]
    assert [item.text(2) for item in blocking_lines] == [
        "The agreement as a whole has had no consent round yet."]
    # The line leads to the round: Enter on it.
    page.findings_list.setFocus()
    page.findings_list.setCurrentItem(blocking_lines[0])
    press(qtbot, Qt.Key.Key_Return)
    assert page.tabs.currentIndex() == 1 and page.agreement_round.table.hasFocus()
    # The room sees the agreement's text while its round is open.
    controller = window.projector_controls.controller
    qtbot.waitUntil(lambda: controller.scene.canvas_name == "signing"
                    and controller.highlight_id() == "agreement")
    qtbot.waitUntil(lambda: STATEMENT in " ".join(controller.scene.all_texts()))
    texts = " ".join(controller.scene.all_texts())
    assert AMENDED_RULE in texts and WRITTEN_PRINCIPLE in texts
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_R)  # everyone consents to the agreement as a whole
    assert "Agreed" in page.agreement_round.outcome_label.text()
    assert page.start_button.isEnabled()
    assert not any(page.findings_list.topLevelItem(i).text(0) == "Blocking"
                   for i in range(page.findings_list.topLevelItemCount()))

    signed = sign_in_turn(qtbot, page.start_button)
    assert signed == [n for n, _o, _r in TYPED] + [n for n, _o in IMPORTED]
    page.show_item("p-none")  # unknown: nothing happens
    assert page.signatures_heading.text() == (
        "Signatures on the current text: 6 of 6 participants present")


def export_from_signing(qtbot: QtBot, window: MainWindow) -> tuple[Path, Path]:
    """Export from the Signing page: the dialog's defaults, Export, the result."""
    page = window.pages[Step.SIGNING]
    assert isinstance(page, SigningPage)
    dialogs: list[QWidget] = []

    def accept_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.windowTitle() == "Export agreement and roadmap"
        dialogs.append(dialog)
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)  # type: ignore

    QTimer.singleShot(0, accept_dialog)
    actions = page.export_actions
    with qtbot.waitSignal(actions.sig_result, timeout=60_000) as done:
        qtbot.mouseClick(page.export_buttons.export_button, Qt.MouseButton.LeftButton)
    assert dialogs
    result = done.args[0]
    assert not result.error and not result.cancelled
    assert actions.result_box is not None and actions.result_box.isVisible()
    actions.result_box.close()
    agreement, roadmap = result.written
    return Path(agreement), Path(roadmap)


def open_cell(qtbot: QtBot, window: MainWindow, page: RoadmapPage, row: int, col: int
              ) -> QWidget:
    """Click the cell and press Enter, as the facilitator would."""
    activate(qtbot, window)
    table = page.table
    rect = table.visualRect(page.proxy.index(row, col))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.currentIndex().row() == row and table.currentIndex().column() == col
    if table.state() != QAbstractItemView.State.EditingState:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = focused()
    assert editor is not table
    return editor


def edit_cell(qtbot: QtBot, window: MainWindow, page: RoadmapPage, row: int, col: int,
              text: str) -> None:
    editor = open_cell(qtbot, window, page, row, col)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)
    wait_not_editing(qtbot, page.table)


def choose(qtbot: QtBot, window: MainWindow, page: RoadmapPage, row: int, col: int,
           typed: str, pick: str | None = None) -> None:
    """Type-ahead in the cell's list; in the list of matches go down to ``pick``."""
    editor = open_cell(qtbot, window, page, row, col)
    assert isinstance(editor, QComboBox) or isinstance(editor.parent(), QComboBox)
    combo = editor if isinstance(editor, QComboBox) else editor.parent()
    assert isinstance(combo, QComboBox)
    if combo.isEditable():
        combo.lineEdit().selectAll()
    type_text(qtbot, typed)
    popup = combo.completer().popup() if combo.completer() else None
    if popup is not None and popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        while pick is not None and popup.currentIndex().data() != pick:
            assert popup.currentIndex().row() < popup.model().rowCount() - 1, pick
            qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    else:
        press(qtbot, Qt.Key.Key_Return)
    wait_not_editing(qtbot, page.table)


def test_the_whole_meeting_through_the_widgets(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    window = new_session(qtbot, monkeypatch)
    preparation(qtbot, window, monkeypatch, tmp_path)
    ambition(qtbot, window)
    interests(qtbot, window)
    principles(qtbot, window)
    rules(qtbot, window)
    organising(qtbot, window)
    roadmap(qtbot, window)
    for step in (Step.PREPARATION, Step.INTERESTS, Step.ORGANISING, Step.ROADMAP):
        agree(qtbot, window, step)
    assert [window.navigator.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(len(STEPS) - 1)] == [StepState.AGREED.value] * (len(STEPS) - 1)
    signing(qtbot, window)
    agreement_pdf, roadmap_pdf = export_from_signing(qtbot, window)
    document = window.document
    assert document is not None and document.path is not None
    path = document.path
    assert document.flush()
    check_file(load_session(path))
    check_pdfs(path, agreement_pdf, roadmap_pdf)

    # Closing: the session is saved, so the window closes without a question.
    window.close()
    assert not window.isVisible() and window.document is None
    assert load_session(path).model_dump(exclude={"view"}) == \
        document.session.model_dump(exclude={"view"})

    # Opened again, in a new window: every page shows what was entered.
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    again.open_session(path)
    assert again.document is not None and again.document.path == path
    check_file(again.document.session)
    check_pages(qtbot, again)
    again.close()


def check_pdfs(session_path: Path, agreement: Path, roadmap: Path) -> None:
    """The PDFs the table takes home: signed, with the amendment in words, verified by
    the command line against the session file."""
    assert agreement.parent == roadmap.parent == paths.documents_folder()
    text = " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(agreement).pages)
    assert AMENDED_RULE in text and STATEMENT in text
    # The consent record says how the amended rule was agreed, not a tally that counts
    # the objection: who objected to the earlier words and what they became.
    assert "Agreed (objection resolved by amendment)" in text
    assert "objection to an earlier text: " + OBJECTION in text
    assert f"Amended from “{RULE}” to “{AMENDED_RULE}”" in text
    for name, _organisation, _role in TYPED:
        assert name in text
    for pdf in (agreement, roadmap):
        done = subprocess.run(
            [sys.executable, "-m", "workshop", "--lang", "en", "verify", str(pdf),
             str(session_path)], capture_output=True, text=True, timeout=120,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        assert done.returncode == 0, done.stdout + done.stderr
    assert "6 valid" in done.stdout or "valid" in done.stdout


def ids(session: Session) -> dict[str, str]:
    """Participant ids by name."""
    return {p.name: p.id for p in session.participants}


def check_file(on_disk: Session) -> None:
    """The file holds exactly what was typed."""
    details = on_disk.details
    assert (details.name, details.region, details.date, details.venue, details.facilitator) \
        == (NAME_OF_SESSION, "Rivierenland", D(2026, 3, 12), "Stadhuis Tiel", "Marieke Jansen")
    people = on_disk.participants
    assert [(p.name, p.organisation, p.role) for p in people[:2]] == TYPED
    assert [(p.name, p.organisation) for p in people[2:]] == IMPORTED
    assert all(p.present for p in people)
    fien = people[5]
    assert (fien.role, fien.perspective, fien.mandate) == (
        "Directeur", "welfare", "Volledig, binnen begroting")  # "Welzijn": a known one
    names = [p.name for p in people]
    by_id = {p.id: p.name for p in people}
    pid = ids(on_disk)

    # Cards, their authors and clusters, the dots.
    ambition = on_disk.ambition
    clusters = {c.id: c.name for c in ambition.clusters}
    assert list(clusters.values()) == list(CLUSTERS)
    cards = {c.text: c for c in ambition.cards}
    assert set(cards) == set(CARDS)
    for text, number in CARDS.items():
        author = cards[text].author_id
        assert (by_id[author] if author else None) == (names[number - 1] if number else None)
        cluster = cards[text].cluster_id
        expected = next((n for n, texts in CLUSTERS.items() if text in texts), None)
        assert (clusters[cluster] if cluster else None) == expected
    assert ambition.vote_budget == 3
    dots: dict[tuple[str, str], int] = {}
    for voter, text, count in VOTES:
        key = (pid[names[voter - 1]], cards[text].id)
        dots[key] = dots.get(key, 0) + count
    assert {(v.participant_id, v.card_id): v.dots for v in ambition.votes} == dots
    assert ambition.statement == STATEMENT
    assert {r.participant_id: r.decision for r in on_disk.consents
            if r.subject_id == "ambition"} == {p.id: Decision.CONSENT for p in people}
    assert outcome(on_disk, "ambition") is Outcome.AGREED

    # Interests of all three types; the first one is not for print.
    found = [(by_id[i.participant_id], i.kind, i.text, i.private)
             for i in on_disk.interests.items]
    assert found == [(names[p], kind, text, n == 0)
                     for n, (p, kind, text) in enumerate(INTERESTS)]

    # Two principles from the library (in the session's language) and one written.
    templates = {t.key: t for t in principle_templates()}
    assert [(p.text, p.template_key) for p in on_disk.principles] == [
        *((templates[k].text_en, k) for k in PRINCIPLE_KEYS), (WRITTEN_PRINCIPLE, None)]
    assert [p.source for p in on_disk.principles][:2] == [
        templates[k].source for k in PRINCIPLE_KEYS]

    # The rule, amended; Bart's objection resolved by the amendment, kept with the words
    # it was given to; then everyone consented to the amended text.
    [rule] = on_disk.rules
    assert rule.text == AMENDED_RULE
    earlier = {by_id[r.participant_id]: r for r in on_disk.consents
               if r.subject_id == rule.id and r.version == text_version(RULE)}
    assert set(earlier) == set(names)
    bart = earlier["Bart Smit"]
    assert (bart.decision, bart.note, bart.resolution) == (
        Decision.OBJECTION, OBJECTION, ObjectionResolution.AMENDED)
    assert all(r.decision is Decision.CONSENT for n, r in earlier.items() if n != "Bart Smit")
    now = {by_id[r.participant_id]: r.decision for r in on_disk.consents
           if r.subject_id == rule.id and r.version == text_version(AMENDED_RULE)}
    assert now == {n: Decision.CONSENT for n in names}
    assert [(a.before, a.after) for a in on_disk.amendments] == [(RULE, AMENDED_RULE)]
    assert outcome(on_disk, rule.id) is Outcome.AGREED
    assert all(outcome(on_disk, p.id) is Outcome.AGREED for p in on_disk.principles)
    assert outcome(on_disk, "agreement") is Outcome.AGREED
    assert {a.step for a in on_disk.step_agreements} == {
        Step.PREPARATION, Step.INTERESTS, Step.ORGANISING, Step.ROADMAP}
    current = fingerprint(on_disk)
    assert sorted(by_id[g.participant_id] for g in on_disk.signatures) == sorted(names)
    assert all(g.fingerprint == current and len(g.strokes) == 1 for g in on_disk.signatures)

    organising = on_disk.organising
    assert (organising.decision_rule, organising.decision_rule_note) == (
        DecisionRule.CONSENT, "Twee rondes; daarna één stem per sector.")
    assert (organising.chair, organising.chair_note) == (ChairKind.INDEPENDENT, "")
    assert organising.cadence == "Zes keer per jaar"
    assert organising.annual_calendar == "Maart: jaarplan\nSeptember: begroting"
    assert organising.representation is Representation.WHOLE_SYSTEM
    assert organising.financing == [Financing.OWN_MEANS, Financing.IN_KIND]
    assert (organising.evaluation, organising.evaluation_note) == (
        EvaluationKind.PROCESS, "Twee keer per jaar met de vijf condities.")

    actions = on_disk.roadmap.actions
    assert [a.title for a in actions] == ACTIONS
    assert [a.owner for a in actions] == [
        Owner(kind="participant", ref=pid["Anna de Vries"]),
        Owner(kind="organisation", ref="Gemeente Tiel"),
        Owner(kind="participant", ref=pid["Dana Bos"]),
        Owner(kind="organisation", ref="GGD Gelderland-Zuid"),
        Owner(kind="participant", ref=pid["Fien Peeters"])]
    assert [(a.start, a.due) for a in actions] == [
        (D(2026, 4, 1), D(2026, 6, 30)), (D(2026, 4, 1), D(2026, 7, 15)),
        (D(2026, 5, 1), D(2026, 10, 1)), (D(2026, 9, 1), D(2026, 12, 31)),
        (D(2027, 1, 1), D(2027, 3, 31))]
    assert [a.phase for a in actions] == [Phase.ANALYSIS, Phase.ANALYSIS,
                                          Phase.BUSINESS_CASE, Phase.PILOT,
                                          Phase.IMPLEMENTATION]
    assert all(a.status is ActionStatus.PLANNED for a in actions)


def check_pages(qtbot: QtBot, window: MainWindow) -> None:
    """What the facilitator finds on each page after opening the file again."""
    assert NAME_OF_SESSION in window.windowTitle()
    assert window.current_step() is Step.SIGNING  # where the meeting was left
    signing_page = window.pages[Step.SIGNING]
    assert isinstance(signing_page, SigningPage)
    assert signing_page.signatures_heading.text() == (
        "Signatures on the current text: 6 of 6 participants present")
    assert window.navigator.item(STEPS.index(Step.SIGNING)).data(
        Qt.ItemDataRole.UserRole) == StepState.AGREED.value
    prep = go_to_step(qtbot, window, Step.PREPARATION)
    assert isinstance(prep, PreparationPage)
    assert prep.region_edit.text() == "Rivierenland"
    assert prep.date_edit.text() == format_date(D(2026, 3, 12))
    shown = [(prep.model.index(r, NAME).data(), prep.model.index(r, ORGANISATION).data())
             for r in range(prep.model.rowCount() - 1)]
    assert shown == [(n, o) for n, o, _ in TYPED] + IMPORTED

    page = go_to_step(qtbot, window, Step.AMBITION)
    assert isinstance(page, AmbitionPage)
    named = {key: column.title() for key, column in page.board.columns.items()
             if key is not None}
    assert list(named.values()) == list(CLUSTERS)
    first = next(c for c in window.document.session.ambition.cards  # type: ignore[union-attr]
                 if c.text == "Ouderen wonen langer thuis")
    face = page.board.face(first.id)
    assert face is not None and face.dots == 3
    assert page.statement.toPlainText() == STATEMENT

    interests_page = go_to_step(qtbot, window, Step.INTERESTS)
    assert isinstance(interests_page, InterestsPage)
    assert interests_page.counts_label.text() == "Interests: 6 · not for print: 1 · links: 0"

    principles_page = go_to_step(qtbot, window, Step.PRINCIPLES)
    assert isinstance(principles_page, AgreementItemsPage)
    assert [r.text for r in principles_page.model.rows][2] == WRITTEN_PRINCIPLE
    rules_page = go_to_step(qtbot, window, Step.RULES)
    assert isinstance(rules_page, AgreementItemsPage)
    assert [(r.text, r.state) for r in rules_page.model.rows] == [(AMENDED_RULE, "Agreed")]

    organising_page = go_to_step(qtbot, window, Step.ORGANISING)
    assert isinstance(organising_page, OrganisingPage)
    assert organising_page.decision_rule.currentData() == DecisionRule.CONSENT.value
    assert organising_page.cadence.text() == "Zes keer per jaar"

    roadmap_page = go_to_step(qtbot, window, Step.ROADMAP)
    assert isinstance(roadmap_page, RoadmapPage)
    proxy = roadmap_page.proxy
    assert [proxy.index(r, Col.TITLE).data() for r in range(proxy.rowCount())] == ACTIONS
    assert proxy.index(1, Col.OWNER).data() == "Gemeente Tiel"
