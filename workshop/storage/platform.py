"""Every file-system call that differs on Windows, in one place.

The rest of ``storage`` asks this module instead of testing ``sys.platform`` itself, so
the Windows branches are ordinary code a test on Linux runs: it sets ``SYSTEM`` (the
platform fact) to ``"win32"`` and, where Windows behaves differently at run time (a
sharing violation, an access-denied process handle), passes that behaviour in.

What differs, and what Workshop does:

- **File modes**: POSIX files are made owner-only (0o600/0o700). Windows has no mode
  bits (``os.chmod`` only toggles read-only); files under the user's profile inherit
  its owner-only ACL, so nothing is changed there.
- **Folder fsync**: POSIX fsyncs the folder after a rename; Windows cannot open a
  folder for fsync, and NTFS journals the rename.
- **Replace**: on Windows a virus scanner or indexer may hold the target open for a
  moment (sharing or lock violation, access denied): ``replace`` retries a few times.
- **Long paths**: Windows refuses paths of 260 characters or more unless they carry the
  ``\\\\?\\`` prefix; ``os_path`` adds it (for the calls, never for messages).
- **Case**: Windows paths that differ only in case (or in ``/`` versus ``\\``) are the
  same file; ``path_key`` makes them one key (backups, recent files).
- **Processes**: whether a lock's holder still runs (``pid_alive``): ``OpenProcess`` and
  ``GetExitCodeProcess`` on Windows, signal 0 on POSIX.
- **User name**: from the environment or the password database; any letters (UTF-8).
"""

from __future__ import annotations

import getpass
import ntpath
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SYSTEM: str = sys.platform
"""The platform fact (``sys.platform``); tests set it to run the other branch."""

REPLACE_RETRIES = 10
REPLACE_RETRY_DELAY = 0.05
WINDOWS_MAX_PATH = 260
# ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_WINDOWS_TRANSIENT = (5, 32, 33)


def is_windows() -> bool:
    return SYSTEM == "win32"


def restrict_fd(fd: int, mode: int) -> None:
    """Make an open file owner-only (POSIX); nothing to do on Windows."""
    if not is_windows():
        os.fchmod(fd, mode)


def restrict_path(path: Path | str, mode: int) -> None:
    """Make a file or folder owner-only (POSIX); nothing to do on Windows."""
    if not is_windows():
        os.chmod(path, mode)


def fsync_dir(folder: Path | str) -> None:
    """Make a rename in ``folder`` durable (POSIX); NTFS journals it by itself."""
    if is_windows():
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _transient(exc: PermissionError) -> bool:
    code = getattr(exc, "winerror", None)
    return code is None or code in _WINDOWS_TRANSIENT


def replace(src: str | Path, dst: str | Path, *,
            attempt: Callable[[Any, Any], None] | None = None,
            sleep: Callable[[float], None] | None = None) -> None:
    """``os.replace`` that waits out a scanner holding the target open (Windows)."""
    for n in range(REPLACE_RETRIES):
        try:
            (attempt or os.replace)(src, dst)  # looked up now: tests may replace os.replace
            return
        except PermissionError as exc:
            if not is_windows() or not _transient(exc) or n == REPLACE_RETRIES - 1:
                raise
            (sleep or time.sleep)(REPLACE_RETRY_DELAY)


def os_path(path: Path | str) -> str:
    """The path to hand to the OS: on Windows a long absolute path gets ``\\\\?\\``."""
    text = str(path)
    if not is_windows() or len(text) < WINDOWS_MAX_PATH - 1 or text.startswith("\\\\?\\"):
        return text
    text = ntpath.normpath(text)  # the prefix turns off "/" and ".." handling
    if text.startswith("\\\\"):
        return "\\\\?\\UNC\\" + text[2:]
    if ntpath.splitdrive(text)[0]:
        return "\\\\?\\" + text
    return text  # relative: the OS resolves it against the (short) working folder


def path_key(path: Path | str) -> str:
    """One string per file: case and separators folded on Windows, as the OS does."""
    text = str(path)
    return ntpath.normcase(text) if is_windows() else text


def documents_dir(found: str, home: str, *,
                  exists: Callable[[str], bool] = os.path.exists) -> str:
    """The documents folder the system named, unless it cannot be reached.

    Managed Windows laptops often redirect Documents to a network drive (``H:\\``) or
    a share, which is gone at a venue without network: then the home folder's
    ``Documents`` is used, so a new session can still be saved.
    """
    fallback: str = (ntpath.join if is_windows() else os.path.join)(home, "Documents")
    if not found:
        return fallback
    if is_windows():
        drive = ntpath.splitdrive(found)[0]
        if drive and not exists(drive + "\\"):
            return fallback
    return found


def user_name() -> str:
    """The login name for lock files; "" when the system has none."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in the environment or password database
        return ""


def pid_alive(pid: int, *, kernel32: Any = None) -> bool:
    """Whether a process with this id runs on this machine (unsure counts as alive).

    ``kernel32`` is Windows' ``ctypes.windll.kernel32``; a test passes its own.
    """
    if pid <= 0:
        return False
    if is_windows():
        import ctypes

        process_query_limited_information = 0x1000
        still_active = 259
        error_access_denied = 5
        if kernel32 is None:
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
        if not handle:
            return bool(kernel32.GetLastError() == error_access_denied)
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return bool(code.value == still_active)
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return True
    return True
