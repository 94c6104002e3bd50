"""A cluster runs into the next column only when its column is full (issue 11.12).

Seen on a 4:3 projector (1024x768) with the large session in Dutch: every column of a
big cluster held one card and stood half empty, then "vervolg: ..." began the next
column, 311 pages for the board. The repeated heading took two lines, and with it the
second card missed the column by a few pixels. Read from the rendered scene: where each
tile is, what it says.
"""

from __future__ import annotations

from collections import defaultdict

from canvas_helpers import SceneFactory
from samples import demo_session, large_session

from workshop.ui.canvas.canvases.ambition import GAP_Y
from workshop.ui.canvas.tile import Tile


def _columns(scene: object) -> dict[float, list[Tile]]:
    """The board's visible tiles by column, top to bottom (the statement left out)."""
    columns: dict[float, list[Tile]] = defaultdict(list)
    for tile in scene.visible_tiles():  # type: ignore[attr-defined]
        if tile.key in ("statement", None) or not isinstance(tile.key, str | tuple):
            continue
        columns[round(tile.x())].append(tile)
    return {x: sorted(tiles, key=lambda t: t.y()) for x, tiles in sorted(columns.items())}


def _is_continuation(tile: Tile) -> bool:
    return isinstance(tile.key, tuple) and tile.key[0] == "continued"


def _is_card(tile: Tile) -> bool:
    return isinstance(tile.key, str)


def test_continued_columns_of_a_big_cluster_are_filled_at_4_3(
        make_scene: SceneFactory) -> None:
    scene = make_scene(large_session(), "ambition", size=(1024, 768), lang="nl")
    board_bottom = scene._ctx.area.bottom  # type: ignore[attr-defined]
    checked = 0
    for page in range(min(scene.page_count, 4)):
        scene.set_page(page)
        columns = list(_columns(scene).values())
        for column, after in zip(columns, columns[1:], strict=False):
            if not after or not _is_continuation(after[0]):
                continue
            # The next card of the cluster did not fit below: the column is full.
            cards = [t for t in column if _is_card(t)]
            next_card = next(t for t in after if _is_card(t))
            free = board_bottom - (column[-1].y() + column[-1].height)
            assert free < GAP_Y + next_card.height, (page, [c.texts()[0][:30] for c in cards])
            assert len(cards) >= 2 or not _is_continuation(column[0]), (
                page, "a continued column with a single card")
            checked += 1
    assert checked >= 3
    assert scene.page_count < 200  # 311 with the two-line repeated heading


def test_the_repeated_heading_is_one_line_and_says_vervolg(make_scene: SceneFactory
                                                            ) -> None:
    scene = make_scene(demo_session(), "ambition", size=(1920, 1080), lang="nl")
    repeated = [t for t in scene.all_tiles() if _is_continuation(t)]
    assert repeated
    for tile in repeated:
        (text,) = tile.texts()
        assert text.startswith("vervolg: ")
        assert len(list(tile.runs_shown())[0][1]) == 1  # one line
    # A card's author is shown whole however the board pours (the other half of 11.12).
    names = {p.name for p in demo_session().participants}
    authors = [t.texts()[1] for t in scene.all_tiles()
               if isinstance(t.key, str) and len(t.texts()) > 1 and t.texts()[1] in names]
    assert authors
