"""One date format in the agreement's articles: written out ("30 september 2026"), as a
legal text reads; the compact "30 sep 2026" only in the appendices' tables."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pdfcheck import EXPORTED_AT, article_text, squash
from samples import demo_session

from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.i18n import Language
from workshop.locale_format import format_date, month_names, short_date

WORD: dict[Language, str] = {"nl": "Artikel", "en": "Article"}


def _short_dates(lang: Language) -> re.Pattern[str]:
    """A day, a short month name that is not also the full name ("mei", "May"), and a
    year, in text without whitespace: "30sep2026", "30Sept2026"."""
    wide = month_names(lang)
    short = [s for s, w in zip(month_names(lang, abbreviated=True), wide, strict=True)
             if s.lower() != w.lower()]
    return re.compile(rf"\d{{1,2}}(?:{'|'.join(map(re.escape, short))})\d{{4}}",
                      re.IGNORECASE)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_pattern_tells_the_formats_apart(lang: Language) -> None:
    day = dt.date(2026, 9, 30)
    assert _short_dates(lang).search(squash(short_date(day, lang)))
    assert not _short_dates(lang).search(squash(format_date(day, lang)))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_articles_write_every_date_out(lang: Language) -> None:
    s = demo_session()
    assert s.commitments.year_plans, "the demo has year plans with dates"
    data = export_agreement(s, AgreementOptions(language=lang), EXPORTED_AT)
    text = article_text(data, WORD[lang])
    assert not _short_dates(lang).findall(text)
    # The roadmap article: milestones and the year plans of every party.
    for y in s.commitments.year_plans:
        if y.due is not None:
            assert squash(format_date(y.due, lang)) in text, y.due
    for x in s.roadmap.milestones:
        assert squash(format_date(x.date, lang)) in text, x.date
