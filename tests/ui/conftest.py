"""Fixtures for UI tests: a real session file, locked and open in a SessionDocument."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from samples import demo_session

from workshop.domain.model import Session
from workshop.storage.files import load_session, save_session
from workshop.storage.lock import SessionLock
from workshop.ui.document import SessionDocument

DocumentFactory = Callable[..., SessionDocument]


@pytest.fixture
def make_document(tmp_path: Path, qapp: object) -> Iterator[DocumentFactory]:
    """``make_document(session=None, name="meeting")``: saved to disk, locked, open."""
    opened: list[SessionDocument] = []

    def make(session: Session | None = None, name: str = "meeting") -> SessionDocument:
        path = tmp_path / f"{name}.workshop"
        save_session(session if session is not None else demo_session(), path)
        lock = SessionLock(path)
        lock.acquire()
        document = SessionDocument(load_session(path), path, lock=lock)
        opened.append(document)
        return document

    yield make
    for document in opened:
        document.close()


@pytest.fixture
def document(make_document: DocumentFactory) -> SessionDocument:
    """The demo session, open."""
    return make_document()


def _saved(document: SessionDocument) -> Session:
    assert document.flush(), document.save_state()
    assert document.path is not None
    return load_session(document.path)


@pytest.fixture
def saved() -> Callable[[SessionDocument], Session]:
    """``saved(document)``: flush and read the file back, as a user would find it."""
    return _saved


@pytest.fixture(autouse=True)
def _qt_words_back_in_english() -> Iterator[None]:
    """A test that showed the window in Dutch leaves Qt's own words Dutch: put them back."""
    yield
    from workshop.ui.qt_translations import use_qt_language

    use_qt_language("en")
