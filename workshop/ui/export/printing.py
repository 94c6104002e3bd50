"""Printing a PDF from the app."""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QImage,
    QPainter,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QWidget,
)

from workshop.i18n import tr


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print every page of ``data`` on ``printer`` (rendered at its resolution, fitted
    to its page, centred). Returns the number of pages printed."""
    pdf = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    pdf.load(buffer)
    count = pdf.pageCount()
    painter = QPainter()
    if count == 0 or not painter.begin(printer):
        return 0
    try:
        dpi = min(printer.resolution(), 300)
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(count):
            if page:
                printer.newPage()
            points = pdf.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image: QImage = pdf.render(page, size)
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (target.width() - scaled.width()) // 2
            y = (target.height() - scaled.height()) // 2
            painter.drawImage(x, y, image.scaled(scaled, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
    finally:
        painter.end()
        pdf.close()
    return count

def print_dialog(printer: QPrinter, parent: QWidget | None) -> QPrintDialog:
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Print the agreement on paper"))
    return dialog
