"""Whatever bytes a file holds, load_session raises a SessionFileError or returns a
session, and never touches the file. Each kind of damage gets its own error type."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import SETTINGS, rich_session

from workshop.domain.model import MAX_NAME, SCHEMA_VERSION, Session
from workshop.storage.errors import (
    CorruptSessionError,
    FileUnreadableError,
    InvalidSessionError,
    NewerVersionError,
    NotASessionError,
    SessionFileError,
)
from workshop.storage.files import dumps, load_session, loads

VALID = dumps(rich_session())
SMALL = dumps(Session(id="s-small"))


def _load_untouched(path: Path) -> Session | SessionFileError:
    """Load; only a SessionFileError may come out, and the file stays as it was."""
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    try:
        result: Session | SessionFileError = load_session(path)
    except SessionFileError as exc:
        assert exc.path == path
        assert str(path) in str(exc)
        result = exc
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime
    return result


def _write(tmp_path: Path, data: bytes, name: str = "fuzz.workshop") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    return path


# --- mutated bytes -----------------------------------------------------------------

positions = st.integers(min_value=0, max_value=len(VALID))
mutation = st.one_of(
    st.tuples(st.just("flip"), positions, st.integers(0, 7)),
    st.tuples(st.just("insert"), positions, st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), positions, st.integers(1, 64)),
    st.tuples(st.just("truncate"), positions, st.just(0)),
    st.tuples(st.just("set"), positions, st.sampled_from(
        [b"{", b"}", b"[", b"]", b'"', b"\\", b",", b":", b"0", b"-", b"\x00", b"\xff",
         b"\xc3", b"n", b"N", b"e", b" "])),
)


def _mutate(data: bytes, steps: list[tuple[str, int, Any]]) -> bytes:
    buf = bytearray(data)
    for kind, pos, arg in steps:
        pos = min(pos, len(buf))
        if kind == "flip" and pos < len(buf):
            buf[pos] ^= 1 << arg
        elif kind == "insert":
            buf[pos:pos] = arg
        elif kind == "delete":
            del buf[pos:pos + arg]
        elif kind == "truncate":
            del buf[pos:]
        elif kind == "set" and pos < len(buf):
            buf[pos:pos + 1] = arg
    return bytes(buf)


@settings(parent=SETTINGS, max_examples=300)
@given(steps=st.lists(mutation, min_size=1, max_size=4))
def test_mutated_bytes_give_only_session_file_errors(
    tmp_path: Path, steps: list[tuple[str, int, Any]]
) -> None:
    _load_untouched(_write(tmp_path, _mutate(VALID, steps)))


@settings(parent=SETTINGS, max_examples=150)
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_give_only_session_file_errors(tmp_path: Path, data: bytes) -> None:
    result = _load_untouched(_write(tmp_path, data))
    assert isinstance(result, SessionFileError)


def test_every_truncation_is_reported_as_damage() -> None:
    """A save cut short at any byte is 'damaged', never loaded and never a crash."""
    # Only the final newline may go: the JSON is complete without it.
    assert loads(SMALL[:-1]) == loads(SMALL)
    for end in range(len(SMALL) - 1):
        with pytest.raises(CorruptSessionError) as info:
            loads(SMALL[:end], "cut.workshop")
        assert "cut.workshop" in str(info.value)


def _values(node: Any, prefix: tuple[Any, ...] = ()) -> dict[tuple[Any, ...], Any]:
    """Every place in a JSON tree and what is there: a scalar, or a dict's keys in order,
    or a list's length (so a field lost, added or moved shows as a difference too)."""
    if isinstance(node, dict):
        out: dict[tuple[Any, ...], Any] = {prefix: ("object", tuple(node))}
        for key, value in node.items():
            out |= _values(value, (*prefix, key))
        return out
    if isinstance(node, list):
        out = {prefix: ("array", len(node))}
        for index, value in enumerate(node):
            out |= _values(value, (*prefix, index))
        return out
    return {prefix: node}


def _one_character_less(before: Any, after: Any) -> bool:
    """``after`` is ``before`` as written in the file with one character gone."""
    if type(before) is not type(after) or not isinstance(before, str | int):
        return False
    was, now = json.dumps(before), json.dumps(after)
    return any(was[:i] + was[i + 1:] == now for i in range(len(was)))


def test_every_single_byte_deletion_is_caught_or_harmless() -> None:
    """A byte lost anywhere is either reported, or harmless. Harmless means: the session
    loaded is the original, or it differs in exactly one value (a text or a number), and
    that value is what the damaged file says: the original's characters with one gone
    (``"s-small"`` read as ``"s-smal"``, 30 minutes read as 3). Nothing else in the
    session changes: no field lost or added, no list longer or shorter, nothing moved."""
    original = loads(SMALL)
    before = _values(original.model_dump(mode="json"))
    caught = same = one_value = 0
    for pos in range(len(SMALL)):
        data = SMALL[:pos] + SMALL[pos + 1:]
        try:
            loaded = loads(data)
        except SessionFileError:
            caught += 1
            continue
        if loaded == original:
            same += 1
            continue
        after = _values(loaded.model_dump(mode="json"))
        changed = [where for where in before.keys() | after.keys()
                   if before.get(where) != after.get(where)]
        assert len(changed) == 1, (pos, changed)
        where = changed[0]
        assert where in before and where in after, (pos, where)
        assert _one_character_less(before[where], after[where]), (pos, where)
        one_value += 1
    assert caught + same + one_value == len(SMALL)
    assert caught > len(SMALL) // 2  # most bytes are structure: losing one is reported
    assert same >= 1  # the final newline


# --- wrong types, huge values ------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=10) | st.sampled_from(["", " ", "2026-13-45", "p-anna", "ambition"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3),
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += _paths(value, (*prefix, index))
    return out


DOC = json.loads(VALID)
DOC_PATHS = [p for p in _paths(DOC) if p]


def _replace(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    doc = json.loads(json.dumps(doc))
    node = doc
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return doc


@settings(parent=SETTINGS, max_examples=300)
@given(where=st.sampled_from(DOC_PATHS), value=json_values)
def test_wrong_values_in_fields_give_only_session_file_errors(
    tmp_path: Path, where: tuple[Any, ...], value: Any
) -> None:
    doc = _replace(DOC, where, value)
    data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    result = _load_untouched(_write(tmp_path, data))
    if isinstance(result, InvalidSessionError):
        assert result.problems, "an invalid session must say what is wrong"
        for lang in ("en", "nl"):
            assert all(isinstance(p, str) and p for p in result.problem_texts(lang))


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("participants",), {"p": 1}),
        (("participants", 0), "Anna"),
        (("participants", 0, "present"), "misschien"),
        (("ambition", "vote_budget"), "drie"),
        (("ambition", "votes", 0, "dots"), 1.5),
        (("details", "date"), "22-11-2026"),
        (("details", "forms"), "care_chain"),
        (("roadmap", "actions", 0, "owner"), "p-anna"),
        (("signatures", 0, "strokes", 0, "points"), [[1, 2]]),
        (("view", "projector_text_scale"), 1e9),
        (("details",), None),
        (("ambition", "cards", 0, "unknown_field"), 1),
    ],
)
def test_wrong_types_are_invalid_and_name_the_field(
    tmp_path: Path, where: tuple[Any, ...], value: Any
) -> None:
    data = json.dumps(_replace(DOC, where, value)).encode("utf-8")
    result = _load_untouched(_write(tmp_path, data))
    assert isinstance(result, InvalidSessionError)
    field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in where[:2]).lstrip(".")
    assert any(p.startswith(field) for p in result.problem_texts("en")), result.problems


def test_a_huge_string_is_refused_not_loaded(tmp_path: Path) -> None:
    doc = _replace(DOC, ("details", "name"), "x" * (MAX_NAME + 1))
    result = _load_untouched(_write(tmp_path, json.dumps(doc).encode()))
    assert isinstance(result, InvalidSessionError)
    assert any(p.startswith("details.name:") and "too long" in p
               for p in result.problem_texts("en"))


def test_a_large_but_allowed_string_loads(tmp_path: Path) -> None:
    doc = _replace(DOC, ("details", "name"), "x" * MAX_NAME)
    result = _load_untouched(_write(tmp_path, json.dumps(doc).encode()))
    assert isinstance(result, Session)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"[" * 100_000, NotASessionError),
        (b'{"a":' + b"[" * 100_000, CorruptSessionError),
        (b'{"a":' + b"[" * 100_000 + b"]" * 100_000 + b"}", CorruptSessionError),
        (b'{"format":"workshop-session","schema_version":1,"details":{"name":'
         + b"[" * 900 + b"]" * 900 + b"}}", InvalidSessionError),
        (b'{"format":"workshop-session","schema_version":1,"id":"s",'
         b'"participants":[{"id":"p","name":"\xff\xfe"}]}', CorruptSessionError),
        (b"\xef\xbb\xbf", CorruptSessionError),
        (b"\xef\xbb\xbf[1, 2]", NotASessionError),
        (b"", CorruptSessionError),
        (b" \n\t\r\n", CorruptSessionError),
        (b"[]", NotASessionError),
        (b'[{"format": "workshop-session", "schema_version": 1}]', NotASessionError),
        (b'{"name": "my-app", "version": "1.0.0", "dependencies": {}}', NotASessionError),
        (b'{"format": "other-program", "schema_version": 1}', NotASessionError),
        (b'"workshop-session"', NotASessionError),
        (b"null", NotASessionError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", NotASessionError),
        (b"PK\x03\x04\x14\x00\x00\x00", NotASessionError),
        ("{}".encode("utf-16"), NotASessionError),
        (b'{"format":"workshop-session","schema_version":"1"}', CorruptSessionError),
        (b'{"format":"workshop-session","schema_version":true}', CorruptSessionError),
        (b'{"format":"workshop-session","schema_version":-1}', CorruptSessionError),
        (b'{"format":"workshop-session","schema_version":1.0}', CorruptSessionError),
        (b'{"format":"workshop-session","schema_version":' + b"1" * 5000 + b"}",
         CorruptSessionError),
        (b'{"format":"workshop-session","schema_version":99}', NewerVersionError),
        (b'{"format":"workshop-session","schema_version":1,"id":"s","ambition":'
         b'{"vote_budget":' + b"9" * 5000 + b"}}", InvalidSessionError),
        (b'{"format":"workshop-session","schema_version":1,"id":"s","view":'
         b'{"projector_text_scale":NaN}}', InvalidSessionError),
    ],
    ids=lambda v: v.__name__ if isinstance(v, type) else repr(v[:24]),
)
def test_hostile_files(tmp_path: Path, data: bytes, error: type[SessionFileError]) -> None:
    result = _load_untouched(_write(tmp_path, data))
    assert type(result) is error, result


def test_bom_before_a_valid_session_is_accepted(tmp_path: Path) -> None:
    result = _load_untouched(_write(tmp_path, b"\xef\xbb\xbf" + VALID))
    assert result == rich_session()


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400", "-1e999"])
def test_non_finite_numbers_in_a_signature_are_refused(tmp_path: Path, number: str) -> None:
    """A NaN in a stroke used to load, and then the session could never be saved again."""
    text = VALID.decode().replace("[1.0,2.0,0.5]", f"[{number},2.0,0.5]", 1)
    assert text != VALID.decode()
    result = _load_untouched(_write(tmp_path, text.encode()))
    assert isinstance(result, InvalidSessionError)
    assert any(p.startswith("signatures[0].strokes[0].points[0][0]:")
               for p in result.problem_texts("en"))


def test_missing_file_and_folder_are_unreadable(tmp_path: Path) -> None:
    with pytest.raises(FileUnreadableError, match="does not exist"):
        load_session(tmp_path / "nope.workshop")
    with pytest.raises(FileUnreadableError, match="folder"):
        load_session(tmp_path)


# --- each case its own error, naming the file --------------------------------------


def _expect(tmp_path: Path, data: bytes, error: type[SessionFileError]) -> SessionFileError:
    path = _write(tmp_path, data, "Vergadering “Twente” 2026.workshop")
    result = _load_untouched(path)
    assert type(result) is error, result
    assert isinstance(result, SessionFileError)
    assert str(path) in str(result)
    assert str(path) in result.details("en")
    return result


def _invalid(tmp_path: Path, where: tuple[Any, ...], value: Any) -> list[str]:
    result = _expect(tmp_path, json.dumps(_replace(DOC, where, value)).encode(),
                     InvalidSessionError)
    assert "cannot accept" in str(result)
    problems = result.problem_texts("en")
    for problem in problems:
        assert f"  - {problem}" in result.details("en")
    return problems


def test_another_programs_file_is_not_a_session(tmp_path: Path) -> None:
    result = _expect(tmp_path, b'{"type": "FeatureCollection", "features": []}',
                     NotASessionError)
    assert "not a Workshop session file" in str(result)


def test_a_truncated_file_is_incomplete(tmp_path: Path) -> None:
    result = _expect(tmp_path, VALID[: len(VALID) // 2], CorruptSessionError)
    assert "incomplete" in str(result) and "backup" in str(result)


def test_invalid_json_is_damaged(tmp_path: Path) -> None:
    result = _expect(tmp_path, VALID.replace(b'"details":', b'"details";', 1),
                     CorruptSessionError)
    assert "invalid JSON at line 1" in str(result)


def test_a_newer_version_says_update(tmp_path: Path) -> None:
    doc = dict(DOC, schema_version=99)
    result = _expect(tmp_path, json.dumps(doc).encode(), NewerVersionError)
    assert isinstance(result, NewerVersionError)
    assert (result.found, result.supported) == (99, SCHEMA_VERSION)
    assert "newer version" in str(result) and "99" in str(result)


def test_an_empty_name_names_the_field(tmp_path: Path) -> None:
    problems = _invalid(tmp_path, ("participants", 0, "name"), "")
    assert problems == ["participants[0].name: must not be empty"]


def test_a_blank_name_names_the_field(tmp_path: Path) -> None:
    problems = _invalid(tmp_path, ("participants", 1, "name"), " \t ")
    assert len(problems) == 1 and problems[0].startswith("participants[1].name: ")


def test_due_before_start_names_the_field(tmp_path: Path) -> None:
    problems = _invalid(tmp_path, ("roadmap", "actions", 0, "due"), "2026-11-30")
    assert problems == [
        "roadmap.actions[0].due: the due date 2026-11-30 lies before the start 2026-12-01"
    ]


def test_a_vote_over_budget_names_the_participant(tmp_path: Path) -> None:
    problems = _invalid(tmp_path, ("ambition", "votes", 0, "dots"), 4)
    assert problems == ["ambition.votes: 'p-anna' used 4 dots, the budget is 3"]


def test_a_dangling_reference_names_the_field(tmp_path: Path) -> None:
    problems = _invalid(tmp_path, ("ambition", "cards", 0, "author_id"), "p-nobody")
    assert problems == [
        "ambition.cards[0].author_id: 'p-nobody' is not a participant of this session"
    ]


def test_many_problems_are_capped(tmp_path: Path) -> None:
    cards = [{"id": f"c-{n}", "text": "x", "author_id": "p-ghost"} for n in range(200)]
    problems = _invalid(tmp_path, ("ambition", "cards"), cards)
    assert len(problems) == 51
    assert problems[-1] == "… and 150 more problems"
