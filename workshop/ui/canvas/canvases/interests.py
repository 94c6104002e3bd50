"""Interests: participants x the three kinds, with overlaps and tensions drawn as links.

Items marked "not for print" are dropped before anything is built from them: no tile,
no count, no link, no row for someone whose interests are all private.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from workshop.domain.labels import label
from workshop.domain.model import InterestItem, InterestKind, LinkKind
from workshop.i18n import N_, tr
from workshop.ui.canvas.scene import Canvas, CanvasScene, Context, register_canvas
from workshop.ui.canvas.text import face
from workshop.ui.canvas.tile import EVERY_PAGE, Run, TileSpec

NAME_WIDTH = 300.0
GAP = 20.0
ITEM_LINES = 4
KINDS = tuple(InterestKind)


def printable(items: list[InterestItem]) -> list[InterestItem]:
    return [i for i in items if not i.private]


@register_canvas("interests")
class InterestsCanvas(Canvas):
    label = N_("Interests")

    def __init__(self, scene: CanvasScene) -> None:
        super().__init__(scene)
        self._links: dict[str, QGraphicsPathItem] = {}
        self._link_specs: dict[str, tuple[str, str, LinkKind]] = {}
        self._items: dict[str, tuple[tuple[object, ...], TileSpec]] = {}
        """Each item's tile with what it was made of: adding one remakes one, not 500."""
        self._items_frame: tuple[object, ...] | None = None
        """What every kept tile was made in: the theme, the scale, the language, the width."""

    @staticmethod
    def _item_spec(ctx: Context, text: str, partners: tuple[tuple[LinkKind, str], ...],
                   lit: bool, cell_w: float) -> TileSpec:
        """An interest's tile: its words, then a line per link (kind and the other's
        name)."""
        th = ctx.theme
        runs = [ctx.run(text, "body", max_lines=ITEM_LINES)]
        for link_kind, other in partners:
            overlap = link_kind is LinkKind.OVERLAP
            word = label(link_kind, ctx.lang)
            runs.append(ctx.run(f"{'↔' if overlap else '⚡'} {word}: {other}", "meta",
                                "overlap" if overlap else "tension",
                                max_lines=1, gap_before=4))
        return TileSpec(
            width=cell_w, runs=tuple(runs), fill=th.surface("raised" if lit else "card"),
            border=th.ink("accent" if lit else "muted"), border_width=6.0 if lit else 1.5,
            radius=8.0, pad_x=ctx.px(12), pad_y=ctx.px(8))

    def build(self, ctx: Context) -> int:
        s = ctx.session
        th = ctx.theme
        area = ctx.area
        items = printable(s.interests.items)
        by_id = {i.id: i for i in items}
        links = [ln for ln in s.interests.links if ln.a_id in by_id and ln.b_id in by_id]
        names = {p.id: p.name for p in s.participants}
        partners: dict[str, list[tuple[LinkKind, str]]] = {}
        for ln in links:
            a, b = by_id[ln.a_id], by_id[ln.b_id]
            partners.setdefault(a.id, []).append((ln.kind, names.get(b.participant_id, "")))
            partners.setdefault(b.id, []).append((ln.kind, names.get(a.participant_id, "")))

        name_w = min(ctx.px(NAME_WIDTH), area.w * 0.22)
        cell_w = (area.w - name_w - 3 * GAP) / 3
        specs: dict[Hashable, TileSpec] = {}
        for n, kind in enumerate(KINDS):
            words = label(kind, ctx.lang).split()
            # Headings in heading type when every word fits the column, else in bold
            # body type rather than a word broken in two ("Organisatiebelang").
            widest = max(face(ctx.font("heading")).width(w) for w in words)
            role = "heading" if widest <= cell_w else "body"
            specs[("kind", n)] = TileSpec(width=cell_w, pad_x=0, pad_y=ctx.px(4),
                                          runs=(ctx.run(label(kind, ctx.lang), role,
                                                        max_lines=2, bold=True),))
        rows: dict[str, list[list[str]]] = {}
        highlight = ctx.options.highlight_id
        frame = (th.name, ctx.scale, ctx.lang, cell_w)
        kept = self._items if self._items_frame == frame else {}
        made: dict[str, tuple[tuple[object, ...], TileSpec]] = {}
        kind_index = {kind: n for n, kind in enumerate(KINDS)}
        for item in items:
            cells = rows.setdefault(item.participant_id, [[], [], []])
            cells[kind_index[item.kind]].append(item.id)
            ask = (item.text, tuple(partners.get(item.id, ())), item.id == highlight)
            known = kept.get(item.id)
            if known is None or known[0] != ask:
                known = (ask, self._item_spec(ctx, *ask, cell_w))
            made[item.id] = known
            specs[item.id] = known[1]
        self._items, self._items_frame = made, frame
        order = [p.id for p in s.participants if p.id in rows]
        for pid in order:
            p = s.participant(pid)
            assert p is not None
            runs = [ctx.run(p.name, "body", max_lines=2, bold=True)]
            if p.organisation.strip():
                runs.append(ctx.run(p.organisation, "meta", "muted", max_lines=2))
            specs[("name", pid)] = TileSpec(width=name_w, pad_x=0, pad_y=ctx.px(6),
                                            runs=tuple(runs))
        if not order:
            specs["empty"] = TileSpec(width=area.w, pad_x=0, runs=(
                ctx.run(tr("No interests yet.", ctx.lang), "body", "muted"),))
        self.tiles.sync(specs)

        places: dict[Hashable, tuple[int, float, float]] = {}
        head_h = max(self.tiles.height(("kind", n)) for n in range(3))
        xs = [area.x + name_w + GAP + n * (cell_w + GAP) for n in range(3)]
        for n in range(3):
            places[("kind", n)] = (EVERY_PAGE, xs[n], area.y)
        top = area.y + head_h + ctx.px(10)
        avail = area.bottom - top
        page, y = 0, 0.0
        more: dict[Hashable, TileSpec] = {}
        for pid in order:
            cells = rows[pid]
            heights = []
            for column, ids in enumerate(cells):
                h, shown = 0.0, 0
                for iid in ids:
                    t = self.tiles.height(iid) + ctx.px(8)
                    if h + t > avail - ctx.px(60) and shown:
                        break
                    h += t
                    shown += 1
                if shown < len(ids):
                    key = ("more", pid, column)
                    more[key] = TileSpec(width=cell_w, pad_x=ctx.px(12), runs=(ctx.run(
                        tr("+{count} more", ctx.lang, count=len(ids) - shown), "meta", "muted",
                        max_lines=1, bold=True),))
                    cells[column] = ids[:shown] + [key]  # type: ignore[list-item]
                    h += ctx.px(52)
                heights.append(h)
            row_h = max([self.tiles.height(("name", pid))] + heights)
            if y > 0 and y + row_h > avail:
                page, y = page + 1, 0.0
            places[("name", pid)] = (page, area.x, top + y)
            for column, ids in enumerate(cells):
                cy = top + y
                for iid in ids:
                    places[iid] = (page, xs[column], cy)
                    if iid in self.tiles:
                        cy += self.tiles.height(iid) + ctx.px(8)
            y += row_h + ctx.px(18)
        if "empty" in specs:
            places["empty"] = (0, area.x, top)
        if more:
            self.tiles.sync({**specs, **more})
        self.placements = places
        self._link_specs = {ln.id: (ln.a_id, ln.b_id, ln.kind) for ln in links}
        return page + 1

    def show(self, ctx: Context, page: int) -> None:
        super().show(ctx, page)
        th = ctx.theme
        for gone in [k for k in self._links if k not in self._link_specs]:
            self.scene.removeItem(self._links.pop(gone))
        for link_id, (a_id, b_id, kind) in self._link_specs.items():
            item = self._links.get(link_id)
            if item is None:
                item = QGraphicsPathItem()
                item.setZValue(5.0)
                self.scene.addItem(item)
                self._links[link_id] = item
            pa, pb = self.placements.get(a_id), self.placements.get(b_id)
            if pa is None or pb is None or pa[0] != page or pb[0] != page:
                item.setVisible(False)
                continue
            ta, tb = self.tiles[a_id], self.tiles[b_id]
            if pa[1] > pb[1]:
                ta, tb, pa, pb = tb, ta, pb, pa
            start = QPointF(pa[1] + ta.width, pa[2] + ta.height / 2)
            end = QPointF(pb[1], pb[2] + tb.height / 2)
            if pa[1] == pb[1]:  # same column: bow out into the gutter on the right
                end = QPointF(pb[1] + tb.width, pb[2] + tb.height / 2)
                last = pa[1] + ta.width >= ctx.area.right - 1
                bulge = start.x() + (40.0 if last else GAP / 2)
                c1, c2 = QPointF(bulge, start.y()), QPointF(bulge, end.y())
            else:
                mid = (start.x() + end.x()) / 2
                c1, c2 = QPointF(mid, start.y()), QPointF(mid, end.y())
            path = QPainterPath(start)
            path.cubicTo(c1, c2, end)
            overlap = kind is LinkKind.OVERLAP
            pen = QPen(QColor(th.ink("overlap" if overlap else "tension")), 5.0)
            pen.setStyle(Qt.PenStyle.SolidLine if overlap else Qt.PenStyle.DashLine)
            item.setPen(pen)
            item.setPath(path)
            item.setVisible(True)

    def dispose(self) -> None:
        for item in self._links.values():
            self.scene.removeItem(item)
        self._links.clear()
        super().dispose()

    def spotlight(self, ctx: Context, item_id: str) -> tuple[Run, ...] | None:
        item = next((i for i in printable(ctx.session.interests.items) if i.id == item_id),
                    None)
        if item is None:
            return None
        who = ctx.session.participant(item.participant_id)
        return (ctx.run(item.text, "spotlight", max_lines=7),
                ctx.run(f"{who.name if who else ''} · {label(item.kind, ctx.lang)}", "heading",
                        "muted", max_lines=2, bold=False, gap_before=16))
