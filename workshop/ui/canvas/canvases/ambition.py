"""Shared ambition: the cards grouped by cluster, their vote dots, the statement large.

Built for boards of a thousand cards: a card's tile is rebuilt only when its text,
author, dots or highlight change; a card moved to another cluster only moves. Clusters
are poured into fixed-width columns, so a resize re-pours without re-wrapping.
"""

from __future__ import annotations

from collections.abc import Hashable

from workshop.domain.labels import THE_TABLE
from workshop.domain.model import AMBITION_SUBJECT, Card, Session
from workshop.i18n import N_, tr
from workshop.ui.canvas.flow import Area, Block, IncrementalFlow
from workshop.ui.canvas.scene import Canvas, Context, register_canvas
from workshop.ui.canvas.text import FontSpec
from workshop.ui.canvas.tile import EVERY_PAGE, Run, Tile, TileSet, TileSpec, measure
from workshop.ui.canvas.tile_pool import TilePool

COLUMN_WIDTH = 340.0
GAP_X = 24.0
GAP_Y = 14.0
CARD_LINES = 5
UNCLUSTERED = "__unclustered__"


def dots_per_card(session: Session) -> dict[str, int]:
    dots: dict[str, int] = {}
    for vote in session.ambition.votes:
        dots[vote.card_id] = dots.get(vote.card_id, 0) + vote.dots
    return dots


@register_canvas("ambition")
class AmbitionCanvas(Canvas):
    label = N_("Shared ambition")

    def __init__(self, scene: object) -> None:
        super().__init__(scene)  # type: ignore[arg-type]
        self._cards: dict[str, tuple[tuple[str, str, int, bool], TileSpec]] = {}
        self._made_of: dict[str, Card] = {}
        """Per card id, the record its spec was made of, while the names, dots and
        highlight are ``_card_inputs``: a card is never changed once made, so the same
        record keeps its spec without its key being made and compared again."""
        self._card_inputs: tuple[object, ...] = ()
        self._heads: dict[tuple[str, int, bool], TileSpec] = {}
        self._style: tuple[object, ...] = ()
        self._continued = TilePool(self.scene, z=10.0)  # come and go with the width
        """Headings repeated where a cluster runs into the next column ("continued: ...")."""
        self._statement: tuple[tuple[str, float] | None, TileSpec | None] = (None, None)
        self._cont_places: dict[Hashable, tuple[int, float, float]] = {}
        self._flow = IncrementalFlow()
        self._blocks: dict[str, tuple[list[str], tuple[Block, ...]]] = {}
        self._blocks_style: tuple[object, ...] = ()
        self._built: tuple[dict[str | None, list[str]], list[tuple[str, str]],
                           tuple[object, ...]] | None = None
        """The clusters of the last build, for a re-pour after a resize."""
        """Re-pours only from the first cluster that changed (a thousand cards)."""

    # --- specs ------------------------------------------------------------------------

    def _card_spec(self, ctx: Context, text: str, author: str, dots: int,
                   highlighted: bool) -> TileSpec:
        th = ctx.theme
        runs = [ctx.run(text, "body", max_lines=CARD_LINES)]
        if author:
            # A long name wraps (up to three lines) instead of being cut.
            runs.append(ctx.run(author, "meta", "muted", max_lines=3, gap_before=4))
        return TileSpec(
            width=ctx.px(COLUMN_WIDTH), runs=tuple(runs),
            fill=th.surface("raised" if highlighted else "card"),
            border=th.ink("accent" if highlighted else "muted"),
            border_width=6.0 if highlighted else 1.5, radius=10.0,
            pad_x=ctx.px(14), pad_y=ctx.px(10),
            dots=dots, dot_ink=th.ink("accent"), dot_size=ctx.px(20),
        )

    def _head_spec(self, ctx: Context, name: str, dots: int, continued: bool = False
                   ) -> TileSpec:
        key = (name, dots, continued)
        spec = self._heads.get(key)
        if spec is None:
            if len(self._heads) > 4096:
                self._heads.clear()
            spec = self._heads[key] = self._make_head_spec(ctx, name, dots, continued)
        return spec

    def _make_head_spec(self, ctx: Context, name: str, dots: int, continued: bool
                        ) -> TileSpec:
        if continued:
            # The word first, so a long name cannot push it out of sight; one line, so
            # the column under it keeps room for its cards: with two lines a column of
            # the large board at 1024x768 held one card and stood half empty.
            return TileSpec(width=ctx.px(COLUMN_WIDTH), pad_x=0, pad_y=ctx.px(4), runs=(
                ctx.run(tr("continued: {name}", ctx.lang, name=name), "meta", "muted",
                        max_lines=1, bold=True),))
        trailing = ctx.run(f"● {dots}", "body", "accent", max_lines=1, bold=True) \
            if dots else None
        name_run = Run(name, FontSpec(32.0 * ctx.scale, True), ctx.theme.ink("text"),
                       role="heading", max_lines=3)
        return TileSpec(width=ctx.px(COLUMN_WIDTH), pad_x=0, pad_y=ctx.px(4),
                        runs=(name_run,), trailing=trailing)

    def _statement_spec(self, ctx: Context, statement: str, width: float) -> TileSpec:
        """The statement as large as it fits: 48 px in three lines, down to 34 px in five."""
        th = ctx.theme
        spec = None
        for px, lines in ((48.0, 3), (40.0, 4), (34.0, 5)):
            run = Run(statement, FontSpec(px * ctx.scale), th.ink("text"), role="statement",
                      max_lines=lines)
            spec = TileSpec(width=width, fill=th.surface("card"), border=th.ink("accent"),
                            border_width=3.0, radius=14.0, pad_x=ctx.px(24),
                            pad_y=ctx.px(12), stripe=th.ink("accent"), runs=(run,))
            if not Tile(spec).is_cut():
                break
        assert spec is not None
        return spec

    def build(self, ctx: Context) -> int:
        s = ctx.session
        a = s.ambition
        th = ctx.theme
        style = (th.name, ctx.scale, ctx.lang, ctx.options.anonymous)
        if style != self._style:
            self._cards.clear()
            self._made_of = {}
            self._heads.clear()
            self._statement = (None, None)
            self._style = style
        elif ctx.resized_only and self._built is not None:
            # Same session, same cards: only pour them again into the new width.
            return self._layout(ctx, *self._built)
        names = {} if ctx.options.anonymous else {p.id: p.name for p in s.participants}
        table = "" if ctx.options.anonymous else tr(THE_TABLE, ctx.lang)
        dots = dots_per_card(s)
        highlight = ctx.options.highlight_id
        inputs = (names, table, dots, highlight)
        made_of = self._made_of if inputs == self._card_inputs else {}
        self._card_inputs = inputs
        made: dict[str, Card] = {}
        specs: dict[Hashable, TileSpec] = {}
        cache = self._cards
        get_cached = cache.get
        get_dots = dots.get
        get_name = names.get
        get_made = made_of.get
        # Clusters in the session's order; cards keep the session's order inside one.
        members: dict[str | None, list[str]] = {c.id: [] for c in a.clusters}
        members[None] = []
        for card in a.cards:
            cid = card.id
            if get_made(cid) is card:
                specs[cid] = cache[cid][1]
            else:
                author_id = card.author_id
                author = get_name(author_id, "") if author_id else table
                key = (card.text, author, get_dots(cid, 0), cid == highlight)
                cached = get_cached(cid)
                if cached is None or cached[0] != key:
                    cached = (key, self._card_spec(ctx, *key))
                    cache[cid] = cached
                specs[cid] = cached[1]
            made[cid] = card
            cluster = card.cluster_id
            if cluster in members:
                members[cluster].append(cid)
            else:
                members[cluster] = [cid]
        self._made_of = made
        if len(cache) > len(specs):
            for gone in [k for k in cache if k not in specs]:
                del cache[gone]
        groups: list[tuple[str, str]] = [(c.id, c.name or tr("Unnamed cluster", ctx.lang))
                                         for c in a.clusters]
        if members[None]:
            groups.append((UNCLUSTERED, tr("Not yet clustered", ctx.lang)))
        for gid, name in groups:
            cards = members[gid if gid != UNCLUSTERED else None]
            total = sum(dots.get(c, 0) for c in cards)
            specs[("head", gid)] = self._head_spec(ctx, name, total)

        area = ctx.area
        statement = a.statement.strip()
        if statement:
            statement_key = (statement, area.w)
            statement_spec = self._statement[1]
            if self._statement[0] != statement_key or statement_spec is None:
                statement_spec = self._statement_spec(ctx, statement, area.w)
                self._statement = (statement_key, statement_spec)
            specs["statement"] = statement_spec
        self.tiles.sync(specs)
        self._built = (members, groups, style)
        return self._layout(ctx, members, groups, style)

    def _layout(self, ctx: Context, members: dict[str | None, list[str]],
                groups: list[tuple[str, str]], style: tuple[object, ...]) -> int:
        area = ctx.area
        statement = ctx.session.ambition.statement.strip()
        if statement:
            statement_key = (statement, area.w)
            statement_spec = self._statement[1]
            if self._statement[0] != statement_key or statement_spec is None:
                statement_spec = self._statement_spec(ctx, statement, area.w)
                self._statement = (statement_key, statement_spec)
            self.tiles.sync_one("statement", statement_spec)
        placements: dict[Hashable, tuple[int, float, float]] = {}
        top = area.y
        if statement:
            top += self.tiles.height("statement") + ctx.px(20)
        board = Area(area.x, top, area.w, area.bottom - top)
        tiles = self.tiles.tiles
        head_gap = ctx.px(18)
        changed = set(self.tiles.changed)
        old_blocks = self._blocks if self._blocks_style == (style, head_gap) else {}
        new_blocks: dict[str, tuple[list[str], tuple[Block, ...]]] = {}
        poured: list[tuple[Block, ...]] = []
        for gid, _name in groups:
            head_key = ("head", gid)
            ids = members[gid if gid != UNCLUSTERED else None]
            known = old_blocks.get(gid)
            if known is not None and known[0] == ids and head_key not in changed \
                    and (not changed or changed.isdisjoint(ids)):
                blocks = known[1]  # no card of this cluster changed: the same blocks
            else:
                blocks = (Block(head_key, tiles[head_key].height, True, gid, head_gap),
                          *[Block(cid, tiles[cid].height, False, gid, 0.0) for cid in ids])
            new_blocks[gid] = (ids, blocks)
            poured.append(blocks)
        self._blocks = new_blocks
        self._blocks_style = (style, head_gap)
        cont = measure(self._head_spec(ctx, "x " * 80, 0, continued=True))
        result = self._flow.flow(poured, board, ctx.px(COLUMN_WIDTH), GAP_X, GAP_Y,
                                 cont_height=cont)
        placements.update(result.placements)
        # Headings repeated where a cluster runs into the next column.
        extra: dict[Hashable, TileSpec] = {}
        cont_places: dict[Hashable, tuple[int, float, float]] = {}
        group_names = dict(groups)
        for cont_key, group, where in result.continued:
            extra[cont_key] = self._head_spec(ctx, group_names[str(group)], 0,
                                              continued=True)
            cont_places[cont_key] = where
        self._continued.changed = []
        self._continued.sync(extra)
        self._cont_places = cont_places
        if statement:
            placements["statement"] = (EVERY_PAGE, area.x, area.y)
        self.placements = placements
        return result.pages

    def show(self, ctx: Context, page: int) -> None:
        super().show(ctx, page)
        self._continued.place(self._cont_places, page)

    def tile_sets(self) -> list[TileSet]:
        return [self.tiles, self._continued]

    def dispose(self) -> None:
        self._continued.clear()
        super().dispose()

    def spotlight(self, ctx: Context, item_id: str) -> tuple[Run, ...] | None:
        s = ctx.session
        if item_id == AMBITION_SUBJECT and s.ambition.statement.strip():
            return (ctx.run(s.ambition.statement, "spotlight", max_lines=8),)
        card = next((c for c in s.ambition.cards if c.id == item_id), None)
        if card is None:
            return None
        runs = [ctx.run(card.text, "spotlight", max_lines=7)]
        if not ctx.options.anonymous:
            author = s.participant(card.author_id) if card.author_id else None
            runs.append(ctx.run(author.name if author else tr(THE_TABLE, ctx.lang), "heading",
                                "muted", max_lines=1, bold=False, gap_before=16))
        dots = dots_per_card(s).get(card.id, 0)
        if dots:
            runs.append(ctx.run(tr("{count} dots", ctx.lang, count=dots), "heading", "accent",
                                max_lines=1, gap_before=8))
        return tuple(runs)
