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
