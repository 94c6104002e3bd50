"""The appendix of an evaluation meeting's agreement: "Changes since version N (date)".

What changed against the version this one revises (``workshop.domain.compare``):
articles added, removed and amended, an amended one word by word (removed words struck
through, added words underlined); then the look back at the roadmap (each action's
status), the indicators' trend, and the five conditions scan then and now. Nothing for a
start meeting. No Qt.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph

from workshop import locale_format
from workshop.domain import diagnostics as dg
from workshop.domain.compare import (
    KIND_TITLES,
    SECTION_TITLES,
    Change,
    changes_since_previous,
    readable,
    readable_title,
)
from workshop.domain.evaluation import answer_of, review_of, revised, scan_pair, trend
from workshop.domain.fingerprint import short_fingerprint
from workshop.domain.labels import label
from workshop.domain.model import (
    ClauseKind,
    ReviewStatus,
    Session,
)
from workshop.export.blocks import Text, table
from workshop.export.document import Styles, long_date
from workshop.i18n import N_, Language, tr

REVIEW_TITLES = {
    ReviewStatus.DONE: N_("done"),
    ReviewStatus.ON_TRACK: N_("on track"),
    ReviewStatus.LATE: N_("late"),
    ReviewStatus.DROPPED: N_("dropped"),
}


def number(value: float | None, lang: Language, signed: bool = False) -> str:
    return locale_format.decimal(value, lang, signed=signed)


def words_markup(change: Change, text: Text, lang: Language) -> str:
    parts = []
    for op, raw in change.words:
        words = readable(change.section, raw, lang)
        if op == "removed":
            parts.append(f"<strike>{text(words)}</strike>")
        elif op == "added":
            parts.append(f"<u><b>{text(words, 'bold')}</b></u>")
        else:
            parts.append(text(words))
    return "".join(parts)


def changes_appendix(session: Session, lang: Language, s: Styles, text: Text,
                     width: float) -> list[Flowable]:
    """The appendix flowables; for a start meeting only its goals' indicators (with
    their baselines), when it has any."""
    previous = revised(session)
    if previous is None:
        indicators = _indicators(session, lang, s, text, width)
        if not indicators:
            return []
        return [PageBreak(), Paragraph(text(tr("Appendix: goals and indicators", lang)),
                                       s.h1), *indicators[2:]]
    when = long_date(previous.date, lang) if previous.date else "–"
    story: list[Flowable] = [
        PageBreak(),
        Paragraph(text(tr("Appendix: changes since version {version} ({date})", lang,
                          version=previous.version, date=when)), s.h1),
        Paragraph(text(tr(
            "This is version {version} of the agreement. It revises version {previous} of "
            "{date} (fingerprint {fingerprint}), signed by {signed}. Struck-through words "
            "were removed, underlined words added.", lang,
            version=session.evaluation.version if session.evaluation else 1,
            previous=previous.version, date=when,
            fingerprint=short_fingerprint(previous.fingerprint), signed=previous.signed)),
            s.body),
    ]
    changes = changes_since_previous(session)
    if not changes:
        story.append(Paragraph(text(tr("No article of the agreement changed.", lang)),
                               s.muted))
    section = ""
    for change in changes:
        if change.section != section:
            section = change.section
            story.append(Paragraph(text(tr(SECTION_TITLES.get(section, section), lang)),
                                   s.h2))
        kind = tr(KIND_TITLES[change.kind], lang)
        name = readable_title(change.section, change.title, lang)
        head = f"<b>{text(kind, 'bold')}</b>" + (f" · {text(name)}" if name else "")
        if change.kind == "amended":
            body = words_markup(change, text, lang)
        elif change.kind == "added":
            body = text(readable(change.section, change.after, lang))
        else:
            body = f"<strike>{text(readable(change.section, change.before, lang))}</strike>"
        story.append(Paragraph(f"{head}: {body}", s.item, bulletText="•"))
    story += _clauses(session, changes, lang, s, text)
    story += _look_back(session, lang, s, text, width)
    story += _answers(session, lang, s, text, width)
    story += _indicators(session, lang, s, text, width)
    story += _scan(session, lang, s, text, width)
    return story


def _clauses(session: Session, changes: list[Change], lang: Language, s: Styles,
             text: Text) -> list[Flowable]:
    """Parties join and leave by the agreement's own clauses: quote them."""
    moved = {c.kind for c in changes if c.section == "parties" and c.kind != "amended"}
    wanted = [(ClauseKind.JOINING, "added"), (ClauseKind.LEAVING, "removed")]
    out: list[Flowable] = []
    for kind, change in wanted:
        if change not in moved:
            continue
        for clause in session.commitments.clauses:
            if clause.kind is kind:
                out.append(Paragraph(text(tr("Under the clause “{kind}”: {text}", lang,
                                             kind=label(kind, lang), text=clause.text)),
                                     s.muted))
    return out


def _answers(session: Session, lang: Language, s: Styles, text: Text, width: float
             ) -> list[Flowable]:
    rows: list[list[Any]] = [[Paragraph(text(h), s.head_cell) for h in (
        tr("Evaluation moment", lang), tr("What it asked", lang),
        tr("What the table says", lang))]]
    for m in session.roadmap.evaluations:
        answer = answer_of(session, m.id)
        if answer:
            rows.append([text.para(f"{m.title} ({long_date(m.date, lang)})", s.cell_bold),
                         text.para(m.note, s.cell), text.para(answer, s.cell)])
    if len(rows) == 1:
        return []
    return [CondPageBreak(40 * mm),
            Paragraph(text(tr("What the evaluation moments asked", lang)), s.h2),
            table(rows, [55 * mm, 55 * mm, width - 110 * mm])]


def _look_back(session: Session, lang: Language, s: Styles, text: Text, width: float
               ) -> list[Flowable]:
    actions = session.roadmap.actions
    if not actions:
        return []
    rows: list[list[Any]] = [[Paragraph(text(h), s.head_cell) for h in (
        tr("Action", lang), tr("Status", lang), tr("Note", lang))]]
    for action in actions:
        review = review_of(session, action.id)
        status = tr(REVIEW_TITLES[review.status], lang) if review else tr("not reviewed",
                                                                        lang)
        rows.append([text.para(action.title, s.cell_bold), Paragraph(text(status), s.cell),
                     text.para(review.note if review else "", s.cell)])
    return [CondPageBreak(50 * mm),
            Paragraph(text(tr("Looking back: the roadmap", lang)), s.h2),
            table(rows, [70 * mm, 30 * mm, width - 100 * mm])]


def _indicators(session: Session, lang: Language, s: Styles, text: Text, width: float
                ) -> list[Flowable]:
    rows: list[list[Any]] = [[Paragraph(text(h), s.head_cell) for h in (
        tr("Goal", lang), tr("Indicator", lang), tr("Trend (version: value)", lang))]]
    for goal in session.ambition.goals:
        for indicator in goal.indicators:
            points = " → ".join(f"v{p.version}: {number(p.value, lang)}"
                                for p in trend(indicator)) or "–"
            unit = f" ({indicator.unit})" if indicator.unit else ""
            rows.append([text.para(goal.text, s.cell), text.para(indicator.name + unit, s.cell),
                         Paragraph(text(points), s.cell)])
    if len(rows) == 1:
        return []
    return [CondPageBreak(40 * mm), Paragraph(text(tr("Goals and indicators", lang)), s.h2),
            table(rows, [60 * mm, 50 * mm, width - 110 * mm])]


def _scan(session: Session, lang: Language, s: Styles, text: Text, width: float
          ) -> list[Flowable]:
    pair = scan_pair(session)
    if pair is None:
        return []
    before, after = pair
    rows: list[list[Any]] = [[Paragraph(text(h), s.head_cell) for h in (
        tr("Condition", lang), tr("Then", lang), tr("Now", lang), tr("Change", lang))]]
    for change in dg.compare(session, before, after):
        rows.append([Paragraph(text(label(change.condition, lang)), s.cell),
                     Paragraph(number(change.before.mean, lang), s.cell),
                     Paragraph(number(change.after.mean, lang), s.cell),
                     Paragraph(number(change.delta, lang, signed=True), s.cell_bold)])
    return [CondPageBreak(50 * mm),
            Paragraph(text(tr("Five conditions: then and now (mean score 1–5)", lang)), s.h2),
            table(rows, [width - 75 * mm, 25 * mm, 25 * mm, 25 * mm])]


def version_lines(session: Session, lang: Language, s: Styles, text: Text
                  ) -> list[Flowable]:
    """For the title page: this version's number and the fingerprint of the one it
    revises; nothing for a start meeting."""
    previous = revised(session)
    if previous is None or session.evaluation is None:
        return []
    when = long_date(previous.date, lang) if previous.date else "–"
    return [Paragraph(text(tr(
        "Version {version} of the agreement. It revises version {previous} of {date}, "
        "fingerprint {fingerprint}; the changes are in the appendix.", lang,
        version=session.evaluation.version, previous=previous.version, date=when,
        fingerprint=short_fingerprint(previous.fingerprint))), s.body)]
