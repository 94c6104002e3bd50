"""The live charts beside the entry: built once, then ``setData`` on every change.

Each chart takes the session and the moment(s) to show and keeps its pyqtgraph items;
``show(session, moment_id, compare_id)`` recomputes the figures (cheap) and hands the
new arrays to the same items, as the pyqtgraph examples do.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QGraphicsItem

from workshop import locale_format
from workshop.domain import diagnostics as dg
from workshop.domain.labels import axis_texts, label
from workshop.domain.model import CollaborationForm, Session
from workshop.i18n import current_language, tr

INK = "#111111"
ACCENT = "#083c78"
EARLIER = "#8a4b00"
DOT = QColor(8, 60, 120, 150)
DOT_EARLIER = QColor(138, 75, 0, 120)


def wrap(text: str, width: int = 16) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return "\n".join(lines)


def _stacked(values: list[int], spacing: float) -> list[float]:
    """Horizontal offsets so equal values sit side by side instead of on top."""
    seen: dict[int, int] = {}
    offsets = []
    for v in values:
        n = seen.get(v, 0)
        seen[v] = n + 1
        offsets.append(((n + 1) // 2) * spacing * (1 if n % 2 else -1))
    return offsets


def number(value: float | None) -> str:
    """One decimal, with the language's decimal sign."""
    return locale_format.decimal(value, current_language())


def figures(s: dg.ConditionStats) -> str:
    return tr("mean {mean}\nsd {spread}", mean=number(s.mean), spread=number(s.spread))


class _Chart(pg.PlotWidget):  # type: ignore[misc]
    """A plot whose items are only handed data that differs from what they show."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent, background="w")
        _style(self)
        self._shown: dict[str, object] = {}

    def changed(self, key: str, value: object) -> bool:
        if self._shown.get(key) == value:
            return False
        self._shown[key] = value
        return True

    def put(self, name: str, item: pg.GraphicsObject, **data: Sequence[float]) -> None:
        """``item.setData(**data)`` unless it shows exactly that already."""
        if self.changed(name, tuple((k, tuple(v)) for k, v in data.items())):
            if isinstance(item, pg.ErrorBarItem):
                item.setData(**{k: np.array(v, float) for k, v in data.items()})
            else:
                item.setData(**data)


class ConditionsChart(_Chart):
    """Per condition every score (dots), the mean (bar) and the spread (whiskers)."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.getAxis("bottom").setHeight(54)
        legend = tr("Dots: every score · bar: mean · whiskers: ± standard deviation. "
                    "Widest spread on the left.")
        self.setTitle(html.escape(wrap(legend, 70)).replace("\n", "<br>"), color=INK,
                      size="9pt")
        self.setYRange(0.5, 6.2, padding=0)
        self.getAxis("left").setTicks([[(v, str(v)) for v in range(1, 6)]])
        self.showGrid(y=True, alpha=0.2)
        self.earlier_points = pg.ScatterPlotItem(size=9, pen=None, brush=DOT_EARLIER)
        self.earlier_means = pg.ScatterPlotItem(size=22, symbol="_",
                                                pen=pg.mkPen(EARLIER, width=3))
        self.points = pg.ScatterPlotItem(size=11, pen=pg.mkPen("w", width=0.5), brush=DOT)
        self.means = pg.ScatterPlotItem(size=30, symbol="_", pen=pg.mkPen(ACCENT, width=4))
        self.spread = pg.ErrorBarItem(x=np.zeros(0), y=np.zeros(0), height=np.zeros(0),
                                      beam=0.12, pen=pg.mkPen(ACCENT, width=2))
        for item in (self.earlier_points, self.earlier_means, self.spread, self.points,
                     self.means):
            self.addItem(item)
        self.figures: list[pg.TextItem] = []
        """Mean and spread above each condition, in the order shown."""
        self.order: list[str] = []
        """Condition values left to right (widest spread first)."""

    def show_moment(self, session: Session, moment_id: str | None,
                    compare_id: str | None = None) -> None:
        stats = dg.by_spread(dg.condition_stats(session, moment_id)) if moment_id else []
        self.order = [s.condition.value for s in stats]
        shift = 0.2 if compare_id else 0.0
        most = max([1, *(sum(1 for _p, v in s.scores if v == k) for s in stats
                         for k in range(1, 6))])
        gap = min(0.045, (0.34 if compare_id else 0.7) / most)
        xs, ys, mx, my, sd = [], [], [], [], []
        for i, s in enumerate(stats):
            values = [v for _p, v in s.scores]
            for off, v in zip(_stacked(values, gap), values, strict=True):
                xs.append(i + shift + off)
                ys.append(v)
            if s.mean is not None and s.spread is not None:
                mx.append(i + shift)
                my.append(s.mean)
                sd.append(2 * s.spread)
        self.put("points", self.points, x=xs, y=ys)
        self.put("means", self.means, x=mx, y=my)
        self.put("spread", self.spread, x=mx, y=my, height=sd)
        ex, ey, emx, emy = [], [], [], []
        if compare_id:
            earlier = {c.condition: c for c in dg.condition_stats(session, compare_id)}
            for i, s in enumerate(stats):
                e = earlier[s.condition]
                values = [v for _p, v in e.scores]
                for off, v in zip(_stacked(values, gap), values, strict=True):
                    ex.append(i - shift + off)
                    ey.append(v)
                if e.mean is not None:
                    emx.append(i - shift)
                    emy.append(e.mean)
        self.put("earlier_points", self.earlier_points, x=ex, y=ey)
        self.put("earlier_means", self.earlier_means, x=emx, y=emy)
        while len(self.figures) < len(stats):
            item = pg.TextItem(color=INK, anchor=(0.5, 0))
            self.addItem(item)
            item.setPos(len(self.figures), 6.15)
            self.figures.append(item)
        for i, item in enumerate(self.figures):
            shown = (stats[i].mean, stats[i].spread) if i < len(stats) else None
            if self.changed(f"figure{i}", shown):
                item.setText(figures(stats[i]) if i < len(stats) else "")
        lang = current_language()
        names = [[(i, wrap(label(s.condition, lang), 18)) for i, s in enumerate(stats)]]
        if self.changed("ticks", names):
            self.getAxis("bottom").setTicks(names)
        if self.changed("range", len(stats)):
            self.setXRange(-0.5, max(0.5, len(stats) - 0.5), padding=0)


class SpectraChart(_Chart):
    """Every axis as a horizontal line with each participant's mark and the mean."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.setXRange(-2, 102, padding=0)
        self.getAxis("bottom").setTicks([[(0, "0"), (50, "50"), (100, "100")]])
        self.lines = pg.PlotDataItem(pen=pg.mkPen("#9a9a9a", width=1), connect="pairs")
        self.earlier_points = pg.ScatterPlotItem(size=8, pen=None, brush=DOT_EARLIER)
        self.points = pg.ScatterPlotItem(size=11, pen=pg.mkPen("w", width=0.5), brush=DOT)
        self.means = pg.ScatterPlotItem(size=24, symbol="|", pen=pg.mkPen(ACCENT, width=4))
        for item in (self.lines, self.earlier_points, self.points, self.means):
            self.addItem(item)
        self.getViewBox().invertY(True)

    def show_moment(self, session: Session, moment_id: str | None,
                    compare_id: str | None = None) -> None:
        stats = dg.axis_stats(session, moment_id) if moment_id else []
        xs, ys, mx, my, lx, ly = [], [], [], [], [], []
        ticks = []
        for i, a in enumerate(stats):
            title, left, right = axis_texts(a.axis, current_language())
            ticks.append((i, wrap(f"{title}: {left} ↔ {right}", 34)))
            lx += [0, 100]
            ly += [i, i]
            for _p, v in a.marks:
                xs.append(v)
                ys.append(i + 0.12)
            if a.summary.mean is not None:
                mx.append(a.summary.mean)
                my.append(i)
        self.lines.setData(x=lx, y=ly)
        self.points.setData(x=xs, y=ys)
        self.means.setData(x=mx, y=my)
        ex, ey = [], []
        if compare_id:
            for i, a in enumerate(dg.axis_stats(session, compare_id)):
                for _p, v in a.marks:
                    ex.append(v)
                    ey.append(i - 0.14)
        self.earlier_points.setData(x=ex, y=ey)
        self.getAxis("left").setTicks([ticks])
        self.setYRange(-0.6, max(0.6, len(stats) - 0.4), padding=0)


class FormsChart(_Chart):
    """How many participants named each form, as horizontal bars."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        n = len(CollaborationForm)
        self.bars = pg.BarGraphItem(x0=[0] * n, y=list(range(n)), height=0.6,
                                    width=[0] * n, brush=QColor(ACCENT), pen=None)
        self.earlier = pg.BarGraphItem(x0=[0] * n, y=[i + 0.36 for i in range(n)],
                                       height=0.2, width=[0] * n, brush=QColor(EARLIER),
                                       pen=None)
        self.addItem(self.earlier)
        self.addItem(self.bars)
        self.getViewBox().invertY(True)
        self.counts: list[int] = [0] * n

    def show_moment(self, session: Session, moment_id: str | None,
                    compare_id: str | None = None) -> None:
        forms = list(CollaborationForm)
        counts = dg.form_distribution(session, moment_id) if moment_id else {}
        self.counts = [counts.get(f, 0) for f in forms]
        self.bars.setOpts(width=self.counts)
        earlier = dg.form_distribution(session, compare_id) if compare_id else {}
        self.earlier.setOpts(width=[earlier.get(f, 0) for f in forms])
        self.getAxis("left").setTicks([[(i, wrap(label(f, current_language()), 22)) for i, f in
                                        enumerate(forms)]])
        top = max([*self.counts, *earlier.values(), 1])
        self.getAxis("bottom").setTicks([[(v, str(v)) for v in range(0, top + 1,
                                                                     max(1, top // 8))]])
        self.setXRange(0, top + 0.5, padding=0)
        self.setYRange(-0.6, len(forms) - 0.2, padding=0)
        self.setTitle(tr("Respondents: {count}", count=len(dg.forms_by_participant(
            session, moment_id))) if moment_id else "", color=INK, size="10pt")


def _style(plot: pg.PlotWidget) -> None:
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    font = QFont()
    font.setPointSizeF(9.0)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(INK))
        axis.setTextPen(pg.mkPen(INK))
        axis.setStyle(tickFont=font)
        # The axes rarely change: paint them from a pixmap instead of replaying them.
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
