"""Qt's own words (standard buttons, the file dialog) follow the app's language (11.11)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from workshop.i18n import set_language
from workshop.ui.main_window import MainWindow


def _button_texts(box: QMessageBox) -> set[str]:
    return {b.text().replace("&", "") for b in box.buttons()}


def _file_dialog_buttons(qtbot: QtBot, window: MainWindow) -> set[str]:
    dialog = QFileDialog(window, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return {b.text().replace("&", "") for b in box.findChildren(QPushButton)}


def test_standard_buttons_are_dutch_in_dutch_and_english_again(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    box = QMessageBox(window)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes
                           | QMessageBox.StandardButton.No)
    assert _button_texts(box) == {"Cancel", "Yes", "No"}
    assert _file_dialog_buttons(qtbot, window) == {"Save", "Cancel"}

    window.switch_language("nl")
    try:
        box = QMessageBox(window)
        box.setStandardButtons(QMessageBox.StandardButton.Cancel
                               | QMessageBox.StandardButton.Yes
                               | QMessageBox.StandardButton.No)
        assert _button_texts(box) == {"Annuleren", "Ja", "Nee"}
        assert _file_dialog_buttons(qtbot, window) == {"Opslaan", "Annuleren"}
    finally:
        window.switch_language("en")
        set_language("en")
    box = QMessageBox(window)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    assert _button_texts(box) == {"Cancel"}
