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
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
)

from workshop.domain import model as m
from workshop.domain.consent import outcome_of, records_by_subject
from workshop.domain.considerations import considerations
from workshop.domain.document_kind import DocumentKind, document_kind
from workshop.domain.fingerprint import agreement_content, fingerprint, short_fingerprint
from workshop.domain.labels import label
from workshop.domain.parties import PartyView, party_views, unaffiliated
from workshop.domain.templates import printed_text
from workshop.export.appendix_names import APPENDICES, APPENDIX_TITLES
from workshop.export.blocks import Text, table
from workshop.export.changes_appendix import changes_appendix, version_lines
from workshop.export.commitments import CommitmentsSections, scorecard_appendix
from workshop.export.document import Meta, Styles, build, date_time, long_date, make_styles
from workshop.export.outline import Heading
from workshop.export.roadmap_summary import roadmap_summary
from workshop.export.signatures import SignatureBlock, SignatureView
from workshop.i18n import N_, Language, tr
from workshop.locale_format import plural

PAGE = A4
WIDTH = PAGE[0] - 38 * mm


@dataclass(frozen=True)
class AgreementOptions:
    language: Language | None = None
    """None: the session's language."""
    paper: bool = False
    """For signing on paper: a framed box and a blank place and date for every signing
    party without a valid signature, and an initials box on every page."""
    diagnostics: bool = False
    """Add the diagnostics appendix (scan, spectra, forms per moment)."""
    scorecard: bool = False
    """Add the agreement scorecard (each part complete or what is missing) as an appendix."""
    participants: bool = True
    """Who took part in the start meeting, with their role, whom they represent and mandate."""
    interests: bool = True
    consent: bool = True
    roadmap: bool = True
    sources: bool = False

    def appendices(self) -> list[str]:
        return [a for a in APPENDICES if getattr(self, a)]

    def as_dict(self) -> dict[str, Any]:
        return {"language": self.language, "paper": self.paper,
                "diagnostics": self.diagnostics, "scorecard": self.scorecard,
                "participants": self.participants, "interests": self.interests,
                "consent": self.consent,
                "roadmap": self.roadmap, "sources": self.sources}


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


_KIND_TITLES: dict[DocumentKind, str] = {
    DocumentKind.LETTER_OF_INTENT: N_("Letter of intent"),
    DocumentKind.COVENANT: N_("Covenant"),
    DocumentKind.AGREEMENT: N_("Collaboration agreement"),
}

_AUTHORITY_PHRASES: dict[m.Authority, str] = {
    m.Authority.STATUTES: N_("under its statutes"),
    m.Authority.MANDATE: N_("by mandate"),
    m.Authority.SUBJECT_TO_DECISION: N_("subject to the decision of its board or council"),
}

_FORM_WORDS: dict[m.LegalForm, str] = {
    m.LegalForm.FOUNDATION: "stichting", m.LegalForm.ASSOCIATION: "vereniging",
    m.LegalForm.COOPERATIVE: "coöperati", m.LegalForm.PRIVATE_COMPANY: "b.v.",
    m.LegalForm.PUBLIC_COMPANY: "n.v.", m.LegalForm.MUNICIPALITY: "gemeente",
    m.LegalForm.PUBLIC_BODY: "regeling", m.LegalForm.OTHER: "\0",
}
"""A legal name that already says its form ("Stichting X", "X N.V.") is not followed
by the form again."""


class _ArticleSections(CommitmentsSections):
    """The commitments sections with article headings instead of their own."""

    def __init__(self, owner: _Agreement, *args: Any) -> None:
        super().__init__(*args)
        self.owner = owner

    def _h1(self, title: str) -> list[Flowable]:
        heading = self.owner.article(title)
        self.number_prefix = f"{self.owner.article_no}."
        return heading


class _Agreement:
    def __init__(self, session: m.Session, lang: Language, options: AgreementOptions,
                 exported_at: dt.datetime) -> None:
        self.session = session
        self.lang = lang
        self.options = options
        self.exported_at = exported_at
        self.content = agreement_content(session, lang)
        self.fingerprint = fingerprint(session)
        self.styles: Styles = make_styles()
        self.text = Text()
        self.kind = document_kind(session)
        self.article_no = 0
        self.views = party_views(session)
        self.open_items = self._open_items()

    # --- the document ----------------------------------------------------------------

    def _open_items(self) -> int:
        c = self.content
        subjects = [c["ambition"]["consent"], c["agreement_consent"]]
        subjects += [i["consent"] for i in c["principles"] + c["rules"]]
        return sum(1 for x in subjects if x["outcome"] != m.Outcome.AGREED.value)

    @property
    def title(self) -> str:
        return tr(_KIND_TITLES[self.kind], self.lang)

    def build(self) -> bytes:
        c = self.content
        story: list[Flowable] = []
        story += self.cover()
        story += self.parties()
        story += self.considerations()
        story += self.articles()
        story += self.signature_page()
        story += self.appendices()
        story += changes_appendix(self.session, self.lang, self.styles, self.text, WIDTH)
        story += self.notes()
        d = c["details"]
        meta = Meta(
            kind="agreement",
            title=tr("{kind}: {name}", self.lang, kind=self.title, name=d["name"]),
            author=d["facilitator"] or tr("Workshop", self.lang),
            subject=tr("{kind} of {name}, {region}, {date}", self.lang, kind=self.title,
                       name=d["name"], region=d["region"] or "–",
                       date=long_date(self.session.details.date, self.lang)),
            language=self.lang,
            fingerprint=self.fingerprint,
            header=d["name"],
            label=self.title,
            exported_at=self.exported_at,
            session_id=self.session.id,
            options=self.options.as_dict(),
            signatures=signature_manifest(self.session, self.fingerprint),
            draft_word=tr("CONCEPT", self.lang) if self.open_items else "",
            initials_word=tr("Initials", self.lang) if self.options.paper else "",
        )
        return build(story, PAGE, meta)

    def article(self, title: str) -> list[Flowable]:
        self.article_no += 1
        heading = tr("Article {n}. {title}", self.lang, n=self.article_no, title=title)
        return [CondPageBreak(50 * mm),
                Heading(self.text(heading), self.styles.h1, heading,
                        f"article-{self.article_no}")]

    def open_mark(self, consent: dict[str, Any]) -> str:
        """" [open]" after an item not (yet) agreed."""
        if consent["outcome"] == m.Outcome.AGREED.value:
            return ""
        return tr(" [not yet agreed]", self.lang)

    def cover(self) -> list[Flowable]:
        s, d = self.styles, self.content["details"]
        out: list[Flowable] = [
            Spacer(1, 38 * mm),
            Heading(self.text(self.title.upper()), s.kicker, self.title, "title"),
            self.text.para(d["name"], s.title, "bold"),
            Spacer(1, 4 * mm),
        ]
        rows: list[list[Any]] = []
        facts = [
            (tr("Region", self.lang), d["region"]),
            (tr("Date", self.lang), long_date(self.session.details.date, self.lang)),
            (tr("Place", self.lang), self.place()),
        ]
        for key, value in facts:
            rows.append([Paragraph(self.text(key, "bold"), s.label),
                         self.text.para(value or "–", s.body)])
        out.append(table(rows, [52 * mm, WIDTH - 52 * mm], header=False, zebra=False))
        if self.open_items:
            out += [Spacer(1, 10 * mm), Paragraph(self.text(plural(
                self.open_items, N_("Draft: {count} item is still open."),
                N_("Draft: {count} items are still open."), self.lang), "bold"), s.body)]
        out += version_lines(self.session, self.lang, s, self.text)
        out.append(PageBreak())
        return out

    def place(self) -> str:
        return str(self.session.legal.place.strip() or self.content["details"]["venue"])

    # --- the parties ---------------------------------------------------------------

    def party_text(self, v: PartyView) -> str:
        """"Stichting X, foundation, with its seat in Y, KvK 12345678, duly represented by
        Anna de Vries, member of the board, subject to the decision of its board"."""
        lang = self.lang
        parts = [v.legal_name]
        form = v.org.legal_form
        if form is not None and _FORM_WORDS[form] not in v.legal_name.lower():
            text = label(form, lang)
            parts.append(text[:1].lower() + text[1:])
        if v.org.seat:
            parts.append(tr("with its seat in {seat}", lang, seat=v.org.seat))
        if v.org.kvk:
            parts.append(tr("registered with the Chamber of Commerce (KvK) under number {kvk}",
                            lang, kvk=v.org.kvk))
        if v.representative is not None:
            who = v.representative.name + (f", {v.function}" if v.function else "")
            parts.append(tr("duly represented by {who}", lang, who=who))
        if v.org.authority is not None:
            parts.append(tr(_AUTHORITY_PHRASES[v.org.authority], lang))
        line = ", ".join(parts)
        if v.legal_name != v.name:
            line += tr("; hereinafter “{name}”", lang, name=v.name)
        return line

    def parties(self) -> list[Flowable]:
        s = self.styles
        heading = tr("The undersigned", self.lang)
        out: list[Flowable] = [Heading(self.text(heading), s.h1, heading, "parties")]
        signing = [v for v in self.views if v.signs]
        for n, v in enumerate(signing, 1):
            out.append(self.text.para(self.party_text(v) + ";", s.item, bullet=f"{n}."))
        if not signing:
            out.append(Paragraph(self.text(tr("No party signs yet.", self.lang)), s.muted))
        out.append(Spacer(1, 4))
        out.append(Paragraph(self.text(tr("hereinafter together “the parties”,", self.lang)),
                             s.body))
        others = [v for v in self.views if not v.signs]
        loose = unaffiliated(self.session)
        if others or loose:
            out.append(Paragraph(self.text(tr("Involved without being a party", self.lang)),
                                 s.h2))
            for v in others:
                who = v.representative.name if v.representative is not None else ""
                reason = (tr("absent at signing", self.lang) if v.org.party
                          else tr("not a party", self.lang))
                line = v.legal_name + (f" ({who})" if who else "") + f": {reason}"
                if v.org.involvement:
                    line += f". {v.org.involvement}"
                out.append(self.text.para(line, s.item, bullet="•"))
            for p in loose:
                out.append(self.text.para(p.name + (f", {p.role}" if p.role else ""), s.item,
                                          bullet="•"))
        return out

    def considerations(self) -> list[Flowable]:
        s = self.styles
        heading = tr("Considerations", self.lang)
        out: list[Flowable] = [Heading(self.text(heading), s.h1, heading, "considerations")]
        for n, text in enumerate(considerations(self.session, self.lang)):
            out.append(self.text.para(text, s.item, bullet=f"{chr(ord('A') + n % 26)}."))
        out += [Spacer(1, 8),
                Paragraph(self.text(tr("agree as follows:", self.lang), "bold"), s.body)]
        return out

    # --- the articles --------------------------------------------------------------------

    def articles(self) -> list[Flowable]:
        c = self.content
        story: list[Flowable] = []
        story += self.ambition()
        story += self.items(tr("Leading principles", self.lang), c["principles"],
                            self.session.principles)
        story += self.items(tr("Rules of play", self.lang), c["rules"], self.session.rules)
        story += self.organising()
        if "commitments" in c:
            sections = _ArticleSections(self, self.session, c, self.lang, self.styles,
                                        self.text, WIDTH)
            story += sections.roles()
            story += sections.contributions()
        story += self.roadmap_article()
        if "commitments" in c:
            story += sections.clauses()
        return story

    def ambition(self) -> list[Flowable]:
        s, a = self.styles, self.content["ambition"]
        out = self.article(tr("Shared ambition and goals", self.lang))
        statement = a["statement"] or tr("No ambition statement was formulated.", self.lang)
        out.append(self.text.para(statement + self.open_mark(a["consent"]), s.statement))
        if a["goals"]:
            out.append(Paragraph(self.text(tr("The parties work towards these goals:",
                                              self.lang)), s.body))
            for n, goal in enumerate(a["goals"], 1):
                aim = label(m.QuadrupleAim(goal["aim"]), self.lang)
                out.append(Paragraph(
                    f"{self.text(goal['text'])} <i>({self.text(aim)})</i>", s.item,
                    bulletText=f"{self.article_no}.{n}"))
        return out

    def items(self, title: str, items: list[dict[str, Any]],
              models: list[m.AgreementItem]) -> list[Flowable]:
        s = self.styles
        out = self.article(title)
        if not items:
            out.append(Paragraph(self.text(tr("None agreed yet.", self.lang)), s.muted))
        for n, (item, model) in enumerate(zip(items, models, strict=True), 1):
            text = printed_text(item["text"], model.template_key, self.lang)
            out.append(self.text.para(text + self.open_mark(item["consent"]), s.item,
                                      bullet=f"{self.article_no}.{n}"))
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
        return [*self.article(tr("Organisation and decision-making", self.lang)),
                table(data, [45 * mm, WIDTH - 45 * mm], header=False)]

    def roadmap_article(self) -> list[Flowable]:
        s, r = self.styles, self.content["roadmap"]
        out = self.article(tr("Roadmap, evaluation and adjustment", self.lang))
        actions = r["actions"]
        where = (tr("They are listed in the appendix “Roadmap” and in the roadmap document.",
                    self.lang) if self.options.roadmap
                 else tr("They are listed in the roadmap document.", self.lang))
        out.append(Paragraph(self.text(plural(
            len(actions), N_("The parties carry out {count} action of the roadmap, each with "
                             "an owner and dates."),
            N_("The parties carry out the {count} actions of the roadmap, each with an owner "
               "and dates."), self.lang) + " " + where), s.body))
        for title, moments in ((tr("Milestones", self.lang), r["milestones"]),
                               (tr("Evaluation moments", self.lang), r["evaluations"])):
            if not moments:
                continue
            out.append(Paragraph(self.text(title), s.h3))
            for x in moments:
                when = long_date(dt.date.fromisoformat(x["date"]), self.lang)
                out.append(Paragraph(f"<b>{self.text(when, 'bold')}</b> "
                                     f"{self.text(x['title'])}", s.item, bulletText="•"))
        out.append(Paragraph(self.text(tr(
            "At each evaluation moment the parties review progress on the roadmap and how "
            "they work together, and adjust the roadmap where needed; an adjustment is "
            "recorded in writing.", self.lang)), s.body))
        if "commitments" in self.content and self.content["commitments"]["year_plans"]:
            out.append(Paragraph(self.text(tr(
                "Each party takes what it committed to into its own year plan, as listed "
                "below.", self.lang)), s.body))
            sections = CommitmentsSections(self.session, self.content, self.lang, self.styles,
                                           self.text, WIDTH)
            out += [f for f in sections.year_plans(written_out=True)
                    if not (isinstance(f, Paragraph) and f.style is s.h1)]
        return out

    # --- appendices ----------------------------------------------------------------------

    def appendices(self) -> list[Flowable]:
        out: list[Flowable] = []
        letter = 0
        for key in self.options.appendices():
            flow = self.appendix(key)
            if not flow:
                continue
            title = tr("Appendix {letter}. {title}", self.lang,
                       letter=chr(ord("A") + letter), title=tr(APPENDIX_TITLES[key],
                                                               self.lang))
            letter += 1
            body = [f for f in flow if not (isinstance(f, Paragraph) and f.style is
                                            self.styles.h1)]
            body = [f for f in body if not isinstance(f, (CondPageBreak, PageBreak))]
            out += [PageBreak(), Heading(self.text(title), self.styles.h1, title,
                                         f"appendix-{key}"), *body]
        return out

    def appendix(self, key: str) -> list[Flowable]:
        c, s = self.content, self.styles
        if key == "participants":
            return self.participants()
        if key == "interests":
            return self.interests()
        if key == "consent":
            return self.consent()
        if key == "roadmap":
            return roadmap_summary(c["roadmap"], self.lang, s, self.text, WIDTH)
        if key == "scorecard":
            return scorecard_appendix(self.session, self.lang, s, self.text, WIDTH)
        if key == "diagnostics":
            from workshop.export.diagnostics_appendix import diagnostics_appendix

            return diagnostics_appendix(self.session, self.lang, s, self.text, WIDTH)
        return self.sources()

    def participants(self) -> list[Flowable]:
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
                    self.text(tr("Mandate: {mandate}", self.lang, mandate=p["mandate"])),
                    s.muted))
            rows.append([Paragraph(str(n), s.cell), who, org, rep])
        widths = [9 * mm, 50 * mm, 50 * mm, WIDTH - 109 * mm]
        return [table(rows, widths)]

    def interests(self) -> list[Flowable]:
        s, c = self.styles, self.content
        out: list[Flowable] = [Paragraph(self.text(tr(
            "What the parties said matters to them, by type. Interests a participant asked "
            "not to print are counted, not shown.", self.lang)), s.body)]
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
            out.append(Paragraph(self.text(plural(
                withheld, N_("{count} interest was marked “not for print” by the participant "
                             "and is left out of this document."),
                N_("{count} interests were marked “not for print” by the participant and "
                   "are left out of this document."), self.lang)), s.muted))
        return out

    def sources(self) -> list[Flowable]:
        s, c = self.styles, self.content
        rows: list[list[Any]] = [[Paragraph(self.text(h), s.head_cell) for h in (
            tr("Item", self.lang), tr("Source", self.lang))]]
        for name, items in ((tr("Principle {n}", self.lang, n="{n}"), c["principles"]),
                            (tr("Rule {n}", self.lang, n="{n}"), c["rules"])):
            for n, item in enumerate(items, 1):
                if item["source"]:
                    rows.append([Paragraph(self.text(name.format(n=n)), s.cell_bold),
                                 self.text.para(item["source"], s.cell)])
        from workshop.domain.templates import clause_templates

        library = {t.key: t for t in clause_templates()}
        for clause in self.session.commitments.clauses:
            t = library.get(clause.template_key)
            if t is not None and t.source:
                rows.append([Paragraph(self.text(label(clause.kind, self.lang)), s.cell_bold),
                             self.text.para(t.source, s.cell)])
        if len(rows) == 1:
            return [Paragraph(self.text(tr("No templates were used.", self.lang)), s.muted)]
        return [table(rows, [60 * mm, WIDTH - 60 * mm])]

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
            tr("Subject", self.lang), tr("Outcome", self.lang), tr("Decisions", self.lang))]
        rows: list[list[Any]] = [head]
        recorded: list[Flowable] = []
        for name, consent in subjects:
            decisions = consent["decisions"]
            count = {d: sum(1 for r in decisions if r["decision"] == d.value)
                     for d in m.Decision}
            tally = [plural(count[d], one, other, self.lang) for d, one, other in (
                (m.Decision.CONSENT, N_("{count} consent"), N_("{count} consents")),
                (m.Decision.CONCERN, N_("{count} concern"), N_("{count} concerns")),
                (m.Decision.OBJECTION, N_("{count} objection"), N_("{count} objections")))
                if count[d]]
            shown = label(m.Outcome(consent["outcome"]), self.lang)
            if consent.get("amended"):
                shown = tr("{outcome} (objection resolved by amendment)", self.lang,
                           outcome=shown)
            rows.append([
                self.text.para(name, s.cell_bold),
                self.text.para(shown, s.cell),
                self.text.para(", ".join(tally) or "–", s.cell),
            ])
            notes = [r for r in decisions if r["decision"] != m.Decision.CONSENT.value
                     or r["note"]]
            history = consent.get("history", {})
            if notes or history:
                recorded.append(self.text.para(name, s.h3))
            for r in history.get("objections", []):
                note = r["note"] or tr("(no note)", self.lang)
                recorded.append(Paragraph(
                    f"<b>{self.text(r['participant'], 'bold')}</b> · "
                    f"{self.text(tr('objection to an earlier text', self.lang))}: "
                    f"{self.text(note)}", s.item, bulletText="•"))
            for a in history.get("amendments", []):
                recorded.append(Paragraph(self.text(tr(
                    "Amended from “{before}” to “{after}”; the round was then held again on "
                    "the amended text.", self.lang, before=a["before"], after=a["after"])),
                    s.item, bulletText="•"))
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
            table(rows, [WIDTH - 110 * mm, 40 * mm, 70 * mm]),
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
        signing = [v for v in self.views if v.signs]
        date = long_date(self.session.details.date, self.lang)
        heading = tr("Signatures", self.lang)
        out: list[Flowable] = [
            PageBreak(),
            Heading(self.text(heading), s.h1, heading, "signatures"),
            Paragraph(self.text(plural(
                len(signing), N_("Thus agreed and signed in {count} copy in {place} on "
                                 "{date}."),
                N_("Thus agreed and signed in {count} copies in {place} on {date}."),
                self.lang, place=self.place() or "________", date=date)), s.body),
            Paragraph(self.text(tr(
                "A signature counts only for the exact text it was given on. That text is "
                "identified by its fingerprint, a code computed from every word of the "
                "agreement; the digital file of this document carries it and can be checked "
                "against the session it was made from. Fingerprint of this text:",
                self.lang)), s.muted),
            Paragraph(self.text(grouped, "bold"), s.muted),
            Paragraph(self.text(tr("Made with Workshop on {when} (UTC).", self.lang,
                                   when=date_time(self.exported_at, self.lang))), s.muted),
            Spacer(1, 8),
        ]
        views, others = self.signature_views()
        if any(v.void for v in views + others):
            out.append(Paragraph(self.text(tr(
                "A signature marked VOID was given on a different version of the text "
                "and does not count for this one.", self.lang)), s.muted))
        out += _rows(views)
        if not views:
            out.append(Paragraph(self.text(tr("Nobody has signed yet.", self.lang)), s.muted))
        if others:
            # Participants who signed without representing a party: apart, under a
            # heading that says they bind no party.
            heading = tr("Seen by the participants", self.lang)
            rows = _rows(others)
            out += [Spacer(1, 6), KeepTogether([
                Heading(self.text(heading), s.h2, heading, "seen-by", level=1),
                Paragraph(self.text(tr(
                    "These participants of the start meeting signed as having seen this "
                    "text. They do not sign on behalf of a party, and their signatures "
                    "bind no party.", self.lang)), s.muted),
                Spacer(1, 8), rows[0]]), *rows[1:]]
        return out

    def notes(self) -> list[Flowable]:
        # Last, so the count covers the whole document.
        replaced = self.text.counter.replaced
        if not replaced:
            return []
        return [Spacer(1, 10), Paragraph(self.text(tr(
            "{count} characters (such as emoji) are not in the bundled fonts and are "
            "printed as \ufffd.", self.lang, count=replaced)), self.styles.muted)]

    def signature_views(self) -> tuple[list[SignatureView], list[SignatureView]]:
        """The blocks of the parties' representatives, in the order of the parties, and
        those of the other participants who signed (binding no party)."""
        session, fp = self.session, self.fingerprint
        people = {p.id: p for p in session.participants}
        signer_of = {v.representative.id: v for v in self.views
                     if v.signs and v.representative is not None}
        views: dict[str, list[SignatureView]] = {pid: [] for pid in signer_of}
        others: list[SignatureView] = []
        signed: set[str] = set()
        voided = {s.participant_id for s in session.signatures if s.fingerprint != fp}
        place = self.place()
        date_line = tr("Place: {place} · Date: {date}", self.lang, place=place or "________",
                       date=long_date(session.details.date, self.lang))
        blank_line = tr("Place: ______________ · Date: ______________", self.lang)

        def who(pid: str) -> tuple[str, str]:
            v = signer_of.get(pid)
            p = people.get(pid)
            if v is not None:
                return v.function, v.legal_name
            return (p.role, p.organisation) if p is not None else ("", "")

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
            function, organisation = who(sig.participant_id)
            bucket = views.get(sig.participant_id, others)
            bucket.append(SignatureView(
                name=p.name if p else sig.participant_id, organisation=organisation,
                function=function, place=date_line,
                when=tr("Signed on {when}", self.lang, when=date_time(sig.signed_at, self.lang)),
                status=status, valid=valid, void=not valid,
                strokes=tuple(sig.strokes), void_word=tr("VOID", self.lang), detail=detail,
            ))
        for pid in signer_of:
            if pid in signed:
                continue
            if not self.options.paper and pid in voided:
                continue  # their void signature is shown; paper mode adds a line
            p = people[pid]
            function, organisation = who(pid)
            views[pid].append(SignatureView(
                name=p.name, organisation=organisation, function=function,
                place=blank_line if self.options.paper else date_line, when="",
                status=tr("Signature", self.lang) if self.options.paper
                else tr("Not signed", self.lang),
                valid=False, void=False, boxed=self.options.paper,
            ))
        return [v for pid in signer_of for v in views[pid]], others


def _rows(views: list[SignatureView]) -> list[Flowable]:
    """Signature blocks two by two, each row kept whole."""
    col = (WIDTH - 10 * mm) / 2
    blocks: list[Flowable] = [SignatureBlock(v, col) for v in views]
    return [_Row(blocks[i:i + 2], col + 10 * mm) for i in range(0, len(blocks), 2)]


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
        # Tops aligned: a block whose name wraps grows downwards.
        for i, block in enumerate(self.blocks):
            block.drawOn(self.canv, i * self.step, self.height - block.height)

