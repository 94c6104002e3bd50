"""Removing a participant from a session, and what that takes with it.

A participant is referenced from many places (cards, votes, interests and the links
between them, consent records, action owners, diagnostics, signatures). Removing one
must leave a valid session and, when the facilitator asks for it, nothing of them at
all: the file is shared with the whole table afterwards.

Only cards can be handed over to "the table" (author ``None``): votes, interests,
consent decisions, scores, marks, form choices and a signature are a person's own
statements and mean nothing without that person, so they always go. An action they
own goes to their organisation on hand-over when that organisation stays in the
session; otherwise it loses its owner. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.domain import parties
from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import Owner, Participant, PrintedArticle, Session

REMOVAL_AREAS: tuple[str, ...] = (
    "participants",
    "ambition.cards",
    "ambition.votes",
    "interests",
    "consents",
    "roadmap.actions",
    "commitments",
    "diagnostics.scores",
    "diagnostics.marks",
    "diagnostics.forms",
    "signatures",
    "legal",
    "evaluation",
)
"""Every session area ``remove_participant`` may change (for the undo snapshot)."""


@dataclass(frozen=True)
class RemovalImpact:
    """What removing one participant touches; the dialog's facts."""

    cards: int
    votes: int
    """Their own votes."""
    votes_on_their_cards: int
    """Votes of others on their cards: lost only when the cards are deleted."""
    interests: int
    links: int
    """Overlap/tension links that touch one of their interests."""
    consents: int
    diagnostics: int
    """Scores, spectrum marks and form choices together."""
    signature: bool
    actions: int
    """Actions they own."""
    organisation: str
    """Their organisation, "" when none."""
    organisation_stays: bool
    """Another participant has the same organisation, so it stays in the session."""
    orphaned_organisation_actions: int
    """Actions owned by their organisation that lose their owner (nobody else is of it)."""
    signatures_voided: int
    """Signatures of others that count now and would not after the removal."""
    commitments: int = 0
    """Roles they hold, and contributions and year-plan items of their organisation
    when nobody else of it stays."""
    earlier_version: int = 0
    """In an evaluation meeting, the revised version's articles that are theirs (their
    party entry): handed over they stay, as the record of who signed that version and
    left; deleted they go."""

    @property
    def anything(self) -> bool:
        """True when removing them affects more than the participants list."""
        return bool(self.cards or self.votes or self.interests or self.consents
                    or self.diagnostics or self.signature or self.actions
                    or self.orphaned_organisation_actions or self.signatures_voided
                    or self.commitments or self.earlier_version)


def _remaining_organisations(session: Session, participant_id: str) -> set[str]:
    return {p.organisation.strip() for p in session.participants
            if p.id != participant_id and p.organisation.strip()}


def removal_impact(session: Session, participant_id: str) -> RemovalImpact:
    """Count what ``remove_participant`` would change, without changing anything."""
    person = session.participant(participant_id)
    if person is None:
        raise KeyError(participant_id)
    organisation = person.organisation.strip()
    remaining = _remaining_organisations(session, participant_id)
    their_cards = {c.id for c in session.ambition.cards if c.author_id == participant_id}
    their_items = {i.id for i in session.interests.items if i.participant_id == participant_id}
    d = session.diagnostics
    current = fingerprint(session) if session.signatures else ""
    valid_others = sum(1 for s in session.signatures
                       if s.participant_id != participant_id and s.fingerprint == current)
    voided = 0
    if valid_others:
        trial = session.model_copy(deep=True)
        remove_participant(trial, participant_id, hand_over=True)
        after = fingerprint(trial)
        voided = valid_others - sum(1 for s in trial.signatures if s.fingerprint == after)
    return RemovalImpact(
        cards=len(their_cards),
        votes=sum(1 for v in session.ambition.votes if v.participant_id == participant_id),
        votes_on_their_cards=sum(1 for v in session.ambition.votes
                                 if v.card_id in their_cards
                                 and v.participant_id != participant_id),
        interests=len(their_items),
        links=sum(1 for link in session.interests.links
                  if link.a_id in their_items or link.b_id in their_items),
        consents=sum(1 for r in session.consents if r.participant_id == participant_id),
        diagnostics=(sum(1 for s in d.scores if s.participant_id == participant_id)
                     + sum(1 for m in d.marks if m.participant_id == participant_id)
                     + sum(1 for f in d.forms if f.participant_id == participant_id)),
        signature=any(s.participant_id == participant_id for s in session.signatures),
        actions=sum(1 for a in session.roadmap.actions
                    if a.owner is not None and a.owner.kind == "participant"
                    and a.owner.ref == participant_id),
        organisation=organisation,
        organisation_stays=organisation in remaining,
        orphaned_organisation_actions=sum(
            1 for a in session.roadmap.actions
            if a.owner is not None and a.owner.kind == "organisation"
            and a.owner.ref not in remaining
        ),
        signatures_voided=voided,
        commitments=_commitments_touched(session, participant_id, organisation, remaining),
        earlier_version=sum(1 for a in session.evaluation.previous_articles
                            if a.key.endswith(f":{participant_id}"))
        if session.evaluation is not None else 0,
    )


def _commitments_touched(session: Session, participant_id: str, organisation: str,
                         remaining: set[str]) -> int:
    c = session.commitments
    held = sum(1 for r in c.roles if r.holder is not None and r.holder.kind == "participant"
               and r.holder.ref == participant_id)
    if not organisation or organisation in remaining:
        return held
    return (held + sum(1 for x in c.contributions if x.organisation == organisation)
            + sum(1 for y in c.year_plans if y.organisation == organisation))


def remove_participant(session: Session, participant_id: str, hand_over: bool) -> None:
    """Remove a participant and every reference to them, in place.

    ``hand_over``: their cards stay with "the table" as author and the actions they own
    go to their organisation (when it stays in the session). Otherwise their cards go
    too, with every vote on them, and their actions lose their owner, so that neither
    their id nor their name is left in the session. Raises ``KeyError`` for an unknown id.
    """
    person = session.participant(participant_id)
    if person is None:
        raise KeyError(participant_id)
    organisation = person.organisation.strip()
    remaining = _remaining_organisations(session, participant_id)
    represented = parties.represented_by(session, participant_id)
    if not hand_over:
        _forget_in_previous_articles(session, person, organisation,
                                     leaves=bool(organisation) and organisation not in remaining)
    session.participants = [p for p in session.participants if p.id != participant_id]

    ambition = session.ambition
    if hand_over:
        ambition.cards = [c.model_copy(update={"author_id": None})
                          if c.author_id == participant_id else c for c in ambition.cards]
        gone_cards: set[str] = set()
    else:
        gone_cards = {c.id for c in ambition.cards if c.author_id == participant_id}
        ambition.cards = [c for c in ambition.cards if c.id not in gone_cards]
    ambition.votes = [v for v in ambition.votes
                      if v.participant_id != participant_id and v.card_id not in gone_cards]

    interests = session.interests
    gone_items = {i.id for i in interests.items if i.participant_id == participant_id}
    interests.items = [i for i in interests.items if i.id not in gone_items]
    interests.links = [link for link in interests.links
                       if link.a_id not in gone_items and link.b_id not in gone_items]

    session.consents = [r for r in session.consents if r.participant_id != participant_id]

    for action in session.roadmap.actions:
        owner = action.owner
        if owner is None:
            continue
        if owner.kind == "participant" and owner.ref == participant_id:
            if hand_over and organisation in remaining:
                action.owner = Owner(kind="organisation", ref=organisation)
            else:
                action.owner = None
        elif owner.kind == "organisation" and owner.ref not in remaining:
            action.owner = None  # nobody of that organisation is left in the session

    # Commitments: a role they hold goes to their organisation on hand-over (when it
    # stays); what an organisation that leaves the session brings or plans goes with it.
    c = session.commitments
    for role in c.roles:
        holder = role.holder
        if holder is None:
            continue
        if holder.kind == "participant" and holder.ref == participant_id:
            if hand_over and organisation in remaining:
                role.holder = Owner(kind="organisation", ref=organisation)
            else:
                role.holder = None
        elif holder.kind == "organisation" and holder.ref not in remaining:
            role.holder = None
    for role in c.roles:
        role.represents = [name for name in role.represents if name in remaining]
    c.contributions = [x for x in c.contributions if x.organisation in remaining]
    c.year_plans = [y for y in c.year_plans if y.organisation in remaining]

    d = session.diagnostics
    d.scores = [s for s in d.scores if s.participant_id != participant_id]
    d.marks = [m for m in d.marks if m.participant_id != participant_id]
    d.forms = [f for f in d.forms if f.participant_id != participant_id]

    session.signatures = [s for s in session.signatures if s.participant_id != participant_id]
    parties.forget_participant(session, participant_id, organisation, represented)


def _forget_in_previous_articles(session: Session, person: Participant, organisation: str,
                                 leaves: bool) -> None:
    """An evaluation meeting keeps the revised version's articles as printed
    (``Evaluation.previous_articles``): what of them is the person's goes as it goes
    from the session itself. Their own articles (keyed by their id: their party entry
    with name, organisation, role, represents and mandate) go; where an action's owner
    or a role's holder printed them, that part goes (as the owner does); when nobody of
    their organisation stays, so do its contributions and the organisation as an
    owner, holder or represented party. Free texts that mention them (a principle, an
    action's description) are the table's words and stay, as other people's cards do.
    """
    evaluation = session.evaluation
    if evaluation is None:
        return
    own = f":{person.id}"
    names = {person.name.strip()}
    names |= {a.title.strip() for a in evaluation.previous_articles
              if a.key == f"parties{own}" and a.title.strip()}
    names.discard("")

    def theirs(part: str) -> bool:
        part = part.strip()
        if leaves and part == organisation:
            return True
        return any(part == name or (part.startswith(f"{name} (") and part.endswith(")"))
                   for name in names)

    kept: list[PrintedArticle] = []
    for article in evaluation.previous_articles:
        if article.key.endswith(own):
            continue
        if leaves and article.section == "contributions" and article.title == organisation:
            continue
        if article.section in ("actions", "roles"):
            parts = [p for p in article.text.split(" · ") if not theirs(p)]
            if leaves and article.section == "roles":
                parts = [", ".join(x for x in p.split(", ") if x.strip() != organisation)
                         for p in parts]
            text = " · ".join(p for p in parts if p.strip())
            if text != article.text:
                article = article.model_copy(update={"text": text})
        kept.append(article)
    evaluation.previous_articles = kept


RENAME_AREAS: tuple[str, ...] = ("participants", "roadmap.actions", "commitments", "legal")
"""What ``set_organisation`` may change (the undo step of one edit covers all of it)."""


def set_organisation(session: Session, participant_id: str, organisation: str) -> None:
    """Change a participant's organisation; when nobody else carries the old name, it is
    a rename (a typo fixed, a new name): what the old name owned follows to the new one.

    Actions owned by the organisation, its contributions, year-plan items and roles, and
    the parties a representative speaks for keep pointing at the same party instead of
    leaving the session invalid (which would refuse the edit).
    """
    person = session.participant(participant_id)
    if person is None:
        return
    old = person.organisation.strip()
    person.organisation = organisation
    new = organisation.strip()
    if not old or not new or old == new or old in session.organisations():
        return
    for action in session.roadmap.actions:
        if action.owner is not None and action.owner.kind == "organisation" \
                and action.owner.ref == old:
            action.owner = Owner(kind="organisation", ref=new)
    c = session.commitments
    for contribution in c.contributions:
        if contribution.organisation == old:
            contribution.organisation = new
    for plan in c.year_plans:
        if plan.organisation == old:
            plan.organisation = new
    for role in c.roles:
        if role.holder is not None and role.holder.kind == "organisation" \
                and role.holder.ref == old:
            role.holder = Owner(kind="organisation", ref=new)
        role.represents = [new if name == old else name for name in role.represents]
    parties.rename(session, old, new)
