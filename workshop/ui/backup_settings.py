"""How long backups are kept: the one setting behind "backups end".

Backups and recovery copies older than the chosen period are deleted at the next
backup (``workshop.storage.backups``). The dialog says that, and what it means for a
person deleted from a session: their older copies end with the period, or at once
through "Delete everything of them".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from workshop.i18n import tr
from workshop.storage import settings


def period_label(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return tr("1 year") if years == 1 else tr("{count} years", count=years)
    return tr("1 month") if months == 1 else tr("{count} months", count=months)


class BackupRetentionDialog(QDialog):
    """Choose the retention period; saved to the settings when accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupRetentionDialog")
        self.setWindowTitle(tr("Keeping backups"))
        layout = QVBoxLayout(self)
        text = QLabel(tr(
            "Workshop keeps backups of every session and copies of unsaved work. Older "
            "than the period below, they are deleted at the next backup, so that what "
            "was deleted from a session does not live on in them for ever."))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(text)
        self.period = QComboBox()
        self.period.setObjectName("retentionPeriod")
        current = settings.backup_retention_months()
        choices = sorted(set(settings.RETENTION_CHOICES) | {current})
        for months in choices:
            self.period.addItem(period_label(months), months)
        self.period.setCurrentIndex(choices.index(current))
        label = QLabel(tr("&Keep backups for:"))
        label.setBuddy(self.period)
        layout.addWidget(label)
        layout.addWidget(self.period)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        settings.set_backup_retention_months(int(self.period.currentData()))
        super().accept()
