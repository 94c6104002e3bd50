"""Leading principles and rules of play, driven through the real widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from samples import demo_session, large_session

from workshop.domain.consent import outcome, text_version
from workshop.domain.model import (
    AgreementItem,
    ConsentRecord,
    Decision,
    ObjectionResolution,
    Outcome,
    Session,
)
from workshop.domain.readiness import readiness, short
from workshop.domain.templates import principle_templates, rule_templates
from workshop.i18n import catalogue, set_language
from workshop.ui.document import SessionDocument
from workshop.ui.pages.items.page import AgreementItemsPage, PrinciplesPage, RulesPage
from workshop.ui.pages.items.templates import TemplatePicker

Saved = Callable[[SessionDocument], Session]
PRESENT = 8  # in the demo; Henk is absent


def _page(qtbot: QtBot, document: SessionDocument,
          cls: type[AgreementItemsPage] = PrinciplesPage) -> AgreementItemsPage:
    page = cls(document)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.refresh(frozenset())
    # The main window refreshes every page after each change; so do we.
    document.sig_changed.connect(page.refresh)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.focus_first()
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (page.table, page.new_edit))
    return page


def _dump(document: SessionDocument) -> dict[str, Any]:
    return document.session.model_dump()


def _undo_redo_exact(document: SessionDocument, before: dict[str, Any], steps: int = 1) -> None:
    after = _dump(document)
    assert after != before
    for _ in range(steps):
        document.undo_stack.undo()
    assert _dump(document) == before
    for _ in range(steps):
        document.undo_stack.redo()
    assert _dump(document) == after


def _picker(qtbot: QtBot, page: AgreementItemsPage) -> TemplatePicker:
    qtbot.keyClick(page.table if page.model.rows else page.new_edit, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.picker is not None and page.picker.isVisible())
    assert page.picker is not None
    qtbot.waitUntil(page.picker.search.hasFocus)
    return page.picker


def _new_session() -> Session:
    session = demo_session()
    session.principles = []
    session.rules = []
    session.consents = [c for c in session.consents if c.subject_id == "ambition"]
    return session


def test_type_a_new_principle(qtbot: QtBot, make_document: Callable[..., SessionDocument],
                              saved: Saved) -> None:
    document = make_document(_new_session())
    page = _page(qtbot, document)
    assert page.new_edit.hasFocus()  # nothing yet: the cursor waits to type the first
    assert page.empty_label.isVisible()
    before = _dump(document)
    qtbot.keyClicks(page.new_edit, "We zeggen wat we doen en doen wat we zeggen.")
    qtbot.keyClick(page.new_edit, Qt.Key.Key_Return)
    assert page.new_edit.text() == "" and page.new_edit.hasFocus()  # ready for the next
    qtbot.keyClicks(page.new_edit, "   ")
    qtbot.keyClick(page.new_edit, Qt.Key.Key_Return)  # blank: nothing added
    principles = saved(document).principles
    assert [p.text for p in principles] == ["We zeggen wat we doen en doen wat we zeggen."]
    assert principles[0].template_key is None and principles[0].source == ""
    assert page.selected_id() == principles[0].id
    assert page.round.subject_id == principles[0].id
    assert not page.empty_label.isVisible()
    _undo_redo_exact(document, before)


def test_add_from_the_library_in_the_sessions_language(
        qtbot: QtBot, make_document: Callable[..., SessionDocument], saved: Saved) -> None:
    document = make_document(_new_session())  # the demo session is Dutch
    page = _page(qtbot, document, RulesPage)
    before = _dump(document)
    picker = _picker(qtbot, page)
    qtbot.keyClicks(picker.search, "verras")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.picker is None)
    template = next(t for t in rule_templates() if t.key == "rule.no-surprises")
    rules = saved(document).rules
    assert [(r.text, r.source, r.template_key) for r in rules] == [
        (template.text_nl, template.source, template.key)]
    assert page.selected_id() == rules[0].id
    qtbot.waitUntil(page.table.hasFocus)  # focus back in the list, on the new rule
    _undo_redo_exact(document, before)

    # Several at once (Shift+Down), and the one already added is not offered again.
    picker = _picker(qtbot, page)
    qtbot.keyClicks(picker.search, "Berenschot aanspreken")
    shown = picker._choosable()
    assert template.key not in [i.data(0, Qt.ItemDataRole.UserRole) for i in shown]
    assert len(shown) >= 2
    qtbot.keyClick(picker.search, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    picker.tree.currentItem().setSelected(True)
    picker.tree.topLevelItem(0)  # the tree stays a tree of themes
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.picker is None)
    rules = saved(document).rules
    assert len(rules) == 3
    assert all(r.template_key and r.template_key.startswith("rule.") for r in rules)
    assert document.undo_stack.undoText() == "Add rules from the library"


def test_library_text_follows_the_session_not_the_ui(
        qtbot: QtBot, make_document: Callable[..., SessionDocument], saved: Saved) -> None:
    session = _new_session()
    session.details.language = "en"
    set_language("nl")  # a Dutch-speaking facilitator, an English session
    document = make_document(session)
    page = _page(qtbot, document)
    picker = _picker(qtbot, page)
    assert "Engels" in picker.findChildren(QLabel)[0].text()  # says which language
    qtbot.keyClicks(picker.search, "jaarplan")  # Dutch words find it too
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.picker is None)
    template = next(t for t in principle_templates() if t.key == "principle.own-year-plan")
    assert saved(document).principles[0].text == template.text_en


def test_library_escape_adds_nothing(qtbot: QtBot, document: SessionDocument) -> None:
    page = _page(qtbot, document, RulesPage)
    before = _dump(document)
    picker = _picker(qtbot, page)
    qtbot.keyClick(picker.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.picker is None)
    assert _dump(document) == before
    qtbot.waitUntil(page.table.hasFocus)


def test_edit_in_place_with_undo(qtbot: QtBot, document: SessionDocument,
                                 saved: Saved) -> None:
    page = _page(qtbot, document)
    assert page.table.hasFocus() and page.selected_id() == "pr-ambitie"
    before = _dump(document)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.text_edit.hasFocus()
    qtbot.keyClick(page.text_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.text_edit, "Het belang van de inwoners gaat voor.")
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(page.text_edit, "Altijd.")
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Return)
    assert page.table.hasFocus()
    assert saved(document).principles[0].text == ("Het belang van de inwoners gaat voor.\n"
                                                  "Altijd.")
    assert document.undo_stack.undoText() == "Edit a principle"
    _undo_redo_exact(document, before)

    # Esc puts the saved text back; an empty text is refused.
    messages: list[str] = []
    page.sig_message.connect(messages.append)
    saved_text = document.session.principles[0].text
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.keyClicks(page.text_edit, " extra")
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Escape)
    assert page.text_edit.toPlainText() == saved_text
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.keyClick(page.text_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Delete)
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Return)
    assert messages[-1].startswith("A principle needs words")
    assert saved(document).principles[0].text == saved_text
    assert page.text_edit.toPlainText() == saved_text


def test_leaving_the_editor_keeps_every_word(qtbot: QtBot, document: SessionDocument,
                                             saved: Saved) -> None:
    page = _page(qtbot, document)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.keyClick(page.text_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.text_edit, " Ook voor de gemeenten.")
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.table.visualRect(page.model.index(2, 1)).center())
    assert page.selected_id() == "pr-oog"
    principles = saved(document).principles
    assert principles[0].text.endswith("organisatie. Ook voor de gemeenten.")
    assert principles[2].text == demo_session().principles[2].text


def test_objection_then_amended_in_one_undoable_edit(
        qtbot: QtBot, make_document: Callable[..., SessionDocument], saved: Saved) -> None:
    document = make_document(_new_session())
    page = _page(qtbot, document, RulesPage)
    qtbot.keyClicks(page.new_edit, "We informeren elkaar vooraf.")
    qtbot.keyClick(page.new_edit, Qt.Key.Key_Return)
    rule_id = document.session.rules[0].id
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Right)  # into the consent round
    assert page.round.table.hasFocus()
    qtbot.keyClick(page.round.table, "1")
    qtbot.keyClick(page.round.table, "3")  # Joost objects
    qtbot.keyClicks(page.round.note_edit, "Vooraf kan niet altijd")
    qtbot.keyClick(page.round.note_edit, Qt.Key.Key_Return)
    qtbot.keyClick(page.round.table, "r")
    assert "Objection standing" in page.round.outcome_label.text()
    assert page.model.rows[0].state == "Objection standing"
    assert outcome(saved(document), rule_id) is Outcome.OBJECTED

    qtbot.keyClick(page.round.table, Qt.Key.Key_Escape)  # back to the list
    assert page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.resolve_check.isVisible()  # the offer, naming the objector
    assert "Joost Bakker" in page.resolve_check.text()
    before = _dump(document)
    qtbot.keyClick(page.text_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(page.text_edit, ", zodra dat mag.")
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    on_disk = saved(document)
    old_text = "We informeren elkaar vooraf."
    assert on_disk.rules[0].text == "We informeren elkaar vooraf, zodra dat mag."
    joost = next(r for r in on_disk.consents
                 if r.subject_id == rule_id and r.participant_id == "p-joost")
    assert joost.decision is Decision.OBJECTION
    assert joost.resolution is ObjectionResolution.AMENDED
    assert joost.note == "Vooraf kan niet altijd"
    # The consents were given to the old words: kept as history, the round starts again.
    assert joost.version == text_version(old_text)
    assert all(r.version == text_version(old_text) for r in on_disk.consents
               if r.subject_id == rule_id)
    [amendment] = on_disk.amendments
    assert (amendment.subject_id, amendment.before, amendment.after) == (
        rule_id, old_text, "We informeren elkaar vooraf, zodra dat mag.")
    assert outcome(on_disk, rule_id) is Outcome.OPEN
    assert page.model.rows[0].state == "Open"
    history = page.round.history_label
    assert history.isVisible()
    assert "Objected to an earlier version: Joost Bakker (“Vooraf kan niet altijd”)" \
        in history.text()
    assert "“We informeren elkaar vooraf.” became" in history.text()
    assert not page.resolve_check.isVisible()
    assert document.undo_stack.undoText() == "Amend a rule and resolve the objection"
    _undo_redo_exact(document, before)  # text, resolution and history: one step

    # The round again, on the new words: everyone consents.
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Right)
    qtbot.keyClick(page.round.table, Qt.Key.Key_Home)
    qtbot.keyClick(page.round.table, "r")
    on_disk = saved(document)
    assert outcome(on_disk, rule_id) is Outcome.AGREED
    assert page.model.rows[0].state == "Agreed"
    new_version = text_version("We informeren elkaar vooraf, zodra dat mag.")
    assert {r.participant_id for r in on_disk.consents
            if r.subject_id == rule_id and r.version == new_version} == {
        p.id for p in on_disk.participants if p.present}


def test_amending_without_resolving_asks_the_round_again(
        qtbot: QtBot, make_document: Callable[..., SessionDocument], saved: Saved) -> None:
    session = demo_session()
    session.consents = [c for c in session.consents if c.subject_id != "pr-open"]
    session.consents.append(ConsentRecord(subject_id="pr-open", participant_id="p-els",
                                          decision=Decision.OBJECTION, note="Te vaag"))
    document = make_document(session)
    page = _page(qtbot, document)
    messages: list[str] = []
    page.sig_message.connect(messages.append)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.selected_id() == "pr-open"
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.keyClicks(page.text_edit, " Elk kwartaal.")
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Return)
    assert "kept as history; hold the round again" in messages[-1]
    on_disk = saved(document)
    assert on_disk.principles[1].text.endswith(" Elk kwartaal.")
    # Els objected to other words: her objection is history, the new words need a round.
    assert outcome(on_disk, "pr-open") is Outcome.OPEN
    els = next(r for r in on_disk.consents if r.subject_id == "pr-open")
    assert els.resolution is ObjectionResolution.STANDING and els.version != text_version(
        on_disk.principles[1].text)
    assert "Objected to an earlier version: Els van den Berg (“Te vaag”)" in \
        page.round.history_label.text()
    assert not page.resolve_check.isVisible()  # nothing stands against the new words
    found = [f.message for f in readiness(on_disk, "en") if f.item_id == "pr-open"]
    assert found == [f"The leading principle “{short(on_disk.principles[1].text)}” changed "
                     "after its consent round: hold the round again on the new words."]

    # An objection to the new words; the offer as a checkbox, then plain Enter.
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Right)
    qtbot.keyClick(page.round.table, Qt.Key.Key_Home)
    qtbot.keyClick(page.round.table, "3")
    qtbot.keyClick(page.round.note_edit, Qt.Key.Key_Return)
    qtbot.keyClick(page.round.table, Qt.Key.Key_Escape)
    before = _dump(document)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.resolve_check.isVisible()
    qtbot.mouseClick(page.resolve_check, Qt.MouseButton.LeftButton,
                     pos=page.resolve_check.rect().bottomLeft() + page.resolve_check.rect()
                     .topLeft() / 2 + page.resolve_check.rect().center() * 0)
    assert page.resolve_check.isChecked()
    page.text_edit.setFocus()
    qtbot.keyClicks(page.text_edit, " Of vaker.")
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Return)
    on_disk = saved(document)
    assert outcome(on_disk, "pr-open") is Outcome.OPEN  # resolved, and asked again
    assert [a.after for a in on_disk.amendments] == [on_disk.principles[1].text]
    _undo_redo_exact(document, before)


def test_reorder_by_keys_and_buttons(qtbot: QtBot, document: SessionDocument,
                                     saved: Saved) -> None:
    page = _page(qtbot, document, RulesPage)
    order = [r.id for r in document.session.rules]
    before = _dump(document)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.table, Qt.Key.Key_Down, ctrl_shift)
    assert [r.id for r in saved(document).rules] == [order[1], order[0], *order[2:]]
    assert page.selected_id() == order[0]  # the selection moves with the item
    _undo_redo_exact(document, before)
    qtbot.keyClick(page.table, Qt.Key.Key_Up, ctrl_shift)  # back on top
    qtbot.keyClick(page.table, Qt.Key.Key_Up, ctrl_shift)  # already first: nothing
    assert [r.id for r in document.session.rules] == order
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert page.selected_id() == order[-1]
    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    assert [r.id for r in saved(document).rules][-2:] == [order[-1], order[-2]]
    assert page.table.hasFocus()


def test_remove_with_its_consent_records_and_undo(qtbot: QtBot, document: SessionDocument,
                                                  saved: Saved) -> None:
    page = _page(qtbot, document, RulesPage)
    messages: list[str] = []
    page.sig_message.connect(messages.append)
    assert page.selected_id() == "sr-verrassingen"
    assert any(c.subject_id == "sr-verrassingen" for c in document.session.consents)
    before = _dump(document)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    on_disk = saved(document)
    assert "sr-verrassingen" not in [r.id for r in on_disk.rules]
    assert not any(c.subject_id == "sr-verrassingen" for c in on_disk.consents)
    assert "Ctrl+Z" in messages[-1]
    assert page.selected_id() == "sr-informatie"  # the next one, ready to go on
    assert page.round.subject_id == "sr-informatie"
    _undo_redo_exact(document, before)
    document.undo_stack.undo()
    assert saved(document).model_dump() == before | {"view": saved(document).view.model_dump()}


def test_the_projector_follows_the_selection(qtbot: QtBot, document: SessionDocument) -> None:
    page = _page(qtbot, document)
    with qtbot.waitSignal(page.sig_highlight) as blocker:
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert blocker.args == ["pr-open"]
    assert page.round.subject_id == "pr-open"
    assert "open over onze eigen rol" in page.subject_label.text()


def test_hostile_items_are_shown_as_typed(qtbot: QtBot,
                                          make_document: Callable[..., SessionDocument],
                                          saved: Saved) -> None:
    session = demo_session()
    hostile = "<b>vet</b> \u202eRTL 🙂 " + "lang " * 1_900  # 9.5k: what an item holds
    session.principles.insert(0, AgreementItem(id="pr-x", text=hostile, source="<i>x</i>"))
    document = make_document(session)
    page = _page(qtbot, document)
    assert page.selected_id() == "pr-x"
    assert page.text_edit.toPlainText() == hostile  # all of it, to edit
    assert page.subject_label.textFormat() == Qt.TextFormat.PlainText
    assert page.subject_label.text().startswith("<b>vet</b>")
    assert len(page.model.data(page.model.index(0, 1))) <= 600  # the list shows a part
    page.grab()  # paints without trouble
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Return)  # unchanged: no edit
    assert saved(document).principles[0].text == hostile


@pytest.mark.parametrize("cls", [PrinciplesPage, RulesPage])
def test_dutch_page_shows_no_english(qtbot: QtBot, document: SessionDocument,
                                     cls: type[AgreementItemsPage]) -> None:
    set_language("nl")
    page = _page(qtbot, document, cls)
    picker = _picker(qtbot, page)
    dutch = catalogue("nl")
    english = {k for k, v in dutch.items() if k != v and len(k) > 3}
    texts: list[str] = []
    for widget in [*page.findChildren(QWidget), *picker.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        texts.append(widget.placeholderText() if hasattr(widget, "placeholderText") else "")
    for model in (page.model, page.round.model):
        texts += [str(model.headerData(c, Qt.Orientation.Horizontal))
                  for c in range(model.columnCount())]
        texts += [str(model.data(model.index(r, c))) for r in range(model.rowCount())
                  for c in range(model.columnCount())]
    left = [t for t in texts if t in english]
    assert left == []
    assert "Akkoord" in page.model.rows[0].state
    QApplication.processEvents()
    picker.reject()


def test_a_consent_in_a_large_session_changes_only_its_own_rows(
        qtbot: QtBot, make_document: Callable[..., SessionDocument], saved: Saved) -> None:
    """How fast: tests/bench/bench_pages.py. Here what makes it fast, as a user sees it:
    nothing is rebuilt, so the cursor, the scroll position and the text stay put."""
    document = make_document(large_session(), name="large")
    page = _page(qtbot, document)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Right)  # into the round
    round_ = page.round
    qtbot.waitUntil(round_.table.hasFocus)
    events: list[tuple[str, int, int]] = []
    for name, model in (("items", page.model), ("round", round_.model)):
        model.modelReset.connect(lambda name=name: events.append((name, -1, -1)))
        model.dataChanged.connect(
            lambda a, b, _roles, name=name: events.append((name, a.row(), b.row())))
    item_row = page.table.currentIndex().row()
    subject = page.selected_id()
    person_row = round_.table.currentIndex().row()
    person = round_.model.rows[person_row]
    text_edit = page.text_edit.document()
    key = "1" if person.record is not None and person.record.decision is Decision.CONCERN \
        else "2"
    qtbot.keyClick(round_.table, key)

    assert sorted(events) == [("items", item_row, item_row), ("round", person_row, person_row)]
    assert page.table.currentIndex().row() == item_row and page.selected_id() == subject
    assert page.text_edit.document() is text_edit
    record = next(r for r in saved(document).consents
                  if r.subject_id == subject and r.participant_id == person.participant_id)
    assert record.decision is (Decision.CONSENT if key == "1" else Decision.CONCERN)


def test_in_the_main_window_with_its_undo(qtbot: QtBot, document: SessionDocument,
                                          saved: Saved) -> None:
    from workshop.domain.model import Step
    from workshop.ui.main_window import MainWindow

    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.pages[Step.RULES]
    assert isinstance(page, RulesPage)
    qtbot.waitUntil(page.table.hasFocus)  # arriving on the step: the list, ready
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    before = _dump(document)
    qtbot.keyClick(page.table, Qt.Key.Key_Right)
    qtbot.keyClick(page.round.table, "2")  # in the round: Anna now has a concern
    concern = _dump(document)
    qtbot.keyClicks(page.round.note_edit, "Hoe snel is vooraf")
    qtbot.keyClick(page.round.note_edit, Qt.Key.Key_Return)
    noted = _dump(document)
    qtbot.keyClick(page.round.table, "x")
    qtbot.keyClick(page.round.table, Qt.Key.Key_Escape)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Ctrl+Z" in messages[-1]  # the page's message reached the status line
    assert "sr-verrassingen" not in [r.id for r in saved(document).rules]
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.row_of("sr-verrassingen") == 0
    for _ in range(2):  # the note, then the concern
        qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _dump(document) == before
    # Redo by both keys the menu and the key hints name, whatever the platform's own
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert _dump(document) == concern
    qtbot.keyClick(page.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _dump(document) == noted


def test_rows_fit_their_text_when_the_window_narrows(qtbot: QtBot,
                                                    document: SessionDocument) -> None:
    """The page sizes its rows itself (not the header on every change): a narrower
    window wraps a principle onto more lines and its row makes room, and back."""
    page = _page(qtbot, document)
    before = page.table.rowHeight(0)
    page.resize(760, 700)
    qtbot.waitUntil(lambda: page.table.rowHeight(0) > before)
    page.resize(1100, 700)
    qtbot.waitUntil(lambda: page.table.rowHeight(0) == before)


def test_rows_added_and_removed_keep_their_numbers_and_fit_their_text(
        qtbot: QtBot, document: SessionDocument) -> None:
    """A principle typed in and one removed with Del: the table shows 1, 2, 3... in
    order, and every row is as tall as its text needs (rows come and go one by one)."""
    from PySide6.QtCore import QRect

    page = _page(qtbot, document)
    table = page.table
    long_text = "Wij delen wat we weten, " * 12 + "ook als het ongemakkelijk is."
    page.new_edit.setFocus()
    qtbot.waitUntil(page.new_edit.hasFocus)
    qtbot.keyClicks(page.new_edit, long_text)
    qtbot.keyClick(page.new_edit, Qt.Key.Key_Return)
    table.setFocus()
    table.setCurrentIndex(page.model.index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    qtbot.wait(20)

    model = page.model
    texts = [p.text for p in document.session.principles]
    assert long_text.strip() in texts and len(texts) == model.rowCount()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == \
        [str(r + 1) for r in range(model.rowCount())]
    width = table.columnWidth(1)
    metrics = table.fontMetrics()
    for row in range(model.rowCount()):
        text = str(model.index(row, 1).data())
        need = metrics.boundingRect(QRect(0, 0, width - 8, 100_000),
                                    int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
                                    text).height()
        assert table.rowHeight(row) >= need, (row, table.rowHeight(row), need)
