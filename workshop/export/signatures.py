"""Signatures on paper: each drawn as vectors from its strokes, VOID when not valid.

Pad coordinates (``workshop.domain.model.Point``): x and y in pad units, the pad 1000
wide, y growing downwards (as on screen), pressure 0..1. The strokes are fitted into
the box keeping their proportions; pressure sets the line width, quantised to a few
widths so that a signature is a handful of paths rather than thousands of lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from workshop.domain.model import Stroke
from workshop.export import fonts
from workshop.export.document import INK, MUTED, RULE, VALID, VOID, draw_text

_WIDTHS = 6
"""Number of line widths pressure is quantised to."""


@dataclass(frozen=True)
class SignatureView:
    """One block on the signature page, already in the reader's language."""

    name: str
    organisation: str
    when: str
    """"Signed on 12 March 2026 at 16:30", or empty for a blank signing line."""
    status: str
    """"Valid for this text", "VOID: signed another version", or "Not signed"."""
    valid: bool
    void: bool
    strokes: tuple[Stroke, ...] = ()
    void_word: str = "VOID"
    detail: str = ""
    """A second status line: for a void signature, which text it was given on."""
    function: str = ""
    """The signer's function (*bestuurder*, *wethouder*)."""
    place: str = ""
    """"Place: Ommeren · Date: 12 March 2026" (or blanks to fill in on paper)."""
    boxed: bool = False
    """On paper: a framed box to sign in, so nobody signs in the wrong place."""


def draw_strokes(canvas: Canvas, strokes: tuple[Stroke, ...], x: float, y: float,
                 width: float, height: float, colour: colors.Color) -> None:
    """Fit the strokes into the box (x, y lower left) and draw them as paths."""
    points = [p for s in strokes for p in s.points]
    if not points:
        return
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    left, top = min(xs), min(ys)
    span_x = max(max(xs) - left, 1.0)
    span_y = max(max(ys) - top, 1.0)
    scale = min(width / span_x, height / span_y, width / 250.0)
    off_x = x + (width - span_x * scale) / 2
    off_y = y + height - (height - span_y * scale) / 2

    def at(px: float, py: float) -> tuple[float, float]:
        return off_x + (px - left) * scale, off_y - (py - top) * scale

    canvas.saveState()
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colour)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    min_step = 0.35 / scale  # pad units in a third of a point: below what paper shows
    for stroke in strokes:
        pts = _thinned(stroke.points, min_step)
        if len(pts) == 1:
            cx, cy = at(pts[0][0], pts[0][1])
            canvas.circle(cx, cy, 0.4 + 0.8 * pts[0][2], stroke=0, fill=1)
            continue
        path = None
        level = -1
        for (x0, y0, p0), (x1, y1, p1) in zip(pts, pts[1:], strict=False):
            pressure = max(0.0, min(1.0, (p0 + p1) / 2))
            bucket = min(_WIDTHS - 1, int(pressure * _WIDTHS))
            if bucket != level:
                if path is not None:
                    canvas.drawPath(path, stroke=1, fill=0)
                canvas.setLineWidth(0.35 + 1.5 * (bucket + 0.5) / _WIDTHS)
                path = canvas.beginPath()
                path.moveTo(*at(x0, y0))
                level = bucket
            assert path is not None
            path.lineTo(*at(x1, y1))
        if path is not None:
            canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def _thinned(points: list[tuple[float, float, float]], step: float,
             ) -> list[tuple[float, float, float]]:
    """Drop points closer than ``step`` to the last kept one (the end stays)."""
    if len(points) <= 2:
        return points
    kept = [points[0]]
    lx, ly = points[0][0], points[0][1]
    for point in points[1:-1]:
        if abs(point[0] - lx) + abs(point[1] - ly) >= step:
            kept.append(point)
            lx, ly = point[0], point[1]
    kept.append(points[-1])
    return kept


def _leading(size: float) -> float:
    return 11.0 if size > 9 else 10.5


class SignatureBlock(Flowable):
    """A signature box with the name, organisation, time and status below it.

    Every line wraps, never cut: the name of who signs, their function and the party's
    legal name are printed whole, however long; the block grows downwards (and is
    never split across pages: ``agreement._Row`` keeps it whole).
    """

    PAD_HEIGHT = 48.0
    MIN_HEIGHT = 132.0

    def __init__(self, view: SignatureView, width: float, height: float = MIN_HEIGHT) -> None:
        super().__init__()
        self.view = view
        self.width = width
        self.min_height = height
        self.height = height
        self._lines: list[tuple[str, float, fonts.Style, str]] = []

    def _layout(self) -> list[tuple[str, float, fonts.Style, str]]:
        """(text, size, style, colour) per printed line, top to bottom."""
        v = self.view
        out: list[tuple[str, float, fonts.Style, str]] = []

        def add(text: str, size: float, style: fonts.Style, colour: str) -> None:
            out.extend((line, size, style, colour)
                       for line in fonts.wrap(text, self.width, size, style))

        add(v.name, 9.5, "bold", "ink")
        for text in (v.function, v.organisation, v.place, v.when):
            if text:
                add(text, 8.5, "regular", "muted")
        status = "void" if v.void else "valid" if v.valid else "muted"
        add(v.status, 8.5, "bold", status)
        if v.detail:
            add(v.detail, 8.5, "regular", status)
        return out

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._lines = self._layout()
        # The pad, 12 points to the name's baseline, then a line each (name 11, the
        # rest 10.5), and room below the last line for its descenders and a gap.
        used = 4 + self.PAD_HEIGHT + 12 + sum(_leading(size) for _, size, _, _ in self._lines)
        self.height = max(self.min_height, used)
        return self.width, self.height

    def draw(self) -> None:
        c: Canvas = self.canv
        v = self.view
        w = self.width
        pad_h = self.PAD_HEIGHT
        pad_y = self.height - pad_h - 4
        c.saveState()
        # The pad area and the signing line.
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.line(0, pad_y, w, pad_y)
        if v.boxed:
            c.setStrokeColor(INK)
            c.setLineWidth(0.8)
            c.rect(0, pad_y, w, pad_h, stroke=1, fill=0)
        ink = colors.Color(0.62, 0.64, 0.67) if v.void else INK
        draw_strokes(c, v.strokes, 6, pad_y + 3, w - 12, pad_h - 6, ink)
        if v.void:
            c.saveState()
            c.setFillColor(VOID)
            c.setStrokeColor(VOID)
            c.setLineWidth(1.6)
            c.translate(w / 2, pad_y + pad_h / 2)
            c.rotate(8)
            size = 26.0
            text_w = fonts.string_width(v.void_word, size, "bold")
            box_w, box_h = text_w + 16, size + 8
            c.setFillColor(colors.Color(1, 1, 1, alpha=0.75))
            c.roundRect(-box_w / 2, -box_h / 2 + 2, box_w, box_h, 3, stroke=1, fill=1)
            c.setFillColor(VOID)
            draw_text(c, -text_w / 2, -size / 2 + 6, v.void_word, size, "bold")
            c.restoreState()
        # Who, when, and whether it counts.
        colours = {"ink": INK, "muted": MUTED, "void": VOID, "valid": VALID}
        y = pad_y - 12
        for line, size, style, colour in self._lines or self._layout():
            c.setFillColor(colours[colour])
            draw_text(c, 0, y, line, size, style)
            y -= _leading(size)
        c.restoreState()
