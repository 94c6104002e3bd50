"""The signature section is the parties': one block per party's representative. Other
participants who signed stand apart, under a heading that says they bind no party."""

from __future__ import annotations

import pytest
from pdfcheck import EXPORTED_AT, body_text, squash
from samples import large_session
from test_export_signing import signed_demo

from workshop.domain.model import Session
from workshop.domain.parties import party_views
from workshop.export.agreement import AgreementOptions, export_agreement

WORDS = {
    "nl": ("Handtekeningen", "Voorgeziendoordedeelnemers", "Geldigvoordezetekst",
           "{n}-voudondertekend"),
    "en": ("Signatures", "Seenbytheparticipants", "Validforthistext", "in{n}copies"),
}


@pytest.mark.parametrize(("which", "lang"), [("large", "en"), ("large", "nl"),
                                             ("demo", "nl")])
def test_representatives_sign_for_the_parties_the_others_apart(which: str,
                                                               lang: str) -> None:
    session: Session = large_session() if which == "large" else signed_demo()
    bare = AgreementOptions(language=lang, participants=False, interests=False,  # type: ignore[arg-type]
                            consent=False, roadmap=False)
    text = body_text(export_agreement(session, bare, EXPORTED_AT))
    heading, seen, valid, copies = WORDS[lang]
    signing = [v for v in party_views(session) if v.signs and v.representative]
    signers = {v.representative.id for v in signing if v.representative}
    others = [p for p in session.participants
              if p.id in {s.participant_id for s in session.signatures} - signers]
    assert others, "the session must have participants who sign without a party"
    section = text.split(heading)[-1]
    parties, apart = section.split(seen)
    assert copies.format(n=len(signing)) in parties
    # One block per signing party, with its representative and legal name; nobody else.
    assert parties.count(valid) == len(signing)
    for v in signing:
        assert v.representative is not None
        assert squash(v.representative.name) in parties
        assert squash(v.legal_name) in parties
    assert apart.count(valid) == len(others)
    for p in others:
        assert squash(p.name) in apart
        assert squash(p.name) not in parties
