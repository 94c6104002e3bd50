"""Backups end: older than the retention period (a setting, default 12 months) they are
deleted at the next backup, of every session, and so are old recovery copies; younger
ones are kept. The clock is fake; the files are real."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from workshop.domain.model import Session, SessionDetails
from workshop.storage import paths, settings
from workshop.storage.autosave import Autosaver
from workshop.storage.backups import BackupStore, months_before
from workshop.storage.files import dumps, load_session, save_session

NOW = dt.datetime(2026, 12, 7, 10, 0, 0)


def _version(name: str) -> bytes:
    return dumps(Session(id="s-regio", details=SessionDetails(name=name)))


def _save_with_backup(path: Path, store: BackupStore, now: dt.datetime, name: str) -> None:
    """An autosave at ``now`` (fake wall clock) that makes a backup."""
    session = Session(id="s-regio", details=SessionDetails(name=name))
    saver = Autosaver(path, lambda: session, backups=store, wall_clock=lambda: now)
    saver.changed()
    assert saver.flush()
    assert saver.last_backup_error is None


def _names(store: BackupStore, path: Path) -> list[str]:
    return [load_session(b.path).details.name for b in store.list_backups(path)]


def test_months_before_keeps_the_day_where_it_can() -> None:
    assert months_before(NOW, 12) == dt.datetime(2025, 12, 7, 10, 0, 0)
    assert months_before(dt.datetime(2026, 3, 31), 1) == dt.datetime(2026, 2, 28)
    assert months_before(dt.datetime(2026, 1, 15), 13) == dt.datetime(2024, 12, 15)


def test_a_backup_older_than_12_months_goes_at_the_next_backup(tmp_path: Path) -> None:
    path = tmp_path / "regio.workshop"
    other = tmp_path / "andere.workshop"
    store = BackupStore(tmp_path / "backups")
    assert settings.backup_retention_months() == 12  # the default
    store.backup_now(path, _version("13 months old"), dt.datetime(2025, 11, 6, 9, 0))
    store.backup_now(path, _version("11 months old"), dt.datetime(2026, 1, 8, 9, 0))
    store.backup_now(path, _version("a day short of a year"), dt.datetime(2025, 12, 8, 9, 0))
    store.backup_now(other, _version("other session, 2 years"), dt.datetime(2024, 12, 1))
    assert len(_names(store, path)) == 3

    _save_with_backup(path, store, NOW, "now")
    assert _names(store, path) == ["now", "11 months old", "a day short of a year"]
    assert store.list_backups(other) == []
    assert not store.folder_for(other).exists()  # its folder went with its last backup


def test_the_retention_setting_is_read_at_each_backup(tmp_path: Path) -> None:
    path = tmp_path / "regio.workshop"
    store = BackupStore(tmp_path / "backups")
    store.backup_now(path, _version("4 months old"), dt.datetime(2026, 8, 1, 9, 0))
    store.backup_now(path, _version("2 months old"), dt.datetime(2026, 10, 1, 9, 0))
    settings.set_backup_retention_months(3)
    assert settings.backup_retention_months() == 3
    _save_with_backup(path, store, NOW, "now")
    assert _names(store, path) == ["now", "2 months old"]


def test_no_new_backup_no_deletion(tmp_path: Path) -> None:
    """Retention acts at a backup: a save within the backup interval deletes nothing."""
    path = tmp_path / "regio.workshop"
    store = BackupStore(tmp_path / "backups", interval_s=300)
    store.backup_now(path, _version("2 years old"), dt.datetime(2024, 11, 1))
    store.backup_now(path, _version("a minute ago"), NOW - dt.timedelta(minutes=1))
    _save_with_backup(path, store, NOW, "now")
    assert _names(store, path) == ["a minute ago", "2 years old"]
    _save_with_backup(path, store, NOW + dt.timedelta(minutes=10), "later")
    # This save is another run's first: the file as it opened ("now", in no backup yet)
    # is backed up before "later" is written over it, and retention acts at that backup
    assert _names(store, path) == ["now", "a minute ago"]


def test_old_recovery_copies_go_too(tmp_path: Path) -> None:
    path = tmp_path / "regio.workshop"
    recovery = paths.ensure_private_dir(paths.recovery_folder())
    old, young = recovery / "regio-20250101-090000.workshop", recovery / "regio-b.workshop"
    for copy in (old, young):
        save_session(Session(id="s-regio"), copy)
    stamp = dt.datetime(2025, 10, 1).timestamp()
    os.utime(old, (stamp, stamp))
    stamp = dt.datetime(2026, 6, 1).timestamp()
    os.utime(young, (stamp, stamp))
    store = BackupStore()  # the app's own folders, as the data folder holds them
    assert store.recovery == recovery
    _save_with_backup(path, store, NOW, "now")
    assert not old.exists() and young.exists()


@pytest.mark.parametrize("value", [0, 121, "12", True, None])
def test_a_strange_setting_falls_back_to_12_months(value: object) -> None:
    data = settings.load()
    data["backup_retention_months"] = value
    settings.save(data)
    assert settings.backup_retention_months() == 12
