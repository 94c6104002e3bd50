"""What the facilitator sees when no session is open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop.i18n import tr
from workshop.storage import settings


class StartScreen(QWidget):
    """Recent sessions, a new session, the demo, a backup."""

    sig_new = Signal()
    """Start a new session."""
    sig_open = Signal(object)
    """Open this path (a Path), or ask for one when None."""
    sig_demo = Signal()
    """Open (a copy of) the demo session."""
    sig_restore = Signal()
    """Choose a backup to restore."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        title = QLabel(tr("Workshop"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(tr("Guide the start meeting of a regional collaboration, step by step. "
                          "Everything you enter is saved as you go."))
        intro.setWordWrap(True)
        self.new_button = QPushButton(tr("New session"))
        self.new_button.clicked.connect(self.sig_new)
        self.open_button = QPushButton(tr("Open…"))
        self.open_button.clicked.connect(lambda: self.sig_open.emit(None))
        self.demo_button = QPushButton(tr("Open the demo"))
        self.demo_button.clicked.connect(self.sig_demo)
        self.restore_button = QPushButton(tr("Restore from a backup…"))
        self.restore_button.clicked.connect(self.sig_restore)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.demo_button,
                       self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.recent = QListWidget()
        self.recent.setObjectName("recentSessions")
        self.recent.setAccessibleName(tr("Recent sessions"))
        self.recent.itemActivated.connect(self._on_recent_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addWidget(QLabel(tr("Recent sessions")))
        layout.addWidget(self.recent, 1)
        self.reload()

    def reload(self) -> None:
        self.recent.clear()
        for path in settings.recent_sessions():
            item = QListWidgetItem(f"{path.name}\n{path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        if self.recent.count() == 0:
            item = QListWidgetItem(tr("No recent sessions yet."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)
        else:
            self.recent.setCurrentRow(0)

    def focus_first(self) -> None:
        if self.recent.count() and self.recent.item(0).flags() & Qt.ItemFlag.ItemIsEnabled:
            self.recent.setFocus()
        else:
            self.new_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter presses the focused button, as in a dialog (Qt leaves it to Space)."""
        focus = self.focusWidget()
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and isinstance(focus, QPushButton) and self.isAncestorOf(focus)
                and focus.isEnabled()):
            focus.click()
            return
        super().keyPressEvent(event)

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        value = item.data(Qt.ItemDataRole.UserRole)
        if value:
            self.sig_open.emit(Path(value))
