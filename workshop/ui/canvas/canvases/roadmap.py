"""Roadmap: a timeline of actions by phase or by owner, milestones, evaluations and today.

Every action is its title (one line, ending in "…" when it is longer than the room can
read) on a line of its own, above a solid bar from its start to its due date: no edge
of a box runs through a letter, and the today line stops short of every title. Actions
that overlap in time are stacked in rows of their lane. The milestones and the
evaluation moments are the first lanes; lanes run over as many pages as they need,
while the month axis and the today line stay on every page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from workshop.domain.fingerprint import owner_label
from workshop.domain.labels import label
from workshop.domain.model import (
    Action,
    ActionStatus,
    EvaluationMoment,
    Milestone,
    Phase,
    Session,
)
from workshop.i18n import N_, tr
from workshop.ui.canvas import fmt
from workshop.ui.canvas.scene import Canvas, CanvasScene, Context, register_canvas
from workshop.ui.canvas.text import face
from workshop.ui.canvas.tile import EVERY_PAGE, Run, TileSpec, measure

LANE_LABEL_WIDTH = 300.0
GAP = 20.0
LABEL_MAX = 1000.0
ROW_GAP = 8.0
LANE_GAP = 18.0
TRACK_HEIGHT = 14.0
"""How thick an action's bar is (its title is on the line above it)."""
NO_OWNER = "__none__"
UNDATED = "__undated__"


@dataclass(frozen=True)
class Span:
    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return max(1, (self.end - self.start).days)


def _month_start(d: dt.date) -> dt.date:
    return d.replace(day=1)


def _next_month(d: dt.date) -> dt.date:
    """The first of the next month; in December 9999 the calendar's last day."""
    if (d.year, d.month) == (dt.MAXYEAR, 12):
        return dt.date.max
    return dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)


def _shifted(d: dt.date, days: int) -> dt.date:
    """``d`` moved by ``days``, stopping at the calendar's first and last day."""
    ordinal = min(max(d.toordinal() + days, dt.date.min.toordinal()), dt.date.max.toordinal())
    return dt.date.fromordinal(ordinal)


def plan_span(session: Session, today: dt.date) -> tuple[Span | None, bool]:
    """The months the plan covers, and whether today lies close enough to draw it in."""
    r = session.roadmap
    dates = [d for a in r.actions for d in (a.start, a.due) if d is not None]
    dates += [m.date for m in r.milestones] + [e.date for e in r.evaluations]
    if not dates:
        return None, False
    first, last = min(dates), max(dates)
    near = _shifted(first, -366) <= today <= _shifted(last, 366)
    if near:
        first, last = min(first, today), max(last, today)
    return Span(_month_start(first), _next_month(last)), near


def action_dates(a: Action) -> tuple[dt.date, dt.date] | None:
    if a.start is None and a.due is None:
        return None
    start = a.start or a.due
    due = a.due or a.start
    assert start is not None and due is not None
    return start, due


@register_canvas("roadmap")
class RoadmapCanvas(Canvas):
    label = N_("Roadmap")
    forced_grouping: str | None = None

    def __init__(self, scene: CanvasScene) -> None:
        super().__init__(scene)
        self._grid = QGraphicsPathItem()
        self._grid.setZValue(2.0)
        self._today = QGraphicsPathItem()
        self._today.setZValue(15.0)
        self._today_halo = QGraphicsPathItem()
        self._today_halo.setZValue(14.0)
        scene.addItem(self._grid)
        scene.addItem(self._today)
        scene.addItem(self._today_halo)
        self._today_gaps: dict[int, list[tuple[float, float]]] = {}
        self._pages_grid: dict[int, QPainterPath] = {}
        self._today_x: float | None = None
        self._lines_y = (0.0, 0.0)
        self._bars: dict[Hashable, tuple[TileSpec, float, float]] = {}
        """What ``bar_tile`` made (spec, left, height) per what it was made from: an
        edit of one action makes one tile again, not all of them."""
        self._bars_frame: tuple[object, ...] | None = None
        """What every kept tile was made in: the theme, the scale, the months, the width."""
        self._gaps: dict[Hashable, tuple[tuple[object, ...], list[tuple[float, float]]]] = {}
        """Per tile, where and how it was placed, and the today line's gaps around it."""

    def grouping(self, ctx: Context) -> str:
        return self.forced_grouping or ctx.options.roadmap_by

    def title(self, ctx: Context) -> str:
        if self.grouping(ctx) == "owner":
            return tr("Roadmap by owner", ctx.lang)
        return tr("Roadmap by phase", ctx.lang)

    # --- lanes ---------------------------------------------------------------------------

    def _lanes(self, ctx: Context) -> list[tuple[str, str, list[Action]]]:
        s = ctx.session
        actions = s.roadmap.actions
        lanes: dict[str, tuple[str, list[Action]]] = {}
        if self.grouping(ctx) == "owner":
            for a in actions:
                key = f"{a.owner.kind}:{a.owner.ref}" if a.owner else NO_OWNER
                name = owner_label(s, a.owner) if a.owner else tr("No owner yet", ctx.lang)
                lanes.setdefault(key, (name, []))[1].append(a)
            if NO_OWNER in lanes:
                lanes[NO_OWNER] = lanes.pop(NO_OWNER)
        else:
            for phase in Phase:
                members = [a for a in actions if a.phase is phase]
                if members:
                    lanes[phase.value] = (label(phase, ctx.lang), members)
        return [(k, name, members) for k, (name, members) in lanes.items()]

    def _label_of(self, ctx: Context, a: Action, names: dict[str, str] | None = None
                  ) -> str:
        """The action's line: its title, with its owner when the lanes are phases.
        ``names``: the participants' names by id, when the caller made them already."""
        text = a.title
        if self.grouping(ctx) == "phase" and a.owner is not None:
            if names is None:
                names = {p.id: p.name for p in ctx.session.participants}
            ref = a.owner.ref
            owner = ref if a.owner.kind == "organisation" else names.get(ref, ref)
            text = f"{text} · {owner}"
        if a.status is ActionStatus.DONE:
            text = "✓ " + text
        return text

    # --- building ------------------------------------------------------------------------

    def build(self, ctx: Context) -> int:
        s = ctx.session
        th = ctx.theme
        area = ctx.area
        today = ctx.options.effective_today()
        span, today_near = plan_span(s, today)
        specs: dict[Hashable, TileSpec] = {}
        places: dict[Hashable, tuple[int, float, float]] = {}
        # Wide enough for the longest word of a lane's name ("Evaluatiemomenten"), so
        # lane names break between words, within a quarter of the wall.
        head_face = face(ctx.font("body", bold=True))
        words = [w for name in [tr("Milestones", ctx.lang), tr("Evaluation moments", ctx.lang),
                                *(n for _k, n, _m in self._lanes(ctx))] for w in name.split()]
        widest_word = max((head_face.width(w) for w in words), default=0.0)
        label_w = min(max(ctx.px(LANE_LABEL_WIDTH), widest_word + 4), area.w * 0.25)
        tx0, tx1 = area.x + label_w + GAP, area.right
        meta = ctx.font("meta")
        body_face = face(ctx.font("body"))
        self._pages_grid = {}
        self._today_x = None
        self._today_gaps = {}
        if span is None and not s.roadmap.actions:
            specs["empty"] = TileSpec(width=area.w, pad_x=0, runs=(ctx.run(
                tr("No actions yet.", ctx.lang), "body", "muted"),))
            self.tiles.sync(specs)
            self.placements = {"empty": (0, area.x, area.y)}
            return 1

        def x_of(d: dt.date) -> float:
            assert span is not None
            return tx0 + (d - span.start).days / span.days * (tx1 - tx0)

        y = area.y
        month_xs: list[float] = []
        if span is not None:
            # The month axis: as many labels as fit without touching.
            months: list[dt.date] = []
            m = span.start
            while m < span.end:
                months.append(m)
                m = _next_month(m)
            per_month = (tx1 - tx0) / len(months)
            widest = face(meta).width("mmm 0000") + 24
            step = next((n for n in (1, 2, 3, 6, 12) if n * per_month >= widest), 12)
            for i, m in enumerate(months):
                if (m.month - 1) % step:
                    continue
                with_year = i == 0 or m.month == 1 or step >= 12
                text = fmt.month_label(m, ctx.lang, with_year or step >= 6)
                width = face(meta).width(text) + 12
                if x_of(m) + width > area.right:
                    continue  # no room for the label: no line either
                month_xs.append(x_of(m))
                key = ("month", m.isoformat())
                specs[key] = TileSpec(width=width, pad_x=6, pad_y=0,
                                      runs=(ctx.run(text, "meta", "muted", max_lines=1),))
                places[key] = (EVERY_PAGE, x_of(m), y)
            y += face(meta).line_height + ctx.px(10)
        axis_bottom = y
        row_h = body_face.line_height + 2 * ctx.px(6)

        def pack(extents: list[tuple[Hashable, float, float]]) -> dict[Hashable, int]:
            rows: list[float] = []
            out: dict[Hashable, int] = {}
            for key, x0, x1 in sorted(extents, key=lambda e: e[1]):
                for r, end in enumerate(rows):
                    if end + ROW_GAP <= x0:
                        rows[r] = x1
                        out[key] = r
                        break
                else:
                    rows.append(x1)
                    out[key] = len(rows) - 1
            return out

        def lane_head(key: Hashable, text: str, height: float) -> TileSpec:
            return TileSpec(width=label_w, pad_x=0, pad_y=ctx.px(6), min_height=height,
                            runs=(ctx.run(text, "body", max_lines=2, bold=True),))

        lit = ctx.options.highlight_id
        max_label = min(ctx.px(LABEL_MAX), tx1 - tx0)

        track_h = ctx.px(TRACK_HEIGHT)

        frame = (th.name, ctx.scale, span, tx0, tx1, max_label, track_h)
        bars = self._bars if self._bars_frame == frame else {}
        made: dict[Hashable, tuple[TileSpec, float, float]] = {}

        def bar(key: Hashable, text: str, d0: dt.date, d1: dt.date, *,
                status: ActionStatus | None = None,
                marker: str | None = None) -> tuple[TileSpec, float, float]:
            """``bar_tile`` and the tile's height, kept while what it is made from and
            the frame (the theme, the scale, the months, the width) stay the same."""
            ask = (key, text, d0, d1, status, marker, key == lit)
            kept = bars.get(ask)
            if kept is None:
                spec, left = bar_tile(key, text, d0, d1, status=status, marker=marker)
                kept = (spec, left, measure(spec))
            made[ask] = kept
            return kept

        def bar_tile(key: Hashable, text: str, d0: dt.date, d1: dt.date, *,
                     status: ActionStatus | None = None,
                     marker: str | None = None) -> tuple[TileSpec, float]:
            """An action (its title on a line of its own above a solid bar from start to
            due) or, with ``marker``, a milestone; and the x where the tile starts."""
            on = key == lit
            strike = status is ActionStatus.CANCELLED
            pad = ctx.px(10)
            run = ctx.run(text if marker is None else f"{marker} {text}", "body",
                          max_lines=1, strike=strike, bold=True if on else None)
            text_w = min(max_label, face(run.font).width(run.text) + 4)
            if marker is not None:
                # The marker's middle on the date, the text running on to the right.
                width = text_w + 2 * pad
                xs = x_of(d0) - body_face.width(marker) / 2 - pad
                left = max(tx0 - pad, min(xs, tx1 - width))
                return TileSpec(width=width, runs=(run,), fill=th.surface("raised" if on
                                                                        else "page"),
                                border=th.ink("accent") if on else None,
                                border_width=5.0 if on else 0.0, radius=6.0, pad_x=pad,
                                pad_y=ctx.px(6)), left
            xs, xe = x_of(d0), max(x_of(d1), x_of(d0) + 8)
            # The text starts where the bar starts, unless it would run off the wall.
            width = max(xe - xs, text_w) + 2 * pad
            left = max(tx0 - pad, min(xs - pad, tx1 + pad - width))
            ink = "overlap" if status is ActionStatus.DONE else ("muted" if strike else "accent")
            return TileSpec(width=width, runs=(run,), track=(xs - left, xe - left),
                            track_height=track_h, track_ink=th.ink(ink),
                            fill=th.surface("raised" if on else "page"),
                            backdrop=None, border=th.ink("accent") if on else None,
                            border_width=5.0 if on else 0.0, radius=6.0, pad_x=pad,
                            pad_y=ctx.px(6), dashed=strike), left

        # Milestones and evaluation moments first, then the actions' lanes.
        LaneTiles = list[tuple[Hashable, TileSpec, float, float]]
        lanes_tiles: list[tuple[str, str, LaneTiles]] = []
        if span is not None:
            for lane_key, name, entries, mark in (
                ("milestones", tr("Milestones", ctx.lang), s.roadmap.milestones, "◆"),
                ("evaluations", tr("Evaluation moments", ctx.lang), s.roadmap.evaluations, "●"),
            ):
                tiles: LaneTiles = []
                for e in entries:
                    tiles.append((e.id, *bar(e.id, e.title, e.date, e.date, marker=mark)))
                if tiles:
                    lanes_tiles.append((lane_key, name, tiles))
        undated: list[Action] = []
        names = {p.id: p.name for p in s.participants}
        for lane_key, name, members in self._lanes(ctx):
            tiles = []  # the same LaneTiles list type
            for a in members:
                dates = action_dates(a)
                if dates is None or span is None:
                    undated.append(a)
                    continue
                tiles.append((a.id, *bar(a.id, self._label_of(ctx, a, names), *dates,
                                         status=a.status)))
            if tiles:
                lanes_tiles.append((lane_key, name, tiles))
        self._bars, self._bars_frame = made, frame

        fixed_bottom = y
        today_h = face(meta).line_height + ctx.px(6)
        bottom = area.bottom - (today_h if span is not None else 0.0)
        page = 0
        seps: dict[int, list[float]] = {0: []}
        for lane_key, name, tiles in lanes_tiles:
            rows = pack([(k, left, left + spec.width) for k, spec, left, _h in tiles])
            by_row: dict[int, list[tuple[Hashable, TileSpec, float, float]]] = {}
            for entry in tiles:
                by_row.setdefault(rows[entry[0]], []).append(entry)
            head_key: Hashable = ("lane", lane_key)
            specs[head_key] = lane_head(lane_key, name, row_h)
            head_h = measure(specs[head_key])
            lane_top = y
            first = True
            for r in range(len(by_row)):
                rh = max(height for _k, _spec, _left, height in by_row[r])
                need = max(rh, head_h) if first else rh
                if y + need > bottom and y > fixed_bottom:
                    page += 1
                    seps[page] = []
                    y = fixed_bottom
                    if not first:  # the lane runs on: say whose lane this is
                        cont = ("lane-cont", lane_key, page)
                        specs[cont] = lane_head(lane_key, tr("continued: {name}", ctx.lang,
                                                                 name=name), row_h)
                        places[cont] = (page, area.x, y)
                        head_h = measure(specs[cont])
                    lane_top = y
                if first:
                    places[head_key] = (page, area.x, y)
                    if y > fixed_bottom:
                        seps[page].append(y - LANE_GAP / 2)
                    first = False
                for k, spec, left, _h in by_row[r]:
                    specs[k] = spec
                    places[k] = (page, left, y)
                y += rh + ROW_GAP
            # The lane is at least as tall as its name (two lines for a long owner).
            y = max(y, lane_top + head_h + ROW_GAP)
            y += LANE_GAP
        if undated:
            head: Hashable = ("lane", UNDATED)
            specs[head] = lane_head(UNDATED, tr("Not yet scheduled", ctx.lang), row_h)
            x = tx0 if span is not None else area.x + label_w + GAP
            if y + row_h > bottom and y > fixed_bottom:
                page, y = page + 1, fixed_bottom
                seps[page] = []
            places[head] = (page, area.x, y)
            if y > fixed_bottom:
                seps[page].append(y - LANE_GAP / 2)
            for a in undated:
                text = self._label_of(ctx, a, names)
                w = min(max_label, body_face.width(text) + 2 * ctx.px(10) + 4)
                if x + w > tx1 and x > tx0:
                    x = tx0
                    y += row_h + ROW_GAP
                    if y + row_h > bottom:
                        page, y = page + 1, fixed_bottom
                        seps[page] = []
                on = a.id == lit
                specs[a.id] = TileSpec(
                    width=w, runs=(ctx.run(text, "body", max_lines=1,
                                           strike=a.status is ActionStatus.CANCELLED),),
                    fill=th.surface("raised" if on else "card"),
                    border=th.ink("accent" if on else "muted"), border_width=5.0 if on else 2.0,
                    dashed=True, radius=6.0, pad_x=ctx.px(10), pad_y=ctx.px(6))
                places[a.id] = (page, x, y)
                x += w + ROW_GAP
        if span is not None and today_near:
            self._today_x = x_of(today)
            text = tr("Today, {date}", ctx.lang, date=fmt.short_date(today, ctx.lang))
            w = face(ctx.font("meta", bold=True)).width(text) + 16
            specs["today"] = TileSpec(width=w, pad_x=8, pad_y=2, fill=th.surface("page"),
                                      runs=(ctx.run(text, "meta", "accent", max_lines=1,
                                                    bold=True),))
            tx = min(max(area.x, self._today_x - w / 2), area.right - w)
            places["today"] = (EVERY_PAGE, tx, area.bottom - measure(specs["today"]))
        self.tiles.sync(specs)
        self.placements = places

        grid_bottom = bottom
        for p, ys in seps.items():
            path = QPainterPath()
            for mx in month_xs:
                path.moveTo(QPointF(mx, axis_bottom - 4))
                path.lineTo(QPointF(mx, grid_bottom))
            for sy in ys:
                path.moveTo(QPointF(area.x, sy))
                path.lineTo(QPointF(area.right, sy))
            self._pages_grid[p] = path
        self._lines_y = (axis_bottom - 4, grid_bottom + 4)
        self._today_gaps = self._gaps_around_text(places)
        return page + 1

    def _gaps_around_text(self, places: dict[Hashable, tuple[int, float, float]]
                          ) -> dict[int, list[tuple[float, float]]]:
        """Per page, the stretches of the today line that would run through text."""
        gaps: dict[int, list[tuple[float, float]]] = {}
        tx = self._today_x
        if tx is None:
            return gaps
        kept, self._gaps = self._gaps, {}
        for key, (page, x, y) in places.items():
            tile = self.tiles.tiles.get(key)
            if page < 0 or tile is None or not x - 8 <= tx <= x + tile.width + 8:
                continue
            where = (tile.spec, x, y, tx)
            known = kept.get(key)
            if known is not None and known[0] == where:
                found = known[1]
            else:
                found = [(y + rect.top() - 4, y + rect.bottom() + 4)
                         for rect in tile.text_rects()
                         if x + rect.left() - 8 <= tx <= x + rect.right() + 8]
            self._gaps[key] = (where, found)
            if found:
                gaps.setdefault(page, []).extend(found)
        return gaps

    def today_segments(self, page: int) -> list[tuple[float, float]]:
        """The (top, bottom) stretches the today line is drawn in on ``page``."""
        top, bottom = self._lines_y
        segments = []
        for g0, g1 in sorted(self._today_gaps.get(page, [])):
            if g0 > top:
                segments.append((top, min(g0, bottom)))
            top = max(top, g1)
        if top < bottom:
            segments.append((top, bottom))
        return segments

    def show(self, ctx: Context, page: int) -> None:
        super().show(ctx, page)
        th = ctx.theme
        path = self._pages_grid.get(page)
        if path is None:
            self._grid.setVisible(False)
        else:
            pen = QPen(QColor(th.ink("muted")), 1.0)
            pen.setStyle(Qt.PenStyle.DotLine)
            self._grid.setPen(pen)
            self._grid.setPath(path)
            self._grid.setVisible(True)
        if self._today_x is None or page < 0:
            self._today.setVisible(False)
            self._today_halo.setVisible(False)
        else:
            # Interrupted where a title crosses it; edged in the page's colour, so it
            # stays visible where it crosses a bar of its own colour.
            line = QPainterPath()
            for top, bottom in self.today_segments(page):
                line.moveTo(QPointF(self._today_x, top))
                line.lineTo(QPointF(self._today_x, bottom))
            self._today.setPen(QPen(QColor(th.ink("accent")), 4.0))
            self._today.setPath(line)
            self._today.setVisible(True)
            self._today_halo.setPen(QPen(QColor(th.surface("page")), 10.0))
            self._today_halo.setPath(line)
            self._today_halo.setVisible(True)

    def dispose(self) -> None:
        self.scene.removeItem(self._grid)
        self.scene.removeItem(self._today)
        self.scene.removeItem(self._today_halo)
        super().dispose()

    def spotlight(self, ctx: Context, item_id: str) -> tuple[Run, ...] | None:
        s = ctx.session
        a = next((x for x in s.roadmap.actions if x.id == item_id), None)
        if a is not None:
            runs = [ctx.run(a.title, "spotlight", max_lines=4)]
            if a.description.strip():
                runs.append(ctx.run(a.description, "heading", max_lines=4, bold=False,
                                    gap_before=12))
            facts = [label(a.phase, ctx.lang), label(a.status, ctx.lang)]
            if a.owner is not None:
                facts.insert(0, owner_label(s, a.owner))
            dates = action_dates(a)
            if dates is not None:
                facts.append(f"{fmt.short_date(dates[0], ctx.lang)} – "
                             f"{fmt.short_date(dates[1], ctx.lang)}")
            runs.append(ctx.run(" · ".join(facts), "heading", "muted", max_lines=3,
                                bold=False, gap_before=12))
            return tuple(runs)
        dated: list[Milestone | EvaluationMoment] = [*s.roadmap.milestones,
                                                     *s.roadmap.evaluations]
        for entry in dated:
            if entry.id == item_id:
                runs = [ctx.run(entry.title, "spotlight", max_lines=4),
                        ctx.run(fmt.long_date(entry.date, ctx.lang), "heading", "muted",
                                max_lines=1, bold=False, gap_before=12)]
                if entry.note.strip():
                    runs.append(ctx.run(entry.note, "heading", max_lines=4, bold=False,
                                        gap_before=8))
                return tuple(runs)
        return None


@register_canvas("roadmap-by-owner")
class RoadmapByOwnerCanvas(RoadmapCanvas):
    label = N_("Roadmap by owner")
    forced_grouping = "owner"

