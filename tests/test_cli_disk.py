"""Command-line words for a full or read-only disk, and partial exports cleaned up.

The command line runs in-process here (``workshop.cli.run``) so that the disk can be
made full or read-only where the files module writes; what is asserted is what the
user reads on the terminal and finds on disk.
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path
from typing import Any

import pytest

from workshop.cli import run
from workshop.storage import files

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "sessions" / "demo.workshop"
WINDOW_WORDS = ("Save as", "still open", "Use Save", "Open it read-only")


class _Disk:
    """Stands in for ``os`` inside files.py: writes fail with ``code``."""

    def __init__(self, code: int) -> None:
        self.code = code

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def write(self, fd: int, data: bytes) -> int:
        raise OSError(self.code, os.strerror(self.code))


def _read_only_mkstemp(*args: Any, **kwargs: Any) -> Any:
    raise OSError(errno.EROFS, os.strerror(errno.EROFS))


@pytest.fixture
def session(tmp_path: Path) -> Path:
    path = tmp_path / "meeting.workshop"
    path.write_bytes(DEMO.read_bytes())
    return path


@pytest.mark.parametrize("case", ["disk_full", "read_only"])
def test_export_on_a_full_or_read_only_disk_speaks_command_line(
        session: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        case: str) -> None:
    if case == "disk_full":
        monkeypatch.setattr(files, "os", _Disk(errno.ENOSPC))
    else:
        monkeypatch.setattr(files.tempfile, "mkstemp", _read_only_mkstemp)
    assert run(["--lang", "en", "export", str(session)]) == 1
    err = capsys.readouterr().err
    assert "could not be written" in err and "--agreement and --roadmap" in err
    assert ("disk is full" in err) == (case == "disk_full")
    assert ("read-only" in err) == (case == "read_only")
    for words in WINDOW_WORDS:
        assert words not in err
    assert list(session.parent.glob("*.pdf")) == []
    assert [p.name for p in session.parent.iterdir()] == ["meeting.workshop"]


@pytest.mark.parametrize("case", ["disk_full", "read_only"])
def test_restore_on_a_full_or_read_only_disk_speaks_command_line(
        session: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], case: str) -> None:
    from workshop.storage.files import load_session, save_session

    older = load_session(session)
    older.details.name = "Oudere versie"
    backup = tmp_path / "backup.workshop"
    save_session(older, backup)
    before = session.read_bytes()
    if case == "disk_full":
        monkeypatch.setattr(files, "os", _Disk(errno.ENOSPC))
    else:
        monkeypatch.setattr(files.tempfile, "mkstemp", _read_only_mkstemp)
    assert run(["--lang", "nl", "restore", str(backup), str(session)]) == 1
    err = capsys.readouterr().err
    assert "kon niet worden geschreven" in err and "De sessie is niet gewijzigd." in err
    for words in WINDOW_WORDS + ("Opslaan als", "nog open"):
        assert words not in err
    assert session.read_bytes() == before


def test_the_next_export_removes_what_a_killed_export_left(
        session: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = session.parent
    killed = folder / ".meeting-samenwerkingsafspraken.pdf.k1ll3d9x.saving"
    killed.write_bytes(b"%PDF-1.4 half of an agreement full of names")
    old = time.time() - 3600
    os.utime(killed, (old, old))
    running = folder / ".other-routekaart.pdf.r8nn1ng0.saving"  # another export, now
    running.write_bytes(b"%PDF-1.4 being written")
    someone_elses = folder / ".notes.txt.abcdefgh.saving"
    someone_elses.write_bytes(b"not an export")
    os.utime(someone_elses, (old, old))
    assert run(["--lang", "en", "export", str(session)]) == 0
    assert not killed.exists()
    assert running.exists() and someone_elses.exists()


def test_opening_a_session_and_starting_clean_its_folder(
        session: Path, tmp_path: Path, qtbot: Any) -> None:
    from workshop.storage import paths, settings
    from workshop.ui.session_files import clean_partial_exports, open_document

    old = time.time() - 3600
    beside = session.parent / ".meeting-agreement.pdf.aaaaaaaa.saving"
    documents = paths.ensure_private_dir(paths.documents_folder())
    in_documents = documents / ".x-roadmap.pdf.bbbbbbbb.saving"
    for leftover in (beside, in_documents):
        leftover.write_bytes(b"%PDF partial")
        os.utime(leftover, (old, old))
    document = open_document(None, session)
    assert document is not None
    document.close()
    assert not beside.exists()
    beside.write_bytes(b"%PDF partial")
    os.utime(beside, (old, old))
    settings.add_recent(session)
    assert clean_partial_exports() == 2
    assert not beside.exists() and not in_documents.exists()
