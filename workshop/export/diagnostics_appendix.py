"""The diagnostics appendix of the agreement: the figures per moment, and their charts.

Printed only when the facilitator asks for it (``AgreementOptions.diagnostics``). The
numbers come from ``workshop.domain.diagnostics``, the same functions the workspace and
the projector use, so the paper says what the wall showed. No names: the appendix
shows the spread of the table, not who is who. Charts are reportlab drawings, so they
stay sharp vectors at any zoom.
"""

from __future__ import annotations

from typing import Literal

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer

from workshop import locale_format
from workshop.domain import diagnostics as dg
from workshop.domain.labels import axis_texts, label, moment_label
from workshop.domain.model import CollaborationForm, Moment, Session
from workshop.export import fonts
from workshop.export.blocks import Text, table
from workshop.export.document import ACCENT, INK, MUTED, RULE, Styles, long_date
from workshop.i18n import Language, tr

DOT = colors.Color(ACCENT.red, ACCENT.green, ACCENT.blue, alpha=0.75)


def number(value: float | None, lang: Language) -> str:
    return locale_format.decimal(value, lang)


def _range(summary: dg.Summary) -> str:
    if summary.low is None:
        return "–"
    return f"{summary.low}–{summary.high}"


def moment_heading(m: Moment, lang: Language) -> str:
    day = long_date(m.taken_at.date(), lang)
    name = moment_label(m, lang)
    return f"{name} ({day})" if name.strip() else day


def diagnostics_appendix(session: Session, lang: Language, s: Styles, text: Text,
                         width: float) -> list[Flowable]:
    """The appendix flowables; empty when nothing was measured."""
    moments = sorted(session.diagnostics.moments, key=lambda m: m.taken_at)
    if not moments:
        return []
    story: list[Flowable] = [PageBreak(),
                             Paragraph(text(tr("Appendix: diagnostics", lang)), s.h1),
                             Paragraph(text(tr(
                                 "The results of the five conditions scan (Kaats and Opheij), "
                                 "the expectation spectra and the forms of collaboration, "
                                 "per measurement moment. Spread is the standard deviation of "
                                 "the scores given: the wider it is, the more the parties "
                                 "see the collaboration differently. Conditions are sorted "
                                 "by spread, widest first.", lang)), s.body)]
    for moment in moments:
        story += _moment(session, moment, lang, s, text, width)
    if len(moments) > 1:
        story += _comparison(session, moments, lang, s, text, width)
    return story


def _moment(session: Session, moment: Moment, lang: Language, s: Styles, text: Text,
            width: float) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(80 * mm),
                             Paragraph(text(moment_heading(moment, lang)), s.h2)]
    n = len(dg.respondents(session, moment.id))
    story.append(Paragraph(text(tr("Participants who answered: {count}", lang, count=n)),
                           s.muted))

    stats = dg.by_spread(dg.condition_stats(session, moment.id))
    story.append(Paragraph(text(tr("Five conditions scan", lang)), s.h3))
    head = [tr("Condition", lang), tr("Scores", lang), tr("Mean", lang),
            tr("Spread (sd)", lang), tr("Lowest–highest", lang)]
    rows: list[list[object]] = [[Paragraph(text(h), s.head_cell) for h in head]]
    for st in stats:
        rows.append([label(st.condition, lang), str(st.summary.count),
                     number(st.mean, lang), number(st.spread, lang), _range(st.summary)])
    rest = width - 81 * mm
    story.append(table(rows, [rest, 15 * mm, 20 * mm, 20 * mm, 26 * mm]))  # type: ignore[arg-type]
    story.append(Spacer(1, 3 * mm))
    story.append(conditions_chart(stats, lang, width))

    axes = dg.axis_stats(session, moment.id)
    if any(a.summary.count for a in axes):
        story.append(Paragraph(text(tr("Expectation spectra", lang)), s.h3))
        head = [tr("Axis (0 to 100)", lang), tr("Marks", lang), tr("Mean", lang),
                tr("Spread (sd)", lang), tr("Lowest–highest", lang)]
        rows = [[Paragraph(text(h), s.head_cell) for h in head]]
        for a in axes:
            title, left, right = axis_texts(a.axis, lang)
            rows.append([text.para(f"{title}: {left} ↔ {right}", s.cell),
                         str(a.summary.count), number(a.summary.mean, lang),
                         number(a.summary.spread, lang), _range(a.summary)])
        story.append(table(rows, [rest, 15 * mm, 20 * mm, 20 * mm, 26 * mm]))  # type: ignore[arg-type]
        story.append(Spacer(1, 3 * mm))
        story.append(spectra_chart(axes, width, lang))

    counts = dg.form_distribution(session, moment.id)
    if any(counts.values()):
        story.append(Paragraph(text(tr("Forms of collaboration", lang)), s.h3))
        story.append(Paragraph(text(tr(
            "How many participants named each form (one may name several).", lang)),
            s.muted))
        head = [tr("Form", lang), tr("Named by", lang)]
        rows = [[Paragraph(text(h), s.head_cell) for h in head]]
        for form in CollaborationForm:
            rows.append([label(form, lang), str(counts[form])])
        story.append(table(rows, [width - 24 * mm, 24 * mm]))  # type: ignore[arg-type]
        story.append(Spacer(1, 3 * mm))
        story.append(forms_chart(counts, lang, width))
    return story


def _comparison(session: Session, moments: list[Moment], lang: Language, s: Styles,
                text: Text, width: float) -> list[Flowable]:
    first, last = moments[0], moments[-1]
    story: list[Flowable] = [
        CondPageBreak(60 * mm),
        Paragraph(text(tr("Comparison of the moments", lang)), s.h2),
        Paragraph(text(tr("Mean score per condition at {first} and at {last}.", lang,
                          first=moment_heading(first, lang),
                          last=moment_heading(last, lang))), s.muted),
    ]
    head = [tr("Condition", lang), tr("Mean then", lang), tr("Mean now", lang),
            tr("Change", lang), tr("Spread then", lang), tr("Spread now", lang)]
    rows: list[list[object]] = [[Paragraph(text(h), s.head_cell) for h in head]]
    for change in dg.compare(session, first.id, last.id):
        delta = change.delta
        shown = "–" if delta is None else (("+" if delta > 0 else "") + number(delta, lang))
        rows.append([label(change.condition, lang), number(change.before.mean, lang),
                     number(change.after.mean, lang), shown,
                     number(change.before.spread, lang), number(change.after.spread, lang)])
    story.append(table(rows, [width - 90 * mm] + [18 * mm] * 5))  # type: ignore[arg-type]
    return story


# --- charts ----------------------------------------------------------------------------


def _drawing(width: float, height: float) -> Drawing:
    """An empty chart whose starting font is the body's. reportlab's default is
    Helvetica, which it sets when the drawing begins even if no string uses it; that
    would put a font that is not embedded in the PDF."""
    return Drawing(width, height, initialFontName=fonts.REGULAR, initialFontSize=7.5)


def _box(x: float, y: float, w: float, h: float, colour: colors.Color) -> Rect:
    box = Rect(x, y, w, h)
    box.fillColor = colour
    box.strokeColor = None
    return box


def _text(x: float, y: float, value: str, size: float = 7.5,
          anchor: Literal["start", "middle", "end"] = "start",
          colour: colors.Color = INK, bold: bool = False) -> String:
    return String(x, y, value, fontName=fonts.BOLD if bold else fonts.REGULAR,
                  fontSize=size, fillColor=colour, textAnchor=anchor)


def conditions_chart(stats: list[dg.ConditionStats], lang: Language, width: float
                     ) -> Drawing:
    """One row per condition (sorted as given): every score a dot, mean and ±sd."""
    row_h, label_w = 9 * mm, 52 * mm
    height = row_h * len(stats) + 8 * mm
    d = _drawing(width, height)
    cell = (width - label_w - 4 * mm) / 5
    x0, x1 = label_w + 4 * mm + cell / 2, width - cell / 2

    def x_of(v: float) -> float:
        return x0 + (v - 1) / 4 * (x1 - x0)

    top = height - 6 * mm
    for v in range(1, 6):
        d.add(_text(x_of(v), top + 1.5 * mm, str(v), anchor="middle", colour=MUTED,
                    bold=True))
        d.add(Line(x_of(v), 2, x_of(v), top, strokeColor=RULE, strokeWidth=0.4))
    for i, st in enumerate(stats):
        y = top - (i + 0.5) * row_h
        d.add(_text(0, y - 2.5, label(st.condition, lang)))
        d.add(Line(x0, y, x1, y, strokeColor=RULE, strokeWidth=0.6))
        counts: dict[int, int] = {}
        for _p, v in st.scores:
            counts[v] = counts.get(v, 0) + 1
        per_row = max(1, int((cell - 8) // 4.6))
        for v, count in counts.items():
            for k in range(count):
                row, col = divmod(k, per_row)
                in_row = min(per_row, count - row * per_row)
                d.add(Circle(x_of(v) + (col - (in_row - 1) / 2) * 4.6, y + 3 + row * 4.4,
                             2.2, fillColor=DOT, strokeColor=None))
        if st.mean is not None and st.spread is not None:
            lo, hi = max(1.0, st.mean - st.spread), min(5.0, st.mean + st.spread)
            d.add(Line(x_of(lo), y - 3.2, x_of(hi), y - 3.2, strokeColor=INK,
                       strokeWidth=1.2))
            d.add(_box(x_of(st.mean) - 1, y - 7, 2, 14, INK))
    return d


def spectra_chart(axes: list[dg.AxisStats], width: float, lang: Language = "nl"
                  ) -> Drawing:
    """One line per axis (numbered as in the table above), marks as dots, mean as bar;
    both poles named above the ends of the line."""
    row_h = 10 * mm
    height = row_h * len(axes) + 4 * mm
    d = _drawing(width, height)
    x0, x1 = 10 * mm, width - 4 * mm
    for i, a in enumerate(axes):
        y = height - 2 * mm - (i + 0.5) * row_h
        d.add(_text(0, y - 2.5, str(i + 1), bold=True))
        _title, left, right = axis_texts(a.axis, lang)
        half = (x1 - x0) / 2 - 2 * mm
        d.add(_text(x0, y + 4.2, fonts.fit(left, half, 6.5), size=6.5, colour=MUTED))
        d.add(_text(x1, y + 4.2, fonts.fit(right, half, 6.5), size=6.5, anchor="end",
                    colour=MUTED))
        d.add(Line(x0, y, x1, y, strokeColor=RULE, strokeWidth=0.8))
        for end in (x0, x1):
            d.add(Line(end, y - 3, end, y + 3, strokeColor=MUTED, strokeWidth=0.8))
        for _p, v in a.marks:
            d.add(Circle(x0 + v / 100 * (x1 - x0), y, 2.2, fillColor=DOT, strokeColor=None))
        if a.summary.mean is not None:
            mx = x0 + a.summary.mean / 100 * (x1 - x0)
            d.add(_box(mx - 1, y - 5, 2, 10, INK))
    return d


def forms_chart(counts: dict[CollaborationForm, int], lang: Language, width: float
                ) -> Drawing:
    row_h, label_w = 6 * mm, 52 * mm
    forms = list(CollaborationForm)
    height = row_h * len(forms) + 2 * mm
    d = _drawing(width, height)
    most = max([*counts.values(), 1])
    x0, x1 = label_w + 4 * mm, width - 12 * mm
    for i, form in enumerate(forms):
        y = height - (i + 1) * row_h
        d.add(_text(0, y + 1.2 * mm, label(form, lang)))
        w = (x1 - x0) * counts[form] / most
        if w:
            d.add(_box(x0, y + 0.6 * mm, w, row_h - 1.8 * mm, ACCENT))
        d.add(_text(x0 + w + 1.5 * mm, y + 1.2 * mm, str(counts[form]), bold=True))
    return d
