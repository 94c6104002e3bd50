"""The document skips the signature check only for what the agreement does not print."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from samples import demo_session, large_session

from workshop.domain.fingerprint import UNPRINTED_AREAS, fingerprint, unprinted
from workshop.domain.model import Card, Cluster, Session, Step
from workshop.ui.document import SessionDocument

EDITS: dict[str, Callable[[Session], object]] = {
    "ambition.cards": lambda s: s.ambition.cards.append(Card(id="card-new", text="Nieuw")),
    "ambition.clusters": lambda s: s.ambition.clusters.append(Cluster(id="cl-new", name="X")),
    "ambition.votes": lambda s: s.ambition.votes.pop(),
    "ambition.vote_budget": lambda s: setattr(s.ambition, "vote_budget", 9),
    "interests.links": lambda s: setattr(s.interests.links[0], "note", "anders"),
    "diagnostics": lambda s: s.diagnostics.scores.pop(),
    "view": lambda s: setattr(s.view, "current_step", Step.ROADMAP),
}


def test_every_unprinted_area_has_an_edit_here() -> None:
    assert set(EDITS) == set(UNPRINTED_AREAS)


@pytest.mark.parametrize("area", sorted(EDITS))
def test_an_unprinted_area_really_is_left_out_of_the_fingerprint(area: str) -> None:
    """If the agreement ever prints one of these, skipping the check would hide a void."""
    session = demo_session()
    before = fingerprint(session)
    EDITS[area](session)
    assert fingerprint(session) == before


def test_parts_of_unprinted_areas_are_unprinted_and_printed_areas_are_not() -> None:
    assert unprinted("diagnostics.scores") and unprinted("ambition.cards")
    assert not unprinted("ambition") and not unprinted("ambition.statement")
    assert not unprinted("consents") and not unprinted("diagnosticsx")


def test_a_printed_edit_after_signing_still_voids(make_document: Callable[..., SessionDocument],
                                                  ) -> None:
    document = make_document(large_session())  # signed: its signatures match
    assert document.session.signatures
    voided: list[list[str]] = []
    document.sig_signatures_voided.connect(lambda names, label: voided.append(names))
    document.edit("vote", ("ambition.votes",), EDITS["ambition.votes"])
    document.edit("score", ("diagnostics.scores",), EDITS["diagnostics"])
    assert voided == []
    document.edit("statement", ("ambition.statement",),
                  lambda s: setattr(s.ambition, "statement", "Anders."))
    assert len(voided) == 1 and voided[0]


def test_a_refused_edit_can_be_said_in_each_language(
        make_document: Callable[..., SessionDocument]) -> None:
    """The facilitator reads the refusal in the app's language; a phone's participant
    gets the same problems in the phone's language (``EditRejected.said``)."""
    from workshop.i18n import current_language
    from workshop.ui.document import EditRejected

    document = make_document(demo_session())
    cards = len(document.session.ambition.cards)
    with pytest.raises(EditRejected) as caught:
        document.edit("card", ("ambition.cards",), lambda s: s.ambition.cards.append(
            Card.model_construct(id="card-bad", text="", author_id=None, cluster_id=None)))
    assert len(document.session.ambition.cards) == cards  # nothing changed
    refused = caught.value
    dutch, english = refused.said("nl"), refused.said("en")
    assert dutch and english and dutch != english
    assert refused.problems == refused.said(current_language())
    assert all(p.startswith("ambition.cards") for p in english)
