"""Reading and writing ``.workshop`` files so that they are never lost.

Save: a temporary file in the same folder (owner-only), write, flush, fsync,
``os.replace`` over the target, fsync the folder. A failure at any point leaves the
previous file as it was. Load: never writes, and every way a file can be wrong ends
in one of the errors of ``workshop.storage.errors``.
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop.i18n import N_, Message
from workshop.storage import platform
from workshop.storage.errors import (
    CorruptSessionError,
    FileUnreadableError,
    InvalidSessionError,
    NewerVersionError,
    NotASessionError,
    SaveError,
)
from workshop.storage.migrations import MIGRATIONS, migrate

if TYPE_CHECKING:
    from workshop.domain.model import Session

# pydantic and the session's models are imported by ``loads``, the one function that
# needs them: writing a file atomically (the settings, a window's place at quit) does
# not, and the window shows before them (``workshop.ui.startup``).

EXTENSION = ".workshop"
MAX_FILE_BYTES = 512 * 1024 * 1024
TEMP_PREFIX = "."
TEMP_SUFFIX = ".saving"


def dumps(session: Session) -> bytes:
    """The file's bytes: compact UTF-8 JSON in model field order, newline at the end.

    Deterministic: the same session always gives the same bytes.
    """
    return dumps_snapshot(snapshot(session))


def snapshot(session: Session) -> dict[str, Any]:
    """A frozen copy of the session for a save on another thread: plain JSON values
    only, sharing nothing mutable with the live session (the cheap half of ``dumps``)."""
    return session.model_dump(mode="json")


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
_CHUNK_ITEMS = 64
_CHUNK_DEPTH = 6


class Pause:
    """Hands Python's lock to another thread after every ``every`` seconds of work, for
    ``rest`` seconds.

    A thread that holds the lock keeps it until the interpreter takes it away (every
    5 ms); the UI thread, which gives it up around each Qt call, then waits up to 5 ms
    each time it wants it back: a refresh of 12 ms of work took 40 ms while a save ran.
    ``time.sleep(0)`` gives the lock up but takes it straight back before a waiting
    thread has woken up (a step change waited 70 ms for the first save of a session);
    a rest of a millisecond lets the waiting thread in. The save takes longer on the
    wall clock (it runs in the background; the newest state wins), the window does not.
    """

    def __init__(self, every: float = 0.001, rest: float = 0.001) -> None:
        self.every = every
        self.rest = rest
        self._last = time.perf_counter()

    def __call__(self) -> None:
        now = time.perf_counter()
        if now - self._last >= self.every:
            time.sleep(self.rest)
            self._last = time.perf_counter()


def _encode_parts(value: Any, out: list[str], depth: int,
                  pause: Callable[[], None] | None = None) -> None:
    """``json.dumps(value)`` in many small calls instead of one.

    The C encoder holds the GIL for the whole call (about 100 ms for the large session);
    between small calls the UI thread gets its turn (at once with ``pause``), so a save
    on the worker does not stall the window. The text is the same, character for
    character.
    """
    if depth < _CHUNK_DEPTH and isinstance(value, dict) and value and all(
            isinstance(key, str) for key in value):
        out.append("{")
        for n, (key, item) in enumerate(value.items()):
            out.append(("," if n else "") + _ENCODE(key) + ":")
            _encode_parts(item, out, depth + 1, pause)
        out.append("}")
    elif depth < _CHUNK_DEPTH and isinstance(value, list) and len(value) > _CHUNK_ITEMS:
        out.append("[")  # many items: a call per 64 of them
        for start in range(0, len(value), _CHUNK_ITEMS):
            out.append(("," if start else "") + _ENCODE(value[start:start + _CHUNK_ITEMS])[1:-1])
            if pause is not None:
                pause()
        out.append("]")
    elif depth < _CHUNK_DEPTH and isinstance(value, list) and value:
        out.append("[")  # few items, maybe large ones (signatures and their strokes)
        for n, item in enumerate(value):
            if n:
                out.append(",")
            _encode_parts(item, out, depth + 1, pause)
        out.append("]")
    else:
        out.append(_ENCODE(value))
        if pause is not None:
            pause()


_Texts = dict[int, tuple[Any, bytes]]


def _key(key: str) -> bytes:
    """``"key":`` as UTF-8."""
    return (_ENCODE(key) + ":").encode("utf-8")


class SnapshotEncoder:
    """``dumps_snapshot`` that remembers: a field whose value is the very object it
    encoded last time (an incremental snapshot shares unchanged fields with the one
    before) is not encoded again. Two levels deep (``ambition`` and ``ambition.cards``),
    and in a long list at those levels, each element: a save after one decision among
    2,080 encodes that record, not the list (the document's snapshots keep the
    unchanged elements' very objects, ``SessionDocument._json_of``).

    Snapshots are never changed once made, so the object is its content. One encoder
    per saver, used by one thread at a time.
    """

    def __init__(self, pause: Callable[[], None] | None = None) -> None:
        self._cache: dict[tuple[str, ...], tuple[Any, bytes]] = {}
        """Per field: (its value, its text as UTF-8; kept as bytes, so a save joins
        bytes instead of encoding the whole file's text again)."""
        self._elements: dict[tuple[str, ...], tuple[_Texts, _Texts]] = {}
        """Per long list, of its last two encodings: id of an element -> (the element,
        its text); holding the element keeps its id its own. (Two: a save of the list
        read whole from the session, the safety net's, comes between two saves of the
        same elements.)"""
        self._misses: dict[tuple[str, ...], int] = {}
        """Per long list: how many encodings in a row knew none of its elements."""
        self._pause = pause
        """Called between small encodings (``Pause``: a worker that lets the UI in)."""

    def _list(self, path: tuple[str, ...], value: list[Any]) -> bytes:
        """A long list's text from its elements' texts, each kept while it is the same
        object."""
        last, before = self._elements.get(path, ({}, {}))
        hits = [last.get(id(item)) or before.get(id(item)) for item in value]
        misses = 0 if any(hits) else self._misses.get(path, 0) + 1
        self._misses[path] = misses
        if misses > 2 and misses % 8:
            # made anew at every save (a field the document dumps whole, such as the
            # diagnostics' scores): in chunks, half the time of one call per element;
            # one save in eight looks at the elements again
            parts: list[str] = []
            _encode_parts(value, parts, len(path), self._pause)
            self._elements.pop(path, None)
            return "".join(parts).encode("utf-8")
        fresh: _Texts = {}
        for item, hit in zip(value, hits, strict=True):
            if hit is None:
                hit = (item, _ENCODE(item).encode("utf-8"))
                if self._pause is not None:
                    self._pause()
            fresh[id(item)] = hit
        self._elements[path] = (fresh, last)
        return b"[" + b",".join([fresh[id(item)][1] for item in value]) + b"]"

    def _field(self, path: tuple[str, ...], value: Any) -> bytes:
        found = self._cache.get(path)
        if found is not None and found[0] is value:
            return found[1]
        if len(path) == 1 and isinstance(value, dict) and value and all(
                isinstance(key, str) for key in value):
            text = b"{" + b",".join(_key(key) + self._field(path + (key,), item)
                                    for key, item in value.items()) + b"}"
        elif isinstance(value, list) and len(value) > _CHUNK_ITEMS:
            text = self._list(path, value)
        else:
            self._elements.pop(path, None)
            parts: list[str] = []
            _encode_parts(value, parts, len(path), self._pause)
            text = "".join(parts).encode("utf-8")
        self._cache[path] = (value, text)
        return text

    def dumps(self, data: dict[str, Any]) -> bytes:
        """``dumps_snapshot(data)``, encoding only what changed since the last call."""
        if not data:
            return dumps_snapshot(data)
        text = b"{" + b",".join(_key(key) + self._field((key,), value)
                                for key, value in data.items()) + b"}\n"
        for cache in (self._cache, self._elements, self._misses):
            for path in [p for p in cache if p[0] not in data]:
                del cache[path]
        return text


def dumps_snapshot(data: dict[str, Any]) -> bytes:
    """The file's bytes from a ``snapshot``: ``dumps(s) == dumps_snapshot(snapshot(s))``.

    Compact UTF-8 JSON, as ``json.dumps(data, ensure_ascii=False, separators=(",", ":"),
    allow_nan=False)`` writes it, encoded in small pieces (see ``_encode_parts``).
    """
    parts: list[str] = []
    _encode_parts(data, parts, 0)
    return "".join(parts).encode("utf-8") + b"\n"


class _Unreadable:
    """Stands in for a number JSON can hold but a session cannot (NaN, 1e400, 5,000 digits).

    No field of the model accepts it, so the file is refused with a message naming the
    field, instead of loading a session that can never be saved again (``dumps`` refuses
    non-finite floats) or letting a raw ``ValueError`` out of the loader.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text[:20]


def _parse_int(text: str) -> Any:
    try:
        return int(text)
    except ValueError:  # more digits than sys.get_int_max_str_digits() allows
        return _Unreadable(text)


def _parse_float(text: str) -> Any:
    value = float(text)
    return value if math.isfinite(value) else _Unreadable(text)


def _decode(raw: bytes, path: Path) -> Any:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    stripped = raw.lstrip()
    if not stripped:
        raise CorruptSessionError(
            path,
            Message("“{path}” is empty. Restore it from a backup (workshop backups).", path=path),
        )
    if not stripped.startswith(b"{"):
        raise NotASessionError(
            path, Message("“{path}” is not a Workshop session file.", path=path)
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorruptSessionError(
            path,
            Message(
                "“{path}” is damaged (unreadable bytes at position {pos}). "
                "Restore it from a backup (workshop backups).",
                path=path, pos=exc.start,
            ),
        ) from None
    try:
        return json.loads(
            text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_Unreadable
        )
    except json.JSONDecodeError as exc:
        truncated = exc.pos >= len(text.rstrip()) - 1 or exc.msg.startswith("Unterminated")
        message = (
            N_("“{path}” is incomplete: it ends too early (at character {pos}). "
               "Restore it from a backup (workshop backups).")
            if truncated
            else N_("“{path}” is damaged (invalid JSON at line {line}, column {col}). "
                    "Restore it from a backup (workshop backups).")
        )
        raise CorruptSessionError(
            path, Message(message, path=path, pos=exc.pos, line=exc.lineno, col=exc.colno)
        ) from None
    except RecursionError:
        raise CorruptSessionError(
            path,
            Message("“{path}” is damaged (nested too deeply to be a session).", path=path),
        ) from None


def _amounts_as_numbers(doc: dict[str, Any]) -> list[Message]:
    """Amounts written as JSON numbers in a file of schema 4, where they are text.

    A JSON number is a binary float to most readers (12.25 may come back as 12.2): only
    text carries the digits typed exactly, so the format stores "12.25" and a number is
    refused rather than guessed at (files of schema 3 and older, whose amounts were
    numbers, are converted exactly by their migration before this)."""
    commitments = doc.get("commitments")
    found = commitments.get("contributions") if isinstance(commitments, dict) else None
    problems: list[Message] = []
    for n, item in enumerate(found if isinstance(found, list) else []):
        value = item.get("amount") if isinstance(item, dict) else None
        if isinstance(value, (int, float, _Unreadable)) and not isinstance(value, bool):
            problems.append(Message(
                "commitments.contributions[{index}].amount: {value} is a number; an amount "
                "is written as text, e.g. \"12.25\", so that its digits stay exact",
                index=n, value=repr(value)))
    return problems


def loads(raw: bytes, path: Path | str = "<memory>") -> Session:
    """Parse, check the format and version, migrate, and validate."""
    from pydantic import ValidationError

    from workshop.domain.consent import stamp_unversioned
    from workshop.domain.model import FORMAT_MARKER, SCHEMA_VERSION, Session
    from workshop.domain.validation import problems_from

    path = Path(path)
    doc = _decode(raw, path)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_MARKER:
        raise NotASessionError(path, Message("“{path}” is not a Workshop session file.", path=path))
    version = doc.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise CorruptSessionError(
            path,
            Message(
                "“{path}” is damaged: its format version is missing or unreadable. "
                "Restore it from a backup (workshop backups).",
                path=path,
            ),
        )
    if version > SCHEMA_VERSION:
        raise NewerVersionError(path, version, SCHEMA_VERSION)
    if version < SCHEMA_VERSION:
        if version not in MIGRATIONS:
            raise InvalidSessionError(
                path,
                Message("“{path}” has format version {found}, which cannot be converted.",
                        path=path, found=version),
            )
        try:
            doc = migrate(doc, version, SCHEMA_VERSION)
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
            raise InvalidSessionError(
                path,
                Message("“{path}” has an older format that could not be converted: {reason}",
                        path=path, reason=type(exc).__name__),
            ) from None
    def refused(problems: list[Message]) -> InvalidSessionError:
        return InvalidSessionError(path, Message(
            "“{path}” contains data that Workshop cannot accept. The file has not been "
            "changed; fix the fields below or restore a backup.", path=path), problems)

    numbers = _amounts_as_numbers(doc)
    if numbers:
        raise refused(numbers)
    try:
        session = Session.model_validate(doc)
    except ValidationError as exc:
        raise refused(problems_from(exc)) from None
    except RecursionError:
        raise CorruptSessionError(
            path, Message("“{path}” is damaged (nested too deeply to be a session).", path=path)
        ) from None
    # Decisions in files of schema 2 carry no version: they were given to the text as
    # it is, so they count for it.
    stamp_unversioned(session)
    return session


_REASONS: dict[int, str] = {
    errno.ENOENT: N_("it does not exist"),
    errno.EISDIR: N_("it is a folder"),
    errno.ELOOP: N_("it is a loop of symbolic links"),
    errno.EACCES: N_("you lack permission"),
    errno.EPERM: N_("you lack permission"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EROFS: N_("the disk or folder is read-only"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENAMETOOLONG: N_("the name is too long"),
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = N_("the disk is full")


def os_reason(exc: OSError | ValueError) -> Message | str:
    """Why the system refused, in the reader's words for the common cases (a missing
    file, a folder, a loop of links, no permission, a full or read-only disk, a path
    through a file, a name too long); the system's own text for the rare rest."""
    code = exc.errno if isinstance(exc, OSError) else None
    if code in _REASONS:
        return Message(_REASONS[code])
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc)


def resolve_path(path: Path | str) -> Path:
    """``path`` with every symbolic link followed (the file a link points at).

    A loop of links (Python 3.11 raises ``RuntimeError``) or another error of the
    system ends in a ``FileUnreadableError`` that says so, never a traceback.
    """
    path = Path(path)
    try:
        return path.resolve()
    except RuntimeError:
        reason: Message | str = Message(_REASONS[errno.ELOOP])
    except OSError as exc:
        reason = os_reason(exc)
    raise FileUnreadableError(
        path, Message("“{path}” cannot be used: {reason}.", path=path, reason=reason))


def same_file(a: Path | str, b: Path | str) -> bool:
    """Whether ``a`` and ``b`` are one file: the same path once links are followed, or
    two names (hard links) of one file. Raises ``FileUnreadableError`` for a loop."""
    if resolve_path(a) == resolve_path(b):
        return True
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # one of them does not exist (yet)
        return False


_MARKER = re.compile(rb'"format"\s*:\s*"workshop-session"')


def looks_like_session(path: Path | str) -> bool:
    """Whether the file at ``path`` is a Workshop session, if perhaps a damaged or empty
    one (what ``workshop restore`` may write over): it loads, is empty, or is a JSON
    object whose format marker says so. Another program's file (a PDF, a text) is not.
    A file that cannot be read raises its ``FileUnreadableError``."""
    raw = read_bytes(path)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    stripped = raw.lstrip()
    if not stripped:
        return True
    return stripped.startswith(b"{") and _MARKER.search(stripped[:65536]) is not None


def read_bytes(path: Path | str) -> bytes:
    path = Path(path)
    try:
        native = Path(platform.os_path(path))
        size = native.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CorruptSessionError(
                path,
                Message("“{path}” is {size} MB, far too large to be a session.",
                        path=path, size=size // (1024 * 1024)),
            )
        return native.read_bytes()
    except FileNotFoundError:
        raise FileUnreadableError(path, Message("“{path}” does not exist.", path=path)) from None
    except IsADirectoryError:
        raise FileUnreadableError(
            path, Message("“{path}” is a folder, not a file.", path=path)
        ) from None
    except PermissionError:
        raise FileUnreadableError(
            path, Message("You do not have permission to read “{path}”.", path=path)
        ) from None
    except OSError as exc:
        raise FileUnreadableError(
            path, Message("“{path}” cannot be read: {reason}.", path=path,
                          reason=os_reason(exc))
        ) from None


def load_session(path: Path | str) -> Session:
    """Open a session file. Never writes anything."""
    return loads(read_bytes(path), path)


def _save_error(path: Path, exc: OSError | ValueError) -> SaveError:
    code = exc.errno if isinstance(exc, OSError) else None
    kind = "other"
    if code is not None and code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        kind = "disk_full"
        msg = N_("Saving “{path}” failed: the disk is full. Free some space or use "
                 "Save as to save elsewhere (a USB stick). Nothing was lost: the previous "
                 "version is intact and your work is still open.")
    elif code is not None and code in (errno.EROFS, errno.EACCES, errno.EPERM):
        kind = "read_only"
        msg = N_("Saving “{path}” failed: the folder is read-only or you lack permission. "
                 "Use Save as to save elsewhere. The previous version is intact.")
    else:
        msg = N_("Saving “{path}” failed: {reason}. The previous version is intact; "
                 "try again or use Save as.")
    reason = os_reason(exc)
    return SaveError(path, Message(msg, path=path, reason=reason), kind=kind, reason=reason)


def temp_files(path: Path | str) -> list[Path]:
    """Leftover temporary files of interrupted saves of this session.

    Matched by name, not by glob pattern: a name with ``[`` or ``*`` must still find
    its own leftovers, and ``x.workshop`` must not claim those of ``x.workshop.bak``
    (whose save may be in progress). The random middle part of ``mkstemp`` never
    contains a dot.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    prefix = f"{TEMP_PREFIX}{path.name}."
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        name = entry.name
        if name.startswith(prefix) and name.endswith(TEMP_SUFFIX):
            middle = name[len(prefix) : len(name) - len(TEMP_SUFFIX)]
            if middle and "." not in middle:
                found.append(folder / name)
    return sorted(found)


def remove_temp_files(path: Path | str) -> int:
    """Remove leftovers of interrupted saves; only the lock holder may call this."""
    removed = 0
    for leftover in temp_files(path):
        try:
            leftover.unlink()
            removed += 1
        except OSError:
            pass
    return removed


PARTIAL_EXPORT_SUFFIXES = (".pdf", ".png", ".svg")
PARTIAL_EXPORT_AGE_S = 60.0
"""A write takes well under a second from creating its temporary file to the rename; a
temporary export file older than this belongs to a process that was killed."""


def partial_exports(folder: Path | str) -> list[Path]:
    """Temporary files of exports (``.NAME.pdf.XXXXXXXX.saving``) in ``folder``."""
    folder = Path(folder)
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        name = entry.name
        if not (name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)):
            continue
        target, dot, middle = name[len(TEMP_PREFIX):-len(TEMP_SUFFIX)].rpartition(".")
        if dot and middle and target.lower().endswith(PARTIAL_EXPORT_SUFFIXES):
            found.append(folder / name)
    return sorted(found)


def remove_partial_exports(folder: Path | str, *, now: float | None = None,
                           min_age_s: float = PARTIAL_EXPORT_AGE_S) -> int:
    """Remove what killed exports left in ``folder`` (owner-only, but full of names).

    Only files older than ``min_age_s``: a younger one may be another export's, being
    written right now. Called before every export into a folder and at start.
    """
    now = time.time() if now is None else now
    removed = 0
    for leftover in partial_exports(folder):
        try:
            if now - leftover.stat().st_mtime >= min_age_s:
                leftover.unlink()
                removed += 1
        except OSError:
            pass
    return removed


def write_atomic(path: Path | str, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; on failure the old file is intact."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f"{TEMP_PREFIX}{path.name}.", suffix=TEMP_SUFFIX, dir=platform.os_path(folder)
        )
        try:
            platform.restrict_fd(fd, 0o600)  # mkstemp already does; be explicit
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        platform.replace(tmp_name, platform.os_path(path))
        tmp_name = None
    except OSError as exc:
        raise _save_error(path, exc) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    try:
        platform.fsync_dir(platform.os_path(folder))
    except OSError:
        # The new file is in place; some file systems (network shares) refuse a folder
        # fsync. Reporting "save failed" now would be untrue, so this stays best effort.
        pass


def save_session(session: Session, path: Path | str) -> bytes:
    """Save atomically; returns the bytes written (for backups and comparisons)."""
    try:
        frozen = snapshot(session)
    except ValueError as exc:  # NaN/infinity or a lone surrogate: cannot be written
        raise _save_error(Path(path), exc) from None
    return save_snapshot(frozen, path)


def save_snapshot(frozen: dict[str, Any], path: Path | str,
                  encoder: SnapshotEncoder | None = None) -> bytes:
    """``save_session`` for a ``snapshot``: safe on any thread, the snapshot is not shared."""
    try:
        data = encoder.dumps(frozen) if encoder is not None else dumps_snapshot(frozen)
    except ValueError as exc:  # NaN/infinity or a lone surrogate: cannot be written
        raise _save_error(Path(path), exc) from None
    write_atomic(path, data)
    return data
