"""Version 3: organisations become parties; a version-2 session loads, exports, verifies."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import SCHEMA_VERSION
from workshop.domain.scorecard import scorecard
from workshop.storage.files import load_session, save_session
from workshop.storage.migrations import _v3_organisations

FIXTURE = Path(__file__).with_name("fixtures") / "v2.workshop"
V2_FINGERPRINT = "c33ba9e5e9e9db27b0137f07565c1f742fe6da19efdf01d9fe12f3d03dc2fd43"
"""The fixture's fingerprint as Workshop computed it before organisations existed."""


def test_v3_organisations_is_pure_and_derives_parties_from_participants() -> None:
    doc = json.loads(FIXTURE.read_bytes())
    before = json.dumps(doc, sort_keys=True)
    out = _v3_organisations(doc)
    assert json.dumps(doc, sort_keys=True) == before  # the input is left alone
    orgs = out["legal"]["organisations"]
    assert [o["name"] for o in orgs][:3] == [
        "Waalzoom Ziekenhuis", "Huisartsencoöperatie Waalzoom", "Zorggroep De Linde"]
    assert orgs[0] == {"name": "Waalzoom Ziekenhuis", "representative_id": "p-anna",
                       "function": "Lid raad van bestuur"}
    # The absent housing corporation keeps its (absent) participant as its signer.
    assert orgs[-1]["representative_id"] == "p-henk"
    assert out["legal"]["considerations"] == [] and out["legal"]["place"] == ""


def test_a_v2_session_loads_keeps_its_fingerprint_and_names_what_is_unknown() -> None:
    s = load_session(FIXTURE)
    assert s.schema_version == SCHEMA_VERSION
    assert len(s.legal.organisations) == 9
    assert fingerprint(s) == V2_FINGERPRINT  # signatures given on it stay valid
    missing = scorecard(s, "en").part("parties").missing
    assert ("Waalzoom Ziekenhuis has no legal identity yet: its legal name, legal form, "
            "seat, KvK number are missing.") in missing


def test_a_migrated_session_is_exported_and_verified(tmp_path: Path) -> None:
    """Through the command line, as a facilitator would after the upgrade."""
    session = tmp_path / "oud.workshop"
    session.write_bytes(FIXTURE.read_bytes())
    out = tmp_path / "oud-afspraken.pdf"
    run = [sys.executable, "-m", "workshop", "--lang", "en"]
    done = subprocess.run([*run, "export", str(session), "--agreement", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    check = subprocess.run([*run, "verify", str(out), str(session)],
                           capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr
    # Saving writes the current version with the derived parties.
    save_session(load_session(session), session)
    assert json.loads(session.read_bytes())["schema_version"] == SCHEMA_VERSION
