"""Every kind of edit the pages make, undone and redone in the main window.

Each kind is done through the page's real widgets (keys, clicks, typing) with the demo
session open; then undo must give back exactly the session as it was before, and redo
exactly the session as it was after (``Session.model_dump`` compared whole). The test
is parametrized over the kinds, so a failure names the kind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from drive import (
    CTRL,
    CTRL_SHIFT,
    click_cell,
    focused,
    go_to_item,
    press,
    type_text,
    wait_not_editing,
)
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from workshop.domain.model import InterestKind, Step
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import STEPS, MainWindow
from workshop.ui.pages.ambition.cards import CardListView
from workshop.ui.pages.ambition.page import AmbitionPage
from workshop.ui.pages.interests.page import InterestsPage
from workshop.ui.pages.items.page import AgreementItemsPage
from workshop.ui.pages.organising.page import OrganisingPage
from workshop.ui.pages.preparation.page import PreparationPage
from workshop.ui.pages.preparation.participants import NAME, ROLE
from workshop.ui.pages.roadmap.actions_model import Col
from workshop.ui.pages.roadmap.page import RoadmapPage
from workshop.ui.pages.signing.dialog import SigningDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")



# --- preparation -------------------------------------------------------------------------


def _prep(window: MainWindow) -> PreparationPage:
    page = window.pages[Step.PREPARATION]
    assert isinstance(page, PreparationPage)
    return page


def participant_add(qtbot: QtBot, window: MainWindow) -> None:
    page = _prep(window)
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_N, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    type_text(qtbot, "Wim de Boer")
    editor = focused()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() not in (editor, None)
                    and isinstance(QApplication.focusWidget(), QLineEdit))  # the next one
    press(qtbot, Qt.Key.Key_Escape)
    wait_not_editing(qtbot, page.table)


def participant_edit(qtbot: QtBot, window: MainWindow) -> None:
    page = _prep(window)
    page.table.setFocus()
    click_cell(qtbot, page.table, 1, ROLE)
    press(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL)
    type_text(qtbot, "Voorzitter")
    press(qtbot, Qt.Key.Key_Return)
    wait_not_editing(qtbot, page.table)


def participant_remove(qtbot: QtBot, window: MainWindow) -> None:
    page = _prep(window)
    click_cell(qtbot, page.table, 1, NAME)
    press(qtbot, Qt.Key.Key_Delete)  # Joost has cards, votes...: the page asks
    qtbot.waitUntil(lambda: page.remove_dialog is not None and page.remove_dialog.isVisible())
    dialog = page.remove_dialog
    assert dialog is not None
    qtbot.keyClick(dialog.hand_over_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.remove_dialog is None)


def participant_reorder(qtbot: QtBot, window: MainWindow) -> None:
    page = _prep(window)
    click_cell(qtbot, page.table, 2, NAME)
    press(qtbot, Qt.Key.Key_Up, CTRL_SHIFT)


def agenda_time_box(qtbot: QtBot, window: MainWindow) -> None:
    spin = _prep(window).agenda_spins[Step.AMBITION]
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Up)


# --- ambition ----------------------------------------------------------------------------


def _ambition(window: MainWindow) -> AmbitionPage:
    page = window.pages[Step.AMBITION]
    assert isinstance(page, AmbitionPage)
    return page


def _card(qtbot: QtBot, page: AmbitionPage, card_id: str) -> CardListView:
    card = next(c for c in page.document.session.ambition.cards if c.id == card_id)
    column = page.board.columns[card.cluster_id]
    click_cell(qtbot, column.view, column.model.row_of(card_id))
    assert column.view.hasFocus()
    return column.view


def card_add(qtbot: QtBot, window: MainWindow) -> None:
    page = _ambition(window)
    page.entry.setFocus()
    type_text(qtbot, "Samen sterker in de wijk")
    press(qtbot, Qt.Key.Key_Return)


def card_edit(qtbot: QtBot, window: MainWindow) -> None:
    view = _card(qtbot, _ambition(window), "k-01")
    press(qtbot, Qt.Key.Key_F2)
    editor = focused()
    assert editor is not view
    press(qtbot, Qt.Key.Key_End)
    type_text(qtbot, " echt")
    press(qtbot, Qt.Key.Key_Return)
    wait_not_editing(qtbot, view)


def card_move(qtbot: QtBot, window: MainWindow) -> None:
    _card(qtbot, _ambition(window), "k-01")
    press(qtbot, Qt.Key.Key_Right, CTRL)


def card_cluster(qtbot: QtBot, window: MainWindow) -> None:
    _card(qtbot, _ambition(window), "k-01")
    press(qtbot, Qt.Key.Key_N)  # a new cluster from the card


def card_remove(qtbot: QtBot, window: MainWindow) -> None:
    _card(qtbot, _ambition(window), "k-02")  # with dots on it
    press(qtbot, Qt.Key.Key_Delete)


def card_vote(qtbot: QtBot, window: MainWindow) -> None:
    """Everyone in the demo has used their dots: one is taken back, then placed again."""
    page = _ambition(window)
    session = page.document.session
    vote = next(v for v in session.ambition.votes if v.card_id == "k-02")
    present = [p.id for p in session.participants if p.present]
    _card(qtbot, page, "k-02")
    number = present.index(vote.participant_id) + 1
    press(qtbot, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.AltModifier)
    assert page.board.voter_combo.currentData() == vote.participant_id
    press(qtbot, Qt.Key.Key_Minus)


def vote_budget(qtbot: QtBot, window: MainWindow) -> None:
    budget = _ambition(window).board.budget
    budget.setFocus()
    budget.selectAll()
    type_text(qtbot, "4")
    press(qtbot, Qt.Key.Key_Return)


def statement(qtbot: QtBot, window: MainWindow) -> None:
    page = _ambition(window)
    qtbot.mouseClick(page.statement.viewport(), Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_End, CTRL)
    type_text(qtbot, " Samen.")


def goal(qtbot: QtBot, window: MainWindow) -> None:
    page = _ambition(window)
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(page.tabs.indexOf(page.goals)).center())
    qtbot.mouseClick(page.goals.new_text, Qt.MouseButton.LeftButton)
    type_text(qtbot, "Minder eenzaamheid")
    press(qtbot, Qt.Key.Key_Return)


# --- interests ---------------------------------------------------------------------------


def _interests(window: MainWindow) -> InterestsPage:
    page = window.pages[Step.INTERESTS]
    assert isinstance(page, InterestsPage)
    return page



WORKLOAD = "Werkdruk in de praktijken beheersbaar houden."


def interest_add(qtbot: QtBot, window: MainWindow) -> None:
    page = _interests(window)
    page.matrix.setFocus()
    type_text(qtbot, "Het woord als eerste")
    press(qtbot, Qt.Key.Key_Return)


def interest_edit(qtbot: QtBot, window: MainWindow) -> None:
    page = _interests(window)
    go_to_item(qtbot, page, "p-joost", InterestKind.ORGANISATIONAL, WORKLOAD)
    press(qtbot, Qt.Key.Key_F2)
    press(qtbot, Qt.Key.Key_End)
    type_text(qtbot, " Echt.")
    press(qtbot, Qt.Key.Key_Return)
    wait_not_editing(qtbot, page.items_list)


def interest_private(qtbot: QtBot, window: MainWindow) -> None:
    page = _interests(window)
    go_to_item(qtbot, page, "p-joost", InterestKind.ORGANISATIONAL, WORKLOAD)
    press(qtbot, Qt.Key.Key_P)


def interest_link(qtbot: QtBot, window: MainWindow) -> None:
    page = _interests(window)
    go_to_item(qtbot, page, "p-joost", InterestKind.ORGANISATIONAL, WORKLOAD)
    press(qtbot, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: page.link_dialog is not None and page.link_dialog.isVisible())
    dialog = page.link_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.search.hasFocus)
    type_text(qtbot, "gerda meepraat")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.link_dialog is None)


# --- principles, rules, consent ------------------------------------------------------------


def _principles(window: MainWindow) -> AgreementItemsPage:
    page = window.pages[Step.PRINCIPLES]
    assert isinstance(page, AgreementItemsPage)
    return page


def principle_add(qtbot: QtBot, window: MainWindow) -> None:
    page = _principles(window)
    qtbot.mouseClick(page.new_edit, Qt.MouseButton.LeftButton)
    type_text(qtbot, "We houden het eenvoudig.")
    press(qtbot, Qt.Key.Key_Return)


def principle_edit(qtbot: QtBot, window: MainWindow) -> None:
    page = _principles(window)
    click_cell(qtbot, page.table, 1, 1)
    press(qtbot, Qt.Key.Key_Return)
    assert page.text_edit.hasFocus()
    press(qtbot, Qt.Key.Key_End, CTRL)
    type_text(qtbot, " Elk kwartaal.")
    press(qtbot, Qt.Key.Key_Return)


def principle_reorder(qtbot: QtBot, window: MainWindow) -> None:
    page = _principles(window)
    click_cell(qtbot, page.table, 0, 1)
    press(qtbot, Qt.Key.Key_Down, CTRL_SHIFT)


def principle_remove(qtbot: QtBot, window: MainWindow) -> None:
    page = _principles(window)
    click_cell(qtbot, page.table, 2, 1)
    press(qtbot, Qt.Key.Key_Delete)


def consent_decision(qtbot: QtBot, window: MainWindow) -> None:
    page = window.pages[Step.RULES]
    assert isinstance(page, AgreementItemsPage)
    click_cell(qtbot, page.table, 0, 1)
    press(qtbot, Qt.Key.Key_Right)  # into the round
    assert page.round.table.hasFocus()
    press(qtbot, Qt.Key.Key_3)  # an objection; the note opens for the reason
    if page.round.note_edit.hasFocus():
        press(qtbot, Qt.Key.Key_Escape)


# --- organising, roadmap -----------------------------------------------------------------


def organising_choice(qtbot: QtBot, window: MainWindow) -> None:
    page = window.pages[Step.ORGANISING]
    assert isinstance(page, OrganisingPage)
    page.chair.setFocus()
    press(qtbot, Qt.Key.Key_Down)


def _roadmap(window: MainWindow) -> RoadmapPage:
    page = window.pages[Step.ROADMAP]
    assert isinstance(page, RoadmapPage)
    return page


def action_add(qtbot: QtBot, window: MainWindow) -> None:
    page = _roadmap(window)
    qtbot.mouseClick(page.new_title, Qt.MouseButton.LeftButton)
    type_text(qtbot, "Nieuwe actie")
    press(qtbot, Qt.Key.Key_Return)


def _open_cell(qtbot: QtBot, window: MainWindow, row: int, col: int) -> QWidget:
    page = _roadmap(window)
    click_cell(qtbot, page.table, row, col)
    if page.table.state() != QAbstractItemView.State.EditingState:
        press(qtbot, Qt.Key.Key_Return)
    return focused()


def action_edit(qtbot: QtBot, window: MainWindow) -> None:
    editor = _open_cell(qtbot, window, 0, Col.TITLE)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, "Regiobeeld")
    press(qtbot, Qt.Key.Key_Return)
    wait_not_editing(qtbot, _roadmap(window).table)


def action_phase(qtbot: QtBot, window: MainWindow) -> None:
    editor = _open_cell(qtbot, window, 0, Col.PHASE)
    assert isinstance(editor, QComboBox)
    type_text(qtbot, "Bus")  # type-ahead: Business case
    press(qtbot, Qt.Key.Key_Return)
    wait_not_editing(qtbot, _roadmap(window).table)


def action_remove(qtbot: QtBot, window: MainWindow) -> None:
    page = _roadmap(window)
    click_cell(qtbot, page.table, 1, Col.TITLE)
    press(qtbot, Qt.Key.Key_Delete)


def milestone(qtbot: QtBot, window: MainWindow) -> None:
    panel = _roadmap(window).milestones
    qtbot.mouseClick(panel.title_edit, Qt.MouseButton.LeftButton)
    type_text(qtbot, "Regiobeeld vastgesteld")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(panel.date_edit.hasFocus)
    type_text(qtbot, "1-7-2026")
    press(qtbot, Qt.Key.Key_Return)


def evaluation_series(qtbot: QtBot, window: MainWindow) -> None:
    page = _roadmap(window)
    qtbot.mouseClick(page.series_button, Qt.MouseButton.LeftButton)
    dialog = page.series_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.first_edit.selectAll()
    qtbot.keyClicks(dialog.first_edit, "31-8-2026")
    dialog.count.selectAll()
    qtbot.keyClicks(dialog.count.lineEdit(), "3")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.series_dialog is None)


def signature(qtbot: QtBot, window: MainWindow) -> None:
    assert window.document is not None
    dialog = SigningDialog(window.document, window)  # what "Start signing" opens
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    pad = dialog.pad
    points = [(0.2, 0.7), (0.4, 0.5), (0.6, 0.75)]
    for n, (fx, fy) in enumerate(points):
        kind = QEvent.Type.MouseButtonPress if n == 0 else QEvent.Type.MouseMove
        at = QPointF(pad.width() * fx, pad.height() * fy)
        QApplication.sendEvent(pad, QMouseEvent(
            kind, at, pad.mapToGlobal(at), Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(pad, QMouseEvent(
        QEvent.Type.MouseButtonRelease, at, pad.mapToGlobal(at), Qt.MouseButton.LeftButton,
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    dialog.close()


KINDS: dict[str, tuple[Step, Callable[[QtBot, MainWindow], None]]] = {
    "participant add": (Step.PREPARATION, participant_add),
    "participant edit": (Step.PREPARATION, participant_edit),
    "participant remove": (Step.PREPARATION, participant_remove),
    "participant reorder": (Step.PREPARATION, participant_reorder),
    "agenda time box": (Step.PREPARATION, agenda_time_box),
    "card add": (Step.AMBITION, card_add),
    "card edit": (Step.AMBITION, card_edit),
    "card move": (Step.AMBITION, card_move),
    "card cluster": (Step.AMBITION, card_cluster),
    "card remove": (Step.AMBITION, card_remove),
    "card vote taken back": (Step.AMBITION, card_vote),
    "vote budget": (Step.AMBITION, vote_budget),
    "statement": (Step.AMBITION, statement),
    "goal": (Step.AMBITION, goal),
    "interest add": (Step.INTERESTS, interest_add),
    "interest edit": (Step.INTERESTS, interest_edit),
    "interest private": (Step.INTERESTS, interest_private),
    "interest link": (Step.INTERESTS, interest_link),
    "principle add": (Step.PRINCIPLES, principle_add),
    "principle edit": (Step.PRINCIPLES, principle_edit),
    "principle reorder": (Step.PRINCIPLES, principle_reorder),
    "principle remove": (Step.PRINCIPLES, principle_remove),
    "consent decision": (Step.RULES, consent_decision),
    "organising choice": (Step.ORGANISING, organising_choice),
    "action add": (Step.ROADMAP, action_add),
    "action edit": (Step.ROADMAP, action_edit),
    "action phase": (Step.ROADMAP, action_phase),
    "action remove": (Step.ROADMAP, action_remove),
    "milestone": (Step.ROADMAP, milestone),
    "evaluation series": (Step.ROADMAP, evaluation_series),
    "signature": (Step.SIGNING, signature),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_undo_and_redo_restore_the_exact_session(qtbot: QtBot, document: SessionDocument,
                                                 kind: str) -> None:
    step, act = KINDS[kind]
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{STEPS.index(step) + 1}"), CTRL)
    assert window.current_step() is step
    stack = document.undo_stack
    start = stack.index()
    before = document.session.model_dump()

    act(qtbot, window)

    after = document.session.model_dump()
    assert after != before, f"{kind}: nothing changed"
    steps = stack.index() - start
    assert steps == 1, f"{kind}: {steps} undo steps"
    stack.undo()
    assert document.session.model_dump() == before
    stack.redo()
    assert document.session.model_dump() == after
    stack.undo()
    assert document.session.model_dump() == before
    window.close()


def test_signatures_are_checked_only_when_the_agreement_can_change(
        make_document: Callable[..., SessionDocument]) -> None:
    """Edits of what the agreement does not print (cards, clusters, dots, links between
    interests, diagnostics) skip the fingerprint: they must indeed leave it as it is."""
    from samples import demo_session

    from workshop.domain.fingerprint import UNPRINTED_AREAS, fingerprint
    from workshop.domain.model import (
        Card,
        Cluster,
        Diagnostics,
        InterestLink,
        LinkKind,
        Session,
        Signature,
    )

    session = demo_session()
    signed = fingerprint(session)
    session.signatures.append(Signature(id="sig-1", participant_id="p-anna", fingerprint=signed,
                                        signed_at=dt.datetime(2026, 3, 12, 16, 0)))
    document = make_document(session)
    voided: list[list[str]] = []
    document.sig_signatures_voided.connect(lambda names, _label: voided.append(names))

    def unprinted(s: Session) -> None:
        s.ambition.clusters.append(Cluster(id="cl-new", name="Nieuw"))
        s.ambition.cards.append(Card(id="k-new", text="Nieuw kaartje", cluster_id="cl-new"))
        s.ambition.vote_budget += 1
        s.interests.links.append(InterestLink(id="l-new", a_id=s.interests.items[0].id,
                                              b_id=s.interests.items[-1].id,
                                              kind=LinkKind.OVERLAP))
        s.diagnostics = Diagnostics()  # every score and mark gone

    assert {"ambition.cards", "ambition.clusters", "ambition.votes", "ambition.vote_budget",
            "interests.links", "diagnostics"} <= UNPRINTED_AREAS
    assert document.edit("unprinted", ("ambition.clusters", "ambition.cards",
                                       "ambition.vote_budget", "interests.links",
                                       "diagnostics"), unprinted)
    assert fingerprint(document.session) == signed == document.fingerprint()
    assert voided == []

    def printed(s: Session) -> None:
        s.ambition.statement += " Echt."

    assert document.edit("printed", ("ambition.statement",), printed)
    assert voided == [["Anna de Vries"]]
    assert document.fingerprint() == fingerprint(document.session) != signed
    document.undo_stack.undo()  # the cached fingerprint follows undo and redo
    assert document.fingerprint() == signed
    document.undo_stack.redo()
    assert document.fingerprint() == fingerprint(document.session) != signed


def test_the_step_list_shows_the_signing_state_from_the_kept_fingerprint(
        qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    """The step list takes the document's fingerprint instead of computing it again; the
    state it shows is the domain's ``step_state`` for every case."""
    from samples import demo_session

    from workshop.domain.fingerprint import fingerprint
    from workshop.domain.model import Session, Signature
    from workshop.domain.progress import StepState, step_state

    session = demo_session()
    document = make_document(session)
    window = MainWindow(document)
    qtbot.addWidget(window)
    row = STEPS.index(Step.SIGNING)

    def shown() -> str:
        return str(window.navigator.item(row).data(Qt.ItemDataRole.UserRole))

    def sign(pids: list[str]) -> None:
        def mutate(s: Session) -> None:
            s.signatures = [Signature(id=f"sig-{pid}", participant_id=pid,
                                      fingerprint=fingerprint(s),
                                      signed_at=dt.datetime(2026, 3, 12, 16, 0))
                            for pid in pids]
        document.edit("sign", ("signatures",), mutate)

    present = [p.id for p in document.session.participants if p.present]
    expected = [StepState.NOT_STARTED, StepState.IN_PROGRESS, StepState.AGREED]
    for pids, state in zip(([], present[:2], present), expected, strict=True):
        if pids:
            sign(pids)
        current = document.session
        assert step_state(current, Step.SIGNING, document.fingerprint()) \
            is step_state(current, Step.SIGNING) is state
        assert shown() == state.value

    def amend(s: Session) -> None:
        s.principles[0].text += " Echt."

    document.edit("amend", ("principles",), amend)  # every signature void
    assert step_state(document.session, Step.SIGNING) is StepState.IN_PROGRESS
    assert shown() == StepState.IN_PROGRESS.value
    document.undo_stack.undo()
    assert shown() == StepState.AGREED.value
    window.close()
