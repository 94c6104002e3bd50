"""The widget that shows a canvas: the projector's content, or a small live preview of it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QResizeEvent, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from workshop.domain.model import Session
from workshop.ui.canvas.options import CanvasOptions
from workshop.ui.canvas.scene import CanvasScene


class CanvasView(QGraphicsView):
    """Shows a ``CanvasScene`` scaled to fit, without scroll bars or interaction.

    Give it a session to own a new scene, or an existing ``scene`` to show the same
    canvas twice (the projector and the facilitator's preview). With
    ``drives_size=True`` (the projector) the scene follows this view's aspect ratio;
    a preview passes False and letterboxes the projector's picture.
    """

    def __init__(self, session: Session | None = None, canvas: str = "preparation",
                 options: CanvasOptions | None = None, *, scene: CanvasScene | None = None,
                 drives_size: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if scene is None:
            if session is None:
                raise ValueError("give a session or a scene")
            scene = CanvasScene(session, canvas, options, parent=self)
        self._scene = scene
        self.drives_size = drives_size
        self.setScene(scene)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setInteractive(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        scene.sceneRectChanged.connect(self._on_scene_rect_changed)

    @property
    def canvas_scene(self) -> CanvasScene:
        return self._scene

    # Delegates, so a projector window needs only the view.
    def update_session(self, session: Session) -> None:
        self._scene.update_session(session)

    def set_options(self, options: CanvasOptions) -> None:
        self._scene.set_options(options)

    def set_canvas(self, name: str) -> None:
        self._scene.set_canvas(name)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        size = self.viewport().size()
        if self.drives_size:
            self._scene.set_output_size(size.width(), size.height())
        self._fit()

    def _on_scene_rect_changed(self, _rect: QRectF) -> None:
        self._fit()

    def _fit(self) -> None:
        # Not fitInView: it keeps a 2-pixel margin, and the room should get every pixel.
        rect = self._scene.sceneRect()
        port = self.viewport().size()
        if rect.isEmpty() or port.isEmpty():
            return
        scale = min(port.width() / rect.width(), port.height() / rect.height())
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(rect.center())

    def scale_factor(self) -> float:
        """Device pixels per logical unit: 1.0 on a 1920x1080 projector."""
        return self.transform().m11()
