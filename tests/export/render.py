"""Rendering PDF pages to images with QtPdf (PySide6-Addons), as a reader would see them.

Tests may use Qt; ``workshop.export`` may not, which is why this lives here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument


def render_pages(data: bytes, dpi: float = 40.0) -> list[QImage]:
    """Every page of ``data`` as an image at ``dpi``, on white."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    document = QPdfDocument(app)
    buffer = QBuffer(app)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    try:
        assert document.status() == QPdfDocument.Status.Ready, document.error()
        images: list[QImage] = []
        for page in range(document.pageCount()):
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(page, size)
            white = QImage(size, QImage.Format.Format_RGB32)
            white.fill(QColor("white"))
            from PySide6.QtGui import QPainter

            painter = QPainter(white)
            painter.drawImage(0, 0, image)
            painter.end()
            images.append(white)
        return images
    finally:
        document.close()
        buffer.close()
        document.deleteLater()
        buffer.deleteLater()


def ink(image: QImage) -> float:
    """Share of pixels that are not (nearly) white."""
    small = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height = small.width(), small.height()
    bits = small.constBits()
    line = small.bytesPerLine()
    data = bytes(bits)
    dark = sum(1 for y in range(height) for b in data[y * line:y * line + width] if b < 245)
    return dark / (width * height)


def save_pages(data: bytes, folder: Path, stem: str, dpi: float = 60.0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n, image in enumerate(render_pages(data, dpi), 1):
        path = folder / f"{stem}-{n:02d}.png"
        image.save(str(path))
        out.append(path)
    return out


def qt_text(data: bytes) -> str:
    """The text PDFium (QtPdf) extracts, as a PDF viewer's copy and search would see it."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    document = QPdfDocument(app)
    buffer = QBuffer(app)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    try:
        return "\n".join(document.getAllText(page).text()
                         for page in range(document.pageCount()))
    finally:
        document.close()
        buffer.close()
        document.deleteLater()
        buffer.deleteLater()
