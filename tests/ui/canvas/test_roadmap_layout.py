"""The roadmap reads from the back of the room: no edge or line runs through a title."""

from __future__ import annotations

import pytest
from canvas_helpers import SceneFactory
from PySide6.QtCore import QRectF
from samples import demo_session, large_session

from workshop.domain.model import ActionStatus
from workshop.ui.canvas.canvases.roadmap import RoadmapCanvas
from workshop.ui.canvas.scene import CanvasScene


def _crossings(scene: CanvasScene) -> list[str]:
    """Every text on the shown page that a box's edge, a bar or the today line touches."""
    tiles = scene.visible_tiles()
    texts = [(t, r.translated(t.pos())) for t in tiles for r in t.text_rects()]
    boxes: list[tuple[object, QRectF, bool]] = []  # (tile, rect, text may lie inside)
    for tile in tiles:
        outline = tile.outline_rect()
        if outline is not None:
            boxes.append((tile, outline.translated(tile.pos()), True))
        track = tile.track_rect()
        if track is not None:
            boxes.append((tile, track.translated(tile.pos()), False))
    found = []
    for tile, text in texts:
        shown = " ".join(tile.texts())
        for _owner, box, may_hold in boxes:
            inside = may_hold and box.adjusted(1, 1, -1, -1).contains(text)
            if text.intersects(box) and not inside:
                found.append(f"{shown!r} crosses a box at {box}")
    canvas = scene.canvas
    assert isinstance(canvas, RoadmapCanvas)
    x = canvas._today_x
    if x is not None:
        for top, bottom in canvas.today_segments(scene.page):
            line = QRectF(x - 2, top, 4, bottom - top)
            found += [f"the today line runs through {' '.join(t.texts())!r}"
                      for t, text in texts if text.intersects(line)]
    return found


@pytest.mark.parametrize("by", ["phase", "owner"])
@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_edge_or_line_runs_through_a_title(make_scene: SceneFactory, by: str,
                                             size: tuple[int, int], lang: str) -> None:
    for session in (demo_session(), large_session()):
        # Today inside the plan, so the today line crosses rows of titles.
        dates = sorted(a.start for a in session.roadmap.actions if a.start is not None)
        today = dates[len(dates) // 2]
        scene = make_scene(session, "roadmap", size=size, lang=lang, roadmap_by=by,
                           today=today)
        assert scene.canvas._today_x is not None  # type: ignore[attr-defined]
        for page in range(scene.page_count):
            scene.set_page(page)
            assert _crossings(scene) == [], (session.details.name, page)


def test_highlighted_and_cancelled_actions_keep_their_titles_clear(
        make_scene: SceneFactory) -> None:
    session = demo_session()
    action = session.roadmap.actions[0]
    action.status = ActionStatus.CANCELLED
    scene = make_scene(session, "roadmap", highlight_id=action.id)
    tile = scene.canvas.tiles[action.id]
    assert tile.outline_rect() is not None  # the highlight is a frame round the whole
    assert tile.spec.dashed and tile.track_rect() is not None
    assert _crossings(scene) == []


def test_a_bar_spans_start_to_due_while_its_title_may_run_on(
        make_scene: SceneFactory) -> None:
    session = demo_session()
    scene = make_scene(session, "roadmap")
    canvas = scene.canvas
    assert isinstance(canvas, RoadmapCanvas)
    short = min((a for a in session.roadmap.actions if a.start and a.due),
                key=lambda a: (a.due - a.start).days)  # type: ignore[operator]
    tile = canvas.tiles[short.id]
    track = tile.track_rect()
    assert track is not None
    text = tile.text_rects()[0]
    assert text.width() > track.width()  # the title is longer than its bar ...
    assert text.bottom() <= track.top()  # ... and lies above it, not on it
    assert short.title in " ".join(tile.texts())


def test_the_old_boxed_bar_would_fail(make_scene: SceneFactory) -> None:
    """The check itself: a bordered bar shorter than its title is caught."""
    from dataclasses import replace

    scene = make_scene(demo_session(), "roadmap")
    canvas = scene.canvas
    key = next(k for k, t in canvas.tiles.tiles.items() if t.spec.track is not None)
    tile = canvas.tiles[key]
    tile.set_spec(replace(tile.spec, track=None, border="#000000", border_width=2.0,
                          width=40.0))
    assert any("crosses a box" in f for f in _crossings(scene))
