"""A Workshop killed while it writes a backup leaves the backup's temporary file behind
(``.STAMP.workshop.XXXXXXXX.saving``): a whole or partial copy of the session, names
and all. The next backup removes it once it is a minute old (a younger one may be a
write in progress), and "Delete everything of them" removes it at once when it holds
the session.

The leftover is made the way a user makes one: a real process writing backups through
``BackupStore`` is killed with SIGKILL the moment a temporary file appears.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from samples import large_session

from workshop.domain.model import Session
from workshop.storage.backups import BackupStore
from workshop.storage.files import load_session, save_session
from workshop.storage.forget import forget_everywhere, traces_of

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

CHILD = """
import datetime as dt, sys
from pathlib import Path
from workshop.storage.backups import BackupStore
root, recovery, path = map(Path, sys.argv[1:4])
data = Path(path).read_bytes()
store = BackupStore(root, recovery=recovery, retention_months=12)
now = dt.datetime(2026, 3, 1, 9, 0)
print("ready", flush=True)
for n in range(100_000):  # a new backup every (pretend) second, each a new file
    store.backup_now(path, data + b" " * (n % 7), now + dt.timedelta(seconds=n))
"""


def _killed_mid_backup(tmp_path: Path, session: Session) -> tuple[BackupStore, Path, Path]:
    """The store, the session's path and the leftover of the killed write."""
    path = tmp_path / "groot.workshop"
    save_session(session, path)
    root, recovery = tmp_path / "data" / "backups", tmp_path / "data" / "recovery"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for _attempt in range(20):
        with subprocess.Popen(
                [sys.executable, "-c", CHILD, str(root), str(recovery), str(path)],
                stdout=subprocess.PIPE, text=True, env=env) as child:
            assert child.stdout is not None and child.stdout.readline().strip() == "ready"
            found: list[Path] = []
            end = time.monotonic() + 20
            while not found and time.monotonic() < end and child.poll() is None:
                found = [p for p in root.rglob(".*.saving") if ".workshop." in p.name]
            child.kill()  # SIGKILL on POSIX
            child.wait()
        found = [p for p in found if p.exists()]
        if found:
            store = BackupStore(root, recovery=recovery, retention_months=12)
            return store, path, found[0]
    pytest.fail("no backup write was caught half-way in 20 kills")


def _session() -> Session:
    """The large sample (a megabyte: a write takes long enough to be caught), with one
    person whose name and interests are theirs alone (the sample's interests are shared
    words, and a backup holding them in someone else's can only be deleted)."""
    session = large_session()
    person = session.participants[0]
    person.name = "Xandra Qwertyhuis"
    for n, item in enumerate(i for i in session.interests.items
                             if i.participant_id == person.id):
        item.text = f"Belang {n} van Xandra: de Zuiderqwarten"
    return Session.model_validate(session.model_dump())


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_the_next_backup_removes_what_a_killed_backup_left(tmp_path: Path) -> None:
    session = _session()
    store, path, leftover = _killed_mid_backup(tmp_path, session)
    name = session.participants[0].name.encode()
    assert name in leftover.read_bytes()  # a copy of the session, names and all
    later = dt.datetime.now()

    # Just written: it may be a backup in progress (another Workshop), so it stays.
    store.backup_now(path, path.read_bytes() + b"\n", later)
    store.thin(path, later)
    assert leftover.exists()

    _age(leftover, 90)  # a minute and a half later, the next backup
    store.backup_now(path, path.read_bytes() + b"\n\n", later + dt.timedelta(minutes=2))
    removed = store.thin(path, later + dt.timedelta(minutes=2))
    assert not leftover.exists() and leftover in removed
    assert store.leftovers() == []
    assert all(info.load().id == session.id for info in store.list_backups(path))


def test_deleting_someone_removes_what_a_killed_backup_left_at_once(tmp_path: Path) -> None:
    session = _session()
    store, path, leftover = _killed_mid_backup(tmp_path, session)
    person = session.participants[0]
    assert person.name.encode() in leftover.read_bytes()
    for days in (1, 30):  # the history, which is rewritten without them
        store.backup_now(path, path.read_bytes() + b"\n" * days,
                         dt.datetime.now() - dt.timedelta(days=days))
    traces = traces_of(session, person.id)

    forgotten = forget_everywhere(traces, path, store, store.recovery)

    assert not leftover.exists() and leftover in forgotten.deleted
    kept = store.list_backups(path)
    assert len(kept) >= 2 and {info.path for info in kept} <= set(forgotten.rewritten)
    for info in kept:
        assert person.name.encode() not in info.path.read_bytes()
        assert load_session(info.path).participant(person.id) is None
    assert [p for p in (tmp_path / "data").rglob("*")
            if p.is_file() and person.name.encode() in p.read_bytes()] == []
