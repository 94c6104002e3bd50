"""The projector takes the fingerprint from the document (computed once per state)
instead of rendering the agreement itself: after an edit typed on a page, the wall
shows what a full computation from the session says."""

from __future__ import annotations

import pytest
from drive import CTRL, press, type_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from signed_sessions import signed_start

from workshop.domain.fingerprint import fingerprint, short_fingerprint
from workshop.domain.model import Step
from workshop.i18n import tr
from workshop.ui.main_window import MainWindow
from workshop.ui.pages.items.page import PrinciplesPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")


def _open(qtbot: QtBot, make_document: object, step: Step) -> MainWindow:
    document = make_document(signed_start())  # type: ignore[operator]
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.go_to(step)
    projector = window.projector_controls.controller
    projector.set_shown(True)
    qtbot.waitExposed(projector.window)
    qtbot.waitUntil(lambda: projector.canvas_name == step.value, timeout=2000)
    return window


def _type_into_first_principle(qtbot: QtBot, window: MainWindow, words: str) -> None:
    window.go_to(Step.PRINCIPLES)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    page = window.pages[Step.PRINCIPLES]
    assert isinstance(page, PrinciplesPage)
    view = page.table
    index = view.model().index(0, 1)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    press(qtbot, Qt.Key.Key_Return)
    assert page.text_edit.hasFocus()
    press(qtbot, Qt.Key.Key_End, CTRL)
    type_text(qtbot, words)
    press(qtbot, Qt.Key.Key_Return)

def test_signing_wall_after_a_typed_change(qtbot: QtBot, make_document: object) -> None:
    window = _open(qtbot, make_document, Step.SIGNING)
    document = window.document
    projector = window.projector_controls.controller
    before = fingerprint(document.session)
    signed = sum(1 for p in document.session.participants if p.present)
    texts = projector.scene.texts()
    assert any(short_fingerprint(before) in t for t in texts)
    assert any(tr("Void: the text changed after signing", "nl") in t
               for t in texts) is False

    projector.set_shown(False)  # the facilitator types in their own window
    _type_into_first_principle(qtbot, window, " Ook in de regio.")
    assert document.session.principles[0].text.endswith(" Ook in de regio.")
    window.go_to(Step.SIGNING)
    projector.set_shown(True)
    after = fingerprint(document.session)  # computed from scratch, not the document's
    assert after != before
    qtbot.waitUntil(lambda: any(short_fingerprint(after) in t
                                for t in projector.scene.texts()), timeout=2000)
    texts = projector.scene.texts()
    assert not any(short_fingerprint(before) in t for t in texts)
    void = tr("Void: the text changed after signing", "nl")
    assert sum(void in t for t in texts) == signed
    assert any(tr("{signed} of {present} present participants have signed", "nl",
                  signed=0, present=signed) in t for t in texts)

