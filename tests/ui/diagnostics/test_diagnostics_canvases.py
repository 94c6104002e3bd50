"""The diagnostics on the projector: anonymous really hides names, marks follow changes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRectF
from samples import demo_session, large_session

from workshop.domain import diagnostics as dg
from workshop.domain.model import CollaborationForm, Condition, Session
from workshop.ui.canvas.options import CanvasOptions
from workshop.ui.canvas.scene import CanvasScene, canvas_names

CANVASES = ("conditions", "spectra", "forms")


@pytest.fixture
def scenes(qapp: object) -> Iterator[list[CanvasScene]]:
    made: list[CanvasScene] = []
    yield made
    for scene in made:
        scene.clear()
        scene.deleteLater()


def _scene(made: list[CanvasScene], session: Session, name: str, **options: object
           ) -> CanvasScene:
    scene = CanvasScene(session, name, CanvasOptions(lang="nl").replace(**options))
    made.append(scene)
    return scene


def test_registered(qapp: object) -> None:
    assert set(CANVASES) <= set(canvas_names())


@pytest.mark.parametrize("name", CANVASES)
def test_anonymous_shows_no_participant_names(scenes: list[CanvasScene], name: str) -> None:
    session = large_session()
    names = [p.name for p in session.participants]
    scene = _scene(scenes, session, name, anonymous=True)
    for page in range(scene.page_count):
        scene.set_page(page)
        texts = scene.all_texts()
        assert texts
        leaked = [t for t in texts for n in names if n in t]
        assert not leaked, leaked


@pytest.mark.parametrize("name", ("conditions", "forms"))
def test_named_mode_says_who(scenes: list[CanvasScene], name: str) -> None:
    session = demo_session()
    scene = _scene(scenes, session, name)
    assert any("Gerda Smit" in t for t in scene.all_texts())
    scene.set_options(scene.options.replace(anonymous=True))
    assert not any("Gerda Smit" in t for t in scene.all_texts())


def _dots(scene: CanvasScene) -> QRectF:
    return scene.canvas.paths["dots"].path().boundingRect()  # type: ignore[attr-defined]


def test_conditions_marks_follow_a_changed_score(scenes: list[CanvasScene]) -> None:
    session = demo_session()
    scene = _scene(scenes, session, "conditions")
    texts = scene.texts()
    before = scene.canvas.paths["dots"].path().elementCount()  # type: ignore[attr-defined]
    bounds = _dots(scene)
    assert any("2,1" in t for t in texts)  # professional organising: mean 2.1
    dg.set_score(session, "mt-start", "p-gerda", Condition.PROFESSIONAL_ORGANISING, 5)
    scene.update_session(session)
    assert any("2,6" in t for t in scene.texts())  # (17 - 1 + 5) / 8 = 2.625
    assert _dots(scene).left() > bounds.left()  # the only 1 is gone
    dg.set_score(session, "mt-start", "p-henk", Condition.SHARED_AMBITION, 1)
    scene.update_session(session)
    assert scene.canvas.paths["dots"].path().elementCount() > before  # type: ignore


def test_conditions_sorted_by_spread_on_the_wall(scenes: list[CanvasScene]) -> None:
    session = demo_session()
    scene = _scene(scenes, session, "conditions", lang="en")
    ordered = dg.by_spread(dg.condition_stats(session, "mt-start"))
    tiles = sorted((t for t in scene.visible_tiles() if isinstance(t.key, tuple)
                    and t.key[0] == "label"), key=lambda t: t.y())
    assert [t.key[1] for t in tiles] == [s.condition.value for s in ordered]


def test_forms_bar_follows(scenes: list[CanvasScene]) -> None:
    session = demo_session()
    scene = _scene(scenes, session, "forms")
    count_tile = scene.canvas.tiles[("count", "knowledge_network")]
    assert count_tile.texts() == ["0"]
    dg.set_forms(session, "mt-start", "p-anna", [CollaborationForm.KNOWLEDGE_NETWORK])
    scene.update_session(session)
    assert scene.canvas.tiles[("count", "knowledge_network")].texts() == ["1"]


def test_second_moment_shows_the_earlier_one(scenes: list[CanvasScene]) -> None:
    session = large_session()
    scene = _scene(scenes, session, "conditions", lang="en")
    assert not scene.canvas.paths["earlier"].path().isEmpty()  # type: ignore[attr-defined]
    assert any("Start" in t and "earlier" in t for t in scene.texts())


def test_empty_session_draws(scenes: list[CanvasScene]) -> None:
    session = Session()
    for name in CANVASES:
        scene = _scene(scenes, session, name, lang="en")
        assert "No measurement yet." in scene.texts()
