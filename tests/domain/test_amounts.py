"""Amounts are read exactly, in the writing of the language (issue 12, item 12): never
through a float, with a reason in the user's language for what is no amount."""

from __future__ import annotations

from decimal import Decimal

import pytest
from samples import demo_session

from workshop.domain.commitments import totals
from workshop.domain.model import Commitments, Contribution, ContributionKind, Period
from workshop.locale_format import AmountError, money, parse_amount


@pytest.mark.parametrize(("typed", "lang", "value"), [
    ("12,25", "nl", "12.25"), ("1.250,50", "nl", "1250.5"), ("1.250", "nl", "1250"),
    ("€ 75.000", "nl", "75000"), ("1.200.000", "nl", "1200000"), ("0,5", "nl", "0.5"),
    ("12.25", "nl", "12.25"), ("1,250.50", "nl", "1250.5"), ("12,250", "nl", "12.25"),
    ("12.25", "en", "12.25"), ("1,250.50", "en", "1250.5"), ("1,250", "en", "1250"),
    ("10.000", "en", "10000"), ("75000.00", "en", "75000"), ("EUR 40 000", "en", "40000"),
    ("0.1", "en", "0.1"), ("999999999999,99", "nl", "999999999999.99"),
])
def test_what_a_facilitator_types_is_read_exactly(typed: str, lang: str, value: str) -> None:
    got = parse_amount(typed, lang)  # type: ignore[arg-type]
    assert isinstance(got, Decimal) and got == Decimal(value) and str(got) == value


def test_an_empty_field_is_no_amount() -> None:
    assert parse_amount("  ", "nl") is None and parse_amount("€", "en") is None


@pytest.mark.parametrize(("typed", "nl", "en"), [
    ("NaN", "Geen bedrag: NaN.", "Not an amount: NaN."),
    ("Infinity", "Geen bedrag: Infinity.", "Not an amount: Infinity."),
    ("1e400", "Geen bedrag: 1e400.", "Not an amount: 1e400."),
    ("-5", "Een bedrag kan niet negatief zijn: -5.", "An amount cannot be negative: -5."),
    ("0.125", "Hoogstens twee decimalen (centen): 0.125.",
     "At most two decimals (cents): 0.125."),
    ("1234567890123", "Dat bedrag is te groot: 1234567890123.",
     "That amount is too large: 1234567890123."),
    ("12.2.5,1", "Geen bedrag: 12.2.5,1.", "Not an amount: 12.2.5,1."),
    ("1,2,3.4", "Geen bedrag: 1,2,3.4.", "Not an amount: 1,2,3.4."),
    ("9" * 100_000, "Geen bedrag: 99999", "Not an amount: 99999"),
])
def test_what_is_no_amount_says_why_in_both_languages(typed: str, nl: str, en: str) -> None:
    with pytest.raises(AmountError) as nl_error:
        parse_amount(typed, "nl")
    with pytest.raises(AmountError) as en_error:
        parse_amount(typed, "en")
    assert nl_error.value.message("nl").startswith(nl)
    assert en_error.value.message("en").startswith(en)
    assert len(nl_error.value.message("nl")) < 120  # a long paste is not repeated


def test_totals_are_exact_sums() -> None:
    """Ten contributions of € 0.10 are € 1.00, not 0.9999999999999999."""
    s = demo_session()
    org = s.organisations()[0]
    s.commitments = Commitments(contributions=[
        Contribution(id=f"c{i}", organisation=org, kind=ContributionKind.MONEY,
                     amount=Decimal("0.1"), period=Period.ONE_OFF) for i in range(10)] + [
        Contribution(id="m", organisation=org, kind=ContributionKind.MONEY,
                     amount=Decimal("0.35"), period=Period.MONTH)])
    t = totals(s).overall
    assert t.one_off_euros == Decimal("1.0") and t.euros_per_year == Decimal("4.20")
    assert money(t.one_off_euros, "nl") == "€ 1" and money(t.euros_per_year, "en") == "€ 4.20"


def test_the_model_keeps_one_writing_and_refuses_what_no_amount_is() -> None:
    c = Contribution(id="c", organisation="X", kind=ContributionKind.MONEY,
                     amount=Decimal("75000.00"))
    assert str(c.amount) == "75000"
    assert c.model_dump(mode="json")["amount"] == "75000"
    for bad in ("NaN", "Infinity", "-1", "1e400", "12345678901234567"):
        with pytest.raises(ValueError):
            Contribution(id="c", organisation="X", kind=ContributionKind.MONEY, amount=bad)
