"""Autosave without threads or Qt: the UI reports edits and ticks a timer.

``changed()`` on every edit; ``tick()`` every ~200 ms. A save happens once the
session has been quiet for ``delay_s``, or ``max_delay_s`` after the first unsaved
change, so that continuous typing is still saved. A failed save keeps the session
dirty, is reported once per attempt, and is retried after ``retry_s``. Every
successful save may make a rotating backup; a failing backup never fails the save.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from workshop.domain.model import Session
from workshop.storage import files
from workshop.storage.backups import BackupStore
from workshop.storage.errors import SaveError, SessionFileError

DEFAULT_DELAY_S = 1.0
DEFAULT_MAX_DELAY_S = 10.0
DEFAULT_RETRY_S = 5.0


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
        self._dirty = False
        self._generation = 0
        self._first_change = 0.0
        self._last_change = 0.0
        self._retry_at: float | None = None
        self._last_saved: dt.datetime | None = None
        self._last_error: SaveError | None = None
        self._last_backup_error: Exception | None = None

    # --- state ---------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._path

    @property
    def dirty(self) -> bool:
        """Edits that are not on disk yet."""
        return self._dirty

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

    # --- driving -------------------------------------------------------------------

    def changed(self) -> None:
        """Call on every edit."""
        now = self._clock()
        if not self._dirty:
            self._dirty = True
            self._first_change = now
        self._last_change = now
        self._generation += 1

    def due(self) -> bool:
        """Whether ``tick()`` would save now."""
        if not self._dirty:
            return False
        now = self._clock()
        if self._retry_at is not None and now < self._retry_at:
            return False
        return (now - self._last_change >= self.delay_s
                or now - self._first_change >= self.max_delay_s)

    def tick(self) -> bool:
        """Call from a timer; saves when due. True if it saved."""
        return self._save() if self.due() else False

    def flush(self) -> bool:
        """Save pending edits now (ignores delays and back-off).

        True if everything is on disk afterwards; False if the save failed (the
        error is in ``last_error`` and was passed to ``on_error``).
        """
        return self._save() if self._dirty else True

    def close(self) -> bool:
        """Flush before the session is closed; see ``flush``."""
        return self.flush()

    def save_as(self, new_path: Path | str) -> None:
        """Save to ``new_path`` now and autosave there from then on.

        Raises ``SaveError`` (the old path stays in use) if writing fails.
        """
        new_path = Path(new_path)
        generation = self._generation
        data = files.save_session(self._snapshot(), new_path)
        self._path = new_path
        self._succeeded(data, generation)

    # --- saving --------------------------------------------------------------------

    def _save(self) -> bool:
        generation = self._generation
        try:
            data = files.save_session(self._snapshot(), self._path)
        except SaveError as error:
            self._last_error = error
            self._retry_at = self._clock() + self.retry_s
            if self._on_error is not None:
                self._on_error(error)
            return False
        self._succeeded(data, generation)
        return True

    def _succeeded(self, data: bytes, generation: int) -> None:
        if self._generation == generation:
            self._dirty = False
        else:  # edited while saving (a callback): save those edits soon
            self._first_change = self._clock()
        self._retry_at = None
        self._last_error = None
        saved_at = self._wall_clock()
        self._last_saved = saved_at
        self._backup(data, saved_at)
        if self._on_saved is not None:
            self._on_saved(saved_at)

    def _backup(self, data: bytes, now: dt.datetime) -> None:
        if self._backups is None:
            return
        try:
            if self._backups.maybe_backup(self._path, data, now) is not None:
                self._backups.thin(self._path, now)
            self._last_backup_error = None
        except (SessionFileError, OSError) as error:
            self._last_backup_error = error
