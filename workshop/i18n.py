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

from workshop.assets import resource_root, resource_text

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")

_current: Language | None = None
_system: Language | None = None
"""The system's language, read once: tr() runs thousands of times per edit."""


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
    global _system
    if _current is not None:
        return _current
    if _system is None:
        _system = system_language()
    return _system


def set_language(lang: Language | None) -> None:
    """Choose the language for later messages; None follows the system again."""
    global _current, _system
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current = lang
    _system = None  # following the system again reads it again


@cache
def catalogue(lang: Language) -> dict[str, str]:
    """The merged catalogue of ``translations/{lang}.json`` and ``translations/{lang}.*.json``.

    Each part of the app keeps its own file (``nl.export.json``, ``nl.ui.json``...), so
    parts can grow without touching each other's file; one id in two files is an error.
    """
    if lang == "en":
        return {}
    folder = resource_root() / "translations"
    names = sorted(n.name for n in folder.iterdir()
                   if n.name == f"{lang}.json"
                   or (n.name.startswith(f"{lang}.") and n.name.endswith(".json")))
    merged: dict[str, str] = {}
    for name in names:
        data = json.loads(resource_text(f"translations/{name}"))
        if not isinstance(data, dict):
            raise ValueError(f"translations/{name} is not an object")
        for key, value in data.items():
            if str(key).startswith("@"):
                continue
            if key in merged and merged[key] != value:
                raise ValueError(f"translations/{name}: {key!r} is translated twice")
            merged[str(key)] = str(value)
    return merged


def tr(message: str, lang: Language | None = None, /, **fields: object) -> str:
    """Translate ``message`` into ``lang`` (default: the current language) and fill fields."""
    text = catalogue(lang or current_language()).get(message, message)
    return text.format(**fields) if fields else text


class Message:
    """A message id (an English text in the catalogue) and its fields, to be said later.

    Code below the UI finds problems without knowing who will read them: it keeps the
    id and the fields, and the reader (a window, the command line) says it in its own
    language with ``text(lang)``. ``str()`` gives the English text (for logs).
    """

    __slots__ = ("id", "params")

    def __init__(self, message_id: str, /, **params: object) -> None:
        self.id = message_id
        self.params = params

    def text(self, lang: Language) -> str:
        """The message in ``lang``, fields filled in (a field that is a message too is
        said in ``lang`` as well)."""
        fields = {key: value.text(lang) if isinstance(value, Message) else value
                  for key, value in self.params.items()}
        return tr(self.id, lang, **fields)

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Message({self.id!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Message) and other.id == self.id
                and other.params == self.params)

    def __hash__(self) -> int:
        return hash(self.id)


def say(message: Message | str, lang: Language) -> str:
    """``message`` in ``lang``: a ``Message`` is translated, a plain text stays as it is."""
    return message.text(lang) if isinstance(message, Message) else message


def N_(message: str) -> str:
    """Marks a message id for the catalogue where it is translated later with ``tr``."""
    return message
