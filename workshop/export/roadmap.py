"""The roadmap PDF (landscape A4 or A3): timeline, action table, a page per organisation.

The per-organisation pages exist so that each party takes home exactly what it
committed to (actions held by the organisation or by one of its participants) and can
carry it into its own year plan. Text comes from ``agreement_content`` like the
agreement's, so the roadmap prints what the fingerprint covers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
)

from workshop.domain import model as m
from workshop.domain.fingerprint import agreement_content, fingerprint
from workshop.domain.labels import label
from workshop.export.agreement import now, signature_manifest
from workshop.export.blocks import KeepWithStart, Text
from workshop.export.commitments import CommitmentsSections
from workshop.export.document import Meta, Styles, build, long_date, make_styles
from workshop.export.outline import Heading
from workshop.export.roadmap_summary import action_table, moments_table
from workshop.export.timeline import Bar, Legend, Marker, Row, Timeline
from workshop.i18n import N_, Language, tr
from workshop.locale_format import plural

PageSize = Literal["A4", "A3"]
GroupBy = Literal["phase", "owner"]
MARGIN = 16 * mm
TIMELINE_SCALE: dict[PageSize, float] = {"A4": 1.0, "A3": 1.15}
"""A3 draws the Gantt chart as much larger as its text (``make_styles(1.15)``): still a
wider chart, with every month named and more rows a page than A4, and readable from
across the table when it hangs on the wall."""


@dataclass(frozen=True)
class RoadmapOptions:
    language: Language | None = None
    """None: the session's language."""
    size: PageSize = "A4"
    group_by: GroupBy = "phase"

    def as_dict(self) -> dict[str, Any]:
        return {"language": self.language, "size": self.size, "group_by": self.group_by}


def export_roadmap(session: m.Session, options: RoadmapOptions | None = None,
                   exported_at: dt.datetime | None = None) -> bytes:
    """The sealed roadmap PDF for ``session`` (a snapshot: it is only read)."""
    options = options or RoadmapOptions()
    lang: Language = options.language or session.details.language
    return _Roadmap(session, lang, options, exported_at or now()).build()


def roadmap_timeline(session: m.Session, options: RoadmapOptions | None = None,
                     exported_at: dt.datetime | None = None) -> tuple[Timeline | None, float]:
    """The roadmap's Gantt chart as the PDF lays it out, and the width it gets on the
    page (for tests and benchmarks that check the layout, not only the text)."""
    options = options or RoadmapOptions()
    lang: Language = options.language or session.details.language
    roadmap = _Roadmap(session, lang, options, exported_at or now())
    return roadmap.timeline(), roadmap.width


def commitments(session: m.Session, organisation: str) -> list[int]:
    """Indexes of the actions an organisation holds, itself or through its people."""
    people = {p.id for p in session.participants if p.organisation.strip() == organisation}
    return [
        i for i, a in enumerate(session.roadmap.actions)
        if a.owner is not None
        and ((a.owner.kind == "organisation" and a.owner.ref == organisation)
             or (a.owner.kind == "participant" and a.owner.ref in people))
    ]


class _Roadmap:
    def __init__(self, session: m.Session, lang: Language, options: RoadmapOptions,
                 exported_at: dt.datetime) -> None:
        self.session = session
        self.lang = lang
        self.options = options
        self.exported_at = exported_at
        self.content = agreement_content(session)
        self.actions: list[dict[str, Any]] = self.content["roadmap"]["actions"]
        self.pagesize = landscape(A3 if options.size == "A3" else A4)
        self.width = self.pagesize[0] - 2 * MARGIN
        self.styles: Styles = make_styles(1.15 if options.size == "A3" else 1.0)
        self.text = Text()

    def build(self) -> bytes:
        story: list[Flowable] = []
        story += self.overview()
        story += self.table()
        story += self.per_organisation()
        d = self.content["details"]
        fp = fingerprint(self.session)
        meta = Meta(
            kind="roadmap",
            title=tr("Roadmap: {name}", self.lang, name=d["name"]),
            author=d["facilitator"] or tr("Workshop", self.lang),
            subject=tr("Roadmap of {name}, {region}, {date}", self.lang, name=d["name"],
                       region=d["region"] or "–",
                       date=long_date(self.session.details.date, self.lang)),
            language=self.lang,
            fingerprint=fp,
            header=d["name"],
            label=tr("Roadmap", self.lang),
            exported_at=self.exported_at,
            session_id=self.session.id,
            options=self.options.as_dict(),
            signatures=signature_manifest(self.session, fp),
        )
        return build(story, self.pagesize, meta,
                     margins=(MARGIN + 2 * mm, MARGIN, MARGIN, MARGIN))

    # --- first pages: the timeline ------------------------------------------------------

    def overview(self) -> list[Flowable]:
        s, d = self.styles, self.content["details"]
        subtitle = " · ".join(x for x in (
            d["region"], long_date(self.session.details.date, self.lang) if d["date"] else "",
            d["venue"]) if x)
        # The first bookmark, at the top of the first page: the timeline.
        out: list[Flowable] = [
            Heading(self.text(tr("Roadmap", self.lang).upper()), s.kicker,
                    tr("Timeline", self.lang), "timeline"),
            self.text.para(d["name"], s.h1, "bold"),
        ]
        if subtitle:
            out.append(self.text.para(subtitle, s.muted))
        out.append(Spacer(1, 4 * mm))
        timeline = self.timeline()
        if timeline is None:
            out.append(Paragraph(self.text(tr(
                "No dated actions, milestones or evaluation moments yet.", self.lang)),
                s.muted))
            return out
        out.append(Legend(self.legend(), self.lang))
        out.append(Spacer(1, 3 * mm))
        out.append(timeline)
        undated = len(self.actions) - sum(
            1 for a in self.session.roadmap.actions if a.start is not None or a.due is not None)
        if undated:
            out.append(Spacer(1, 2 * mm))
            out.append(Paragraph(self.text(plural(
                undated, N_("{count} action without dates is listed in the table only."),
                N_("{count} actions without dates are listed in the table only."),
                self.lang)), s.muted))
        table = moments_table(self.content["roadmap"], self.lang, s, self.text,
                              self.width, keys=True)
        if table is not None:
            # Kept whole: a short table moves under the timeline or to the next page,
            # where the action table follows it.
            heading = tr("Milestones and evaluation moments", self.lang)
            out.append(KeepTogether([
                Heading(self.text(heading), s.h2, heading, "moments", level=1),
                table]))
        return out

    def timeline(self) -> Timeline | None:
        """The Gantt chart of the dated actions and the markers; None when nothing is
        dated. A3 gives the titles a wider column and the months more room."""
        dated = [(i, a) for i, a in enumerate(self.session.roadmap.actions)
                 if a.start is not None or a.due is not None]
        markers = self.markers()
        if not dated and not markers:
            return None
        days = [d for _, a in dated for d in (a.start, a.due) if d is not None]
        days += [mk.date for mk in markers]
        return Timeline(self.rows(dated, markers), markers, min(days), max(days),
                        self.lang, label_width=self.width * 0.3,
                        today=self.exported_at.date(), today_word=tr("today", self.lang),
                        scale=TIMELINE_SCALE[self.options.size])

    def markers(self) -> list[Marker]:
        road = self.session.roadmap
        out = [Marker(f"M{n}", x.date, "milestone")
               for n, x in enumerate(sorted(road.milestones, key=lambda x: x.date), 1)]
        out += [Marker(f"E{n}", x.date, "evaluation")
                for n, x in enumerate(sorted(road.evaluations, key=lambda x: x.date), 1)]
        return out

    def legend(self) -> list[tuple[str, str]]:
        items = [(p.value, label(p, self.lang)) for p in m.Phase]
        items += [(f"status:{st.value}", label(st, self.lang)) for st in m.ActionStatus]
        items += [("marker:milestone", tr("Milestone", self.lang)),
                  ("marker:evaluation", tr("Evaluation moment", self.lang))]
        return items

    def rows(self, dated: list[tuple[int, m.Action]], markers: list[Marker]) -> list[Row]:
        rows: list[Row] = []
        if markers:
            rows.append(Row(band=tr("Milestones and evaluations", self.lang)))
        groups: dict[str, list[tuple[int, m.Action]]] = {}
        people = {p.id: p for p in self.session.participants}
        titles: dict[int, str] = {}
        if self.options.group_by == "phase":
            for phase in m.Phase:
                groups[label(phase, self.lang)] = []
            for i, a in dated:
                groups[label(a.phase, self.lang)].append((i, a))
                owner = self.actions[i]["owner"]
                titles[i] = f"{a.title} · {owner}" if owner else a.title
        else:
            # A person stands under their organisation, with their name on the bar.
            for i, a in dated:
                o = a.owner
                person = people.get(o.ref) if o is not None and o.kind == "participant" \
                    else None
                if person is not None and person.organisation.strip():
                    group = person.organisation.strip()
                    titles[i] = f"{a.title} · {person.name}"
                else:
                    group = self.actions[i]["owner"] or tr("No owner yet", self.lang)
                    titles[i] = a.title
                groups.setdefault(group, []).append((i, a))
        for name, members in groups.items():
            if not members:
                continue
            rows.append(Row(group=f"{name} ({len(members)})"))
            members.sort(key=lambda x: (x[1].start or x[1].due or dt.date.min, x[0]))
            for i, a in members:
                start = a.start or a.due
                due = a.due or a.start
                assert start is not None and due is not None
                rows.append(Row(bar=Bar(i + 1, titles[i], start, due, a.phase.value,
                                        a.status.value)))
        return rows

    # --- the action table and the pages per organisation ----------------------------

    def table(self) -> list[Flowable]:
        s = self.styles
        # Follows the milestones when the heading and the table's first rows fit; the
        # heading is not kept with the whole table (that would move a long table to a
        # page of its own), only with its start.
        title = tr("All actions", self.lang)
        heading = Heading(self.text(title),
                          ParagraphStyle("h1-loose", parent=s.h1, keepWithNext=0), title,
                          "actions")
        if not self.actions:
            return [CondPageBreak(70 * mm), heading,
                    Paragraph(self.text(tr("No actions agreed yet.", self.lang)), s.muted)]
        table = action_table(list(enumerate(self.actions, 1)), self.lang, s, self.text,
                             self.width)
        return [KeepWithStart(heading, table), heading, table]

    def per_organisation(self) -> list[Flowable]:
        s = self.styles
        out: list[Flowable] = []
        organisations = self.session.organisations()
        sections = CommitmentsSections(self.session, self.content, self.lang, s, self.text,
                                       self.width)
        for n, org in enumerate(organisations, 1):
            mine = commitments(self.session, org)
            out += [PageBreak(),
                    self.text.heading(tr("Commitments of {organisation}", self.lang,
                                         organisation=org), s.h1, f"organisation-{n}")]
            people = [p.name for p in self.session.participants
                      if p.organisation.strip() == org]
            out.append(self.text.para(tr(
                "At the table for this organisation: {names}.", self.lang,
                names=", ".join(people)), s.body))
            if not mine:
                out.append(Paragraph(self.text(tr(
                    "This organisation holds no actions on the roadmap.", self.lang)),
                    s.muted))
            else:
                out.append(Paragraph(self.text(plural(
                    len(mine),
                    N_("{count} action held by the organisation or its participants. "
                       "Carry it into your own year plan."),
                    N_("{count} actions held by the organisation or its participants. "
                       "Carry them into your own year plan."),
                    self.lang)), s.body))
                out.append(action_table([(i + 1, self.actions[i]) for i in mine], self.lang,
                                        s, self.text, self.width))
            if sections.c is not None:
                out.append(Paragraph(self.text(tr("In our own year plan", self.lang)), s.h2))
                out += sections.year_plans(org, heading=False)
                out.append(Paragraph(self.text(tr("What we bring", self.lang)), s.h2))
                out += sections.contributions_of(org)
        unowned = [i for i, a in enumerate(self.session.roadmap.actions) if a.owner is None]
        if unowned:
            title = tr("Actions without an owner", self.lang)
            out += [PageBreak(),
                    Heading(self.text(title), s.h1, title, "unowned"),
                    Paragraph(self.text(tr(
                        "These actions still need someone to hold them.", self.lang)),
                        s.body),
                    action_table([(i + 1, self.actions[i]) for i in unowned], self.lang, s,
                                 self.text, self.width, show_owner=False)]
        return out
