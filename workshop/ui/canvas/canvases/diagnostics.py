"""The diagnostics on the wall: five conditions scan, expectation spectra, forms.

Text is drawn with tiles like every canvas (legible sizes, plain text); the chart
marks (dots, means, spread, bars) are a few path items built once per canvas and given
new paths on every change. The canvases show the latest measurement moment and, when
there is one, the moment before it as hollow marks, so a repeat scan compares itself.

``options.anonymous`` hides who is who: no participant's name appears anywhere (the
scan then leaves out who scored lowest and highest, the forms who named which form).
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from workshop import locale_format
from workshop.domain import diagnostics as dg
from workshop.domain.labels import axis_texts, label, moment_label
from workshop.domain.model import CollaborationForm, Moment, Session
from workshop.i18n import N_, Language, tr
from workshop.ui.canvas.scene import Canvas, CanvasScene, Context, register_canvas
from workshop.ui.canvas.tile import Placement, Run, TileSpec

DOT_R = 11.0
LABEL_W = 470.0
GAP = 28.0


def moments_shown(session: Session) -> tuple[Moment | None, Moment | None]:
    """(the latest moment, the one before it) by time of measurement."""
    moments = sorted(session.diagnostics.moments, key=lambda m: m.taken_at)
    latest = moments[-1] if moments else None
    earlier = moments[-2] if len(moments) > 1 else None
    return latest, earlier


def number(value: float | None, lang: Language) -> str:
    return locale_format.decimal(value, lang)


class _ChartCanvas(Canvas):
    """Tiles for the words, named path items (one path per page) for the marks."""

    PATHS: tuple[str, ...] = ()

    def __init__(self, scene: CanvasScene) -> None:
        super().__init__(scene)
        self.paths: dict[str, QGraphicsPathItem] = {}
        for z, name in enumerate(self.PATHS):
            item = QGraphicsPathItem()
            item.setZValue(5.0 + z)
            scene.addItem(item)
            self.paths[name] = item
        self.page_paths: dict[int, dict[str, QPainterPath]] = {}

    def style(self, ctx: Context) -> None:
        th = ctx.theme
        accent, muted, text = (QColor(th.ink(r)) for r in ("accent", "muted", "text"))
        looks: dict[str, tuple[QPen, QBrush | Qt.BrushStyle]] = {
            "rules": (QPen(muted, 1.5), Qt.BrushStyle.NoBrush),
            "dots": (QPen(Qt.PenStyle.NoPen), QBrush(accent)),
            "earlier": (QPen(muted, 3.0), Qt.BrushStyle.NoBrush),
            "spread": (QPen(text, 4.0), Qt.BrushStyle.NoBrush),
            "means": (QPen(Qt.PenStyle.NoPen), QBrush(text)),
            "bars": (QPen(Qt.PenStyle.NoPen), QBrush(accent)),
        }
        for name, item in self.paths.items():
            pen, brush = looks[name]
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            item.setPen(pen)
            item.setBrush(brush)

    def path(self, page: int, name: str) -> QPainterPath:
        return self.page_paths.setdefault(page, {}).setdefault(name, QPainterPath())

    def show(self, ctx: Context, page: int) -> None:
        super().show(ctx, page)
        shown = self.page_paths.get(page, {})
        for name, item in self.paths.items():
            item.setPath(shown.get(name, QPainterPath()))

    def dispose(self) -> None:
        for item in self.paths.values():
            self.scene.removeItem(item)
        super().dispose()

    def subtitle(self, ctx: Context) -> TileSpec:
        latest, earlier = moments_shown(ctx.session)
        if latest is None:
            text = tr("No measurement yet.", ctx.lang)
        elif earlier is None:
            text = tr("Measured: {moment}", ctx.lang, moment=_moment_name(latest, ctx.lang))
        else:
            text = tr("Measured: {moment} (filled marks); earlier: {earlier} (open marks)",
                      ctx.lang, moment=_moment_name(latest, ctx.lang),
                      earlier=_moment_name(earlier, ctx.lang))
        return TileSpec(width=ctx.area.w, pad_x=0, pad_y=0,
                        runs=(ctx.run(text, "meta", "muted", max_lines=2),))


def _moment_name(m: Moment, lang: Language) -> str:
    day = locale_format.short_date(m.taken_at.date(), lang)
    name = moment_label(m, lang)
    return f"{name} ({day})" if name.strip() else day


def _dot(path: QPainterPath, x: float, y: float, r: float = DOT_R) -> None:
    path.addEllipse(QPointF(x, y), r, r)


def _cluster(path: QPainterPath, x: float, y: float, count: int, room: float,
             r: float = DOT_R, down: bool = True) -> None:
    """``count`` dots centred on x, in rows as wide as ``room`` allows, from y on
    downwards (or upwards)."""
    step = 2 * r + 3
    per_row = max(1, int(room // step))
    for i in range(count):
        row, col = divmod(i, per_row)
        in_row = min(per_row, count - row * per_row)
        cx = x + (col - (in_row - 1) / 2) * step
        cy = y + row * step * (1 if down else -1)
        _dot(path, cx, cy, r)


def _radius(room: float, most: int, rows: int = 2) -> float:
    """The dot radius that fits ``most`` dots in ``rows`` rows of ``room``."""
    per_row = max(1, -(-most // rows))
    return max(4.0, min(DOT_R, (room / per_row - 3) / 2))


@register_canvas("conditions")
class ConditionsCanvas(_ChartCanvas):
    label = N_("Five conditions scan")
    PATHS = ("rules", "earlier", "dots", "spread", "means")

    def build(self, ctx: Context) -> int:
        self.style(ctx)
        self.page_paths = {}
        s = ctx.session
        area = ctx.area
        latest, earlier = moments_shown(s)
        stats = dg.by_spread(dg.condition_stats(s, latest.id)) if latest else []
        before = ({c.condition: c for c in dg.condition_stats(s, earlier.id)}
                  if earlier else {})
        names = {} if ctx.options.anonymous else {p.id: p.name for p in s.participants}
        specs: dict[Hashable, TileSpec] = {"subtitle": self.subtitle(ctx)}
        top = area.y + measure_height(specs["subtitle"]) + ctx.px(8)
        label_w = ctx.px(LABEL_W + 90)
        cell = (area.right - area.x - label_w - GAP) / 5
        x0 = area.x + label_w + GAP + cell / 2
        x1 = area.right - cell / 2
        room = cell - 14
        most = max([1, *(sum(1 for _p, v in c.scores if v == k) for c in
                         [*stats, *before.values()] for k in range(1, 6))])
        r = _radius(room, most)
        for v in range(1, 6):
            specs[("scale", v)] = TileSpec(width=60, pad_x=0, pad_y=0, runs=(
                ctx.run(str(v), "body", "muted", max_lines=1, align="center", bold=True),))
        scale_h = ctx.line_height("body") + 6
        rows_top = top + scale_h
        row_h = (area.bottom - rows_top) / max(1, len(stats))
        placements: dict[Hashable, Placement] = {"subtitle": (0, area.x, area.y)}

        def x_of(score: float) -> float:
            return x0 + (score - 1) / 4 * (x1 - x0)

        for v in range(1, 6):
            placements[("scale", v)] = (0, x_of(v) - 30, top)
        rules = self.path(0, "rules")
        for i, st in enumerate(stats):
            y_mid = rows_top + (i + 0.5) * row_h
            rules.moveTo(QPointF(x0, y_mid))
            rules.lineTo(QPointF(x1, y_mid))
            summary = tr("mean {mean} · spread {spread} · {low} to {high}", ctx.lang,
                         mean=number(st.mean, ctx.lang), spread=number(st.spread, ctx.lang),
                         low=st.summary.low or "–", high=st.summary.high or "–")
            runs = [ctx.run(label(st.condition, ctx.lang), "body", max_lines=2, bold=True),
                    ctx.run(summary if st.summary.count else tr("No scores yet", ctx.lang),
                            "meta", "muted", max_lines=1)]
            who: list[tuple[Run, ...]] = []
            if names and st.scores:
                low = [names.get(p, "") for p, v in st.scores if v == st.summary.low]
                high = [names.get(p, "") for p, v in st.scores if v == st.summary.high]
                if st.summary.low != st.summary.high:
                    lowest = tr("Lowest: {names}", ctx.lang,
                                names=", ".join(n for n in low if n))
                    highest = tr("Highest: {names}", ctx.lang,
                                 names=", ".join(n for n in high if n))
                    who = [(ctx.run(lowest, "meta", max_lines=1),
                            ctx.run(highest, "meta", max_lines=1)),
                           (ctx.run(f"{lowest} · {highest}", "meta", max_lines=1),)]
            # Who scored what only where it fits: on two lines, else on one, else not.
            spec = TileSpec(width=label_w, pad_x=0, pad_y=0, runs=tuple(runs))
            for candidate in (tuple(runs) + extra for extra in who):
                tried = TileSpec(width=label_w, pad_x=0, pad_y=0, runs=candidate)
                if measure_height(tried) <= row_h - 6:
                    spec = tried
                    break
            specs[("label", st.condition.value)] = spec
            counts: dict[int, int] = {}
            for _p, v in st.scores:
                counts[v] = counts.get(v, 0) + 1
            dot_y = y_mid + (r + 6 if before else 0)
            for v, n in counts.items():
                _cluster(self.path(0, "dots"), x_of(v), dot_y, n, room, r)
            if st.mean is not None and st.spread is not None:
                spread = self.path(0, "spread")
                spread.moveTo(QPointF(x_of(max(1.0, st.mean - st.spread)), y_mid))
                spread.lineTo(QPointF(x_of(min(5.0, st.mean + st.spread)), y_mid))
                self.path(0, "means").addRoundedRect(
                    QRectF(x_of(st.mean) - 5, y_mid - row_h * 0.34, 10, row_h * 0.68), 4, 4)
            old = before.get(st.condition)
            if old is not None:
                old_counts: dict[int, int] = {}
                for _p, v in old.scores:
                    old_counts[v] = old_counts.get(v, 0) + 1
                for v, n in old_counts.items():
                    _cluster(self.path(0, "earlier"), x_of(v), y_mid - r - 6, n, room, r,
                             down=False)
                if old.mean is not None:
                    mark = self.path(0, "earlier")
                    mark.moveTo(QPointF(x_of(old.mean), y_mid - row_h * 0.36))
                    mark.lineTo(QPointF(x_of(old.mean), y_mid))
        self.tiles.sync(specs)
        for i, st in enumerate(stats):
            key = ("label", st.condition.value)
            y_mid = rows_top + (i + 0.5) * row_h
            placements[key] = (0, area.x, y_mid - self.tiles.height(key) / 2)
        self.placements = placements
        return 1


@register_canvas("spectra")
class SpectraCanvas(_ChartCanvas):
    label = N_("Expectation spectra")
    PATHS = ("rules", "earlier", "dots", "means")

    def build(self, ctx: Context) -> int:
        self.style(ctx)
        self.page_paths = {}
        s = ctx.session
        area = ctx.area
        latest, earlier = moments_shown(s)
        stats = dg.axis_stats(s, latest.id) if latest else []
        before = ({a.axis.id: a for a in dg.axis_stats(s, earlier.id)} if earlier else {})
        specs: dict[Hashable, TileSpec] = {"subtitle": self.subtitle(ctx)}
        top = area.y + measure_height(specs["subtitle"]) + ctx.px(8)
        label_w = ctx.px(LABEL_W) - 60
        x0 = area.x + label_w + GAP + 20
        x1 = area.right - 20
        end_w = (x1 - x0) / 2 - 10
        end_h = ctx.line_height("meta")
        row_h = max(ctx.line_height("body") * 2 + 6, end_h + 4 * DOT_R + 20)
        per_page = max(1, int((area.bottom - top) // row_h))
        pages = max(1, -(-len(stats) // per_page))
        placements: dict[Hashable, Placement] = {}
        for i, a in enumerate(stats):
            page, slot = divmod(i, per_page)
            title, left, right = axis_texts(a.axis, ctx.lang)
            y = top + slot * row_h
            line_y = y + 2 * DOT_R + 6
            key = a.axis.id
            specs[("title", key)] = TileSpec(width=label_w, pad_x=0, pad_y=0, runs=(
                ctx.run(title, "body", max_lines=2, bold=True),))
            specs[("left", key)] = TileSpec(width=end_w, pad_x=0, pad_y=0, runs=(
                ctx.run(left, "meta", "muted", max_lines=1),))
            specs[("right", key)] = TileSpec(width=end_w, pad_x=0, pad_y=0, runs=(
                ctx.run(right, "meta", "muted", max_lines=1, align="right"),))
            placements[("title", key)] = (page, area.x, y)
            placements[("left", key)] = (page, x0, line_y + 2 * DOT_R)
            placements[("right", key)] = (page, x1 - end_w, line_y + 2 * DOT_R)
            rules = self.path(page, "rules")
            rules.moveTo(QPointF(x0, line_y))
            rules.lineTo(QPointF(x1, line_y))
            for end in (x0, x1):
                rules.moveTo(QPointF(end, line_y - 10))
                rules.lineTo(QPointF(end, line_y + 10))
            for _p, v in a.marks:
                _dot(self.path(page, "dots"), x0 + v / 100 * (x1 - x0), line_y)
            if a.summary.mean is not None:
                mx = x0 + a.summary.mean / 100 * (x1 - x0)
                self.path(page, "means").addRoundedRect(
                    QRectF(mx - 5, line_y - 2 * DOT_R - 4, 10, 4 * DOT_R + 8), 4, 4)
            old = before.get(a.axis.id)
            if old is not None:
                for _p, v in old.marks:
                    _dot(self.path(page, "earlier"), x0 + v / 100 * (x1 - x0),
                         line_y - 2 * DOT_R, DOT_R - 3)
        for page in range(pages):
            placements[("subtitle", page)] = (page, area.x, area.y)
            specs[("subtitle", page)] = specs["subtitle"]
        del specs["subtitle"]
        self.tiles.sync(specs)
        self.placements = placements
        return pages


@register_canvas("forms")
class FormsCanvas(_ChartCanvas):
    label = N_("Forms of collaboration")
    PATHS = ("earlier", "bars")

    def build(self, ctx: Context) -> int:
        self.style(ctx)
        self.page_paths = {}
        s = ctx.session
        area = ctx.area
        latest, earlier = moments_shown(s)
        counts = dg.form_distribution(s, latest.id) if latest else {}
        choosers = dg.form_choosers(s, latest.id) if latest else {}
        old = dg.form_distribution(s, earlier.id) if earlier else {}
        names = {} if ctx.options.anonymous else {p.id: p.name for p in s.participants}
        specs: dict[Hashable, TileSpec] = {"subtitle": self.subtitle(ctx)}
        top = area.y + measure_height(specs["subtitle"]) + ctx.px(12)
        forms = list(CollaborationForm)
        row_h = (area.bottom - top) / len(forms)
        label_w = ctx.px(LABEL_W)
        x0 = area.x + label_w + GAP
        count_w = ctx.px(90)
        x1 = area.right - count_w
        most = max([*counts.values(), *old.values(), 1])
        placements: dict[Hashable, Placement] = {"subtitle": (0, area.x, area.y)}
        bar_h = min(row_h * 0.45, 44.0)
        for i, form in enumerate(forms):
            y = top + i * row_h
            n = counts.get(form, 0)
            specs[("form", form.value)] = TileSpec(width=label_w, pad_x=0, pad_y=0, runs=(
                ctx.run(label(form, ctx.lang), "body", max_lines=2, bold=True),))
            placements[("form", form.value)] = (0, area.x, y)
            width = (x1 - x0) * n / most
            if n:
                self.path(0, "bars").addRoundedRect(QRectF(x0, y, width, bar_h), 6, 6)
            if old:
                w_old = (x1 - x0) * old.get(form, 0) / most
                if w_old:
                    self.path(0, "earlier").addRoundedRect(
                        QRectF(x0, y + bar_h + 4, w_old, 10), 4, 4)
            specs[("count", form.value)] = TileSpec(width=count_w, pad_x=0, pad_y=0, runs=(
                ctx.run(str(n), "body", max_lines=1, bold=True),))
            placements[("count", form.value)] = (0, x0 + width + 10, y)
            who = [names[p] for p in choosers.get(form, []) if p in names]
            if who:
                specs[("who", form.value)] = TileSpec(
                    width=x1 - x0, pad_x=0, pad_y=0,
                    runs=(ctx.run(", ".join(who), "meta", "muted", max_lines=1),))
                placements[("who", form.value)] = (0, x0, y + bar_h + 16)
        self.tiles.sync(specs)
        self.placements = placements
        return 1


def measure_height(spec: TileSpec) -> float:
    from workshop.ui.canvas.tile import measure

    return measure(spec)
