"""Leading principles and rules of play: each item with its consent state, live.

The item under a consent round (``options.highlight_id``) is highlighted and its page is
shown; its tally (who consented, who has concerns, who has not spoken yet) updates as
the facilitator records the round.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable

from workshop.domain.consent import outcome_of, records_by_subject, standing_objections
from workshop.domain.model import AgreementItem, ConsentRecord, Decision, Outcome, Session
from workshop.i18n import N_, tr
from workshop.ui.canvas.scene import Canvas, CanvasScene, Context, register_canvas
from workshop.ui.canvas.tile import Run, TileSpec, measure

STATE_WIDTH = 440.0
GAP = 20.0
ITEM_LINES = 4
SURFACE = {
    Outcome.OPEN: "open",
    Outcome.IN_PROGRESS: "progress",
    Outcome.OBJECTED: "objected",
    Outcome.AGREED: "agreed",
}
WORDS = {  # not labels.label(): Outcome.IN_PROGRESS collides with ActionStatus there
    Outcome.OPEN: N_("Open"),
    Outcome.IN_PROGRESS: N_("Round in progress"),
    Outcome.OBJECTED: N_("Objection standing"),
    Outcome.AGREED: N_("Agreed"),
}
MARK = {Outcome.OPEN: "○", Outcome.IN_PROGRESS: "◔", Outcome.OBJECTED: "✗",
        Outcome.AGREED: "✓"}


def tally(records: list[ConsentRecord], present: set[str]) -> tuple[int, int, int, int]:
    """(consent, concern, standing objection, not yet spoken) among present participants."""
    spoken = {r.participant_id for r in records}
    consent = sum(1 for r in records if r.decision is Decision.CONSENT)
    concern = sum(1 for r in records if r.decision is Decision.CONCERN)
    objection = len(standing_objections(records))
    return consent, concern, objection, len(present - spoken)


class AgreementsCanvas(Canvas):
    """Principles or rules; ``items`` picks which list of the session."""

    def __init__(self, scene: CanvasScene, which: str) -> None:
        super().__init__(scene)
        self._which = which
        self._rows: dict[tuple[str, float], tuple[tuple[object, ...], TileSpec, TileSpec]] = {}
        """Each item's two tiles, with what they were made from (``_row``): a decision
        on one item makes that item's tiles again, not all fifty."""

    def items(self, session: Session) -> list[AgreementItem]:
        return session.principles if self._which == "principles" else session.rules

    def _grouped(self, session: Session) -> dict[str, list[ConsentRecord]]:
        """The current decisions on the principles or rules (the agreement's own round,
        whose version takes a rendering of the whole agreement, is not shown here)."""
        return records_by_subject(session, agreement="-")

    def _state_runs(self, ctx: Context, records: list[ConsentRecord], present: set[str],
                    lit: bool) -> tuple[Run, ...]:
        result = outcome_of(records, present)
        consent, concern, objection, waiting = tally(records, present)
        runs = [ctx.run(f"{MARK[result]} {tr(WORDS[result], ctx.lang)}", "body", max_lines=2,
                        bold=True)]
        counts = []
        if consent:
            counts.append(tr("Consent: {count}", ctx.lang, count=consent))
        if concern:
            counts.append(tr("Concern: {count}", ctx.lang, count=concern))
        if objection:
            counts.append(tr("Objection: {count}", ctx.lang, count=objection))
        if records and waiting:
            counts.append(tr("Not yet: {count}", ctx.lang, count=waiting))
        if counts:
            runs.append(ctx.run(" · ".join(counts), "meta", "muted", max_lines=3))
        if lit and records and waiting:
            names = {p.id: p.name for p in ctx.session.participants}
            spoken = {r.participant_id for r in records}
            missing = [names[p] for p in sorted(present - spoken, key=list(names).index)]
            runs.append(ctx.run(tr("Waiting for: {names}", ctx.lang, names=", ".join(missing)),
                                "meta", "muted", max_lines=3, gap_before=4))
        return tuple(runs)

    def build(self, ctx: Context) -> int:
        # A short list is shown larger, as long as it still fits one page.
        specs: dict[Hashable, TileSpec] = {}
        items = self.items(ctx.session)
        grouped = self._grouped(ctx.session)
        for factor in (1.3, 1.15, 1.0):
            scale = ctx.scale * factor
            if factor > 1.0 and scale > 4.0:
                continue
            sized = dataclasses.replace(ctx, options=ctx.options.replace(text_scale=scale))
            if factor > 1.0:
                # At least one line and the padding per item: a long list cannot fit
                # larger, so it is not laid out larger only to find that out.
                least = len(items) * (sized.line_height("body") + sized.px(24 + 14))
                if least > ctx.area.h:
                    continue
            specs = self._specs(sized, grouped)
            total = sum(measure(specs[i.id]) + sized.px(14) for i in items)
            if total <= ctx.area.h:
                ctx = sized
                break
        self.tiles.sync(specs)
        return self._place(ctx)

    def _specs(self, ctx: Context, grouped: dict[str, list[ConsentRecord]]
               ) -> dict[Hashable, TileSpec]:
        s = ctx.session
        area = ctx.area
        present = {p.id for p in s.participants if p.present}
        # Everything a row is made of besides its item and its decisions: the names (of
        # those still waiting), who is present, the options (scale, theme, language,
        # highlight), the wall's width.
        context = (ctx.options, area.w, frozenset(present),
                   tuple((p.id, p.name) for p in s.participants))
        specs: dict[Hashable, TileSpec] = {}
        items = self.items(s)
        scale = ctx.options.text_scale  # (a short list is tried at two sizes more)
        for n, item in enumerate(items, start=1):
            records = grouped.get(item.id, [])
            key = (context, n, item.text,
                   tuple((r.participant_id, r.decision, r.resolution) for r in records))
            row = self._rows.get((item.id, scale))
            if row is None or row[0] != key:
                row = self._rows[(item.id, scale)] = (
                    key, *self._row(ctx, n, item, records, present))
            specs[item.id], specs[("state", item.id)] = row[1], row[2]
        if len(self._rows) > 3 * len(items) + 16:  # items removed, sizes no longer tried
            shown = {(item.id, scale) for item in items}
            self._rows = {k: v for k, v in self._rows.items() if k in shown}
        if not items:
            specs["empty"] = TileSpec(width=area.w, pad_x=0, runs=(ctx.run(
                tr("Nothing agreed yet.", ctx.lang), "body",
                "muted"),))
        return specs

    def _row(self, ctx: Context, n: int, item: AgreementItem, records: list[ConsentRecord],
             present: set[str]) -> tuple[TileSpec, TileSpec]:
        """An item's two tiles (its words, its state), as tall as the taller one."""
        th = ctx.theme
        area = ctx.area
        state_w = min(ctx.px(STATE_WIDTH), area.w * 0.36)
        text_w = area.w - state_w - GAP
        lit = item.id == ctx.options.highlight_id
        result = outcome_of(records, present)
        border = th.ink("accent" if lit else "muted")
        width = 6.0 if lit else 1.5
        text = TileSpec(
            width=text_w, fill=th.surface("raised" if lit else "card"), border=border,
            border_width=width, radius=10.0, pad_x=ctx.px(18), pad_y=ctx.px(12),
            runs=(ctx.run(f"{n}.  {item.text}", "body", max_lines=ITEM_LINES),))
        state = TileSpec(
            width=state_w, fill=th.surface(SURFACE[result]), border=border,
            border_width=width, radius=10.0, pad_x=ctx.px(16), pad_y=ctx.px(12),
            runs=self._state_runs(ctx, records, present, lit))
        h = max(measure(text), measure(state))
        return (dataclasses.replace(text, min_height=h),
                dataclasses.replace(state, min_height=h))

    def _place(self, ctx: Context) -> int:
        area = ctx.area
        items = self.items(ctx.session)
        text_w = area.w - min(ctx.px(STATE_WIDTH), area.w * 0.36) - GAP
        places: dict[Hashable, tuple[int, float, float]] = {}
        page, y = 0, 0.0
        for item in items:
            h = self.tiles.height(item.id)
            if y > 0 and y + h > area.h:
                page, y = page + 1, 0.0
            places[item.id] = (page, area.x, area.y + y)
            places[("state", item.id)] = (page, area.x + text_w + GAP, area.y + y)
            y += h + ctx.px(14)
        if not items:
            places["empty"] = (0, area.x, area.y)
        self.placements = places
        return page + 1

    def spotlight(self, ctx: Context, item_id: str) -> tuple[Run, ...] | None:
        item = next((i for i in self.items(ctx.session) if i.id == item_id), None)
        if item is None:
            return None
        present = {p.id for p in ctx.session.participants if p.present}
        records = self._grouped(ctx.session).get(item.id, [])
        state = self._state_runs(ctx, records, present, True)
        return (ctx.run(item.text, "spotlight", max_lines=7),) + tuple(
            Run(r.text, ctx.font("heading", bold=r.font.bold), r.ink, role="heading",
                max_lines=r.max_lines, gap_before=12) for r in state)


@register_canvas("principles")
class PrinciplesCanvas(AgreementsCanvas):
    label = N_("Leading principles")

    def __init__(self, scene: CanvasScene) -> None:
        super().__init__(scene, "principles")


@register_canvas("rules")
class RulesCanvas(AgreementsCanvas):
    label = N_("Rules of play")

    def __init__(self, scene: CanvasScene) -> None:
        super().__init__(scene, "rules")
