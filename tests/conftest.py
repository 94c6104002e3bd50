"""Test setup: headless Qt, private data folders, English messages unless a test asks."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: no display in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                     ) -> Iterator[None]:
    """Backups and new sessions never touch the real user folders during tests."""
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("WORKSHOP_DOCUMENTS_DIR", str(base / "documents"))
    monkeypatch.setenv("WORKSHOP_LANG", "en")
    from workshop.i18n import set_language

    set_language(None)
    yield
    set_language(None)


@pytest.fixture
def repo_root() -> Path:
    return ROOT
