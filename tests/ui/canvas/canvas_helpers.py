"""Reading what a canvas scene shows, for the canvas tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from workshop.domain.model import Session
from workshop.ui.canvas.scene import CanvasScene
from workshop.ui.canvas.tile import Tile

TODAY = dt.date(2026, 3, 12)

SceneFactory = Callable[..., CanvasScene]


def reading_order(scene: CanvasScene) -> list[str]:
    """Visible texts column by column, top to bottom (how a board is read)."""
    tiles = sorted(scene.visible_tiles(), key=lambda t: (round(t.x()), t.y()))
    return [text for tile in tiles for text in tile.texts()]


def tile_showing(scene: CanvasScene, text: str) -> Tile:
    found = [t for t in scene.visible_tiles() if any(text in s for s in t.texts())]
    assert found, f"nothing on the canvas shows {text!r}"
    return found[0]


def flow_order(scene: CanvasScene) -> list[object]:
    """The canvas's tile keys in the order they are poured: page, column, top to bottom."""
    places = scene.canvas.placements
    return sorted((k for k in places if k in scene.canvas.tiles),
                  key=lambda k: (places[k][0], round(places[k][1]), places[k][2]))


def demo_evaluation() -> Session:
    """The demo's evaluation meeting, six months on: one principle amended, one party
    gone; for the canvases that show an evaluation (what changed)."""
    from samples import demo_session

    from workshop.domain.evaluation import new_evaluation
    from workshop.domain.participants import remove_participant

    session = new_evaluation(demo_session(), "demo.workshop", dt.date(2026, 10, 1))
    session.principles[0].text += " Ook in de uitvoering."
    # leaves (handed over): the earlier version's record of his party stays
    remove_participant(session, "p-henk", hand_over=True)
    return Session.model_validate(session.model_dump())
