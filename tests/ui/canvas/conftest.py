"""Canvas fixtures: a scene on a session, and helpers that read what the scene shows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from canvas_helpers import TODAY, SceneFactory

from workshop.domain.model import Session
from workshop.ui.canvas.options import CanvasOptions
from workshop.ui.canvas.scene import CanvasScene


@pytest.fixture
def make_scene(qapp: object) -> Iterator[SceneFactory]:
    """``make_scene(session, canvas, size=(1920, 1080), **options)``."""
    made: list[CanvasScene] = []

    def make(session: Session, canvas: str, size: tuple[int, int] = (1920, 1080),
             **options: object) -> CanvasScene:
        opts = CanvasOptions(lang="en", today=TODAY).replace(**options)
        scene = CanvasScene(session, canvas, opts, size=size)
        made.append(scene)
        return scene

    yield make
    for scene in made:
        scene.clear()
        scene.deleteLater()
