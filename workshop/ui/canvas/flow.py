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


def flow(blocks: Sequence[Block], area: Area, col_w: float, gap_x: float, gap_y: float,
         cont_height: float = 0.0, center: bool = True) -> FlowResult:
    """Place ``blocks`` top to bottom, column after column, page after page."""
    n = columns_per_page(area.w, col_w, gap_x)
    used_w = n * col_w + (n - 1) * gap_x
    x0 = area.x + ((area.w - used_w) / 2 if center else 0.0)
    result = FlowResult(columns_per_page=n)
    col = 0
    y = 0.0
    current_group: Hashable = None
    group_has_head = False
    repeats: dict[Hashable, int] = {}

    def where(c: int, top: float) -> Placement:
        return (c // n, x0 + (c % n) * (col_w + gap_x), area.y + top)

    count = len(blocks)
    for i, block in enumerate(blocks):
        gap = (block.gap_before + gap_y) if y > 0 else 0.0
        need = block.height
        if block.head and i + 1 < count and not blocks[i + 1].head:
            need += gap_y + blocks[i + 1].height  # keep the heading with what follows
        if y > 0 and y + gap + need > area.h:
            col += 1
            y = 0.0
            gap = 0.0
            if not block.head and block.group is not None and block.group == current_group \
                    and group_has_head and cont_height > 0:
                repeats[block.group] = repeats.get(block.group, 0) + 1
                cont_key = ("continued", block.group, repeats[block.group])
                result.continued.append((cont_key, block.group, where(col, 0.0)))
                y = cont_height + gap_y
        if block.head:
            current_group = block.group
            group_has_head = True
        elif block.group != current_group:
            current_group = block.group
            group_has_head = False
        result.placements[block.key] = where(col, y + gap)
        y += gap + block.height
    result.pages = col // n + 1
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
