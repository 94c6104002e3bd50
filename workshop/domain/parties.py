"""The parties of the agreement: organisations, represented by people.

A participant sits at the table; an organisation signs. ``Session.legal.organisations``
holds what the facilitator entered about each organisation (legal name, form, seat,
KvK number, who signs for it, in what function and on what authority); an organisation
without a record is a party represented by its first participant present. A party
signs only when its representative is present: an absent party, like a client council
or an observer marked "not a party", is named as involved and does not sign.

No Qt, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from workshop.domain.model import (
    Authority,
    ContributionKind,
    LegalForm,
    Organisation,
    Participant,
    Period,
    Session,
)
from workshop.domain.operations import operation
from workshop.locale_format import parse_amount

KVK = re.compile(r"^[0-9]{8}$")

LEGAL_AREAS: tuple[str, ...] = ("legal",)
"""What the edits in this module change (one undo step)."""


def kvk_problem(text: str) -> bool:
    """Whether ``text`` (spaces and dots allowed while typing) is not a KvK number."""
    digits = normalise_kvk(text)
    return bool(digits) and not KVK.match(digits)


def normalise_kvk(text: str) -> str:
    """``"1234 5678"`` -> ``"12345678"``: people type KvK numbers in groups."""
    return re.sub(r"[\s.]", "", text)


def parse_money(text: str, lang: str = "nl") -> Decimal | None:
    """``"25.000"``, ``"25000,50"``, ``"€ 1.250,00"`` -> Decimal; "" -> None.

    Read as every amount is (``workshop.locale_format.parse_amount``): exactly, in the
    writing of ``lang``. Raises ``AmountError`` (a ``ValueError``) otherwise.
    """
    value = parse_amount(text, "en" if lang == "en" else "nl")
    return None if value is None else value.quantize(Decimal("0.01"))


def record(session: Session, name: str) -> Organisation:
    """The stored record of ``name``, or the default one (not stored)."""
    for org in session.legal.organisations:
        if org.name == name:
            return org
    return Organisation(name=name)


def default_representative(session: Session, name: str) -> Participant | None:
    """The first participant of ``name`` present, else its first participant."""
    members = [p for p in session.participants if p.organisation.strip() == name]
    present = [p for p in members if p.present]
    chosen = present or members
    return chosen[0] if chosen else None


def representative(session: Session, name: str) -> Participant | None:
    org = record(session, name)
    if org.representative_id is not None:
        chosen = session.participant(org.representative_id)
        if chosen is not None:
            return chosen
    return default_representative(session, name)


@dataclass(frozen=True)
class PartyView:
    """One organisation as the agreement prints it."""

    org: Organisation
    representative: Participant | None
    function: str
    """The stored function, else the representative's role."""

    @property
    def name(self) -> str:
        return self.org.name

    @property
    def legal_name(self) -> str:
        return self.org.legal_name or self.org.name

    @property
    def signs(self) -> bool:
        """A party whose representative is present signs."""
        return (self.org.party and self.representative is not None
                and self.representative.present)


def party_views(session: Session) -> list[PartyView]:
    """Every organisation of the session, in order of first appearance."""
    out = []
    for name in session.organisations():
        org = record(session, name)
        rep = representative(session, name)
        function = org.function or (rep.role if rep is not None else "")
        out.append(PartyView(org, rep, function))
    return out


def signing_parties(session: Session) -> list[PartyView]:
    return [v for v in party_views(session) if v.signs]


def involved(session: Session) -> list[PartyView]:
    """Organisations named but not signing: not a party, or their signer is absent."""
    return [v for v in party_views(session) if not v.signs]


def unaffiliated(session: Session) -> list[Participant]:
    """Participants without an organisation: named as involved, never a party."""
    return [p for p in session.participants if not p.organisation.strip()]


def is_plain(session: Session) -> bool:
    """True when nothing was entered beyond what follows from the participants.

    Then the agreement's content (and so its fingerprint) is what it was before
    organisations existed: signatures given on older versions stay valid.
    """
    legal = session.legal
    if legal.considerations or legal.place.strip():
        return False
    for org in legal.organisations:
        rep = default_representative(session, org.name)
        if (not org.party or org.legal_name or org.legal_form is not None or org.seat
                or org.kvk or org.authority is not None or org.money_mandate is not None
                or org.involvement):
            return False
        if org.representative_id is not None and (rep is None or rep.id != org.representative_id):
            return False
        if org.function and (rep is None or org.function != rep.role):
            return False
    return True


# --- edits (pure: change the session in place) ----------------------------------------


@operation(*LEGAL_AREAS)
def set_fields(session: Session, name: str, **fields: object) -> None:
    """Set fields of organisation ``name``'s record, creating the record if needed."""
    orgs = session.legal.organisations
    for i, org in enumerate(orgs):
        if org.name == name:
            orgs[i] = Organisation.model_validate({**org.model_dump(), **fields})
            return
    orgs.append(Organisation.model_validate({"name": name, **fields}))


@operation(*LEGAL_AREAS)
def set_place(session: Session, place: str) -> None:
    """Where the agreement is signed."""
    session.legal.place = place


@operation(*LEGAL_AREAS)
def set_considerations(session: Session, paragraphs: list[str]) -> None:
    """The considerations ("whereas...") above the articles, one paragraph each."""
    session.legal.considerations = paragraphs


def rename(session: Session, old: str, new: str) -> None:
    """Follow a rename of an organisation (``participants.set_organisation``)."""
    if any(o.name == new for o in session.legal.organisations):
        return  # merged into an existing organisation: its record wins
    for org in session.legal.organisations:
        if org.name == old:
            org.name = new


def represented_by(session: Session, participant_id: str) -> list[str]:
    """The organisations ``participant_id`` signs for (chosen, or by default)."""
    return [org.name for org in session.legal.organisations
            if (rep := representative(session, org.name)) is not None
            and rep.id == participant_id]


def forget_participant(session: Session, participant_id: str, organisation: str = "",
                       represented: list[str] | None = None) -> None:
    """A removed participant (of ``organisation``) no longer signs for anyone.

    The organisations they represented (``represented``, taken by ``represented_by``
    before they left) lose the function they held as their representative. When none
    of the participants left is of ``organisation``, its record goes (legal name, form,
    seat, KvK, function, mandate): it is no longer printed, nobody could see it.
    """
    gone = set(represented or ())
    leaves = bool(organisation) and organisation not in session.organisations()
    kept = []
    for org in session.legal.organisations:
        if org.representative_id == participant_id:
            org.representative_id = None
        if org.name in gone:
            org.function = ""
        if not (leaves and org.name == organisation):
            kept.append(org)
    session.legal.organisations = kept


# --- money per year (for the mandate check) -------------------------------------------

_PER_YEAR = {Period.MONTH: 12, Period.QUARTER: 4, Period.YEAR: 1, Period.ONE_OFF: 1}


def money_per_year(session: Session, name: str) -> Decimal:
    """Euros ``name`` commits in money in a year (a one-off amount counted in full)."""
    total = Decimal(0)
    for x in session.commitments.contributions:
        if x.organisation == name and x.kind is ContributionKind.MONEY and x.amount:
            total += x.amount * _PER_YEAR[x.period]
    return total


__all__ = ["Authority", "LegalForm", "PartyView", "party_views", "record"]
