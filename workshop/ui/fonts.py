"""The bundled font family in the app, so the screen and the PDFs look alike.

The fonts live in ``resources/fonts`` (see ``workshop.export.fonts``); when they are
not there (an old checkout) the platform's sans-serif is used.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

_loaded: list[str] = []
_read: set[str] = set()


def app_font_families(*, first_family: bool = False) -> list[str]:
    """Register the bundled fonts once; the families Qt knows them by, in the order of
    ``FONT_FILES`` (the app's own family first). ``first_family``: only that family's
    faces so far (the first window's start: the script fallbacks, 3.5 of 5 MB, follow
    with the session)."""
    from workshop.export.fonts import app_font_files

    for file in app_font_files(first_family=first_family):
        if file.name in _read:
            continue
        _read.add(file.name)
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


def install_app_font(app: QApplication, *, first_family: bool = False) -> None:
    """The app's font: the bundled families (see ``app_font_families``)."""
    families = app_font_families(first_family=first_family)
    if families and QFont(app.font()).families() != families:
        font = QFont(app.font())
        font.setFamilies(families)
        app.setFont(font)
