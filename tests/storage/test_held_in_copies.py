"""Before a removal: do the copies the app keeps hold the person? (The dialog says so.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from samples import demo_session

from workshop.storage.backups import BackupStore
from workshop.storage.files import dumps, save_session
from workshop.storage.forget import held_in_copies


def test_found_in_an_old_backup_not_in_another_sessions_and_perhaps_when_out_of_time(
        tmp_path: Path) -> None:
    session = demo_session()
    path = tmp_path / "regio.workshop"
    store = BackupStore(tmp_path / "backups", recovery=tmp_path / "recovery")
    older = session.model_copy(deep=True)
    session.participants = [p for p in session.participants if p.id != "p-henk"]
    save_session(session, path)
    store.backup_now(path, dumps(older), dt.datetime.now() - dt.timedelta(days=40))
    store.backup_now(path, dumps(session), dt.datetime.now())
    other = older.model_copy(update={"id": "s-another"})
    store.backup_now(tmp_path / "andere.workshop", dumps(other), dt.datetime.now())

    assert held_in_copies(store, store.recovery, path, session.id, "p-henk") is True
    assert held_in_copies(store, store.recovery, path, "s-another", "p-nobody") is False
    assert held_in_copies(store, store.recovery, path, session.id, "p-henk",
                          budget_s=-1) is None  # not searched: perhaps
