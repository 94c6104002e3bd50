"""A signature block prints whole the name of who signs, their function and the legal
name of the party they bind: long ones wrap, never cut."""

from __future__ import annotations

from pdfcheck import EXPORTED_AT, positioned_text, squash
from test_export_signing import signed_demo

from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import Session
from workshop.domain.parties import party_views
from workshop.export.agreement import AgreementOptions, export_agreement

NAME = "Maria-Josefina van der Heijden-Oppenhuizen tot Nijenrode en Ouderkerk aan de Amstel"
FUNCTION = "voorzitter van de raad van bestuur en bestuurder zorg, wonen en welzijn"
LEGAL = ("Stichting Zorgverzekeraarsinkoopsamenwerkingsovereenkomst Regio Waalzoom, "
         "Betuwe en Bommelerwaard")


def _long_signer(paper: bool) -> tuple[Session, bytes]:
    session = signed_demo()
    first = next(v for v in party_views(session) if v.signs)
    assert first.representative is not None
    for p in session.participants:
        if p.id == first.representative.id:
            p.name = NAME
    for org in session.legal.organisations:
        if org.name == first.org.name:
            org.function = FUNCTION
            org.legal_name = LEGAL
    fp = fingerprint(session)
    for signature in session.signatures:  # signed on this very text
        signature.fingerprint = fp
    session = Session.model_validate(session.model_dump())
    bare = AgreementOptions(language="nl", paper=paper, participants=False,
                            interests=False, consent=False, roadmap=False)
    return session, export_agreement(session, bare, EXPORTED_AT)


def _signature_section(data: bytes) -> list[tuple[int, float, float, str]]:
    texts = positioned_text(data)
    start = min(n for n, _, _, t in texts if "Aldus overeengekomen" in t)
    return [t for t in texts if t[0] >= start]


def test_long_names_functions_and_legal_names_are_printed_whole() -> None:
    for paper in (False, True):
        _, data = _long_signer(paper)
        section = _signature_section(data)
        text = squash("".join(t for *_, t in section))
        assert squash(NAME) in text
        assert squash(FUNCTION) in text
        assert squash(LEGAL) in text
        assert "…" not in text
        assert "ONGELDIG" not in text


def test_a_block_that_grows_keeps_clear_of_the_row_below() -> None:
    """The long block takes more lines; the block below it starts with its pad (48 pt
    to sign in) under the long block's last line, not over it."""
    _, data = _long_signer(False)
    section = _signature_section(data)
    text = squash("".join(t for *_, t in section))
    assert squash(NAME) in text and squash(LEGAL) in text
    page, x, top = next((n, x, y) for n, x, y, t in section if t.startswith("Maria"))
    column = sorted((y for n, x2, y, _ in section if n == page and abs(x2 - x) < 1
                     and y <= top), reverse=True)
    gaps = [a - b for a, b in zip(column, column[1:], strict=False)]
    # Lines of a block are 10.5-11 pt apart; the first larger gap is the next block's
    # pad, and it comes after the long block's last line.
    block = next(n for n, gap in enumerate(gaps) if gap > 20)
    assert block >= 9  # name 2 lines, function 2, legal name 3, place, when, status
    assert gaps[block] > 48
