"""The facilitator's controls of the projection: the Projector menu, its keys, the preview.

B, W, F and S act like in presentation software, but never while the facilitator
types: ``workshop.ui.key_context`` decides who a letter belongs to.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.model import Session, Step
from workshop.i18n import N_, tr
from workshop.ui.canvas.options import CanvasOptions
from workshop.ui.canvas.scene import canvas_names
from workshop.ui.canvas.theme import ThemeName
from workshop.ui.commands import COMMANDS, action_of, add_menu
from workshop.ui.document import SessionDocument
from workshop.ui.focus_filters import follow_focus
from workshop.ui.key_context import LetterKeys, takes_letters  # noqa: F401 (re-exported)
from workshop.ui.projector import Blank, ProjectionFace, ProjectorController

THEMES: tuple[tuple[ThemeName, str], ...] = (
    ("light", N_("&Light")), ("dark", N_("&Dark")), ("contrast", N_("&High contrast")))
SHOW_SHORTCUT = COMMANDS["projector.show"].keys[0]
"""Show or hide the projector, as "start the presentation" in presentation software."""
EXPORT_SIZE = (1920, 1080)


EXTRA_CANVASES = {
    "conditions": N_("Five conditions scan"),
    "spectra": N_("Expectation spectra"),
    "forms": N_("Forms of collaboration"),
    "roadmap-by-owner": N_("Roadmap by owner"),
    "commitments": N_("Who brings what"),
    "scorecard": N_("Agreement scorecard"),
}
"""Canvases that belong to no step, by the words of their menu entry."""


def canvas_title(name: str) -> str:
    """The menu words for a canvas that is not a step's."""
    return tr(EXTRA_CANVASES[name]) if name in EXTRA_CANVASES else name


def export_canvas(session: Session, canvas: str, options: CanvasOptions,
                  path: Path) -> list[Path]:
    """The canvas as PNG or SVG (by ``path``'s suffix) at 1920x1080, one file per page.

    The first page goes to ``path``, further pages to ``name-2.png``, ``name-3.png``...
    Presentation-only choices (timer, highlight, spotlight) are left out.
    """
    from workshop.ui.canvas.render import render_image, render_svg
    from workshop.ui.canvas.scene import CanvasScene

    if path.suffix.lower() not in (".png", ".svg"):
        path = path.with_name(path.name + ".png")
    options = options.replace(timer_seconds=None, highlight_id=None, spotlight_id=None,
                              page=None)
    probe = CanvasScene(session, canvas, options, size=EXPORT_SIZE)
    pages = probe.page_count
    probe.clear()
    probe.deleteLater()
    written = []
    for page in range(pages):
        target = path if page == 0 else path.with_name(f"{path.stem}-{page + 1}{path.suffix}")
        paged = options.replace(page=page)
        if path.suffix.lower() == ".svg":
            render_svg(session, canvas, target, EXPORT_SIZE, options=paged)
        elif not render_image(session, canvas, EXPORT_SIZE, paged).save(str(target)):
            raise OSError(tr("could not write {path}", path=str(target)))
        written.append(target)
    return written


class ProjectorPreview(QWidget):
    """A small live picture of what the room sees, with a caption saying its state."""

    def __init__(self, controller: ProjectorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorPreview")
        self.controller = controller
        self.caption = QLabel()
        self.caption.setObjectName("projectorState")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        self.face = ProjectionFace(controller.scene, drives_size=False)
        self.face.setAccessibleName(tr("Preview of the projection"))
        self.face.setMinimumHeight(90)
        self.face.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.face)
        controller.sig_state_changed.connect(self.sync)
        # A method, not a lambda: the connection goes with this preview (a language
        # switch builds a new one while the scene lives on).
        controller.scene.sceneRectChanged.connect(self._on_scene_rect_changed)
        self.sync()

    def sync(self) -> None:
        self.face.show_state(self.controller)
        self.caption.setText(self.controller.state_text())
        # The room does not see what the facilitator does: say so plainly.
        covered = self.face.showing_curtain() and self.controller.document is not None
        self.caption.setStyleSheet("font-weight: bold; color: #b00020;" if covered else "")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_height()

    def _on_scene_rect_changed(self, _rect: object) -> None:
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the room's picture at this width (a 4:3 projector, a 16:9 one)."""
        rect = self.controller.scene.sceneRect()
        aspect = rect.height() / rect.width() if rect.width() > 0 else 9 / 16
        self.face.setFixedHeight(max(90, round(self.width() * aspect)))


class ProjectorControls(QObject):
    """Builds the Projector menu and the preview for a ``MainWindow``; owns the controller."""

    def __init__(self, main: QMainWindow) -> None:
        super().__init__(main)
        self.main = main
        self.controller = ProjectorController(self)
        self.controller.follow_window(main)
        self.controller.sig_message.connect(self._message)
        self.controller.sig_state_changed.connect(self._sync_actions)
        self.letter_actions: dict[Qt.Key, QAction] = {}
        self.menu: QMenu | None = None
        self.preview: ProjectorPreview | None = None
        self._timer: QObject | None = None
        self._keys = LetterKeys(self, self.letter_actions,
                                lambda: (self.main, self.controller.window))
        follow_focus(self._keys, self.main, self.controller.window)

    @property
    def document(self) -> SessionDocument | None:
        return self.controller.document

    # --- building (again after a language switch) -----------------------------------

    def build_menu(self, bar: QMenuBar) -> QMenu:
        """The Projector menu from the command registry; the room keys (B, W, F, S) are
        the registry's commands whose key is a single letter."""
        c = self.controller
        slots: dict[str, Callable[..., object]] = {
            "projector.show": c.set_shown,
            "projector.black": lambda on: c.set_blank(Blank.BLACK if on else Blank.NONE),
            "projector.white": lambda on: c.set_blank(Blank.WHITE if on else Blank.NONE),
            "projector.freeze": c.set_frozen,
            "projector.spotlight": c.set_spotlight,
            "projector.larger": lambda: self._scale(1),
            "projector.smaller": lambda: self._scale(-1),
            "projector.anonymous": c.set_anonymous,
            "projector.timer": c.set_timer_on,
            "projector.preview": self._show_preview,
            "projector.save_picture": self.ask_export,
        }
        menu, made = add_menu(bar, "projector", slots)
        self.menu = menu
        self.actions_by_id = made
        """The registry's actions of the Projector menu by command id."""
        self.show_action = action_of(made, "projector.show")
        self.black_action = action_of(made, "projector.black")
        self.white_action = action_of(made, "projector.white")
        self.freeze_action = action_of(made, "projector.freeze")
        self.spotlight_action = action_of(made, "projector.spotlight")
        self.larger_action = action_of(made, "projector.larger")
        self.smaller_action = action_of(made, "projector.smaller")
        self.anonymous_action = action_of(made, "projector.anonymous")
        self.timer_action = action_of(made, "projector.timer")
        self.preview_action = action_of(made, "projector.preview")
        self.export_action = action_of(made, "projector.save_picture")
        self.letter_actions.clear()  # the same dict the key filter reads
        for command_id, action in made.items():
            command = COMMANDS[command_id]
            if command.room_key and isinstance(action, QAction):
                self.letter_actions[Qt.Key(ord(command.keys[0].upper()))] = action
        theme_menu = made["projector.theme"]
        assert isinstance(theme_menu, QMenu)
        group = QActionGroup(theme_menu)
        self.theme_actions: dict[str, QAction] = {}
        for name, text in THEMES:
            action = self._add(theme_menu, tr(text), lambda _on=False, n=name: self._theme(n),
                               checkable=True)
            group.addAction(action)
            self.theme_actions[name] = action
        canvas_menu = made["projector.canvas"]
        assert isinstance(canvas_menu, QMenu)
        group = QActionGroup(canvas_menu)
        self.canvas_actions: dict[str | None, QAction] = {}
        follow = self._add(canvas_menu, tr("The current &step"),
                           lambda _on=False: c.set_canvas(None), checkable=True)
        group.addAction(follow)
        self.canvas_actions[None] = follow
        canvas_menu.addSeparator()
        steps = {step.value for step in Step}
        for canvas in canvas_names():
            if canvas in steps:
                continue
            action = self._add(canvas_menu, canvas_title(canvas),
                               lambda _on=False, n=canvas: c.set_canvas(n), checkable=True)
            group.addAction(action)
            self.canvas_actions[canvas] = action
        self.preview_action.setChecked(True)
        self._sync_actions()
        return menu

    def build_preview(self) -> ProjectorPreview:
        self.preview = ProjectorPreview(self.controller)
        if self.menu is not None:
            self.preview.setVisible(self.preview_action.isChecked())
        return self.preview

    def _add(self, menu: QMenu, text: str, slot: object, *, checkable: bool = False) -> QAction:
        """A submenu's entry (a theme, a canvas): chosen from a list, no keys."""
        action = menu.addAction(text)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    # --- following the main window ---------------------------------------------------

    def attach(self, document: SessionDocument | None) -> None:
        """Called by the main window after (re)building its pages for ``document``."""
        c = self.controller
        c.attach(document)  # the main window has each page followed as it builds it
        timer = getattr(self.main, "timer", None)
        if timer is not None and timer is not self._timer:
            self._timer = timer  # a new one after each language switch
            c.follow_timer(timer)
        self._sync_actions()

    def close(self) -> None:
        self.controller.close()

    # --- actions ---------------------------------------------------------------------

    def _sync_actions(self) -> None:
        if self.menu is None:
            return
        c = self.controller
        try:
            self.show_action.setChecked(c.shown)
        except RuntimeError:  # the menu of a language before the last switch
            return
        self.black_action.setChecked(c.blank is Blank.BLACK)
        self.white_action.setChecked(c.blank is Blank.WHITE)
        self.freeze_action.setChecked(c.frozen)
        self.spotlight_action.setChecked(c.spotlight)
        self.timer_action.setChecked(c.timer_on)
        self.anonymous_action.setChecked(c.options.anonymous)
        chosen = self.canvas_actions.get(c.canvas_override)
        if chosen is not None:
            chosen.setChecked(True)
        for name, action in self.theme_actions.items():
            action.setChecked(name == c.options.theme)
        has = c.document is not None
        for action in (self.spotlight_action, self.export_action, self.freeze_action):
            action.setEnabled(has)

    def _scale(self, direction: int) -> None:
        self.controller.step_text_scale(direction)
        self._remember(projector_text_scale=self.controller.options.text_scale)

    def _theme(self, name: ThemeName) -> None:
        self.controller.set_theme(name)
        self._remember(projector_theme=name)

    def _remember(self, **view: object) -> None:
        # The facilitator's choice, kept with the session as presentation-only state
        # (not undoable, not in the fingerprint). The projector itself never writes.
        if self.document is not None and not self.document.read_only:
            self.document.set_view(**view)

    def _show_preview(self, on: bool) -> None:
        if self.preview is not None:
            self.preview.setVisible(on)

    def _message(self, text: str) -> None:
        self.main.statusBar().showMessage(text, 8000)

    def ask_export(self) -> None:
        document = self.document
        if document is None:
            return
        folder = document.path.parent if document.path is not None else Path.home()
        name = f"{folder / self.controller.canvas_name}.png"
        filename, _ = QFileDialog.getSaveFileName(
            self.main, tr("Save the canvas as a picture"), name,
            tr("PNG picture (*.png);;SVG drawing (*.svg)"))
        if filename:
            self.export_to(Path(filename))

    def export_to(self, path: Path) -> list[Path]:
        """The current canvas, in the projector's theme and language, as PNG or SVG."""
        document = self.document
        if document is None:
            return []
        try:
            written = export_canvas(document.session, self.controller.canvas_name,
                                    self.controller.options, path)
        except (OSError, ValueError) as exc:
            self._message(tr("The picture could not be saved: {error}", error=str(exc)))
            return []
        if len(written) == 1:
            self._message(tr("Canvas saved as {path}", path=str(written[0])))
        else:
            self._message(tr("Canvas saved as {count} pictures, one per page, starting with "
                             "{path}", count=len(written), path=str(written[0])))
        return written
