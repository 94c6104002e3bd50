"""The roadmap as text: counts per phase, milestones, evaluation moments, the actions.

Shared by the agreement (its roadmap section) and the roadmap PDF (the action table
and the pages per organisation). Works on the ``roadmap`` part of
``agreement_content``, so what is printed is what the fingerprint covers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from workshop.domain import model as m
from workshop.domain.labels import label
from workshop.export.blocks import Text, table
from workshop.export.document import Styles, long_date, short_date
from workshop.i18n import Language, tr


def _date(value: str, lang: Language) -> str:
    return short_date(dt.date.fromisoformat(value), lang) if value else "–"


def action_table(actions: list[tuple[int, dict[str, Any]]], lang: Language, s: Styles,
                 text: Text, width: float, show_owner: bool = True) -> Flowable:
    """Numbered actions: what, owner, start, due, phase and status; splits anywhere.

    On a narrow page (the portrait agreement) dates and phase/status share a column.
    """
    wide = width > 220 * mm
    if wide:
        head = ["#", tr("Action", lang), tr("Owner", lang), tr("Start", lang),
                tr("Due", lang), tr("Phase", lang), tr("Status", lang)]
        fixed = [10 * mm, 0.0, 48 * mm, 22 * mm, 22 * mm, 26 * mm, 24 * mm]
    else:
        head = ["#", tr("Action", lang), tr("Owner", lang), tr("Start and due", lang),
                tr("Phase and status", lang)]
        fixed = [9 * mm, 0.0, 38 * mm, 25 * mm, 25 * mm]
    if not show_owner:
        del head[2], fixed[2]
    fixed[1] = width - sum(fixed)
    # Our own words, dates and numbers go in as plain strings: Paragraphs cost ten
    # times as much to lay out, and 250 actions are printed three times.
    rows: list[list[Any]] = [[Paragraph(text(h), s.head_cell) for h in head]]
    for n, a in actions:
        what: list[Flowable] = [text.para(a["title"], s.cell_bold)]
        if a["description"]:
            what.append(text.para(a["description"], s.cell))
        if a["goal"]:
            what.append(Paragraph(text(tr("Goal: {goal}", lang, goal=a["goal"])), s.muted))
        row: list[Any] = [str(n), what]
        if show_owner:
            row.append(text.para(a["owner"] or tr("No owner yet", lang), s.cell))
        start, due = _date(a["start"], lang), _date(a["due"], lang)
        phase = label(m.Phase(a["phase"]), lang)
        status = label(m.ActionStatus(a["status"]), lang)
        row += [start, due, phase, status] if wide else [f"{start} –\n{due}",
                                                        f"{phase}\n{status}"]
        rows.append(row)
    return table(rows, fixed)


def moments_table(roadmap: dict[str, Any], lang: Language, s: Styles, text: Text,
                  width: float, keys: bool = False) -> Flowable | None:
    """Milestones and evaluation moments in date order; ``keys`` adds the timeline's
    marker keys (M1, E1: numbered in date order per kind)."""
    entries: list[tuple[str, str, str, dict[str, Any]]] = []
    for prefix, kind, items in (("M", tr("Milestone", lang), roadmap["milestones"]),
                                ("E", tr("Evaluation moment", lang), roadmap["evaluations"])):
        ordered = sorted(items, key=lambda x: str(x["date"]))
        entries += [(x["date"], f"{prefix}{n}", kind, x) for n, x in enumerate(ordered, 1)]
    if not entries:
        return None
    entries.sort(key=lambda e: e[0])
    head = [tr("Date", lang), tr("Kind", lang), tr("What", lang)]
    widths = [24 * mm, 38 * mm, width - 62 * mm]
    if keys:
        head.insert(0, "")
        widths = [10 * mm, 24 * mm, 38 * mm, width - 72 * mm]
    rows: list[list[Any]] = [[Paragraph(text(h), s.head_cell) for h in head]]
    for date, key, kind, x in entries:
        what: list[Flowable] = [text.para(x["title"], s.cell_bold)]
        if x["note"]:
            what.append(text.para(x["note"], s.cell))
        row: list[Any] = [Paragraph(text(_date(date, lang)), s.cell),
                          Paragraph(text(kind), s.cell), what]
        if keys:
            row.insert(0, Paragraph(key, s.cell_bold))
        rows.append(row)
    return table(rows, widths)


def roadmap_summary(roadmap: dict[str, Any], lang: Language, s: Styles, text: Text,
                    width: float) -> list[Flowable]:
    """The agreement's roadmap section: overview per phase, moments, every action."""
    actions = roadmap["actions"]
    out: list[Flowable] = [CondPageBreak(70 * mm), Paragraph(text(tr("Roadmap", lang)), s.h1)]
    if not actions:
        out.append(Paragraph(text(tr("No actions agreed yet.", lang)), s.muted))
    else:
        starts = [a["start"] for a in actions if a["start"]]
        dues = [a["due"] for a in actions if a["due"]]
        span = ""
        if starts or dues:
            first = min(starts or dues)
            last = max(dues or starts)
            # A sentence: its dates written out, as in the articles; the tables keep
            # the compact "1 mrt 2026".
            span = tr(" from {start} to {end}", lang,
                      start=long_date(dt.date.fromisoformat(first), lang),
                      end=long_date(dt.date.fromisoformat(last), lang))
        owners = len({a["owner"] for a in actions if a["owner"]})
        out.append(Paragraph(text(tr(
            "{count} actions{span}, held by {owners} owners. The roadmap PDF shows them on "
            "a timeline and per organisation.", lang, count=len(actions), span=span,
            owners=owners)), s.body))
        head = [tr("Phase", lang), tr("Actions", lang)] + [label(st, lang) for st in m.ActionStatus]
        rows: list[list[Any]] = [[Paragraph(text(h), s.head_cell) for h in head]]
        for phase in m.Phase:
            mine = [a for a in actions if a["phase"] == phase.value]
            rows.append([Paragraph(text(label(phase, lang)), s.cell_bold),
                         Paragraph(str(len(mine)), s.cell)]
                        + [Paragraph(str(sum(1 for a in mine if a["status"] == st.value)),
                                     s.cell) for st in m.ActionStatus])
        rest = (width - 42 * mm) / (len(head) - 1)
        out.append(table(rows, [42 * mm] + [rest] * (len(head) - 1)))
    moments = moments_table(roadmap, lang, s, text, width)
    if moments is not None:
        out.append(Paragraph(text(tr("Milestones and evaluation moments", lang)), s.h2))
        out.append(moments)
    if actions:
        out.append(Paragraph(text(tr("Actions", lang)), s.h2))
        out.append(action_table(list(enumerate(actions, 1)), lang, s, text, width))
    return out
