"""Organising and deciding: the choices the table made, one tile per question."""

from __future__ import annotations

from collections.abc import Hashable

from workshop.domain.labels import label
from workshop.domain.model import Organising
from workshop.i18n import N_, tr
from workshop.ui.canvas.flow import Block, flow
from workshop.ui.canvas.scene import Canvas, Context, register_canvas
from workshop.ui.canvas.tile import Run, TileSpec

GAP = 24.0
NOTE_LINES = 4

QUESTIONS: tuple[tuple[str, str], ...] = (
    ("decision_rule", N_("How we decide")),
    ("chair", N_("Who chairs")),
    ("cadence", N_("How often we meet")),
    ("annual_calendar", N_("Annual calendar")),
    ("representation", N_("Who is at the table")),
    ("financing", N_("Financing")),
    ("evaluation", N_("How we evaluate")),
)


def answer(o: Organising, key: str, lang: str) -> tuple[str, str]:
    """(the choice in words, the note) for one question; empty choice if not made."""
    if key in ("cadence", "annual_calendar"):
        return getattr(o, key).strip(), ""
    note = getattr(o, f"{key}_note").strip()
    value = getattr(o, key)
    if key == "financing":
        return ", ".join(label(f, lang) for f in value), note  # type: ignore[arg-type]
    return (label(value, lang) if value is not None else ""), note  # type: ignore[arg-type]


@register_canvas("organising")
class OrganisingCanvas(Canvas):
    label = N_("Organising and deciding")

    def _runs(self, ctx: Context, key: str, question: str, lines: int,
              role: str = "body") -> tuple[Run, ...]:
        choice, note = answer(ctx.session.organising, key, ctx.lang)
        runs = [ctx.run(tr(question, ctx.lang), "meta", "muted", max_lines=1, bold=True)]
        free_text = key in ("cadence", "annual_calendar")
        if choice and free_text:
            runs.append(ctx.run(choice, role, max_lines=lines + 1, gap_before=2))
        elif choice:
            runs.append(ctx.run(choice, "heading" if role == "body" else role, max_lines=3,
                                bold=True, gap_before=2))
        else:
            runs.append(ctx.run(tr("Not decided yet", ctx.lang), "body", "muted", max_lines=1))
        if note:
            runs.append(ctx.run(note, role, max_lines=lines, gap_before=4))
        return tuple(runs)

    def build(self, ctx: Context) -> int:
        th = ctx.theme
        area = ctx.area
        col_w = (area.w - GAP) / 2
        specs: dict[Hashable, TileSpec] = {}
        lit = ctx.options.highlight_id
        for key, question in QUESTIONS:
            on = lit == key
            specs[key] = TileSpec(
                width=col_w, runs=self._runs(ctx, key, question, NOTE_LINES),
                fill=th.surface("raised" if on else "card"),
                border=th.ink("accent" if on else "muted"), border_width=6.0 if on else 1.5,
                radius=10.0, pad_x=ctx.px(18), pad_y=ctx.px(10))
        self.tiles.sync(specs)
        blocks = [Block(key, self.tiles.height(key)) for key, _q in QUESTIONS]
        result = flow(blocks, area, col_w, GAP, ctx.px(14))
        self.placements = dict(result.placements)
        return result.pages

    def spotlight(self, ctx: Context, item_id: str) -> tuple[Run, ...] | None:
        question = dict(QUESTIONS).get(item_id)
        if question is None:
            return None
        return self._runs(ctx, item_id, question, 8, role="statement")
