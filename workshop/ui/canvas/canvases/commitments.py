"""Commitments on the wall: who brings what (per party, with totals and a bar chart),
who holds which role; and the agreement scorecard, part by part.

``commitments``: at the left one tile per party with its contributions and its yearly
total (a party that brings nothing yet says so); at the right the collaboration's
totals, bars of the euros and the hours per year per party, and the roles. The bars are
two path items, built once and given new paths on every change.

``scorecard``: the score large, then each part of a complete agreement as a tile: a
tick and a green surface when it is there, a cross, a red surface and what is missing
(named) when it is not. Colour is never the only sign: the words say it too.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from decimal import Decimal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from workshop import locale_format
from workshop.domain.commitments import PartyTotals, totals
from workshop.domain.fingerprint import owner_label
from workshop.domain.labels import label
from workshop.domain.model import Contribution, ContributionKind, Period, Role, Session
from workshop.domain.scorecard import Scorecard, scorecard
from workshop.i18n import N_, Language, tr
from workshop.ui.canvas.flow import Area, Block, flow
from workshop.ui.canvas.scene import Canvas, CanvasScene, Context, register_canvas
from workshop.ui.canvas.tile import EVERY_PAGE, Placement, Run, TileSpec, measure

GAP = 28.0
BAR_H = 26.0
LINES_PER_CONTRIBUTION = 2
MIN_COLUMN = 480.0
"""The narrowest column of party tiles (grows with the text scale)."""
MISSING_SHOWN = 2
"""Per missing part, at most this many sentences; the rest are counted."""

def number(value: Decimal, lang: Language) -> str:
    """1234.5 -> "1.234,50" (nl) or "1,234.50" (en): the PDFs' own formatting."""
    return locale_format.number(value, lang)


def euros(value: Decimal, lang: Language) -> str:
    return locale_format.money(value, lang)


def hours(value: Decimal, lang: Language) -> str:
    return tr("{amount} hours", lang, amount=number(value, lang))


def contribution_line(c: Contribution, lang: Language) -> str:
    """"16 hours per month: 0.2 FTE programme manager" (kind words when nothing else)."""
    period = label(c.period, lang).lower() if c.period is not Period.ONE_OFF else ""
    if c.amount is None:
        amount = label(c.kind, lang)
    elif c.kind is ContributionKind.PEOPLE:
        amount = hours(c.amount, lang)
    elif c.kind is ContributionKind.MONEY:
        amount = euros(c.amount, lang)
    else:
        amount = tr("in kind, about {amount}", lang, amount=euros(c.amount, lang))
    if c.period is Period.ONE_OFF and c.amount is not None:
        amount = tr("{amount} once", lang, amount=amount)
    elif period and c.amount is not None:
        amount = f"{amount} {period}"
    description = c.description.strip()
    return f"{amount}: {description}" if description else amount


def total_parts(p: PartyTotals, lang: Language) -> list[str]:
    """What a party (or all) brings per year, and once, one total per kind; money and
    in kind apart, as the agreement prints them: one number, one truth."""
    parts = []
    if p.euros_per_year:
        parts.append(tr("{amount} per year", lang, amount=euros(p.euros_per_year, lang)))
    if p.hours_per_year:
        parts.append(tr("{amount} per year", lang, amount=hours(p.hours_per_year, lang)))
    if p.in_kind_per_year:
        parts.append(tr("in kind about {amount} per year", lang,
                        amount=euros(p.in_kind_per_year, lang)))
    if p.one_off_euros:
        parts.append(tr("{amount} once", lang, amount=euros(p.one_off_euros, lang)))
    if p.one_off_in_kind:
        parts.append(tr("in kind about {amount} once", lang,
                        amount=euros(p.one_off_in_kind, lang)))
    if p.one_off_hours:
        parts.append(tr("{amount} once", lang, amount=hours(p.one_off_hours, lang)))
    return parts


def total_line(p: PartyTotals, lang: Language) -> str:
    """The totals of ``total_parts`` on one line; "" when no amount is known."""
    return " · ".join(total_parts(p, lang))


def role_line(session: Session, role: Role, lang: Language) -> tuple[str, str]:
    """(the role and its holder, the details) for one role."""
    holder = owner_label(session, role.holder) if role.holder else tr("nobody yet", lang)
    head = tr("{role}: {holder}", lang, role=label(role.kind, lang), holder=holder)
    details = []
    if role.theme.strip():
        details.append(role.theme.strip())
    if role.represents:
        details.append(tr("for {organisations}", lang,
                          organisations=", ".join(role.represents)))
    if role.mandate.strip():
        details.append(tr("mandate: {mandate}", lang, mandate=role.mandate.strip()))
    if role.term.strip():
        details.append(role.term.strip())
    return head, " · ".join(details)


@register_canvas("commitments")
class CommitmentsCanvas(Canvas):
    label = N_("Who brings what")

    def __init__(self, scene: CanvasScene) -> None:
        super().__init__(scene)
        self.bars: dict[str, QGraphicsPathItem] = {}
        for z, name in enumerate(("euros", "hours")):
            item = QGraphicsPathItem()
            item.setZValue(5.0 + z)
            scene.addItem(item)
            self.bars[name] = item

    def dispose(self) -> None:
        for item in self.bars.values():
            self.scene.removeItem(item)
        super().dispose()

    def _style(self, ctx: Context) -> None:
        th = ctx.theme
        for name, ink in (("euros", "accent"), ("hours", "overlap")):
            self.bars[name].setPen(QPen(Qt.PenStyle.NoPen))
            self.bars[name].setBrush(QBrush(QColor(th.ink(ink))))

    def build(self, ctx: Context) -> int:
        self._style(ctx)
        s = ctx.session
        lang = ctx.lang
        th = ctx.theme
        area = ctx.area
        left_w = area.w * 0.62
        right_x = area.x + left_w + GAP
        right_w = area.right - right_x
        col_w = (left_w - GAP) / 2 if left_w > 2 * ctx.px(MIN_COLUMN) + GAP else left_w
        result = totals(s)
        by_party: dict[str, list[Contribution]] = {}
        for c in s.commitments.contributions:
            by_party.setdefault(c.organisation, []).append(c)
        specs: dict[Hashable, TileSpec] = {}
        lit = ctx.options.highlight_id
        keys: list[Hashable] = []
        for party in result.parties:
            items = by_party.get(party.organisation, [])
            runs = [ctx.run(party.organisation, "body", max_lines=2, bold=True)]
            for c in items:
                runs.append(ctx.run("• " + contribution_line(c, lang), "meta",
                                    max_lines=LINES_PER_CONTRIBUTION, gap_before=2))
            if not items:
                runs.append(ctx.run(tr("Brings nothing yet", lang), "meta", "muted",
                                    max_lines=1))
            elif total_line(party, lang) and len(items) > 1:
                runs.append(ctx.run(tr("Together: {total}", lang,
                                       total=total_line(party, lang)), "meta", "muted",
                                    max_lines=3, gap_before=4, bold=True))
            on = lit in {c.id for c in items}
            key = ("party", party.organisation)
            specs[key] = TileSpec(
                width=col_w, runs=tuple(runs),
                fill=th.surface("raised" if on else ("card" if items else "open")),
                border=th.ink("accent" if on else "muted"), border_width=6.0 if on else 1.5,
                radius=10.0, pad_x=ctx.px(16), pad_y=ctx.px(8))
            keys.append(key)
        if not keys:
            specs["empty"] = TileSpec(width=col_w, pad_x=0, pad_y=0, runs=(
                ctx.run(tr("No parties yet: participants and their organisations are added "
                           "in the preparation.", lang), "body", "muted", max_lines=3),))
            keys.append("empty")

        # The right column: totals, bars, roles (on every page).
        # One total a line, so that no amount is ever cut off at the end of a line.
        overall = total_parts(result.overall, lang)
        specs["overall"] = TileSpec(width=right_w, pad_x=0, pad_y=0, runs=(
            ctx.run(tr("All parties together", lang), "heading", max_lines=1),
            *(ctx.run(part, "body", max_lines=2, gap_before=2) for part in overall),
            *(() if overall else (ctx.run(tr("No amounts yet", lang), "body", "muted",
                                          max_lines=2, gap_before=2),)),
        ))
        placements: dict[Hashable, Placement] = {"overall": (EVERY_PAGE, right_x, area.y)}
        y = area.y + measure(specs["overall"]) + ctx.px(16)
        paths = {name: QPainterPath() for name in self.bars}
        label_w = right_w * 0.42
        value_w = ctx.px(200)
        bar_x0 = right_x + label_w + 12
        bar_room = right_w - label_w - 12 - value_w - 8
        line_h = ctx.line_height("meta")
        charts: tuple[tuple[str, str, Callable[[PartyTotals], Decimal],
                            Callable[[Decimal, Language], str]], ...] = (
            ("euros", N_("Euros per year"), lambda p: p.euros_per_year, euros),
            ("hours", N_("Hours per year"), lambda p: p.hours_per_year, hours))
        # The bars end where the wall ends: a party that does not fit is counted in a
        # visible "+N more" (the PDF lists every party).
        bottom = area.bottom - line_h - 6
        for name, title, value_of, say in charts:
            shown = [p for p in result.parties if value_of(p) > 0]
            if not shown or y + 2 * (line_h + 6) > bottom:
                continue
            specs[("chart", name)] = TileSpec(width=right_w, pad_x=0, pad_y=0, runs=(
                ctx.run(tr(title, lang), "meta", "muted", max_lines=1, bold=True),))
            placements[("chart", name)] = (EVERY_PAGE, right_x, y)
            y += measure(specs[("chart", name)]) + 4
            most = max(value_of(p) for p in shown)
            for index, p in enumerate(shown):
                if y + line_h > bottom and index < len(shown) - 1:
                    more_key = ("more", name)
                    specs[more_key] = TileSpec(width=right_w, pad_x=0, pad_y=0, runs=(
                        ctx.run(tr("+{count} more", lang, count=len(shown) - index),
                                "meta", "muted", max_lines=1),))
                    placements[more_key] = (EVERY_PAGE, right_x, y)
                    y += line_h + 6
                    break
                value = value_of(p)
                bar_key = ("bar", name, p.organisation)
                specs[bar_key] = TileSpec(width=label_w, pad_x=0, pad_y=0, runs=(
                    ctx.run(p.organisation, "meta", max_lines=1),))
                placements[bar_key] = (EVERY_PAGE, right_x, y)
                width = max(4.0, bar_room * float(value / most))  # pixels, not money
                paths[name].addRoundedRect(
                    QRectF(bar_x0, y + (line_h - BAR_H) / 2, width, BAR_H), 5, 5)
                vkey = ("value", name, p.organisation)
                specs[vkey] = TileSpec(width=value_w, pad_x=0, pad_y=0, runs=(
                    ctx.run(say(value, lang), "meta", max_lines=1, bold=True),))
                placements[vkey] = (EVERY_PAGE, bar_x0 + width + 8, y)
                y += line_h + 6
            y += ctx.px(12)
        for name, item in self.bars.items():
            item.setPath(paths[name])
        # The roles follow the parties in the left columns, under their own heading.
        specs["roles"] = TileSpec(width=col_w, pad_x=0, pad_y=0, runs=(
            ctx.run(tr("Roles", lang), "heading", max_lines=1, gap_before=8),))
        keys.append("roles")
        for role in s.commitments.roles:
            head, details = role_line(s, role, lang)
            runs = [ctx.run(head, "body", max_lines=2, bold=True)]
            if details:
                runs.append(ctx.run(details, "meta", "muted", max_lines=3))
            on = lit == role.id
            specs[("role", role.id)] = TileSpec(
                width=col_w, runs=tuple(runs), fill=th.surface("raised" if on else "card"),
                border=th.ink("accent" if on else "muted"), border_width=6.0 if on else 1.5,
                radius=10.0, pad_x=ctx.px(16), pad_y=ctx.px(8))
            keys.append(("role", role.id))
        if not s.commitments.roles:
            specs["no roles"] = TileSpec(width=col_w, pad_x=0, pad_y=0, runs=(
                ctx.run(tr("No roles yet", lang), "body", "muted", max_lines=1),))
            keys.append("no roles")

        self.tiles.sync(specs)
        blocks = [Block(k, self.tiles.height(k), head=k == "roles") for k in keys]
        flowed = flow(blocks, Area(area.x, area.y, left_w, area.h), col_w, GAP, ctx.px(12),
                      center=False)
        placements.update(flowed.placements)
        self.placements = placements
        return flowed.pages


@register_canvas("scorecard")
class ScorecardCanvas(Canvas):
    label = N_("Agreement scorecard")

    def build(self, ctx: Context) -> int:
        th = ctx.theme
        lang = ctx.lang
        area = ctx.area
        card: Scorecard = scorecard(ctx.session, lang)
        specs: dict[Hashable, TileSpec] = {}
        complete = card.score == card.total
        score = ctx.run(tr("{score} of {total} parts complete", lang, score=card.score,
                           total=card.total), "statement", max_lines=1)
        specs["score"] = TileSpec(width=area.w, pad_x=0, pad_y=0, runs=(
            score, ctx.run(tr("The agreement is complete.", lang), "body", max_lines=1,
                           gap_before=2)) if complete else (score,))
        top = area.y + measure(specs["score"]) + ctx.px(16)
        col_w = (area.w - GAP) / 2
        lit = ctx.options.highlight_id
        blocks = []
        for part in card.parts:
            mark = "✓" if part.ok else "✗"
            runs = [ctx.run(f"{mark} {part.title}", "heading", max_lines=2)]
            for sentence in part.missing[:MISSING_SHOWN]:
                runs.append(ctx.run(sentence, "body", max_lines=2, gap_before=2))
            if len(part.missing) > MISSING_SHOWN:
                runs.append(ctx.run(tr("and {count} more", lang,
                                       count=len(part.missing) - MISSING_SHOWN),
                                    "meta", "muted", max_lines=1))
            on = lit == part.key
            specs[part.key] = TileSpec(
                width=col_w, runs=tuple(runs),
                fill=th.surface("raised" if on else ("agreed" if part.ok else "objected")),
                border=th.ink("accent" if on else "muted"), border_width=6.0 if on else 1.5,
                radius=10.0, pad_x=ctx.px(18), pad_y=ctx.px(10),
                stripe=None if part.ok else th.ink("void"))
        self.tiles.sync(specs)
        placements: dict[Hashable, Placement] = {"score": (EVERY_PAGE, area.x, area.y)}
        gap_y = ctx.px(12)
        half = -(-len(card.parts) // 2)  # the first half at the left, read down
        columns = (card.parts[:half], card.parts[half:])
        heights = [sum(self.tiles.height(p.key) + gap_y for p in col) for col in columns]
        if max(heights) - gap_y <= area.bottom - top:
            for i, col in enumerate(columns):
                y = top
                for part in col:
                    placements[part.key] = (0, area.x + i * (col_w + GAP), y)
                    y += self.tiles.height(part.key) + gap_y
            self.placements = placements
            return 1
        blocks = [Block(p.key, self.tiles.height(p.key)) for p in card.parts]
        flowed = flow(blocks, Area(area.x, top, area.w, area.bottom - top), col_w, GAP,
                      gap_y, center=False)
        placements.update(flowed.placements)
        self.placements = placements
        return flowed.pages

    def spotlight(self, ctx: Context, item_id: str) -> tuple[Run, ...] | None:
        card = scorecard(ctx.session, ctx.lang)
        part = next((p for p in card.parts if p.key == item_id), None)
        if part is None:
            return None
        runs = [ctx.run(("✓ " if part.ok else "✗ ") + part.title, "statement", max_lines=2)]
        runs += [ctx.run(m, "body", max_lines=3, gap_before=4) for m in part.missing[:6]]
        return tuple(runs)
