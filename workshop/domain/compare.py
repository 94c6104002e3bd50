"""What changed between two versions of an agreement: articles added, removed and
amended, and for an amended article which words.

Both sides are lists of ``PrintedArticle``, made by ``articles`` from
``agreement_content`` (the very text the fingerprint covers and the PDF prints), each
keyed by the id of what it prints (a participant, a principle, an action...). The ids
are carried over into an evaluation meeting, so a principle whose words changed is
*amended*, not removed and added. The revised version's articles are kept in the new
session (``Evaluation.previous_articles``): the comparison needs no file.

No Qt, no I/O.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

from workshop.domain.fingerprint import agreement_content
from workshop.domain.labels import label
from workshop.domain.model import (
    ChairKind,
    ClauseKind,
    ContributionKind,
    DecisionRule,
    EvaluationKind,
    Financing,
    Period,
    PrintedArticle,
    QuadrupleAim,
    Representation,
    RoleKind,
    Session,
)
from workshop.i18n import N_, Language, tr

SECTIONS = ("parties", "ambition", "goals", "principles", "rules", "organising", "roles",
            "contributions", "clauses", "actions")
"""In the order the agreement prints them."""

SECTION_TITLES = {
    "parties": N_("Parties"),
    "ambition": N_("Shared ambition"),
    "goals": N_("Goals"),
    "principles": N_("Leading principles"),
    "rules": N_("Rules of play"),
    "organising": N_("Organising and deciding"),
    "roles": N_("Roles"),
    "contributions": N_("Contributions"),
    "clauses": N_("Closing clauses"),
    "actions": N_("Roadmap actions"),
}
KIND_TITLES = {"added": N_("Added"), "removed": N_("Removed"), "amended": N_("Amended")}
"""The words for a section and a kind of change, as message ids."""

Kind = Literal["added", "removed", "amended"]
WordOp = Literal["same", "removed", "added"]


@dataclass(frozen=True)
class Change:
    kind: Kind
    section: str
    key: str
    title: str
    before: str
    after: str
    words: tuple[tuple[WordOp, str], ...] = ()
    """For an amended article: the words kept, removed and added, in reading order."""


def _join(*parts: Any) -> str:
    return " · ".join(str(p) for p in parts if p not in ("", None))


def articles(session: Session) -> list[PrintedArticle]:
    """The agreement's articles as printed, each keyed by what it prints."""
    c = agreement_content(session)
    out: list[PrintedArticle] = []

    def add(section: str, key: str, title: str, text: str) -> None:
        out.append(PrintedArticle(key=f"{section}:{key}", section=section, title=title,
                                  text=text))

    for p, printed in zip(session.participants, c["parties"], strict=True):
        add("parties", p.id, printed["name"],
            _join(printed["organisation"], printed["role"], printed["represents"],
                  printed["mandate"]))
    add("ambition", "statement", "", c["ambition"]["statement"])
    for g, printed in zip(session.ambition.goals, c["ambition"]["goals"], strict=True):
        add("goals", g.id, printed["aim"], printed["text"])
    for section in ("principles", "rules"):
        items = session.principles if section == "principles" else session.rules
        for item, printed in zip(items, c[section], strict=True):
            add(section, item.id, "", printed["text"])
    for name, value in c["organising"].items():
        text = ", ".join(value) if isinstance(value, list) else str(value)
        if text:
            add("organising", name, name, text)
    printed_commitments = c.get("commitments", {})
    cm = session.commitments
    for r, printed in zip(cm.roles, printed_commitments.get("roles", []), strict=True):
        add("roles", r.id, printed["kind"],
            _join(printed["holder"], printed["theme"], printed["term"],
                  ", ".join(printed["represents"]), printed["mandate"]))
    for x, printed in zip(cm.contributions, printed_commitments.get("contributions", []),
                          strict=True):
        amount = "" if printed["amount"] is None else f"{printed['amount']:g}"
        add("contributions", x.id, printed["organisation"],
            _join(printed["kind"], amount, printed["period"], printed["description"]))
    for k, printed in zip(cm.clauses, printed_commitments.get("clauses", []), strict=True):
        add("clauses", k.id, printed["kind"], printed["text"])
    for a, printed in zip(session.roadmap.actions, c["roadmap"]["actions"], strict=True):
        add("actions", a.id, printed["title"],
            _join(printed["title"], printed["description"], printed["owner"],
                  printed["start"], printed["due"]))
    return out


_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
"""Words, spaces and single punctuation marks: "genomen." amended to "genomen en ..."
keeps "genomen"."""


def word_changes(before: str, after: str) -> tuple[tuple[WordOp, str], ...]:
    """The words of ``after`` with those of ``before`` it dropped, in reading order;
    joined without separators they give back each text."""
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    out: list[tuple[WordOp, str]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("removed", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("added", "".join(b[j1:j2])))
    return tuple(out)


def compare(before: list[PrintedArticle], after: list[PrintedArticle]) -> list[Change]:
    """The changes from ``before`` to ``after``, by section in printed order; within a
    section removed and amended articles in the old order, then the added ones."""
    old = {a.key: a for a in before}
    new = {a.key: a for a in after}
    changes: list[Change] = []
    for section in SECTIONS:
        for a in before:
            if a.section != section:
                continue
            b = new.get(a.key)
            if b is None:
                changes.append(Change("removed", section, a.key, a.title, a.text, ""))
            elif (a.title, a.text) != (b.title, b.text):
                changes.append(Change("amended", section, a.key, b.title, a.text, b.text,
                                      word_changes(a.text, b.text)))
        for b in after:
            if b.section == section and b.key not in old:
                changes.append(Change("added", section, b.key, b.title, "", b.text))
    return changes


def changes_since_previous(session: Session) -> list[Change]:
    """What changed in ``session`` since the version it revises; [] for a start meeting."""
    if session.evaluation is None:
        return []
    return compare(session.evaluation.previous_articles, articles(session))


# --- in words ----------------------------------------------------------------------------

_KEYS: dict[str, tuple[type[Enum], ...]] = {
    "contributions": (ContributionKind, Period),
    "organising": (DecisionRule, ChairKind, Representation, Financing, EvaluationKind),
    "roles": (RoleKind,),
    "clauses": (ClauseKind,),
    "goals": (QuadrupleAim,),
}
ORGANISING_TITLES = {
    "decision_rule": N_("Decision-making"),
    "chair": N_("Chair"),
    "cadence": N_("Meeting cadence"),
    "annual_calendar": N_("Annual calendar"),
    "representation": N_("Representation"),
    "financing": N_("Financing"),
    "evaluation": N_("Evaluation"),
}


def _word(section: str, part: str, lang: Language) -> str:
    for enum in _KEYS.get(section, ()):
        try:
            return label(enum(part), lang)
        except ValueError:
            continue
    return part


def readable(section: str, text: str, lang: Language) -> str:
    """An article's text with stored keys ("quarter", "in_kind") in words."""
    if section not in _KEYS:
        return text
    return " · ".join(", ".join(_word(section, p, lang) for p in part.split(", "))
                      for part in text.split(" · "))


def readable_title(section: str, title: str, lang: Language) -> str:
    """An article's name as a reader knows it (a kind of role, a clause, a question)."""
    if section == "organising":
        base = title.removesuffix("_note")
        return tr(ORGANISING_TITLES[base], lang) if base in ORGANISING_TITLES else title
    return _word(section, title, lang)
