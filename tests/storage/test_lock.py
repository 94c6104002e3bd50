"""One writer per session: the lock file, stale detection and the holder's name."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workshop.storage import lock as lock_module
from workshop.storage.errors import LockedError
from workshop.storage.lock import SessionLock, lock_path, pid_alive


@pytest.fixture
def session(tmp_path: Path) -> Path:
    path = tmp_path / "regio.workshop"
    path.write_bytes(b"{}\n")
    return path


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _write_lock(session: Path, **fields: object) -> Path:
    content = {"pid": os.getppid(), "host": socket.gethostname(), "user": "anna",
               "started": "2024-05-01T09:30:00+02:00", "app": "Workshop", "version": "0.1"}
    content.update(fields)
    target = lock_path(session)
    target.write_text(json.dumps(content), encoding="utf-8")
    return target


def test_lock_file_name_and_content(session: Path) -> None:
    with SessionLock(session) as held:
        target = session.parent / ".regio.workshop.lock"
        assert held.lock_file == target
        data = json.loads(target.read_text(encoding="utf-8"))
        assert data["pid"] == os.getpid()
        assert data["host"] == socket.gethostname()
        assert {"user", "started", "version"} <= set(data)
        assert held.holder() == data
        assert held.held_by_me()
        if sys.platform != "win32":
            assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not target.exists()
    assert not held.held_by_me()


def test_release_leaves_no_file_and_can_be_repeated(session: Path) -> None:
    held = SessionLock(session)
    held.acquire()
    held.release()
    held.release()
    assert list(session.parent.iterdir()) == [session]
    held.acquire()  # and again
    held.release()


def test_second_holder_is_refused_with_the_holders_name(session: Path) -> None:
    other = os.getppid()  # alive: the process that started the tests
    _write_lock(session, pid=other, host=socket.gethostname(), user="anna")
    with pytest.raises(LockedError) as caught:
        SessionLock(session).acquire()
    message = str(caught.value)
    assert f"process {other}" in message
    assert socket.gethostname() in message
    assert "anna" in message
    assert "2024-05-01" in message
    assert "read-only" in message
    assert caught.value.holder["pid"] == other
    assert lock_path(session).exists()  # not taken over


def test_same_process_cannot_lock_twice(session: Path) -> None:
    first = SessionLock(session)
    first.acquire()
    second = SessionLock(session)
    with pytest.raises(LockedError):
        second.acquire()
    with pytest.raises(RuntimeError):
        first.acquire()
    second.release()  # never held: must not remove the first one's lock
    assert first.held_by_me()
    first.release()


def test_lock_of_a_dead_process_is_recovered(session: Path) -> None:
    dead = _dead_pid()
    assert not pid_alive(dead)
    _write_lock(session, pid=dead)
    held = SessionLock(session)
    held.acquire()
    assert held.held_by_me()
    assert json.loads(lock_path(session).read_text())["pid"] == os.getpid()
    held.release()


def test_lock_from_another_host_is_respected(session: Path) -> None:
    _write_lock(session, pid=_dead_pid(), host="other-laptop")
    with pytest.raises(LockedError) as caught:
        SessionLock(session).acquire()
    assert "other-laptop" in str(caught.value)
    forced = SessionLock(session)
    forced.acquire(force=True)
    assert forced.held_by_me()
    forced.release()


def test_corrupt_lock_is_stale_only_when_old(session: Path) -> None:
    target = lock_path(session)
    target.write_bytes(b"\x00garbage{")
    with pytest.raises(LockedError) as caught:
        SessionLock(session).acquire()  # young: maybe being written right now
    assert caught.value.holder == {}
    later = SessionLock(session, now=lambda: time.time() + 61)
    later.acquire()
    assert later.held_by_me()
    later.release()
    assert not target.exists()


def test_empty_lock_older_than_a_minute_is_recovered(session: Path) -> None:
    target = lock_path(session)
    target.write_bytes(b"")
    old = time.time() - 120
    os.utime(target, (old, old))
    with SessionLock(session) as held:
        assert held.held_by_me()


def test_acquire_removes_leftovers_of_interrupted_saves(session: Path) -> None:
    leftover = session.parent / ".regio.workshop.abc123.saving"
    leftover.write_bytes(b"half")
    with SessionLock(session):
        assert not leftover.exists()


def test_release_keeps_a_lock_that_is_no_longer_ours(session: Path) -> None:
    held = SessionLock(session)
    held.acquire()
    _write_lock(session, pid=os.getppid(), user="bram")  # someone forced it away
    assert not held.held_by_me()
    held.release()
    assert lock_path(session).exists()


def test_pid_alive() -> None:
    assert pid_alive(os.getpid())
    assert not pid_alive(0)
    assert not pid_alive(-5)


def test_read_only_folder_gives_a_session_file_error(session: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(lock_module.os, "open", refuse)
    from workshop.storage.errors import SessionFileError

    with pytest.raises(SessionFileError, match="read-only") as caught:
        SessionLock(session).acquire()
    assert not isinstance(caught.value, LockedError)


HOLDER = """
import sys
from workshop.storage.lock import SessionLock
held = SessionLock(sys.argv[1])
held.acquire()
print("locked", flush=True)
sys.stdin.readline()
held.release()
print("released", flush=True)
"""


def test_a_real_second_process_is_refused(session: Path, repo_root: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(session)], cwd=repo_root,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdin is not None
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(LockedError) as caught:
            SessionLock(session).acquire()
        assert f"process {proc.pid}" in str(caught.value)
        assert caught.value.holder["pid"] == proc.pid
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "released"
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()
    with SessionLock(session) as held:
        assert held.held_by_me()


def test_another_accounts_unreadable_lock_is_never_stale(session: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    target = _write_lock(session, pid=_dead_pid())
    old = time.time() - 3600
    os.utime(target, (old, old))

    def forbidden(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(lock_module, "open", forbidden, raising=False)
    with pytest.raises(LockedError, match="another user account"):
        SessionLock(session).acquire()
    assert target.exists()
