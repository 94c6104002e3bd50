"""Preparation: who is at the table, grouped by perspective, and the agenda with its time boxes."""

from __future__ import annotations

from collections.abc import Hashable

from workshop.domain.labels import label
from workshop.domain.perspectives import perspective_label
from workshop.i18n import N_, tr
from workshop.ui.canvas import fmt
from workshop.ui.canvas.flow import Area, Block, flow
from workshop.ui.canvas.scene import Canvas, Context, register_canvas
from workshop.ui.canvas.tile import EVERY_PAGE, Run, TileSpec

PARTY_WIDTH = 370.0
AGENDA_WIDTH = 560.0
GAP = 24.0


def minutes_text(ctx: Context, minutes: int) -> str:
    if minutes < 60:
        return tr("{minutes} min", ctx.lang, minutes=minutes)
    return tr("{hours} h {minutes} min", ctx.lang, hours=minutes // 60, minutes=minutes % 60) \
        if minutes % 60 else tr("{hours} h", ctx.lang, hours=minutes // 60)


@register_canvas("preparation")
class PreparationCanvas(Canvas):
    label = N_("Preparation")

    def title(self, ctx: Context) -> str:
        return ctx.session.details.name

    def build(self, ctx: Context) -> int:
        s = ctx.session
        d = s.details
        th = ctx.theme
        area = ctx.area
        specs: dict[Hashable, TileSpec] = {}
        places: dict[Hashable, tuple[int, float, float]] = {}

        facts = []
        if d.date is not None:
            facts.append(fmt.long_date(d.date, ctx.lang))
        facts += [t for t in (d.venue.strip(), d.region.strip()) if t]
        runs: list[Run] = []
        if facts:
            runs.append(ctx.run(" · ".join(facts), "body", max_lines=2, bold=True))
        if d.facilitator.strip():
            runs.append(ctx.run(tr("Facilitator: {name}", ctx.lang, name=d.facilitator.strip()),
                                "meta", "muted", max_lines=1))
        top = area.y
        if runs:
            specs["facts"] = TileSpec(width=area.w, runs=tuple(runs), pad_x=0, pad_y=0)

        # The agenda, on the right of every page.
        agenda_w = min(ctx.px(AGENDA_WIDTH), area.w * 0.42)
        specs["agenda-head"] = TileSpec(width=agenda_w, pad_x=0, pad_y=ctx.px(4),
                                        runs=(ctx.run(tr("Agenda", ctx.lang), "heading"),))
        total = 0
        for item in s.agenda:
            total += item.minutes
            current = ctx.options.highlight_id == item.step.value
            specs[("agenda", item.step.value)] = TileSpec(
                width=agenda_w, fill=th.surface("raised" if current else "card"),
                border=th.ink("accent" if current else "muted"),
                border_width=5.0 if current else 1.5, radius=8.0,
                pad_x=ctx.px(14), pad_y=ctx.px(8),
                runs=(ctx.run(label(item.step, ctx.lang), "body", max_lines=2),),
                trailing=ctx.run(minutes_text(ctx, item.minutes), "body", "muted",
                                 max_lines=1),
            )
        specs["agenda-total"] = TileSpec(
            width=agenda_w, pad_x=ctx.px(14), pad_y=ctx.px(6),
            runs=(ctx.run(tr("Total", ctx.lang), "body", bold=True),),
            trailing=ctx.run(minutes_text(ctx, total), "body", bold=True, max_lines=1))

        # The parties, grouped by perspective in order of first appearance; a key is
        # shown in the canvas's language, the facilitator's own text as typed.
        groups: dict[str, list[str]] = {}
        for p in s.participants:
            groups.setdefault(perspective_label(p.perspective.strip(), ctx.lang), []
                              ).append(p.id)
        party_w = ctx.px(PARTY_WIDTH)
        blocks_spec: list[tuple[Hashable, bool, str]] = []
        for perspective, ids in groups.items():
            key = ("perspective", perspective)
            specs[key] = TileSpec(width=party_w, pad_x=0, pad_y=ctx.px(2), runs=(
                ctx.run(perspective or tr("No perspective given", ctx.lang), "body", "accent",
                        max_lines=3, bold=True),))
            blocks_spec.append((key, True, perspective))
            for pid in ids:
                who = s.participant(pid)
                assert who is not None
                name = who.name if who.present else tr("{name} (absent)", ctx.lang,
                                                         name=who.name)
                detail = " · ".join(t for t in (who.organisation.strip(), who.role.strip())
                                    if t)
                runs = [ctx.run(name, "body", "text" if who.present else "muted",
                                max_lines=2, bold=who.present)]
                if detail:
                    runs.append(ctx.run(detail, "meta", "muted", max_lines=2))
                specs[pid] = TileSpec(width=party_w, runs=tuple(runs), pad_x=ctx.px(14),
                                      pad_y=ctx.px(8), fill=th.surface("card"),
                                      border=th.ink("muted"), border_width=1.5, radius=8.0,
                                      dashed=not who.present)
                blocks_spec.append((pid, False, perspective))
        if not s.participants:
            specs["nobody"] = TileSpec(width=party_w, pad_x=0, runs=(
                ctx.run(tr("No participants yet.", ctx.lang), "body", "muted"),))
            blocks_spec.append(("nobody", False, ""))
        self.tiles.sync(specs)

        if "facts" in specs:  # (``runs`` is reused for the parties below)
            places["facts"] = (EVERY_PAGE, area.x, top)
            top += self.tiles.height("facts") + ctx.px(20)
        x_agenda = area.right - agenda_w
        y = top
        agenda_keys: list[Hashable] = ["agenda-head"]
        agenda_keys += [("agenda", i.step.value) for i in s.agenda]
        agenda_keys.append("agenda-total")
        for agenda_key in agenda_keys:
            places[agenda_key] = (EVERY_PAGE, x_agenda, y)
            y += self.tiles.height(agenda_key) + ctx.px(8)

        board = Area(area.x, top, area.w - agenda_w - ctx.px(GAP) * 2, area.bottom - top)
        blocks = [Block(key, self.tiles.height(key), head=head, group=group,
                        gap_before=ctx.px(12) if head else 0.0)
                  for key, head, group in blocks_spec]
        result = flow(blocks, board, party_w, ctx.px(GAP), ctx.px(8), center=False)
        places.update(result.placements)
        self.placements = places
        return result.pages

    def spotlight(self, ctx: Context, item_id: str) -> tuple[Run, ...] | None:
        p = ctx.session.participant(item_id)
        if p is None:
            return None
        runs = [ctx.run(p.name, "spotlight", max_lines=3)]
        for text in (p.organisation, p.role, perspective_label(p.perspective, ctx.lang),
                     p.mandate):
            if text.strip():
                runs.append(ctx.run(text, "heading", "muted", max_lines=3, bold=False,
                                    gap_before=12))
        return tuple(runs)

