"""A save that fails (disk full, read-only folder) keeps the previous file byte for byte,
raises SaveError with a message the user can act on, and leaves no temporary files."""

from __future__ import annotations

import errno
import math
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from strategies import rich_session

from workshop.domain.model import Card, Session
from workshop.storage import files
from workshop.storage.errors import SaveError
from workshop.storage.files import (
    dumps,
    load_session,
    remove_temp_files,
    save_session,
    temp_files,
    write_atomic,
)


def _changed() -> Session:
    session = rich_session()
    session.details.name = "Een nieuwere versie die niet op schijf komt"
    session.ambition.statement = "x" * 10_000
    # Larger than the 100,000 bytes a full disk lets through below (a text holds 10,000).
    session.ambition.cards += [Card(id=f"c-groot-{n}", text="y" * 10_000) for n in range(20)]
    return session


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "sessie.workshop"
    save_session(rich_session(), path)
    return path, path.read_bytes()


def _assert_intact(path: Path, before: bytes | None) -> None:
    if before is None:
        assert not path.exists()
    else:
        assert path.read_bytes() == before
        assert load_session(path) == rich_session()
    assert temp_files(path) == []
    leftovers = [p.name for p in path.parent.iterdir() if p.name != path.name]
    assert leftovers == []


def _oserror(code: int) -> OSError:
    return OSError(code, os.strerror(code))


# --- disk full ---------------------------------------------------------------------


def _fail_write_after(limit: int, code: int) -> Callable[[int, Any], int]:
    """os.write that writes ``limit`` bytes in all, then fails like a full disk."""
    real_write = os.write
    state = {"written": 0}

    def fake_write(fd: int, data: Any) -> int:
        room = limit - state["written"]
        if room <= 0:
            raise _oserror(code)
        n = real_write(fd, bytes(data[:room]))
        state["written"] += n
        return n

    return fake_write


@pytest.mark.parametrize("room", [0, 1, 4096, 100_000])
def test_disk_full_while_writing_keeps_the_previous_file(
    saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch, room: int
) -> None:
    path, before = saved
    monkeypatch.setattr(files.os, "write", _fail_write_after(room, errno.ENOSPC))
    with pytest.raises(SaveError) as info:
        save_session(_changed(), path)
    monkeypatch.undo()
    message = str(info.value)
    assert "disk is full" in message
    assert str(path) in message
    assert "previous version is intact" in message
    assert info.value.path == path
    _assert_intact(path, before)


def test_quota_exceeded_counts_as_disk_full(
    saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    if not hasattr(errno, "EDQUOT"):
        pytest.skip("no EDQUOT here")
    path, before = saved
    monkeypatch.setattr(files.os, "write", _fail_write_after(10, errno.EDQUOT))
    with pytest.raises(SaveError, match="disk is full"):
        save_session(_changed(), path)
    monkeypatch.undo()
    _assert_intact(path, before)


def test_disk_full_at_fsync_keeps_the_previous_file(
    saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Delayed allocation: some file systems only find out at fsync."""
    path, before = saved

    def fake_fsync(fd: int) -> None:
        raise _oserror(errno.ENOSPC)

    monkeypatch.setattr(files.os, "fsync", fake_fsync)
    with pytest.raises(SaveError, match="disk is full"):
        save_session(_changed(), path)
    monkeypatch.undo()
    _assert_intact(path, before)


def test_disk_full_on_a_first_save_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "nieuw.workshop"
    monkeypatch.setattr(files.os, "write", _fail_write_after(100, errno.ENOSPC))
    with pytest.raises(SaveError, match="disk is full"):
        save_session(rich_session(), path)
    monkeypatch.undo()
    _assert_intact(path, None)


# --- read-only folder --------------------------------------------------------------


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES, errno.EPERM])
def test_read_only_folder_cannot_create_the_temp_file(
    saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    path, before = saved

    def fake_mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        raise _oserror(code)

    monkeypatch.setattr(files.tempfile, "mkstemp", fake_mkstemp)
    with pytest.raises(SaveError) as info:
        save_session(_changed(), path)
    monkeypatch.undo()
    assert "read-only" in str(info.value)
    assert str(path) in str(info.value)
    _assert_intact(path, before)


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_read_only_at_the_rename_removes_the_temp_file(
    saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """The temp file was written, then the rename is refused: it must not stay behind."""
    path, before = saved
    seen: list[bool] = []

    def fake_replace(src: Any, dst: Any) -> None:
        seen.append(Path(src).exists() and Path(src).stat().st_size > 200_000)
        raise _oserror(code)

    monkeypatch.setattr(files.os, "replace", fake_replace)
    with pytest.raises(SaveError, match="read-only"):
        save_session(_changed(), path)
    monkeypatch.undo()
    assert seen == [True], "the rename should have been tried with a complete temp file"
    _assert_intact(path, before)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="root ignores folder permissions; POSIX only")
def test_really_read_only_folder(saved: tuple[Path, bytes]) -> None:
    path, before = saved
    path.parent.chmod(0o500)
    try:
        with pytest.raises(SaveError, match="read-only"):
            save_session(_changed(), path)
    finally:
        path.parent.chmod(0o700)
    _assert_intact(path, before)


def test_other_errors_still_say_the_previous_version_is_intact(
    saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, before = saved
    monkeypatch.setattr(files.os, "write", _fail_write_after(50, errno.EIO))
    with pytest.raises(SaveError) as info:
        save_session(_changed(), path)
    monkeypatch.undo()
    assert os.strerror(errno.EIO) in str(info.value)
    assert "previous version is intact" in str(info.value)
    _assert_intact(path, before)


def test_a_session_that_cannot_be_written_raises_save_error(
    saved: tuple[Path, bytes],
) -> None:
    """A NaN cannot be JSON: the save must fail as a SaveError, not a raw ValueError."""
    path, before = saved
    session = rich_session()
    session.signatures[0].strokes[0].points[0] = (math.nan, 1.0, 1.0)
    with pytest.raises(SaveError) as info:
        save_session(session, path)
    assert str(path) in str(info.value)
    _assert_intact(path, before)


def test_the_happy_path_still_works_after_failures(
    saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Guards the fakes above: without them the same save succeeds."""
    path, before = saved
    monkeypatch.setattr(files.os, "write", _fail_write_after(0, errno.ENOSPC))
    with pytest.raises(SaveError):
        save_session(_changed(), path)
    monkeypatch.undo()
    save_session(_changed(), path)
    assert path.read_bytes() == dumps(_changed()) != before
    assert temp_files(path) == []


# --- cleaning up leftovers ---------------------------------------------------------


def _leftover(folder: Path, target_name: str) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target_name}.", suffix=".saving", dir=folder)
    os.close(fd)
    return Path(name)


@pytest.mark.parametrize(
    "name", ["sessie.workshop", "meeting [draft].workshop", "a*b?.workshop", "x.workshop"]
)
def test_cleanup_finds_its_own_leftovers_whatever_the_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_atomic(path, b"{}\n")
    mine = _leftover(tmp_path, name)
    assert temp_files(path) == [mine]
    assert remove_temp_files(path) == 1
    assert temp_files(path) == [] and not mine.exists()
    assert path.read_bytes() == b"{}\n"


def test_cleanup_leaves_other_sessions_alone(tmp_path: Path) -> None:
    """Removing x.workshop's leftovers must not delete a save of x.workshop.bak in
    progress, nor any file a glob pattern in the name would match."""
    others = [
        _leftover(tmp_path, "x.workshop.bak"),
        _leftover(tmp_path, "xy.workshop"),
        _leftover(tmp_path, "a-b.workshop"),
    ]
    (tmp_path / "x.workshop").write_bytes(b"{}\n")
    (tmp_path / ".x.workshop.notes").write_bytes(b"keep")
    mine = _leftover(tmp_path, "x.workshop")
    assert temp_files(tmp_path / "x.workshop") == [mine]
    assert temp_files(tmp_path / "a?b.workshop") == []
    assert remove_temp_files(tmp_path / "x.workshop") == 1
    assert remove_temp_files(tmp_path / "a?b.workshop") == 0
    assert remove_temp_files(tmp_path / "*.workshop") == 0
    assert all(p.exists() for p in others)
    assert (tmp_path / ".x.workshop.notes").exists()
