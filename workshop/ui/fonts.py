"""The bundled font family in the app, so the screen and the PDFs look alike.

The fonts live in ``resources/fonts`` (see ``workshop.export.fonts``); when they are
not there (an old checkout) the platform's sans-serif is used.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

_loaded: list[str] = []


def app_font_families() -> list[str]:
    """Register the bundled fonts once; the families Qt knows them by."""
    if _loaded:
        return _loaded
    from workshop.export.fonts import app_font_files

    for file in app_font_files():
        try:
            data = file.read_bytes()
        except OSError:  # an old checkout without the fonts: the platform's sans-serif
            continue
        font_id = QFontDatabase.addApplicationFontFromData(data)
        if font_id >= 0:
            for family in QFontDatabase.applicationFontFamilies(font_id):
                if family not in _loaded:
                    _loaded.append(family)
    return _loaded


def install_app_font(app: QApplication) -> None:
    families = app_font_families()
    if families:
        font = QFont(app.font())
        font.setFamilies(families)
        app.setFont(font)
