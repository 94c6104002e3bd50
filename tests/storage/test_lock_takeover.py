"""Locks that cannot be judged from here: refused by default, taken over when asked.

A lock from another computer, or from a process id that now belongs to another
program, is refused with the holder's details and ``can_take_over``; ``force`` takes
it. A Workshop that really holds the session is never offered for take-over. The
platform facts (start time, program name) are injected to play Windows and macOS too.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path

import pytest

from workshop.storage.errors import LockedError
from workshop.storage.lock import ProcessFacts, SessionLock, lock_path, process_facts


@pytest.fixture
def session(tmp_path: Path) -> Path:
    path = tmp_path / "regio.workshop"
    path.write_bytes(b"{}\n")
    return path


def _write_lock(session: Path, **fields: object) -> Path:
    content: dict[str, object] = {"pid": 4242, "host": socket.gethostname(), "user": "anna",
                                  "started": "2024-05-01T09:30:00+00:00", "app": "Workshop",
                                  "version": "0.1"}
    content.update(fields)
    target = lock_path(session)
    target.write_text(json.dumps(content), encoding="utf-8")
    return target


def _refused(lock: SessionLock) -> LockedError:
    with pytest.raises(LockedError) as caught:
        lock.acquire()
    return caught.value


def _shows_holder(error: LockedError) -> None:
    message = str(error)
    assert "anna" in message and "4242" in message and "2024-05-01" in message


def test_a_lock_from_another_host_is_refused_then_taken_over(session: Path) -> None:
    target = _write_lock(session, host="laptop-van-anna")
    error = _refused(SessionLock(session, facts=lambda pid: ProcessFacts(alive=False)))
    assert error.can_take_over and error.reason == "other_host"
    assert "another computer, laptop-van-anna" in str(error)
    _shows_holder(error)
    assert error.holder["host"] == "laptop-van-anna"
    assert json.loads(target.read_text())["user"] == "anna"  # refused: untouched
    taken = SessionLock(session)
    taken.acquire(force=True)
    assert taken.held_by_me()
    taken.release()


@pytest.mark.parametrize("platform", ["windows", "macos"])
def test_a_reused_process_id_is_told_by_its_start_time(session: Path, platform: str) -> None:
    """The lock says the holder started at 09:30; the process with that id now started
    hours later: the Workshop is gone, whatever the platform reports."""
    name = "chrome.exe" if platform == "windows" else "Safari"
    lock_started = 1_714_548_600.0
    _write_lock(session, process_started=lock_started, process_name="Workshop")

    def facts(pid: int) -> ProcessFacts:
        if pid == os.getpid():
            return ProcessFacts(alive=True, started=lock_started + 9000, name="Workshop")
        return ProcessFacts(alive=True, started=lock_started + 7200, name=name)

    error = _refused(SessionLock(session, facts=facts))
    assert error.can_take_over and error.reason == "reused"
    assert f"now another program ({name})" in str(error)
    _shows_holder(error)
    taken = SessionLock(session, facts=facts)
    taken.acquire(force=True)
    assert taken.held_by_me()
    assert json.loads(lock_path(session).read_text())["process_started"] == lock_started + 9000
    taken.release()


def test_an_old_lock_without_start_time_is_told_by_the_program_name(session: Path) -> None:
    _write_lock(session)  # written before locks carried the start time
    error = _refused(SessionLock(session, facts=lambda pid: ProcessFacts(True, None,
                                                                         "firefox")))
    assert error.can_take_over and error.reason == "reused"
    live = _refused(SessionLock(session, facts=lambda pid: ProcessFacts(True, None,
                                                                        "python3.12")))
    assert not live.can_take_over and live.reason == "live"


def test_a_live_workshop_is_not_offered_for_take_over(session: Path) -> None:
    started = 1_714_548_600.0
    _write_lock(session, process_started=started)
    error = _refused(SessionLock(session, facts=lambda pid: ProcessFacts(True, started + 0.4,
                                                                         "Workshop.exe")))
    assert not error.can_take_over and error.reason == "live"
    _shows_holder(error)
    assert "Close it there, or open it read-only." in str(error)


def test_a_dead_process_on_this_host_is_stale_without_asking(session: Path) -> None:
    _write_lock(session)
    lock = SessionLock(session, facts=lambda pid: ProcessFacts(alive=pid == os.getpid()))
    lock.acquire()
    assert lock.held_by_me()
    lock.release()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_linux_facts_come_from_proc(session: Path) -> None:
    import time

    own = process_facts(os.getpid())
    assert own.alive and own.name.startswith("python")
    assert own.started is not None and 0 <= time.time() - own.started < 3600
    with SessionLock(session):
        written = json.loads(lock_path(session).read_text())
        assert written["process_started"] == pytest.approx(own.started, abs=0.02)
    # The real parent process is alive but did not write this lock an hour earlier.
    parent = process_facts(os.getppid())
    assert parent.started is not None
    _write_lock(session, pid=os.getppid(), process_started=parent.started - 3600)
    assert _refused(SessionLock(session)).reason == "reused"
