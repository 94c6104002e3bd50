"""Canvases as pictures (PNG, SVG): the projector's own scene, painted into a file.

``render_png(session, "ambition", "board.png")`` gives exactly what the room would
see at that size; it needs no window and no display (Qt's offscreen platform is chosen
when there is no display).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from workshop.domain.model import Session
from workshop.ui.canvas.options import CanvasOptions
from workshop.ui.canvas.theme import theme as theme_named

MIN_SIZE = (160, 120)
MAX_SIZE = (7680, 4320)


def ensure_app() -> QApplication:
    """The running QApplication, or a new one (offscreen on a machine without a display)."""
    app = QApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (
                os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


def _options(session: Session, options: CanvasOptions | None,
             fields: dict[str, object]) -> CanvasOptions:
    given = {k: v for k, v in fields.items() if v is not None}
    base = options or CanvasOptions.from_session(session)
    return base.replace(**given) if given else base


def render_image(session: Session, canvas: str, size: tuple[int, int] = (1920, 1080),
                 options: CanvasOptions | None = None, **fields: object) -> QImage:
    """The canvas as a QImage; ``fields`` override ``options`` (theme="dark", lang="en")."""
    ensure_app()
    from workshop.ui.canvas.scene import CanvasScene

    _check_size(size)
    scene = CanvasScene(session, canvas, _options(session, options, fields), size=size)
    try:
        return scene.to_image(*size)
    finally:
        scene.clear()
        scene.deleteLater()


def render_png(session: Session, canvas: str, path: str | Path,
               size: tuple[int, int] = (1920, 1080), theme: str | None = None,
               lang: str | None = None, options: CanvasOptions | None = None,
               **fields: object) -> Path:
    image = render_image(session, canvas, size, options, theme=theme, lang=lang, **fields)
    target = Path(path)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stubs ask for bytes, but 6.12 accepts only str for the format.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError(f"could not encode {target}")
    buffer.close()
    _write(target, bytes(data.data()))
    return target


def _write(target: Path, data: bytes) -> None:
    """Owner-only and atomic, like the session and the PDFs: a canvas shows names and
    interests, and a failed write leaves the previous picture intact
    (``SaveError`` says why)."""
    from workshop.storage.files import write_atomic

    write_atomic(target, data)


def render_svg(session: Session, canvas: str, path: str | Path,
               size: tuple[int, int] = (1920, 1080), theme: str | None = None,
               lang: str | None = None, options: CanvasOptions | None = None,
               **fields: object) -> Path:
    """The canvas as SVG (text stays text; QtSvg ships with pyside6-essentials)."""
    ensure_app()
    from PySide6.QtSvg import QSvgGenerator

    from workshop.ui.canvas.scene import CanvasScene

    _check_size(size)
    opts = _options(session, options, {"theme": theme, "lang": lang, **fields})
    scene = CanvasScene(session, canvas, opts, size=size)
    target = Path(path)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(*size))
    generator.setViewBox(QRectF(0, 0, *size))
    generator.setResolution(96)
    generator.setTitle(scene.canvas.title(scene._ctx) if scene._ctx else canvas)
    painter = QPainter(generator)
    try:
        painter.fillRect(QRectF(0, 0, *size), QColor(theme_named(opts.theme).surface("page")))
        scene.render_to(painter, QRectF(0, 0, *size))
    finally:
        painter.end()
        scene.clear()
        scene.deleteLater()
    buffer.close()
    _write(target, bytes(data.data()))
    return target


def _check_size(size: tuple[int, int]) -> None:
    w, h = size
    if not (MIN_SIZE[0] <= w <= MAX_SIZE[0] and MIN_SIZE[1] <= h <= MAX_SIZE[1]):
        raise ValueError(f"size {w}x{h} is outside {MIN_SIZE[0]}x{MIN_SIZE[1]} to "
                         f"{MAX_SIZE[0]}x{MAX_SIZE[1]}")
