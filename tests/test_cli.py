"""The command line as a user runs it: real subprocesses, real files."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.domain.model import SCHEMA_VERSION

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


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_check_a_refused_session_in_the_chosen_language(tmp_path: Path, lang: str) -> None:
    """The model's problems and the loader's message reach the terminal in --lang."""
    doc = json.loads(DEMO.read_text("utf-8"))
    doc["ambition"]["cards"][0]["author_id"] = "p-nobody"
    broken = tmp_path / "kapot.workshop"
    broken.write_text(json.dumps(doc), encoding="utf-8")
    result = workshop("check", str(broken), lang=lang)
    assert result.returncode == 1
    said = {"nl": ("bevat gegevens die Workshop niet kan accepteren",
                   "  - ambition.cards[0].author_id: 'p-nobody' is geen deelnemer van deze "
                   "sessie"),
            "en": ("contains data that Workshop cannot accept",
                   "  - ambition.cards[0].author_id: 'p-nobody' is not a participant of "
                   "this session")}[lang]
    assert said[0] in result.stderr
    assert said[1] in result.stderr.splitlines()


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
    assert printed["properties"]["schema_version"]["const"] == SCHEMA_VERSION
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


def test_export_and_verify(tmp_path: Path) -> None:
    import os
    import stat

    session = tmp_path / "meeting.workshop"
    session.write_bytes(DEMO.read_bytes())
    result = workshop("export", str(session))
    assert result.returncode == 0, result.stderr
    # The demo is Dutch, so are the PDFs and their default names.
    agreement = tmp_path / "meeting-samenwerkingsafspraken.pdf"
    roadmap = tmp_path / "meeting-routekaart.pdf"
    assert agreement.read_bytes().startswith(b"%PDF") and roadmap.is_file()
    if os.name == "posix":
        assert stat.S_IMODE(agreement.stat().st_mode) == 0o600
    assert list(tmp_path.glob(".*.saving")) == []

    checked = workshop("verify", str(agreement), str(session))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "unchanged" in checked.stdout and "byte for byte" in checked.stdout
    assert workshop("verify", str(roadmap)).returncode == 0

    data = bytearray(agreement.read_bytes())
    data[len(data) // 3] ^= 0x20
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(bytes(data))
    failed = workshop("verify", str(changed), str(session))
    assert failed.returncode == 1 and "HAS BEEN CHANGED" in failed.stdout


def test_export_options_and_english_names(tmp_path: Path) -> None:
    session = tmp_path / "meeting.workshop"
    session.write_bytes(DEMO.read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    result = workshop("export", str(session), "--lang", "en", "--size", "A3",
                      "--group-by", "owner", "--roadmap", str(out / "r.pdf"), "--paper")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "meeting-agreement.pdf").is_file() and (out / "r.pdf").is_file()
    assert b"/MediaBox [ 0 0 1190.551 841.8898 ]" in (out / "r.pdf").read_bytes()


def test_verify_against_a_changed_session(tmp_path: Path) -> None:
    from workshop.storage.files import load_session, save_session

    session = tmp_path / "meeting.workshop"
    session.write_bytes(DEMO.read_bytes())
    assert workshop("export", str(session)).returncode == 0
    changed = load_session(session)
    changed.principles[0].text = "Ieder voor zich."
    save_session(changed, session)
    result = workshop("verify", str(tmp_path / "meeting-samenwerkingsafspraken.pdf"),
                      str(session))
    assert result.returncode == 1 and "HAS CHANGED" in result.stdout


def test_verify_errors(tmp_path: Path) -> None:
    assert workshop("verify").returncode == 2
    missing = workshop("verify", str(tmp_path / "nope.pdf"))
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    assert workshop("verify", str(DEMO)).returncode == 1  # not a PDF: no seal
    export_missing = workshop("export", str(tmp_path / "nope.workshop"))
    assert export_missing.returncode == 1 and "Traceback" not in export_missing.stderr


def test_verify_and_export_document_their_exit_codes() -> None:
    for command in ("verify", "export"):
        shown = workshop(command, "--help")
        assert shown.returncode == 0
        text = " ".join(shown.stdout.split())
        assert "Exit codes: 0" in text and "; 1 " in text and "; 2 the command" in text
    import os

    # The language of the environment, or --lang before the command, applies to help.
    dutch = subprocess.run([sys.executable, "-m", "workshop", "verify", "--help"],
                           capture_output=True, text=True, timeout=60,
                           env={**os.environ, "WORKSHOP_LANG": "nl"}).stdout
    assert "Afsluitcodes: 0 de pdf is ongewijzigd" in " ".join(dutch.split())
    asked = subprocess.run([sys.executable, "-m", "workshop", "--lang", "nl", "verify",
                            "--help"], capture_output=True, text=True, timeout=60,
                           env={**os.environ, "WORKSHOP_LANG": "en"}).stdout
    assert "Afsluitcodes: 0 de pdf is ongewijzigd" in " ".join(asked.split())


def test_export_never_writes_a_pdf_over_the_session_or_twice_to_one_file(
        tmp_path: Path) -> None:
    from samples import demo_session

    from workshop.cli import run
    from workshop.storage.files import save_session

    session_file = tmp_path / "demo.workshop"
    save_session(demo_session(), session_file)
    before = session_file.read_bytes()
    assert run(["export", str(session_file), "--agreement", str(session_file)]) == 1
    assert run(["export", str(session_file), "--roadmap", str(tmp_path / "other.workshop")]) == 1
    same = str(tmp_path / "both.pdf")
    assert run(["export", str(session_file), "--agreement", same, "--roadmap", same]) == 1
    assert session_file.read_bytes() == before
    assert not (tmp_path / "both.pdf").exists() and not (tmp_path / "other.workshop").exists()


def test_restore_refuses_a_session_open_in_workshop(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from samples import demo_session

    from workshop.cli import run
    from workshop.storage.files import save_session
    from workshop.storage.lock import SessionLock

    target, backup = tmp_path / "open.workshop", tmp_path / "backup.workshop"
    save_session(demo_session(), target)
    other = demo_session()
    other.details.name = "Een andere versie"
    save_session(other, backup)
    before = target.read_bytes()
    with SessionLock(target):  # the app has it open
        assert run(["restore", str(backup), str(target)]) == 1
    assert "open" in capsys.readouterr().err
    assert target.read_bytes() == before
    assert run(["restore", str(backup), str(target)]) == 0  # closed: it restores
    assert b"Een andere versie" in target.read_bytes()
    assert run(["restore", str(target), str(target)]) == 1


def test_a_mistyped_command_or_missing_session_is_said_before_any_window(
        tmp_path: Path) -> None:
    env_free = {k: v for k, v in __import__("os").environ.items()
                if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    typo = subprocess.run([sys.executable, "-m", "workshop", "expotr"], capture_output=True,
                          text=True, timeout=60, env=env_free)
    assert typo.returncode == 2 and "not a command" in typo.stderr and "export" in typo.stderr
    gone = subprocess.run([sys.executable, "-m", "workshop", str(tmp_path / "gone.workshop")],
                          capture_output=True, text=True, timeout=60, env=env_free)
    assert gone.returncode == 1 and "does not exist" in gone.stderr


def test_export_chooses_the_appendices(tmp_path: Path) -> None:
    """`--appendix` adds one, `--without-appendix` leaves a default one out."""
    import io

    from pypdf import PdfReader

    session_file = tmp_path / "demo.workshop"
    session_file.write_bytes(DEMO.read_bytes())
    out = tmp_path / "a.pdf"
    result = workshop("export", str(session_file), "--agreement", str(out), "--lang", "en",
                      "--appendix", "sources", "--without-appendix", "interests",
                      "--without-appendix", "participants")
    assert result.returncode == 0, result.stderr
    titles = [o.title for o in PdfReader(io.BytesIO(out.read_bytes())).outline
              if not isinstance(o, list)]
    assert [t for t in titles if t.startswith("Appendix")] == [
        "Appendix A. Consent record", "Appendix B. Roadmap",
        "Appendix C. Sources of the templates used"]
    bad = workshop("export", str(session_file), "--appendix", "gossip")
    assert bad.returncode == 2
