"""Every change the ambition page makes to the session, each one undoable edit.

The changes themselves (and the areas each touches: a removed card takes its dots
along; a removed cluster hands its cards back to "not clustered"; a removed goal unlinks
the actions that served it) are operations in ``workshop.domain.edits.ambition``; here
is what the page says around them.
"""

from __future__ import annotations

from collections.abc import Callable

from workshop.domain.edits import ambition as edits
from workshop.domain.model import Card, Cluster, Goal, QuadrupleAim, Session, new_id
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
        return card.id if self._try_edit(tr("Add a card"), edits.add_card, card) else None

    def set_card_text(self, card_id: str, text: str) -> bool:
        text = text.strip()
        if not text:
            self.message(tr("A card needs text; to remove it, press Del."))
            return False
        return self._try_edit(tr("Edit a card"), edits.set_card_text, card_id, text)

    def remove_cards(self, ids: list[str]) -> bool:
        """Remove cards and the dots on them."""
        gone = set(ids)
        label = tr("Remove a card") if len(gone) == 1 else tr("Remove cards")
        if not self._try_edit(label, edits.remove_cards, ids):
            return False
        self.message(tr("Card removed. Ctrl+Z brings it back.") if len(gone) == 1
                     else tr("{n} cards removed. Ctrl+Z brings them back.", n=len(gone)))
        return True

    def move_cards(self, ids: list[str], cluster_id: str | None) -> bool:
        """Put cards in a cluster (None: not clustered), at the bottom of its column."""
        moving = set(ids)
        label = tr("Move a card") if len(moving) == 1 else tr("Move cards")
        return self._try_edit(label, edits.move_cards, ids, cluster_id)

    # --- clusters ------------------------------------------------------------------

    def new_cluster(self, ids: list[str]) -> str | None:
        """A new, unnamed cluster holding ``ids``; its id, or None if refused."""
        cluster = Cluster(id=new_id("cl"), name="")
        ok = self._try_edit(tr("New cluster"), edits.new_cluster, cluster, ids)
        return cluster.id if ok else None

    def remove_cluster(self, cluster_id: str) -> bool:
        """Remove a cluster; its cards go back to "not clustered"."""
        name = next((c.name for c in self.session.ambition.clusters if c.id == cluster_id), "")
        if not self._try_edit(tr("Remove a cluster"), edits.remove_cluster, cluster_id):
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
        label = tr("Add a dot") if delta > 0 else tr("Take a dot back")
        if not self._try_edit(label, edits.vote, participant_id, card_id, delta):
            return False
        if delta > 0 and used + 1 == budget:
            self.message(tr("{name} has used all {budget} dots. Ctrl+↓: the next participant.",
                            name=name, budget=budget))
        return True

    def set_budget(self, budget: int) -> bool:
        """Refused with the names of those who placed more dots than ``budget``."""
        s = self.session
        over = [(participant.name, used) for pid, used in dots_used(s).items()
                if used > budget and (participant := s.participant(pid)) is not None]
        if over:
            names = ", ".join(f"{name} ({used})"
                              for name, used in sorted(over, key=lambda o: -o[1]))
            self.message(tr("The dots per participant cannot go down to {budget}: more were "
                            "placed already by {names}. Take dots back first.",
                            budget=budget, names=names))
            return False
        return self._try_edit(tr("Change the dots per participant"), edits.set_vote_budget,
                              budget, merge_key="vote-budget")

    # --- goals ---------------------------------------------------------------------

    def add_goal(self, aim: QuadrupleAim, text: str) -> str | None:
        text = text.strip()
        if not text:
            self.message(tr("Type the goal first."))
            return None
        goal = Goal(id=new_id("g"), aim=aim, text=text)
        return goal.id if self._try_edit(tr("Add a goal"), edits.add_goal, goal) else None

    def remove_goal(self, goal_id: str) -> bool:
        """Remove a goal; actions that served it keep going, without the link."""
        linked = sum(1 for a in self.session.roadmap.actions if a.goal_id == goal_id)
        if not self._try_edit(tr("Remove a goal"), edits.remove_goal, goal_id):
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
