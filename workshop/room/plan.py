"""What a phone's action becomes: an edit of the session, or a refusal in plain words.

A pure function of the session, the open activity and the sender's own participant:
the UI thread calls it just before ``document.edit``, so it always judges the session
as it is at that moment (a card removed since, a budget lowered since). It never
trusts the phone: the participant is the device's bound one, never a field of the
message, and the activity must be the one open now.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workshop.domain import diagnostics as dg
from workshop.domain.consent import decide_with_note, subject_exists
from workshop.domain.edits import ambition, interests
from workshop.domain.model import (
    Card,
    InterestItem,
    Session,
    new_id,
)
from workshop.domain.operations import Operation
from workshop.i18n import N_, Language, tr
from workshop.room.protocol import (
    ActivityKind,
    AddCard,
    AddInterest,
    Consent,
    Dot,
    Forms,
    Mark,
    Score,
)

MAX_CARDS_EACH = 100
"""Cards one participant may have on the wall: a phone cannot flood it."""
MAX_INTERESTS_EACH = 60
NEEDS: dict[type, ActivityKind] = {
    AddCard: ActivityKind.CARDS,
    Dot: ActivityKind.DOTS,
    AddInterest: ActivityKind.INTERESTS,
    Score: ActivityKind.SCAN,
    Mark: ActivityKind.SCAN,
    Forms: ActivityKind.SCAN,
    Consent: ActivityKind.CONSENT,
}


OPERATIONS: dict[ActivityKind, tuple[Operation[Any, Any], ...]] = {
    ActivityKind.NONE: (),
    ActivityKind.CARDS: (ambition.add_card,),
    ActivityKind.DOTS: (ambition.vote,),
    ActivityKind.INTERESTS: (interests.add_interest,),
    ActivityKind.SCAN: (dg.set_score, dg.set_mark, dg.set_forms),
    ActivityKind.CONSENT: (decide_with_note,),
}
"""The operations a phone's answer in each activity may become."""


def activity_areas(kind: ActivityKind) -> tuple[str, ...]:
    """What the phones' answers in activity ``kind`` may touch: the areas of its
    operations (nothing open: the cards, as the wall is what shows)."""
    areas = [area for op in OPERATIONS[kind] for area in op.areas()]
    return tuple(dict.fromkeys(areas)) or ("ambition.cards",)


@dataclass(frozen=True)
class Activity:
    """What the facilitator has opened to the phones; a new serial for every opening."""

    kind: ActivityKind = ActivityKind.NONE
    subject_id: str = ""
    """CONSENT: the item under discussion (a principle's or rule's id, "ambition"...)."""
    moment_id: str = ""
    """SCAN: the measurement moment the phones answer in."""
    anonymous: bool = False
    """The projector shows no names for this activity."""
    hold: bool = False
    """CARDS: cards wait for the facilitator's approval before they reach the wall."""
    serial: int = 0

    @property
    def key(self) -> str:
        return f"{self.kind.value}-{self.serial}"


@dataclass(frozen=True)
class Planned:
    """An edit to run through the document: its name in the undo list, and the
    operation (which says the areas it touches) with its arguments."""

    what: str
    """The message id of its name in the undo list, with the participant's ``{name}``."""
    name: str
    op: Operation[Any, Any]
    args: tuple[Any, ...] = ()
    item_id: str = ""
    """The id of what was made (a card's, an interest's), for the phone's list."""

    def label(self, lang: Language) -> str:
        """Its name in the undo list, in the facilitator's language ``lang``."""
        return tr(self.what, lang, name=self.name)

    @property
    def areas(self) -> tuple[str, ...]:
        return self.op.areas(*self.args)

    def mutate(self, session: Session) -> None:
        self.op(session, *self.args)


@dataclass(frozen=True)
class Held:
    """A card that waits for the facilitator (activity with ``hold``)."""

    card: Card


@dataclass(frozen=True)
class Refused:
    message: str
    code: str = "refused"
    details: dict[str, str] = field(default_factory=dict)


Outcome = Planned | Held | Refused


def plan(session: Session, activity: Activity, participant_id: str, action: object,
         lang: Language, held: int = 0) -> Outcome:
    """Judge ``action`` of ``participant_id`` (the device's own) in ``activity``;
    ``held``: that participant's cards waiting for the facilitator's approval (they
    count towards ``MAX_CARDS_EACH`` as if on the wall already)."""
    who = session.participant(participant_id)
    if who is None:
        return Refused(tr("You are no longer on the list of participants. Ask the "
                          "facilitator.", lang), "unknown_participant")
    if not who.present:
        return Refused(tr("You are marked absent. Ask the facilitator.", lang), "absent")
    if activity.kind is ActivityKind.NONE or NEEDS.get(type(action)) is not activity.kind:
        return Refused(tr("This question is not open (any more). Look at the projector.",
                          lang), "not_open")
    name = who.name
    if isinstance(action, AddCard):
        return _add_card(session, activity, participant_id, name, action, lang, held)
    if isinstance(action, Dot):
        return _dot(session, participant_id, name, action, lang)
    if isinstance(action, AddInterest):
        return _add_interest(session, participant_id, name, action, lang)
    if isinstance(action, (Score, Mark, Forms)):
        return _scan(session, activity, participant_id, name, action, lang)
    if isinstance(action, Consent):
        return _consent(session, activity, participant_id, name, action, lang)
    return Refused(tr("This question is not open (any more). Look at the projector.", lang),
                   "not_open")


def cards_of(session: Session, pid: str) -> int:
    """Cards of ``pid`` on the wall."""
    return sum(1 for c in session.ambition.cards if c.author_id == pid)


def _add_card(session: Session, activity: Activity, pid: str, name: str, action: AddCard,
              lang: Language, held: int) -> Outcome:
    if cards_of(session, pid) + held >= MAX_CARDS_EACH:
        return Refused(tr("You have added {n} cards, the most one person can add.", lang,
                          n=MAX_CARDS_EACH), "too_many")
    card = Card(id=new_id("k"), text=action.text, author_id=pid)
    if activity.hold:
        return Held(card)
    return Planned(N_("{name} (phone): add a card"), name, ambition.add_card, (card,),
                   card.id)


def approve(session: Session, card: Card, name: str) -> Planned | None:
    """A held card the facilitator lets through; None when its author has
    ``MAX_CARDS_EACH`` cards on the wall already (the limit holds for held cards too)."""
    if cards_of(session, card.author_id or "") >= MAX_CARDS_EACH:
        return None
    return Planned(N_("{name} (phone): add a card"), name, ambition.add_card, (card,),
                   card.id)


def _dot(session: Session, pid: str, name: str, action: Dot, lang: Language) -> Outcome:
    a = session.ambition
    if not any(c.id == action.card_id for c in a.cards):
        return Refused(tr("That card is no longer on the wall.", lang), "no_card")
    used = sum(v.dots for v in a.votes if v.participant_id == pid)
    existing = next((v for v in a.votes
                     if v.participant_id == pid and v.card_id == action.card_id), None)
    if action.delta > 0 and used >= a.vote_budget:
        return Refused(tr("You have used all {budget} dots. Take one back first.", lang,
                          budget=a.vote_budget), "budget")
    if action.delta < 0 and existing is None:
        return Refused(tr("You have no dot on this card.", lang), "no_dot")
    card_id, delta = action.card_id, action.delta

    what = (N_("{name} (phone): add a dot") if delta > 0
            else N_("{name} (phone): take a dot back"))
    return Planned(what, name, ambition.vote, (pid, card_id, delta), card_id)


def _add_interest(session: Session, pid: str, name: str, action: AddInterest,
                  lang: Language) -> Outcome:
    mine = sum(1 for i in session.interests.items if i.participant_id == pid)
    if mine >= MAX_INTERESTS_EACH:
        return Refused(tr("You have added {n} interests, the most one person can add.",
                          lang, n=MAX_INTERESTS_EACH), "too_many")
    item = InterestItem(id=new_id("b"), participant_id=pid, kind=action.interest,
                        text=action.text, private=action.private)
    return Planned(N_("{name} (phone): add an interest"), name, interests.add_interest,
                   (item,), item.id)


def _scan(session: Session, activity: Activity, pid: str, name: str,
          action: Score | Mark | Forms, lang: Language) -> Outcome:
    moment_id = activity.moment_id
    if dg.moment(session, moment_id) is None:
        return Refused(tr("This question is not open (any more). Look at the projector.",
                          lang), "not_open")
    if isinstance(action, Score):
        condition, score = action.condition, action.score
        return Planned(N_("{name} (phone): a score"), name, dg.set_score,
                       (moment_id, pid, condition, score))
    if isinstance(action, Mark):
        if not any(a.id == action.axis_id for a in session.diagnostics.axes):
            return Refused(tr("That question is no longer asked.", lang), "no_axis")
        axis_id, value = action.axis_id, action.value
        return Planned(N_("{name} (phone): a mark on a spectrum"), name, dg.set_mark,
                       (moment_id, pid, axis_id, value))
    forms = list(action.forms)
    return Planned(N_("{name} (phone): forms of collaboration"), name, dg.set_forms,
                   (moment_id, pid, forms))


def _consent(session: Session, activity: Activity, pid: str, name: str, action: Consent,
             lang: Language) -> Outcome:
    if action.subject_id != activity.subject_id or not subject_exists(session,
                                                                     action.subject_id):
        return Refused(tr("This question is not open (any more). Look at the projector.",
                          lang), "not_open")
    subject, decision, note = action.subject_id, action.decision, action.note
    return Planned(N_("{name} (phone): consent round"), name, decide_with_note,
                   (subject, pid, decision, note))
