"""Fixtures for the export tests that drive the app: the demo, saved, locked and open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def document(tmp_path: Path, qapp: object) -> Iterator[object]:
    """The demo session saved as ``meeting.workshop`` and open in a SessionDocument."""
    from samples import demo_session

    from workshop.storage.files import load_session, save_session
    from workshop.storage.lock import SessionLock
    from workshop.ui.document import SessionDocument

    path = tmp_path / "meeting.workshop"
    save_session(demo_session(), path)
    lock = SessionLock(path)
    lock.acquire()
    document = SessionDocument(load_session(path), path, lock=lock)
    yield document
    document.close()
