"""The roadmap timeline: one bar per action on a month axis, drawn as vectors.

A flowable that splits between rows, so 250 actions run over as many pages as they
need, each page with its own month axis. Milestones (diamonds) and evaluation moments
(triangles) sit in their own band above the actions and as vertical guide lines
through every row, so each party sees which actions must be done before which moment.
"""

from __future__ import annotations

import copy
import datetime as dt
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
"""Height of one row in points."""
AXIS = 26.0
"""Height of the month axis above the rows."""
LABEL_SIZE = 7.0
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


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


TODAY = colors.HexColor("#b3261e")


class Timeline(Flowable):
    def __init__(self, rows: list[Row], markers: list[Marker], first: dt.date,
                 last: dt.date, lang: Language, label_width: float,
                 today: dt.date | None = None, today_word: str = "") -> None:
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
        self.label_width = label_width
        self.width = 0.0
        self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = AXIS + ROW * len(self.rows) + 4
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fit = int((avail_height - AXIS - 4) // ROW)
        if fit < 3 or fit >= len(self.rows):
            return []
        # Do not leave a group heading alone at the bottom of a page.
        if self.rows[fit - 1].group is not None:
            fit -= 1
        return [self._with_rows(self.rows[:fit]), self._with_rows(self.rows[fit:])]

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
        return left + (self.width - left) * (day - self.first).days / span

    def draw(self) -> None:
        c: Canvas = self.canv
        top = self.height
        rows_top = top - AXIS
        bottom = rows_top - ROW * len(self.rows)
        c.saveState()
        self._axis(c, top, bottom)
        for i, row in enumerate(self.rows):
            y = rows_top - ROW * (i + 1)
            if row.group is not None:
                c.setFillColor(ACCENT_LIGHT)
                c.rect(0, y, self.width, ROW, stroke=0, fill=1)
                c.setFillColor(ACCENT)
                draw_text(c, 3, y + 3.2, fonts.fit(row.group, self.width - 6, 7.5, "bold"),
                          7.5, "bold")
            elif row.band is not None:
                c.setFillColor(INK)
                draw_text(c, 3, y + 3.2, fonts.fit(row.band, self.label_width - 6, 7.5,
                                                   "bold"), 7.5, "bold")
                self._markers(c, y)
            elif row.bar is not None:
                self._bar(c, row.bar, y)
        c.restoreState()

    def _axis(self, c: Canvas, top: float, bottom: float) -> None:
        months: list[dt.date] = []
        day = self.first
        while day < self.last:
            months.append(day)
            day = next_month(day)
        every = 1 if len(months) <= 24 else 3 if len(months) <= 60 else 12
        c.setLineWidth(0.3)
        for month in months:
            x = self.x_of(month)
            strong = month.month == 1
            c.setStrokeColor(MUTED if strong else RULE)
            c.line(x, bottom, x, top - 12)
            if (month.month - 1) % every == 0:
                c.setFillColor(MUTED)
                text = month_label(month.year, month.month, self.lang)
                draw_text(c, x + 2, top - 21, text, 6.5)
            if strong or month == months[0]:
                c.setFillColor(INK)
                draw_text(c, x + 2, top - 10, str(month.year), 7, "bold")
        end = self.x_of(self.last)
        c.setStrokeColor(RULE)
        c.line(end, bottom, end, top - 12)
        if self.today is not None and self.first <= self.today < self.last:
            x = self.x_of(self.today)
            c.setStrokeColor(TODAY)
            c.setLineWidth(1.1)
            c.line(x, bottom, x, top - 12)
            c.setFillColor(TODAY)
            draw_text(c, x + 2, top - 10, self.today_word, 6.5, "bold")
            c.setLineWidth(0.3)
            c.setStrokeColor(RULE)
        c.line(0, top - AXIS, self.width, top - AXIS)
        # Guide lines of milestones and evaluation moments through every row.
        for marker in self.markers:
            x = self.x_of(marker.date)
            c.setStrokeColor(ACCENT if marker.kind == "milestone" else EVALUATION_MARK)
            c.setLineWidth(0.6)
            c.setDash(2, 2)
            c.line(x, bottom, x, top - AXIS)
            c.setDash()

    def _markers(self, c: Canvas, y: float) -> None:
        mid = y + ROW / 2
        placed_until = -1.0
        for marker in sorted(self.markers, key=lambda mk: mk.date):
            x = self.x_of(marker.date)
            c.setStrokeColor(colors.white)
            c.setLineWidth(0.5)
            if marker.kind == "milestone":
                c.setFillColor(ACCENT)
                p = c.beginPath()
                p.moveTo(x, mid + 4.2)
                p.lineTo(x + 4.2, mid)
                p.lineTo(x, mid - 4.2)
                p.lineTo(x - 4.2, mid)
                p.close()
                c.drawPath(p, stroke=1, fill=1)
            else:
                c.setFillColor(EVALUATION_MARK)
                p = c.beginPath()
                p.moveTo(x, mid - 4)
                p.lineTo(x + 4.2, mid + 3.6)
                p.lineTo(x - 4.2, mid + 3.6)
                p.close()
                c.drawPath(p, stroke=1, fill=1)
            if x + 5 > placed_until:
                c.setFillColor(INK)
                width = draw_text(c, x + 5, y + 3.2, marker.key, 6.5, "bold")
                placed_until = x + 5 + width + 2

    def _bar(self, c: Canvas, bar: Bar, y: float) -> None:
        c.setFillColor(INK)
        number = f"{bar.number}"
        draw_text(c, 3, y + 3.2, number, LABEL_SIZE)
        title = fonts.fit(bar.title, self.label_width - 24, LABEL_SIZE)
        draw_text(c, 21, y + 3.2, title, LABEL_SIZE)
        x0 = self.x_of(bar.start)
        x1 = max(self.x_of(bar.due + dt.timedelta(days=1)), x0 + 2.5)
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
