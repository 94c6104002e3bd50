"""Rotating backups, so that no state a session was ever saved in is lost for good.

One folder per session in ``backups_folder()``: ``{stem}-{hash of the full path}``
holding ``YYYYMMDD-HHMMSS.workshop`` copies (owner-only) and ``source.txt`` with the
session's path. Thinning keeps everything of today and yesterday, then the newest
backup per day for a week, per ISO week for five weeks, and per month beyond that
(as Anki does), but never beyond the retention period: at every new backup, backups of
any session and recovery copies older than ``retention_months`` (a setting, default 12)
are deleted, so that what was deleted from a session does not live on for ever.

A backup or recovery copy is written under a temporary name first
(``.NAME.XXXXXXXX.saving``, ``files.write_atomic``); a process killed while writing one
leaves it behind, a whole or partial copy of the session. Such leftovers are removed
at every new backup (``expire``) and by "Delete everything of them", once older than a
minute: a younger one may be a write in progress.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from dataclasses import dataclass
from pathlib import Path

from workshop.domain.model import SCHEMA_VERSION, Session
from workshop.i18n import Message
from workshop.storage import files, platform
from workshop.storage.errors import NotASessionError, SessionFileError
from workshop.storage.paths import backups_folder, ensure_private_dir, recovery_folder

BACKUP_EXTENSION = files.EXTENSION
SOURCE_FILE = "source.txt"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
DEFAULT_INTERVAL_S = 300.0
KEEP_ALL_DAYS = 2  # today and yesterday
DAILY_DAYS = 7
WEEKLY_DAYS = 35  # five weeks
_MAX_STEM = 60
LEFTOVER_AGE_S = files.PARTIAL_EXPORT_AGE_S
"""A write takes well under a second from creating its temporary file to the rename; a
temporary file older than this belongs to a process that was killed."""
_NAME = re.compile(r"^(\d{8}-\d{6})(?:-(\d+))?" + re.escape(BACKUP_EXTENSION) + "$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file. ``source`` is the session's path as recorded in source.txt."""

    path: Path
    taken_at: dt.datetime
    size: int
    source: Path | None = None

    def load(self) -> Session:
        """The backed-up session (raises a SessionFileError if the backup is damaged)."""
        return files.load_session(self.path)


def _resolved(session_path: Path | str) -> Path:
    """The session's real path, links followed; a loop of links (which no session is
    behind) keeps its own absolute path, so a backup never fails on it."""
    try:
        return files.resolve_path(session_path)
    except SessionFileError:
        return Path(session_path).absolute()


def _local_naive(moment: dt.datetime) -> dt.datetime:
    """Backup names use local wall time without a zone."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def _parse(path: Path) -> tuple[dt.datetime, int] | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = dt.datetime.strptime(match.group(1), STAMP_FORMAT)
    except ValueError:
        return None
    return taken, int(match.group(2) or 0)


def months_before(moment: dt.datetime, months: int) -> dt.datetime:
    """The same day and time ``months`` calendar months earlier (31 March - 1 = 28/29 Feb)."""
    import calendar

    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


class BackupStore:
    """The backups of every session, under ``root`` (default: ``backups_folder()``).

    ``retention_months``: backups and recovery copies older than this are deleted at
    the next backup; None reads the user's setting each time. ``recovery``: the folder
    of recovery copies (default: ``recovery_folder()`` with the default root).
    """

    def __init__(self, root: Path | None = None, interval_s: float = DEFAULT_INTERVAL_S,
                 *, retention_months: int | None = None, recovery: Path | None = None):
        self.root = Path(root) if root is not None else backups_folder()
        self.interval_s = interval_s
        self.retention_months = retention_months
        self.recovery = recovery if recovery is not None or root is not None else (
            recovery_folder())

    def retention(self) -> int:
        if self.retention_months is not None:
            return self.retention_months
        from workshop.storage import settings

        return settings.backup_retention_months()

    # --- where -------------------------------------------------------------------

    def folder_for(self, session_path: Path | str) -> Path:
        resolved = _resolved(session_path)
        digest = hashlib.sha256(platform.path_key(resolved).encode("utf-8")).hexdigest()[:10]
        stem = resolved.stem[:_MAX_STEM] or "session"
        return self.root / f"{stem}-{digest}"

    # --- listing -----------------------------------------------------------------

    @staticmethod
    def _read_source(folder: Path) -> Path | None:
        try:
            text = (folder / SOURCE_FILE).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return Path(text) if text else None

    def _list_folder(self, folder: Path, source: Path | None) -> list[BackupInfo]:
        found: list[tuple[dt.datetime, int, BackupInfo]] = []
        try:
            entries = list(folder.iterdir())
        except OSError:
            return []
        for entry in entries:
            parsed = _parse(entry)
            if parsed is None:
                continue
            try:
                size = entry.stat().st_size
            except OSError:
                continue
            taken, serial = parsed
            found.append((taken, serial, BackupInfo(entry, taken, size, source)))
        found.sort(key=lambda item: (item[0], item[1]), reverse=True)
        return [info for _, _, info in found]

    def list_backups(self, session_path: Path | str) -> list[BackupInfo]:
        """Backups of one session, newest first."""
        folder = self.folder_for(session_path)
        return self._list_folder(folder, self._read_source(folder))

    def list_all(self) -> list[BackupInfo]:
        """Backups of every session, newest first (``source`` says which session)."""
        try:
            folders = [f for f in self.root.iterdir() if f.is_dir()]
        except OSError:
            return []
        every: list[BackupInfo] = []
        for folder in folders:
            every += self._list_folder(folder, self._read_source(folder))
        every.sort(key=lambda info: (info.taken_at, info.path.name), reverse=True)
        return every

    def leftovers(self) -> list[Path]:
        """Temporary files of backup and recovery writes (``.NAME.XXXXXXXX.saving``) in
        every session's backup folder and in the recovery folder, of any age."""
        try:
            folders = [f for f in self.root.iterdir() if f.is_dir()]
        except OSError:
            folders = []
        if self.recovery is not None:
            folders.append(self.recovery)
        found: list[Path] = []
        for folder in folders:
            try:
                entries = list(folder.iterdir())
            except OSError:
                continue
            found += sorted(e for e in entries if e.name.startswith(files.TEMP_PREFIX)
                            and e.name.endswith(files.TEMP_SUFFIX) and e.is_file())
        return found

    def remove_leftovers(self, *, min_age_s: float = LEFTOVER_AGE_S) -> list[Path]:
        """Remove the leftovers of killed writes (``leftovers``) older than
        ``min_age_s`` (by the clock, whatever ``now`` a caller works with)."""
        removed = []
        for leftover in self.leftovers():
            try:
                if time.time() - leftover.stat().st_mtime >= min_age_s:
                    leftover.unlink()
                    removed.append(leftover)
            except OSError:
                pass
        return removed

    # --- writing -----------------------------------------------------------------

    def _newest_matches(self, newest: BackupInfo, data: bytes) -> bool:
        if newest.size != len(data):
            return False
        try:
            return newest.path.read_bytes() == data
        except OSError:
            return False

    def _write(self, session_path: Path | str, data: bytes, now: dt.datetime) -> Path:
        """Write a new backup (raises SaveError/OSError on failure)."""
        folder = ensure_private_dir(self.folder_for(session_path))
        source = str(_resolved(session_path))
        if self._read_source(folder) != Path(source):
            files.write_atomic(folder / SOURCE_FILE, (source + "\n").encode("utf-8"))
        stamp = _local_naive(now).strftime(STAMP_FORMAT)
        target = folder / f"{stamp}{BACKUP_EXTENSION}"
        serial = 0
        while target.exists():
            serial += 1
            target = folder / f"{stamp}-{serial}{BACKUP_EXTENSION}"
        files.write_atomic(target, data)
        return target

    def maybe_backup(self, session_path: Path | str, data: bytes,
                     now: dt.datetime) -> Path | None:
        """Back up ``data`` if the newest backup is older than the interval and differs.

        Returns the new backup's path, or None if none was needed.
        """
        backups = self.list_backups(session_path)
        if backups:
            newest = backups[0]
            elapsed = (_local_naive(now) - newest.taken_at).total_seconds()
            if 0 <= elapsed < self.interval_s:  # negative: the clock went back
                return None
            if self._newest_matches(newest, data):
                return None
        return self._write(session_path, data, now)

    def backup_now(self, session_path: Path | str, data: bytes, now: dt.datetime) -> Path:
        """Back up regardless of the interval; identical to the newest: that one."""
        backups = self.list_backups(session_path)
        if backups and self._newest_matches(backups[0], data):
            return backups[0].path
        return self._write(session_path, data, now)

    # --- thinning ----------------------------------------------------------------

    @staticmethod
    def keep(backups: list[BackupInfo], now: dt.datetime) -> set[Path]:
        """Which backups thinning keeps (see the module docstring)."""
        today = _local_naive(now).date()
        kept: set[Path] = set()
        buckets: dict[tuple[str, int, int, int], BackupInfo] = {}
        for info in backups:
            age = (today - info.taken_at.date()).days
            day = info.taken_at.date()
            key: tuple[str, int, int, int]
            if age < KEEP_ALL_DAYS:  # also the future, if the clock went back
                kept.add(info.path)
                continue
            if age < DAILY_DAYS:
                key = ("day", day.year, day.month, day.day)
            elif age < WEEKLY_DAYS:
                iso = day.isocalendar()
                key = ("week", iso.year, iso.week, 0)
            else:
                key = ("month", day.year, day.month, 0)
            best = buckets.get(key)
            if best is None or (info.taken_at, info.path.name) > (best.taken_at, best.path.name):
                buckets[key] = info
        kept.update(info.path for info in buckets.values())
        return kept

    def thin(self, session_path: Path | str, now: dt.datetime) -> list[Path]:
        """Remove the backups thinning does not keep, and everything older than the
        retention period (``expire``); returns those removed."""
        backups = self.list_backups(session_path)
        kept = self.keep(backups, now)
        removed: list[Path] = []
        for info in backups:
            if info.path not in kept:
                try:
                    info.path.unlink()
                    removed.append(info.path)
                except OSError:
                    pass
        return removed + self.expire(now)

    def expire(self, now: dt.datetime) -> list[Path]:
        """Delete backups of every session and recovery copies older than the
        retention period, and leftovers of killed writes (``remove_leftovers``); a
        session folder left empty goes too."""
        cutoff = months_before(_local_naive(now), self.retention())
        removed: list[Path] = self.remove_leftovers()
        for info in self.list_all():
            if info.taken_at < cutoff:
                try:
                    info.path.unlink()
                    removed.append(info.path)
                except OSError:
                    pass
        for folder in {p.parent for p in removed if p.parent.parent == self.root}:
            if not any(_parse(entry) for entry in folder.iterdir()):
                for leftover in (folder / SOURCE_FILE,):
                    leftover.unlink(missing_ok=True)
                try:
                    folder.rmdir()
                except OSError:
                    pass
        removed += self._expire_recovery(cutoff)
        return removed

    def _expire_recovery(self, cutoff: dt.datetime) -> list[Path]:
        if self.recovery is None:
            return []
        try:
            entries = [e for e in self.recovery.iterdir() if e.name.endswith(BACKUP_EXTENSION)]
        except OSError:
            return []
        removed = []
        for entry in entries:
            try:
                written = dt.datetime.fromtimestamp(entry.stat().st_mtime)
                if written < cutoff:
                    entry.unlink()
                    removed.append(entry)
            except OSError:
                pass
        return removed


def restore(backup_path: Path | str, target_path: Path | str, store: BackupStore,
            now: dt.datetime | None = None) -> Path | None:
    """Put a backup back in place of ``target_path``; nothing is lost on the way.

    The backup is validated first (a damaged one raises its SessionFileError and
    nothing changes). A target that is a symbolic link stands for the file it points at:
    that file is restored (the caller locks that one, ``files.resolve_path``). An
    existing target must be a session, if perhaps a damaged one: another program's file
    is refused with ``NotASessionError``, unchanged. If the target exists and differs, it
    is backed up first; that backup's path is returned (None if there was nothing to
    keep). Then the target is replaced atomically.
    """
    given = Path(target_path)
    backup_path, target_path = Path(backup_path), files.resolve_path(given)
    data = files.read_bytes(backup_path)
    files.loads(data, backup_path)
    kept: Path | None = None
    if target_path.is_dir():
        raise NotASessionError(given, Message(
            "“{path}” is a folder: a backup is restored over a session or into a new file.",
            path=given))
    if target_path.exists() and not files.looks_like_session(target_path):
        raise NotASessionError(given, Message(
            "“{path}” is not a Workshop session: a backup is restored only over a session "
            "or into a new file. The file has not been changed.", path=given))
    if target_path.exists():
        current = files.read_bytes(target_path)
        if current != data:
            kept = store.backup_now(target_path, current, now or dt.datetime.now())
    files.write_atomic(target_path, data)
    return kept


_VERSION = re.compile(rb'"schema_version"\s*:\s*(\d+)')


def keep_before_upgrade(session_path: Path | str, store: BackupStore,
                        now: dt.datetime | None = None) -> Path | None:
    """A file of an older format is converted when opened (and cut to version 3's text
    limits): keep it as it was, as a backup, before the first save writes over it.
    Returns the backup, or None for a file of the current format."""
    data = Path(session_path).read_bytes()
    found = _VERSION.search(data[:4096])
    if found is None or int(found.group(1)) >= SCHEMA_VERSION:
        return None
    return store.backup_now(session_path, data, now or dt.datetime.now())
