"""The room never reads instructions meant for the facilitator (issue 11.12).

An empty canvas says what is not there yet ("No actions yet."), never what to do in
the facilitator's window: the room does not see that window.
"""

from __future__ import annotations

import re

import pytest
from canvas_helpers import SceneFactory
from samples import demo_session

from workshop.domain.model import Session
from workshop.ui.canvas.scene import canvas_names

INSTRUCTIONS = re.compile(
    r"window|venster|click|klik|press|druk op|\btype\b|\btyp\b"
    r"|\badd\b|voeg .* toe|\bctrl\b|menu|Enter\b", re.IGNORECASE)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", canvas_names())
def test_no_canvas_tells_the_room_what_to_do(make_scene: SceneFactory, name: str,
                                             lang: str) -> None:
    for session in (Session(), demo_session()):
        scene = make_scene(session, name, lang=lang)
        texts = scene.texts()
        assert texts, name
        told = [t for t in texts if INSTRUCTIONS.search(t)]
        assert not told, f"{name} ({lang}) tells the room: {told}"
