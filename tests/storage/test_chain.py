"""The link to the earlier versions survives moving the files; a missing or changed
earlier version is reported, never an error."""

from __future__ import annotations

import shutil
from pathlib import Path

from samples import demo_session
from signed_sessions import two_versions

from workshop.domain.fingerprint import fingerprint
from workshop.storage.chain import check_chain
from workshop.storage.files import load_session, save_session


def test_the_link_survives_moving_both_files(tmp_path: Path) -> None:
    start, second = two_versions(tmp_path / "laptop")
    moved = tmp_path / "usb-stick" / "archief"
    moved.mkdir(parents=True)
    for path in (start, second):
        shutil.move(path, moved / path.name)
    session = load_session(moved / second.name)
    links = check_chain(session, moved / second.name)
    assert [(link.entry.version, link.state) for link in links] == [(1, "ok"), (2, "this")]
    assert links[0].path == moved / start.name


def test_a_missing_previous_file_is_reported_and_found_among_candidates(tmp_path: Path
                                                                         ) -> None:
    start, second = two_versions(tmp_path / "a")
    elsewhere = tmp_path / "b" / "renamed.workshop"
    elsewhere.parent.mkdir()
    shutil.move(start, elsewhere)
    session = load_session(second)
    [first, own] = check_chain(session, second)
    assert (first.state, first.path, own.state) == ("missing", None, "this")
    # The recent files (or a file the user chose) are looked at next, whatever their name.
    [first, _own] = check_chain(session, second, [tmp_path / "nothing.workshop", elsewhere])
    assert (first.state, first.path) == ("ok", elsewhere)


def test_a_changed_earlier_version_is_detected(tmp_path: Path) -> None:
    start, second = two_versions(tmp_path)
    earlier = load_session(start)
    earlier.principles[0].text = "Iets anders dan wat getekend is."
    save_session(earlier, start)
    [first, _own] = check_chain(load_session(second), second)
    assert first.state == "changed" and first.found_fingerprint == fingerprint(earlier)


def test_another_session_under_the_same_name_is_not_taken_for_it(tmp_path: Path) -> None:
    start, second = two_versions(tmp_path)
    other = demo_session()
    other.id = "s-other"
    save_session(other, start)
    [first, _own] = check_chain(load_session(second), second)
    assert first.state == "other"


def test_a_v3_file_without_the_evaluation_fields_loads(tmp_path: Path) -> None:
    """Schema 3 files made before evaluation meetings have no ``evaluation`` and goals
    without ``indicators``: they load as start meetings, fingerprint unchanged."""
    path = tmp_path / "plain.workshop"
    session = demo_session()
    save_session(session, path)
    raw = path.read_text("utf-8")
    assert '"evaluation"' in raw or '"indicators"' in raw  # written with defaults
    import json

    doc = json.loads(raw)
    doc.pop("evaluation", None)
    for goal in doc["ambition"]["goals"]:
        goal.pop("indicators", None)
    path.write_text(json.dumps(doc), "utf-8")
    loaded = load_session(path)
    assert loaded.evaluation is None and fingerprint(loaded) == fingerprint(session)
