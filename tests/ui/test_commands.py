"""One registry of commands and keys: the menus, the key hints and README's key table are
made from it, and no command takes a letter from someone typing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from drive import CTRL_SHIFT, activate, focused, press
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu
from pytestqt.qtbot import QtBot

from workshop.domain.model import Step
from workshop.i18n import set_language, tr
from workshop.ui.commands import COMMANDS, KEY_TABLE, MENUS, Context, key_hint, markdown_table
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import MainWindow
from workshop.ui.pages.ambition.page import AmbitionPage
from workshop.ui.pages.items.page import AgreementItemsPage
from workshop.ui.pages.roadmap.page import RoadmapPage
from workshop.ui.projector import Blank

ROOT = Path(__file__).resolve().parents[2]
TABLE = re.compile(r"<!-- keys:[^\n]*-->\n(.*?)<!-- /keys -->\n", re.S)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")


def _readme_table() -> str:
    found = TABLE.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert found, "README.md has no key table between <!-- keys: --> and <!-- /keys -->"
    return found.group(1)


def test_readme_key_table_is_the_registry() -> None:
    """Regenerate it with ``python -m workshop.ui.commands --markdown``."""
    made = subprocess.run([sys.executable, "-m", "workshop.ui.commands", "--markdown"],
                          capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert made == markdown_table("en")
    assert _readme_table() == made


def test_the_key_table_says_every_key_in_dutch_too() -> None:
    dutch = markdown_table("nl")
    assert dutch.splitlines()[0] == "| toetsen | wat ze doen |"
    english = markdown_table("en").splitlines()[2:]
    for row_nl, row_en in zip(dutch.splitlines()[2:], english, strict=True):
        keys_nl, words_nl = row_nl.split(" | ", 1)
        keys_en, words_en = row_en.split(" | ", 1)
        assert keys_nl == keys_en
        assert words_nl != words_en
    assert all(i in COMMANDS for ids, _words in KEY_TABLE for i in ids)


def _modifiers(key: str) -> int:
    return QKeySequence(key)[0].keyboardModifiers().value


def test_no_command_takes_a_typed_letter() -> None:
    """A key without Ctrl or Alt that types something (a letter, a digit, a sign) is
    either a room key (B, W, F, S: acting only while nothing is typed) or belongs to a
    list where typing edits nothing."""
    typing = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    for command in COMMANDS.values():
        for key in command.keys:
            printable = len(QKeySequence(key).toString()) == 1 or key == "Space"
            if printable and not _modifiers(key) & typing.value:
                assert command.room_key or command.context is Context.LIST, command.id
        if command.room_key:
            assert command.context is Context.PROJECTOR and command.menu == "projector"
            assert all(len(k) == 1 for k in command.keys), command.id


def test_no_two_window_commands_share_a_key() -> None:
    seen: dict[str, str] = {}
    for command in COMMANDS.values():
        if command.context is not Context.WINDOW:
            continue
        for key in command.keys:
            text = QKeySequence(key).toString()
            assert text not in seen, (command.id, seen.get(text))
            seen[text] = command.id


def _entries(menu: QMenu) -> list[QAction]:
    return [a for a in menu.actions() if not a.isSeparator()]


def test_the_menus_are_the_registry(qtbot: QtBot, document: SessionDocument) -> None:
    set_language("nl")
    window = MainWindow(document)
    qtbot.addWidget(window)
    bar_menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    for menu_id, title in MENUS:
        menu = bar_menus[tr(title)]
        assert isinstance(menu, QMenu)
        expected = [c for c in COMMANDS.values() if c.menu == menu_id]
        made = [a for a in _entries(menu) if a.menu() is None]
        names = [a.objectName() for a in made]
        for command in expected:
            if command.submenu:
                assert tr(command.label) in [a.text() for a in _entries(menu)]
                continue
            count = len(command.keys) if command.id == "go.step" else 1
            assert names.count(command.id) == count, command.id
            action = made[names.index(command.id)]
            if command.id != "go.step":
                assert action.text().split("\t")[0] == tr(command.label)
            if command.room_key:
                assert action.shortcut().isEmpty()  # the letter filter triggers it
                assert action.text().endswith("\t" + command.keys[0])
            elif command.keys and command.standard is None:
                assert action.shortcut() == QKeySequence(command.keys[0])
        # nothing in the menu that the registry does not know (submenus apart)
        assert set(names) <= {c.id for c in expected}, set(names)
    steps = [a for a in _entries(bar_menus[tr("&Go")]) if a.objectName() == "go.step"]
    assert [a.shortcut().toString() for a in steps] == [f"Ctrl+{n}" for n in range(1, 9)]
    window.close()


def test_the_list_keys_of_principles_are_actions_and_hinted(
        qtbot: QtBot, document: SessionDocument) -> None:
    """Through the keys: Ctrl+Shift+↓ moves the selected principle, Del removes it;
    the page's hint says the registry's keys."""
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.go_to(Step.PRINCIPLES)
    page = window.pages[Step.PRINCIPLES]
    assert isinstance(page, AgreementItemsPage)
    hints = [label.text() for label in page.findChildren(QLabel)]
    assert key_hint("items.edit", ("items.up", "items.down"), "items.remove",
                    "items.round") in hints
    page.table.setFocus()
    qtbot.waitUntil(lambda: focused() is page.table)
    page.table.selectRow(0)
    first = [p.text for p in document.session.principles]
    press(qtbot, Qt.Key.Key_Down, CTRL_SHIFT)
    qtbot.waitUntil(lambda: [p.text for p in document.session.principles]
                    == [first[1], first[0], *first[2:]])
    press(qtbot, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: [p.text for p in document.session.principles]
                    == [first[1], *first[2:]])
    window.close()


def test_esc_on_the_projector_brings_the_projection_back(
        qtbot: QtBot, document: SessionDocument) -> None:
    """B from the facilitator's window blacks the room out; Esc on the projector window
    (the registry's ``projector.unblank``) brings it back; Esc there changes nothing else."""
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    projector = window.projector_controls.controller
    projector.set_shown(True)
    qtbot.waitExposed(projector.window)
    activate(qtbot, window)
    window.navigator.setFocus()
    qtbot.waitUntil(lambda: focused() is window.navigator)
    press(qtbot, Qt.Key.Key_B)
    assert projector.blank is Blank.BLACK
    activate(qtbot, projector.window)
    projector.window.setFocus()
    qtbot.keyClick(projector.window, Qt.Key.Key_Escape)
    assert projector.blank is Blank.NONE
    qtbot.keyClick(projector.window, Qt.Key.Key_Escape)
    assert projector.blank is Blank.NONE and not projector.frozen
    projector.set_shown(False)
    window.close()


def test_esc_closes_the_agreement_shown_to_the_room(qtbot: QtBot) -> None:
    from samples import demo_session

    from workshop.export.agreement import AgreementOptions, export_agreement
    from workshop.ui.export.preview import RoomPdfWindow

    room = RoomPdfWindow(export_agreement(demo_session(), AgreementOptions()))
    qtbot.addWidget(room)
    room.show_for_room(None)
    qtbot.waitExposed(room)
    activate(qtbot, room)
    with qtbot.waitSignal(room.destroyed):
        press(qtbot, Qt.Key.Key_Escape)


def _shortcuts(widget: object, prefix: str) -> dict[str, set[str]]:
    """The registry's actions on ``widget`` whose id starts with ``prefix``: id → keys."""
    made: dict[str, set[str]] = {}
    for action in widget.actions():  # type: ignore[attr-defined]
        if action.objectName().startswith(prefix):
            made.setdefault(action.objectName(), set()).update(
                s.toString() for s in action.shortcuts())
    return made


def _registered(prefix: str) -> dict[str, set[str]]:
    return {c.id: {QKeySequence(k).toString() for k in c.keys}
            for c in COMMANDS.values() if c.id.startswith(prefix)}


def test_the_ambition_keys_are_the_registry_and_hinted(
        qtbot: QtBot, document: SessionDocument) -> None:
    """The card entry, every column of cards and the roadmap's actions table carry the
    registry's commands as actions with its keys; the ambition page's hints are
    ``key_hint``; and the keys act: Alt+0 in the card field makes the table the author,
    Enter adds the card, Ctrl+→ on the board moves it into the first cluster."""
    set_language("nl")
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.go_to(Step.AMBITION)
    page = window.pages[Step.AMBITION]
    assert isinstance(page, AmbitionPage)
    assert _shortcuts(page.entry, "entry.") == _registered("entry.")
    for column in page.board.columns.values():
        assert _shortcuts(column.view, "cards.") == _registered("cards.")
    roadmap = window.pages[Step.ROADMAP]
    assert isinstance(roadmap, RoadmapPage)
    assert _shortcuts(roadmap.table, "actions.") == _registered("actions.")
    assert key_hint(("entry.author_previous", "entry.author_next"), "entry.author",
                    "entry.author_table", "entry.author_list") in page.entry_keys.text()
    assert "Alt+1 … Alt+9: schrijver nummer N" in page.entry_keys.text()
    assert page.board.keys.text().startswith(key_hint(
        ("cards.previous_column", "cards.next_column"), ("cards.move_left", "cards.move_right"),
        colon=False))

    page.entry.setFocus()
    qtbot.waitUntil(lambda: focused() is page.entry)
    press(qtbot, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(page.entry, "Wachttijden delen")
    press(qtbot, Qt.Key.Key_Return)
    card = next(c for c in document.session.ambition.cards if c.text == "Wachttijden delen")
    assert card.author_id is None and card.cluster_id is None  # the table's, not clustered
    view = page.board.columns[None].view
    row = page.board.columns[None].model.row_of(card.id)
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, 0))
    qtbot.waitUntil(lambda: focused() is view)
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    first = document.session.ambition.clusters[0].id
    qtbot.waitUntil(lambda: next(c for c in document.session.ambition.cards
                                 if c.id == card.id).cluster_id == first)
    window.close()
