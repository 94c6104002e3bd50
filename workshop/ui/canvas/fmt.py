"""Dates and times as the room reads them, in the canvas's language (not the app's).

The formatting itself is ``workshop.locale_format`` (Babel, CLDR), the one place every
number and date of the app, the projector and the PDFs comes from.
"""

from __future__ import annotations

import datetime as dt

from workshop import locale_format
from workshop.i18n import Language


def long_date(d: dt.date, lang: Language) -> str:
    """``12 maart 2026`` / ``12 March 2026``."""
    return locale_format.format_date(d, lang)


def short_date(d: dt.date, lang: Language) -> str:
    """``12 mrt 2026`` / ``12 Mar 2026``."""
    return locale_format.short_date(d, lang)


def month_label(d: dt.date, lang: Language, with_year: bool) -> str:
    return locale_format.month_label(d, lang, with_year)


def clock(t: dt.datetime, lang: Language) -> str:
    return locale_format.clock(t, lang)


def duration(minutes: int) -> str:
    """``190`` -> ``3:10``; under an hour ``40 min``-style is left to the caller."""
    return f"{minutes // 60}:{minutes % 60:02d}"
