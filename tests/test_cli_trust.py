"""The command line is not a canvas, and a lock never strands anyone: real subprocesses.

- ``check``, ``backups`` and error messages print a session's texts (and file names)
  with control characters and bidi overrides escaped, never raw;
- ``workshop unlock`` takes over a lock from another computer or of an ended Workshop,
  naming who held it and since when, and refuses a Workshop that has the session open.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.domain.model import Participant, Session, SessionDetails
from workshop.storage.files import save_session
from workshop.storage.lock import lock_path

ROOT = Path(__file__).resolve().parent.parent
RAW = ("\x1b", "\x01", "\x07", "\u202e", "\x9b")
"""ESC (starts every escape sequence), SOH, BEL (ends an OSC title change), RIGHT-TO-LEFT
OVERRIDE, and the 8-bit CSI."""
EVIL = "Zorg\x1b[2J\x1b[H\x1b]0;pwned\x07 in de regio\x01 \u202eadrow\x9b31m"


def workshop(*args: str, env: dict[str, str] | None = None
             ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workshop", "--lang", "en", *args],
                          capture_output=True, text=True, timeout=60, cwd=ROOT,
                          env={**os.environ, **(env or {})})


def _no_raw(result: subprocess.CompletedProcess[str]) -> None:
    for char in RAW:
        assert char not in result.stdout, repr(char)
        assert char not in result.stderr, repr(char)


def test_check_prints_no_control_character_raw(tmp_path: Path) -> None:
    session = Session(details=SessionDetails(name=EVIL, region="Regio\x1b[31m rood"),
                      participants=[Participant(id="p-1", name="Anna\x07")])
    path = tmp_path / "evil.workshop"
    save_session(session, path)
    result = workshop("check", str(path))
    assert result.returncode == 0, result.stderr
    _no_raw(result)
    # Shown, escaped, so the facilitator sees what is there.
    assert "Zorg\\x1b[2J\\x1b[H\\x1b]0;pwned\\x07 in de regio\\x01 \\u202eadrow\\x9b31m" \
        in result.stdout
    assert "Regio\\x1b[31m rood" in result.stdout


def test_a_file_name_with_escapes_is_escaped_in_errors_and_backups(tmp_path: Path) -> None:
    name = "sessie\x1b[2J\u202e.workshop"
    missing = workshop("check", str(tmp_path / name))
    assert missing.returncode == 1
    _no_raw(missing)
    assert "sessie\\x1b[2J\\u202e.workshop" in missing.stderr

    path = tmp_path / name
    save_session(Session(details=SessionDetails(name=EVIL)), path)
    data = tmp_path / "data"
    import datetime as dt

    from workshop.storage.backups import BackupStore

    BackupStore(data / "backups").backup_now(path, path.read_bytes(), dt.datetime.now())
    listed = workshop("backups", str(path), env={"WORKSHOP_DATA_DIR": str(data)})
    assert listed.returncode == 0, listed.stderr
    assert "newest first" in listed.stdout
    _no_raw(listed)


def test_invalid_content_is_escaped_in_the_problems(tmp_path: Path) -> None:
    path = tmp_path / "invalid.workshop"
    doc = json.loads(b"".join([_saved_bytes()]).decode())
    doc["participants"] = [{"id": "p\x1b[2J", "name": 5}]
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = workshop("check", str(path))
    assert result.returncode == 1
    _no_raw(result)


def _saved_bytes() -> bytes:
    from workshop.storage.files import dumps

    return dumps(Session(details=SessionDetails(name="x")))


# --- unlock ----------------------------------------------------------------------


def _write_lock(session: Path, **fields: object) -> Path:
    content: dict[str, object] = {"pid": os.getppid(), "host": socket.gethostname(),
                                  "user": "anna", "started": "2024-05-01T09:30:00+02:00",
                                  "app": "Workshop", "version": "0.1"}
    content.update(fields)
    target = lock_path(session)
    target.write_text(json.dumps(content), encoding="utf-8")
    return target


@pytest.fixture
def session(tmp_path: Path) -> Path:
    path = tmp_path / "regio.workshop"
    save_session(Session(details=SessionDetails(name="Regio")), path)
    return path


def test_unlock_takes_over_a_lock_from_another_computer(session: Path) -> None:
    target = _write_lock(session, host="laptop-van-anna", pid=4242)
    other = session.with_name("older.workshop")
    save_session(Session(details=SessionDetails(name="Older")), other)
    refused = workshop("restore", str(other), str(session))
    assert refused.returncode == 1  # nothing else overrules the lock by itself
    assert "another computer, laptop-van-anna" in refused.stderr
    assert f"workshop unlock “{session}”" in refused.stderr
    result = workshop("unlock", str(session))
    assert result.returncode == 0, result.stderr
    assert "anna" in result.stdout and "laptop-van-anna" in result.stdout
    assert "since 2024-05-01" in result.stdout and "4242" in result.stdout
    assert not target.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_unlock_takes_over_a_reused_process_id(session: Path) -> None:
    from workshop.storage.lock import process_facts

    parent = process_facts(os.getppid())
    assert parent.started is not None
    # The lock's process started an hour before the process that has its id now.
    target = _write_lock(session, pid=os.getppid(), process_started=parent.started - 3600)
    result = workshop("unlock", str(session))
    assert result.returncode == 0, result.stderr
    assert "anna" in result.stdout and f"process {os.getppid()}" in result.stdout
    assert not target.exists()


HOLDER = """
import sys
from workshop.storage.lock import SessionLock
held = SessionLock(sys.argv[1])
held.acquire()
print("locked", flush=True)
sys.stdin.readline()
"""


def test_unlock_refuses_a_workshop_that_has_the_session_open(session: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(session)], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdin is not None
        assert proc.stdout.readline().strip() == "locked"
        result = workshop("unlock", str(session))
        assert result.returncode == 1
        assert f"process {proc.pid}" in result.stderr and "in use" in result.stderr
        assert lock_path(session).exists()
    finally:
        proc.kill()
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()
    gone = workshop("unlock", str(session))  # its process died: the lock is stale now
    assert gone.returncode == 0, gone.stderr
    assert not lock_path(session).exists()
    assert "not locked" in workshop("unlock", str(session)).stdout
