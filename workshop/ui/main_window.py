"""The facilitator's window: step navigator, the current step's page, time box, status.

With no session open it shows the start screen. The window owns the document; pages
and the projector are views of it. Switching the language rebuilds the pages at once
(all state lives in the session, so nothing is lost).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.steps import STATE_LABELS, Step, StepState, step_label
from workshop.i18n import Language, current_language, set_language, tr
from workshop.storage import settings
from workshop.ui.commands import COMMANDS, action_of, add_menu, shortcuts
from workshop.ui.must import must
from workshop.ui.qt_translations import use_qt_language
from workshop.ui.restyle import restyle
from workshop.ui.timer import TimeBoxTimer
from workshop.ui.window_place import place_window, remember_window

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from workshop.domain.model import Session
    from workshop.domain.readiness import Finding
    from workshop.ui.carry_over import PageState
    from workshop.ui.document import SessionDocument
    from workshop.ui.new_session_dialog import NewSessionDialog
    from workshop.ui.pages.base import Page
    from workshop.ui.projector_controls import ProjectorControls
    from workshop.ui.start_screen import StartScreen
    from workshop.ui.step_states import StepStates

# What the window shows before the session is read (the menus, the step list, "Opening
# FILE…") needs neither pydantic nor the session's models: those, the document and
# what shows it are imported where first used (``MainWindow.complete``), after the
# window is on screen (``workshop.ui.startup``). Nor Qt's ``Qt`` namespace: PySide6
# makes its ~90 enums as Python enums on the first ``from PySide6.QtCore import Qt``
# (20 ms here), so the functions that need it import it themselves, and so do
# QFileDialog's and QMessageBox's users. A test keeps the first window free of all
# of them (tests/ui/test_start.py).


def _preparation_page() -> type[Page]:
    from workshop.ui.pages.preparation.page import PreparationPage

    return PreparationPage


def _ambition_page() -> type[Page]:
    from workshop.ui.pages.ambition.page import AmbitionPage

    return AmbitionPage


def _interests_page() -> type[Page]:
    from workshop.ui.pages.interests.page import InterestsPage

    return InterestsPage


def _principles_page() -> type[Page]:
    from workshop.ui.pages.items.page import PrinciplesPage

    return PrinciplesPage


def _rules_page() -> type[Page]:
    from workshop.ui.pages.items.page import RulesPage

    return RulesPage


def _organising_page() -> type[Page]:
    from workshop.ui.pages.organising.page import OrganisingPage

    return OrganisingPage


def _roadmap_page() -> type[Page]:
    from workshop.ui.pages.roadmap.page import RoadmapPage

    return RoadmapPage


def _signing_page() -> type[Page]:
    from workshop.ui.pages.signing.page import SigningPage

    return SigningPage


PAGES: dict[Step, Callable[[], type[Page]]] = {
    Step.PREPARATION: _preparation_page,
    Step.AMBITION: _ambition_page,
    Step.INTERESTS: _interests_page,
    Step.PRINCIPLES: _principles_page,
    Step.RULES: _rules_page,
    Step.ORGANISING: _organising_page,
    Step.ROADMAP: _roadmap_page,
    Step.SIGNING: _signing_page,
}
"""Each step's page class, imported when the step is first shown: importing all seven
page modules at start took 1.2-1.6 s of wall time on the shared 2-core development
machine (2026-12-07), and a meeting opens on one step. Plain imports, so the
architecture tests see them."""
STEPS = list(PAGES)
SIDE_MIN_WIDTH = 180
"""The step list and the preview: "6. Organiseren en besluiten" stays readable."""

STATE_COLOURS = {
    StepState.NOT_STARTED: QColor("#8a8a8a"),
    StepState.IN_PROGRESS: QColor("#b86e00"),
    StepState.FILLED: QColor("#1f4e9a"),
    StepState.AGREED: QColor("#1b7a3a"),
}
STATE_MARKS = {StepState.NOT_STARTED: "○", StepState.IN_PROGRESS: "◐", StepState.FILLED: "◑",
               StepState.AGREED: "●"}


class Pages(dict[Step, "Page"]):
    """The pages of one document, each built on its first use (``pages[step]``).

    Building all eight up front cost about 0.4 s of every start and every language
    switch; a page nobody visited has nothing to refresh. Iterating gives the pages
    built so far.
    """

    def __init__(self, build: Callable[[Step], Page]) -> None:
        super().__init__()
        self._build = build
        self._stale: dict[Step, frozenset[str]] = {}

    def __missing__(self, step: Step) -> Page:
        page = self._build(step)
        self[step] = page
        return page

    def __getitem__(self, step: Step) -> Page:
        """The page, first brought up to date if edits happened while it was hidden."""
        page = super().__getitem__(step)
        areas = self._stale.pop(step, None)
        if areas is not None:
            page.refresh(areas)
        return page

    def refresh_later(self, step: Step, areas: frozenset[str]) -> None:
        """A hidden page: refresh it for ``areas`` (none: all) when it is next used.
        Hidden pages are not refreshed on every edit: with all eight built, each edit
        refreshed up to three views of the 2,000 consent records nobody could see."""
        known = self._stale.get(step)
        together = frozenset() if not areas or known == frozenset() else (known or areas) | areas
        self._stale[step] = together


def page_class(step: Step) -> type[Page]:
    return PAGES[step]()


class StepNavigator(QListWidget):
    """The steps of the meeting with their state and time box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepNavigator")
        self.setAccessibleName(tr("Steps of the meeting"))
        self.setIconSize(QSize(0, 0))
        self.setSpacing(2)
        self._states: StepStates | None = None  # with the first session shown
        for _ in STEPS:
            self.addItem(QListWidgetItem())

    def show_session(self, session: Session, current: Callable[[], str] | None = None,
                     areas: frozenset[str] = frozenset()) -> None:
        """``current``: the session's fingerprint when known (the document keeps it), so
        the signing step's state does not fingerprint the whole agreement once more.
        ``areas``: what changed since the last call (none: another session or all)."""
        from PySide6.QtCore import Qt  # see the module's start

        if self._states is None:
            from workshop.ui.step_states import StepStates

            self._states = StepStates()
        if not areas:
            self._states.forget()
        states = self._states.update(session, areas, current)
        minutes = {a.step: a.minutes for a in session.agenda}
        for row, step in enumerate(STEPS):
            state = states[step]
            item = self.item(row)
            item.setText(tr("{number}. {step}\n{mark} {state} · {minutes} min",
                            number=row + 1, step=step_label(step, current_language()),
                            mark=STATE_MARKS[state],
                            state=tr(STATE_LABELS[state]), minutes=minutes.get(step, 0)))
            item.setForeground(STATE_COLOURS[state] if state is not StepState.IN_PROGRESS
                               else self.palette().text().color())
            item.setData(Qt.ItemDataRole.UserRole, state.value)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text().replace("\n", ", "))


class MainWindow(QMainWindow):
    """The facilitator's workspace."""

    sig_document_changed = Signal(object)
    """A document was opened or closed (the SessionDocument or None)."""
    sig_closing = Signal()
    """The open session is about to close (the room for phones closes first)."""

    def __init__(self, document: SessionDocument | None = None, *,
                 opening: Path | None = None) -> None:
        """``opening``: no document yet, the window says it opens that file (see
        ``workshop.ui.startup``) instead of showing the start screen."""
        super().__init__()
        self.document: SessionDocument | None = None
        self.new_session_dialog: NewSessionDialog | None = None
        """Open while a new session's name and language are asked."""
        self.pages: dict[Step, Page] = Pages(self._build_page)
        self.setMinimumSize(960, 600)
        self.resize(1366, 768)
        self._stack = QStackedWidget()
        self.setCentralWidget(self._stack)
        self._save_label = QLabel()
        self._save_label.setObjectName("saveState")
        self.statusBar().addPermanentWidget(self._save_label)
        self._projector_controls: ProjectorControls | None = None
        self._carried: dict[Step, PageState] = {}
        if opening is not None and document is None:
            self._build(complete=False)  # the rest with the session (``complete``)
            self.show_opening(opening)
        else:
            self._build()
            self.set_document(document)

    # --- building ------------------------------------------------------------------

    def _build(self, *, complete: bool = True) -> None:
        """(Re)build menus, start screen and workspace in the current language.
        ``complete`` false: only what shows before a session is read (``complete``)."""
        use_qt_language(current_language())  # Qt's own buttons and dialogs too
        self.menuBar().clear()
        while self._stack.count():
            widget = must(self._stack.widget(0))
            self._stack.removeWidget(widget)
            widget.deleteLater()
        self._start_screen: StartScreen | None = None  # built when first shown
        self.workspace = QWidget()
        self.navigator = StepNavigator()
        self.navigator.currentRowChanged.connect(self._on_navigator_row_changed)
        self.timer = TimeBoxTimer()
        self.step_title = QLabel()
        self.step_title.setObjectName("stepTitle")
        font = self.step_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.step_title.setFont(font)
        self.page_stack = QStackedWidget()
        header = QHBoxLayout()
        header.addWidget(self.step_title, 1)
        header.addWidget(self.timer)
        self.banner = QLabel()
        self.banner.setObjectName("voidBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff4ce; color: #3d2c00; padding: 8px;"
                                  "border: 1px solid #b86e00;")
        self.banner.hide()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(header)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.page_stack, 1)
        self._right_layout = right_layout
        self.side = QWidget()
        side_layout = self._side_layout = QVBoxLayout(self.side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.navigator, 1)
        # The step list stays readable on a 1024x768 laptop: the page gives way instead.
        self.side.setMinimumWidth(SIDE_MIN_WIDTH)
        splitter = QSplitter()
        splitter.addWidget(self.side)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([200, 1166])  # the step list keeps this width on every page
        QHBoxLayout(self.workspace).addWidget(splitter)
        # Added when complete: the first page of an empty stack is shown at once, and
        # children added to a shown widget would only appear at the next event.
        self._stack.addWidget(self.workspace)
        self._build_menus()
        self._completed = False
        if complete:
            self.complete()

    def complete(self) -> None:
        """Add what needs the session's models: the step's agreement bar, the evaluation
        steps, the projector's preview and menu. At once when the window is built with
        a document or for the start screen; right after the window shows when it opens
        a file (``workshop.ui.startup``). Imports the models on the first call."""
        if self._completed:
            return
        self._completed = True
        from workshop.ui.app import finish_application
        from workshop.ui.evaluation.steps import EvaluationSteps
        from workshop.ui.paste_limits import install_paste_limits
        from workshop.ui.step_agreement import StepAgreementBar

        app = QApplication.instance()
        if isinstance(app, QApplication):
            finish_application(app)  # fonts for every script, the icon
            install_paste_limits(app)  # a megabyte pasted is cut to what a field holds

        controls = self.projector_controls
        self.step_bar = StepAgreementBar()
        self._right_layout.addWidget(self.step_bar)
        self.evaluation_steps = EvaluationSteps(self)  # shown in an evaluation meeting
        self._side_layout.insertWidget(0, self.evaluation_steps)
        self._side_layout.addWidget(controls.build_preview())
        self.projector_menu = controls.build_menu(self.menuBar())
        # Before the Language menu, where it was made first.
        self.menuBar().insertMenu(self._language_menu.menuAction(), self.projector_menu)
        if not self.timer.isEnabled():  # shown while a file opened: see show_opening
            self.step_bar.setEnabled(False)

    @property
    def projector_controls(self) -> ProjectorControls:
        """The projector's window, preview and menu (made with ``complete``)."""
        if self._projector_controls is None:
            from workshop.ui.projector_controls import ProjectorControls

            self._projector_controls = ProjectorControls(self)
        return self._projector_controls

    @property
    def start_screen(self) -> StartScreen:
        """Built when first shown: ``workshop FILE`` opens the file and never shows it."""
        if self._start_screen is None:
            from workshop.ui.start_screen import StartScreen

            screen = self._start_screen = StartScreen()
            screen.sig_new.connect(self.new_session)
            screen.sig_open.connect(self.open_session)
            screen.sig_demo.connect(self.open_demo)
            screen.sig_restore.connect(self.restore_backup)
            self._stack.insertWidget(0, screen)
        return self._start_screen

    def _build_menus(self) -> None:
        """The menus from the command registry (``workshop.ui.commands``)."""
        bar = self.menuBar()
        slots: dict[str, Callable[..., object]] = {
            "file.new": self.new_session,
            "file.open": lambda: self.open_session(None),
            "file.demo": self.open_demo,
            "file.evaluation": self._new_evaluation_meeting,
            "file.save_as": self.save_as,
            "file.restore": self.restore_backup,
            "file.retention": self.choose_backup_retention,
            "file.close": self.close_session,
            "file.export": lambda: self._export_actions("export_pdfs"),
            "file.preview": lambda: self._export_actions("preview"),
            "file.paper": lambda: self._export_actions("print_on_paper"),
            "file.quit": self.close,
            "go.next": lambda: self.move_step(1),
            "go.previous": lambda: self.move_step(-1),
            "go.step": lambda number: (
                f"&{number} {step_label(STEPS[number - 1], current_language())}",
                lambda checked=False: self.go_to(STEPS[number - 1])),
            "go.agree": self._toggle_step_agreement,
            "go.timer": self.timer.toggle,
            "go.timer_reset": self.timer.reset,
            "go.diagnostics": self._show_diagnostics,
            "go.room": self._show_room,
            "go.indicators": self._show_indicators,
            "view.full_screen": self.toggle_full_screen,
        }
        _file_menu, made = add_menu(bar, "file", slots)
        self.edit_menu, _ = add_menu(bar, "edit", slots)
        _go_menu, go = add_menu(bar, "go", slots)
        self.view_menu, view = add_menu(bar, "view", slots)
        made |= go | view
        self.menu_actions = made
        """The registry's actions of this window by command id (the menus' entries)."""
        recent = made["file.recent"]
        assert isinstance(recent, QMenu)
        self.recent_menu = recent
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.evaluation_action = action_of(made, "file.evaluation")
        self.save_as_action = action_of(made, "file.save_as")
        self.restore_action = action_of(made, "file.restore")
        self.retention_action = action_of(made, "file.retention")
        self.close_action = action_of(made, "file.close")
        self.export_action = action_of(made, "file.export")
        self.preview_action = action_of(made, "file.preview")
        self.paper_action = action_of(made, "file.paper")
        self.next_action = action_of(made, "go.next")
        self.previous_action = action_of(made, "go.previous")
        self.agree_step_action = action_of(made, "go.agree")
        self.timer_action = action_of(made, "go.timer")
        self.diagnostics_action = action_of(made, "go.diagnostics")
        self.room_action = action_of(made, "go.room")
        self.full_screen_action = action_of(made, "view.full_screen")
        action_of(made, "file.quit").setMenuRole(QAction.MenuRole.QuitRole)
        language_menu = self._language_menu = bar.addMenu(tr("&Language"))
        group = QActionGroup(self)
        for code, name in (("nl", "Nederlands"), ("en", "English")):
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(current_language() == code)
            action.setData(code)
            action.setToolTip(tr("Switches at once; nothing you entered is lost."))
            group.addAction(action)
            action.triggered.connect(lambda checked=False, c=code: self.switch_language(c))
        language_menu.setToolTipsVisible(True)

    def _toggle_step_agreement(self) -> None:
        if self._completed:  # the bar is made with the session (``complete``)
            self.step_bar.toggle()

    def _export_actions(self, name: str) -> None:
        """Export, preview or paper: the Signing page's ``export_actions`` do it."""
        if self.document is not None:
            page = self.pages[Step.SIGNING]  # a SigningPage
            getattr(page.export_actions, name)()  # type: ignore[attr-defined]

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = settings.recent_sessions()
        for path in recent:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda checked=False, p=path: self.open_session(p))
        if not recent:
            self.recent_menu.addAction(tr("No recent sessions yet.")).setEnabled(False)

    # --- the document --------------------------------------------------------------

    def set_document(self, document: SessionDocument | None, *,
                     start_screen: bool = True,
                     carried: dict[Step, PageState] | None = None) -> None:
        """Show ``document`` (or the start screen); the previous one must be closed.
        ``carried``: what its pages held before a language switch, given to each page
        as it is built again."""
        self.complete()
        self.document = document
        self._carried = carried or {}
        for action in self.edit_menu.actions():
            self.edit_menu.removeAction(action)
        self.pages = Pages(self._build_page)
        while self.page_stack.count():
            widget = must(self.page_stack.widget(0))
            self.page_stack.removeWidget(widget)
            widget.deleteLater()
        has = document is not None
        for waiting in (self.timer, self.step_bar, self.navigator):  # see show_opening
            waiting.setEnabled(True)
        self._enable_document_actions(has)
        if document is None:
            if start_screen:
                self._stack.setCurrentWidget(self.start_screen)
                self.start_screen.reload()
                self.start_screen.focus_first()
            self.setWindowTitle("Workshop")
            self.setWindowModified(False)
            self._save_label.setText("")
            self.projector_controls.attach(None)
            self.sig_document_changed.emit(None)
            return
        undo = document.undo_stack.createUndoAction(self, tr(COMMANDS["edit.undo"].label))
        undo.setShortcuts(shortcuts(COMMANDS["edit.undo"]))
        undo.setObjectName("edit.undo")
        redo = document.undo_stack.createRedoAction(self, tr(COMMANDS["edit.redo"].label))
        redo.setShortcuts(shortcuts(COMMANDS["edit.redo"]))
        redo.setObjectName("edit.redo")
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)
        document.sig_changed.connect(self._on_document_changed)
        document.sig_save_state.connect(self._update_save_state)
        document.sig_rejected.connect(lambda problems: self._show_message(problems[0]))
        document.undo_stack.cleanChanged.connect(self._update_title)
        document.sig_signatures_voided.connect(self._on_signatures_voided)
        self._stack.setCurrentWidget(self.workspace)
        self.navigator.show_session(document.session, document.fingerprint)
        self._update_title()
        self._update_save_state()
        self.projector_controls.attach(document)
        self.go_to(document.session.view.current_step, focus=True)
        self.sig_document_changed.emit(document)

    def _enable_document_actions(self, enabled: bool) -> None:
        for action in (self.save_as_action, self.close_action, self.next_action,
                       self.previous_action, self.timer_action, self.export_action,
                       self.preview_action, self.paper_action, self.evaluation_action):
            action.setEnabled(enabled)

    def show_opening(self, path: Path) -> None:
        """While ``path`` is read (the window shows before it): the step list, and
        "Opening…" where the step's page will be."""
        self.setWindowTitle("Workshop")
        self._enable_document_actions(False)
        for row, step in enumerate(STEPS):
            self.navigator.item(row).setText(f"{row + 1}. {step_label(step, current_language())}")
        opening = QLabel(tr("Opening “{name}”…", name=path.name))
        opening.setObjectName("opening")
        opening.setStyleSheet("qproperty-alignment: AlignCenter;")  # see the module's start
        self.page_stack.addWidget(opening)
        self.page_stack.setCurrentWidget(opening)
        self.step_title.setText("")
        for waiting in (self.timer, self.navigator):  # nothing to act on yet
            waiting.setEnabled(False)
        if self._completed:
            self.step_bar.setEnabled(False)
        self._stack.setCurrentWidget(self.workspace)

    def _build_page(self, step: Step) -> Page:
        """The page of ``step`` for the open document (through ``self.pages[step]``)."""
        assert self.document is not None
        page = page_class(step)(self.document)
        page.sig_message.connect(self._show_message)
        if step is Step.SIGNING:
            page.sig_go_to.connect(self.open_finding)  # type: ignore[attr-defined]
            page.sig_start_signing.connect(self.start_signing)  # type: ignore[attr-defined]
        page.refresh(frozenset())
        self.page_stack.addWidget(page)
        carried = self._carried.pop(step, None)
        if carried is not None:
            from workshop.ui.carry_over import give

            give(page, carried)
        self.projector_controls.controller.follow_page(step, page)
        return page

    def open_finding(self, finding: Finding) -> None:
        """A readiness finding chosen: its step, and there the widget where it is fixed
        (the item, the participant, the tab, or the step's own agreement)."""
        from workshop.domain.readiness import STEP_SUBJECT

        self.go_to(finding.step, focus=False)
        page = self.pages[finding.step]
        if finding.item_id == STEP_SUBJECT:
            self.step_bar.agree_button.setFocus()
        elif not (finding.item_id and page.show_item(finding.item_id)):
            page.focus_first()

    def _on_document_changed(self, areas: frozenset[str]) -> None:
        if self.document is None:
            return
        shown = self.page_stack.currentWidget()
        for step, page in self.pages.items():
            if not page.areas or areas & page.areas or not areas:
                if page is shown:
                    page.refresh(areas)
                else:
                    self.pages.refresh_later(step, areas)  # type: ignore[attr-defined]
        if areas - {"view"}:
            self.navigator.show_session(self.document.session, self.document.fingerprint,
                                        areas)
            self.step_bar.refresh()
            if self.banner.isVisible() and not self._any_void():
                self.banner.hide()
        if "agenda" in areas:
            self.timer.set_minutes(self._minutes(self.current_step()))
        if "details" in areas:
            self._update_title()

    def _on_signatures_voided(self, names: list[str], change: str) -> None:
        from PySide6.QtCore import Qt  # see the module's start

        self.banner.setTextFormat(Qt.TextFormat.PlainText)  # names as typed, never markup
        self.banner.setText(tr(
            "The signatures of {names} no longer count: the text changed after they "
            "signed (“{change}”). They must sign again; undo the change to keep them.",
            names=", ".join(names), change=change))
        self.banner.show()

    def _minutes(self, step: Step) -> int:
        assert self.document is not None
        return next((a.minutes for a in self.document.session.agenda if a.step is step), 0)

    def _any_void(self) -> bool:
        assert self.document is not None
        session = self.document.session
        if not session.signatures:
            return False
        current = self.document.fingerprint()  # computed once per change, not per caller
        return any(sig.fingerprint != current for sig in session.signatures)

    def _update_title(self) -> None:
        doc = self.document
        if doc is None:
            return
        name = doc.path.name if doc.path else tr("not saved")
        extra = tr(" (read-only)") if doc.read_only else ""
        self.setWindowTitle(f"{doc.session.details.name} — {name}[*]{extra} — Workshop")
        self.setWindowModified(not doc.undo_stack.isClean())

    def _update_save_state(self) -> None:
        if self.document is None:
            return
        kind, text = self.document.save_state()
        self._save_label.setText(text)
        self._save_label.setProperty("kind", kind)
        restyle(self._save_label, "color: #b00020; font-weight: bold;"
                if kind == "error" else "")
        self._save_label.setToolTip(text)
        self._update_title()

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text.splitlines()[0] if text else "", 8000)

    # --- steps ---------------------------------------------------------------------

    def current_step(self) -> Step:
        row = self.navigator.currentRow()
        return STEPS[row] if 0 <= row < len(STEPS) else Step.PREPARATION

    def go_to(self, step: Step, focus: bool = True) -> None:
        if self.document is None:
            return
        row = STEPS.index(step)
        if self.navigator.currentRow() != row:
            self.navigator.setCurrentRow(row)  # -> _on_navigator_row_changed
            return
        self._show_step(step, focus)

    def _on_navigator_row_changed(self, row: int) -> None:
        if self.document is not None and 0 <= row < len(STEPS):
            self._show_step(STEPS[row], focus=not self.navigator.hasFocus())

    def _show_step(self, step: Step, focus: bool) -> None:
        assert self.document is not None
        page = self.pages[step]
        self.page_stack.setCurrentWidget(page)
        self.step_title.setText(tr("Step {number}: {step}", number=STEPS.index(step) + 1,
                                   step=step_label(step, current_language())))
        self.timer.set_step(step, self._minutes(step))
        self.step_bar.show_step(self.document, step)
        self.document.set_view(current_step=step)
        if focus:
            page.focus_first()
        # Qt asks each widget shown to paint itself once more with an event it posts
        # (UpdateLater), which came after the page's first paint: the whole page was
        # painted twice at every switch. Handled now, they join that first paint.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateLater)

    def move_step(self, delta: int) -> None:
        index = STEPS.index(self.current_step()) + delta
        if 0 <= index < len(STEPS):
            self.go_to(STEPS[index])

    def start_signing(self) -> None:
        """Each present participant signs in turn (the signing dialog)."""
        if self.document is None:
            return
        from workshop.ui.pages.signing.dialog import SigningDialog, still_to_sign

        if not still_to_sign(self.document.session, self.document.fingerprint()):
            # the pad would open for nobody
            self._show_message(tr("Everyone present has signed this text."))
            return
        dialog = SigningDialog(self.document, self)
        dialog.exec()
        if Step.SIGNING in self.pages:
            self.pages[Step.SIGNING].refresh(frozenset({"signatures"}))

    # Windows the first window does not show load on first use (see README, Performance):
    # diagnostics and its charts, the room and aiohttp, the evaluation's dialogs.
    def _show_room(self) -> None:
        from workshop.ui.room.panel import show_room

        show_room(self)

    def _show_diagnostics(self) -> None:
        from workshop.ui.diagnostics.window import show_diagnostics

        show_diagnostics(self)

    def _show_indicators(self) -> None:
        from workshop.ui.evaluation.indicators import show_indicators

        show_indicators(self)

    def _new_evaluation_meeting(self) -> None:
        from workshop.ui.evaluation.new_meeting import new_evaluation_meeting

        new_evaluation_meeting(self)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.full_screen_action.setChecked(self.isFullScreen())

    def switch_language(self, lang: Language) -> None:
        """Switch at once: menus and pages are rebuilt from the session."""
        if lang == current_language():
            return
        set_language(lang)
        settings.set_language(lang)
        document = self.document
        if document is not None:
            document.sig_changed.disconnect(self._on_document_changed)
            document.sig_save_state.disconnect(self._update_save_state)
        # What the pages hold that the session does not (a card typed and not added, a
        # search, the chosen row, the open tab), and the time box's clock: carried over.
        from workshop.ui.carry_over import take

        carried = ({step: take(page) for step, page in dict.items(self.pages)}
                   if document is not None else {})
        clock = self.timer.clock
        self._build()
        self.timer.clock = clock
        self.timer.update_display()
        self.set_document(document, carried=carried)

    # --- files ---------------------------------------------------------------------

    def _replace_document(self, document: SessionDocument | None) -> None:
        if document is None:
            return
        if not self.close_session():
            document.close()
            return
        self.set_document(document)

    def new_session(self) -> None:
        """Ask the name and the language of the documents, then create it."""
        from workshop.ui.new_session_dialog import NewSessionDialog
        from workshop.ui.session_files import new_document

        dialog = self.new_session_dialog = NewSessionDialog(self)
        dialog.accepted.connect(lambda: self._replace_document(
            new_document(self, dialog.name(), dialog.language())))
        dialog.finished.connect(lambda _result: setattr(self, "new_session_dialog", None))
        dialog.open()

    def open_session(self, path: Path | None = None) -> None:
        from workshop.ui.session_files import ask_open_path, open_document

        path = path or ask_open_path(self)
        if path is None:
            return
        if self.document is not None and self.document.path is not None:
            from workshop.storage.errors import SessionFileError
            from workshop.storage.files import same_file

            try:
                if same_file(self.document.path, path):
                    return  # already open
            except SessionFileError:
                pass  # a loop of links: opening it says so
        self._replace_document(open_document(self, path))

    def open_demo(self) -> None:
        from workshop.ui.session_files import demo_document

        self._replace_document(demo_document(self))

    def restore_backup(self) -> None:
        from workshop.ui.session_files import ask_restore, open_document

        target = self.document.path if self.document is not None else None
        if target is not None and not self.close_session():
            return
        restored = ask_restore(self, target)
        if restored is not None:
            self._replace_document(open_document(self, restored))
            self._show_message(tr("Restored. The version it replaced is kept as a backup "
                                  "(File > Restore from a backup)."))
        elif target is not None:
            self.set_document(open_document(self, target))

    def choose_backup_retention(self) -> None:
        from workshop.ui.backup_settings import BackupRetentionDialog

        dialog = BackupRetentionDialog(self)
        self.retention_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def save_as(self) -> None:
        if self.document is None:
            return
        from PySide6.QtWidgets import QFileDialog

        from workshop.ui.session_files import explain, file_filter

        filename, _ = QFileDialog.getSaveFileName(self, tr("Save as"), str(
            self.document.path.parent if self.document.path else ""), file_filter())
        if not filename:
            return
        path = Path(filename)
        if path.suffix.lower() != ".workshop":  # "kopie.WORKSHOP" stays as it is
            path = path.with_name(path.name + ".workshop")
        try:
            self.document.save_as(path)
        except Exception as exc:  # noqa: BLE001 - shown to the user, session stays open
            explain(self, tr("Saving failed"), exc)
            return
        settings.add_recent(path)
        self._update_title()

    def close_session(self) -> bool:
        """Save and close the open session; False if the user chose to keep it open."""
        document = self.document
        if document is None:
            return True
        self.sig_closing.emit()
        if not document.close():
            error = document.autosaver.last_error if document.autosaver else None
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(tr("Your last changes are not saved"))
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(tr("{error}\n\nSave the session elsewhere before closing?",
                           error=error.text(current_language()) if error else ""))
            save_button = box.addButton(tr("Save as…"), QMessageBox.ButtonRole.AcceptRole)
            discard = box.addButton(tr("Close without saving"),
                                    QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is save_button:
                self.save_as()
                if not document.close():
                    return False
            elif box.clickedButton() is discard:
                copy = document.abandon()
                if copy is not None:
                    QMessageBox.information(self, tr("A copy was kept"), tr(
                        "Your unsaved changes were kept in “{path}”.", path=copy))
            else:
                return False
        self.set_document(None)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.close_session():
            if self._projector_controls is not None:
                self._projector_controls.close()
            event.accept()
        else:
            event.ignore()


def run_main_window(path: Path | None) -> int:
    """Start the app on ``path`` (or the start screen)."""
    from workshop.ui import single_instance
    from workshop.ui.app import application
    from workshop.ui.startup import open_after_show, quit_after_show_if_asked

    app = application(first_window=True)  # the rest with the session (``complete``)
    if single_instance.forward(path):
        return 0  # the Workshop already running opened it
    saved = settings.language()
    if saved and not _language_from_environment():
        set_language(saved)  # type: ignore[arg-type]
    window = MainWindow(opening=path)
    single_instance.serve(window)
    place_window(window)  # as last closed, fitted to the screen it opens on
    app.aboutToQuit.connect(lambda: remember_window(window))
    window.show()
    quit_after_show_if_asked(window, opened=False)
    # The window first, the session right after (workshop.ui.startup).

    def opened() -> None:
        from workshop.ui.session_files import clean_partial_exports

        clean_partial_exports(path.parent if path else None)  # a few folder listings
        quit_after_show_if_asked(window)

    open_after_show(window, path, then=opened)
    return app.exec()


def _language_from_environment() -> bool:
    import os

    return bool(os.environ.get("WORKSHOP_LANG")) or "--lang" in sys.argv
