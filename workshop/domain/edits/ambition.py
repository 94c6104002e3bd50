"""Changes of the ambition step: cards, clusters, dots, goals."""

from __future__ import annotations

from workshop.domain.model import Card, Cluster, Goal, QuadrupleAim, Session, Vote
from workshop.domain.operations import operation


@operation("ambition.cards")
def add_card(session: Session, card: Card) -> None:
    session.ambition.cards.append(card.model_copy())


@operation("ambition.cards")
def set_card_text(session: Session, card_id: str, text: str) -> None:
    cards = session.ambition.cards
    for index, card in enumerate(cards):
        if card.id == card_id:
            cards[index] = card.model_copy(update={"text": text})


@operation("ambition.statement")
def set_statement(session: Session, text: str) -> None:
    session.ambition.statement = text


@operation("ambition.cards", "ambition.votes")
def remove_cards(session: Session, ids: list[str]) -> None:
    """Remove cards and the dots on them."""
    gone = set(ids)
    a = session.ambition
    a.cards = [c for c in a.cards if c.id not in gone]
    a.votes = [v for v in a.votes if v.card_id not in gone]


def _to_cluster(session: Session, ids: list[str], cluster_id: str | None) -> None:
    moving = set(ids)
    a = session.ambition
    moved = [c.model_copy(update={"cluster_id": cluster_id}) for c in a.cards
             if c.id in moving]
    a.cards = [c for c in a.cards if c.id not in moving] + moved


@operation("ambition.cards")
def move_cards(session: Session, ids: list[str], cluster_id: str | None) -> None:
    """Put cards in a cluster (None: not clustered), at the bottom of its column."""
    _to_cluster(session, ids, cluster_id)


@operation("ambition.clusters", "ambition.cards")
def new_cluster(session: Session, cluster: Cluster, ids: list[str]) -> None:
    """``cluster`` added, holding the cards ``ids``."""
    session.ambition.clusters.append(cluster)
    _to_cluster(session, ids, cluster.id)


@operation("ambition.clusters")
def set_cluster_name(session: Session, cluster_id: str, name: str) -> None:
    for cluster in session.ambition.clusters:
        if cluster.id == cluster_id:
            cluster.name = name


@operation("ambition.clusters", "ambition.cards")
def remove_cluster(session: Session, cluster_id: str) -> None:
    """Remove a cluster; its cards go back to "not clustered"."""
    a = session.ambition
    a.clusters = [c for c in a.clusters if c.id != cluster_id]
    a.cards = [c.model_copy(update={"cluster_id": None}) if c.cluster_id == cluster_id
               else c for c in a.cards]


@operation("ambition.votes")
def vote(session: Session, participant_id: str, card_id: str, delta: int) -> None:
    """``delta`` dots more on the card for the participant (a vote at 0 goes)."""
    votes = session.ambition.votes
    found = next((v for v in votes
                  if v.participant_id == participant_id and v.card_id == card_id), None)
    if found is None:
        votes.append(Vote(participant_id=participant_id, card_id=card_id, dots=1))
    elif found.dots + delta <= 0:
        votes.remove(found)
    else:
        found.dots += delta


@operation("ambition.vote_budget")
def set_vote_budget(session: Session, budget: int) -> None:
    session.ambition.vote_budget = budget


@operation("ambition.goals")
def add_goal(session: Session, goal: Goal) -> None:
    session.ambition.goals.append(goal)


@operation("ambition.goals")
def set_goal_aim(session: Session, goal_id: str, aim: QuadrupleAim | None) -> None:
    """The aim a goal serves (a goal always has one: None changes nothing)."""
    for goal in session.ambition.goals:
        if goal.id == goal_id and aim is not None:
            goal.aim = aim


@operation("ambition.goals")
def set_goal_text(session: Session, goal_id: str, text: str) -> None:
    for goal in session.ambition.goals:
        if goal.id == goal_id:
            goal.text = text


@operation("ambition.goals", "roadmap.actions")
def remove_goal(session: Session, goal_id: str) -> None:
    """Remove a goal; actions that served it keep going, without the link."""
    session.ambition.goals = [g for g in session.ambition.goals if g.id != goal_id]
    for action in session.roadmap.actions:
        if action.goal_id == goal_id:
            action.goal_id = None
