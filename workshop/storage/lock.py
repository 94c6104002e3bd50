"""One writer per session file: a lock file beside the session.

``.{name}.lock`` (owner-only, created with ``O_CREAT | O_EXCL``) holds JSON with the
holder's pid, host, user, start time, app version, and the holding process's own start
time and name. A lock left behind by a crash is recognised as stale, like QLockFile
does: same host and the process is gone, or the lock file is unreadable and older than
a minute. Anything else refuses with a ``LockedError`` that says who holds the session
and since when, and whether it can be taken over (``LockedError.can_take_over``):

- ``reused``: same host, and the process id now belongs to another program (its start
  time differs from the one in the lock, or, for locks without one, its name is not a
  Workshop's): the Workshop that held it has ended, e.g. before a restart;
- ``other_host``: written on another computer (a shared or synced folder, a laptop that
  crashed): nobody here can tell whether it is still open there;
- ``live``: a Workshop on this computer really has it open: no take-over, only
  read-only, so two windows never write one file.

Taking over (``acquire(force=True)``) is for the facilitator to decide, in the app's
dialog or with ``workshop unlock``. What this module knows of processes comes from
``process_facts`` (``/proc`` on Linux, the Win32 API on Windows, ``ps`` elsewhere), which
tests replace to play another platform.
"""

from __future__ import annotations

import datetime as dt
import errno
import getpass
import json
import os
import socket
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from workshop import __version__
from workshop.i18n import Message
from workshop.storage import files, platform
from workshop.storage.errors import LockedError, SaveError, SessionFileError
from workshop.storage.process_facts import ProcessFacts, process_facts

__all__ = ["ProcessFacts", "SessionLock", "lock_path", "pid_alive", "process_facts"]

LOCK_PREFIX = "."
LOCK_SUFFIX = ".lock"
LOCK_MODE = 0o600
CORRUPT_STALE_AFTER_S = 60.0
MAX_LOCK_BYTES = 64 * 1024
_ACQUIRE_ATTEMPTS = 3
START_TOLERANCE_S = 2.0
"""Two start times of one process read twice differ by rounding, never by this much."""
WORKSHOP_NAMES = ("workshop", "python", "pythonw", "py")
"""Process names a Workshop runs under (the bundle, or a Python interpreter)."""


def lock_path(session_path: Path | str) -> Path:
    """The lock file of a session: ``.{name}.lock`` in the same folder."""
    session_path = Path(session_path)
    return session_path.with_name(f"{LOCK_PREFIX}{session_path.name}{LOCK_SUFFIX}")


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (unsure counts as alive)."""
    return platform.pid_alive(pid)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in the environment or the password database
        return ""


def _host() -> str:
    return socket.gethostname()


def _display_time(started: object) -> str:
    if not isinstance(started, str):
        return "?"
    try:
        moment = dt.datetime.fromisoformat(started)
    except ValueError:
        return started
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


class SessionLock:
    """The right to write one session file, held by one process.

    >>> with SessionLock(path):      # raises LockedError if someone else has it
    ...     save_session(session, path)
    """

    def __init__(self, path: Path | str, *, now: Callable[[], float] = time.time,
                 facts: Callable[[int], ProcessFacts] | None = None) -> None:
        self.path = Path(path)
        self.lock_file = lock_path(self.path)
        self._now = now
        self._facts = facts
        """Replaces ``process_facts`` (tests play other platforms with it)."""
        self._held = False

    # --- inspection ----------------------------------------------------------------

    def _read(self) -> tuple[bytes, dict[str, object] | None] | None:
        """Raw bytes and parsed holder of the lock file; None if there is none.

        A lock file we may not read (another account's, on a shared folder) is
        returned as ``(b"", {"unreadable": True})``: held, and never judged stale.
        """
        try:
            with open(self.lock_file, "rb") as handle:
                raw = handle.read(MAX_LOCK_BYTES + 1)
        except FileNotFoundError:
            return None
        except PermissionError:
            return b"", {"unreadable": True}
        except OSError:
            return b"", None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return raw, None
        pid = data.get("pid") if isinstance(data, dict) else None
        if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
            return raw, None  # no process we could identify: a damaged lock file
        return raw, {str(k): v for k, v in data.items()}

    def holder(self) -> dict[str, object] | None:
        """Who holds the lock: the lock file's content, ``{}`` if unreadable, None if free."""
        found = self._read()
        if found is None:
            return None
        return found[1] if found[1] is not None else {}

    def held_by_me(self) -> bool:
        """True if this object acquired the lock and the lock file is still ours."""
        if not self._held:
            return False
        holder = self.holder()
        return bool(holder) and self._is_ours(holder)

    @staticmethod
    def _is_ours(holder: dict[str, object] | None) -> bool:
        return (holder is not None and holder.get("pid") == os.getpid()
                and holder.get("host") == _host())

    def _is_stale(self, holder: dict[str, object] | None) -> bool:
        if holder is None:
            try:
                age = self._now() - self.lock_file.stat().st_mtime
            except OSError:
                return False
            return age >= CORRUPT_STALE_AFTER_S
        return self.judge(holder) == "stale"

    def judge(self, holder: dict[str, object]) -> str:
        """What a readable lock means: ``stale`` (its process is gone), ``ours``,
        ``live`` (a Workshop here has it open), ``reused`` (its process id now belongs
        to another program), ``other_host``, or ``unreadable``."""
        if holder.get("unreadable"):
            return "unreadable"
        pid = holder.get("pid")
        if not isinstance(pid, int) or isinstance(pid, bool):
            return "unreadable"
        if holder.get("host") != _host():
            return "other_host"  # another machine (a shared folder): we cannot tell
        if pid == os.getpid():
            return "ours"
        facts = (self._facts or process_facts)(pid)
        if not facts.alive:
            return "stale"
        recorded = holder.get("process_started")
        if isinstance(recorded, (int, float)) and not isinstance(recorded, bool):
            if facts.started is not None:
                return ("live" if abs(facts.started - recorded) <= START_TOLERANCE_S
                        else "reused")
        if facts.name and not facts.name.lower().startswith(WORKSHOP_NAMES):
            return "reused"
        return "live"

    # --- acquire / release ---------------------------------------------------------

    def _content(self) -> bytes:
        data: dict[str, object] = {
            "pid": os.getpid(),
            "host": _host(),
            "user": _user(),
            "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "app": "Workshop",
            "version": __version__,
        }
        own = (self._facts or process_facts)(os.getpid())
        if own.started is not None:
            data["process_started"] = round(own.started, 2)
        if own.name:
            data["process_name"] = own.name
        return json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n"

    def _create(self) -> bool:
        """Create the lock file exclusively; False if it already exists."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(self.lock_file, flags, LOCK_MODE)
        except FileExistsError:
            return False
        except OSError as exc:
            raise self._cannot_lock(exc) from None
        try:
            platform.restrict_fd(fd, LOCK_MODE)
            view = memoryview(self._content())
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        except OSError as exc:
            os.close(fd)
            try:
                os.unlink(self.lock_file)
            except OSError:
                pass
            raise self._cannot_lock(exc) from None
        os.close(fd)
        return True

    def _cannot_lock(self, exc: OSError) -> SessionFileError:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return SaveError(self.path, Message(
                "Workshop cannot create a lock file beside “{path}”: the folder is "
                "read-only or you lack permission. Open it read-only, or copy it to a "
                "folder you can write to.", path=self.path), kind="read_only",
                reason=files.os_reason(exc))
        return SaveError(self.path, Message(
            "Workshop cannot create a lock file beside “{path}”: {reason}. Open it "
            "read-only, or try again.", path=self.path, reason=files.os_reason(exc)),
            kind="disk_full" if exc.errno == errno.ENOSPC else "other",
            reason=files.os_reason(exc))

    def _locked_error(self, holder: dict[str, object] | None) -> LockedError:
        if holder is not None and holder.get("unreadable"):
            return LockedError(self.path, Message(
                "“{path}” is already open in Workshop under another user account "
                "(its lock file “{lock}” cannot be read). Close it there, or open it "
                "read-only.", path=self.path, lock=self.lock_file), holder)
        if holder is None:
            return LockedError(self.path, Message(
                "“{path}” is being opened by another Workshop right now. Try again in "
                "a minute, or open it read-only.", path=self.path), {})
        if self._is_ours(holder):
            return LockedError(self.path, Message(
                "“{path}” is already open in this Workshop. Switch to that window.",
                path=self.path), holder)
        verdict = self.judge(holder)
        facts = dict(path=self.path, user=holder.get("user") or "?",
                     host=holder.get("host") or "?", pid=holder.get("pid"),
                     time=_display_time(holder.get("started")))
        if verdict == "reused":
            found = (self._facts or process_facts)(int(str(holder.get("pid"))))
            return LockedError(self.path, Message(
                "“{path}” was opened in Workshop by {user} on {host} (process {pid}) "
                "since {time}, but process {pid} is now another program ({program}): that "
                "Workshop has ended, probably at a restart. Take the session over, or "
                "open it read-only.", program=found.name or "?", **facts), holder,
                can_take_over=True, reason=verdict)
        if verdict == "other_host":
            return LockedError(self.path, Message(
                "“{path}” is open in Workshop by {user} on another computer, {host} "
                "(process {pid}), since {time}. Workshop cannot tell from here whether it "
                "is still open there. If it is, close it there first. If that computer "
                "crashed or the session is closed there, take it over; otherwise open it "
                "read-only.", **facts), holder, can_take_over=True, reason=verdict)
        return LockedError(self.path, Message(
            "“{path}” is already open in Workshop by {user} on {host} (process {pid}) "
            "since {time}. Close it there, or open it read-only.", **facts), holder,
            reason=verdict)

    def acquire(self, *, force: bool = False) -> None:
        """Take the lock or raise ``LockedError`` naming the holder.

        ``force`` takes over any lock (only after the user confirmed that the other
        Workshop is gone, e.g. a crashed laptop on a shared drive). The new holder
        removes leftovers of interrupted saves.
        """
        if self._held:
            raise RuntimeError(f"{self.lock_file} is already held by this object")
        holder: dict[str, object] | None = None
        for _ in range(_ACQUIRE_ATTEMPTS):
            if self._create():
                self._held = True
                files.remove_temp_files(self.path)
                return
            found = self._read()
            if found is None:
                continue  # released in the meantime
            raw, holder = found
            if not (force or self._is_stale(holder)):
                raise self._locked_error(holder)
            again = self._read()
            if again is not None and again[0] == raw:  # still the lock we judged
                try:
                    os.unlink(self.lock_file)
                except FileNotFoundError:
                    pass
                except OSError as exc:
                    raise self._cannot_lock(exc) from None
        raise self._locked_error(holder)

    def release(self) -> None:
        """Give the lock up; the file is removed only if it is still ours."""
        if not self._held:
            return
        self._held = False
        found = self._read()
        if found is not None and self._is_ours(found[1]):
            try:
                os.unlink(self.lock_file)
            except OSError:
                pass

    def __enter__(self) -> SessionLock:
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
