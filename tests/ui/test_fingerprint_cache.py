"""The document's fingerprint remakes only the printed parts an edit reaches
(``fingerprint.AgreementCache``): after any mix of edits, undo and redo it must be the
full computation's, and so must the agreement's version."""

from __future__ import annotations

import datetime as dt
import random

from workshop.domain import consent as rounds
from workshop.domain.fingerprint import fingerprint_and_version
from workshop.domain.model import (
    AgreementItem,
    Card,
    ConsentRecord,
    Decision,
    InterestItem,
    InterestKind,
    ObjectionResolution,
    Session,
)
from workshop.ui.document import EditRejected, SessionDocument


def _edits(rng: random.Random) -> list[tuple[tuple[str, ...], object]]:
    n = rng.randrange(1_000_000)

    def details(s: Session) -> None:
        s.details.name = f"Regio {n}"

    def language(s: Session) -> None:  # the parties' perspectives are printed in it
        s.details.language = "en" if s.details.language == "nl" else "nl"

    def person(s: Session) -> None:
        p = rng.choice(s.participants)
        p.name = f"{p.name.split(' #')[0]} #{n}"

    def presence(s: Session) -> None:
        p = rng.choice(s.participants)
        p.present = not p.present

    def interest(s: Session) -> None:
        s.interests.items.append(InterestItem(
            id=f"i-{n}", participant_id=rng.choice(s.participants).id,
            kind=rng.choice(list(InterestKind)), text=f"Belang {n}", private=n % 3 == 0))

    def principle_text(s: Session) -> None:
        item = rng.choice(s.principles)
        item.text = f"{item.text.split(' #')[0]} #{n}"

    def rule(s: Session) -> None:
        s.rules.append(AgreementItem(id=f"r-{n}", text=f"Regel {n}"))

    def consent(s: Session) -> None:
        subject = rng.choice([*s.principles, *s.rules]).id
        pid = rng.choice(s.participants).id
        s.consents[:] = [r for r in s.consents
                         if not (r.subject_id == subject and r.participant_id == pid)]
        s.consents.append(ConsentRecord(subject_id=subject, participant_id=pid,
                                        decision=rng.choice(list(Decision)[:2])))

    def objection(s: Session) -> None:  # with a note, printed with the item
        subject = rng.choice([*s.principles, *s.rules]).id
        rounds.decide_with_note(s, subject, rng.choice(s.participants).id,
                                Decision.OBJECTION, f"Bezwaar {n}")

    def resolution(s: Session) -> None:  # a record's fields changed, not the record list
        standing = [r for r in s.consents if r.decision is Decision.OBJECTION]
        if standing:
            r = rng.choice(standing)
            rounds.update_current(s, r.subject_id, r.participant_id,
                                  resolution=rng.choice(list(ObjectionResolution)),
                                  note=f"Opgelost {n}")

    def amendment(s: Session) -> None:  # the objected words amended: history printed
        standing = [r for r in s.consents if r.decision is Decision.OBJECTION
                    and r.resolution is ObjectionResolution.STANDING
                    and any(p.id == r.subject_id for p in s.principles)]
        if standing:
            subject = rng.choice(standing).subject_id

            def set_text(session: Session, text: str) -> None:
                next(p for p in session.principles if p.id == subject).text = text
            rounds.amend(s, subject, set_text, f"Gewijzigd {n}",
                         dt.datetime(2026, 12, 7, 15, 0))

    def statement(s: Session) -> None:
        s.ambition.statement = f"Samen {n}"

    def goal(s: Session) -> None:  # printed in the ambition and beside roadmap actions
        g = rng.choice(s.ambition.goals)
        g.text = f"Doel {n}"

    def card(s: Session) -> None:  # not printed
        s.ambition.cards.append(Card(id=f"c-{n}", text=f"kaart {n}"))

    def cadence(s: Session) -> None:
        s.organising.cadence = f"Elke {n % 12 + 1} weken"

    def action(s: Session) -> None:
        a = rng.choice(s.roadmap.actions)
        a.title = f"Actie {n}"

    return [(("details",), details), (("details",), language),
            (("participants",), person), (("participants",), presence),
            (("interests.items",), interest), (("principles",), principle_text),
            (("rules",), rule), (("consents",), consent), (("consents",), objection),
            (("consents",), resolution),
            (("consents", "amendments", "principles"), amendment), (("ambition",), statement),
            (("ambition",), goal), (("ambition.cards",), card),
            (("organising",), cadence), (("roadmap.actions",), action)]


def test_the_kept_fingerprint_is_always_the_full_one(document: SessionDocument) -> None:
    rng = random.Random(14)
    kinds = set()
    for step in range(500):
        action = rng.random()
        if action < 0.7:
            areas, mutate = rng.choice(_edits(rng))
            kinds.add(mutate.__name__)  # type: ignore[attr-defined]
            try:
                document.edit("edit", areas, mutate)  # type: ignore[arg-type]
            except EditRejected:
                pass
        elif action < 0.85:
            document.undo_stack.undo()
        else:
            document.undo_stack.redo()
        if rng.random() < 0.6:  # asked between some edits, not after every one
            expected = fingerprint_and_version(document.session)
            assert (document.fingerprint(), document.agreement_version()) == expected, step
    assert len(kinds) == 16
    assert (document.fingerprint(), document.agreement_version()) == \
        fingerprint_and_version(document.session)
