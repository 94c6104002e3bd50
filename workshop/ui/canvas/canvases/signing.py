"""Signing: who has signed, live. A signature given on an older text shows as void."""

from __future__ import annotations

from collections.abc import Hashable

from workshop.domain.consent import outcome_of, records_for
from workshop.domain.fingerprint import short_fingerprint
from workshop.domain.labels import label
from workshop.domain.model import AGREEMENT_SUBJECT, Signature, Stroke
from workshop.i18n import N_, tr
from workshop.ui.canvas import fmt
from workshop.ui.canvas.canvases.agreements import WORDS
from workshop.ui.canvas.flow import Area, Block, flow, grid
from workshop.ui.canvas.scene import Canvas, CanvasScene, Context, register_canvas
from workshop.ui.canvas.tile import EVERY_PAGE, Polyline, Run, TileSpec

TILE_WIDTH = 420.0
GAP = 20.0
STROKE_POINTS = 60
"""Points kept per stroke on the wall: enough for the shape, cheap to redraw."""


def strokes_of(signature: Signature) -> tuple[Polyline, ...]:
    out = []
    for stroke in signature.strokes:
        pts = stroke.points
        step = max(1, len(pts) // STROKE_POINTS)
        kept = pts[::step]
        if kept[-1] is not pts[-1]:
            kept = [*kept, pts[-1]]
        out.append(tuple((float(x), float(y)) for x, y, _p in kept))
    return tuple(out)


@register_canvas("signing")
class SigningCanvas(Canvas):
    label = N_("Signing")

    def __init__(self, scene: CanvasScene) -> None:
        super().__init__(scene)
        self._strokes: dict[str, tuple[list[Stroke], tuple[Polyline, ...]]] = {}
        """Signature id -> (its strokes, thinned): 40 signatures hold ~16,000 points,
        thinned again on every build otherwise (a signature's strokes are set when it is
        made; an undo brings back a new list)."""

    def _strokes_of(self, signature: Signature) -> tuple[Polyline, ...]:
        kept = self._strokes.get(signature.id)
        if kept is None or kept[0] is not signature.strokes:
            kept = (signature.strokes, strokes_of(signature))
            self._strokes[signature.id] = kept
        return kept[1]

    def build(self, ctx: Context) -> int:
        if ctx.options.highlight_id == AGREEMENT_SUBJECT:
            return self._build_agreement(ctx)
        return self._build_signatures(ctx)

    def _build_agreement(self, ctx: Context) -> int:
        """The agreement as a whole, while the table holds its consent round: what they
        consent to (the articles in short), with the round's state on every page."""
        s = ctx.session
        th = ctx.theme
        area = ctx.area
        present = {p.id for p in s.participants if p.present}
        known = self.scene.known_agreement_version(s)
        records = records_for(s, AGREEMENT_SUBJECT, known() if known is not None else None)
        result = outcome_of(records, present)
        spoken = {r.participant_id for r in records}
        state = tr("Consent round on the agreement as a whole: {outcome} · {spoken} of "
                   "{present} have responded", ctx.lang,
                   outcome=tr(WORDS[result], ctx.lang), spoken=len(spoken & present),
                   present=len(present))
        specs: dict[Hashable, TileSpec] = {"round": TileSpec(
            width=area.w, pad_x=0, pad_y=0, runs=(
                ctx.run(s.details.name, "heading", max_lines=2),
                ctx.run(state, "meta", "muted", max_lines=2, gap_before=4)))}
        col_w = (area.w - GAP) / 2
        blocks: list[Block] = []

        def tile(key: str, title: str, lines: list[str], max_lines: int = 5) -> None:
            runs = [ctx.run(title, "meta", "muted", max_lines=2, bold=True)]
            runs += [ctx.run(line, "body", max_lines=max_lines, gap_before=4)
                     for line in lines]
            specs[key] = TileSpec(width=col_w, runs=tuple(runs), fill=th.surface("card"),
                                  border=th.ink("muted"), border_width=1.5, radius=10.0,
                                  pad_x=ctx.px(16), pad_y=ctx.px(10))
            blocks.append(Block(key, 0.0))

        if s.ambition.statement.strip():
            tile("ambition", tr("Shared ambition", ctx.lang), [s.ambition.statement], 9)
        for title, items, prefix in ((tr("Leading principles", ctx.lang), s.principles, "p"),
                                     (tr("Rules of play", ctx.lang), s.rules, "r")):
            for n, item in enumerate(items, 1):
                tile(f"{prefix}{item.id}", f"{title} · {n}", [item.text])
        o = s.organising
        choices = [label(v, ctx.lang) for v in (o.decision_rule, o.chair, o.representation,
                                                o.evaluation) if v is not None]
        if choices:
            tile("organising", tr("Organising and deciding", ctx.lang), [" · ".join(choices)])
        if s.roadmap.actions:
            tile("roadmap", tr("Roadmap", ctx.lang), [tr(
                "{count} actions, from {first} to {last}", ctx.lang,
                count=len(s.roadmap.actions), first=s.roadmap.actions[0].title,
                last=s.roadmap.actions[-1].title)])
        self.tiles.sync(specs)
        blocks = [Block(b.key, self.tiles.height(b.key)) for b in blocks]
        top = area.y + self.tiles.height("round") + ctx.px(18)
        room = Area(area.x, top, area.w, area.bottom - top)
        laid = flow(blocks, room, col_w, GAP, ctx.px(14))
        self.placements = {"round": (EVERY_PAGE, area.x, area.y), **laid.placements}
        return laid.pages

    def _build_signatures(self, ctx: Context) -> int:
        s = ctx.session
        th = ctx.theme
        area = ctx.area
        current = self.scene.known_fingerprint(s)
        signatures = {g.participant_id: g for g in s.signatures}
        present = [p for p in s.participants if p.present]
        valid = sum(1 for p in present
                    if p.id in signatures and signatures[p.id].fingerprint == current)
        specs: dict[Hashable, TileSpec] = {}
        heading = (tr("{signed} of {present} present participants have signed", ctx.lang,
                      signed=valid, present=len(present)) if present
                   else tr("Nobody present to sign yet.", ctx.lang))
        specs["count"] = TileSpec(width=area.w, pad_x=0, pad_y=0, runs=(
            ctx.run(heading, "heading", max_lines=2),
            ctx.run(tr("Text fingerprint {fingerprint}", ctx.lang,
                           fingerprint=short_fingerprint(current)), "meta", "muted",
                    max_lines=1, gap_before=4),
        ))
        tile_w = ctx.px(TILE_WIDTH)
        lit = ctx.options.highlight_id
        for p in present:
            sig = signatures.get(p.id)
            runs = [ctx.run(p.name, "body", max_lines=2, bold=True)]
            if p.organisation.strip():
                runs.append(ctx.run(p.organisation, "meta", "muted", max_lines=2))
            strokes: tuple[Polyline, ...] = ()
            if sig is None:
                surface, ink = "open", "muted"
                runs.append(ctx.run("○ " + tr("Not signed yet", ctx.lang), "meta", ink,
                                    max_lines=2, gap_before=6))
            elif sig.fingerprint != current:
                surface, ink = "objected", "void"
                runs.append(ctx.run("✗ " + tr("Void: the text changed after signing", ctx.lang),
                                    "meta", ink, max_lines=3, gap_before=6, bold=True))
            else:
                surface, ink = "agreed", "text"
                runs.append(ctx.run("✓ " + tr("Signed at {time}", ctx.lang,
                                                  time=fmt.clock(sig.signed_at, ctx.lang)),
                                    "meta", ink, max_lines=1, gap_before=6, bold=True))
                strokes = self._strokes_of(sig)
            on = lit == p.id
            specs[p.id] = TileSpec(
                width=tile_w, runs=tuple(runs), fill=th.surface("raised" if on else surface),
                border=th.ink("accent" if on else "muted"), border_width=6.0 if on else 1.5,
                radius=10.0, pad_x=ctx.px(16), pad_y=ctx.px(10), min_height=ctx.px(150),
                strokes=strokes, strokes_height=ctx.px(56) if strokes else 0.0,
                stroke_ink=th.ink("text"))
        absent = [p.name for p in s.participants if not p.present]
        if absent:
            specs["absent"] = TileSpec(width=area.w, pad_x=0, pad_y=0, runs=(ctx.run(
                tr("Absent: {names}", ctx.lang, names=", ".join(absent)), "meta", "muted",
                max_lines=2),))
        self.tiles.sync(specs)

        places: dict[Hashable, tuple[int, float, float]] = {"count": (EVERY_PAGE, area.x,
                                                                      area.y)}
        top = area.y + self.tiles.height("count") + ctx.px(18)
        bottom = area.bottom
        if absent:
            h = self.tiles.height("absent")
            bottom -= h + ctx.px(12)
            places["absent"] = (EVERY_PAGE, area.x, bottom + ctx.px(12))
        room = Area(area.x, top, area.w, bottom - top)
        result = grid([Block(p.id, self.tiles.height(p.id)) for p in present], room, tile_w,
                      GAP, ctx.px(14))
        places.update(result.placements)
        self.placements = places
        return result.pages

    def spotlight(self, ctx: Context, item_id: str) -> tuple[Run, ...] | None:
        if item_id == AGREEMENT_SUBJECT:
            return (ctx.run(tr("The agreement as a whole", ctx.lang), "spotlight",
                            max_lines=3),
                    ctx.run(ctx.session.details.name, "heading", "muted", max_lines=2,
                            bold=False))
        p = ctx.session.participant(item_id)
        if p is None or not p.present:
            return None
        return (ctx.run(p.name, "spotlight", max_lines=3),
                ctx.run(p.organisation, "heading", "muted", max_lines=2, bold=False))
