"""Starting the GUI: QApplication, language, and the first window.

Until the facilitator's workspace lands this is a read-only overview of a session:
its details and what it holds. A file that cannot be opened gets a clear message,
never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop import __version__
from workshop.cli import summary
from workshop.domain.model import Session
from workshop.i18n import tr
from workshop.storage.errors import SessionFileError
from workshop.storage.files import load_session


class SessionOverviewWindow(QMainWindow):
    """Shows one session's details and counts (read-only)."""

    def __init__(self, session: Session | None = None, path: Path | None = None) -> None:
        super().__init__()
        self.setMinimumSize(640, 420)
        self._central = QWidget()
        self._layout = QVBoxLayout(self._central)
        self.setCentralWidget(self._central)
        self.show_session(session, path)

    def show_session(self, session: Session | None, path: Path | None) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if session is None:
            self.setWindowTitle("Workshop")
            intro = QLabel(tr("No session is open."))
            intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
            button = QPushButton(tr("Open a session…"))
            button.clicked.connect(self._on_open_clicked)
            self._layout.addStretch(1)
            self._layout.addWidget(intro)
            self._layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignCenter)
            self._layout.addStretch(1)
            return
        name = path.name if path else session.details.name
        self.setWindowTitle(f"{session.details.name} — {name} — Workshop")
        title = QLabel(session.details.name)
        title.setObjectName("sessionTitle")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        self._layout.addWidget(title)
        form = QFormLayout()
        for label, value in summary(session):
            shown = QLabel(value)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setWordWrap(True)
            form.addRow(label, shown)
        self._layout.addLayout(form)
        self._layout.addStretch(1)
        footer = QLabel(tr("Workshop {version} — read-only overview", version=__version__))
        footer.setEnabled(False)
        self._layout.addWidget(footer)

    def _on_open_clicked(self) -> None:
        filename, _ = QFileDialog.getOpenFileName(
            self, tr("Open a session"), "", tr("Workshop sessions (*.workshop)")
        )
        if filename:
            session = open_or_explain(self, Path(filename))
            if session is not None:
                self.show_session(session, Path(filename))


def open_or_explain(parent: QWidget | None, path: Path) -> Session | None:
    """Load a session, or tell the user plainly why not (nothing is written)."""
    try:
        return load_session(path)
    except SessionFileError as exc:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("The session cannot be opened"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(str(exc))
        if exc.problems:
            box.setDetailedText("\n".join(exc.problems))
        box.exec()
        return None


def run_app(path: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Workshop")
    app.setApplicationVersion(__version__)
    session = open_or_explain(None, path) if path is not None else None
    window = SessionOverviewWindow(session, path if session is not None else None)
    window.show()
    return app.exec()
