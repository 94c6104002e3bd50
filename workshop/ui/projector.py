"""The room's window: the current step's canvas, full screen on the second screen.

``ProjectorController`` owns what the facilitator chooses about the projection (shown,
black or white screen, frozen, spotlight, text size, theme, timer) and keeps one
``CanvasScene`` in step with the open session. ``ProjectorWindow`` and the facilitator's
preview are both views of that scene, with a ``Curtain`` in front of it when the room
should see something else (black, white, or the frame kept while frozen).

The projector is a view: it reads ``document.session`` and never writes to it.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QGuiApplication,
    QImage,
    QPainter,
    QPaintEvent,
    QPixmap,
    QScreen,
)
from PySide6.QtWidgets import QStackedLayout, QWidget

from workshop.domain.model import Session, Step
from workshop.i18n import tr
from workshop.ui.canvas.options import CanvasOptions
from workshop.ui.canvas.reads import unaffected
from workshop.ui.canvas.scene import CanvasScene, canvas_for_step
from workshop.ui.canvas.theme import THEME_NAMES, ThemeName, theme
from workshop.ui.canvas.view import CanvasView
from workshop.ui.commands import make_action
from workshop.ui.document import SessionDocument

_STEP_CANVASES = frozenset(canvas_for_step(step) for step in Step)
"""Canvases drawn from the session alone (the room's shows its phones, too)."""

TEXT_SCALES = (0.6, 0.7, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5, 3.0)
"""The steps of "larger text" and "smaller text"."""


class Blank(str, Enum):
    """What covers the canvas: nothing, a black screen or a white screen."""

    NONE = "none"
    BLACK = "black"
    WHITE = "white"


BLANK_COLOURS = {Blank.BLACK: QColor("#000000"), Blank.WHITE: QColor("#ffffff")}


class Curtain(QWidget):
    """A plain colour, or a kept frame drawn to fit on it (what the room sees instead)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = QColor("#000000")
        self.frame: QImage | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def set_content(self, colour: QColor, frame: QImage | None) -> None:
        self.colour = colour
        self.frame = frame
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colour)
        if self.frame is not None and not self.frame.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            size = self.frame.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (self.width() - size.width()) / 2
            y = (self.height() - size.height()) / 2
            painter.drawImage(QRectF(x, y, size.width(), size.height()), self.frame)
        painter.end()


class ProjectionFace(QWidget):
    """The canvas, or the curtain in front of it: the projector's and the preview's body."""

    def __init__(self, scene: CanvasScene, *, drives_size: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = CanvasView(scene=scene, drives_size=drives_size)
        self.curtain = Curtain()
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.curtain)

    def show_state(self, controller: ProjectorController) -> None:
        covered = controller.covering()
        if covered is None:
            self._stack.setCurrentWidget(self.view)
        else:
            self.curtain.set_content(*covered)
            self._stack.setCurrentWidget(self.curtain)

    def showing_curtain(self) -> bool:
        return self._stack.currentWidget() is self.curtain


class ProjectorWindow(QWidget):
    """The second top-level window, for the room.

    With a second screen it is frameless and full screen there (and moves when a
    screen is plugged in or out); otherwise it is a normal window to drag to a screen.
    """

    def __init__(self, controller: ProjectorController) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.controller = controller
        self.setObjectName("projectorWindow")
        self.setWindowTitle(tr("Workshop — projection"))
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        # The facilitator keeps typing in their own window when the projector appears.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.face = ProjectionFace(controller.scene, drives_size=True, parent=self)
        layout = QStackedLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.face)
        self.resize(1280, 720)
        make_action("projector.unblank", self, self._unblank)

    @property
    def view(self) -> CanvasView:
        return self.face.view

    def place(self, leaving: QScreen | None = None) -> None:
        """Full screen on a screen other than the facilitator's, or a normal window."""
        target = self.controller.room_screen(leaving)
        if target is not None:
            if not self.windowFlags() & Qt.WindowType.FramelessWindowHint:
                self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            self.setScreen(target)
            self.setGeometry(target.geometry())
            self.showFullScreen()
            return
        was_full = self.isFullScreen() or bool(
            self.windowFlags() & Qt.WindowType.FramelessWindowHint)
        if self.windowFlags() & Qt.WindowType.FramelessWindowHint:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, False)
        self.showNormal()
        if was_full:
            screen = self.screen() or QGuiApplication.primaryScreen()
            if screen is not None:
                free = screen.availableGeometry()
                self.resize(min(1280, free.width() * 2 // 3), min(720, free.height() * 2 // 3))
                self.move(free.center() - self.rect().center())

    def _unblank(self) -> None:
        if self.controller.blank is not Blank.NONE:
            self.controller.set_blank(Blank.NONE)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        # Closed by its title bar: the facilitator's "Show projector" follows.
        event.accept()
        if self.controller.shown:
            self.controller.set_shown(False)


class ProjectorController(QObject):
    """The projection's state and its one scene; follows the document, never edits it."""

    sig_state_changed = Signal()
    """Shown, blank, frozen, spotlight, text size, theme or timer changed."""
    sig_message = Signal(str)
    """A short message for the facilitator's status line."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document: SessionDocument | None = None
        self.shown = False
        self.blank = Blank.NONE
        self.frozen_frame: QImage | None = None
        self.spotlight = False
        self.timer_on = False
        self.canvas_override: str | None = None
        self._highlights: dict[str, str] = {}
        self._timer_seconds: float | None = None
        self._facilitator: QWidget | None = None
        self._empty = Session()
        self.scene = CanvasScene(self._empty, canvas_for_step(Step.PREPARATION),
                                 CanvasOptions.from_session(self._empty), parent=self)
        self.scene.known_states = self._known_states
        self._update = QTimer(self)
        self._update.setSingleShot(True)
        self._update.setInterval(0)
        self._update.timeout.connect(self._apply_session)
        self._changed_areas: set[str] | None = set()
        """What changed since the last update (None: everything)."""
        self._waited = False
        """A new canvas's build has waited its turn (``_apply_session``)."""
        self._since_left: dict[str, set[str] | None] = {}
        """For each step's canvas left (kept by the scene): the areas changed since
        (None: anything). Coming back with none it shows, it is not built again."""
        self.window = ProjectorWindow(self)
        self.destroyed.connect(self.window.deleteLater)  # a top-level window has no parent
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._on_screens_changed)
            app.screenRemoved.connect(self._on_screen_removed)

    # --- what the room sees --------------------------------------------------------

    @property
    def options(self) -> CanvasOptions:
        return self.scene.options

    @property
    def frozen(self) -> bool:
        return self.frozen_frame is not None

    @property
    def canvas_name(self) -> str:
        return self.scene.canvas_name

    def covering(self) -> tuple[QColor, QImage | None] | None:
        """What covers the canvas for the room (colour, kept frame), or None."""
        if self.blank is not Blank.NONE:
            return BLANK_COLOURS[self.blank], None
        if self.frozen_frame is not None:
            return QColor("#000000"), self.frozen_frame
        if self.document is None:
            return QColor(theme(self.options.theme).surface("page")), None
        return None

    def current_frame(self) -> QImage:
        """The canvas as the room sees it now, at the projector's size."""
        port = self.window.view.viewport().size()
        if self.window.isVisible() and port.width() > 0 and port.height() > 0:
            width, height = port.width(), port.height()
        else:
            width, height = 1920, 1080
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(QColor(theme(self.options.theme).surface("page")))
        rect = self.scene.sceneRect()
        scale = min(width / rect.width(), height / rect.height())
        target = QRectF((width - rect.width() * scale) / 2, (height - rect.height() * scale) / 2,
                        rect.width() * scale, rect.height() * scale)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.scene.render_to(painter, target)
        painter.end()
        return image

    # --- following the facilitator -------------------------------------------------

    def attach(self, document: SessionDocument | None) -> None:
        """Follow ``document`` (None: nothing open; the room sees an empty page)."""
        if document is self.document:
            self._refresh_all()
            return
        if self.document is not None:
            self.document.sig_changed.disconnect(self._on_document_changed)
        self.document = document
        self._highlights = {}
        self.frozen_frame = None
        self.spotlight = False
        self.canvas_override = None
        session = document.session if document is not None else self._empty
        self.scene.set_options(CanvasOptions.from_session(session).replace(
            timer_seconds=self._timer_seconds if self.timer_on else None))
        if document is not None:
            document.sig_changed.connect(self._on_document_changed)
        self._refresh_all()

    def follow_window(self, facilitator: QWidget) -> None:
        """The facilitator's window: the room's screen is another one."""
        self._facilitator = facilitator

    def follow_page(self, step: Step, page: QObject) -> None:
        """A page's ``sig_highlight``: the item under discussion on that step's canvas."""
        page.sig_highlight.connect(  # type: ignore[attr-defined]
            lambda item_id, s=step: self.set_highlight(canvas_for_step(s), item_id))

    def follow_timer(self, timer: QObject) -> None:
        """A ``TimeBoxTimer``: its remaining seconds, shown when the timer is on."""
        timer.sig_tick.connect(self.set_timer_seconds)  # type: ignore[attr-defined]

    def _known_states(self, session: Session) -> SessionDocument | None:
        """The document, for its own session: it keeps the fingerprint and the
        agreement's version once per state, so the canvases need not render them."""
        document = self.document
        return document if document is not None and session is document.session else None

    def _on_document_changed(self, areas: frozenset[str]) -> None:
        if self._changed_areas is not None:
            self._changed_areas = self._changed_areas | areas if areas else None
        if not self._update.isActive():
            self._update.start()

    def _apply_session(self) -> None:
        if self.document is None:
            return
        session = self.document.session
        name = self.canvas_override or canvas_for_step(session.view.current_step)
        if not self.scene.has_built(name) and not self._waited:
            # A canvas shown for the first time waits one more turn of the event loop:
            # the page of a step's first visit comes first (the large session's board
            # lays out its columns in the turn after the step changed), its canvas next
            # (1,000 cards: some 0.15 s), so neither turn holds the window for both.
            self._waited = True
            self._update.start()
            return
        self._waited = False
        changed, self._changed_areas = self._changed_areas, set()
        for left, since in self._since_left.items():
            if since is not None:
                self._since_left[left] = None if changed is None else since | changed
        same = name == self.scene.canvas_name
        view_only = bool(changed) and changed is not None and changed <= {"view"}
        if not view_only and not (same and unaffected(name, changed)):
            self.scene.update_session(session)
        # else: only the view changed (the step: the next canvas is built or shown from
        # the session below, so the canvas being left is not built once more for
        # nothing; the theme and the text size come to the scene as options).
        self._follow_step(session)
        lang = session.details.language
        if lang != self.options.lang:
            self.scene.set_options(self.options.replace(lang=lang))

    def _refresh_all(self) -> None:
        self._since_left.clear()  # another session, or everything anew
        session = self.document.session if self.document is not None else self._empty
        self.scene.update_session(session)
        self._follow_step(session)
        self._show()

    def _follow_step(self, session: Session) -> None:
        name = self.canvas_override or canvas_for_step(session.view.current_step)
        left = self.scene.canvas_name
        if name != left:
            since = self._since_left.pop(name, None)
            shown = (since or set()) - {"view"}  # the view: the options, compared below
            unchanged = since is not None and (not shown or unaffected(name, shown))
            if left in _STEP_CANVASES:  # (others show more than the session: the room)
                self._since_left[left] = set()
            self.scene.set_canvas(name, self._highlighted(name),  # built once, lit
                                  unchanged=unchanged and name in _STEP_CANVASES)

    # --- the facilitator's choices -------------------------------------------------

    def set_shown(self, shown: bool) -> None:
        if shown == self.shown and shown == self.window.isVisible():
            return
        self.shown = shown
        if shown:
            self.window.place()
        else:
            self.window.hide()
        self._changed()

    def set_blank(self, blank: Blank) -> None:
        if blank is not self.blank:
            self.blank = blank
            self._changed()

    def toggle_blank(self, blank: Blank) -> None:
        """B or W: that screen, or back to the canvas when it is already showing."""
        self.set_blank(Blank.NONE if self.blank is blank else blank)

    def set_frozen(self, frozen: bool) -> None:
        if frozen == self.frozen:
            return
        self.frozen_frame = self.current_frame() if frozen else None
        self._changed()

    def set_spotlight(self, on: bool) -> None:
        if on == self.spotlight:
            return
        self.spotlight = on
        self._apply_highlight()
        if on and not self.highlight_id():
            self.sig_message.emit(tr("Select an item first: the spotlight shows the item "
                                     "under discussion."))
        self._changed()

    def set_text_scale(self, scale: float) -> None:
        scale = min(max(scale, TEXT_SCALES[0]), TEXT_SCALES[-1])
        if scale != self.options.text_scale:
            self.scene.set_options(self.options.replace(text_scale=scale))
            self._changed()

    def step_text_scale(self, direction: int) -> None:
        """One step larger (1) or smaller (-1)."""
        now = self.options.text_scale
        if direction > 0:
            bigger = [s for s in TEXT_SCALES if s > now + 1e-6]
            self.set_text_scale(bigger[0] if bigger else TEXT_SCALES[-1])
        else:
            smaller = [s for s in TEXT_SCALES if s < now - 1e-6]
            self.set_text_scale(smaller[-1] if smaller else TEXT_SCALES[0])

    def set_anonymous(self, on: bool) -> None:
        """Hide who is who on the projection (the diagnostics canvases honour it)."""
        if on != self.options.anonymous:
            self.scene.set_options(self.options.replace(anonymous=on))
            self._changed()

    def set_theme(self, name: ThemeName) -> None:
        if name not in THEME_NAMES:
            raise ValueError(f"unknown theme {name!r}")
        if name != self.options.theme:
            self.scene.set_options(self.options.replace(theme=name))
            self._changed()

    def set_timer_on(self, on: bool) -> None:
        if on != self.timer_on:
            self.timer_on = on
            self.scene.set_options(self.options.replace(
                timer_seconds=self._timer_seconds if on else None))
            self._changed()

    def set_timer_seconds(self, seconds: float) -> None:
        self._timer_seconds = seconds
        if self.timer_on and self.options.timer_seconds != seconds:
            self.scene.set_options(self.options.replace(timer_seconds=seconds))

    def set_canvas(self, name: str | None) -> None:
        """Show canvas ``name`` whatever the step (None: follow the step again)."""
        self.canvas_override = name
        session = self.document.session if self.document is not None else self._empty
        self._follow_step(session)
        self._changed()

    def set_highlight(self, canvas: str, item_id: str) -> None:
        self._highlights[canvas] = item_id
        if canvas == self.scene.canvas_name:
            self._apply_highlight()

    def highlight_id(self) -> str | None:
        return self._highlights.get(self.scene.canvas_name) or None

    def _highlighted(self, canvas: str) -> CanvasOptions:
        """The options with ``canvas``'s highlighted item (and spotlight)."""
        item = self._highlights.get(canvas) or None
        return self.options.replace(highlight_id=item,
                                    spotlight_id=item if self.spotlight else None)

    def _apply_highlight(self) -> None:
        self.scene.set_options(self._highlighted(self.scene.canvas_name))

    # --- screens -------------------------------------------------------------------

    def room_screen(self, leaving: QScreen | None = None) -> QScreen | None:
        """The screen for the room: one that is not the facilitator's, if there is one."""
        screens = [s for s in QGuiApplication.screens() if s is not leaving]
        if len(screens) < 2:
            return None
        mine = self._facilitator.screen() if self._facilitator is not None else None
        if mine is None or mine not in screens:
            mine = QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not mine]
        return others[0] if others else None

    def _on_screens_changed(self, _screen: QScreen) -> None:
        if self.shown:
            QTimer.singleShot(0, self.window.place)

    def _on_screen_removed(self, screen: QScreen) -> None:
        if self.shown:
            self.window.place(leaving=screen)

    # --- state out -----------------------------------------------------------------

    def _changed(self) -> None:
        self._show()

    def _show(self) -> None:
        self.window.face.show_state(self)
        self.sig_state_changed.emit()

    def state_text(self) -> str:
        """What the room sees, in a few words (for the preview's caption)."""
        if not self.shown:
            shown = tr("Projector hidden")
        else:
            shown = tr("Projector on")
        if self.blank is Blank.BLACK:
            return tr("{shown} · black screen (B)", shown=shown)
        if self.blank is Blank.WHITE:
            return tr("{shown} · white screen (W)", shown=shown)
        if self.frozen:
            return tr("{shown} · frozen: the room keeps this frame (F)", shown=shown)
        return shown

    def pixmap(self) -> QPixmap:
        """What the projector window shows right now (for tests and the preview)."""
        return self.window.face.grab()

    def close(self) -> None:
        self.shown = False
        self.window.close()
