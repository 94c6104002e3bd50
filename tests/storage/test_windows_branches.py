"""The Windows branches of saving, locking and paths, run here by injecting the platform
facts: ``platform.SYSTEM = "win32"`` and what Windows does at run time (a sharing
violation from a virus scanner, an access-denied process handle)."""

from __future__ import annotations

import ctypes
import json
import os
import stat
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from workshop.storage import files, paths, platform, settings
from workshop.storage.backups import BackupStore
from workshop.storage.errors import LockedError, SaveError
from workshop.storage.files import load_session, save_session
from workshop.storage.lock import SessionLock

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "sessions" / "demo.workshop"


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platform, "SYSTEM", "win32")


def _sharing_violation() -> PermissionError:
    exc = PermissionError(13, "The process cannot access the file because it is being "
                              "used by another process")
    exc.winerror = 32  # type: ignore[attr-defined]  # what Windows sets
    return exc


def test_save_waits_out_a_scanner_holding_the_file(windows: None, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    session = load_session(DEMO)
    target = tmp_path / "sessie.workshop"
    target.write_bytes(b"old")
    real_replace, busy = os.replace, [3]
    waited: list[float] = []

    def scanner_holds_it(src: Any, dst: Any) -> None:
        if busy[0]:
            busy[0] -= 1
            raise _sharing_violation()
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", scanner_holds_it)
    monkeypatch.setattr(platform.time, "sleep", waited.append)
    written = save_session(session, target)
    assert target.read_bytes() == written  # saved after three refusals
    assert waited == [platform.REPLACE_RETRY_DELAY] * 3
    assert files.temp_files(target) == []


def test_a_scanner_that_never_lets_go_fails_the_save_and_keeps_the_old_file(
        windows: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "sessie.workshop"
    target.write_bytes(DEMO.read_bytes())

    def always_busy(src: Any, dst: Any) -> None:
        raise _sharing_violation()

    monkeypatch.setattr(os, "replace", always_busy)
    monkeypatch.setattr(platform.time, "sleep", lambda s: None)
    with pytest.raises(SaveError, match="sessie.workshop"):
        save_session(load_session(DEMO), target)
    assert target.read_bytes() == DEMO.read_bytes()
    assert files.temp_files(target) == []  # the temporary copy was removed


def test_posix_does_not_retry_a_permission_error(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platform, "SYSTEM", "linux")
    calls: list[int] = []

    def denied(src: Any, dst: Any) -> None:
        calls.append(1)
        raise PermissionError(13, "Permission denied")

    with pytest.raises(PermissionError):
        platform.replace(tmp_path / "a", tmp_path / "b", attempt=denied, sleep=lambda s: None)
    assert calls == [1]


def test_windows_changes_no_modes_and_fsyncs_no_folder(windows: None, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows chmod cannot make a file owner-only; the calls must not be made."""
    def posix_only(*args: Any) -> None:
        raise AssertionError("a POSIX-only call on Windows")

    for name in ("fchmod", "chmod"):
        monkeypatch.setattr(os, name, posix_only, raising=False)
    real_open = os.open

    def no_folder_open(path: Any, flags: int, *args: Any) -> int:
        assert not Path(path).is_dir(), "Windows cannot open a folder for fsync"
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", no_folder_open)
    target = tmp_path / "nieuw" / "sessie.workshop"
    paths.ensure_private_dir(target.parent)
    save_session(load_session(DEMO), target)
    with SessionLock(target):
        assert (tmp_path / "nieuw" / ".sessie.workshop.lock").is_file()
    assert load_session(target) == load_session(DEMO)


def test_posix_makes_files_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "sessie.workshop"
    save_session(load_session(DEMO), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize(("given", "expected"), [
    ("C:\\Users\\Jörg\\Documents\\Workshop\\" + "s" * 250 + ".workshop",
     "\\\\?\\C:\\Users\\Jörg\\Documents\\Workshop\\" + "s" * 250 + ".workshop"),
    ("C:/Users/Jörg/Documents/" + "s" * 250 + ".workshop",
     "\\\\?\\C:\\Users\\Jörg\\Documents\\" + "s" * 250 + ".workshop"),
    ("\\\\server\\share\\" + "d" * 250 + "\\x.workshop",
     "\\\\?\\UNC\\server\\share\\" + "d" * 250 + "\\x.workshop"),
    ("C:\\short\\x.workshop", "C:\\short\\x.workshop"),
    ("\\\\?\\C:\\" + "x" * 300, "\\\\?\\C:\\" + "x" * 300),
])
def test_long_windows_paths_get_the_extended_prefix(windows: None, given: str,
                                                    expected: str) -> None:
    assert platform.os_path(given) == expected


def test_long_paths_are_left_alone_on_posix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platform, "SYSTEM", "linux")
    long = "/home/jörg/" + "s" * 300
    assert platform.os_path(long) == long


def test_drive_letters_and_case_name_one_backup_folder_and_one_recent_entry(
        windows: None, tmp_path: Path) -> None:
    assert platform.path_key("C:\\Users\\Jörg\\A.workshop") == platform.path_key(
        "c:/users/jörg/a.WORKSHOP")
    store = BackupStore(root=tmp_path / "backups")
    one = store.folder_for("C:\\Users\\Jörg\\Sessie.workshop")
    other = store.folder_for("c:\\users\\jörg\\sessie.workshop")
    assert one.name.lower() == other.name.lower()  # NTFS: the same folder
    session = tmp_path / "Sessie.workshop"
    session.write_bytes(DEMO.read_bytes())
    settings.add_recent(session)
    settings.add_recent(Path(str(session).upper()))  # the same file to Windows
    stored = settings.load()["recent"]
    assert len(stored) == 1


def test_recent_entries_differing_in_case_are_two_files_on_posix(tmp_path: Path) -> None:
    (tmp_path / "a.workshop").write_bytes(DEMO.read_bytes())
    (tmp_path / "A.workshop").write_bytes(DEMO.read_bytes())
    settings.add_recent(tmp_path / "a.workshop")
    settings.add_recent(tmp_path / "A.workshop")
    assert len(settings.recent_sessions()) == 2


class _Kernel32:
    """Windows' answers to OpenProcess / GetExitCodeProcess for one process."""

    def __init__(self, handle: int, last_error: int = 0, exit_code: int = 259) -> None:
        self.handle, self.last_error, self.exit_code = handle, last_error, exit_code
        self.closed: list[int] = []

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:  # noqa: N802
        assert access == 0x1000  # PROCESS_QUERY_LIMITED_INFORMATION: no admin rights needed
        return self.handle

    def GetLastError(self) -> int:  # noqa: N802
        return self.last_error

    def GetExitCodeProcess(self, handle: int, code: Any) -> int:  # noqa: N802
        ctypes.cast(code, ctypes.POINTER(ctypes.c_ulong)).contents.value = self.exit_code
        return 1

    def CloseHandle(self, handle: int) -> int:  # noqa: N802
        self.closed.append(handle)
        return 1


@pytest.mark.parametrize(("kernel", "alive"), [
    (_Kernel32(handle=7, exit_code=259), True),   # STILL_ACTIVE
    (_Kernel32(handle=7, exit_code=0), False),    # exited, handle still held by someone
    (_Kernel32(handle=0, last_error=87), False),  # ERROR_INVALID_PARAMETER: no such process
    (_Kernel32(handle=0, last_error=5), True),    # access denied: another user's process
])
def test_lock_holder_liveness_on_windows(windows: None, kernel: _Kernel32, alive: bool) -> None:
    assert platform.pid_alive(4242, kernel32=kernel) is alive
    assert kernel.closed == ([7] if kernel.handle else [])


def _windows_kernel(monkeypatch: pytest.MonkeyPatch, kernel: _Kernel32) -> None:
    monkeypatch.setattr(ctypes, "windll", SimpleNamespace(kernel32=kernel), raising=False)


def test_a_stale_lock_of_a_dead_windows_process_is_taken_over(
        windows: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "sessie.workshop"
    target.write_bytes(DEMO.read_bytes())
    holder = SessionLock(target)
    holder.acquire()
    content = json.loads(holder.lock_file.read_text("utf-8"))
    content["pid"] = 999_999  # the Workshop that crashed
    holder.lock_file.write_text(json.dumps(content), "utf-8")
    _windows_kernel(monkeypatch, _Kernel32(handle=0, last_error=87))  # no such process
    taker = SessionLock(target)
    taker.acquire()
    assert taker.held_by_me()
    _windows_kernel(monkeypatch, _Kernel32(handle=7, exit_code=259))  # it runs after all
    content["pid"] = 999_999
    holder.lock_file.write_text(json.dumps(content), "utf-8")
    with pytest.raises(LockedError, match="process 999999"):
        SessionLock(target).acquire()


def test_a_user_name_with_non_ascii_letters_is_in_the_lock_and_the_message(
        windows: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LOGNAME", "USER", "LNAME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("USERNAME", "Jörg Ñúñez-Çelik")  # where Windows keeps it
    folder = tmp_path / "Jörg Ñúñez-Çelik" / "Documenten"
    folder.mkdir(parents=True)
    target = folder / "Zorg in de wijk – Ålesund.workshop"
    target.write_bytes(DEMO.read_bytes())
    with SessionLock(target) as lock:
        raw = lock.lock_file.read_bytes()
        assert json.loads(raw.decode("utf-8"))["user"] == "Jörg Ñúñez-Çelik"
        content = json.loads(raw.decode("utf-8"))
        content["pid"] = 999_999  # as written by the other Workshop of this user
        lock.lock_file.write_bytes(json.dumps(content, ensure_ascii=False).encode("utf-8"))
        _windows_kernel(monkeypatch, _Kernel32(handle=7, exit_code=259))
        with pytest.raises(LockedError) as caught:
            SessionLock(target).acquire()
    assert "Jörg Ñúñez-Çelik" in str(caught.value)


def test_documents_on_an_unreachable_network_drive_fall_back_to_the_home_folder(
        windows: None) -> None:
    home = "C:\\Users\\Jörg Ñúñez"
    reachable = {"C:\\"}.__contains__
    assert platform.documents_dir("H:\\Documenten", home, exists=reachable) == (
        "C:\\Users\\Jörg Ñúñez\\Documents")
    assert platform.documents_dir("\\\\fs01\\home$\\jorg\\Documents", home,
                                  exists=reachable) == "C:\\Users\\Jörg Ñúñez\\Documents"
    assert platform.documents_dir("C:\\Users\\Jörg Ñúñez\\OneDrive\\Documenten", home,
                                  exists=reachable) == (
        "C:\\Users\\Jörg Ñúñez\\OneDrive\\Documenten")
    assert platform.documents_dir("", home, exists=reachable) == (
        "C:\\Users\\Jörg Ñúñez\\Documents")


def test_new_sessions_go_to_the_documents_folder_platformdirs_names(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(paths.DOCUMENTS_DIR_ENV)
    monkeypatch.setattr(paths.platformdirs, "user_documents_dir",
                        lambda: str(tmp_path / "Documenten"))
    assert paths.documents_folder() == tmp_path / "Documenten" / "Workshop"

    def broken() -> str:
        raise OSError("profile not loaded")

    monkeypatch.setattr(paths.platformdirs, "user_documents_dir", broken)
    assert paths.documents_folder() == Path.home() / "Documents" / "Workshop"
