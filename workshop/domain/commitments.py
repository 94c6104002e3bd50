"""What each party brings: totals per organisation and for the whole collaboration.

Qt-free. ``totals(session)`` returns a ``Totals``:

- ``Totals.parties``: one ``PartyTotals`` per organisation of the session, in the order
  of ``Session.organisations()`` (organisations without a contribution are included,
  with ``count == 0``), followed by any organisation named only in a contribution
  (cannot happen in a valid session, but totals never drop an amount).
- ``Totals.overall``: a ``PartyTotals`` with ``organisation == ""``, the sum of all.

Each ``PartyTotals`` has, separately per kind:

- ``hours_per_year``: people, hours per year;
- ``euros_per_year``: money, euros per year;
- ``in_kind_per_year``: in kind, *estimated* euros per year (never added to money);
- ``one_off_hours``, ``one_off_euros``, ``one_off_in_kind``: one-off amounts, summed
  apart from the yearly ones;
- ``count``: the number of contributions; ``unquantified``: how many have no amount
  (an in-kind contribution like "meeting rooms" may stay unpriced).

Periodic amounts are normalised to a year: per month x12, per quarter x4, per year x1.
Every amount and total is an exact ``Decimal``: 0.1 + 0.2 is 0.3 here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from workshop.domain.model import Contribution, ContributionKind, Period, Session

PER_YEAR: dict[Period, int] = {Period.MONTH: 12, Period.QUARTER: 4, Period.YEAR: 1}
"""How many times a periodic amount falls in one year."""


ZERO = Decimal(0)


def per_year(amount: Decimal, period: Period) -> Decimal:
    """A periodic amount as a yearly one; a one-off amount is returned unchanged."""
    return amount * PER_YEAR.get(period, 1)


@dataclass
class PartyTotals:
    organisation: str
    hours_per_year: Decimal = ZERO
    euros_per_year: Decimal = ZERO
    in_kind_per_year: Decimal = ZERO
    one_off_hours: Decimal = ZERO
    one_off_euros: Decimal = ZERO
    one_off_in_kind: Decimal = ZERO
    count: int = 0
    unquantified: int = 0

    def add(self, contribution: Contribution) -> None:
        self.count += 1
        amount = contribution.amount
        if amount is None:
            self.unquantified += 1
            return
        kind = contribution.kind
        if contribution.period is Period.ONE_OFF:
            if kind is ContributionKind.PEOPLE:
                self.one_off_hours += amount
            elif kind is ContributionKind.MONEY:
                self.one_off_euros += amount
            else:
                self.one_off_in_kind += amount
            return
        yearly = per_year(amount, contribution.period)
        if kind is ContributionKind.PEOPLE:
            self.hours_per_year += yearly
        elif kind is ContributionKind.MONEY:
            self.euros_per_year += yearly
        else:
            self.in_kind_per_year += yearly

    def merge(self, other: PartyTotals) -> None:
        self.hours_per_year += other.hours_per_year
        self.euros_per_year += other.euros_per_year
        self.in_kind_per_year += other.in_kind_per_year
        self.one_off_hours += other.one_off_hours
        self.one_off_euros += other.one_off_euros
        self.one_off_in_kind += other.one_off_in_kind
        self.count += other.count
        self.unquantified += other.unquantified

    @property
    def has_one_off(self) -> bool:
        return bool(self.one_off_hours or self.one_off_euros or self.one_off_in_kind)


@dataclass
class Totals:
    parties: list[PartyTotals] = field(default_factory=list)
    overall: PartyTotals = field(default_factory=lambda: PartyTotals(""))

    def party(self, organisation: str) -> PartyTotals | None:
        return next((p for p in self.parties if p.organisation == organisation), None)


def totals(session: Session) -> Totals:
    """Totals per organisation and overall (see the module docstring for the fields)."""
    by_name: dict[str, PartyTotals] = {
        name: PartyTotals(name) for name in session.organisations()
    }
    for contribution in session.commitments.contributions:
        name = contribution.organisation
        if name not in by_name:
            by_name[name] = PartyTotals(name)
        by_name[name].add(contribution)
    result = Totals(parties=list(by_name.values()))
    for party in result.parties:
        result.overall.merge(party)
    return result


def organisations_without_contribution(session: Session) -> list[str]:
    """Organisations of the session that bring nothing yet, in session order."""
    bringing = {c.organisation for c in session.commitments.contributions}
    return [name for name in session.organisations() if name not in bringing]


def organisations_without_year_plan(session: Session) -> list[str]:
    """Organisations of the session with no year-plan item yet, in session order."""
    planned = {y.organisation for y in session.commitments.year_plans}
    return [name for name in session.organisations() if name not in planned]
