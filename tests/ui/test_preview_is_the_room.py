"""The preview under the step list is the room's view, always (issue 11.9).

Both pictures are grabbed from the screen widgets (the projector window and the
preview in the facilitator's window), reduced to the same small size and compared
pixel by pixel: same step, canvas, theme, spotlight, black, white and frozen frame.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from workshop.domain.model import Step
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import MainWindow
from workshop.ui.projector import Blank

SMALL = QSize(96, 54)
SAME = 10.0
"""Mean difference per channel (0-255) below which two small pictures are the same view;
a different step or theme differs by far more (checked below)."""


def _small(image: QImage) -> QImage:
    return image.convertToFormat(QImage.Format.Format_RGB32).scaled(
        SMALL, Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation)


def difference(a: QImage, b: QImage) -> float:
    a, b = _small(a), _small(b)
    total = 0
    for y in range(SMALL.height()):
        for x in range(SMALL.width()):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            total += sum(abs(((pa >> s) & 255) - ((pb >> s) & 255)) for s in (0, 8, 16))
    return total / (SMALL.width() * SMALL.height() * 3)


def room_and_preview(window: MainWindow) -> tuple[QImage, QImage]:
    controller = window.projector_controls.controller
    preview = window.projector_controls.preview
    assert preview is not None and preview.isVisible()
    room = controller.window.face.grab().toImage()
    seen = preview.face.grab().toImage()
    return room, seen


def open_window(qtbot: QtBot, document: SessionDocument) -> MainWindow:
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    controller = window.projector_controls.controller
    controller.set_shown(True)
    qtbot.waitExposed(controller.window)
    return window


def go(qtbot: QtBot, window: MainWindow, step: Step) -> None:
    window.go_to(step)
    controller = window.projector_controls.controller
    qtbot.waitUntil(lambda: controller.canvas_name == step.value)


def same_view(qtbot: QtBot, window: MainWindow, what: str) -> QImage:
    """Waits until the preview shows what the room sees; the room's picture."""
    last = [0.0]

    def check() -> bool:
        room, seen = room_and_preview(window)
        last[0] = difference(room, seen)
        return last[0] < SAME

    try:
        qtbot.waitUntil(check, timeout=3000)
    except AssertionError as exc:  # pytest-qt's TimeoutError is an AssertionError
        raise AssertionError(f"{what}: the preview differs from the room by "
                             f"{last[0]:.1f}") from exc
    return room_and_preview(window)[0]


def test_the_preview_shows_what_the_room_sees(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document)
    controls = window.projector_controls
    controller = controls.controller

    go(qtbot, window, Step.AMBITION)
    ambition = same_view(qtbot, window, "the ambition step")
    go(qtbot, window, Step.ROADMAP)
    roadmap = same_view(qtbot, window, "the roadmap step")
    assert difference(ambition, roadmap) > 2 * SAME  # the comparison tells views apart

    controls.theme_actions["dark"].trigger()
    dark = same_view(qtbot, window, "the dark theme")
    assert difference(dark, roadmap) > 2 * SAME
    controls.theme_actions["light"].trigger()

    go(qtbot, window, Step.PRINCIPLES)
    page = window.pages[Step.PRINCIPLES]
    page.table.setFocus()  # type: ignore[attr-defined]
    page.table.setCurrentIndex(page.table.model().index(1, 0))  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: controller.highlight_id() is not None)
    controls.spotlight_action.trigger()
    assert controller.spotlight
    same_view(qtbot, window, "the spotlight")
    controls.spotlight_action.trigger()

    controls.canvas_actions["conditions"].trigger()
    same_view(qtbot, window, "a canvas of no step")
    controls.canvas_actions[None].trigger()

    go(qtbot, window, Step.ROADMAP)
    same_view(qtbot, window, "back on the roadmap")
    controls.freeze_action.trigger()
    assert controller.frozen
    go(qtbot, window, Step.AMBITION)  # the room keeps the roadmap; so does the preview
    frozen = same_view(qtbot, window, "frozen while the facilitator moves on")
    assert difference(frozen, roadmap) < SAME
    controls.freeze_action.trigger()
    same_view(qtbot, window, "unfrozen")

    for blank, action in ((Blank.BLACK, controls.black_action),
                          (Blank.WHITE, controls.white_action)):
        action.trigger()
        assert controller.blank is blank
        same_view(qtbot, window, f"the {blank.value} screen")
        action.trigger()
