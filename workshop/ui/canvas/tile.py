"""The one item every canvas is made of: a box with wrapped text, dots and decorations.

A ``Tile`` is described by a frozen ``TileSpec``. Canvases build specs from the
session on every change; a tile whose spec is equal to the one it shows is left alone,
so only what changed is laid out and repainted again. Text is always plain (a name
with ``<b>`` in it is shown as typed).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from workshop.export.bidi import without_controls
from workshop.ui.canvas.text import FontSpec, face, is_rtl, wrap

Polyline = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Run:
    """A paragraph of a tile: wrapped to the tile's width, at most ``max_lines`` lines."""

    text: str
    font: FontSpec
    ink: str
    role: str = "body"
    max_lines: int = 3
    align: str = "left"  # left | center | right
    gap_before: float = 0.0

    def __post_init__(self) -> None:
        # The same words as the PDF prints: never in an order forced by hand
        if not self.text.isascii():
            object.__setattr__(self, "text", without_controls(self.text))


@dataclass(frozen=True)
class TileSpec:
    width: float
    runs: tuple[Run, ...] = ()
    fill: str | None = None
    border: str | None = None
    border_width: float = 0.0
    radius: float = 10.0
    pad_x: float = 16.0
    pad_y: float = 12.0
    min_height: float = 0.0
    trailing: Run | None = None
    """Drawn right-aligned on the first line (minutes on an agenda row, a count)."""
    dots: int = 0
    dot_ink: str = ""
    dot_size: float = 20.0
    stripe: str | None = None
    """A bar down the left edge (a state colour that is also said in words)."""
    track: tuple[float, float] | None = None
    """A solid bar under the text over this x-range (tile coordinates): a timeline's
    start to due. The text sits on its own line above it, so no edge runs through it."""
    track_height: float = 0.0
    track_ink: str = ""
    backdrop: str | None = None
    """Painted behind the whole tile first, so grid lines never run through its text."""
    strokes: tuple[Polyline, ...] = field(default=())
    strokes_height: float = 0.0
    stroke_ink: str = ""
    dashed: bool = False

    MAX_DOTS_DRAWN = 10
    TRACK_GAP = 6.0


class Tile(QGraphicsItem):
    """A laid-out ``TileSpec``; ``texts()`` is exactly what it shows."""

    def __init__(self, spec: TileSpec, key: Hashable = None) -> None:
        super().__init__()
        self.key = key
        self.spec = spec
        self._lines: list[tuple[Run, list[str], float]] = []
        self._height = 0.0
        self._trailing_w = 0.0
        self._layout()
        # Painted once into a pixmap at the device's scale, then blitted: a repaint of a
        # full board after one change redraws one tile, not every text on the wall.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    # --- layout -------------------------------------------------------------------

    def _layout(self) -> None:
        s = self.spec
        inner = max(1.0, s.width - 2 * s.pad_x - (10.0 if s.stripe else 0.0))
        self._trailing_w = 0.0
        if s.trailing is not None:
            self._trailing_w = face(s.trailing.font).width(s.trailing.text) + 12
        y = s.pad_y
        self._lines = []
        for n, run in enumerate(s.runs):
            y += run.gap_before
            width = inner - self._trailing_w if n == 0 else inner
            lines, _cut = wrap(run.text, run.font, width, run.max_lines)
            self._lines.append((run, lines, y))
            y += face(run.font).line_height * len(lines)
        if s.trailing is not None and not s.runs:
            y += face(s.trailing.font).line_height
        if s.dots:
            y += s.dot_size + 10
        if s.strokes:
            y += s.strokes_height + 6
        if s.track is not None:
            y += TileSpec.TRACK_GAP + s.track_height
        self._height = max(s.min_height, y + s.pad_y)

    def set_spec(self, spec: TileSpec) -> None:
        if spec == self.spec:
            return
        self.prepareGeometryChange()
        self.spec = spec
        self._layout()
        # Qt keeps one cached pixmap per view but marks only the first view that repaints
        # as stale: the preview kept painting the old tile (white text boxes after a
        # switch to the dark theme). Dropping the cache drops it for every view.
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.update()

    @property
    def height(self) -> float:
        return self._height

    @property
    def width(self) -> float:
        return self.spec.width

    def texts(self) -> list[str]:
        """The text as shown, one string per run (wrapped lines joined by spaces)."""
        shown = [" ".join(lines) for _run, lines, _y in self._lines]
        if self.spec.trailing is not None:
            shown.append(self.spec.trailing.text)
        if self.spec.dots > TileSpec.MAX_DOTS_DRAWN:
            shown.append(f"+{self.spec.dots - TileSpec.MAX_DOTS_DRAWN}")
        return [t for t in shown if t]

    def full_texts(self) -> list[str]:
        """The texts this tile was given, before wrapping and cutting."""
        runs = list(self.spec.runs) + ([self.spec.trailing] if self.spec.trailing else [])
        return [r.text for r in runs]

    def runs_shown(self) -> Iterable[tuple[Run, list[str]]]:
        for run, lines, _y in self._lines:
            yield run, lines
        if self.spec.trailing is not None:
            yield self.spec.trailing, [self.spec.trailing.text]

    def is_cut(self) -> bool:
        return any(lines and lines[-1].endswith("…") and not run.text.endswith("…")
                   for run, lines, _y in self._lines)

    # --- painting -----------------------------------------------------------------

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        extra = self.spec.border_width
        return QRectF(-extra, -extra, self.spec.width + 2 * extra, self._height + 2 * extra)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        s = self.spec
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        if s.backdrop is not None:
            painter.fillRect(QRectF(0, 0, s.width, self._height), QColor(s.backdrop))
        box = QRectF(0, 0, s.width, self._height)
        if s.fill is not None or s.border is not None:
            pen = Qt.PenStyle.NoPen
            if s.border is not None and s.border_width > 0:
                qpen = QPen(QColor(s.border), s.border_width)
                if s.dashed:
                    qpen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(qpen)
            else:
                painter.setPen(pen)
            painter.setBrush(QBrush(QColor(s.fill)) if s.fill else Qt.BrushStyle.NoBrush)
            inset = s.border_width / 2
            painter.drawRoundedRect(box.adjusted(inset, inset, -inset, -inset),
                                    s.radius, s.radius)
        left = s.pad_x
        if s.stripe:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(s.stripe)))
            painter.drawRoundedRect(QRectF(s.border_width + 2, s.border_width + 2, 10,
                                           self._height - 2 * s.border_width - 4), 4, 4)
            left += 10.0
        inner = s.width - left - s.pad_x
        for run, line, x, y in self._placed_lines():
            f = face(run.font)
            painter.setFont(f.font)
            painter.setPen(QColor(run.ink))
            painter.drawText(QPointF(x, y + f.ascent), line)
        if s.trailing is not None:
            f = face(s.trailing.font)
            painter.setFont(f.font)
            painter.setPen(QColor(s.trailing.ink))
            x = s.width - s.pad_x - f.width(s.trailing.text)
            painter.drawText(QPointF(x, s.pad_y + f.ascent), s.trailing.text)
        y = self._height - s.pad_y
        if s.track is not None:
            self._paint_track(painter)
            y -= s.track_height + TileSpec.TRACK_GAP
        if s.strokes:
            self._paint_strokes(painter, left, y - (s.dot_size + 10 if s.dots else 0)
                                - s.strokes_height, inner)
        if s.dots:
            self._paint_dots(painter, left, y - s.dot_size)

    def _placed_lines(self) -> Iterable[tuple[Run, str, float, float]]:
        """(run, line, x, top) of every line of text, as painted."""
        s = self.spec
        left = s.pad_x + (10.0 if s.stripe else 0.0)
        inner = s.width - left - s.pad_x
        for n, (run, lines, y) in enumerate(self._lines):
            f = face(run.font)
            width = inner - self._trailing_w if n == 0 else inner
            align = run.align
            if align == "left" and is_rtl(run.text):
                align = "right"  # Arabic and Hebrew start on the right
            for i, line in enumerate(lines):
                x = left
                if align != "left":
                    spare = width - f.width(line)
                    x += spare if align == "right" else spare / 2
                yield run, line, x, y + i * f.line_height

    def text_rects(self) -> list[QRectF]:
        """Where each painted line of text lies, in tile coordinates (tests, the
        roadmap's today line)."""
        rects = []
        for run, line, x, y in self._placed_lines():
            if line:
                f = face(run.font)
                rects.append(QRectF(x, y, f.width(line), f.line_height))
        if self.spec.trailing is not None:
            f = face(self.spec.trailing.font)
            w = f.width(self.spec.trailing.text)
            rects.append(QRectF(self.spec.width - self.spec.pad_x - w, self.spec.pad_y, w,
                                f.line_height))
        return rects

    def outline_rect(self) -> QRectF | None:
        """The box the tile's border is drawn on, or None when it has no border."""
        s = self.spec
        if s.border is None or s.border_width <= 0:
            return None
        return QRectF(0, 0, s.width, self._height)

    def track_rect(self) -> QRectF | None:
        s = self.spec
        if s.track is None:
            return None
        top = self._height - s.pad_y - s.track_height
        return QRectF(s.track[0], top, max(4.0, s.track[1] - s.track[0]), s.track_height)

    def _paint_track(self, painter: QPainter) -> None:
        s = self.spec
        rect = self.track_rect()
        assert rect is not None and s.track is not None
        if s.dashed:  # cancelled: only the outline of the plan, said in words as well
            pen = QPen(QColor(s.track_ink), 2.0)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(s.track_ink)))
            painter.drawRoundedRect(rect, 3, 3)

    def _paint_dots(self, painter: QPainter, left: float, top: float) -> None:
        s = self.spec
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(s.dot_ink)))
        r = s.dot_size / 2
        drawn = min(s.dots, TileSpec.MAX_DOTS_DRAWN)
        for i in range(drawn):
            painter.drawEllipse(QPointF(left + r + i * (s.dot_size + 6), top + r), r, r)
        if s.dots > drawn:
            f = face(FontSpec(max(28.0, s.dot_size * 1.4), bold=True))
            painter.setFont(f.font)
            painter.setPen(QColor(s.dot_ink))
            x = left + drawn * (s.dot_size + 6) + 4
            painter.drawText(QPointF(x, top + r + f.ascent / 2 - 2), f"+{s.dots - drawn}")

    def _paint_strokes(self, painter: QPainter, left: float, top: float, width: float) -> None:
        s = self.spec
        xs = [p[0] for line in s.strokes for p in line]
        ys = [p[1] for line in s.strokes for p in line]
        if not xs:
            return
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        scale = min(width / max(1.0, x1 - x0), s.strokes_height / max(1.0, y1 - y0))
        path = QPainterPath()
        for line in s.strokes:
            for i, (x, y) in enumerate(line):
                point = QPointF(left + (x - x0) * scale, top + (y - y0) * scale)
                if i == 0:
                    path.moveTo(point)
                else:
                    path.lineTo(point)
        pen = QPen(QColor(s.stroke_ink), 3.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)


@lru_cache(maxsize=4096)
def measure(spec: TileSpec) -> float:
    """The height a tile of ``spec`` will have, without putting one in a scene."""
    return Tile(spec).height


Placement = tuple[int, float, float]
"""(page, x, y) in scene coordinates; page -1 is never shown, ``EVERY_PAGE`` always."""
EVERY_PAGE = -2


class TileSet:
    """Tiles keyed by id: ``sync`` rebuilds only tiles whose spec changed."""

    def __init__(self, scene: QGraphicsScene, z: float = 0.0) -> None:
        self._scene = scene
        self._z = z
        self.tiles: dict[Hashable, Tile] = {}
        self.placements: dict[Hashable, Placement] = {}
        self._page = 0
        self._at: dict[Hashable, tuple[float, float]] = {}
        """Where each tile was last put (hidden tiles keep their old place)."""
        self._shown: set[Hashable] = set()
        """Keys of the tiles shown now (every other tile is hidden)."""
        self.changed: list[Hashable] = []
        """Keys of tiles created or changed since the scene's last update (tests)."""

    def sync(self, specs: dict[Hashable, TileSpec]) -> None:
        """Make the tiles those of ``specs``: remove the others, add or change these."""
        for key in [k for k in self.tiles if k not in specs]:
            tile = self.tiles.pop(key)
            self.placements.pop(key, None)
            self._at.pop(key, None)
            self._shown.discard(key)
            self._scene.removeItem(tile)
        tiles = self.tiles
        for key, spec in specs.items():
            existing = tiles.get(key)
            if existing is None or existing.spec is not spec:  # (most are the same spec)
                self.sync_one(key, spec)

    def sync_one(self, key: Hashable, spec: TileSpec) -> None:
        """Add or change one tile, leaving the others alone."""
        existing = self.tiles.get(key)
        if existing is None:
            tile = Tile(spec, key)
            tile.setZValue(self._z)
            tile.setVisible(False)
            self._scene.addItem(tile)
            self.tiles[key] = tile
            self.changed.append(key)
        elif existing.spec is not spec and existing.spec != spec:
            existing.set_spec(spec)
            self.changed.append(key)

    def __getitem__(self, key: Hashable) -> Tile:
        return self.tiles[key]

    def __contains__(self, key: Hashable) -> bool:
        return key in self.tiles

    def height(self, key: Hashable) -> float:
        return self.tiles[key].height

    def place(self, placements: dict[Hashable, Placement], page: int) -> None:
        """Move tiles to their places and show those on ``page``; untouched tiles stay."""
        self.placements = placements
        self.show_page(page)

    def show_page(self, page: int) -> None:
        """Show the tiles placed on ``page``. Hidden tiles are not moved: a tile gets its
        position when it is shown, so a reflow of a thousand cards moves only one page."""
        self._page = page
        tiles = self.tiles
        at = self._at
        wanted = {key for key, where in self.placements.items()
                  if (where[0] == page or (where[0] == EVERY_PAGE and page >= 0))
                  and key in tiles}
        for key in self._shown - wanted:
            tile = tiles.get(key)
            if tile is not None:
                tile.setVisible(False)
        for key in wanted:
            tile = tiles[key]
            where = self.placements[key]
            pos = (where[1], where[2])
            if at.get(key) != pos:
                tile.setPos(*pos)
                at[key] = pos
            if key not in self._shown:
                tile.setVisible(True)
        self._shown = wanted

    def clear(self) -> None:
        self.sync({})
