"""Previewing a PDF in the app and on the projector."""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    Qt,
)
from PySide6.QtGui import (
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop.i18n import tr
from workshop.ui.commands import make_action
from workshop.ui.window_place import resize_on_screen


class PdfPane(QWidget):
    """A PDF shown with QtPdf: all pages, scrolled, fitted to the width."""

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def page_count(self) -> int:
        return self.pdf.pageCount()

class PreviewDialog(QDialog):
    """The agreement as it will print, before anyone signs; F5 puts it on the room's
    screen (full screen there, Esc to close)."""

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.setWindowTitle(tr("Preview of the agreement"))
        self.pane = PdfPane(data, self)
        self.room: RoomPdfWindow | None = None
        count = self.pane.page_count()
        info = QLabel(tr("{count} pages. This is the text the table signs; any change "
                         "after signing makes the signatures void.", count=count))
        info.setWordWrap(True)
        self.fit_page = QPushButton(tr("Whole page"))
        self.fit_page.setCheckable(True)
        self.fit_page.toggled.connect(self._fit)
        self.projector_button = QPushButton(tr("Show on the projector"))
        self.projector_button.setShortcut(QKeySequence("F5"))
        self.projector_button.setToolTip(tr("Full screen on the room's screen (F5); Esc "
                                            "there closes it."))
        self.projector_button.clicked.connect(self.show_on_projector)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(info, 1)
        row.addWidget(self.fit_page)
        row.addWidget(self.projector_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane, 1)
        layout.addLayout(row)
        resize_on_screen(self, 900, 1000)

    def _fit(self, whole: bool) -> None:
        self.pane.view.setZoomMode(QPdfView.ZoomMode.FitInView if whole
                                   else QPdfView.ZoomMode.FitToWidth)

    def show_on_projector(self) -> RoomPdfWindow:
        if self.room is None:
            self.room = RoomPdfWindow(self.data)
            self.room.destroyed.connect(self._room_closed)
        self.room.show_for_room(self.screen())
        return self.room

    def _room_closed(self) -> None:
        self.room = None

    def done(self, result: int) -> None:
        if self.room is not None:
            self.room.close()
        super().done(result)

class RoomPdfWindow(QWidget):
    """The agreement for the room: a whole page at a time, full screen on a screen
    other than the facilitator's (or a normal window with one screen)."""

    def __init__(self, data: bytes) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(tr("Agreement (room)"))
        self.pane = PdfPane(data, self)
        self.pane.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pane)
        make_action("preview.close", self, self.close)

    def show_for_room(self, facilitator_screen: object) -> None:
        others = [s for s in QGuiApplication.screens() if s is not facilitator_screen]
        if others:
            self.setScreen(others[0])
            self.setGeometry(others[0].geometry())
            self.showFullScreen()
        else:
            self.resize(1024, 768)
            self.show()
        if QGuiApplication.platformName() != "offscreen":
            self.raise_()
