"""Autosave with a fake clock: debouncing, continuous typing, close, and a full disk.

Every test runs twice: saving inside ``tick()``, and saving on the worker thread the app
uses (the harness waits for the worker after each tick, so the fake clock still rules).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path
from typing import Any

import pytest

from workshop.domain.model import Session
from workshop.storage import files
from workshop.storage.autosave import Autosaver, SaveWorker
from workshop.storage.backups import BackupStore
from workshop.storage.errors import SaveError

START = dt.datetime(2024, 6, 15, 9, 0, 0)


class FakeClock:
    """Monotonic and wall time in one, advanced by the test (integer milliseconds)."""

    def __init__(self) -> None:
        self.ms = 0

    def __call__(self) -> float:
        return self.ms / 1000

    def wall(self) -> dt.datetime:
        return START + dt.timedelta(milliseconds=self.ms)


THREADED = {"threaded": False}
"""Set by the ``path`` fixture: whether the harnesses of this test save on a worker."""


class Harness:
    def __init__(self, path: Path, **kwargs: Any) -> None:
        self.worker = SaveWorker() if THREADED["threaded"] else None
        self.clock = FakeClock()
        self.session = Session(id="s-fixed")
        self.saves: list[float] = []
        self.errors: list[SaveError] = []
        self.snapshots = 0
        self.saver = Autosaver(path, self.snapshot, clock=self.clock,
                               wall_clock=self.clock.wall, on_saved=self.saved,
                               on_error=self.errors.append, worker=self.worker, **kwargs)

    def snapshot(self) -> Session:
        self.snapshots += 1
        return self.session

    def saved(self, when: dt.datetime) -> None:
        self.saves.append((when - START).total_seconds())

    def edit(self, name: str) -> None:
        self.session.details.name = name
        self.saver.changed()

    def run(self, until_ms: int, edit_every_ms: int | None = None, edit_until_ms: int = 0
            ) -> None:
        """Advance in 10 ms steps, editing as asked and ticking every 200 ms."""
        while self.clock.ms < until_ms:
            self.clock.ms += 10
            ms = self.clock.ms
            if edit_every_ms and ms <= edit_until_ms and ms % edit_every_ms == 0:
                self.edit(f"edit {ms}")
            if ms % 200 == 0:
                self.tick()

    def tick(self) -> bool:
        started = self.saver.tick()
        return self.saver.wait() or started if self.worker is not None else started


@pytest.fixture(params=["inline", "worker"])
def path(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    THREADED["threaded"] = request.param == "worker"
    return tmp_path / "regio.workshop"


def test_a_burst_of_changes_gives_one_save_after_the_last(path: Path) -> None:
    h = Harness(path)
    h.run(until_ms=5000, edit_every_ms=10, edit_until_ms=500)  # 50 edits in 0.5 s
    assert h.saves == [pytest.approx(1.0)]  # first tick at least 0.5 s after the last edit
    assert not h.saver.dirty
    assert h.saver.last_saved == START + dt.timedelta(seconds=1.0)
    assert files.load_session(path).details.name == "edit 500"


def test_continuous_typing_still_saves_every_second(path: Path) -> None:
    h = Harness(path)
    h.run(until_ms=31_000, edit_every_ms=300, edit_until_ms=31_000)
    assert len(h.saves) == 25
    first_edit = 0.3
    gaps = [b - a for a, b in zip([first_edit] + h.saves, h.saves, strict=False)]
    # No edit waits longer than max_delay_s plus one 200 ms tick.
    assert max(gaps) <= 1.2 + 1e-9
    assert h.saver.dirty  # the latest edits are pending
    assert h.saver.flush()
    assert files.load_session(path).details.name == "edit 30900"


def test_nothing_to_do_when_clean(path: Path) -> None:
    h = Harness(path)
    h.run(until_ms=3000)
    assert h.saves == [] and h.snapshots == 0
    assert h.saver.flush() and h.saver.close()
    assert not path.exists()


def test_close_saves_pending_changes(path: Path) -> None:
    h = Harness(path)
    h.edit("last words")
    h.clock.ms += 100
    assert h.tick() is False  # too soon
    assert h.saver.close() is True
    assert not h.saver.dirty
    assert files.load_session(path).details.name == "last words"


class _FullDisk:
    """Stands in for the os module inside files.py: every write finds the disk full."""

    def __init__(self) -> None:
        self.attempts = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def write(self, fd: int, data: bytes) -> int:
        self.attempts += 1
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_keeps_the_old_file_and_the_edits(path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    h = Harness(path)
    h.edit("saved version")
    assert h.saver.flush()
    before = path.read_bytes()

    full = _FullDisk()
    monkeypatch.setattr(files, "os", full)
    h.edit("unsaved version")
    h.run(until_ms=h.clock.ms + 1200)
    assert full.attempts == 1
    assert h.saver.dirty
    assert isinstance(h.saver.last_error, SaveError)
    assert "disk is full" in str(h.saver.last_error)
    assert h.errors == [h.saver.last_error]
    assert path.read_bytes() == before
    assert files.temp_files(path) == []

    h.run(until_ms=h.clock.ms + 4000)  # backing off: no attempt every tick
    assert full.attempts == 1
    h.run(until_ms=h.clock.ms + 1000)
    assert full.attempts == 2 and len(h.errors) == 2

    monkeypatch.setattr(files, "os", os)
    h.run(until_ms=h.clock.ms + 5000)
    assert not h.saver.dirty
    assert h.saver.last_error is None
    assert files.load_session(path).details.name == "unsaved version"


def test_flush_on_a_full_disk_reports_failure(path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    h = Harness(path)
    monkeypatch.setattr(files, "os", _FullDisk())
    h.edit("x")
    assert h.saver.close() is False
    assert h.saver.dirty and len(h.errors) == 1
    assert not path.exists()


def test_saves_make_backups(path: Path, tmp_path: Path) -> None:
    store = BackupStore(tmp_path / "backups", interval_s=300)
    h = Harness(path, backups=store)
    h.edit("one")
    assert h.saver.flush()
    h.clock.ms += 60_000
    h.edit("two")
    assert h.saver.flush()  # within the interval: no new backup
    assert [b.load().details.name for b in store.list_backups(path)] == ["one"]
    h.clock.ms += 300_000
    h.edit("three")
    assert h.saver.flush()
    assert [b.load().details.name for b in store.list_backups(path)] == ["three", "one"]


def test_a_failing_backup_does_not_fail_the_save(path: Path, tmp_path: Path) -> None:
    class BrokenStore(BackupStore):
        def maybe_backup(self, session_path: Path | str, data: bytes,
                         now: dt.datetime) -> Path | None:
            raise OSError(errno.EIO, "I/O error")

    h = Harness(path, backups=BrokenStore(tmp_path / "backups"))
    h.edit("kept")
    assert h.saver.flush()
    assert not h.saver.dirty and h.saver.last_error is None
    assert isinstance(h.saver.last_backup_error, OSError)
    assert files.load_session(path).details.name == "kept"


def test_save_as_switches_the_path(path: Path, tmp_path: Path) -> None:
    h = Harness(path)
    h.edit("first")
    h.saver.flush()
    elsewhere = tmp_path / "usb" / "regio.workshop"
    elsewhere.parent.mkdir()
    h.edit("moved")
    h.saver.save_as(elsewhere)
    assert h.saver.path == elsewhere and not h.saver.dirty
    assert files.load_session(elsewhere).details.name == "moved"
    assert files.load_session(path).details.name == "first"
    h.edit("later")
    h.saver.flush()
    assert files.load_session(elsewhere).details.name == "later"


def test_save_as_failure_keeps_the_old_path(path: Path, tmp_path: Path) -> None:
    h = Harness(path)
    h.edit("x")
    with pytest.raises(SaveError):
        h.saver.save_as(tmp_path / "no such folder" / "x.workshop")
    assert h.saver.path == path and h.saver.dirty


def test_an_edit_made_during_a_save_is_in_the_next_save(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    """The worker writes a frozen snapshot: an edit while it writes is not in that file,
    keeps the session dirty, and is in the next save."""
    import threading

    path = tmp_path / "regio.workshop"
    writing, go_on = threading.Event(), threading.Event()
    real = files.write_atomic

    def slow_write(target: Path | str, data: bytes) -> None:
        writing.set()
        assert go_on.wait(10)
        real(target, data)

    monkeypatch.setattr(files, "write_atomic", slow_write)
    clock = FakeClock()
    session = Session(id="s-fixed")
    worker = SaveWorker()
    saver = Autosaver(path, lambda: session, clock=clock, wall_clock=clock.wall,
                      worker=worker)
    session.details.name = "before the save"
    saver.changed()
    clock.ms += 600
    assert saver.tick() is False  # handed to the worker, not done
    assert writing.wait(10) and saver.saving
    session.details.name = "during the save"  # the UI goes on while the worker writes
    saver.changed()
    go_on.set()
    assert saver.wait(10)
    assert files.load_session(path).details.name == "before the save"
    assert saver.dirty and not saver.saving
    clock.ms += 600
    saver.tick()
    assert saver.wait(10)
    assert not saver.dirty
    assert files.load_session(path).details.name == "during the save"
    worker.close()


def test_no_edit_waits_more_than_1_2_seconds_whatever_the_rhythm(path: Path) -> None:
    """Random typing rhythms against the fake clock: from every edit to the start of the
    save that takes it, at most max_delay_s plus one tick."""
    import random

    rng = random.Random(13)
    h = Harness(path)
    pending: list[int] = []
    worst = 0
    taken: list[int] = []
    h.saver._snapshot = lambda: (taken.extend(pending), pending.clear(), h.session)[2]
    while h.clock.ms < 60_000:
        step = rng.choice([10, 40, 90, 180, 350, 600, 1500])
        for _ in range(step // 10):
            h.clock.ms += 10
            if h.clock.ms % 200 == 0:
                h.tick()
                worst = max([worst] + [h.clock.ms - t for t in taken])
                taken.clear()
        h.edit(f"at {h.clock.ms}")
        pending.append(h.clock.ms)
    assert 0 < worst <= 1200
