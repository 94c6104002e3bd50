"""Autosave without Qt: the UI reports edits and ticks a timer; a worker thread writes.

``changed()`` on every edit; ``tick()`` every ~100 ms. A save starts once the session
has been quiet for ``delay_s``, or ``max_delay_s`` after the first edit that no save has
taken yet, so that continuous typing is saved too: with the defaults no edit waits more
than about 1.2 s for its save to start, so a crash loses at most 2 s of typing.

With a ``SaveWorker`` the caller's thread (the UI thread) only takes a frozen snapshot
(``files.snapshot``: plain JSON values, nothing shared with the live session) and hands
it over; serialising, writing, fsync and backups happen on the worker, one save at a
time, and the next save always takes the newest state. Results come back through
``tick()``/``wait()`` on the caller's thread, so ``on_saved``/``on_error`` never run on
the worker. Without a worker everything happens inside ``tick()`` (command-line tools,
tests that want no thread).

A failed save keeps the session dirty, is reported once per attempt, and is retried
after ``retry_s``. Every successful save may make a rotating backup; a failing backup
never fails the save.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop.domain.model import Session
from workshop.storage import files
from workshop.storage.backups import BackupStore
from workshop.storage.errors import SaveError, SessionFileError

DEFAULT_DELAY_S = 0.5
DEFAULT_MAX_DELAY_S = 1.0
DEFAULT_RETRY_S = 5.0

Job = Callable[[], None]


class SaveWorker:
    """One thread that runs storage jobs one at a time, in the order given.

    The thread starts with the first job and ends after ``IDLE_S`` without work, so an
    open session that is not edited holds no thread. It is a daemon: a process that
    ends (or is killed) never waits for it; what was written by then was written
    atomically.
    """

    IDLE_S = 10.0

    def __init__(self, name: str = "workshop-save") -> None:
        self._name = name
        self._cond = threading.Condition()
        self._queue: list[Job] = []
        self._busy = False
        self._closed = False
        self._thread: threading.Thread | None = None

    def submit(self, job: Job) -> None:
        with self._cond:
            if self._closed:
                raise RuntimeError("the save worker is closed")
            self._queue.append(job)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name,
                                                daemon=True)
                self._thread.start()
            self._cond.notify_all()

    @property
    def idle(self) -> bool:
        with self._cond:
            return not self._busy and not self._queue

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until every submitted job has run; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._busy and not self._queue, timeout)

    def close(self, timeout: float | None = None) -> None:
        """Run what was submitted, then stop."""
        with self._cond:
            self._closed = True
            thread = self._thread
            self._cond.notify_all()
        if thread is not None and threading.current_thread() is not thread:
            thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: bool(self._queue) or self._closed, self.IDLE_S)
                if not self._queue:
                    self._thread = None
                    return
                job = self._queue.pop(0)
                self._busy = True
            try:
                job()
            except BaseException:  # noqa: BLE001 - a job reports its own errors
                pass
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()


@dataclass
class _Outcome:
    generation: int
    path: Path
    saved_at: dt.datetime
    data: bytes | None = None
    error: SaveError | None = None
    backup_error: Exception | None = None
    backup_tried: bool = False


class Autosaver:
    def __init__(
        self,
        path: Path | str,
        snapshot: Callable[[], Session],
        *,
        delay_s: float = DEFAULT_DELAY_S,
        max_delay_s: float = DEFAULT_MAX_DELAY_S,
        retry_s: float = DEFAULT_RETRY_S,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], dt.datetime] = dt.datetime.now,
        backups: BackupStore | None = None,
        on_saved: Callable[[dt.datetime], None] | None = None,
        on_error: Callable[[SaveError], None] | None = None,
        worker: SaveWorker | None = None,
        after_save: Callable[[Path, bytes], None] | None = None,
        freeze: Callable[[], dict[str, Any]] | None = None,
    ) -> None:
        self._path = Path(path)
        self._snapshot = snapshot
        self.delay_s = delay_s
        self.max_delay_s = max_delay_s
        self.retry_s = retry_s
        self._clock = clock
        self._wall_clock = wall_clock
        self._backups = backups
        self._on_saved = on_saved
        self._on_error = on_error
        self._worker = worker
        self._freeze = freeze
        """Takes the snapshot instead of ``files.snapshot(snapshot())``; must return what
        that would (the document's incremental snapshot)."""
        self._after_save = after_save
        """Runs after every successful save, where the save ran (the worker): e.g.
        removing a forgotten participant from the backups."""
        self._opened_kept = False
        """The file as it was before this run's first save is among the backups (the
        backups are of what a save writes; without this, the state the session was
        opened in could not be restored once an edit had been saved over it)."""
        self._dirty = False
        self._generation = 0
        self._unsaved_since: float | None = None
        """When the oldest edit that no save has taken yet was made."""
        self._last_change = 0.0
        self._retry_at: float | None = None
        self._last_saved: dt.datetime | None = None
        self._last_error: SaveError | None = None
        self._last_backup_error: Exception | None = None
        self._in_flight: tuple[int, float | None] | None = None
        """(generation, unsaved_since) of the save the worker is doing."""
        self._outcomes: list[_Outcome] = []
        self._lock = threading.Lock()
        self._prepared = False
        self._encoder = files.SnapshotEncoder(pause=files.Pause())
        """Used on the worker only: re-encodes only the fields a snapshot changed, and
        lets the UI thread in every millisecond while it does."""

    # --- state ---------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._path

    @property
    def dirty(self) -> bool:
        """Edits that are not on disk yet."""
        return self._dirty

    @property
    def saving(self) -> bool:
        """A save is on its way (on the worker)."""
        return self._in_flight is not None

    @property
    def last_saved(self) -> dt.datetime | None:
        """Wall time of the last successful save (None: not saved in this run)."""
        return self._last_saved

    @property
    def last_error(self) -> SaveError | None:
        """The error of the last save attempt; None once a save succeeded."""
        return self._last_error

    @property
    def last_backup_error(self) -> Exception | None:
        """Why the last backup attempt failed (the save itself succeeded)."""
        return self._last_backup_error

    @property
    def worker(self) -> SaveWorker | None:
        return self._worker

    @property
    def backups(self) -> BackupStore | None:
        return self._backups

    # --- driving -------------------------------------------------------------------

    def changed(self) -> None:
        """Call on every edit."""
        now = self._clock()
        self._dirty = True
        if self._unsaved_since is None:
            self._unsaved_since = now
        self._last_change = now
        self._generation += 1

    def due(self) -> bool:
        """Whether ``tick()`` would start a save now."""
        if not self._dirty or self._in_flight is not None:
            return False
        now = self._clock()
        if self._retry_at is not None and now < self._retry_at:
            return False
        first = self._unsaved_since if self._unsaved_since is not None else self._last_change
        return now - self._last_change >= self.delay_s or now - first >= self.max_delay_s

    def tick(self) -> bool:
        """Call from a timer: report finished saves, start one when due.

        True if a save finished successfully (without a worker: if it saved)."""
        saved = self.collect()
        if self.due():
            saved = self._save() or saved
        return saved

    def prepare(self) -> bool:
        """Ahead of the first save: freeze the whole session now and encode it on the
        worker, so that the first save after an edit encodes only what the edit touched.
        (The whole large session's encoding takes the worker ~100 ms, all of it sharing
        Python's lock with the window: a step change during the first save waited 30-70
        ms for it.) Call when nothing happens (the document does, a while after opening);
        False, and nothing done, once a save was made or is on its way."""
        if self._worker is None or self._freeze is None or self._prepared \
                or self._in_flight is not None or self._last_saved is not None:
            return False
        self._prepared = True
        frozen = self._freeze()
        encoder = self._encoder

        def encode() -> None:  # the encoder keeps each field's text; the bytes can go
            encoder.dumps(frozen)

        self._worker.submit(encode)
        return True

    def collect(self) -> bool:
        """Report the saves the worker finished (callbacks run here); True if one
        succeeded."""
        with self._lock:
            outcomes, self._outcomes = self._outcomes, []
        ok = False
        for outcome in outcomes:
            ok = self._finish(outcome) or ok
        return ok

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the save on its way, then ``collect``; True if it succeeded."""
        if self._worker is not None:
            self._worker.wait_idle(timeout)
        return self.collect()

    def flush(self) -> bool:
        """Save pending edits now (ignores delays and back-off) and wait for it.

        True if everything is on disk afterwards; False if the save failed (the
        error is in ``last_error`` and was passed to ``on_error``).
        """
        self.wait()
        if not self._dirty:
            return True
        self._save()
        self.wait()
        return not self._dirty

    def close(self) -> bool:
        """Flush before the session is closed; see ``flush``."""
        return self.flush()

    def save_as(self, new_path: Path | str) -> None:
        """Save to ``new_path`` now and autosave there from then on.

        Raises ``SaveError`` (the old path stays in use) if writing fails.
        """
        self.wait()
        new_path = Path(new_path)
        generation = self._generation
        data = files.save_session(self._snapshot(), new_path)
        self._path = new_path
        self._unsaved_since = None
        outcome = _Outcome(generation, new_path, self._wall_clock(), data)
        self._backup(outcome)
        self._finish(outcome)

    def run_on_worker(self, job: Job) -> None:
        """Run ``job`` where saves run, after the save on its way (now, without a worker)."""
        if self._worker is None:
            job()
        else:
            self._worker.submit(job)

    # --- saving --------------------------------------------------------------------

    def _save(self) -> bool:
        """Take a snapshot and save it (on the worker if there is one)."""
        generation = self._generation
        path = self._path
        saved_at = self._wall_clock()
        self._in_flight = (generation, self._unsaved_since)
        self._unsaved_since = None
        try:
            frozen = (self._freeze() if self._freeze is not None
                      else files.snapshot(self._snapshot()))
        except ValueError as exc:  # cannot be written at all (NaN, lone surrogate)
            outcome = _Outcome(generation, path, saved_at, error=SaveError(path, str(exc)))
            return self._finish(outcome)

        def job() -> None:
            outcome = _Outcome(generation, path, saved_at)
            self._keep_opened(path, saved_at)
            try:
                outcome.data = files.save_snapshot(frozen, path, self._encoder)
            except SaveError as error:
                outcome.error = error
            else:
                self._backup(outcome)
                if self._after_save is not None:
                    try:
                        self._after_save(path, outcome.data)
                    except (SessionFileError, OSError):
                        pass
            with self._lock:
                self._outcomes.append(outcome)

        if self._worker is None:
            job()
            return self.collect()
        self._worker.submit(job)
        return False

    def _finish(self, outcome: _Outcome) -> bool:
        """On the caller's thread: the state and callbacks after one save."""
        in_flight, self._in_flight = self._in_flight, None
        if outcome.error is not None:
            if in_flight is not None and in_flight[1] is not None:  # still unsaved
                since = in_flight[1]
                if self._unsaved_since is None or since < self._unsaved_since:
                    self._unsaved_since = since
            self._last_error = outcome.error
            self._retry_at = self._clock() + self.retry_s
            if self._on_error is not None:
                self._on_error(outcome.error)
            return False
        if self._generation == outcome.generation:
            self._dirty = False
            self._unsaved_since = None
        self._retry_at = None
        self._last_error = None
        self._last_saved = outcome.saved_at
        if outcome.backup_tried:
            self._last_backup_error = outcome.backup_error
        if self._on_saved is not None:
            self._on_saved(outcome.saved_at)
        return True

    def _keep_opened(self, path: Path, now: dt.datetime) -> None:
        """Before this run's first save writes over ``path``: its bytes as a backup,
        unless the newest backup holds them already (on the worker, once)."""
        if self._opened_kept or self._backups is None:
            return
        self._opened_kept = True
        try:
            data = path.read_bytes()
        except OSError:
            return  # a new file, or one that cannot be read: nothing to keep
        with contextlib.suppress(SessionFileError, OSError):
            before = [b.path for b in self._backups.list_backups(path)[:1]]
            if [self._backups.backup_now(path, data, now)] != before:  # a new one
                self._backups.thin(path, now)  # retention acts at a backup

    def _backup(self, outcome: _Outcome) -> None:
        if self._backups is None or outcome.data is None:
            return
        outcome.backup_tried = True
        try:
            if self._backups.maybe_backup(outcome.path, outcome.data,
                                          outcome.saved_at) is not None:
                self._backups.thin(outcome.path, outcome.saved_at)
        except (SessionFileError, OSError) as error:
            outcome.backup_error = error

