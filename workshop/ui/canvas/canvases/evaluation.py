"""The evaluation meeting on the wall: the five conditions then and now (the change per
condition, in numbers), and what changed in the agreement since the version revised
(removed words struck through, added words in bold)."""

from __future__ import annotations

from collections.abc import Hashable

from workshop import locale_format
from workshop.domain import diagnostics as dg
from workshop.domain import evaluation as ev
from workshop.domain.compare import (
    KIND_TITLES,
    SECTION_TITLES,
    changes_since_previous,
    readable,
    readable_title,
)
from workshop.domain.labels import label
from workshop.domain.model import Condition
from workshop.i18n import N_, Language, tr
from workshop.ui.canvas.canvases.diagnostics import number
from workshop.ui.canvas.flow import Block, flow
from workshop.ui.canvas.scene import Canvas, Context, register_canvas
from workshop.ui.canvas.tile import Run, TileSpec

GAP = 24.0


def _signed(value: float | None, lang: Language) -> str:
    return locale_format.decimal(value, lang, signed=True)


def _note(ctx: Context, text: str, width: float) -> TileSpec:
    return TileSpec(width=width, pad_x=0, pad_y=0,
                    runs=(ctx.run(text, "body", "muted", max_lines=3),))


@register_canvas("conditions_change")
class ConditionsChangeCanvas(Canvas):
    label = N_("Five conditions: then and now")

    def build(self, ctx: Context) -> int:
        s, th, area = ctx.session, ctx.theme, ctx.area
        pair = ev.scan_pair(s)
        specs: dict[Hashable, TileSpec] = {}
        keys: list[Hashable] = []
        rows: list[tuple[Condition, float | None, float | None, float | None]]
        if pair is not None:
            rows = [(c.condition, c.before.mean, c.after.mean, c.delta)
                    for c in dg.compare(s, *pair)]
        else:
            # Nothing to compare yet: the one measurement there is, then or now.
            start = s.evaluation.start_moment_id if s.evaluation else ""
            only = dg.moment(s, start) if start else dg.latest_moment(s)
            means = ({st.condition: st.mean for st in dg.condition_stats(s, only.id)}
                     if only else {})
            rows = [(c, means.get(c), None, None) if start else (c, None, means.get(c), None)
                    for c in Condition]
            specs["none"] = _note(ctx, tr("No new measurement yet: take the scan again to "
                                          "compare it with the start meeting.", ctx.lang),
                                  area.w)
            keys.append("none")
        for condition, before, after, delta in rows:
            line = tr("then {before} · now {after} · change {delta}", ctx.lang,
                      before=number(before, ctx.lang), after=number(after, ctx.lang),
                      delta=_signed(delta, ctx.lang))
            specs[condition.value] = TileSpec(
                width=area.w, fill=th.surface("card"), border=th.ink("muted"),
                border_width=1.5, radius=10.0, pad_x=ctx.px(18), pad_y=ctx.px(8),
                runs=(ctx.run(label(condition, ctx.lang), "body", max_lines=2, bold=True),
                      ctx.run(line, "heading", max_lines=1, gap_before=2)))
            keys.append(condition.value)
        self.tiles.sync(specs)
        result = flow([Block(k, self.tiles.height(k)) for k in keys], area, area.w, GAP,
                      ctx.px(12))
        self.placements = dict(result.placements)
        return result.pages


@register_canvas("changes")
class ChangesCanvas(Canvas):
    label = N_("What changed")

    def _runs(self, ctx: Context, change_index: int) -> tuple[Run, ...]:
        change = self._changes[change_index]
        title = readable_title(change.section, change.title, ctx.lang)
        head = tr(SECTION_TITLES[change.section], ctx.lang) + " · " + tr(
            KIND_TITLES[change.kind], ctx.lang) + (f" · {title}" if title else "")
        runs = [ctx.run(head, "meta", "muted", max_lines=1, bold=True)]
        if change.kind in ("amended", "removed"):
            before = readable(change.section, change.before, ctx.lang)
            runs.append(ctx.run(before, "body", "muted", max_lines=3, strike=True,
                                gap_before=2))
        if change.kind in ("amended", "added"):
            after = readable(change.section, change.after, ctx.lang)
            runs.append(ctx.run(after, "body", max_lines=4, bold=True, gap_before=2))
        return tuple(runs)

    def build(self, ctx: Context) -> int:
        th, area = ctx.theme, ctx.area
        self._changes = changes_since_previous(ctx.session)
        specs: dict[Hashable, TileSpec] = {}
        previous = ev.revised(ctx.session)
        if previous is None or not self._changes:
            text = (tr("This session is a start meeting: there is no earlier version.",
                       ctx.lang) if previous is None
                    else tr("No article of the agreement changed.", ctx.lang))
            specs["none"] = _note(ctx, text, area.w)
        col_w = (area.w - GAP) / 2
        for n, _change in enumerate(self._changes):
            specs[n] = TileSpec(width=col_w, fill=th.surface("card"), border=th.ink("muted"),
                                border_width=1.5, radius=10.0, pad_x=ctx.px(18),
                                pad_y=ctx.px(10), runs=self._runs(ctx, n))
        self.tiles.sync(specs)
        if "none" in specs:
            self.placements = {"none": (0, area.x, area.y)}
            return 1
        result = flow([Block(n, self.tiles.height(n)) for n in range(len(self._changes))],
                      area, col_w, GAP, ctx.px(14))
        self.placements = dict(result.placements)
        return result.pages
