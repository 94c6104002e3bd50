"""Pictures of the canvases: the projector's scene in a file, and the session untouched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from canvas_helpers import TODAY, demo_evaluation
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from samples import demo_session, large_session

from workshop.ui.canvas.options import CanvasOptions
from workshop.ui.canvas.render import render_image, render_png, render_svg
from workshop.ui.canvas.scene import CanvasScene, canvas_names
from workshop.ui.canvas.theme import THEMES
from workshop.ui.canvas.view import CanvasView

DUTCH_TITLES = {
    "preparation": "Samen gezond ouder worden in de Waalzoom",
    "ambition": "Gedeelde ambitie",
    "interests": "Belangen",
    "principles": "Leidende principes",
    "rules": "Spelregels",
    "organising": "Organiseren en besluiten",
    "roadmap": "Routekaart per fase",
    "roadmap-by-owner": "Routekaart per eigenaar",
    "signing": "Ondertekening",
}
"""The title each built-in canvas shows in Dutch on the demo session."""


def test_save_every_canvas_in_dutch(qapp: object, tmp_path: Path) -> None:
    """Every canvas as PNG at 1920x1080, in Dutch; with WORKSHOP_CANVAS_PNG_DIR set, the
    pictures are also kept in that folder to be looked at (the README's come from here)."""
    folder = Path(os.environ.get("WORKSHOP_CANVAS_PNG_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    session = demo_session()
    options = CanvasOptions(lang="nl", theme="light", today=TODAY)
    page = QColor(THEMES["light"].surface("page")).rgb()
    ink = QColor(THEMES["light"].ink("text")).rgb()
    evaluation = demo_evaluation()
    for name in canvas_names():
        # "What changed" shows an evaluation meeting's changes; a start meeting has none.
        shown = evaluation if name == "changes" else session
        scene = CanvasScene(shown, name, options)
        title = DUTCH_TITLES.get(name, scene.canvas.title(scene._ctx))  # type: ignore[arg-type]
        texts = scene.texts()
        assert texts[0] == title, name  # the title first, in Dutch
        assert len(texts) > 5, name  # and the canvas has content under it
        assert not any(t in " ".join(texts) for t in ("Shared ambition", "Interests",
                                                      "Roadmap", "Not yet", "Page ")), name
        path = render_png(shown, name, folder / f"canvas-{name}-nl.png", options=options)
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1920, 1080)
        # The title is drawn in the text ink at the top left; the page is mostly page.
        title_ink = sum(1 for y in range(30, 100, 2) for x in range(56, 600, 2)
                        if image.pixel(x, y) == ink)
        assert title_ink > 300, name
        body = [image.pixel(x, y) for y in range(120, 1000, 10) for x in range(0, 1920, 10)]
        assert 0.2 < body.count(page) / len(body) < 0.98, name  # neither empty nor a blot
        scene.clear()
    assert len(list(folder.glob("canvas-*-nl.png"))) >= len(canvas_names())


@pytest.mark.parametrize("theme", ["light", "dark", "contrast"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_rendering_never_writes_to_the_session(qapp: object, theme: str, lang: str) -> None:
    for session in (demo_session(), large_session()):
        before = session.model_dump(mode="json")
        for name in canvas_names():
            for size in ((1920, 1080), (1024, 768)):
                render_image(session, name, size, theme=theme, lang=lang, today=TODAY,
                             highlight_id="pr-open", spotlight_id="k-03", timer_seconds=-5)
        assert session.model_dump(mode="json") == before


def test_png_is_what_the_projector_shows(qtbot: QtBot) -> None:
    session = demo_session()
    options = CanvasOptions(lang="nl", today=TODAY)
    view = CanvasView(session, "principles", options)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    qtbot.waitExposed(view)
    assert view.scale_factor() == pytest.approx(1.0, abs=0.01)
    shown = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    picture = render_image(session, "principles", (1920, 1080), options)
    differing = sum(1 for y in range(0, 1080, 9) for x in range(0, 1920, 9)
                    if shown.pixel(x, y) != picture.pixel(x, y))
    assert differing / ((1080 // 9 + 1) * (1920 // 9 + 1)) < 0.01


def test_view_follows_the_window_aspect(qtbot: QtBot) -> None:
    view = CanvasView(demo_session(), "ambition", CanvasOptions(lang="en", today=TODAY))
    qtbot.addWidget(view)
    view.resize(1024, 768)
    view.show()
    qtbot.waitExposed(view)
    scene = view.canvas_scene
    assert scene.logical_size.width() == pytest.approx(1440, abs=1)
    assert view.scale_factor() == pytest.approx(768 / 1080, abs=0.01)
    preview = CanvasView(scene=scene, drives_size=False)
    qtbot.addWidget(preview)
    preview.resize(320, 320)
    preview.show()
    qtbot.waitExposed(preview)
    assert scene.logical_size.width() == pytest.approx(1440, abs=1)  # the projector's


def test_svg(qapp: object, tmp_path: Path) -> None:
    path = render_svg(demo_session(), "rules", tmp_path / "rules.svg", lang="en")
    text = path.read_text("utf-8")
    assert text.startswith("<?xml") and "Rules of play" in text


def test_scene_sizes_and_pages_signal(qtbot: QtBot) -> None:
    scene = CanvasScene(large_session(), "ambition", CanvasOptions(lang="en"))
    with qtbot.waitSignal(scene.sig_pages_changed) as blocker:
        scene.set_page(2)
    assert blocker.args == [2, scene.page_count]
    scene.set_output_size(1024, 768)
    assert scene.page > 0 and scene.page_count > 10
