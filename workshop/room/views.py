"""What one phone may see: the open question and its participant's own entries.

Computed on the UI thread from the session after each change and handed to the server
as plain data, so the server never holds the session. Nothing of another participant
is in here except what the wall shows anyway (the cards to vote on, without authors).
"""

from __future__ import annotations

from typing import Any

from workshop.domain import diagnostics as dg
from workshop.domain.consent import records_for
from workshop.domain.labels import axis_texts, label
from workshop.domain.model import (
    AGREEMENT_SUBJECT,
    AMBITION_SUBJECT,
    CollaborationForm,
    Condition,
    InterestKind,
    Session,
)
from workshop.i18n import N_, Language, tr
from workshop.room.plan import Activity
from workshop.room.protocol import ActivityKind

TITLES = {
    ActivityKind.NONE: N_("Wait for the next question"),
    ActivityKind.CARDS: N_("Why do we need each other? Write your cards"),
    ActivityKind.DOTS: N_("Give your dots to the cards that matter most"),
    ActivityKind.INTERESTS: N_("Your interests"),
    ActivityKind.SCAN: N_("Your view of the collaboration"),
    ActivityKind.CONSENT: N_("Consent round"),
}


def participants_list(session: Session) -> list[dict[str, str]]:
    """The present participants to pick from: name and organisation, nothing more."""
    return [{"id": p.id, "name": p.name, "organisation": p.organisation}
            for p in session.participants if p.present]


def subject_text(session: Session, subject_id: str, lang: Language) -> str:
    if subject_id == AMBITION_SUBJECT:
        statement = session.ambition.statement.strip()
        return statement or tr("The ambition statement", lang)
    if subject_id == AGREEMENT_SUBJECT:
        return tr("The agreement as a whole", lang)
    item = next((i for i in session.principles + session.rules if i.id == subject_id), None)
    return item.text if item is not None else ""


class Pages:
    """Every phone's page from one look at the session: what all pages share (the cards
    to vote on, the lists grouped by participant) is worked out once, not once a phone,
    so forty phones cost little more than one."""

    def __init__(self, session: Session, activity: Activity, *, compact: bool = False
                 ) -> None:
        self.session = session
        self.activity = activity
        self.compact = compact
        """Pages with the cards to vote on by reference (``expand`` makes them whole):
        what goes to the server process, where the ballot is sent once, not once a
        phone."""
        self._by_author: dict[str, list[str]] | None = None
        self._votes: dict[str, dict[str, int]] | None = None
        self._ballot: list[dict[str, Any]] | None = None

    def state(self, participant_id: str, lang: Language) -> dict[str, Any]:
        kind = self.activity.kind
        if kind is ActivityKind.CARDS:
            if self._by_author is None:
                self._by_author = {}
                for card in self.session.ambition.cards:
                    if card.author_id:
                        self._by_author.setdefault(card.author_id, []).append(card.text)
            return phone_state(self.session, self.activity, participant_id, lang,
                               mine=self._by_author.get(participant_id, []))
        if kind is ActivityKind.DOTS:
            if self._votes is None or self._ballot is None:
                self._votes = {}
                for v in self.session.ambition.votes:
                    self._votes.setdefault(v.participant_id, {})[v.card_id] = v.dots
                self._ballot = [{"id": c.id, "text": c.text, "dots": 0}
                                for c in self.session.ambition.cards]
            return phone_state(self.session, self.activity, participant_id, lang,
                               votes=self._votes.get(participant_id, {}),
                               ballot=self._ballot, compact=self.compact)
        return phone_state(self.session, self.activity, participant_id, lang)


def waiting_page(key: str, participant_id: str, name: str, lang: Language
                 ) -> dict[str, Any]:
    """The page of a present participant while no question is open (``key``: the
    activity's); the server makes it itself for a phone that has just chosen its name."""
    return {"activity": {"key": key, "kind": ActivityKind.NONE.value,
                         "title": tr(TITLES[ActivityKind.NONE], lang)},
            "me": {"id": participant_id, "name": name}}


def phone_state(session: Session, activity: Activity, participant_id: str,
                lang: Language, *, mine: list[str] | None = None,
                votes: dict[str, int] | None = None,
                ballot: list[dict[str, Any]] | None = None,
                compact: bool = False) -> dict[str, Any]:
    """The page of one participant's phone (JSON-ready). ``mine``, ``votes`` and
    ``ballot`` are what ``Pages`` worked out once for every phone (the participant's
    card texts; their dots per card; every card with no dots). ``compact``: the cards
    to vote on as ``{"ballot": the shared list, "dots": this participant's}``, which
    ``expand`` turns into the page the phone gets."""
    who = session.participant(participant_id)
    kind = activity.kind
    state: dict[str, Any] = {
        "activity": {"key": activity.key, "kind": kind.value,
                     "title": tr(TITLES[kind], lang)},
        "me": {"id": participant_id, "name": who.name if who else ""},
    }
    if who is None or not who.present:
        state["activity"] = {"key": "none-0", "kind": "none",
                             "title": tr("Ask the facilitator to put you on the list.", lang)}
        return state
    if kind is ActivityKind.CARDS:
        state["mine"] = list(mine) if mine is not None else [
            c.text for c in session.ambition.cards if c.author_id == participant_id]
    elif kind is ActivityKind.DOTS:
        a = session.ambition
        given = votes if votes is not None else {
            v.card_id: v.dots for v in a.votes if v.participant_id == participant_id}
        state["budget"] = a.vote_budget
        state["used"] = sum(given.values())
        if ballot is None:
            ballot = [{"id": c.id, "text": c.text, "dots": 0} for c in a.cards]
        if compact:
            state["cards"] = {"ballot": ballot, "dots": dict(given)}
            return state
        state["cards"] = with_dots(ballot, given)
    elif kind is ActivityKind.INTERESTS:
        state["kinds"] = [{"key": k.value, "label": label(k, lang)} for k in InterestKind]
        state["mine"] = [{"kind": i.kind.value, "text": i.text, "private": i.private}
                         for i in session.interests.items
                         if i.participant_id == participant_id]
    elif kind is ActivityKind.SCAN:
        mid = activity.moment_id
        scores = {c: s.score for (p, c), s in dg.scores_by_cell(session, mid).items()
                  if p == participant_id}
        marks = {a: v for (p, a), v in dg.marks_by_cell(session, mid).items()
                 if p == participant_id}
        forms = set(dg.forms_by_participant(session, mid).get(participant_id, []))
        state["conditions"] = [{"key": c.value, "label": label(c, lang),
                                "score": scores.get(c)} for c in Condition]
        axes = []
        for axis in session.diagnostics.axes:
            title, left, right = axis_texts(axis, lang)
            axes.append({"id": axis.id, "title": title, "left": left, "right": right,
                         "value": marks.get(axis.id)})
        state["axes"] = axes
        state["forms"] = [{"key": f.value, "label": label(f, lang), "chosen": f in forms}
                          for f in CollaborationForm]
    elif kind is ActivityKind.CONSENT:
        record = next((r for r in records_for(session, activity.subject_id)
                       if r.participant_id == participant_id), None)
        state["subject"] = {"id": activity.subject_id,
                            "text": subject_text(session, activity.subject_id, lang)}
        state["decision"] = record.decision.value if record else None
        state["note"] = record.note if record else ""
    return state


def expand(state: dict[str, Any], ballots: dict[str, list[dict[str, Any]]]
           ) -> dict[str, Any]:
    """The page a phone gets from a compact one (``phone_state(compact=True)`` with its
    ballot sent as ``ballots[key]``): every card to vote on, with this phone's dots."""
    cards = state.get("cards")
    if not isinstance(cards, dict):
        return state
    return {**state, "cards": with_dots(ballots.get(str(cards.get("ballot")), []),
                                        cards.get("dots") or {})}


def with_dots(ballot: list[dict[str, Any]], given: dict[str, int]) -> list[dict[str, Any]]:
    """Every card to vote on with one participant's dots: the ballot's own (shared,
    never changed) entries where they gave none."""
    return [card if card["id"] not in given else {**card, "dots": given[card["id"]]}
            for card in ballot]


def answered(session: Session, activity: Activity) -> set[str]:
    """Participants who have given something in the open activity."""
    kind = activity.kind
    if kind is ActivityKind.CARDS:
        return {c.author_id for c in session.ambition.cards if c.author_id}
    if kind is ActivityKind.DOTS:
        return {v.participant_id for v in session.ambition.votes}
    if kind is ActivityKind.INTERESTS:
        return {i.participant_id for i in session.interests.items}
    if kind is ActivityKind.SCAN:
        return dg.respondents(session, activity.moment_id)
    if kind is ActivityKind.CONSENT:
        return {r.participant_id for r in records_for(session, activity.subject_id)}
    return set()
