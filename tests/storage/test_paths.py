"""Where files go: platformdirs by default, environment overrides, private folders."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import platformdirs
import pytest

from workshop.storage import paths


def test_environment_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("WORKSHOP_DOCUMENTS_DIR", str(tmp_path / "docs"))
    assert paths.data_folder() == tmp_path / "data"
    assert paths.documents_folder() == tmp_path / "docs"
    assert paths.backups_folder() == tmp_path / "data" / "backups"
    assert paths.recovery_folder() == tmp_path / "data" / "recovery"


def test_platform_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKSHOP_DATA_DIR")
    monkeypatch.setenv("WORKSHOP_DOCUMENTS_DIR", "")
    assert paths.data_folder() == Path(platformdirs.user_data_dir("Workshop", appauthor=False))
    assert paths.documents_folder() == Path(platformdirs.user_documents_dir()) / "Workshop"


def test_folders_are_created_lazily(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(tmp_path / "data"))
    paths.backups_folder()
    paths.recovery_folder()
    assert not (tmp_path / "data").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_ensure_private_dir_is_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "c"
    assert paths.ensure_private_dir(target) == target
    for folder in (tmp_path / "a", tmp_path / "a" / "b", target):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    paths.ensure_private_dir(target)  # again: fine


def test_ensure_private_dir_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADirectoryError):
        paths.ensure_private_dir(tmp_path / "file")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_existing_folders_keep_their_permissions(tmp_path: Path) -> None:
    existing = tmp_path / "shared"
    existing.mkdir()
    existing.chmod(0o755)
    paths.ensure_private_dir(existing / "own")
    assert stat.S_IMODE(existing.stat().st_mode) == 0o755
    assert stat.S_IMODE((existing / "own").stat().st_mode) == 0o700
