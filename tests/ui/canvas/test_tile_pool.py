"""Resizing the 1,000-card board keeps the repeated headings it will need again: what
the board shows is what a board built at that size shows, and coming back to a width
builds no heading anew."""

from __future__ import annotations

from canvas_helpers import SceneFactory
from samples import large_session

from workshop.ui.canvas.tile import Tile


def _shown(scene: object) -> list[tuple[str, float, float]]:
    return sorted((" ".join(t.texts()), round(t.x(), 1), round(t.y(), 1))
                  for t in scene.visible_tiles())  # type: ignore[attr-defined]


def test_resizing_there_and_back(make_scene: SceneFactory, monkeypatch: object) -> None:
    session = large_session()
    scene = make_scene(session, "ambition", size=(1920, 1080))
    wide_all = sorted(scene.all_texts())
    for size in ((1024, 768), (1366, 768), (1920, 1080)):
        scene.set_output_size(*size)
        fresh = make_scene(session, "ambition", size=size)
        assert _shown(scene) == _shown(fresh), size
        assert sorted(scene.all_texts()) == sorted(fresh.all_texts()), size
    assert sorted(scene.all_texts()) == wide_all
    continued = [t for t in scene.all_tiles() if isinstance(t.key, tuple)
                 and t.key[0] == "continued"]
    assert continued  # the large board repeats headings at this size

    built: list[object] = []
    real_init = Tile.__init__

    def counting(self: Tile, *args: object, **kwargs: object) -> None:
        built.append(args[1] if len(args) > 1 else kwargs.get("key"))
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Tile, "__init__", counting)  # type: ignore[attr-defined]
    for size in ((1024, 768), (1366, 768), (1920, 1080)):
        scene.set_output_size(*size)
    assert [k for k in built if isinstance(k, tuple) and k[0] == "continued"] == []
