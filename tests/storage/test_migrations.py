"""Older files open as the current version, with their content, and stay untouched."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from workshop.domain.fingerprint import fingerprint, signature_is_valid
from workshop.domain.model import (
    SCHEMA_VERSION,
    AgreementItem,
    Card,
    Clause,
    ClauseKind,
    Cluster,
    Commitments,
    Session,
)
from workshop.storage import files
from workshop.storage.errors import InvalidSessionError, NewerVersionError, SessionFileError
from workshop.storage.files import dumps, load_session, loads, save_session
from workshop.storage.migrations import MIGRATIONS, migrate

FIXTURES = Path(__file__).with_name("fixtures")
V0 = FIXTURES / "v0.workshop"


def _fixture(version: int) -> Path:
    return FIXTURES / f"v{version}.workshop"


def test_every_migration_has_a_fixture() -> None:
    assert sorted(MIGRATIONS) == list(range(SCHEMA_VERSION)), "a version step is missing"
    for version in MIGRATIONS:
        path = _fixture(version)
        assert path.is_file(), f"add {path.relative_to(FIXTURES.parent)} for version {version}"
        assert json.loads(path.read_bytes())["schema_version"] == version


@pytest.mark.parametrize("version", sorted(MIGRATIONS))
def test_every_fixture_loads_as_a_current_session(version: int) -> None:
    session = load_session(_fixture(version))
    assert session.schema_version == SCHEMA_VERSION
    assert Session.model_validate(session.model_dump(mode="json")) == session


def test_v0_migrates_with_its_content() -> None:
    s = load_session(V0)
    assert s.id == "s-proto-2026"
    d = s.details
    assert d.name == "Samen gezond ouder worden (proef)"
    assert d.region == "Twente"
    assert d.date == dt.date(2026, 4, 14)
    assert d.venue == "Buurthuis De Brug, Enschede"
    assert d.facilitator == "Fenna Jansen"
    assert d.language == "nl"

    assert [(p.id, p.name, p.organisation, p.role, p.present) for p in s.participants] == [
        ("p-anna", "Anna de Vries", "GGD Twente", "Directeur publieke gezondheid", True),
        ("p-bram", "Bram Bakker", "Huisartsencoöperatie Oost", "Huisarts", True),
        ("p-cem", "Cem Yılmaz", "Gemeente Enschede", "Beleidsadviseur Wmo", False),
    ]
    assert s.ambition.clusters == [
        Cluster(id="cl-thuis", name="Langer thuis"),
        Cluster(id="cl-samen", name="Niemand alleen"),
    ]
    assert s.ambition.cards == [
        Card(id="c-1", text="Ouderen wonen langer veilig thuis 🏠", author_id="p-anna",
             cluster_id="cl-thuis"),
        Card(id="c-2", text="Eén aanspreekpunt per wijk", author_id=None,
             cluster_id="cl-thuis"),
        Card(id="c-3", text="Minder eenzaamheid", author_id="p-bram", cluster_id="cl-samen"),
        Card(id="c-4", text="Mantelzorgers ontlasten", author_id=None, cluster_id=None),
    ]
    assert s.ambition.statement == (
        "In 2030 wonen ouderen in Twente langer gezond en minder alleen thuis."
    )
    assert s.principles == [
        AgreementItem(id="p-1", text="We gaan uit van wat de inwoner zelf wil"),
        AgreementItem(id="p-2", text="We delen gegevens alleen met toestemming"),
    ]
    assert s.rules == [AgreementItem(id="r-1", text="Besluiten nemen we met consent")]
    # Parts v0 did not have start empty, as in a new session.
    assert s.consents == [] and s.roadmap.actions == [] and s.signatures == []
    assert s.agenda == Session(id="x").agenda


def test_loading_v0_does_not_touch_the_file(tmp_path: Path) -> None:
    path = tmp_path / "oud.workshop"
    path.write_bytes(V0.read_bytes())
    mtime = path.stat().st_mtime_ns
    first = load_session(path)
    assert load_session(path) == first
    assert path.read_bytes() == V0.read_bytes()
    assert path.stat().st_mtime_ns == mtime
    assert [p.name for p in tmp_path.iterdir()] == ["oud.workshop"]


def test_a_migrated_session_saves_as_the_current_version(tmp_path: Path) -> None:
    session = load_session(V0)
    path = tmp_path / "nieuw.workshop"
    save_session(session, path)
    doc = json.loads(path.read_bytes())
    assert doc["schema_version"] == SCHEMA_VERSION
    assert "title" not in doc and "cards" not in doc
    assert load_session(path) == session
    assert dumps(load_session(path)) == path.read_bytes()


@pytest.mark.parametrize("version", sorted(MIGRATIONS))
def test_migrations_are_pure(version: int) -> None:
    doc = json.loads(_fixture(version).read_bytes())
    original = copy.deepcopy(doc)
    out = MIGRATIONS[version](doc)
    assert doc == original, "a migration must not change its input"
    assert out is not doc
    assert MIGRATIONS[version](copy.deepcopy(original)) == out


def test_migrate_steps_up_to_the_target() -> None:
    doc = json.loads(V0.read_bytes())
    out = migrate(doc, 0, SCHEMA_VERSION)
    assert out["schema_version"] == SCHEMA_VERSION
    assert migrate(copy.deepcopy(out), SCHEMA_VERSION, SCHEMA_VERSION) == out
    with pytest.raises(KeyError):
        migrate({}, SCHEMA_VERSION, SCHEMA_VERSION + 1)


def test_a_version_without_a_migration_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MIGRATIONS", {})
    with pytest.raises(InvalidSessionError, match="cannot be converted"):
        loads(V0.read_bytes(), "oud.workshop")


def _v0(**changes: Any) -> bytes:
    doc = json.loads(V0.read_bytes())
    doc.update(changes)
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    "changes",
    [
        {"participants": None},
        {"participants": ["Anna"]},
        {"participants": [5]},
        {"participants": {"p-anna": "Anna"}},
        {"cards": [5]},
        {"cards": [{"id": "c-1", "text": "x", "author": ["p-anna"]}]},
        {"cards": [{"id": "c-1", "text": "x", "author": "p-nobody"}]},
        {"principles": 5},
        {"principles": [{"text": "een object"}]},
        {"rules": [""]},
        {"clusters": "geen lijst"},
        {"date": "14 april"},
        {"title": ""},
        {"ambition": ["lijst"]},
    ],
)
def test_a_broken_v0_file_gives_a_session_file_error(changes: dict[str, Any]) -> None:
    with pytest.raises(SessionFileError) as info:
        loads(_v0(**changes), "oud.workshop")
    assert isinstance(info.value, InvalidSessionError)
    assert "oud.workshop" in str(info.value)


def test_v0_without_optional_parts_still_opens() -> None:
    doc = {"format": "workshop-session", "schema_version": 0, "title": "Alleen een titel"}
    session = loads(json.dumps(doc).encode())
    assert session.details.name == "Alleen een titel"
    assert session.participants == [] and session.principles == []


# --- version 1 -> 2: commitments ------------------------------------------------------

V1 = FIXTURES / "v1.workshop"
V1_FINGERPRINT = "2c996fef786bacffc771cfe9b4ec6e8607d2101ff58b6f6b4a723fc758a9c737"
"""The fingerprint of the v1 fixture as Workshop 1 (before commitments) computed it."""


def test_v1_migrates_with_its_content_and_no_commitments() -> None:
    doc = json.loads(V1.read_bytes())
    assert doc["schema_version"] == 1 and "commitments" not in doc
    s = load_session(V1)
    assert s.schema_version == SCHEMA_VERSION
    assert s.details.name == "Samen gezond ouder worden in de Waalzoom"
    assert len(s.participants) == 9 and len(s.roadmap.actions) == 10
    assert s.commitments == Commitments()
    assert s.commitments.is_empty()


def test_a_signed_v1_session_keeps_its_fingerprint(tmp_path: Path) -> None:
    """Signatures given before commitments existed stay valid after the upgrade."""
    doc = json.loads(V1.read_bytes())
    doc["signatures"] = [{"id": "sig-1", "participant_id": "p-anna",
                          "signed_at": "2026-03-12T16:00:00", "strokes": [],
                          "fingerprint": V1_FINGERPRINT}]
    path = tmp_path / "getekend.workshop"
    path.write_text(json.dumps(doc), "utf-8")
    s = load_session(path)
    assert fingerprint(s) == V1_FINGERPRINT
    assert signature_is_valid(s, s.signatures[0].fingerprint)
    save_session(s, path)  # saved as the current version: still the same text, still valid
    again = load_session(path)
    assert json.loads(path.read_bytes())["schema_version"] == SCHEMA_VERSION
    assert fingerprint(again) == V1_FINGERPRINT
    # ...and anything the table adds to the commitments is part of what is signed
    again.commitments.clauses.append(Clause(id="cl-1", kind=ClauseKind.NATURE,
                                            text="Een inspanningsverplichting."))
    assert fingerprint(again) != V1_FINGERPRINT


V2_PLAIN = _fixture(2)
V2_PLAIN_FINGERPRINT = "c33ba9e5e9e9db27b0137f07565c1f742fe6da19efdf01d9fe12f3d03dc2fd43"
"""The demo of schema 2 as Workshop 0.x (schema 2) fingerprinted it."""


def test_v2_decisions_count_for_the_text_they_were_given_to(tmp_path: Path) -> None:
    """Schema 2 kept no version with a decision: it was given to the text as it is, so
    after the upgrade every decision counts for that text, the outcomes and the
    fingerprint stay what they were, and a later change of the words asks again."""
    from workshop.domain.consent import outcome, subject_version

    doc = json.loads(V2_PLAIN.read_bytes())
    assert doc["schema_version"] == 2
    assert all("version" not in r for r in doc["consents"])
    # Signed as Workshop of schema 2 printed it: the signature still counts after the
    # upgrade (the decisions count for the words they were given to).
    doc["signatures"] = [{"id": "sig-1", "participant_id": "p-anna",
                          "signed_at": "2026-03-12T16:00:00", "strokes": [],
                          "fingerprint": V2_PLAIN_FINGERPRINT}]
    signed = tmp_path / "v2-getekend.workshop"
    signed.write_text(json.dumps(doc), "utf-8")
    s = load_session(signed)
    assert s.schema_version == SCHEMA_VERSION
    assert s.consents and all(r.version == subject_version(s, r.subject_id)
                              for r in s.consents)
    assert fingerprint(s) == V2_PLAIN_FINGERPRINT
    assert outcome(s, "ambition").value == "agreed"
    path = tmp_path / "v3.workshop"
    save_session(s, path)
    saved = json.loads(path.read_bytes())
    assert saved["schema_version"] == SCHEMA_VERSION
    assert all(len(r["version"]) == 16 for r in saved["consents"])
    s.ambition.statement += " Samen."
    assert outcome(s, "ambition").value == "open"


def test_a_newer_version_file_is_refused_as_newer(tmp_path: Path) -> None:
    doc = json.loads(V1.read_bytes())
    doc["schema_version"] = SCHEMA_VERSION + 1
    doc["commitments"] = {"contributions": [], "something_new": []}
    path = tmp_path / "nieuwer.workshop"
    path.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(NewerVersionError) as info:
        load_session(path)
    assert (info.value.found, info.value.supported) == (SCHEMA_VERSION + 1, SCHEMA_VERSION)
    assert "newer version" in str(info.value)


# --- version 2 -> 3: perspectives as keys ---------------------------------------------

V2 = FIXTURES / "v2-perspectives.workshop"
"""The demo as version 2 saved it, with perspectives picked from the list in either language
(``v2.workshop`` is the plain demo, for the test that every version has a fixture)."""
V2_FINGERPRINT = "c747fa2090156a2ef72f17b65db21b29ef9f02315849ed9b5670cda45907e023"
"""The fingerprint of the v2 fixture as Workshop 2 (perspectives as words) computed it."""
V2_PERSPECTIVES = {
    # as stored by version 2: labels picked from the list in either language, own text
    "p-anna": ("Hospital", "hospital"),
    "p-joost": ("Huisartsenzorg", "gp_care"),
    "p-fatima": ("VVT / ouderenzorg", "elderly_care"),
    "p-ruud": ("GGZ", "mental_health"),
    "p-ingrid": ("Gemeente / sociaal domein", "Gemeente / sociaal domein"),  # own text
    "p-mehmet": ("Public health (GGD)", "public_health"),
    "p-els": ("zorgverzekeraar", "zorgverzekeraar"),  # typed, not picked: own text
    "p-gerda": ("Patiënten / cliënten", "patients_clients"),
    "p-henk": ("Woningcorporatie", "housing"),
}


def test_v2_labels_become_keys_and_own_text_stays() -> None:
    doc = json.loads(V2.read_bytes())
    assert doc["schema_version"] == 2
    assert {p["id"]: p["perspective"] for p in doc["participants"]} == {
        pid: old for pid, (old, _new) in V2_PERSPECTIVES.items()}
    s = load_session(V2)
    assert {p.id: p.perspective for p in s.participants} == {
        pid: new for pid, (_old, new) in V2_PERSPECTIVES.items()}


def test_v2_english_labels_print_in_dutch_after_the_upgrade(tmp_path: Path) -> None:
    """The bug of version 2: "Hospital" picked in English stayed English in Dutch."""
    from workshop.domain.fingerprint import agreement_content

    parties = {p["name"]: p["perspective"] for p in agreement_content(load_session(V2))["parties"]}
    assert parties["Anna de Vries"] == "Ziekenhuis"
    assert parties["Mehmet Yilmaz"] == "Publieke gezondheid (GGD)"
    assert parties["Ingrid Jansen"] == "Gemeente / sociaal domein"


def test_a_signed_v2_session_keeps_its_signatures(tmp_path: Path) -> None:
    """With signatures, only labels printed the same become keys: nothing signed changes."""
    doc = json.loads(V2.read_bytes())
    doc["signatures"] = [{"id": "sig-1", "participant_id": "p-anna",
                          "signed_at": "2026-03-12T16:00:00", "strokes": [],
                          "fingerprint": V2_FINGERPRINT}]
    path = tmp_path / "getekend.workshop"
    path.write_text(json.dumps(doc), "utf-8")
    s = load_session(path)
    assert fingerprint(s) == V2_FINGERPRINT
    assert signature_is_valid(s, s.signatures[0].fingerprint)
    perspectives = {p.id: p.perspective for p in s.participants}
    assert perspectives["p-anna"] == "Hospital"  # English in a Dutch text: as signed
    assert perspectives["p-mehmet"] == "Public health (GGD)"
    assert perspectives["p-joost"] == "gp_care"  # Dutch label: the same words, now a key
    assert perspectives["p-henk"] == "housing"
    save_session(s, path)
    again = load_session(path)
    assert json.loads(path.read_bytes())["schema_version"] == SCHEMA_VERSION
    assert fingerprint(again) == V2_FINGERPRINT


def test_v3_perspective_keys_leaves_odd_files_to_validation() -> None:
    from workshop.storage.migrations import _v3_perspective_keys

    for doc in ({}, {"participants": None}, {"participants": [5, {"id": "p"}]},
                {"participants": [{"perspective": 7}]}):
        assert _v3_perspective_keys(copy.deepcopy(doc)) == doc


def test_v2_start_meeting_becomes_a_key_and_typed_names_stay() -> None:
    from workshop.storage.migrations import _v3_moment_keys

    doc = json.loads(V2.read_bytes())
    assert [m["label"] for m in doc["diagnostics"]["moments"]] == ["Startbijeenkomst"]
    moment = load_session(V2).diagnostics.moments[0]
    assert (moment.key, moment.label) == ("start_meeting", "")
    for stored, key, label in (("Start meeting", "start_meeting", ""),
                               ("Evaluatie na zes maanden", None, "Evaluatie na zes maanden"),
                               ("", None, "")):
        old = {"diagnostics": {"moments": [{"id": "mt", "label": stored}], "scores": []}}
        new = _v3_moment_keys(copy.deepcopy(old))
        assert new["diagnostics"]["moments"] == [{"id": "mt", "label": label, "key": key}
                                                 if key else {"id": "mt", "label": label}]
        assert new["diagnostics"]["scores"] == []
    for odd in ({}, {"diagnostics": None}, {"diagnostics": {"moments": 5}}):
        assert _v3_moment_keys(copy.deepcopy(odd)) == odd


# --- version 3: the text limits (issue 11.10) -------------------------------------------


def test_v2_texts_longer_than_the_fields_hold_are_cut_so_the_file_opens(
        tmp_path: Path) -> None:
    from workshop.domain.model import MAX_NAME, MAX_TEXT

    doc = json.loads(_fixture(2).read_bytes())
    doc["details"]["name"] = "Samen " * 200  # 1,200 characters
    doc["participants"][0]["role"] = "Lid raad van bestuur " * 40
    doc["participants"][0]["mandate"] = "Volledig mandaat. " * 5000  # 90,000
    doc["ambition"]["statement"] = "x" * 1_000_000  # what version 2 still accepted
    doc["roadmap"]["actions"][0]["title"] = "Regiobeeld " * 100
    path = tmp_path / "oud.workshop"
    path.write_text(json.dumps(doc), "utf-8")
    s = load_session(path)
    assert s.schema_version == SCHEMA_VERSION
    assert len(s.details.name) == MAX_NAME and s.details.name.endswith("…")
    assert s.details.name.startswith("Samen Samen")
    assert len(s.participants[0].role) == MAX_NAME
    assert len(s.participants[0].mandate) == MAX_TEXT
    assert len(s.ambition.statement) == MAX_TEXT
    assert len(s.roadmap.actions[0].title) == MAX_NAME
    # Texts within the limits are untouched.
    untouched = json.loads(_fixture(2).read_bytes())
    assert [p.name for p in s.participants] == [p["name"] for p in untouched["participants"]]
    assert s.ambition.cards == load_session(_fixture(2)).ambition.cards


def test_the_v3_limits_are_the_models() -> None:
    """The migration writes the limits out (it must not move); they must agree today."""
    from workshop.domain import model
    from workshop.storage import migrations

    assert (migrations._MAX_NAME, migrations._MAX_TEXT) == (model.MAX_NAME, model.MAX_TEXT)
