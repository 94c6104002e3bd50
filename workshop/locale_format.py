"""Numbers, money, dates and plurals in one place for the app, the projector and the PDFs.

Babel (from the Unicode CLDR) does the formatting, so "€ 12,25" on the projector is
"€ 12,25" in the PDF too. The language is an argument, never a global. Money is a
``Decimal``: a float that arrives (an older file, a chart) is converted through its
shortest text form, so 12.25 stays 12.25. No Qt.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_time, get_month_names
from babel.numbers import format_decimal

from workshop.i18n import N_, Language, tr

_LOCALES: dict[str, str] = {"nl": "nl_NL", "en": "en_GB"}


def _locale(lang: Language) -> str:
    return _LOCALES.get(lang, "en_GB")


def exact(value: Decimal | float | int) -> Decimal:
    """``value`` as a Decimal without binary noise (12.25 -> Decimal('12.25'))."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def plain(value: Decimal) -> Decimal:
    """``75000.00`` -> ``75000``, ``12.50`` -> ``12.5``: one way to write each amount, so
    a file, a comparison and a fingerprint see the same digits."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


MAX_AMOUNT_DIGITS = 12
"""Digits before the decimal point an amount may have (up to a hundred billion euros)."""
MAX_AMOUNT_TEXT = 40
"""Characters of typed text read as an amount at all; a longer text is refused unread."""


class AmountError(ValueError):
    """Typed text that is no amount; ``message(lang)`` says why, in the user's words."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(text)
        self.text = text
        self.reason = reason
        """An English message id: ``tr(reason, lang, text=...)`` says it."""

    def message(self, lang: Language) -> str:
        shown = self.text.strip()
        shown = shown if len(shown) <= 30 else shown[:29] + "…"
        return tr(self.reason, lang, text=shown)


NOT_A_NUMBER = N_("Not an amount: {text}. Type it as 1250 or 1.250,50.")
NOT_A_NUMBER_EN = N_("Not an amount: {text}. Type it as 1250 or 1,250.50.")
NEGATIVE = N_("An amount cannot be negative: {text}.")
CENTS = N_("At most two decimals (cents): {text}.")
TOO_LARGE = N_("That amount is too large: {text}.")

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_DIGITS_AND_MARKS = re.compile(r"[0-9.,]+")


def parse_amount(text: str, lang: Language) -> Decimal | None:
    """What a facilitator types, read exactly (never through a float); None when empty.

    Dutch: ``12,25``, ``1.250,50``, ``1.250``, ``€ 75.000``; English: ``12.25``,
    ``1,250.50``, ``1,250``. Where both marks appear the last one starts the decimals,
    so a Dutch table reads ``1,250.50`` as well. A lone dot before exactly three digits
    groups thousands in both languages (``10.000`` is ten thousand: an amount has at
    most two decimals), as a lone comma does in English; a Dutch comma always starts
    the decimals (``12,250`` is 12.25); otherwise a lone mark starts the decimals.
    Raises ``AmountError`` for anything else: letters (``NaN``, ``Infinity``,
    ``1e400``), a minus sign, more than two decimals, more than twelve digits before the
    decimals, or a text too long to be an amount.
    """
    bad = NOT_A_NUMBER if lang == "nl" else NOT_A_NUMBER_EN
    if len(text) > MAX_AMOUNT_TEXT:
        raise AmountError(text, bad)
    raw = _SPACES.sub("", text).replace("€", "").replace("EUR", "").replace("eur", "")
    if not raw:
        return None
    if raw.startswith("-") or raw.startswith("−"):
        if _DIGITS_AND_MARKS.fullmatch(raw[1:]):
            raise AmountError(text, NEGATIVE)
    if raw.startswith("+"):
        raw = raw[1:]
    if not _DIGITS_AND_MARKS.fullmatch(raw) or not any(c.isdigit() for c in raw):
        raise AmountError(text, bad)
    commas, dots = raw.count(","), raw.count(".")
    if commas and dots:
        decimal_mark = "," if raw.rfind(",") > raw.rfind(".") else "."
    elif commas or dots:
        mark = "," if commas else "."
        head, _, tail = raw.rpartition(mark)
        may_group = mark == "." or lang == "en"  # a Dutch comma always starts the cents
        if raw.count(mark) > 1 or (may_group and len(tail) == 3 and head.strip("0")):
            decimal_mark = "." if mark == "," else ","  # the mark only groups
        else:
            decimal_mark = mark
    else:
        decimal_mark = "."
    group = "." if decimal_mark == "," else ","
    whole, _, cents = raw.partition(decimal_mark)
    if decimal_mark in cents or group in cents:
        raise AmountError(text, bad)
    groups = whole.split(group)
    if len(groups) > 1 and (not groups[0] or len(groups[0]) > 3
                            or any(len(g) != 3 for g in groups[1:])):
        raise AmountError(text, bad)
    whole = "".join(groups)
    try:
        value = Decimal(f"{whole or '0'}.{cents or '0'}")
    except InvalidOperation as exc:  # pragma: no cover - the pattern let only digits in
        raise AmountError(text, bad) from exc
    if len(cents) > 2 and cents.rstrip("0")[2:]:
        raise AmountError(text, CENTS)
    if len(whole.lstrip("0")) > MAX_AMOUNT_DIGITS:
        raise AmountError(text, TOO_LARGE)
    return plain(value)


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


def decimal(value: Decimal | float | int | None, lang: Language, digits: int = 1,
            signed: bool = False) -> str:
    """A measured figure with a fixed number of decimals: ``3,5`` / ``3.5``; ``+0,4``
    with ``signed``; ``–`` for none. A float is rounded from its exact binary value, as
    ``f"{value:.1f}"`` did (2.65 is 2.6499… and shows as 2,6), so the figures of a
    mean and of its change agree with what was always shown."""
    if value is None:
        return "–"
    step = Decimal(1).scaleb(-digits)
    raw = Decimal(value)  # a float exactly, not through its shortest text
    d = raw.quantize(step, rounding=ROUND_HALF_EVEN)
    if d == 0:
        d = abs(d)  # never "-0,0"
    body = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    text = format_decimal(abs(d), format=body, locale=_locale(lang),
                          decimal_quantization=True)
    if d < 0:
        return f"-{text}"
    return f"+{text}" if signed else text


def month_label(value: dt.date, lang: Language, with_year: bool = False) -> str:
    """``mrt`` / ``Mar``, or ``mrt 2026`` / ``Mar 2026``."""
    return str(_babel_date(value, "MMM y" if with_year else "MMM",
                           locale=_locale(lang))).replace(".", "")


def month_names(lang: Language, abbreviated: bool = False) -> tuple[str, ...]:
    """The twelve month names of ``lang`` from CLDR, January first."""
    names = get_month_names("abbreviated" if abbreviated else "wide", "format",
                            locale=_locale(lang))
    return tuple(str(names[m]).replace(".", "") for m in range(1, 13))


def weekday_date(value: dt.date, lang: Language) -> str:
    """``donderdag 12 maart 2026`` / ``Thursday 12 March 2026``."""
    return str(_babel_date(value, "EEEE d MMMM y", locale=_locale(lang)))


def clock(value: dt.datetime | dt.time, lang: Language) -> str:
    """``14:05`` in both languages (CLDR's 24-hour pattern, hours and minutes)."""
    return str(format_time(value, "HH:mm", locale=_locale(lang)))


def date_time(value: dt.datetime, lang: Language, seconds: bool = False) -> str:
    """``12 mrt 2026 14:05`` / ``12 Mar 2026 14:05`` (with ``:30`` seconds if asked)."""
    time_pattern = "HH:mm:ss" if seconds else "HH:mm"
    when = str(format_time(value, time_pattern, locale=_locale(lang)))
    return f"{short_date(value.date(), lang)} {when}"
