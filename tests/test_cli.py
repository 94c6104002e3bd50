"""The command line as a user runs it: real subprocesses, real files."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "sessions" / "demo.workshop"


def workshop(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop", "--lang", lang, *args],
        capture_output=True, text=True, timeout=60,
    )


def test_version() -> None:
    from workshop import __version__

    result = subprocess.run([sys.executable, "-m", "workshop", "--version"],
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"workshop {__version__}"


def test_check_demo_prints_summary() -> None:
    result = workshop("check", str(DEMO))
    assert result.returncode == 0, result.stderr
    for label in ("Participants", "Cards", "Interests", "Principles", "Rules", "Actions",
                  "Signatures", "Fingerprint"):
        assert label in result.stdout


def test_check_in_dutch() -> None:
    result = workshop("check", str(DEMO), lang="nl")
    assert result.returncode == 0
    assert "Deelnemers" in result.stdout and "is een geldige sessie" in result.stdout


def test_check_damaged_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.workshop"
    broken.write_bytes(DEMO.read_bytes()[:200])
    before = broken.read_bytes()
    result = workshop("check", str(broken))
    assert result.returncode == 1
    assert "broken.workshop" in result.stderr and "Traceback" not in result.stderr
    assert broken.read_bytes() == before


def test_check_newer_version(tmp_path: Path) -> None:
    doc = json.loads(DEMO.read_text("utf-8"))
    doc["schema_version"] = 99
    newer = tmp_path / "newer.workshop"
    newer.write_text(json.dumps(doc), "utf-8")
    result = workshop("check", str(newer), lang="nl")
    assert result.returncode == 1
    assert "nieuwere versie" in result.stderr


def test_check_missing_file(tmp_path: Path) -> None:
    result = workshop("check", str(tmp_path / "nope.workshop"))
    assert result.returncode == 1 and "does not exist" in result.stderr


def test_usage_error() -> None:
    result = workshop("check")
    assert result.returncode == 2


def test_schema_matches_committed_copy() -> None:
    """sessions/schema.json is the documented schema; it must follow the model."""
    result = workshop("schema")
    assert result.returncode == 0
    printed = json.loads(result.stdout)
    assert printed["properties"]["schema_version"]["const"] == 1
    committed = json.loads((ROOT / "sessions" / "schema.json").read_text("utf-8"))
    assert printed == committed, "run: workshop schema > sessions/schema.json"


def test_backups_and_restore(tmp_path: Path) -> None:
    from workshop.storage.backups import BackupStore
    from workshop.storage.files import load_session, save_session

    session = load_session(DEMO)
    target = tmp_path / "meeting.workshop"
    save_session(session, target)
    store = BackupStore()
    backup = store.backup_now(target, target.read_bytes(), dt.datetime.now())
    listed = workshop("backups", str(target))
    assert listed.returncode == 0 and str(backup) in listed.stdout

    changed = session.model_copy(deep=True)
    changed.details.name = "Gewijzigd"
    save_session(changed, target)
    restored = workshop("restore", str(backup), str(target))
    assert restored.returncode == 0, restored.stderr
    assert load_session(target) == session
    # The version that was replaced is kept as a backup too.
    names = [load_session(b.path).details.name for b in store.list_backups(target)]
    assert "Gewijzigd" in names
