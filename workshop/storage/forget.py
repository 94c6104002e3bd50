"""Forgetting a participant everywhere the app keeps a copy, not only in the session.

"Delete everything of them" removes a person from the open session; this module takes
them out of every other copy: the rotating backups of every session in the data folder,
the recovery copies, leftovers of interrupted saves and exports beside the session and
of killed backup and recovery writes (``.NAME.XXXXXXXX.saving``, deleted), and
the PDFs exported from this session beside it (they print the person; export again).

A backup or recovery copy of this session is rewritten with the person removed the way
the session was (``remove_participant(..., hand_over=False)``), atomically, under its
own name, so the history of everything else stays. A copy of this session that still
holds one of the person's traces afterwards (their name in someone else's text), or
that holds a trace but cannot be read (damaged, or from a newer Workshop), is deleted.
Copies of other sessions are left alone, even if the same name occurs in them. Traces
are searched in the file's bytes as UTF-8, as JSON escapes and as UTF-16.

Runs on the save worker, after the save that removed the person. No Qt.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from workshop.domain import parties
from workshop.domain.model import Session
from workshop.domain.participants import remove_participant
from workshop.storage import files
from workshop.storage.backups import BackupStore
from workshop.storage.errors import SessionFileError

PDF_SUFFIX = ".pdf"


@dataclass(frozen=True)
class Traces:
    """What identifies one person's data in a file."""

    session_id: str
    participant_id: str
    texts: tuple[str, ...]
    """Their name, their interests' texts, their signature's strokes as JSON."""

    def patterns(self) -> list[bytes]:
        found: set[bytes] = set()
        for text in self.texts:
            if len(text.strip()) < 3:
                continue  # "Jo" would match half the files on the disk
            found.add(text.encode("utf-8"))
            found.add(json.dumps(text)[1:-1].encode("ascii"))  # \u escapes
            found.add(text.encode("utf-16-le"))
            found.add(text.encode("utf-16-be"))
        return sorted(found)

    def found_in(self, data: bytes) -> bool:
        return any(pattern in data for pattern in self.patterns())


def traces_of(session: Session, participant_id: str) -> Traces:
    """The traces of a participant, taken before they are removed.

    Always their name, their interests' texts and their signature's strokes. Also what
    else describes them, where it is theirs alone (not found in the session once they
    are removed, so that a role like "Bestuurder" that others share is no trace): their
    role, what they represent, their mandate, the function they signed in, the name
    they were printed with in the revised version (an evaluation meeting), and, when
    nobody of their organisation stays, its name and legal name.
    """
    person = session.participant(participant_id)
    if person is None:
        raise KeyError(participant_id)
    texts = [person.name]
    texts += [i.text for i in session.interests.items if i.participant_id == participant_id]
    for signature in session.signatures:
        if signature.participant_id == participant_id:
            for stroke in signature.strokes:
                texts.append(json.dumps([list(p) for p in stroke.points[:3]],
                                        separators=(",", ":"))[1:-1])
    extra = [person.role, person.represents, person.mandate]
    extra += [parties.record(session, name).function
              for name in parties.represented_by(session, participant_id)]
    if session.evaluation is not None:
        extra += [a.title for a in session.evaluation.previous_articles
                  if a.key == f"parties:{participant_id}"]
    trial = session.model_copy(deep=True)
    remove_participant(trial, participant_id, hand_over=False)
    organisation = person.organisation.strip()
    if organisation and organisation not in trial.organisations():
        extra += [organisation, parties.record(session, organisation).legal_name]
    left = files.dumps(trial)
    for text in extra:
        if text.strip() and not Traces(session.id, participant_id, (text,)).found_in(left):
            texts.append(text)
    return Traces(session.id, participant_id, tuple(dict.fromkeys(texts)))


@dataclass
class Forgotten:
    """What ``forget_everywhere`` did."""

    rewritten: list[Path] = field(default_factory=list)
    deleted: list[Path] = field(default_factory=list)
    failed: list[Path] = field(default_factory=list)
    """Files that hold a trace and could be neither rewritten nor deleted."""


def _remove(path: Path, result: Forgotten) -> None:
    try:
        path.unlink()
        result.deleted.append(path)
    except FileNotFoundError:
        pass
    except OSError:
        result.failed.append(path)


def _scrub_copy(path: Path, traces: Traces, result: Forgotten) -> None:
    """One backup or recovery copy: rewrite it without the person, or delete it."""
    try:
        data = path.read_bytes()
    except OSError:
        return
    holds_id = f'"{traces.participant_id}"'.encode() in data
    if not (holds_id or traces.found_in(data)):
        return
    try:
        session = files.loads(data, path)
    except SessionFileError:
        if traces.session_id.encode() in data:
            _remove(path, result)  # this session's, damaged or newer: only deletable
        return
    if session.id != traces.session_id:
        return  # another session: the same name there is another matter
    if session.participant(traces.participant_id):
        remove_participant(session, traces.participant_id, hand_over=False)
        cleaned = files.dumps(session)
        if not traces.found_in(cleaned):
            try:
                files.write_atomic(path, cleaned)
                result.rewritten.append(path)
                return
            except SessionFileError:
                pass
    elif not traces.found_in(data):
        return
    _remove(path, result)


def _sealed_by(data: bytes, session_id: str) -> bool:
    from workshop.export.seal import check_seal

    manifest = check_seal(data).manifest
    return manifest is not None and manifest.get("session_id") == session_id


def _beside(session_path: Path, traces: Traces, result: Forgotten) -> None:
    """Leftovers of interrupted saves and exports, and this session's PDFs."""
    files.remove_temp_files(session_path)
    folder = session_path.parent
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.endswith(files.TEMP_SUFFIX) and name.startswith(files.TEMP_PREFIX) and (
                ".pdf." in name or ".workshop." in name):
            _remove(entry, result)  # an interrupted save or export: never anybody's file
            continue
        if not name.lower().endswith(PDF_SUFFIX) or not entry.is_file():
            continue
        try:
            data = entry.read_bytes()
        except OSError:
            continue
        if _sealed_by(data, traces.session_id):
            _remove(entry, result)


def copies(store: BackupStore, recovery: Path | None) -> Iterable[Path]:
    """Every backup in ``store`` and every recovery copy."""
    for info in store.list_all():
        yield info.path
    if recovery is not None:
        try:
            yield from sorted(p for p in recovery.iterdir()
                              if p.name.endswith(files.EXTENSION))
        except OSError:
            return


def _leftovers(store: BackupStore, traces: Traces, result: Forgotten) -> None:
    """Leftovers of killed backup and recovery writes: deleted once a minute old (as
    ``BackupStore.remove_leftovers``), and at any age when they hold this session or
    the person (only the process holding the session writes its copies, and that is
    this one, busy here)."""
    result.deleted += store.remove_leftovers()
    for leftover in store.leftovers():
        try:
            data = leftover.read_bytes()
        except OSError:
            continue
        if traces.session_id.encode() in data or traces.found_in(data):
            _remove(leftover, result)


SCAN_BUDGET_S = 0.3
"""How long ``held_in_copies`` may read copies on the UI thread before it answers
"perhaps": the window must not freeze over a year of backups."""


def held_in_copies(store: BackupStore, recovery: Path | None, session_path: Path | None,
                   session_id: str, participant_id: str, *,
                   budget_s: float = SCAN_BUDGET_S) -> bool | None:
    """Whether a backup, recovery copy or leftover of a killed write of this session
    holds the participant (their id): before a removal, so that the dialog says so.

    This session's own backups first, newest first, then the rest. None when not every
    copy could be read within ``budget_s``: perhaps.
    """
    person, session = f'"{participant_id}"'.encode(), f'"{session_id}"'.encode()
    own = store.list_backups(session_path) if session_path is not None else []
    seen = {info.path for info in own}
    paths = [info.path for info in own]
    paths += [p for p in copies(store, recovery) if p not in seen]
    paths += store.leftovers()
    start = time.monotonic()
    for path in paths:
        if time.monotonic() - start > budget_s:
            return None
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if person in data and session in data:
            return True
    return False


def forget_everywhere(traces: Traces, session_path: Path | None, store: BackupStore,
                      recovery: Path | None) -> Forgotten:
    """Take the person out of every copy the app keeps (see the module docstring)."""
    result = Forgotten()
    _leftovers(store, traces, result)
    for path in copies(store, recovery):
        _scrub_copy(path, traces, result)
    if session_path is not None:
        _beside(session_path, traces, result)
    return result
