"""On the ambition canvas a long author name is shown whole, not cut (issue 11.12)."""

from __future__ import annotations

from canvas_helpers import SceneFactory
from samples import demo_session


def test_a_long_author_name_is_shown_whole(make_scene: SceneFactory) -> None:
    session = demo_session()
    long_name = "Fatima El Amrani-Bos van den Berg-Hoogendoorn"
    author = session.ambition.cards[0].author_id
    person = next(p for p in session.participants if p.id == author)
    person.name = long_name
    for size in ((1920, 1080), (1024, 768)):
        scene = make_scene(session, "ambition", size=size, lang="nl")
        shown = [t for t in scene.texts() if "Fatima" in t]
        assert long_name in shown, (size, shown)
