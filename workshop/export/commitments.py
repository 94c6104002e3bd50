"""The commitments in the PDFs: who brings what, roles, year plans, closing clauses, and
the scorecard appendix.

Printed from ``agreement_content(session)["commitments"]`` (what the fingerprint
covers); the sections are left out entirely when a session has no commitments, so a
session signed before commitments existed prints as it did. Totals come from
``workshop.domain.commitments.totals`` (per year: month x12, quarter x4; one-off apart).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from workshop import locale_format
from workshop.domain import model as m
from workshop.domain.commitments import PartyTotals, totals
from workshop.domain.labels import label
from workshop.domain.scorecard import scorecard
from workshop.domain.templates import printed_text
from workshop.export.blocks import Text, table
from workshop.export.document import Styles, long_date, short_date
from workshop.i18n import N_, Language, tr
from workshop.locale_format import plural


def number(value: Decimal, lang: Language) -> str:
    """1728 -> "1.728" (nl) or "1,728" (en); cents kept (12.25 -> "12,25")."""
    return locale_format.number(value, lang)


def euros(value: Decimal, lang: Language) -> str:
    return locale_format.money(value, lang)


def hours(value: Decimal, lang: Language) -> str:
    return locale_format.hours(value, lang)


def amount_text(kind: m.ContributionKind, amount: Decimal | None, lang: Language) -> str:
    if amount is None:
        return "–"
    return hours(amount, lang) if kind is m.ContributionKind.PEOPLE else euros(amount, lang)


def _cells(party: PartyTotals, lang: Language) -> list[str]:
    one_off = [x for x in (
        hours(party.one_off_hours, lang) if party.one_off_hours else "",
        euros(party.one_off_euros, lang) if party.one_off_euros else "",
        tr("{amount} in kind", lang, amount=euros(party.one_off_in_kind, lang))
        if party.one_off_in_kind else "") if x]
    return [hours(party.hours_per_year, lang) if party.hours_per_year else "–",
            euros(party.euros_per_year, lang) if party.euros_per_year else "–",
            euros(party.in_kind_per_year, lang) if party.in_kind_per_year else "–",
            "\n".join(one_off) or "–"]


class CommitmentsSections:
    """The flowables for one PDF in one language."""

    def __init__(self, session: m.Session, content: dict[str, Any], lang: Language,
                 styles: Styles, text: Text, width: float) -> None:
        self.session = session
        self.c: dict[str, Any] | None = content.get("commitments")
        self.lang = lang
        self.s = styles
        self.text = text
        self.width = width

    number_prefix = ""
    """Put before each clause's number (the agreement's article: "8." makes "8.1.")."""

    def _h1(self, title: str) -> list[Flowable]:
        return [CondPageBreak(50 * mm), Paragraph(self.text(title), self.s.h1)]

    def _none(self) -> Paragraph:
        return Paragraph(self.text(tr("None recorded yet.", self.lang)), self.s.muted)

    def _head(self, *titles: str) -> list[Any]:
        return [Paragraph(self.text(t), self.s.head_cell) for t in titles]

    def _cell(self, value: str, bold: bool = False) -> Paragraph:
        return self.text.para(value or "–", self.s.cell_bold if bold else self.s.cell,
                              "bold" if bold else "regular")

    # --- agreement -----------------------------------------------------------------

    def contributions(self) -> list[Flowable]:
        """Every contribution, then the totals per party and overall."""
        if self.c is None:
            return []
        lang, s = self.lang, self.s
        out = self._h1(tr("What each party brings", lang))
        items = self.c["contributions"]
        if not items:
            return [*out, self._none()]
        rows: list[list[Any]] = [self._head(
            tr("Organisation", lang), tr("Contribution", lang), tr("Kind", lang),
            tr("Amount", lang), tr("Period", lang))]
        for x in items:
            kind = m.ContributionKind(x["kind"])
            rows.append([self._cell(x["organisation"], True), self._cell(x["description"]),
                         self._cell(label(kind, lang)),
                         self._cell(amount_text(kind, x["amount"], lang)),
                         self._cell(label(m.Period(x["period"]), lang))])
        w = self.width
        out.append(table(rows, [0.24 * w, 0.36 * w, 0.14 * w, 0.13 * w, 0.13 * w]))
        out.append(Paragraph(self.text(tr("Totals per year", lang)), s.h2))
        out.append(Paragraph(self.text(tr(
            "Monthly amounts count twelve times a year, quarterly amounts four times. "
            "One-off amounts are totalled separately; in kind is an estimate in euros and "
            "is not added to money.", lang)), s.note))
        result = totals(self.session)
        rows = [self._head(tr("Organisation", lang), tr("People (hours per year)", lang),
                           tr("Money (euros per year)", lang),
                           tr("In kind (estimated euros per year)", lang),
                           tr("One-off", lang))]
        for party in result.parties:
            rows.append([self._cell(party.organisation, True),
                         *(self._cell(v) for v in _cells(party, lang))])
        # The totals count every organisation that brings something, parties or not.
        rows.append([self._cell(tr("All organisations together", lang), True),
                     *(self._cell(v, True) for v in _cells(result.overall, lang))])
        out.append(table(rows, [0.28 * w, 0.16 * w, 0.18 * w, 0.2 * w, 0.18 * w]))
        if result.overall.unquantified:
            out.append(Paragraph(self.text(plural(
                result.overall.unquantified,
                N_("{count} contribution has no amount and is not in the totals."),
                N_("{count} contributions have no amount and are not in the totals."),
                lang)), s.muted))
        return out

    def _holder_of(self, role: dict[str, Any]) -> str:
        return str(role["holder"]) or tr("Not yet filled", self.lang)

    def roles(self) -> list[Flowable]:
        if self.c is None:
            return []
        lang = self.lang
        out = self._h1(tr("Roles", lang))
        roles = self.c["roles"]
        if not roles:
            return [*out, self._none()]
        rows: list[list[Any]] = [self._head(tr("Role", lang), tr("Held by", lang),
                                            tr("For", lang), tr("Term and mandate", lang))]
        for r in roles:
            kind = m.RoleKind(r["kind"])
            scope = r["theme"]
            if r["represents"]:
                scope = tr("Speaks for: {names}", lang, names=", ".join(r["represents"]))
            terms = [x for x in (r["term"],
                                 tr("Mandate: {mandate}", lang, mandate=r["mandate"])
                                 if r["mandate"] else "") if x]
            rows.append([self._cell(label(kind, lang), True), self._cell(self._holder_of(r)),
                         self._cell(scope), self._cell("\n".join(terms))])
        w = self.width
        out.append(table(rows, [0.2 * w, 0.24 * w, 0.24 * w, 0.32 * w]))
        return out

    def year_plans(self, organisation: str | None = None, heading: bool = True,
                   written_out: bool = False) -> list[Flowable]:
        """The year-plan translations, of one organisation or of all.

        ``written_out``: dates as "30 september 2026", as the agreement's articles write
        every date; otherwise "30 sep 2026", as the roadmap's tables beside it do.
        """
        if self.c is None:
            return []
        lang = self.lang
        items = [y for y in self.c["year_plans"]
                 if organisation is None or y["organisation"] == organisation]
        out: list[Flowable] = []
        if heading:
            out += self._h1(tr("Into each organisation's own plans", lang))
        if not items:
            return [*out, Paragraph(self.text(tr(
                "No year-plan translation recorded yet.", lang)), self.s.muted)]
        head = [tr("What we will do in our own organisation", lang), tr("By", lang)]
        if organisation is None:
            head.insert(0, tr("Organisation", lang))
        rows: list[list[Any]] = [self._head(*head)]
        for y in items:
            when = dt.date.fromisoformat(y["due"]) if y["due"] else None
            due = (long_date if written_out else short_date)(when, lang)
            row = [self._cell(y["text"]), self._cell(due)]
            if organisation is None:
                row.insert(0, self._cell(y["organisation"], True))
            rows.append(row)
        w = self.width
        # The date column holds "30 september 2026" on one line with room to spare.
        widths = [0.78 * w, 0.22 * w] if organisation else [0.25 * w, 0.55 * w, 0.2 * w]
        out.append(table(rows, widths))
        return out

    def clauses(self) -> list[Flowable]:
        if self.c is None:
            return []
        lang, s = self.lang, self.s
        out = self._h1(tr("Closing clauses", lang))
        if not self.c["clauses"]:
            return [*out, self._none()]
        for n, clause in enumerate(self.c["clauses"], 1):
            kind = m.ClauseKind(clause["kind"])
            title = (tr("Other provision", lang) if kind is m.ClauseKind.OTHER
                     else label(kind, lang))
            out.append(Paragraph(f"{self.number_prefix}{n}. " + self.text(title, "bold"),
                                 s.h3))
            key = self.session.commitments.clauses[n - 1].template_key
            out.append(self.text.para(printed_text(clause["text"], key, lang), s.body))
        return out

    # --- roadmap: one organisation's contributions -----------------------------------

    def contributions_of(self, organisation: str) -> list[Flowable]:
        if self.c is None:
            return []
        lang = self.lang
        items = [x for x in self.c["contributions"] if x["organisation"] == organisation]
        if not items:
            return [Paragraph(self.text(tr("This organisation brings nothing yet.", lang)),
                              self.s.muted)]
        rows: list[list[Any]] = [self._head(tr("Contribution", lang), tr("Kind", lang),
                                            tr("Amount", lang), tr("Period", lang))]
        for x in items:
            kind = m.ContributionKind(x["kind"])
            rows.append([self._cell(x["description"]), self._cell(label(kind, lang)),
                         self._cell(amount_text(kind, x["amount"], lang)),
                         self._cell(label(m.Period(x["period"]), lang))])
        w = self.width
        return [table(rows, [0.5 * w, 0.18 * w, 0.16 * w, 0.16 * w])]


def scorecard_appendix(session: m.Session, lang: Language, styles: Styles, text: Text,
                       width: float) -> list[Flowable]:
    """The agreement scorecard: each part complete or not, and what is missing."""
    card = scorecard(session, lang)
    s = styles
    out: list[Flowable] = [
        CondPageBreak(80 * mm),
        Paragraph(text(tr("Appendix: agreement scorecard", lang)), s.h1),
        Paragraph(text(tr("{score} of {total} parts of a complete agreement are in place.",
                          lang, score=card.score, total=card.total)), s.body),
    ]
    rows: list[list[Any]] = [[Paragraph(text(h), s.head_cell) for h in (
        tr("Part", lang), tr("Status", lang), tr("What is missing", lang))]]
    for part in card.parts:
        status = tr("Complete", lang) if part.ok else tr("Incomplete", lang)
        missing: list[Flowable] = [text.para(x, s.cell) for x in part.missing[:12]]
        if len(part.missing) > 12:
            missing.append(Paragraph(text(tr("and {count} more", lang,
                                             count=len(part.missing) - 12)), s.muted))
        rows.append([text.para(part.title, s.cell_bold, "bold"),
                     Paragraph(text(status, "bold" if not part.ok else "regular"), s.cell),
                     missing or Paragraph("–", s.cell)])
    out.append(table(rows, [0.3 * width, 0.16 * width, 0.54 * width]))
    return out
