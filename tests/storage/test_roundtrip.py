"""Saving and loading give back exactly the session, byte for byte and owner-only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from strategies import NASTY, SETTINGS, rich_session, sessions

from workshop.domain.model import MAX_NAME, MAX_TEXT, Session
from workshop.storage.files import dumps, load_session, loads, save_session

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@settings(parent=SETTINGS, max_examples=100)
@given(session=sessions())
def test_save_then_load_gives_an_equal_session(tmp_path: Path, session: Session) -> None:
    path = tmp_path / "s.workshop"
    written = save_session(session, path)
    assert path.read_bytes() == written
    loaded = load_session(path)
    assert loaded == session
    assert loaded.model_dump() == session.model_dump()
    # and saving what was loaded writes the very same bytes again
    assert dumps(loaded) == written


def test_two_saves_give_identical_bytes(tmp_path: Path) -> None:
    session = rich_session()
    a, b = tmp_path / "a.workshop", tmp_path / "b.workshop"
    save_session(session, a)
    first = a.read_bytes()
    save_session(session, a)
    save_session(load_session(a), b)
    assert a.read_bytes() == first
    assert b.read_bytes() == first


def test_dumps_is_deterministic() -> None:
    session = rich_session()
    data = dumps(session)
    assert dumps(session) == data
    assert dumps(rich_session()) == data
    assert dumps(session.model_copy(deep=True)) == data
    assert dumps(Session.model_validate(session.model_dump(mode="json"))) == data
    assert dumps(loads(data)) == data
    assert data.endswith(b"\n") and data.count(b"\n") == 1


def test_dumps_is_the_same_in_another_process() -> None:
    """No dependence on hash seeds, set order or the process: a fresh interpreter agrees."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from strategies import rich_session; from workshop.storage.files import dumps;"
        "sys.stdout.buffer.write(dumps(rich_session()))"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    result = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "tests")],
        capture_output=True, env=env, cwd=ROOT, check=True,
    )
    assert result.stdout == dumps(rich_session())


def test_different_sessions_give_different_bytes() -> None:
    """The determinism checks above would pass for a constant; this one would not."""
    a = rich_session()
    b = rich_session()
    b.participants[0].name = "Anna de Vries-Jansen"
    assert dumps(a) != dumps(b)


@posix_only
def test_a_new_file_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new.workshop"
    old = os.umask(0o022)
    try:
        save_session(rich_session(), path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@posix_only
def test_saving_over_an_existing_file_keeps_it_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "old.workshop"
    save_session(rich_session(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    session = rich_session()
    session.details.name = "Tweede versie"
    save_session(session, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_session(path).details.name == "Tweede versie"


@posix_only
def test_saving_over_a_world_readable_file_makes_it_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "shared.workshop"
    path.write_bytes(dumps(rich_session()))
    path.chmod(0o644)
    save_session(rich_session(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_100k_character_field_survives(tmp_path: Path) -> None:
    unit = "".join(NASTY) + "<para>&amp;👩🏽‍⚕️שלום\u202e"
    huge = (unit * (MAX_TEXT // len(unit) + 1))[:MAX_TEXT]  # the most a text holds
    assert len(huge) == MAX_TEXT
    session = rich_session()
    session.ambition.statement = huge
    session.participants[0].name = huge[:MAX_NAME]
    session.roadmap.actions[0].description = huge
    session = Session.model_validate(session.model_dump())
    path = tmp_path / "huge.workshop"
    save_session(session, path)
    loaded = load_session(path)
    assert loaded.ambition.statement == huge
    assert loaded.participants[0].name == huge[:MAX_NAME]
    assert loaded.roadmap.actions[0].description == huge
    assert loaded == session
