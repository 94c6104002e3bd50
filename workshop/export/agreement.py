"""The agreement PDF: what the table agreed, and who signed which text.

The printed text comes from ``agreement_content`` (the very content the fingerprint
covers), so a word on paper cannot differ from the words signed. Signatures are
printed valid only when their fingerprint is the session's current one; any other
is printed VOID. No Qt: the app calls ``export_agreement`` on a snapshot in a worker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
)

from workshop.domain import model as m
from workshop.domain.consent import outcome_of, records_by_subject
from workshop.domain.fingerprint import agreement_content, fingerprint, short_fingerprint
from workshop.export.blocks import Text, table
from workshop.export.changes_appendix import changes_appendix, version_lines
from workshop.export.commitments import CommitmentsSections, scorecard_appendix
from workshop.export.document import Meta, Styles, build, date_time, long_date, make_styles
from workshop.export.roadmap_summary import roadmap_summary
from workshop.export.signatures import SignatureBlock, SignatureView
from workshop.i18n import Language, tr
from workshop.labels import label

PAGE = A4
WIDTH = PAGE[0] - 38 * mm


@dataclass(frozen=True)
class AgreementOptions:
    language: Language | None = None
    """None: the session's language."""
    paper: bool = False
    """Print an empty signing line for every present participant without a valid signature."""
    diagnostics: bool = False
    """Add the diagnostics appendix (scan, spectra, forms per moment) after the signatures."""
    scorecard: bool = False
    """Add the agreement scorecard (each part complete or what is missing) as an appendix."""

    def as_dict(self) -> dict[str, Any]:
        return {"language": self.language, "paper": self.paper,
                "diagnostics": self.diagnostics, "scorecard": self.scorecard}


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def export_agreement(session: m.Session, options: AgreementOptions | None = None,
                     exported_at: dt.datetime | None = None) -> bytes:
    """The sealed agreement PDF for ``session`` (a snapshot: it is only read)."""
    options = options or AgreementOptions()
    lang: Language = options.language or session.details.language
    return _Agreement(session, lang, options, exported_at or now()).build()


def signature_manifest(session: m.Session, current: str) -> list[dict[str, Any]]:
    """The signatures as the PDF prints them, for the manifest ``verify`` reads."""
    names = {p.id: p.name for p in session.participants}
    return [
        {
            "id": s.id,
            "participant_id": s.participant_id,
            "name": names.get(s.participant_id, s.participant_id),
            "signed_at": s.signed_at.isoformat(),
            "fingerprint": s.fingerprint,
            "valid": s.fingerprint == current,
        }
        for s in session.signatures
    ]


def _party_label(party: dict[str, Any]) -> str:
    name: str = party["name"]
    return f"{name} ({party['organisation']})" if party["organisation"] else name


class _Agreement:
    def __init__(self, session: m.Session, lang: Language, options: AgreementOptions,
                 exported_at: dt.datetime) -> None:
        self.session = session
        self.lang = lang
        self.options = options
        self.exported_at = exported_at
        self.content = agreement_content(session)
        self.fingerprint = fingerprint(session)
        self.styles: Styles = make_styles()
        self.text = Text()

    # --- the document ----------------------------------------------------------------

    def build(self) -> bytes:
        c = self.content
        story: list[Flowable] = []
        story += self.cover()
        story += self.parties()
        story += self.ambition()
        story += self.interests()
        story += self.items(tr("Leading principles", self.lang), c["principles"], "principle")
        story += self.items(tr("Rules of play", self.lang), c["rules"], "rule")
        story += self.organising()
        commitments = CommitmentsSections(self.session, c, self.lang, self.styles, self.text,
                                          WIDTH)
        story += commitments.roles()
        story += commitments.contributions()
        story += roadmap_summary(c["roadmap"], self.lang, self.styles, self.text, WIDTH)
        story += commitments.year_plans()
        story += commitments.clauses()
        story += self.consent()
        story += self.signature_page()
        story += changes_appendix(self.session, self.lang, self.styles, self.text, WIDTH)
        if self.options.scorecard:
            story += [PageBreak()]
            story += scorecard_appendix(self.session, self.lang, self.styles, self.text, WIDTH)
        if self.options.diagnostics:
            from workshop.export.diagnostics_appendix import diagnostics_appendix

            story += diagnostics_appendix(self.session, self.lang, self.styles, self.text, WIDTH)
        d = c["details"]
        meta = Meta(
            kind="agreement",
            title=tr("Collaboration agreement: {name}", self.lang, name=d["name"]),
            author=d["facilitator"] or tr("Workshop", self.lang),
            subject=tr("Collaboration agreement of {name}, {region}, {date}", self.lang,
                           name=d["name"], region=d["region"] or "–",
                           date=long_date(self.session.details.date, self.lang)),
            language=self.lang,
            fingerprint=self.fingerprint,
            header=d["name"],
            label=tr("Collaboration agreement", self.lang),
            exported_at=self.exported_at,
            session_id=self.session.id,
            options=self.options.as_dict(),
            signatures=signature_manifest(self.session, self.fingerprint),
        )
        return build(story, PAGE, meta)

    def cover(self) -> list[Flowable]:
        s, d = self.styles, self.content["details"]
        out: list[Flowable] = [
            Spacer(1, 38 * mm),
            Paragraph(tr("Collaboration agreement", self.lang).upper(), s.kicker),
            self.text.para(d["name"], s.title, "bold"),
            Spacer(1, 4 * mm),
        ]
        rows: list[list[Any]] = []
        facts = [
            (tr("Region", self.lang), d["region"]),
            (tr("Date", self.lang), long_date(self.session.details.date, self.lang)),
            (tr("Venue", self.lang), d["venue"]),
            (tr("Facilitator", self.lang), d["facilitator"]),
            (tr("Forms of collaboration", self.lang),
             ", ".join(label(m.CollaborationForm(f), self.lang) for f in d["forms"])),
        ]
        for key, value in facts:
            rows.append([Paragraph(self.text(key, "bold"), s.label),
                         self.text.para(value or "–", s.body)])
        out.append(table(rows, [52 * mm, WIDTH - 52 * mm], header=False, zebra=False))
        present = [p for p in self.session.participants if p.present]
        valid = sum(1 for g in self.session.signatures if g.fingerprint == self.fingerprint)
        out += [
            Spacer(1, 14 * mm),
            Paragraph(self.text(tr(
                "{valid} of {present} participants present have signed this text.", self.lang,
                valid=valid, present=len(present))), s.body),
            Paragraph(self.text(tr(
                "Fingerprint of this text: {short}. The full fingerprint is on the "
                "signature page.", self.lang, short=short_fingerprint(self.fingerprint))), s.muted),
            *version_lines(self.session, self.lang, s, self.text),
            PageBreak(),
        ]
        return out

    def parties(self) -> list[Flowable]:
        s = self.styles
        rows: list[list[Any]] = [[
            Paragraph(self.text(h), s.head_cell) for h in (
                "#", tr("Participant", self.lang), tr("Organisation", self.lang),
                tr("Represents", self.lang))
        ]]
        for n, p in enumerate(self.content["parties"], 1):
            who: list[Flowable] = [self.text.para(p["name"], s.cell_bold)]
            if p["role"]:
                who.append(self.text.para(p["role"], s.cell))
            if not p["present"]:
                who.append(Paragraph(self.text(tr("Absent", self.lang)), s.muted))
            org: list[Flowable] = [self.text.para(p["organisation"] or "–", s.cell)]
            if p["perspective"]:
                org.append(self.text.para(p["perspective"], s.muted))
            rep: list[Flowable] = [self.text.para(p["represents"] or "–", s.cell)]
            if p["mandate"]:
                rep.append(Paragraph(
                    self.text(tr("Mandate: {mandate}", self.lang, mandate=p["mandate"])), s.muted))
            rows.append([Paragraph(str(n), s.cell), who, org, rep])
        widths = [9 * mm, 50 * mm, 50 * mm, WIDTH - 109 * mm]
        return [Paragraph(self.text(tr("The parties", self.lang)), s.h1), table(rows, widths)]

    def outcome_line(self, consent: dict[str, Any]) -> Paragraph:
        s = self.styles
        outcome = label(m.Outcome(consent["outcome"]), self.lang)
        decisions = consent["decisions"]
        counts = {d: sum(1 for r in decisions if r["decision"] == d.value)
                  for d in m.Decision}
        if consent.get("amended"):
            # The decisions counted are those on the amended words; the objection was
            # to the earlier ones (its record is in the consent appendix).
            text = tr("Consent round: {outcome}; an objection was resolved by amendment, "
                      "then the table consented to the amended text.", self.lang,
                      outcome=outcome) if consent["outcome"] == m.Outcome.AGREED.value \
                else tr("Consent round: {outcome}; the text was amended after an objection "
                        "and the round on the amended text is not complete.", self.lang,
                        outcome=outcome)
            return Paragraph(self.text(text), s.note)
        text = tr("Consent round: {outcome} ({consent} consent, {concern} concerns, "
                      "{objection} objections)", self.lang, outcome=outcome,
                      consent=counts[m.Decision.CONSENT],
                      concern=counts[m.Decision.CONCERN],
                      objection=counts[m.Decision.OBJECTION])
        return Paragraph(self.text(text), s.note)

    def ambition(self) -> list[Flowable]:
        s, a = self.styles, self.content["ambition"]
        out: list[Flowable] = [CondPageBreak(60 * mm),
                               Paragraph(self.text(tr("Shared ambition", self.lang)), s.h1)]
        statement = a["statement"] or tr("No ambition statement was formulated.", self.lang)
        out.append(self.text.para(statement, s.statement))
        out.append(self.outcome_line(a["consent"]))
        if a["goals"]:
            out.append(Paragraph(self.text(tr("Goals", self.lang)), s.h2))
            for goal in a["goals"]:
                aim = label(m.QuadrupleAim(goal["aim"]), self.lang)
                out.append(Paragraph(
                    f"<b>{self.text(aim, 'bold')}</b>: {self.text(goal['text'])}", s.item,
                    bulletText="•"))
        return out

    def interests(self) -> list[Flowable]:
        s, c = self.styles, self.content
        out: list[Flowable] = [CondPageBreak(60 * mm),
                               Paragraph(self.text(tr("Interests", self.lang)), s.h1)]
        for kind in m.InterestKind:
            items = c["interests"][kind.value]
            out.append(Paragraph(self.text(label(kind, self.lang)), s.h2))
            if not items:
                out.append(Paragraph(self.text(tr("None recorded.", self.lang)), s.muted))
            for item in items:
                out.append(Paragraph(
                    f"<b>{self.text(item['participant'], 'bold')}</b>: "
                    f"{self.text(item['text'])}", s.item, bulletText="•"))
        withheld = c["interests_withheld"]
        if withheld:
            out.append(Spacer(1, 4))
            out.append(Paragraph(self.text(tr(
                "{count} interests were marked “not for print” by the participant and are "
                "left out of this document.", self.lang, count=withheld)), s.muted))
        return out

    def items(self, title: str, items: list[dict[str, Any]], kind: str) -> list[Flowable]:
        s = self.styles
        out: list[Flowable] = [CondPageBreak(50 * mm), Paragraph(self.text(title), s.h1)]
        if not items:
            out.append(Paragraph(self.text(tr("None agreed yet.", self.lang)), s.muted))
        for n, item in enumerate(items, 1):
            out.append(self.text.para(item["text"], s.item, bullet=f"{n}."))
            if item["source"]:
                out.append(Paragraph(self.text(tr("Source: {source}", self.lang,
                                                      source=item["source"])), s.note))
            out.append(self.outcome_line(item["consent"]))
        return out

    def organising(self) -> list[Flowable]:
        s, o = self.styles, self.content["organising"]
        missing = tr("Not yet agreed", self.lang)

        def choice(value: str, enum: type[Any], note: str) -> str:
            parts = [label(enum(value), self.lang)] if value else []
            if note:
                parts.append(note)
            return "\n".join(parts) or missing

        financing = ", ".join(label(m.Financing(f), self.lang) for f in o["financing"])
        rows = [
            (tr("Decision-making", self.lang),
             choice(o["decision_rule"], m.DecisionRule, o["decision_rule_note"])),
            (tr("Chair", self.lang), choice(o["chair"], m.ChairKind, o["chair_note"])),
            (tr("Meeting cadence", self.lang), o["cadence"] or missing),
            (tr("Annual calendar", self.lang), o["annual_calendar"] or missing),
            (tr("Representation", self.lang),
             choice(o["representation"], m.Representation, o["representation_note"])),
            (tr("Financing", self.lang),
             "\n".join(x for x in (financing, o["financing_note"]) if x) or missing),
            (tr("Evaluation", self.lang),
             choice(o["evaluation"], m.EvaluationKind, o["evaluation_note"])),
        ]
        data = [[Paragraph(self.text(k), s.cell_bold), self.text.para(v, s.cell)]
                for k, v in rows]
        return [CondPageBreak(60 * mm),
                Paragraph(self.text(tr("Organising and deciding", self.lang)), s.h1),
                table(data, [45 * mm, WIDTH - 45 * mm], header=False)]

    # --- consent -----------------------------------------------------------------------

    def consent(self) -> list[Flowable]:
        s, c = self.styles, self.content
        subjects: list[tuple[str, dict[str, Any]]] = [
            (tr("Shared ambition", self.lang), c["ambition"]["consent"])]
        subjects += [(tr("Principle {n}", self.lang, n=n), p["consent"])
                     for n, p in enumerate(c["principles"], 1)]
        subjects += [(tr("Rule {n}", self.lang, n=n), r["consent"])
                     for n, r in enumerate(c["rules"], 1)]
        subjects.append((tr("The agreement as a whole", self.lang), c["agreement_consent"]))
        head = [Paragraph(self.text(h), s.head_cell) for h in (
            tr("Subject", self.lang), tr("Outcome", self.lang), tr("Consent", self.lang),
            tr("Concerns", self.lang),
            tr("Objections", self.lang))]
        rows: list[list[Any]] = [head]
        recorded: list[Flowable] = []
        for name, consent in subjects:
            decisions = consent["decisions"]
            count = {d: sum(1 for r in decisions if r["decision"] == d.value)
                     for d in m.Decision}
            shown = label(m.Outcome(consent["outcome"]), self.lang)
            if consent.get("amended"):
                shown = tr("{outcome} (objection resolved by amendment)", self.lang,
                           outcome=shown)
            rows.append([
                Paragraph(self.text(name), s.cell_bold),
                Paragraph(self.text(shown), s.cell),
                Paragraph(str(count[m.Decision.CONSENT]), s.cell),
                Paragraph(str(count[m.Decision.CONCERN]), s.cell),
                Paragraph(str(count[m.Decision.OBJECTION]), s.cell),
            ])
            notes = [r for r in decisions if r["decision"] != m.Decision.CONSENT.value
                     or r["note"]]
            if notes:
                recorded.append(Paragraph(self.text(name), s.h3))
            for r in notes:
                decision = label(m.Decision(r["decision"]), self.lang)
                if r["resolution"]:
                    decision = tr("{decision} ({resolution})", self.lang, decision=decision,
                                      resolution=label(m.ObjectionResolution(
                                          r["resolution"]), self.lang))
                note = r["note"] or tr("(no note)", self.lang)
                recorded.append(Paragraph(
                    f"<b>{self.text(r['participant'], 'bold')}</b> · "
                    f"{self.text(decision)}: {self.text(note)}", s.item, bulletText="•"))
        waiting = self.not_yet_heard()
        out: list[Flowable] = [
            CondPageBreak(60 * mm),
            Paragraph(self.text(tr("Consent outcomes", self.lang)), s.h1),
            Paragraph(self.text(tr(
                "Each item was put to a consent round: agreed when every participant "
                "present has spoken and no objection stands. Concerns do not block; they "
                "are recorded below.", self.lang)), s.body),
            table(rows, [WIDTH - 106 * mm, 40 * mm, 22 * mm, 22 * mm, 22 * mm]),
        ]
        if recorded:
            out.append(Paragraph(self.text(tr("Concerns and objections recorded", self.lang)),
                                 s.h2))
            out += recorded
        if waiting:
            out.append(Paragraph(self.text(tr("Rounds still open", self.lang)), s.h2))
            for name, people in waiting:
                out.append(Paragraph(
                    f"<b>{self.text(name, 'bold')}</b>: " + self.text(tr(
                        "not yet heard: {names}", self.lang, names=", ".join(people))),
                    s.item, bulletText="•"))
        return out

    def not_yet_heard(self) -> list[tuple[str, list[str]]]:
        session = self.session
        present = {p.id for p in session.participants if p.present}
        names = {p.id: _party_label(p.model_dump()) for p in session.participants}
        by_subject = records_by_subject(session)
        subjects = [(tr("Shared ambition", self.lang), m.AMBITION_SUBJECT)]
        subjects += [(tr("Principle {n}", self.lang, n=n), p.id)
                     for n, p in enumerate(session.principles, 1)]
        subjects += [(tr("Rule {n}", self.lang, n=n), r.id) for n, r in enumerate(session.rules, 1)]
        subjects.append((tr("The agreement as a whole", self.lang), m.AGREEMENT_SUBJECT))
        out = []
        for name, subject in subjects:
            records = by_subject.get(subject, [])
            if outcome_of(records, present) is m.Outcome.IN_PROGRESS:
                spoken = {r.participant_id for r in records}
                out.append((name, [names[p.id] for p in session.participants
                                   if p.id in present and p.id not in spoken]))
        return out

    # --- signatures ----------------------------------------------------------------------

    def signature_page(self) -> list[Flowable]:
        s = self.styles
        fp = self.fingerprint
        grouped = " ".join(fp[i:i + 8] for i in range(0, len(fp), 8))
        out: list[Flowable] = [
            PageBreak(),
            Paragraph(self.text(tr("Signatures", self.lang)), s.h1),
            Paragraph(self.text(tr(
                "By signing, the parties confirm the text of this agreement. A signature "
                "counts only for the exact text it was given on, identified by this "
                "fingerprint:", self.lang)), s.body),
            Paragraph(self.text(grouped, "bold"), s.body),
            Paragraph(self.text(tr(
                "A signature marked VOID was given on a different version of the text "
                "and does not count for this one.", self.lang)), s.muted),
            Spacer(1, 8),
        ]
        views = self.signature_views()
        col = (WIDTH - 10 * mm) / 2
        blocks: list[Flowable] = [SignatureBlock(v, col) for v in views]
        for i in range(0, len(blocks), 2):
            pair = blocks[i:i + 2]
            row: list[Flowable] = [pair[0]] + ([pair[1]] if len(pair) > 1 else [])
            out.append(_Row(row, col + 10 * mm))
        if not views:
            out.append(Paragraph(self.text(tr("Nobody has signed yet.", self.lang)), s.muted))
        absent = [p.name for p in self.session.participants if not p.present]
        if absent:
            out.append(Spacer(1, 6))
            out.append(Paragraph(self.text(tr("Absent, so not signing: {names}", self.lang,
                                                  names=", ".join(absent))), s.muted))
        out.append(Spacer(1, 10))
        out.append(Paragraph(self.text(tr(
            "Exported with Workshop on {when} (UTC). Check a copy with: workshop verify "
            "FILE.pdf [SESSION.workshop]", self.lang, when=date_time(self.exported_at, self.lang))),
            s.muted))
        # Last, so the count covers the whole document.
        replaced = self.text.counter.replaced
        if replaced:
            out.append(Paragraph(self.text(tr(
                "{count} characters (such as emoji) are not in the bundled fonts and are "
                "printed as \ufffd.", self.lang, count=replaced)), s.muted))
        return out

    def signature_views(self) -> list[SignatureView]:
        session, fp = self.session, self.fingerprint
        people = {p.id: p for p in session.participants}
        views: list[SignatureView] = []
        signed: set[str] = set()
        voided = {s.participant_id for s in session.signatures if s.fingerprint != fp}
        for sig in session.signatures:
            p = people.get(sig.participant_id)
            valid = sig.fingerprint == fp
            detail = ""
            if valid:
                signed.add(sig.participant_id)
                status = tr("Valid for this text", self.lang)
            else:
                status = tr("VOID: signed another version of the text", self.lang)
                detail = tr("Fingerprint of the text signed: {short}", self.lang,
                            short=short_fingerprint(sig.fingerprint))
            views.append(SignatureView(
                name=p.name if p else sig.participant_id,
                organisation=p.organisation if p else "",
                when=tr("Signed on {when}", self.lang, when=date_time(sig.signed_at, self.lang)),
                status=status, valid=valid, void=not valid,
                strokes=tuple(sig.strokes), void_word=tr("VOID", self.lang), detail=detail,
            ))
        for p in session.participants:
            if p.present and p.id not in signed:
                if not self.options.paper and p.id in voided:
                    continue  # their void signature is shown; paper mode adds a line
                views.append(SignatureView(
                    name=p.name, organisation=p.organisation,
                    when=tr("Date:", self.lang) + " ______________" if self.options.paper else "",
                    status=tr("Signature", self.lang) if self.options.paper
                    else tr("Not signed", self.lang),
                    valid=False, void=False,
                ))
        return views


class _Row(Flowable):
    """Two signature blocks side by side; never split."""

    def __init__(self, blocks: list[Flowable], step: float) -> None:
        super().__init__()
        self.blocks = blocks
        self.step = step

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.height = max(b.wrap(avail_width, avail_height)[1] for b in self.blocks) + 14
        self.width = avail_width
        return self.width, self.height

    def draw(self) -> None:
        for i, block in enumerate(self.blocks):
            block.drawOn(self.canv, i * self.step, 14)

