"""The roadmap timeline: one bar per action on a month axis, drawn as vectors.

A flowable that splits between rows, so 250 actions run over as many pages as they
need, each page with its own month axis and marker band. A long title wraps over
lines in its row (never cut off); markers' keys are laid out in lanes so that no two
touch (``place_labels``). Milestones (diamonds) and evaluation moments
(triangles) sit in their own band above the actions and as vertical guide lines
through every row, so each party sees which actions must be done before which moment.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from workshop.export import fonts
from workshop.export.document import (
    ACCENT,
    ACCENT_LIGHT,
    INK,
    MUTED,
    PHASE_COLOURS,
    RULE,
    draw_text,
    month_label,
)
from workshop.i18n import Language

ROW = 12.0
"""Height of a one-line row in points; a bar whose title wraps grows by ``LINE`` a line."""
LINE = 8.4
"""Line height of a wrapped action title."""
AXIS = 26.0
"""Height of the month axis above the rows."""
LABEL_SIZE = 7.0
MARKER_SIZE = 6.5
"""Size of a marker's key ("M1") in the marker band."""
MARKER_HALF = 4.2
"""Half the width of a marker's diamond or triangle."""
STRICT_LANES = 4
"""Lanes tried for a key whose leader line crosses no other key."""
MONTH_LABEL_ROOM = 17.0
"""Points a month's short name needs on the axis ("sep", "mrt") with a little air."""
EVALUATION_MARK = colors.HexColor("#3d4852")
"""Evaluation moments: dark, so they are not read as the evaluation phase's colour."""


@dataclass(frozen=True)
class Bar:
    number: int
    title: str
    start: dt.date
    due: dt.date
    phase: str
    status: str


@dataclass(frozen=True)
class Marker:
    key: str
    """Shown next to the marker ("M1", "E2"); the table below explains it."""
    date: dt.date
    kind: str
    """"milestone" or "evaluation"."""


@dataclass(frozen=True)
class Row:
    group: str | None = None
    """A group heading ("Pilot", an owner); None for an action or the marker band."""
    bar: Bar | None = None
    band: str | None = None
    """The label of the marker band."""


@dataclass(frozen=True)
class LabelBox:
    """Where a marker's key is printed: ``lane`` 0 is the line of the diamonds, each
    further lane one ``ROW`` lower, joined to its marker by a thin leader line. ``x0``
    to ``x1`` in points from the timeline's left edge."""

    key: str
    marker_x: float
    lane: int
    x0: float
    x1: float


def place_labels(markers: list[Marker], x_of: Callable[[dt.date], float],
                 size: float = MARKER_SIZE, right: float | None = None) -> list[LabelBox]:
    """Give every marker's key a place where it touches no other key, no diamond and no
    leader line: in the first lane where it is free, beside its marker (greedy, left
    to right; left of it where the right edge ``right`` would cut it). Milestones a few
    days apart get their keys stacked, never overprinted."""
    placed: list[LabelBox] = []
    ordered = sorted(markers, key=lambda mk: (mk.date, mk.kind, mk.key))
    diamonds = [(x_of(mk.date) - MARKER_HALF - 0.5, x_of(mk.date) + MARKER_HALF + 0.5)
                for mk in ordered]
    gap = 1.5

    def free(lane: int, x0: float, x1: float, own_x: float, strict: bool) -> bool:
        for box in placed:
            if box.lane == lane and x0 < box.x1 + gap and box.x0 - gap < x1:
                return False  # overlaps another key
            if strict and 0 < lane <= box.lane and x0 - gap <= box.marker_x <= x1 + gap:
                return False  # would cover another key's leader line
            if strict and 0 < box.lane <= lane and box.x0 - gap <= own_x <= box.x1 + gap:
                return False  # our leader would cross that key
        if lane == 0 and any(x0 < d1 and d0 < x1 for d0, d1 in diamonds):
            return False  # a diamond stands there
        return True

    for marker in ordered:
        x = x_of(marker.date)
        width = fonts.string_width(marker.key, size, "bold")
        x0 = x + MARKER_HALF + 1
        if right is not None and x0 + width > right:
            x0 = x - MARKER_HALF - 1 - width
        # Leaders that cross no key where that can be had within a few lanes; else the
        # first lane where the key touches nothing (there always is one: a new lane).
        lane = next((k for k in range(STRICT_LANES) if free(k, x0, x0 + width, x, True)),
                    None)
        if lane is None:
            lane = 0
            while not free(lane, x0, x0 + width, x, False):
                lane += 1
        placed.append(LabelBox(marker.key, x, lane, x0, x0 + width))
    return placed


def wrap_title(text: str, width: float, size: float = LABEL_SIZE) -> list[str]:
    """``text`` in lines of at most ``width`` points, broken between words (a word
    longer than a line is broken inside); nothing is cut off."""
    words = " ".join(fonts.clean(text).split()).split(" ")
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if fonts.string_width(candidate, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        while fonts.string_width(word, size) > width:  # one long word: break it
            cut = len(word) - 1
            while cut > 1 and fonts.string_width(word[:cut], size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line or not lines:
        lines.append(line)
    return lines


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(day: dt.date) -> dt.date:
    """The first of the next month; in December 9999, the calendar's last day (the
    axis ends there: the model accepts every date the calendar has)."""
    if (day.year, day.month) == (dt.MAXYEAR, 12):
        return dt.date.max
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def day_after(day: dt.date) -> dt.date:
    """The next day; the calendar's last day has none and stays itself."""
    return day if day == dt.date.max else day + dt.timedelta(days=1)


TODAY = colors.HexColor("#b3261e")


class Timeline(Flowable):
    """The rows of the roadmap on a month axis; splits between rows over pages, and
    every page repeats the axis and the marker band."""

    def __init__(self, rows: list[Row], markers: list[Marker], first: dt.date,
                 last: dt.date, lang: Language, label_width: float,
                 today: dt.date | None = None, today_word: str = "",
                 scale: float = 1.0) -> None:
        super().__init__()
        self.today = today
        """The day of the export ("today" on paper), drawn when within the axis; the
        export's own date keeps the PDF the same when rebuilt for ``verify``."""
        self.today_word = today_word
        self.rows = rows
        self.markers = markers
        self.first = month_start(first)
        self.last = next_month(last)
        self.lang = lang
        self.scale = scale
        """Drawn this much larger (A3: the same chart, easier to read, on more room)."""
        self.label_width = label_width / scale
        """The title column in the chart's own units (points before ``scale``)."""
        self.width = 0.0
        self.height = 0.0
        self.w = 0.0
        """The chart's width in its own units (``width / scale``)."""
        self._layout_width = -1.0
        self._titles: dict[int, list[str]] = {}
        self._labels: list[LabelBox] = []

    # --- layout ------------------------------------------------------------------------

    def _lay_out(self, width: float) -> None:
        if width == self._layout_width:
            return
        self.width = width
        self.w = width / self.scale
        self._layout_width = width
        room = self.label_width - 24
        self._titles = {id(row): wrap_title(row.bar.title, room)
                        for row in self.rows if row.bar is not None}
        self._labels = place_labels(self.markers, self.x_of, right=self.w)

    def lanes(self) -> int:
        """Lanes of the marker band: one, or more where keys had to be stacked."""
        return 1 + max((box.lane for box in self._labels), default=0)

    def row_height(self, row: Row) -> float:
        if row.band is not None:
            return ROW * self.lanes()
        if row.bar is not None:
            return max(ROW, LINE * len(self._titles.get(id(row), [""])) + 3.6)
        return ROW

    def title_lines(self, row: Row) -> list[str]:
        """The lines the title of a bar row is printed in (after ``wrap``)."""
        return self._titles.get(id(row), [])

    def label_boxes(self) -> list[tuple[str, float, float, float, float]]:
        """Each marker key's box on the page as laid out (after ``wrap``):
        ``(key, x0, y0, x1, y1)`` in points from the timeline's bottom left corner."""
        band_top = self.height / self.scale - AXIS
        if not any(row.band is not None for row in self.rows):
            return []
        k = self.scale
        out = []
        for box in self._labels:
            top = band_top - ROW * box.lane
            out.append((box.key, box.x0 * k, (top - ROW + 1.5) * k, box.x1 * k,
                        (top - 1.5) * k))
        return out

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._lay_out(avail_width)
        self.height = (AXIS + sum(self.row_height(r) for r in self.rows) + 4) * self.scale
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self._lay_out(avail_width)
        room = avail_height / self.scale - AXIS - 4
        used, fit = 0.0, 0
        for row in self.rows:
            h = self.row_height(row)
            if used + h > room:
                break
            used += h
            fit += 1
        if fit < 3 or fit >= len(self.rows):
            return []
        # Do not leave a group heading alone at the bottom of a page.
        if self.rows[fit - 1].group is not None:
            fit -= 1
        rest = self.rows[fit:]
        band = next((row for row in self.rows[:1] if row.band is not None), None)
        if band is not None:
            rest = [band, *rest]  # every page shows which line is which milestone
        return [self._with_rows(self.rows[:fit]), self._with_rows(rest)]

    def _with_rows(self, rows: list[Row]) -> Timeline:
        part = copy.copy(self)
        for layout_state in ("_postponed", "canv", "_frame"):  # the frame's, not ours
            part.__dict__.pop(layout_state, None)
        part.rows = rows
        return part

    # --- drawing ---------------------------------------------------------------------

    def x_of(self, day: dt.date) -> float:
        span = (self.last - self.first).days or 1
        left = self.label_width + 6
        return left + (self.w - left) * (day - self.first).days / span

    def draw(self) -> None:
        c: Canvas = self.canv
        top = self.height / self.scale
        rows_top = top - AXIS
        bottom = rows_top - sum(self.row_height(r) for r in self.rows)
        c.saveState()
        c.scale(self.scale, self.scale)
        self._axis(c, top, bottom)
        y_top = rows_top
        for row in self.rows:
            h = self.row_height(row)
            y = y_top - h
            if row.group is not None:
                c.setFillColor(ACCENT_LIGHT)
                c.rect(0, y, self.w, ROW, stroke=0, fill=1)
                c.setFillColor(ACCENT)
                draw_text(c, 3, y + 3.2, fonts.fit(row.group, self.w - 6, 7.5, "bold"),
                          7.5, "bold")
            elif row.band is not None:
                c.setFillColor(INK)
                draw_text(c, 3, y_top - ROW + 3.2,
                          fonts.fit(row.band, self.label_width - 6, 7.5, "bold"), 7.5, "bold")
                self._markers(c, y_top)
            elif row.bar is not None:
                self._bar(c, row, y_top)
            y_top = y
        c.restoreState()

    def _today(self, c: Canvas, top: float, bottom: float, years: list[tuple[float, float]],
               names: list[tuple[float, float]]) -> None:
        """The red line of the export day and its word in the year row, beside the line
        on the side where it touches no year; the line stops short of a month's name
        rather than run through it."""
        assert self.today is not None
        x = self.x_of(self.today)
        width = fonts.string_width(self.today_word, 6.5, "bold")
        gap = 3.0

        def clear(start: float) -> bool:
            inside = start >= self.label_width + 6 and start + width <= self.w
            return inside and all(start + width + gap <= a or start >= b + gap
                                  for a, b in years)

        candidates = [x + 2, x - 2 - width]
        start = next((s for s in candidates if clear(s)), None)
        if start is None:  # no room beside the line: the word moves off its year
            spots = [b + gap for _, b in years] + [a - gap - width for a, _ in years]
            start = min((s for s in spots if clear(s)), key=lambda s: abs(s - x),
                        default=candidates[0])
        c.setStrokeColor(TODAY)
        c.setLineWidth(1.1)
        through_name = any(a - 1 <= x <= b + 1 for a, b in names)
        if through_name:
            c.line(x, bottom, x, top - 23.5)
            c.line(x, top - 14.5, x, top - 12)
        else:
            c.line(x, bottom, x, top - 12)
        c.setFillColor(TODAY)
        draw_text(c, start, top - 10, self.today_word, 6.5, "bold")

    def _month_stride(self, months: int) -> int:
        """Every month named when there is room for it (an A3 page names more)."""
        per_month = (self.w - self.label_width - 6) / max(months, 1)
        for every in (1, 2, 3, 6, 12):
            if per_month * every >= MONTH_LABEL_ROOM:
                return every
        return 12

    def _axis(self, c: Canvas, top: float, bottom: float) -> None:
        months: list[dt.date] = []
        day = self.first
        while day < self.last:
            months.append(day)
            day = next_month(day)
        every = self._month_stride(len(months))
        c.setLineWidth(0.3)
        years: list[tuple[float, float]] = []
        names: list[tuple[float, float]] = []
        for month in months:
            x = self.x_of(month)
            strong = month.month == 1
            c.setStrokeColor(MUTED if strong else RULE)
            c.line(x, bottom, x, top - 12)
            if (month.month - 1) % every == 0:
                c.setFillColor(MUTED)
                text = month_label(month.year, month.month, self.lang)
                names.append((x + 2, x + 2 + draw_text(c, x + 2, top - 21, text, 6.5)))
            if strong or month == months[0]:
                c.setFillColor(INK)
                years.append((x + 2, x + 2 + draw_text(c, x + 2, top - 10, str(month.year),
                                                       7, "bold")))
        end = self.x_of(self.last)
        c.setStrokeColor(RULE)
        c.line(end, bottom, end, top - 12)
        if self.today is not None and self.first <= self.today < self.last:
            self._today(c, top, bottom, years, names)
            c.setLineWidth(0.3)
            c.setStrokeColor(RULE)
        c.line(0, top - AXIS, self.w, top - AXIS)
        # Guide lines of milestones and evaluation moments through every row.
        for marker in self.markers:
            x = self.x_of(marker.date)
            c.setStrokeColor(ACCENT if marker.kind == "milestone" else EVALUATION_MARK)
            c.setLineWidth(0.6)
            c.setDash(2, 2)
            c.line(x, bottom, x, top - AXIS)
            c.setDash()

    def _markers(self, c: Canvas, band_top: float) -> None:
        mid = band_top - ROW / 2
        for marker in sorted(self.markers, key=lambda mk: mk.date):
            x = self.x_of(marker.date)
            c.setStrokeColor(colors.white)
            c.setLineWidth(0.5)
            p = c.beginPath()
            if marker.kind == "milestone":
                c.setFillColor(ACCENT)
                p.moveTo(x, mid + MARKER_HALF)
                p.lineTo(x + MARKER_HALF, mid)
                p.lineTo(x, mid - MARKER_HALF)
                p.lineTo(x - MARKER_HALF, mid)
            else:
                c.setFillColor(EVALUATION_MARK)
                p.moveTo(x, mid - 4)
                p.lineTo(x + MARKER_HALF, mid + 3.6)
                p.lineTo(x - MARKER_HALF, mid + 3.6)
            p.close()
            c.drawPath(p, stroke=1, fill=1)
        for box in self._labels:
            lane_bottom = band_top - ROW * (box.lane + 1)
            if box.lane:
                # A solid leader from the marker down to its key, over the dashed guide.
                c.setStrokeColor(INK)
                c.setLineWidth(0.5)
                c.line(box.marker_x, mid - MARKER_HALF, box.marker_x, lane_bottom + 3)
                end = box.x0 - 0.5 if box.x0 > box.marker_x else box.x1 + 0.5
                c.line(box.marker_x, lane_bottom + 3, end, lane_bottom + 3)
            c.setFillColor(INK)
            draw_text(c, box.x0, lane_bottom + 3.2, box.key, MARKER_SIZE, "bold")

    def _bar(self, c: Canvas, row: Row, y_top: float) -> None:
        bar = row.bar
        assert bar is not None
        y = y_top - ROW  # the bar stands beside the title's first line
        c.setFillColor(INK)
        draw_text(c, 3, y + 3.2, f"{bar.number}", LABEL_SIZE)
        for n, line in enumerate(self.title_lines(row)):
            draw_text(c, 21, y + 3.2 - n * LINE, line, LABEL_SIZE)
        x0 = self.x_of(bar.start)
        x1 = max(self.x_of(day_after(bar.due)), x0 + 2.5)
        colour = PHASE_COLOURS.get(bar.phase, ACCENT)
        c.setLineWidth(0.6)
        if bar.status == "cancelled":
            c.setStrokeColor(MUTED)
            c.setFillColor(colors.white)
            c.setDash(1.5, 1.5)
            c.rect(x0, y + 2.5, x1 - x0, ROW - 5, stroke=1, fill=1)
            c.setDash()
            return
        light = bar.status in ("planned", "on_hold")
        c.setStrokeColor(colour)
        c.setFillColor(colors.Color(colour.red, colour.green, colour.blue,
                                    alpha=0.35 if light else 1.0))
        c.rect(x0, y + 2.5, x1 - x0, ROW - 5, stroke=1, fill=1)
        if bar.status == "on_hold":
            # Diagonal hatching, clipped to the bar: paused, not failed.
            c.saveState()
            clip = c.beginPath()
            clip.rect(x0, y + 2.5, x1 - x0, ROW - 5)
            c.clipPath(clip, stroke=0, fill=0)
            c.setStrokeColor(colour)
            c.setLineWidth(0.5)
            h = ROW - 5
            x = x0 - h
            while x < x1:
                c.line(x, y + 2.5, x + h, y + 2.5 + h)
                x += 3.5
            c.restoreState()
        if bar.status == "done":
            c.setStrokeColor(colors.white)
            c.setLineWidth(1)
            mid = y + ROW / 2
            if x1 - x0 > 9:
                c.line(x0 + 3, mid, x0 + 5, mid - 2)
                c.line(x0 + 5, mid - 2, x0 + 8.5, mid + 2.5)


class Legend(Flowable):
    """Phase colours, status styles and the two marker shapes, on one line."""

    def __init__(self, items: list[tuple[str, str]], lang: Language) -> None:
        super().__init__()
        self.items = items
        """(kind, label): kind is a phase value, "status:<value>", "marker:milestone"
        or "marker:evaluation"."""
        self.lang = lang
        self.width = 0.0
        self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        x, lines = 0.0, 1
        for _, text in self.items:
            w = 16 + fonts.string_width(text, 7.5) + 12
            if x + w > avail_width and x > 0:
                lines += 1
                x = 0
            x += w
        self.height = lines * 13.0
        return self.width, self.height

    def draw(self) -> None:
        c: Canvas = self.canv
        x, y = 0.0, self.height - 10
        for kind, text in self.items:
            w = 16 + fonts.string_width(text, 7.5) + 12
            if x + w > self.width and x > 0:
                x, y = 0.0, y - 13
            c.saveState()
            c.setLineWidth(0.6)
            if kind == "marker:milestone":
                c.setFillColor(ACCENT)
                p = c.beginPath()
                p.moveTo(x + 6, y + 7)
                p.lineTo(x + 10, y + 3)
                p.lineTo(x + 6, y - 1)
                p.lineTo(x + 2, y + 3)
                p.close()
                c.drawPath(p, stroke=0, fill=1)
            elif kind == "marker:evaluation":
                c.setFillColor(EVALUATION_MARK)
                p = c.beginPath()
                p.moveTo(x + 6, y - 1)
                p.lineTo(x + 10, y + 6)
                p.lineTo(x + 2, y + 6)
                p.close()
                c.drawPath(p, stroke=0, fill=1)
            elif kind.startswith("status:"):
                status = kind.split(":", 1)[1]
                c.setStrokeColor(MUTED)
                if status == "cancelled":
                    c.setDash(1.5, 1.5)
                    c.setFillColor(colors.white)
                else:
                    light = status in ("planned", "on_hold")
                    c.setFillColor(colors.Color(0.36, 0.4, 0.45, alpha=0.35 if light else 1))
                c.rect(x, y, 12, 6, stroke=1, fill=1)
                c.setDash()
                if status == "on_hold":
                    for dx in (0.0, 3.5, 7.0):
                        c.line(x + dx, y, x + dx + 5, y + 6)
                if status == "done":
                    c.setStrokeColor(colors.white)
                    c.line(x + 3, y + 3, x + 5, y + 1)
                    c.line(x + 5, y + 1, x + 8.5, y + 5)
            else:
                colour = PHASE_COLOURS.get(kind, ACCENT)
                c.setFillColor(colour)
                c.setStrokeColor(colour)
                c.rect(x, y, 12, 6, stroke=1, fill=1)
            c.restoreState()
            c.setFillColor(INK)
            draw_text(c, x + 16, y, text, 7.5)
            x += w
