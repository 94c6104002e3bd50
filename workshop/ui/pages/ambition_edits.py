"""Every change the ambition page makes to the session, each one undoable edit.

Kept apart from the widgets so that each edit names all the areas it touches in one
place (a removed card takes its dots along; a removed cluster hands its cards back to
"not clustered"; a removed goal unlinks the actions that served it).
"""

from __future__ import annotations

from collections.abc import Callable

from workshop.domain.model import Card, Cluster, Goal, QuadrupleAim, Session, Vote, new_id
from workshop.i18n import tr

NEW_CLUSTER = "\x00new-cluster"
"""A drop or pick target meaning "make a new cluster of these cards"."""

TryEdit = Callable[..., bool]


def dots_used(session: Session) -> dict[str, int]:
    """Dots each participant has placed."""
    used: dict[str, int] = {}
    for vote in session.ambition.votes:
        used[vote.participant_id] = used.get(vote.participant_id, 0) + vote.dots
    return used


class AmbitionEdits:
    """The ambition page's edits, through ``try_edit`` (refusals go to the status line)."""

    def __init__(self, session: Callable[[], Session], try_edit: TryEdit,
                 message: Callable[[str], None]) -> None:
        self._session = session
        self._try_edit = try_edit
        self.message = message

    @property
    def session(self) -> Session:
        return self._session()

    # --- cards ---------------------------------------------------------------------

    def add_card(self, text: str, author_id: str | None) -> str | None:
        """A new card (not clustered yet); its id, or None if there was no text."""
        text = text.strip()
        if not text:
            self.message(tr("Type the card's text first."))
            return None
        card = Card(id=new_id("k"), text=text, author_id=author_id)

        def mutate(s: Session) -> None:
            s.ambition.cards.append(card)

        return card.id if self._try_edit(tr("Add a card"), ("ambition.cards",), mutate) \
            else None

    def set_card_text(self, card_id: str, text: str) -> bool:
        text = text.strip()
        if not text:
            self.message(tr("A card needs text; to remove it, press Del."))
            return False

        def mutate(s: Session) -> None:
            for card in s.ambition.cards:
                if card.id == card_id:
                    card.text = text

        return self._try_edit(tr("Edit a card"), ("ambition.cards",), mutate)

    def remove_cards(self, ids: list[str]) -> bool:
        """Remove cards and the dots on them."""
        gone = set(ids)

        def mutate(s: Session) -> None:
            a = s.ambition
            a.cards = [c for c in a.cards if c.id not in gone]
            a.votes = [v for v in a.votes if v.card_id not in gone]

        label = tr("Remove a card") if len(gone) == 1 else tr("Remove cards")
        if not self._try_edit(label, ("ambition.cards", "ambition.votes"), mutate):
            return False
        self.message(tr("Card removed. Ctrl+Z brings it back.") if len(gone) == 1
                     else tr("{n} cards removed. Ctrl+Z brings them back.", n=len(gone)))
        return True

    def move_cards(self, ids: list[str], cluster_id: str | None) -> bool:
        """Put cards in a cluster (None: not clustered), at the bottom of its column."""
        moving = set(ids)

        def mutate(s: Session) -> None:
            a = s.ambition
            moved = [c for c in a.cards if c.id in moving]
            for card in moved:
                card.cluster_id = cluster_id
            a.cards = [c for c in a.cards if c.id not in moving] + moved

        label = tr("Move a card") if len(moving) == 1 else tr("Move cards")
        return self._try_edit(label, ("ambition.cards",), mutate)

    # --- clusters ------------------------------------------------------------------

    def new_cluster(self, ids: list[str]) -> str | None:
        """A new, unnamed cluster holding ``ids``; its id, or None if refused."""
        cluster = Cluster(id=new_id("cl"), name="")
        moving = set(ids)

        def mutate(s: Session) -> None:
            a = s.ambition
            a.clusters.append(cluster)
            moved = [c for c in a.cards if c.id in moving]
            for card in moved:
                card.cluster_id = cluster.id
            a.cards = [c for c in a.cards if c.id not in moving] + moved

        ok = self._try_edit(tr("New cluster"), ("ambition.clusters", "ambition.cards"), mutate)
        return cluster.id if ok else None

    def remove_cluster(self, cluster_id: str) -> bool:
        """Remove a cluster; its cards go back to "not clustered"."""
        name = next((c.name for c in self.session.ambition.clusters if c.id == cluster_id), "")

        def mutate(s: Session) -> None:
            a = s.ambition
            a.clusters = [c for c in a.clusters if c.id != cluster_id]
            for card in a.cards:
                if card.cluster_id == cluster_id:
                    card.cluster_id = None

        if not self._try_edit(tr("Remove a cluster"), ("ambition.clusters", "ambition.cards"),
                              mutate):
            return False
        self.message(tr("Cluster “{name}” removed; its cards are under Not clustered. "
                        "Ctrl+Z brings it back.", name=name or tr("(unnamed cluster)")))
        return True

    # --- dots ----------------------------------------------------------------------

    def vote(self, participant_id: str | None, card_id: str, delta: int) -> bool:
        """One dot more (+1) or less (-1); refused with a message past the budget."""
        s = self.session
        if participant_id is None or s.participant(participant_id) is None:
            self.message(tr("Choose who is voting first (Ctrl+↑/↓ on the board)."))
            return False
        name = s.participant(participant_id).name  # type: ignore[union-attr]
        budget = s.ambition.vote_budget
        used = dots_used(s).get(participant_id, 0)
        existing = next((v for v in s.ambition.votes
                         if v.participant_id == participant_id and v.card_id == card_id), None)
        if delta > 0 and used >= budget:
            self.message(tr("{name} has used all {budget} dots. Take one back (−) or raise "
                            "the number of dots first.", name=name, budget=budget))
            return False
        if delta < 0 and existing is None:
            self.message(tr("{name} has no dot on this card.", name=name))
            return False

        def mutate(s: Session) -> None:
            votes = s.ambition.votes
            vote = next((v for v in votes
                         if v.participant_id == participant_id and v.card_id == card_id), None)
            if vote is None:
                votes.append(Vote(participant_id=participant_id, card_id=card_id, dots=1))
            elif vote.dots + delta <= 0:
                votes.remove(vote)
            else:
                vote.dots += delta

        label = tr("Add a dot") if delta > 0 else tr("Take a dot back")
        if not self._try_edit(label, ("ambition.votes",), mutate):
            return False
        if delta > 0 and used + 1 == budget:
            self.message(tr("{name} has used all {budget} dots. Ctrl+↓: the next participant.",
                            name=name, budget=budget))
        return True

    def set_budget(self, budget: int) -> bool:
        def mutate(s: Session) -> None:
            s.ambition.vote_budget = budget

        return self._try_edit(tr("Change the dots per participant"),
                              ("ambition.vote_budget",), mutate, "vote-budget")

    # --- goals ---------------------------------------------------------------------

    def add_goal(self, aim: QuadrupleAim, text: str) -> str | None:
        text = text.strip()
        if not text:
            self.message(tr("Type the goal first."))
            return None
        goal = Goal(id=new_id("g"), aim=aim, text=text)

        def mutate(s: Session) -> None:
            s.ambition.goals.append(goal)

        return goal.id if self._try_edit(tr("Add a goal"), ("ambition.goals",), mutate) \
            else None

    def remove_goal(self, goal_id: str) -> bool:
        """Remove a goal; actions that served it keep going, without the link."""
        linked = sum(1 for a in self.session.roadmap.actions if a.goal_id == goal_id)

        def mutate(s: Session) -> None:
            s.ambition.goals = [g for g in s.ambition.goals if g.id != goal_id]
            for action in s.roadmap.actions:
                if action.goal_id == goal_id:
                    action.goal_id = None

        if not self._try_edit(tr("Remove a goal"), ("ambition.goals", "roadmap.actions"),
                              mutate):
            return False
        if linked == 1:
            self.message(tr("Goal removed; 1 action no longer serves it. Ctrl+Z brings it "
                            "back."))
        elif linked:
            self.message(tr("Goal removed; {n} actions no longer serve it. Ctrl+Z brings it "
                            "back.", n=linked))
        else:
            self.message(tr("Goal removed. Ctrl+Z brings it back."))
        return True
