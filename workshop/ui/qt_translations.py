"""Qt's own words (standard buttons, file dialogs, context menus) in the app's language.

Workshop's texts come from its own catalogue (``workshop.i18n``); the words Qt draws
itself ("Cancel", "Open", "Save", "Look in:") come from Qt's translations that ship
with PySide6 (``qtbase_nl.qm`` in ``QLibraryInfo.TranslationsPath``). Without them a
Dutch dialog said "Cancel" next to "Opslaan als…".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from workshop.i18n import Language

_installed: list[QTranslator] = []
_language: Language | None = None


def use_qt_language(lang: Language) -> bool:
    """Install Qt's translations for ``lang`` (removing the previous ones).

    English needs none: Qt's own words are English. Returns False when Qt's Dutch
    files are missing (a PySide6 installed without them): the words stay English.
    """
    global _language
    app = QCoreApplication.instance()
    if app is None:
        return False
    if lang == _language and (_installed or lang == "en"):
        return True
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language = lang
    if lang == "en":
        return True
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    locale = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    found = False
    for name in ("qtbase",):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)
            found = True
    return found
