"""One translation mechanism for the UI, the command line and the PDFs.

Message ids are the English texts; ``resources/translations/nl.json`` maps them to
Dutch. Qt is not involved, so the same catalogue serves the PDF export and the
command line. A missing Dutch entry falls back to English (and a test checks that
the catalogue is complete).
"""

from __future__ import annotations

import json
import locale
import os
from functools import cache
from typing import Literal

from workshop.assets import resource_text

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")

_current: Language | None = None


def system_language() -> Language:
    """Dutch on a Dutch system, English otherwise (LANGUAGE/LC_ALL/LANG first)."""
    for var in ("WORKSHOP_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "nl" if loc.lower().startswith("nl") else "en"


def current_language() -> Language:
    return _current if _current is not None else system_language()


def set_language(lang: Language | None) -> None:
    """Choose the language for later messages; None follows the system again."""
    global _current
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current = lang


@cache
def catalogue(lang: Language) -> dict[str, str]:
    if lang == "en":
        return {}
    data = json.loads(resource_text(f"translations/{lang}.json"))
    if not isinstance(data, dict):
        raise ValueError(f"translations/{lang}.json is not an object")
    return {str(k): str(v) for k, v in data.items() if not k.startswith("@")}


def tr(message: str, lang: Language | None = None, /, **fields: object) -> str:
    """Translate ``message`` into ``lang`` (default: the current language) and fill fields."""
    text = catalogue(lang or current_language()).get(message, message)
    return text.format(**fields) if fields else text


def N_(message: str) -> str:
    """Marks a message id for the catalogue where it is translated later with ``tr``."""
    return message
