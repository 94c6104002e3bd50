"""Rotating backups: when they are made, what thinning keeps, and restoring safely."""

from __future__ import annotations

import datetime as dt
import hashlib
import stat
import sys
from pathlib import Path

import pytest

from workshop.domain.model import Session
from workshop.storage import files
from workshop.storage.backups import BackupStore, restore
from workshop.storage.errors import CorruptSessionError
from workshop.storage.files import load_session, save_session
from workshop.storage.paths import backups_folder

NOW = dt.datetime(2024, 6, 15, 18, 0, 0)  # a Saturday, ISO week 24


def _data(name: str) -> bytes:
    session = Session(id="s-fixed")
    session.details.name = name
    return files.dumps(session)


@pytest.fixture
def store(tmp_path: Path) -> BackupStore:
    return BackupStore(tmp_path / "backups", interval_s=300)


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    return folder / "Zorgregio West.workshop"


def test_folder_per_session(store: BackupStore, session_path: Path) -> None:
    made = store.backup_now(session_path, _data("a"), NOW)
    digest = hashlib.sha256(str(session_path.resolve()).encode()).hexdigest()[:10]
    folder = store.root / f"Zorgregio West-{digest}"
    assert made == folder / "20240615-180000.workshop"
    assert made.read_bytes() == _data("a")
    assert (folder / "source.txt").read_text(encoding="utf-8").strip() == str(
        session_path.resolve())
    other = session_path.parent / "sub" / session_path.name
    assert store.folder_for(other) != folder  # same name elsewhere: another folder


def test_default_root_is_the_backups_folder() -> None:
    assert BackupStore().root == backups_folder()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_permissions(store: BackupStore, session_path: Path) -> None:
    made = store.backup_now(session_path, _data("a"), NOW)
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.root.stat().st_mode) == 0o700


def test_maybe_backup_respects_interval_and_unchanged_content(
        store: BackupStore, session_path: Path) -> None:
    first = store.maybe_backup(session_path, _data("a"), NOW)
    assert first is not None  # no backup yet: make one
    assert store.maybe_backup(session_path, _data("b"), NOW + dt.timedelta(seconds=299)) is None
    assert store.maybe_backup(session_path, _data("a"), NOW + dt.timedelta(seconds=600)) is None
    second = store.maybe_backup(session_path, _data("b"), NOW + dt.timedelta(seconds=300))
    assert second is not None and second.name == "20240615-180500.workshop"
    assert [b.path for b in store.list_backups(session_path)] == [second, first]


def test_clock_going_back_does_not_stop_backups(store: BackupStore,
                                                session_path: Path) -> None:
    store.maybe_backup(session_path, _data("a"), NOW)
    earlier = store.maybe_backup(session_path, _data("b"), NOW - dt.timedelta(hours=1))
    assert earlier is not None


def test_backup_now_ignores_interval_but_not_duplicates(store: BackupStore,
                                                        session_path: Path) -> None:
    first = store.backup_now(session_path, _data("a"), NOW)
    assert store.backup_now(session_path, _data("a"), NOW + dt.timedelta(seconds=5)) == first
    same_second = store.backup_now(session_path, _data("b"), NOW)
    assert same_second.name == "20240615-180000-1.workshop"
    newest = store.list_backups(session_path)[0]
    assert newest.path == same_second
    assert newest.size == len(_data("b"))
    assert newest.load().details.name == "b"


def _ninety_days(store: BackupStore, session_path: Path) -> None:
    day = NOW.date() - dt.timedelta(days=89)
    serial = 0
    while day <= NOW.date():
        for hour in (9, 17):
            serial += 1
            taken = dt.datetime.combine(day, dt.time(hour))
            store.backup_now(session_path, _data(f"v{serial}"), taken)
        day += dt.timedelta(days=1)


KEPT_AFTER_THINNING = {
    # today and yesterday: everything
    "20240615-170000", "20240615-090000", "20240614-170000", "20240614-090000",
    # the rest of the last 7 days: the newest per day
    "20240613-170000", "20240612-170000", "20240611-170000", "20240610-170000",
    "20240609-170000",
    # the last 5 weeks: the newest per ISO week (ages 7..34 days)
    "20240608-170000",  # week 23 (Jun 3-9; Jun 9 is in the daily range)
    "20240602-170000",  # week 22
    "20240526-170000",  # week 21
    "20240519-170000",  # week 20
    "20240512-170000",  # week 19, only its Sunday is younger than 35 days
    # beyond: the newest per month
    "20240511-170000", "20240430-170000", "20240331-170000",
}


def test_thinning_over_ninety_days(store: BackupStore, session_path: Path) -> None:
    _ninety_days(store, session_path)
    assert len(store.list_backups(session_path)) == 180
    removed = store.thin(session_path, NOW)
    kept = {b.path.name.removesuffix(".workshop") for b in store.list_backups(session_path)}
    assert kept == KEPT_AFTER_THINNING
    assert len(removed) == 180 - len(KEPT_AFTER_THINNING)
    assert store.thin(session_path, NOW) == []  # thinning again changes nothing


def test_thinning_a_month_later_keeps_one_per_month(store: BackupStore,
                                                    session_path: Path) -> None:
    _ninety_days(store, session_path)
    store.thin(session_path, NOW)
    store.thin(session_path, NOW + dt.timedelta(days=60))
    kept = {b.path.name.removesuffix(".workshop") for b in store.list_backups(session_path)}
    # May 31 went in the first pass (June 2 was its week's newest), so May keeps May 26.
    assert kept == {"20240615-170000", "20240526-170000", "20240430-170000",
                    "20240331-170000"}


def test_list_all_spans_sessions(store: BackupStore, session_path: Path) -> None:
    other = session_path.with_name("Other.workshop")
    store.backup_now(session_path, _data("a"), NOW)
    store.backup_now(other, _data("b"), NOW + dt.timedelta(minutes=1))
    (store.root / "stray.txt").write_text("not a folder of backups")
    every = store.list_all()
    assert [b.source for b in every] == [other.resolve(), session_path.resolve()]
    assert every[0].taken_at == NOW + dt.timedelta(minutes=1)


def test_listing_ignores_other_files(store: BackupStore, session_path: Path) -> None:
    made = store.backup_now(session_path, _data("a"), NOW)
    (made.parent / ".20240615-180000.workshop.x.saving").write_bytes(b"half")
    (made.parent / "notes.workshop").write_bytes(b"x")
    assert [b.path for b in store.list_backups(session_path)] == [made]
    assert BackupStore(store.root / "missing").list_all() == []


def test_restore_round_trips_and_keeps_the_current_state(store: BackupStore,
                                                         session_path: Path) -> None:
    backup = store.backup_now(session_path, _data("old"), NOW)
    session_path.write_bytes(_data("current"))
    kept = restore(backup, session_path, store, NOW + dt.timedelta(hours=1))
    assert files.load_session(session_path).details.name == "old"
    assert kept is not None and kept.read_bytes() == _data("current")
    assert {b.path for b in store.list_backups(session_path)} == {backup, kept}
    assert files.temp_files(session_path) == []


def test_restore_to_a_missing_or_identical_target(store: BackupStore,
                                                  session_path: Path) -> None:
    backup = store.backup_now(session_path, _data("old"), NOW)
    assert restore(backup, session_path, store, NOW) is None  # nothing to keep
    assert session_path.read_bytes() == _data("old")
    assert restore(backup, session_path, store, NOW) is None  # identical
    assert len(store.list_backups(session_path)) == 1


def test_a_corrupt_backup_is_refused_and_nothing_changes(store: BackupStore,
                                                         session_path: Path) -> None:
    backup = store.backup_now(session_path, _data("old")[:40], NOW)
    session_path.write_bytes(_data("current"))
    with pytest.raises(CorruptSessionError):
        restore(backup, session_path, store, NOW)
    assert session_path.read_bytes() == _data("current")
    assert len(store.list_backups(session_path)) == 1


def test_a_file_of_an_older_format_is_kept_as_it_was(tmp_path: Path) -> None:
    """Issue 11.10: version 3 cuts texts longer than its fields hold; the original stays."""
    from workshop.storage.backups import keep_before_upgrade

    fixture = Path(__file__).with_name("fixtures") / "v2.workshop"
    old = tmp_path / "oud.workshop"
    old.write_bytes(fixture.read_bytes())
    store = BackupStore(tmp_path / "backups")
    kept = keep_before_upgrade(old, store)
    assert kept is not None and kept.read_bytes() == fixture.read_bytes()
    assert [b.path for b in store.list_backups(old)] == [kept]
    current = tmp_path / "nu.workshop"
    save_session(load_session(old), current)
    assert keep_before_upgrade(current, store) is None
