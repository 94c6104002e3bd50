"""Numbers, money, dates and plurals in one place for the app, the projector and the PDFs.

Babel (from the Unicode CLDR) does the formatting, so "€ 12,25" on the projector is
"€ 12,25" in the PDF too. The language is an argument, never a global. Money is a
``Decimal``: a float that arrives (an older file, a chart) is converted through its
shortest text form, so 12.25 stays 12.25. No Qt.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

from workshop.i18n import Language, tr

_LOCALES: dict[str, str] = {"nl": "nl_NL", "en": "en_GB"}


def _locale(lang: Language) -> str:
    return _LOCALES.get(lang, "en_GB")


def exact(value: Decimal | float | int) -> Decimal:
    """``value`` as a Decimal without binary noise (12.25 -> Decimal('12.25'))."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def number(value: Decimal | float | int, lang: Language) -> str:
    """``1.500`` / ``1,500``; ``12,25`` / ``12.25``; ``0,5``: the digits there are, up to
    two decimals, never rounded to one."""
    return format_decimal(exact(value), format="#,##0.##", locale=_locale(lang))


def money(value: Decimal | float | int, lang: Language) -> str:
    """``€ 75.000`` / ``€ 75,000``; cents only when there are any (``€ 12,50``)."""
    d = exact(value)
    pattern = "#,##0" if d == d.to_integral_value() else "#,##0.00"
    amount = format_decimal(d, format=pattern, locale=_locale(lang),
                            decimal_quantization=True)
    return f"€ {amount}"  # with a space in both languages, as the tables always had it


def hours(value: Decimal | float | int, lang: Language) -> str:
    return tr("{amount} h", lang, amount=number(value, lang))


def format_date(value: dt.date | None, lang: Language) -> str:
    """``12 maart 2026`` / ``12 March 2026``."""
    if value is None:
        return "–"
    return str(_babel_date(value, "d MMMM y", locale=_locale(lang)))


def short_date(value: dt.date | None, lang: Language) -> str:
    """``12 mrt 2026`` / ``12 Mar 2026``."""
    if value is None:
        return "–"
    return str(_babel_date(value, "d MMM y", locale=_locale(lang))).replace(".", "")


def plural(count: int, one: str, other: str, lang: Language, **fields: object) -> str:
    """The catalogue's form for ``count``: ``1 concern`` / ``1 bedenking``, ``2 concerns``.

    ``one`` and ``other`` are message ids marked with ``N_`` where they are written;
    CLDR's plural rule of the language chooses between them.
    """
    form = Locale.parse(_locale(lang)).plural_form(count)
    return tr(one if form == "one" else other, lang, count=count, **fields)
