"""Pouring blocks into columns and pages: how a full board pages instead of overflowing.

Pure arithmetic on heights, so a resize or a moved card only moves tiles: nothing is
wrapped again. Headings stay with the block after them; a group that runs into a new
column gets its heading repeated there ("… (continued)").
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

Placement = tuple[int, float, float]


@dataclass(frozen=True)
class Area:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


class Block(NamedTuple):
    """One thing to pour (a NamedTuple: a board makes a thousand of these per change)."""

    key: Hashable
    height: float
    head: bool = False
    """A group's heading: never the last block of a column."""
    group: Hashable = None
    gap_before: float = 0.0


@dataclass
class FlowResult:
    placements: dict[Hashable, Placement] = field(default_factory=dict)
    continued: list[tuple[Hashable, Hashable, Placement]] = field(default_factory=list)
    """(continuation key, group, placement) for every repeated heading."""
    pages: int = 1
    columns_per_page: int = 1


def columns_per_page(area_w: float, col_w: float, gap_x: float) -> int:
    return max(1, int((area_w + gap_x) // (col_w + gap_x)))


class _Geometry(NamedTuple):
    n: int
    x0: float
    top: float
    col_step: float
    h: float
    gap_y: float
    cont_height: float


class _State(NamedTuple):
    """Where the pour stands before a block: what the next block's place depends on."""

    col: int
    y: float
    group: Hashable
    group_has_head: bool
    repeats: int
    """Continuations of ``group`` so far."""


_START = _State(0, 0.0, None, False, 0)


def _geometry(area: Area, col_w: float, gap_x: float, gap_y: float, cont_height: float,
              center: bool) -> _Geometry:
    n = columns_per_page(area.w, col_w, gap_x)
    used_w = n * col_w + (n - 1) * gap_x
    x0 = area.x + ((area.w - used_w) / 2 if center else 0.0)
    return _Geometry(n, x0, area.y, col_w + gap_x, area.h, gap_y, cont_height)


def _pour(blocks: Sequence[Block], after: Block | None, g: _Geometry, state: _State,
          placements: dict[Hashable, Placement],
          continued: list[tuple[Hashable, Hashable, Placement]]) -> _State:
    """Pour ``blocks`` from ``state``; ``after`` is the block that follows them."""
    n, x0, top, step, h, gap_y, cont_height = g
    col, y, current_group, group_has_head, repeats = state
    count = len(blocks)
    for i, block in enumerate(blocks):
        key, height, head, group, gap_before = block
        gap = (gap_before + gap_y) if y > 0 else 0.0
        need = height
        if head:
            nxt = blocks[i + 1] if i + 1 < count else after
            if nxt is not None and not nxt.head:
                need += gap_y + nxt.height  # keep the heading with what follows
        if y > 0 and y + gap + need > h:
            col += 1
            y = 0.0
            gap = 0.0
            if not head and group is not None and group == current_group \
                    and group_has_head and cont_height > 0:
                repeats += 1
                continued.append((("continued", group, repeats), group,
                                  (col // n, x0 + (col % n) * step, top)))
                y = cont_height + gap_y
        if head:
            if group != current_group:
                repeats = 0
            current_group = group
            group_has_head = True
        elif group != current_group:
            current_group = group
            group_has_head = False
            repeats = 0
        placements[key] = (col // n, x0 + (col % n) * step, top + (y + gap))
        y += gap + height
    return _State(col, y, current_group, group_has_head, repeats)


def flow(blocks: Sequence[Block], area: Area, col_w: float, gap_x: float, gap_y: float,
         cont_height: float = 0.0, center: bool = True) -> FlowResult:
    """Place ``blocks`` top to bottom, column after column, page after page.

    A group's blocks are expected together (one run per group), as every board has them.
    """
    g = _geometry(area, col_w, gap_x, gap_y, cont_height, center)
    result = FlowResult(columns_per_page=g.n)
    end = _pour(blocks, None, g, _START, result.placements, result.continued)
    result.pages = end.col // g.n + 1
    return result


@dataclass
class _Segment:
    blocks: Sequence[Block]
    after: Block | None
    start: _State
    end: _State
    placements: dict[Hashable, Placement]
    continued: list[tuple[Hashable, Hashable, Placement]]


class IncrementalFlow:
    """``flow`` for a board poured group by group, remembering the last pour.

    A group whose blocks, following block and starting point are what they were last
    time keeps its places without being poured again; so a change in one cluster
    re-pours from that cluster on, and where the pour comes back to the same point
    (the same column and height before a group) the rest is reused as well. The result
    is always equal to ``flow`` over all blocks (tests compare them).
    """

    def __init__(self) -> None:
        self._geometry: _Geometry | None = None
        self._segments: list[_Segment] = []
        self.poured = 0
        """Blocks poured again by the last call (tests, benchmarks)."""

    def flow(self, groups: Sequence[Sequence[Block]], area: Area, col_w: float,
             gap_x: float, gap_y: float, cont_height: float = 0.0, center: bool = True
             ) -> FlowResult:
        g = _geometry(area, col_w, gap_x, gap_y, cont_height, center)
        old = self._segments if g == self._geometry else []
        self._geometry = g
        result = FlowResult(columns_per_page=g.n)
        placements = result.placements
        continued = result.continued
        state = _START
        segments: list[_Segment] = []
        poured = 0
        count = len(groups)
        for i, blocks in enumerate(groups):
            after = None
            if blocks and blocks[-1].head and i + 1 < count and groups[i + 1]:
                after = groups[i + 1][0]
            prev = old[i] if i < len(old) else None
            if prev is not None and prev.start == state and prev.after == after and (
                    prev.blocks is blocks or prev.blocks == blocks):
                segment = prev
            else:
                places: dict[Hashable, Placement] = {}
                conts: list[tuple[Hashable, Hashable, Placement]] = []
                end = _pour(blocks, after, g, state, places, conts)
                segment = _Segment(blocks, after, state, end, places, conts)
                poured += len(blocks)
            segments.append(segment)
            placements.update(segment.placements)
            continued.extend(segment.continued)
            state = segment.end
        self._segments = segments
        self.poured = poured
        result.pages = state.col // g.n + 1
        return result


def grid(blocks: Sequence[Block], area: Area, col_w: float, gap_x: float, gap_y: float
         ) -> FlowResult:
    """Place ``blocks`` in rows, left to right (reading order), page after page."""
    n = columns_per_page(area.w, col_w, gap_x)
    result = FlowResult(columns_per_page=n)
    page, y = 0, 0.0
    for start in range(0, len(blocks), n):
        row = blocks[start:start + n]
        h = max(b.height for b in row)
        if y > 0 and y + h > area.h:
            page, y = page + 1, 0.0
        for i, b in enumerate(row):
            result.placements[b.key] = (page, area.x + i * (col_w + gap_x), area.y + y)
        y += h + gap_y
    result.pages = page + 1
    return result
