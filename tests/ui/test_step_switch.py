"""Going from step to step keeps the window still: the step's page keeps its place and
size (a page resized at each switch was laid out and painted twice, issue 14)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.ui.conftest import DocumentFactory
from tests.ui.drive import go_to_step
from workshop.domain.steps import Step
from workshop.i18n import set_language
from workshop.ui.main_window import STEPS, MainWindow


def test_the_page_keeps_its_place_on_every_step(qtbot: QtBot,
                                                 make_document: DocumentFactory) -> None:
    set_language("nl")  # the longer texts
    try:
        window = MainWindow(make_document())
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        places = {}
        for step in [*STEPS, *reversed(STEPS)]:  # through the Go menu's keys
            go_to_step(qtbot, window, step)
            qtbot.wait(1)
            bar = window.step_bar
            places[step] = (window.page_stack.geometry(), bar.geometry())
            # The agreement button shows only where the facilitator records agreement.
            assert bar.agree_button.isVisible() == (step in (
                Step.PREPARATION, Step.INTERESTS, Step.ORGANISING, Step.ROADMAP))
        assert len(set(places.values())) == 1, places
    finally:
        set_language("en")


def test_a_switch_is_not_watched_by_the_key_filters(qtbot: QtBot,
                                                    make_document: DocumentFactory) -> None:
    """The room's letters and the paste limits look at key presses only, on the focus
    widget: the Show, Hide and Paint events of the thousand widgets a switch shows and
    hides do not pass through Python (as application filters, every one did: half of a
    switch's time on the large session, issue 14)."""
    import sys
    from types import FrameType

    from workshop.ui.key_context import LetterKeys
    from workshop.ui.paste_limits import PasteLimits

    filters = {LetterKeys.eventFilter.__code__, PasteLimits.eventFilter.__code__}
    seen: list[str] = []

    def calls(frame: FrameType, event: str, _arg: object) -> None:
        # counted by their code, the classes untouched (PySide6 keeps the overrides)
        if event == "call" and frame.f_code in filters:
            seen.append(type(frame.f_locals.get("watched")).__name__)

    window = MainWindow(make_document())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for step in STEPS:  # every page built once
        go_to_step(qtbot, window, step)
    switches = [*STEPS, *reversed(STEPS)]
    sys.setprofile(calls)
    try:
        for step in switches:
            go_to_step(qtbot, window, step)
            qtbot.wait(1)
    finally:
        sys.setprofile(None)
    # What the window and the focus widget get (the Go menu's keys, the focus moving to
    # the page, its paint): some 15 a switch; as application filters, some 400.
    assert 0 < len(seen) < 40 * len(switches), sorted(set(seen))
