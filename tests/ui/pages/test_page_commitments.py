"""Commitments on the Organising page, driven through the real widgets: contributions,
roles, year plans and closing clauses typed in reach the saved file (in English and in
Dutch), each kind of edit undoes and redoes exactly, hostile text stays plain text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from drive import activate, enter, focused, paste, show_page, tab
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from samples import demo_session

from workshop.domain.model import (
    ClauseKind,
    Commitments,
    ContributionKind,
    Owner,
    Period,
    RoleKind,
    Session,
)
from workshop.domain.templates import clause_templates
from workshop.i18n import set_language
from workshop.ui.document import SessionDocument
from workshop.ui.pages.organising.clauses import ClausePicker
from workshop.ui.pages.organising.page import OrganisingPage

Saved = Callable[[SessionDocument], Session]
# The offscreen platform says these when a completer's popup opens (the holder picker).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")
HOSTILE = "<b>bold</b> &amp; 😀 مرحبا שלום"


@pytest.fixture
def bare(make_document: Callable[..., SessionDocument]) -> SessionDocument:
    """The demo session without any commitments."""
    session = demo_session()
    session.commitments = Commitments()
    return make_document(session)


@pytest.fixture(params=["en", "nl"])
def lang(request: pytest.FixtureRequest) -> str:
    set_language(request.param)
    return str(request.param)


def open_page(qtbot: QtBot, document: SessionDocument, tab: str) -> OrganisingPage:
    page = show_page(qtbot, OrganisingPage(document), (1106, 648))
    page.show_section(getattr(page, tab))
    return page




# --- contributions ---------------------------------------------------------------------


def test_contributions_typed_reach_the_file(qtbot: QtBot, bare: SessionDocument,
                                            saved: Saved, lang: str) -> None:
    page = open_page(qtbot, bare, "contributions")
    section = page.contributions
    qtbot.waitUntil(lambda: section.organisation.hasFocus())
    qtbot.keyClick(section.organisation, Qt.Key.Key_Down)  # the second organisation
    kind = tab(qtbot)
    assert kind is section.kind
    qtbot.keyClick(kind, Qt.Key.Key_Down)  # money
    assert tab(qtbot) is section.amount
    qtbot.keyClicks(section.amount, "1.200,50" if lang == "nl" else "1,200.50")
    assert tab(qtbot) is section.period
    qtbot.keyClick(section.period, Qt.Key.Key_Home)  # one-off
    assert tab(qtbot) is section.description
    paste(qtbot, HOSTILE, section.description)
    enter(qtbot)
    # The cursor is back where the next contribution starts.
    qtbot.waitUntil(lambda: section.organisation.hasFocus())
    assert section.amount.text() == section.description.text() == ""
    qtbot.keyClick(section.organisation, Qt.Key.Key_Home)  # the first organisation
    section.kind.setFocus()
    qtbot.keyClick(section.kind, Qt.Key.Key_Home)  # people
    section.amount.setFocus()
    qtbot.keyClicks(section.amount, "16")
    section.period.setFocus()
    assert section.period.currentData() == "one_off"  # kept from the last one
    qtbot.keyClick(section.period, Qt.Key.Key_Down)  # month
    enter(qtbot, section.period)  # Enter anywhere in the row adds

    orgs = bare.session.organisations()
    got = [(c.organisation, c.kind, c.amount, c.period, c.description)
           for c in saved(bare).commitments.contributions]
    assert got == [(orgs[1], ContributionKind.MONEY, 1200.5, Period.ONE_OFF, HOSTILE),
                   (orgs[0], ContributionKind.PEOPLE, 16.0, Period.MONTH, "")]
    # The list shows the hostile text as typed, and the totals are per year.
    assert section.table.item(0, 4).text() == HOSTILE
    texts = [section.totals_table.item(r, c).text() if section.totals_table.item(r, c)
             else "" for r in range(section.totals_table.rowCount()) for c in range(5)]
    assert "192" in texts  # 16 hours a month
    assert ("€ 1.200,50" if lang == "nl" else "€ 1,200.50") in texts  # one-off, apart


def test_an_amount_that_is_no_number_is_refused_and_kept(qtbot: QtBot, bare: SessionDocument,
                                                         saved: Saved) -> None:
    page = open_page(qtbot, bare, "contributions")
    section = page.contributions
    messages: list[str] = []
    page.sig_message.connect(messages.append)
    section.amount.setFocus()
    qtbot.keyClicks(section.amount, "lots")
    enter(qtbot)
    assert messages and "lots" in messages[-1]
    assert section.amount.hasFocus() and section.amount.text() == "lots"
    assert saved(bare).commitments.contributions == []


def test_amount_and_description_are_edited_in_the_list(qtbot: QtBot,
                                                       document: SessionDocument,
                                                       saved: Saved) -> None:
    page = open_page(qtbot, document, "contributions")
    table = page.contributions.table
    first = document.session.commitments.contributions[0]
    table.setFocus()
    table.setCurrentCell(0, 2)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = focused()
    assert editor is not None and editor is not table
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "750")
    enter(qtbot, editor)
    qtbot.waitUntil(lambda: document.session.commitments.contributions[0].amount == 750.0)
    assert saved(document).commitments.contributions[0].amount == 750.0
    assert saved(document).commitments.contributions[0].description == first.description


# --- roles -------------------------------------------------------------------------------


def test_roles_typed_reach_the_file(qtbot: QtBot, bare: SessionDocument, saved: Saved,
                                    lang: str) -> None:
    page = open_page(qtbot, bare, "roles")
    section = page.roles
    qtbot.waitUntil(lambda: section.new_kind.hasFocus())
    qtbot.keyClick(section.new_kind, Qt.Key.Key_End)  # representative
    enter(qtbot)
    qtbot.waitUntil(lambda: section.holder.hasFocus())
    qtbot.keyClicks(section.holder.lineEdit(), "Gemeente Waalzoom")
    assert tab(qtbot) is section.theme
    qtbot.keyClicks(section.theme, "Wonen en zorg")
    assert tab(qtbot) is section.term
    qtbot.keyClicks(section.term, "Two years")
    assert tab(qtbot) is section.represents
    for row in (1, 2):
        section.represents.setCurrentRow(row)
        qtbot.keyClick(section.represents, Qt.Key.Key_Space)
    assert tab(qtbot) is section.mandate
    paste(qtbot, HOSTILE, section.mandate)
    # A second role, a chair.
    section.new_kind.setFocus()
    qtbot.keyClick(section.new_kind, Qt.Key.Key_Home)
    enter(qtbot)
    qtbot.waitUntil(lambda: section.holder.hasFocus())
    qtbot.keyClicks(section.holder.lineEdit(), "anna")
    qtbot.keyClick(section.holder.lineEdit(), Qt.Key.Key_Tab)

    orgs = bare.session.organisations()
    roles = saved(bare).commitments.roles
    assert [(r.kind, r.holder, r.theme, r.term, r.represents, r.mandate) for r in roles] == [
        (RoleKind.REPRESENTATIVE, Owner(kind="organisation", ref="Gemeente Waalzoom"),
         "Wonen en zorg", "Two years", orgs[1:3], HOSTILE),
        (RoleKind.CHAIR, Owner(kind="participant", ref="p-anna"), "", "", [], "")]
    assert section.table.item(0, 1).text() == "Gemeente Waalzoom"


# --- year plans ----------------------------------------------------------------------------


def test_year_plans_typed_reach_the_file(qtbot: QtBot, bare: SessionDocument, saved: Saved,
                                         lang: str) -> None:
    page = open_page(qtbot, bare, "year_plans")
    section = page.year_plans
    qtbot.waitUntil(lambda: section.organisation.hasFocus())
    qtbot.keyClick(section.organisation, Qt.Key.Key_Down)
    assert tab(qtbot) is section.text
    qtbot.keyClicks(section.text, "Put the programme in the 2027 year plan")
    assert tab(qtbot) is section.due
    qtbot.keyClicks(section.due, "1-12-2026")
    enter(qtbot)
    # The cursor waits for the next item of the same organisation.
    qtbot.waitUntil(lambda: section.text.hasFocus())
    paste(qtbot, HOSTILE, section.text)
    enter(qtbot)
    orgs = bare.session.organisations()
    got = [(y.organisation, y.text, y.due) for y in saved(bare).commitments.year_plans]
    assert got == [(orgs[1], "Put the programme in the 2027 year plan", dt.date(2026, 12, 1)),
                   (orgs[1], HOSTILE, None)]
    assert section.table.item(1, 1).text() == HOSTILE
    assert orgs[0] in section.missing.text() and orgs[1] not in section.missing.text()


# --- clauses ---------------------------------------------------------------------------------


def open_library(qtbot: QtBot, page: OrganisingPage) -> ClausePicker:
    section = page.clauses
    section.library_button.setFocus()
    qtbot.keyClick(section.library_button, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: section.picker is not None and section.picker.isVisible())
    assert section.picker is not None
    return section.picker


def test_clauses_from_the_library_edited_written_and_moved_reach_the_file(
        qtbot: QtBot, bare: SessionDocument, saved: Saved, lang: str) -> None:
    bare.session.details.language = "en" if lang == "nl" else "nl"  # not the UI's
    page = open_page(qtbot, bare, "clauses")
    section = page.clauses
    picker = open_library(qtbot, page)
    effort = next(t for t in clause_templates() if t.key == "clause.nature-effort")
    # The library lists by kind, with the note on what a clause is for.
    notes = [picker.tree.topLevelItem(0).child(i).text(1)
             for i in range(picker.tree.topLevelItem(0).childCount())]
    assert effort.note(lang) in notes
    qtbot.keyClicks(picker.search, "leav" if lang == "en" else "uittred")
    enter(qtbot, picker.search)
    qtbot.waitUntil(lambda: section.picker is None)
    session_lang = bare.session.details.language
    leaving = next(t for t in clause_templates() if t.kind is ClauseKind.LEAVING)
    # Edit the text: Enter in the list goes into the text.
    qtbot.waitUntil(lambda: section.table.hasFocus())
    enter(qtbot, section.table)
    assert section.text.hasFocus()
    qtbot.keyClicks(section.text, " Six months' notice.")
    # Write a new one and move it to the top.
    section.new_edit.setFocus()
    paste(qtbot, HOSTILE, section.new_edit)
    enter(qtbot)
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    clauses = saved(bare).commitments.clauses
    assert [(c.kind, c.text, c.template_key) for c in clauses] == [
        (ClauseKind.OTHER, HOSTILE, ""),
        (ClauseKind.LEAVING, leaving.text(session_lang) + " Six months' notice.", leaving.key)]
    assert section.table.item(0, 1).text() == HOSTILE
    # Delete removes the selected one.
    qtbot.keyClick(section.table, Qt.Key.Key_Delete)
    assert [c.template_key for c in saved(bare).commitments.clauses] == [leaving.key]


# --- undo and redo -------------------------------------------------------------------------


def _check_undo_redo(document: SessionDocument, act: Callable[[], None]) -> None:
    before = document.session.model_dump()
    steps = document.undo_stack.count()
    act()
    after = document.session.model_dump()
    assert after != before
    assert document.undo_stack.count() == steps + 1  # one undo step, however many keys
    document.undo_stack.undo()
    assert document.session.model_dump() == before
    document.undo_stack.redo()
    assert document.session.model_dump() == after
    document.undo_stack.undo()
    assert document.session.model_dump() == before


EDITS = ["add contribution", "remove contribution", "amount", "add role", "role holder",
         "role represents", "role mandate typed", "add year plan", "clause from library",
         "clause text typed", "clause moved", "clause kind"]


@pytest.mark.parametrize("edit", EDITS)
def test_each_kind_of_edit_undoes_and_redoes_exactly(qtbot: QtBot, document: SessionDocument,
                                                    edit: str) -> None:
    where = {"contribution": "contributions", "amount": "contributions", "role": "roles",
             "year": "year_plans", "clause": "clauses"}
    page = open_page(qtbot, document, next(v for k, v in where.items() if k in edit))

    def act() -> None:
        if edit == "add contribution":
            s = page.contributions
            s.amount.setFocus()
            qtbot.keyClicks(s.amount, "300")
            enter(qtbot)
        elif edit == "remove contribution":
            page.contributions.table.setFocus()
            page.contributions.table.setCurrentCell(1, 0)
            qtbot.keyClick(page.contributions.table, Qt.Key.Key_Delete)
        elif edit == "amount":
            table = page.contributions.table
            table.setCurrentCell(0, 2)
            table.item(0, 2).setText("42")
        elif edit == "add role":
            page.roles.new_kind.setFocus()
            enter(qtbot)
        elif edit == "role holder":
            holder = page.roles.holder
            holder.setFocus()
            holder.lineEdit().selectAll()
            qtbot.keyClicks(holder.lineEdit(), "Woonstichting")
            qtbot.keyClick(holder.lineEdit(), Qt.Key.Key_Return)
        elif edit == "role represents":
            page.roles.represents.setFocus()
            page.roles.represents.setCurrentRow(4)
            qtbot.keyClick(page.roles.represents, Qt.Key.Key_Space)
        elif edit == "role mandate typed":
            page.roles.mandate.setFocus()
            qtbot.keyClicks(page.roles.mandate, " and more")
        elif edit == "add year plan":
            page.year_plans.text.setFocus()
            qtbot.keyClicks(page.year_plans.text, "Budget 2027")
            enter(qtbot)
        elif edit == "clause from library":
            used = {c.template_key for c in document.session.commitments.clauses}
            unused = next(t for t in clause_templates() if t.key not in used)
            picker = open_library(qtbot, page)
            picker.search.setText(unused.text(document.session.details.language)[:30])
            assert picker.add_button.isEnabled()
            enter(qtbot, picker.search)
            qtbot.waitUntil(lambda: page.clauses.picker is None)
        elif edit == "clause text typed":
            page.clauses.table.setFocus()
            enter(qtbot, page.clauses.table)
            qtbot.keyClicks(page.clauses.text, " Really.")
        elif edit == "clause moved":
            page.clauses.table.setFocus()
            page.clauses.table.setCurrentCell(1, 0)
            qtbot.keyClick(page.clauses.table, Qt.Key.Key_Up,
                           Qt.KeyboardModifier.ControlModifier
                           | Qt.KeyboardModifier.ShiftModifier)
        else:
            page.clauses.kind.setFocus()
            qtbot.keyClick(page.clauses.kind, Qt.Key.Key_End)

    _check_undo_redo(document, act)


def test_the_widgets_follow_an_undo(qtbot: QtBot, document: SessionDocument) -> None:
    page = open_page(qtbot, document, "clauses")
    first = document.session.commitments.clauses[0].text
    page.clauses.table.setFocus()
    enter(qtbot, page.clauses.table)
    qtbot.keyClicks(page.clauses.text, " Really.")
    assert document.session.commitments.clauses[0].text == first + " Really."
    assert page.clauses.table.item(0, 1).text() == first + " Really."
    document.undo_stack.undo()
    assert page.clauses.text.toPlainText() == first
    assert page.clauses.table.item(0, 1).text() == first


def test_tabs_in_dutch_and_the_demo_is_shown(qtbot: QtBot, document: SessionDocument) -> None:
    set_language("nl")
    page = open_page(qtbot, document, "contributions")
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["Keuzes", "Rollen", "Bijdragen", "In de eigen plannen",
                      "Slotbepalingen"]
    c = document.session.commitments
    assert page.contributions.table.rowCount() == len(c.contributions)
    assert page.roles.table.rowCount() == len(c.roles)
    assert page.year_plans.table.rowCount() == len(c.year_plans)
    assert page.clauses.table.rowCount() == len(c.clauses)
    overall = page.contributions.totals_table.item(
        page.contributions.totals_table.rowCount() - 1, 0).text()
    assert overall == "Alle partijen samen"


# --- the readiness check on the Signing page ---------------------------------------------


def test_a_missing_part_shows_on_signing_and_leads_to_its_tab(
        qtbot: QtBot, document: SessionDocument) -> None:
    from workshop.domain.labels import label
    from workshop.domain.model import Step
    from workshop.domain.scorecard import scorecard
    from workshop.ui.pages.signing.page import SigningPage

    organising = open_page(qtbot, document, "clauses")
    signing = SigningPage(document)
    qtbot.addWidget(signing)
    assert "commitments" in signing.areas  # the main window refreshes a page by its areas
    document.sig_changed.connect(signing.refresh)
    signing.resize(1366, 768)
    signing.show()
    qtbot.waitExposed(signing)
    # Remove every clause on the Organising page: the Signing page follows.
    organising.activateWindow()
    qtbot.waitUntil(organising.isActiveWindow)
    while document.session.commitments.clauses:
        organising.clauses.table.setFocus()
        qtbot.keyClick(organising.clauses.table, Qt.Key.Key_Delete)
    missing = scorecard(document.session, "en").part("clauses").missing
    tree = signing.findings_list
    lines = {tree.topLevelItem(i).text(2): i for i in range(tree.topLevelItemCount())}
    assert missing and missing[0] in lines
    item = tree.topLevelItem(lines[missing[0]])
    assert item.text(1) == label(Step.ORGANISING, "en")
    activate(qtbot, signing)  # keys go to the window in front, as on a desktop
    tree.setFocus()
    with qtbot.waitSignal(signing.sig_go_to) as jump:
        tree.setCurrentItem(item)
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert jump.args[0].step is Step.ORGANISING
    # The finding names the part; the Organising page opens its tab.
    organising.show_section(organising.roles)
    organising.show_part(item.data(0, Qt.ItemDataRole.UserRole).item_id)
    assert organising.tabs.currentWidget() is organising.clauses
