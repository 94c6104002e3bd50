"""Version 4: amounts are exact decimal text. A signed version-3 file with float amounts
migrates, loads, keeps every signature valid, exports and verifies (issue 12, item 12)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from workshop.domain.fingerprint import fingerprint, signature_is_valid
from workshop.domain.model import SCHEMA_VERSION
from workshop.storage.errors import InvalidSessionError
from workshop.storage.files import load_session, save_session
from workshop.storage.migrations import _v3_to_v4, migrate

FIXTURE = Path(__file__).with_name("fixtures") / "v3.workshop"
V3_FINGERPRINT = "7660e810a56f540e6be6505e7756c33a503809c19e9df832707c37a8ef10cb21"
"""The fixture's fingerprint as Workshop computed it with float amounts (schema 3): the
demo signed by everyone present, with amounts 12.25 (euros), 0.5 (hours) and 1250.5."""


def test_v3_to_v4_is_pure_and_writes_each_float_as_its_digits() -> None:
    doc = json.loads(FIXTURE.read_bytes())
    before = copy.deepcopy(doc)
    out = _v3_to_v4(doc)
    assert doc == before  # the input is left alone
    amounts = [c.get("amount") for c in out["commitments"]["contributions"]]
    assert amounts[:5] == ["12.25", "0.5", "1500", "24", "1250.5"]
    assert None in amounts  # an in-kind contribution without an amount stays without
    assert [c["amount"] for c in before["commitments"]["contributions"]][:2] == [12.25, 0.5]
    assert {k: v for k, v in out.items() if k != "commitments"} == {
        k: v for k, v in doc.items() if k != "commitments"}


def test_v3_to_v4_leaves_what_is_no_amount_for_the_model_to_name() -> None:
    doc = {"commitments": {"contributions": [
        {"amount": 0.1 + 0.2}, {"amount": 75000}, {"amount": float("inf")},
        {"amount": -5.0}, {"amount": "text"}, {"amount": True}, {}]}}
    out = _v3_to_v4(doc)["commitments"]["contributions"]
    assert [c.get("amount") for c in out] == [
        "0.30000000000000004", "75000", float("inf"), "-5", "text", True, None]
    assert _v3_to_v4({"commitments": None}) == {"commitments": None}


def test_a_signed_v3_session_migrates_and_every_signature_still_counts() -> None:
    s = load_session(FIXTURE)
    assert s.schema_version == SCHEMA_VERSION == 4
    amounts = [c.amount for c in s.commitments.contributions]
    assert amounts[:5] == [Decimal("12.25"), Decimal("0.5"), Decimal("1500"), Decimal("24"),
                           Decimal("1250.5")]
    assert all(isinstance(a, Decimal) for a in amounts if a is not None)
    assert fingerprint(s) == V3_FINGERPRINT
    assert len(s.signatures) == 8
    assert all(signature_is_valid(s, g.fingerprint) for g in s.signatures)


def test_saved_as_v4_the_amounts_are_text_and_the_fingerprint_stays(tmp_path: Path) -> None:
    path = tmp_path / "getekend.workshop"
    save_session(load_session(FIXTURE), path)
    raw = path.read_bytes()
    doc = json.loads(raw)
    assert doc["schema_version"] == 4
    assert b'"amount":"12.25"' in raw and b'"amount":12.25' not in raw
    assert doc["commitments"]["contributions"][2]["amount"] == "1500"
    again = load_session(path)
    assert fingerprint(again) == V3_FINGERPRINT
    assert all(signature_is_valid(again, g.fingerprint) for g in again.signatures)


def test_the_whole_chain_from_v0_still_reaches_v4() -> None:
    doc = json.loads((FIXTURE.parent / "v0.workshop").read_bytes())
    assert migrate(doc, 0, SCHEMA_VERSION)["schema_version"] == 4


@pytest.mark.parametrize("amount", ["1e400", "-5.0", "NaN", "Infinity"])
def test_an_old_file_with_no_amount_says_so_and_is_left_alone(tmp_path: Path,
                                                              amount: str) -> None:
    raw = FIXTURE.read_bytes().replace(b'"amount":12.25', b'"amount":' + amount.encode(), 1)
    path = tmp_path / "kapot.workshop"
    path.write_bytes(raw)
    with pytest.raises(InvalidSessionError) as info:
        load_session(path)
    assert "amount" in str(info.value) or info.value.problems
    assert path.read_bytes() == raw  # nothing lost


def test_the_migrated_session_is_exported_and_verified(tmp_path: Path) -> None:
    """Through the command line, as a facilitator would after the upgrade: the agreement
    of the signed file, printed from the migrated amounts, verifies against the file."""
    from pypdf import PdfReader

    session = tmp_path / "getekend.workshop"
    session.write_bytes(FIXTURE.read_bytes())
    out = tmp_path / "getekend-afspraken.pdf"
    run = [sys.executable, "-m", "workshop", "--lang", "nl"]
    done = subprocess.run([*run, "export", str(session), "--agreement", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "€ 12,25" in text or "€12,25" in text
    check = subprocess.run([*run, "verify", str(out), str(session)],
                           capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr
