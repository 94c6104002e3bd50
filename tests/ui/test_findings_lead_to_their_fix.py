"""Every kind of readiness finding leads to the widget where it is resolved, and is
resolved there: Enter on the line in the Signing page, then the keys a facilitator
would press on the page it opens, then back on the Signing page the line is gone.

The state each case starts from is set up in the session (the test is about the way
from a finding to its fix); the fix itself goes only through the widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from drive import CTRL, activate, focused, press, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot
from samples import demo_session

from workshop.domain.model import (
    AMBITION_SUBJECT,
    ConsentRecord,
    Decision,
    Session,
    Step,
)
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import STEPS, MainWindow
from workshop.ui.pages.signing.page import SigningPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")


def lines(window: MainWindow) -> list[str]:
    page = window.pages[Step.SIGNING]
    assert isinstance(page, SigningPage)
    tree = page.findings_list
    return [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())]


def open_signing(qtbot: QtBot, window: MainWindow) -> SigningPage:
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_8, CTRL)
    page = window.pages[Step.SIGNING]
    assert isinstance(page, SigningPage) and window.current_step() is Step.SIGNING
    return page


def follow(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Enter on the finding's line."""
    page = open_signing(qtbot, window)
    page.tabs.setCurrentIndex(0)
    tree = page.findings_list
    row = next(i for i, line in enumerate(lines(window)) if text in line)
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(row))
    press(qtbot, Qt.Key.Key_Return)


def in_round(qtbot: QtBot, window: MainWindow, key: Qt.Key, participant: str | None = None
             ) -> None:
    """In the consent round that has the keyboard: on ``participant``'s row (or the first),
    press ``key``."""
    table = focused()
    round_widget = table.parent()
    while round_widget is not None and not hasattr(round_widget, "current_participant_id"):
        round_widget = round_widget.parent()
    assert round_widget is not None, f"no consent round has the keyboard ({table})"
    press(qtbot, Qt.Key.Key_Home)
    if participant is not None:
        while round_widget.current_participant_id() != participant:  # type: ignore
            press(qtbot, Qt.Key.Key_Down)
    press(qtbot, key)


def edit_cell(qtbot: QtBot, text: str) -> None:
    """In the table that has the keyboard: F2 on the current cell, type, Enter."""
    view = focused()
    assert isinstance(view, QAbstractItemView)
    press(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: view.state() == QAbstractItemView.State.EditingState)
    editor = focused()
    if hasattr(editor, "selectAll"):
        editor.selectAll()  # type: ignore[attr-defined]
    type_text(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


@dataclass
class Case:
    name: str
    setup: Callable[[Session], None]
    finding: str
    step: Step
    fix: Callable[[QtBot, MainWindow], None]
    focus: str
    """The objectName (or class name) of the widget the finding must give the keyboard."""


def _absent(s: Session) -> None:
    pass  # the demo's Henk Mulder is absent


def _nobody(s: Session) -> None:
    for p in s.participants:
        p.present = False


def _no_statement(s: Session) -> None:
    s.ambition.statement = ""


def _ambition_objection(s: Session) -> None:
    s.consents[:] = [r.model_copy(update={"decision": Decision.OBJECTION})
                     if r.subject_id == AMBITION_SUBJECT and r.participant_id == "p-joost"
                     else r for r in s.consents]


def _no_interests(s: Session) -> None:
    s.interests.links = []
    s.interests.items = [i for i in s.interests.items if i.participant_id != "p-anna"]


def _rule_objection(s: Session) -> None:
    rule = s.rules[0]
    s.consents = [r for r in s.consents if r.subject_id != rule.id]
    s.consents += [ConsentRecord(subject_id=rule.id, participant_id=p.id,
                                 decision=Decision.OBJECTION if p.id == "p-ruud"
                                 else Decision.CONSENT)
                   for p in s.participants if p.present]


def _rule_unfinished(s: Session) -> None:
    rule = s.rules[0]
    s.consents = [r for r in s.consents if r.subject_id != rule.id]
    s.consents.append(ConsentRecord(subject_id=rule.id, participant_id="p-anna",
                                    decision=Decision.CONSENT))


def _principle_amended(s: Session) -> None:
    item = s.principles[0]
    s.consents = [r for r in s.consents if r.subject_id != item.id]
    s.consents += [ConsentRecord(subject_id=item.id, participant_id=p.id,
                                 decision=Decision.CONSENT, version="0" * 16)
                   for p in s.participants if p.present]


def _no_evaluations(s: Session) -> None:
    s.roadmap.evaluations = []


def _no_mandate(s: Session) -> None:
    s.participants[0].mandate = ""


def _no_decision_rule(s: Session) -> None:
    s.organising.decision_rule = None


def _nothing(s: Session) -> None:
    pass


def fix_present(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_Space)


def fix_statement(qtbot: QtBot, window: MainWindow) -> None:
    type_text(qtbot, "Samen houden we de Waalzoom gezond.")


def fix_withdraw(participant: str) -> Callable[[QtBot, MainWindow], None]:
    def fix(qtbot: QtBot, window: MainWindow) -> None:
        in_round(qtbot, window, Qt.Key.Key_W, participant)
    return fix


def fix_rest(qtbot: QtBot, window: MainWindow) -> None:
    in_round(qtbot, window, Qt.Key.Key_R)


def fix_interest(qtbot: QtBot, window: MainWindow) -> None:
    for text in ("Erkenning", "Minder wachttijd", "Gezonde regio"):
        type_text(qtbot, text)
        press(qtbot, Qt.Key.Key_Tab)


def fix_owner(qtbot: QtBot, window: MainWindow) -> None:
    view = focused()
    assert isinstance(view, QAbstractItemView)
    from workshop.ui.pages.roadmap.actions_model import Col

    view.setCurrentIndex(view.model().index(view.currentIndex().row(), Col.OWNER))
    edit_cell(qtbot, "Gemeente Waalzoom")


def fix_evaluation(qtbot: QtBot, window: MainWindow) -> None:
    type_text(qtbot, "Evaluatie")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "1-9-2026")
    press(qtbot, Qt.Key.Key_Return)


def fix_mandate(qtbot: QtBot, window: MainWindow) -> None:
    edit_cell(qtbot, "Volledig mandaat")


def fix_decision_rule(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_Down)


def fix_agree(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_Space)


CASES = [
    Case("absent", _absent, "Henk Mulder is absent", Step.PREPARATION, fix_present,
         "participantsTable"),
    Case("nobody present", _nobody, "Nobody is marked present", Step.PREPARATION,
         fix_present, "participantsTable"),
    Case("no statement", _no_statement, "There is no ambition statement yet",
         Step.AMBITION, fix_statement, "ambitionStatement"),
    Case("ambition objection", _ambition_objection, "An objection stands against the "
         "ambition", Step.AMBITION, fix_withdraw("p-joost"), "consentTable"),
    Case("no interests", _no_interests, "No interests of Anna de Vries", Step.INTERESTS,
         fix_interest, "interestMatrix"),
    Case("principle without round", _nothing, "has had no consent round yet",
         Step.PRINCIPLES, fix_rest, "consentTable"),
    Case("principle amended", _principle_amended, "changed after its consent round",
         Step.PRINCIPLES, fix_rest, "consentTable"),
    Case("rule objection", _rule_objection, "An objection stands against the rule",
         Step.RULES, fix_withdraw("p-ruud"), "consentTable"),
    Case("rule unfinished", _rule_unfinished, "is not finished", Step.RULES, fix_rest,
         "consentTable"),
    Case("action without owner", _nothing, "Nobody owns the action", Step.ROADMAP,
         fix_owner, "roadmapActions"),
    Case("no evaluation", _no_evaluations, "No evaluation moment is planned",
         Step.ROADMAP, fix_evaluation, "roadmap-evaluations"),
    Case("mandate", _no_mandate, "The mandate of Anna de Vries is not recorded",
         Step.PREPARATION, fix_mandate, "participantsTable"),
    Case("decision rule", _no_decision_rule, "How decisions are made", Step.ORGANISING,
         fix_decision_rule, "organisingForm"),
    Case("step not agreed", _nothing, "The table has not agreed the step “Organising",
         Step.ORGANISING, fix_agree, "agreeStep"),
    Case("agreement round", _nothing, "The agreement as a whole has had no consent round",
         Step.SIGNING, fix_rest, "consentTable"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_finding_leads_to_its_fix(qtbot: QtBot, make_document: Callable[..., SessionDocument],
                                    case: Case) -> None:
    session = demo_session()
    case.setup(session)
    document = make_document(session)
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    open_signing(qtbot, window)
    before = [line for line in lines(window) if case.finding in line][:1]
    assert before, lines(window)
    follow(qtbot, window, case.finding)
    assert window.current_step() is case.step
    names = []
    widget: QWidget | None = focused()
    while widget is not None:
        names.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    assert case.focus in names, names
    case.fix(qtbot, window)
    open_signing(qtbot, window)
    assert not [line for line in lines(window) if line in before], lines(window)
    window.close()


def test_every_step_row_is_reachable() -> None:
    assert len(STEPS) == 8
