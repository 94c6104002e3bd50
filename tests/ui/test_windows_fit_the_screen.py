"""Every window the facilitator opens fits the screen it opens on: a preview of 900x1000
put its buttons below a 768-pixel laptop screen, the diagnostics (1300 wide) ran past a
1024-pixel one. The offscreen screen of the tests is 800x800."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from workshop.domain.model import Step
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import MainWindow
from workshop.ui.pages.signing.page import SigningPage


def _fits(window: QWidget) -> None:
    """Within the screen, or no larger than the window's least size where the screen is
    smaller than that (the tests' 800 pixels; a real laptop has 1024 and more)."""
    screen = window.screen().availableGeometry()
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert window.width() <= max(screen.width(), least.width())
    assert window.height() <= max(screen.height(), least.height())
    for button in window.findChildren(QPushButton):
        if button.isVisibleTo(window):
            place = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
            assert window.rect().contains(place), button.text()


def test_the_preview_and_the_diagnostics_open_within_the_screen(
        qtbot: QtBot, document: SessionDocument) -> None:
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    signing = window.pages[Step.SIGNING]
    assert isinstance(signing, SigningPage)
    signing.export_actions.ask = False
    with qtbot.waitSignal(signing.export_actions.sig_result, timeout=60_000):
        window.preview_action.trigger()  # File > Preview agreement…
    preview = signing.export_actions.preview_dialog
    assert preview is not None
    qtbot.waitExposed(preview)
    _fits(preview)
    preview.close()
    window.diagnostics_action.trigger()  # Go > Diagnostics… (Ctrl+D)
    diagnostics = window.findChild(QWidget, "diagnosticsWindow")
    assert diagnostics is not None and diagnostics.isVisible()
    _fits(diagnostics)
    diagnostics.close()
