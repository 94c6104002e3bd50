"""The retention period is set in the app (File > Keeping backups…) and holds at the
next backup: chosen through the dialog's widgets, read back by a real save."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from workshop.domain.model import Session, SessionDetails
from workshop.i18n import set_language
from workshop.storage import settings
from workshop.storage.autosave import Autosaver
from workshop.storage.backups import BackupStore
from workshop.storage.files import dumps
from workshop.ui.backup_settings import BackupRetentionDialog
from workshop.ui.main_window import MainWindow


def _open_dialog(qtbot: QtBot) -> BackupRetentionDialog:
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    window.retention_action.trigger()
    dialog = window.retention_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_period_chosen_in_the_app_is_the_one_backups_keep(qtbot: QtBot,
                                                               tmp_path: Path) -> None:
    assert settings.backup_retention_months() == 12
    dialog = _open_dialog(qtbot)
    assert dialog.period.currentText() == "1 year"
    dialog.period.setCurrentIndex(dialog.period.findText("3 months"))
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert settings.backup_retention_months() == 3

    path = tmp_path / "regio.workshop"
    store = BackupStore(tmp_path / "backups")
    now = dt.datetime(2026, 12, 7, 10, 0)
    for name, when in (("4 months", dt.datetime(2026, 8, 1)),
                       ("2 months", dt.datetime(2026, 10, 1))):
        store.backup_now(path, dumps(Session(details=SessionDetails(name=name))), when)
    session = Session(details=SessionDetails(name="now"))
    saver = Autosaver(path, lambda: session, backups=store, wall_clock=lambda: now)
    saver.changed()
    assert saver.flush()
    assert [b.load().details.name for b in store.list_backups(path)] == ["now", "2 months"]


def test_cancel_changes_nothing_and_dutch_fits(qtbot: QtBot, tmp_path: Path) -> None:
    set_language("nl")
    try:
        dialog = _open_dialog(qtbot)
        assert dialog.period.currentText() == "1 jaar"
        dialog.period.setCurrentIndex(0)
        dialog.grab().save(str(tmp_path / "retention-nl.png"))
        dialog.reject()
        assert settings.backup_retention_months() == 12
    finally:
        set_language(None)
