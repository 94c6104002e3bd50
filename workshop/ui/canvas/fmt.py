"""Dates and times as the room reads them, in the canvas's language (not the app's)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QTime

from workshop.i18n import Language

_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def _locale(lang: Language) -> QLocale:
    return QLocale(_LOCALES.get(lang, "en_GB"))


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def long_date(d: dt.date, lang: Language) -> str:
    """``12 maart 2026`` / ``12 March 2026``."""
    return _locale(lang).toString(_qdate(d), "d MMMM yyyy")


def short_date(d: dt.date, lang: Language) -> str:
    """``12 mrt 2026`` / ``12 Mar 2026``."""
    return _locale(lang).toString(_qdate(d), "d MMM yyyy").replace(".", "")


def month_label(d: dt.date, lang: Language, with_year: bool) -> str:
    text = _locale(lang).toString(_qdate(d), "MMM yyyy" if with_year else "MMM")
    return text.replace(".", "")


def clock(t: dt.datetime, lang: Language) -> str:
    return _locale(lang).toString(QTime(t.hour, t.minute), "HH:mm")


def duration(minutes: int) -> str:
    """``190`` -> ``3:10``; under an hour ``40 min``-style is left to the caller."""
    return f"{minutes // 60}:{minutes % 60:02d}"
