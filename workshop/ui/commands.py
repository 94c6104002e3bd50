"""Every command of the app and its keys, in one place.

The menus, their QActions and shortcuts, the key hints on screen and the key table in
README.md are all made from ``COMMANDS`` (``python -m workshop.ui.commands --markdown``
prints the table; a test fails when README's differs). A command has an id, its menu
words (a catalogue message), its keys, a context and, when it has one, a menu.

Contexts say who a key belongs to (``workshop.ui.key_context`` decides it for letters):

- ``WINDOW``: anywhere in the facilitator's window; always with a modifier or a function
  key, so it never takes a letter from someone typing.
- ``PROJECTOR``: a *room key*, a single letter (B, W, F, S) that acts on the projection
  only while nothing is typed (the ``LetterKeys`` filter, not a Qt shortcut); or a key of
  the projector window itself.
- ``LIST``: while a list of items itself has the focus (a widget shortcut on that list,
  not on a cell editor inside it): Enter, Del, arrows with Ctrl+Shift; on the ambition
  board also letters (M, N, V), which type nothing there. Also a widget shortcut on one
  field that is not a list (the ambition card entry: Ctrl+↑/↓, Alt+digits, F4), keys
  that type nothing.
- ``DIALOG``: inside one dialog or window of its own (the signing, the preview).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from workshop.i18n import N_, tr

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QMenu, QMenuBar, QWidget


class Context(Enum):
    WINDOW = "window"
    PROJECTOR = "projector"
    LIST = "list"
    DIALOG = "dialog"


@dataclass(frozen=True)
class Command:
    id: str
    label: str
    """The menu words (a catalogue message, ``&`` marks the accelerator)."""
    keys: tuple[str, ...] = ()
    """Portable key texts; the first is the one shown. ``go.step`` has one per step."""
    context: Context = Context.WINDOW
    menu: str | None = None
    """The menu it sits in (``MENUS``), in registry order; None: no menu entry."""
    standard: str | None = None
    """A ``QKeySequence.StandardKey`` to use instead of ``keys`` (the platform's keys)."""
    checkable: bool = False
    separator: bool = False
    """A separator line before it in its menu."""
    submenu: bool = False
    """A submenu filled by its owner (recent sessions, themes, canvases)."""
    hint: str | None = None
    """The short words for the on-screen key hints (a catalogue message)."""
    numbered: bool = False
    """One key per number (Ctrl+1 … Ctrl+8): shown as a range; its owner makes one action
    per key (``make_action(..., keys=[key])``)."""
    owned: bool = False
    """Its owner makes the action (the undo stack makes undo and redo, with their words
    and keys from here); ``fill_menu`` leaves its place to the owner."""

    @property
    def room_key(self) -> bool:
        """A single letter that acts on the room: it must never take a typed letter, so
        it goes through ``LetterKeys`` and is not a Qt shortcut."""
        return self.context is Context.PROJECTOR and any(_is_letter(k) for k in self.keys)


def _is_letter(key: str) -> bool:
    return len(key) == 1 and key.isalpha()


MENUS: tuple[tuple[str, str], ...] = (
    ("file", N_("&File")), ("edit", N_("&Edit")), ("go", N_("&Go")), ("view", N_("&View")),
    ("projector", N_("&Projector")))
"""The menu bar, in order (the Language menu follows, built by the window)."""

STEP_COUNT = 8

W, P, L, D = Context.WINDOW, Context.PROJECTOR, Context.LIST, Context.DIALOG
COMMANDS: dict[str, Command] = {c.id: c for c in (
    # --- File
    Command("file.new", N_("&New session…"), ("Ctrl+N",), W, "file", standard="New"),
    Command("file.open", N_("&Open…"), ("Ctrl+O",), W, "file", standard="Open"),
    Command("file.recent", N_("Open &recent"), menu="file", submenu=True),
    Command("file.demo", N_("Open the &demo"), menu="file"),
    Command("file.evaluation", N_("New e&valuation meeting…"), menu="file"),
    Command("file.save_as", N_("Save &as…"), ("Ctrl+Shift+S",), W, "file", standard="SaveAs",
            separator=True),
    Command("file.restore", N_("Restore from a &backup…"), menu="file"),
    Command("file.retention", N_("&Keeping backups…"), menu="file"),
    Command("file.close", N_("&Close session"), ("Ctrl+W",), W, "file", standard="Close"),
    Command("file.export", N_("&Export agreement and roadmap…"), ("Ctrl+E",), W, "file",
            separator=True),
    Command("file.preview", N_("Pre&view agreement…"), menu="file"),
    Command("file.paper", N_("&Print agreement on paper…"), ("Ctrl+P",), W, "file",
            standard="Print"),
    Command("file.quit", N_("&Quit"), ("Ctrl+Q",), W, "file", standard="Quit", separator=True),
    # --- Edit (the undo stack makes these two actions; the registry gives their keys)
    Command("edit.undo", N_("&Undo"), ("Ctrl+Z",), W, "edit", standard="Undo", owned=True),
    Command("edit.redo", N_("&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), W, "edit", standard="Redo",
            owned=True),
    # --- Go
    Command("go.next", N_("&Next step"), ("Ctrl+PgDown",), W, "go"),
    Command("go.previous", N_("&Previous step"), ("Ctrl+PgUp",), W, "go"),
    Command("go.step", N_("Go to step {number}"),
            tuple(f"Ctrl+{n}" for n in range(1, STEP_COUNT + 1)), W, "go", separator=True,
            numbered=True),
    Command("go.agree", N_("The table &agrees this step"), ("Ctrl+Shift+Return",), W, "go",
            separator=True),
    Command("go.timer", N_("Start or pause the &time box"), ("Ctrl+T",), W, "go",
            separator=True),
    Command("go.timer_reset", N_("&Reset the time box"), menu="go"),
    Command("go.diagnostics", N_("&Diagnostics…"), ("Ctrl+D",), W, "go", separator=True),
    Command("go.room", N_("R&oom for phones…"), menu="go"),
    Command("go.indicators", N_("Goals and &indicators…"), menu="go"),
    # --- View
    Command("view.full_screen", N_("&Full screen"), ("F11",), W, "view",
            standard="FullScreen", checkable=True),
    # --- Projector
    Command("projector.show", N_("&Show projector"), ("F5",), W, "projector", checkable=True),
    Command("projector.black", N_("&Black screen"), ("B",), P, "projector", checkable=True,
            separator=True),
    Command("projector.white", N_("&White screen"), ("W",), P, "projector", checkable=True),
    Command("projector.freeze", N_("&Freeze (the room keeps this frame)"), ("F",), P,
            "projector", checkable=True),
    Command("projector.spotlight", N_("S&potlight the item under discussion"), ("S",), P,
            "projector", checkable=True),
    Command("projector.larger", N_("&Larger text"), ("Ctrl+Shift+=", "Ctrl+Shift++"), W,
            "projector", separator=True),
    Command("projector.smaller", N_("S&maller text"), ("Ctrl+Shift+-", "Ctrl+Shift+_"), W,
            "projector"),
    Command("projector.theme", N_("&Theme"), menu="projector", submenu=True),
    Command("projector.canvas", N_("&Canvas"), menu="projector", submenu=True),
    Command("projector.anonymous", N_("&Anonymous: no names on the projection"),
            menu="projector", checkable=True),
    Command("projector.timer", N_("&Time box on the projection"), menu="projector",
            checkable=True),
    Command("projector.preview", N_("Pre&view in this window"), menu="projector",
            checkable=True),
    Command("projector.save_picture", N_("Save the canvas as a &picture…"),
            menu="projector", separator=True),
    Command("projector.unblank", N_("Show the projection again"), ("Esc",), P),
    # --- a list of principles or rules (the table on their pages)
    Command("items.edit", N_("Edit the item"), ("Return", "Enter", "F2"), L, hint=N_("edit")),
    Command("items.up", N_("Move up"), ("Ctrl+Shift+Up",), L, hint=N_("move")),
    Command("items.down", N_("Move down"), ("Ctrl+Shift+Down",), L, hint=N_("move")),
    Command("items.remove", N_("Remove"), ("Del",), L, hint=N_("remove")),
    Command("items.round", N_("Consent round"), ("Right",), L, hint=N_("consent round")),
    # --- the participants table (Preparation)
    Command("participants.up", N_("Move up"), ("Ctrl+Shift+Up",), L, hint=N_("move")),
    Command("participants.down", N_("Move down"), ("Ctrl+Shift+Down",), L, hint=N_("move")),
    Command("participants.remove", N_("Remove"), ("Del",), L, hint=N_("remove")),
    # --- the tables of Organising (roles, contributions, plans, clauses)
    Command("rows.up", N_("Move up"), ("Ctrl+Shift+Up",), L, hint=N_("move")),
    Command("rows.down", N_("Move down"), ("Ctrl+Shift+Down",), L, hint=N_("move")),
    Command("rows.remove", N_("Remove"), ("Del", "Backspace"), L, hint=N_("remove")),
    Command("rows.open", N_("Edit the cell"), ("Return", "Enter"), L, hint=N_("edit")),
    # --- Interests: the current cell's interests, and the links between interests
    Command("interests.edit", N_("Edit the interest"), ("F2", "Return", "Enter"), L,
            hint=N_("edit")),
    Command("interests.private", N_("Not for print"), ("P", "Shift+P"), L,
            hint=N_("not for print")),
    Command("interests.link", N_("Link"), ("L", "Shift+L"), L, hint=N_("link")),
    Command("interests.remove", N_("Remove"), ("Del", "Backspace"), L, hint=N_("remove")),
    Command("interests.back", N_("Back to the matrix"), ("Esc",), L,
            hint=N_("back to the matrix")),
    Command("links.note", N_("Edit the note"), ("F2", "Return", "Enter"), L,
            hint=N_("note")),
    Command("links.overlap", N_("Overlap"), ("O", "Shift+O"), L, hint=N_("overlap")),
    Command("links.tension", N_("Tension"), ("T", "Shift+T"), L, hint=N_("tension")),
    Command("links.remove", N_("Remove"), ("Del", "Backspace"), L, hint=N_("remove")),
    Command("links.back", N_("Back to the matrix"), ("Esc",), L,
            hint=N_("back to the matrix")),
    # --- Diagnostics: the spectra's marks, the forms of collaboration
    Command("spectra.clear", N_("Clear the mark"), ("Del", "Backspace"), L),
    Command("forms.toggle", N_("Tick or untick the form"), ("Space",), L),
    # --- the milestones and evaluation moments on the Roadmap page
    Command("moments.edit", N_("Edit the cell"), ("Return", "Enter"), L),
    Command("moments.remove", N_("Remove"), ("Del", "Backspace"), L),
    # --- the card entry on the Ambition page (a field, not a list: a widget shortcut on
    # it; its letters and Enter stay typing)
    Command("entry.author_previous", N_("Previous author"), ("Ctrl+Up",), L,
            hint=N_("author")),
    Command("entry.author_next", N_("Next author"), ("Ctrl+Down",), L, hint=N_("author")),
    Command("entry.author", N_("Author number {number}"),
            tuple(f"Alt+{n}" for n in range(1, 10)), L, hint=N_("author number N"),
            numbered=True),
    Command("entry.author_table", N_("The table as the author"), ("Alt+0",), L,
            hint=N_("the table")),
    Command("entry.author_list", N_("List of authors"), ("F4", "Alt+Down"), L,
            hint=N_("list of authors")),
    # --- a column of cards on the ambition board (``CardListView``)
    Command("cards.previous_column", N_("Previous column"), ("Left",), L,
            hint=N_("column")),
    Command("cards.next_column", N_("Next column"), ("Right",), L, hint=N_("column")),
    Command("cards.move_left", N_("Move the cards to the previous column"), ("Ctrl+Left",),
            L, hint=N_("move card")),
    Command("cards.move_right", N_("Move the cards to the next column"), ("Ctrl+Right",),
            L, hint=N_("move card")),
    Command("cards.move_to", N_("Move the cards to…"), ("M",), L, hint=N_("move to…")),
    Command("cards.new_cluster", N_("New cluster with the cards"), ("N",), L,
            hint=N_("new cluster")),
    Command("cards.name_cluster", N_("Name the cluster"), ("Shift+F2",), L,
            hint=N_("name cluster")),
    Command("cards.edit", N_("Edit the card"), ("F2",), L, hint=N_("edit card")),
    Command("cards.remove", N_("Remove"), ("Del",), L, hint=N_("remove")),
    Command("cards.remove_cluster", N_("Remove the cluster"), ("Shift+Del",), L,
            hint=N_("remove cluster")),
    Command("cards.dot", N_("Give a dot"), ("Space", "Shift+Space", "+", "="), L,
            hint=N_("dot")),
    Command("cards.undot", N_("Take back a dot"), ("-", "Backspace", "_"), L,
            hint=N_("take back a dot")),
    Command("cards.previous_voter", N_("Previous voter"), ("Ctrl+Up",), L,
            hint=N_("voter")),
    Command("cards.next_voter", N_("Next voter"), ("Ctrl+Down",), L, hint=N_("voter")),
    Command("cards.voter", N_("Voter number {number}"),
            tuple(f"Alt+{n}" for n in range(1, 10)), L, hint=N_("voter number N"),
            numbered=True),
    Command("cards.choose_voter", N_("Choose who is voting"), ("V",), L, hint=N_("voter")),
    Command("cards.back", N_("Back to the card entry"), ("Esc",), L,
            hint=N_("card entry")),
    # --- the actions table on the Roadmap page (``ActionsView``: a whole action selected,
    # the room keys act on it; a cell current, typing edits the cell)
    Command("actions.whole_row", N_("Select the whole action"), ("Esc", "Shift+Space"), L,
            hint=N_("the whole action (then S spotlights it)")),
    Command("actions.edit", N_("Edit the cell"), ("Return", "Enter"), L, hint=N_("edit")),
    Command("actions.remove", N_("Remove"), ("Del", "Backspace"), L, hint=N_("remove")),
    # --- the readiness list on the Signing page
    Command("findings.open", N_("Go to where it is fixed"), ("Return", "Enter", "Space"), L),
    # --- dialogs
    Command("signing.sign", N_("Sign"), ("Ctrl+Return", "Ctrl+Enter"), D),
    Command("preview.close", N_("Close"), ("Esc",), D),
)}
del W, P, L, D

KEY_TABLE: tuple[tuple[tuple[str, ...], str], ...] = (
    (("go.next", "go.previous", "go.step"), N_("next / previous step, go to step N")),
    (("edit.undo", "edit.redo"), N_("undo / redo, across all pages")),
    (("go.timer",), N_("start or pause the time box of the step")),
    (("go.agree",), N_("the table agrees this step (steps without consent rounds)")),
    (("view.full_screen",), N_("full screen")),
    (("projector.show",), N_("show or hide the projector window")),
    (("projector.black", "projector.white", "projector.freeze", "projector.spotlight"),
     N_("black screen, white screen, freeze, spotlight; never while an editor has the "
        "keyboard (a text field, a combo box, a number or date, a table cell that typing "
        "edits); in a list of items (principles, rules, cards) S spotlights the selected "
        "one")),
    (("projector.unblank",), N_("on the projector window: the projection back after black "
                                "or white")),
    (("projector.larger", "projector.smaller"), N_("larger / smaller text on the projector")),
    (("go.diagnostics",), N_("diagnostics: the five conditions scan, expectation spectra, "
                             "forms of collaboration")),
    (("file.export", "file.paper"), N_("export the agreement and roadmap PDFs, print the "
                                       "agreement on paper")),
    (("items.edit", "items.up", "items.down", "items.remove", "items.round"),
     N_("principles and rules, in their list: edit, move, remove, to the item's consent "
        "round")),
    (("entry.author_previous", "entry.author_next", "entry.author", "entry.author_table",
      "entry.author_list"),
     N_("ambition, in the new-card field: previous / next author, author number N, the "
        "table, the list of authors")),
    (("cards.move_left", "cards.move_right", "cards.move_to", "cards.new_cluster",
      "cards.name_cluster", "cards.dot", "cards.undot", "cards.previous_voter",
      "cards.next_voter"),
     N_("ambition board, on a column of cards: move cards to the previous / next column or "
        "to a cluster by name, new cluster, name the cluster, give / take back a dot, "
        "previous / next voter")),
    (("actions.whole_row",), N_("roadmap actions: select the whole action (or click its "
                                "number), where S spotlights it and B/W/F act; a clicked "
                                "cell, Enter or ←/→ go back to editing cells")),
    (("signing.sign",), N_("signing: the signature on the pad is given")),
)
"""README's key table: which commands each row names, and what they do."""

_SHOWN = {"Return": "Enter", "Up": "↑", "Down": "↓", "Right": "→", "Left": "←"}
_ARROWS = "↑↓→←"


def shown_key(key: str) -> str:
    """A key as people read it: Enter for Return, arrows as arrows."""
    return "+".join(_SHOWN.get(part, part) if part else "+"
                    for part in re.split(r"\+(?=.)", key))


def keys_text(command: Command) -> str:
    """The keys of one command: the first, others in brackets; a step family as a range."""
    keys = [shown_key(k) for k in command.keys]
    keys = list(dict.fromkeys(k for k in keys))  # Return and Enter read the same
    if not keys:
        return ""
    if command.numbered:
        return f"{keys[0]} … {keys[-1]}"
    if len(keys) == 1:
        return keys[0]
    return f"{keys[0]} ({', '.join(keys[1:])})"


def _joined(texts: list[str]) -> str:
    """``Ctrl+Shift+↑`` and ``Ctrl+Shift+↓`` as ``Ctrl+Shift+↑↓``; others with " / "."""
    if len(texts) == 2:
        a, b = texts
        if a[:-1] == b[:-1] and a[-1] in _ARROWS and b[-1] in _ARROWS:
            return a + b[-1]
    return " / ".join(texts)


def markdown_table(lang: str = "en") -> str:
    """README's key table, in ``lang``."""
    from workshop.i18n import current_language, set_language

    before = current_language()
    set_language(lang)  # type: ignore[arg-type]
    try:
        lines = [f"| {tr('keys')} | {tr('what they do')} |", "| --- | --- |"]
        for ids, words in KEY_TABLE:
            keys = [keys_text(COMMANDS[i]) for i in ids]
            if all(COMMANDS[i].room_key for i in ids):
                keys_cell = " / ".join(keys)
            else:
                keys_cell = _joined(keys) if len(keys) == 2 else ", ".join(keys)
            lines.append(f"| {keys_cell} | {tr(words)} |")
    finally:
        set_language(before)
    return "\n".join(lines) + "\n"


def key_hint(*groups: Iterable[str] | str, colon: bool = True) -> str:
    """On-screen key hints: ``key_hint("items.edit", ("items.up", "items.down"))`` gives
    "Enter: edit · Ctrl+Shift+↑↓: move" ("Enter edit · ..." without ``colon``); words in
    the current language."""
    parts = []
    for group in groups:
        ids = [group] if isinstance(group, str) else list(group)
        commands = [COMMANDS[i] for i in ids]
        keys = _joined([keys_text(c) if c.numbered else shown_key(c.keys[0])
                        for c in commands])
        words = commands[0].hint or commands[0].label
        parts.append(f"{keys}{':' if colon else ''} {tr(words)}")
    return " · ".join(parts)


# --- Qt: actions and menus from the registry ---------------------------------------------


def shortcuts(command: Command) -> list[QKeySequence]:
    """The keys of ``command``: those the registry lists (the ones the key hints and the
    README promise, the first shown in the menu), then what the platform's standard key
    adds (Redo is Ctrl+Y alone on some platforms, Quit has no key on Windows)."""
    from PySide6.QtGui import QKeySequence

    keys = [QKeySequence(k) for k in command.keys]
    if command.standard is not None:
        keys += [k for k in QKeySequence.keyBindings(
            getattr(QKeySequence.StandardKey, command.standard)) if k not in keys]
    return keys


def make_action(command_id: str, parent: QWidget, slot: Callable[..., object] | None = None,
                *, text: str | None = None, keys: Iterable[str] | None = None) -> QAction:
    """The QAction of a command: its words, its keys (in its context), its slot.

    A ``LIST`` or ``DIALOG`` command's keys act only while ``parent`` (or a child) has the
    focus; a room key gets no shortcut at all (the ``LetterKeys`` filter triggers it) and
    its letter is shown beside the menu words.
    """
    from PySide6.QtGui import QAction, QKeySequence

    command = COMMANDS[command_id]
    action = QAction(text if text is not None else tr(command.label), parent)
    action.setObjectName(command.id)
    action.setCheckable(command.checkable)
    if command.room_key:
        action.setText(action.text() + "\t" + command.keys[0])
    elif keys is not None:
        action.setShortcuts([QKeySequence(k) for k in keys])
    else:
        action.setShortcuts(shortcuts(command))
    if command.context is not Context.WINDOW and not command.room_key:
        # Here, not at the top: the window's own menus need no ``Qt`` (its first import
        # makes ~90 enums, 20 ms before the first window; see workshop.ui.main_window).
        from PySide6.QtCore import Qt

        action.setShortcutContext({
            # The list itself, not its children: Enter and Del in a cell's editor stay
            # the editor's.
            Context.LIST: Qt.ShortcutContext.WidgetShortcut,
            Context.DIALOG: Qt.ShortcutContext.WidgetWithChildrenShortcut,
            Context.PROJECTOR: Qt.ShortcutContext.WindowShortcut,
        }[command.context])
        parent.addAction(action)
    if slot is not None:
        action.triggered.connect(slot)
    return action


def fill_menu(menu_id: str, menu: QMenu,
              slots: Mapping[str, Callable[..., object]]) -> dict[str, QAction | QMenu]:
    """The registry's entries of one menu into ``menu``: actions (connected to
    ``slots[id]``) and empty submenus for their owners to fill. ``go.step`` gives one
    entry per step: ``slots["go.step"]`` is called with the step's number and returns
    its (words, slot). The actions belong to the menu: rebuilding the menus after a
    language switch leaves no old shortcut behind."""
    made: dict[str, QAction | QMenu] = {}
    for command in COMMANDS.values():
        if command.menu != menu_id or command.owned:
            continue
        if command.separator:
            menu.addSeparator()
        if command.submenu:
            made[command.id] = menu.addMenu(tr(command.label))
        elif command.id == "go.step":
            for number, key in enumerate(command.keys, start=1):
                entry = slots[command.id](number)
                assert isinstance(entry, tuple)
                words, slot = entry
                action = make_action(command.id, menu, slot, text=words, keys=[key])
                menu.addAction(action)
                made[f"{command.id}.{number}"] = action
        else:
            action = make_action(command.id, menu, slots.get(command.id))
            menu.addAction(action)
            made[command.id] = action
    return made


def action_of(made: Mapping[str, QAction | QMenu], command_id: str) -> QAction:
    """The action ``fill_menu`` made for ``command_id`` (not a submenu)."""
    from PySide6.QtGui import QAction

    action = made[command_id]
    assert isinstance(action, QAction), command_id
    return action


def add_menu(bar: QMenuBar, menu_id: str, slots: Mapping[str, Callable[..., object]]
             ) -> tuple[QMenu, dict[str, QAction | QMenu]]:
    """One menu of ``MENUS`` on ``bar``, filled from the registry."""
    menu = bar.addMenu(tr(dict(MENUS)[menu_id]))
    return menu, fill_menu(menu_id, menu, slots)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m workshop.ui.commands",
        description="The app's commands and keys (the registry the menus are made from).")
    parser.add_argument("--markdown", action="store_true",
                        help="print README's key table")
    parser.add_argument("--lang", choices=("en", "nl"), default="en")
    args = parser.parse_args(argv)
    if args.markdown:
        sys.stdout.write(markdown_table(args.lang))
        return 0
    for command in COMMANDS.values():
        print(f"{command.id:24} {command.context.value:9} {keys_text(command):28} "
              f"{command.menu or '':10} {'room key' if command.room_key else ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
