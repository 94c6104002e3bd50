"""Changes of the interests step: the interests and the links between them."""

from __future__ import annotations

from workshop.domain.model import InterestItem, InterestLink, LinkKind, Session
from workshop.domain.operations import operation


@operation("interests.items")
def add_interest(session: Session, item: InterestItem) -> None:
    session.interests.items.append(item.model_copy())


@operation("interests.items")
def set_interest_text(session: Session, item_id: str, text: str) -> None:
    for item in session.interests.items:
        if item.id == item_id:
            item.text = text


@operation("interests.items", "interests.links")
def remove_interest(session: Session, item_id: str) -> None:
    """Remove an interest and the links it is part of."""
    interests = session.interests
    interests.items = [i for i in interests.items if i.id != item_id]
    interests.links = [link for link in interests.links
                       if item_id not in (link.a_id, link.b_id)]


@operation("interests.items")
def set_interest_private(session: Session, item_id: str, private: bool) -> None:
    """Private: never on the projector or in a PDF."""
    for item in session.interests.items:
        if item.id == item_id:
            item.private = private


@operation("interests.links")
def add_link(session: Session, link: InterestLink) -> None:
    session.interests.links.append(link.model_copy())


@operation("interests.links")
def set_link_note(session: Session, link_id: str, note: str) -> None:
    for link in session.interests.links:
        if link.id == link_id:
            link.note = note


@operation("interests.links")
def set_link_kind(session: Session, link_id: str, kind: LinkKind) -> None:
    for link in session.interests.links:
        if link.id == link_id:
            link.kind = kind


@operation("interests.links")
def remove_link(session: Session, link_id: str) -> None:
    session.interests.links = [link for link in session.interests.links
                               if link.id != link_id]
