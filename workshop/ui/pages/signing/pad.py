"""A signature pad for mouse, pen (with pressure) and touch, with clear and undo.

Strokes are kept in pad units: x from 0 to 1000 across the pad, y from 0 to 400 in the same scale
(so the drawing keeps its shape at any widget size), pressure 0..1 (1.0 for a mouse,
0.5 for touch without pressure). ``strokes()`` gives them as model ``Stroke``s.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop.domain.model import Stroke

PAD_WIDTH = 1000.0
ASPECT = 2.5
"""Width : height of the pad."""
MIN_DISTANCE = 1.5
"""Pad units between recorded points; finer movement is noise."""


def stroke_path(points: list[tuple[float, float, float]], scale: float) -> QPainterPath:
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(points[0][0] * scale, points[0][1] * scale)
    if len(points) == 1:
        path.lineTo(points[0][0] * scale + 0.1, points[0][1] * scale)
    for x, y, _p in points[1:]:
        path.lineTo(x * scale, y * scale)
    return path


class SignaturePad(QWidget):
    """Where one participant signs."""

    sig_changed = Signal()
    """A stroke was added, undone or the pad cleared."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 120)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._strokes: list[list[tuple[float, float, float]]] = []
        self._current: list[tuple[float, float, float]] | None = None

    # --- geometry ------------------------------------------------------------------

    def _area(self) -> QRectF:
        """The drawing area: the largest 5:2 rectangle centred in the widget."""
        w, h = float(self.width()), float(self.height())
        if w / ASPECT <= h:
            area_w, area_h = w, w / ASPECT
        else:
            area_w, area_h = h * ASPECT, h
        return QRectF((w - area_w) / 2, (h - area_h) / 2, area_w, area_h)

    def _scale(self) -> float:
        return self._area().width() / PAD_WIDTH

    def to_pad(self, pos: QPointF, pressure: float) -> tuple[float, float, float]:
        area = self._area()
        scale = self._scale() or 1.0
        x = min(max((pos.x() - area.left()) / scale, 0.0), PAD_WIDTH)
        y = min(max((pos.y() - area.top()) / scale, 0.0), PAD_WIDTH / ASPECT)
        return (round(x, 1), round(y, 1), round(min(max(pressure, 0.0), 1.0), 3))

    # --- input ---------------------------------------------------------------------

    def _begin(self, pos: QPointF, pressure: float) -> None:
        self._current = [self.to_pad(pos, pressure)]
        self.update()

    def _extend(self, pos: QPointF, pressure: float) -> None:
        if self._current is None:
            return
        point = self.to_pad(pos, pressure)
        last = self._current[-1]
        if abs(point[0] - last[0]) + abs(point[1] - last[1]) >= MIN_DISTANCE:
            self._current.append(point)
            self.update()

    def _end(self) -> None:
        if self._current:
            self._strokes.append(self._current)
            self.sig_changed.emit()
        self._current = None
        self.update()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        pos, pressure = event.position(), event.pressure()
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(pos, pressure)
        elif kind == QEvent.Type.TabletMove:
            self._extend(pos, pressure)
        elif kind == QEvent.Type.TabletRelease:
            self._end()
        event.accept()  # no synthesized mouse events follow

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), 1.0)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), 1.0)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._end()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if points:
                point = points[0]
                pressure = point.pressure() if point.pressure() > 0 else 0.5
                if kind == QEvent.Type.TouchBegin:
                    self._begin(point.position(), pressure)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(point.position(), pressure)
                else:
                    self._end()
            event.accept()
            return True
        return super().event(event)

    # --- editing -------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not self._strokes

    def clear(self) -> None:
        self._strokes.clear()
        self._current = None
        self.update()
        self.sig_changed.emit()

    def undo_stroke(self) -> None:
        if self._strokes:
            self._strokes.pop()
            self.update()
            self.sig_changed.emit()

    def strokes(self) -> list[Stroke]:
        return [Stroke(points=list(points)) for points in self._strokes]

    def set_strokes(self, strokes: list[Stroke]) -> None:
        self._strokes = [[tuple(p) for p in s.points] for s in strokes]  # type: ignore[misc]
        self.update()

    # --- drawing -------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        area = self._area()
        baseline = area.top() + area.height() * 0.78
        painter.setPen(QPen(QColor("#9a9a9a"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(area.left() + 16, baseline), QPointF(area.right() - 16,
                                                                        baseline))
        painter.translate(area.topLeft())
        scale = self._scale()
        ink = self.palette().text().color()
        for points in [*self._strokes, *([self._current] if self._current else [])]:
            pressure = sum(p[2] for p in points) / len(points)
            pen = QPen(ink, max(1.2, 1.0 + 2.8 * pressure) * max(scale * 1.4, 0.6))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.drawPath(stroke_path(points, scale))
        painter.end()
