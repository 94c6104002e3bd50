"""Finding and checking the earlier versions of an agreement on disk.

A session of an evaluation meeting records each earlier version by file name, session
id and fingerprint (``Evaluation.chain``), not by folder: the files are looked for
beside the session first (so moving the folder, or both files, keeps the link), then
among the given candidates (the recent sessions, or a file the user chose). A missing
file is reported, never an error: the evaluation goes on without it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from workshop.domain.evaluation import chain_of
from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import ChainEntry, Session
from workshop.storage.errors import SessionFileError
from workshop.storage.files import load_session

State = Literal["ok", "missing", "changed", "other", "unreadable", "this"]


@dataclass(frozen=True)
class Link:
    entry: ChainEntry
    path: Path | None
    state: State
    """ok: found with the recorded fingerprint; changed: found, but its text is not the
    one recorded; other: a file of that name holds another session; missing: not found;
    unreadable: found but cannot be read; this: the session itself."""
    found_fingerprint: str = ""


def locate(entry: ChainEntry, beside: Path | None, candidates: Iterable[Path] = ()
           ) -> list[Path]:
    """Existing files that may hold ``entry``: beside the session first, then the
    candidates of the same name, then the other candidates."""
    out: list[Path] = []
    if beside is not None and entry.file_name:
        out.append(beside / entry.file_name)
    named: list[Path] = []
    others: list[Path] = []
    for c in candidates:
        (named if c.name == entry.file_name else others).append(Path(c))
    out += named + others
    seen: set[Path] = set()
    existing = []
    for p in out:
        key = p.resolve() if p.exists() else p
        if key not in seen and p.is_file():
            seen.add(key)
            existing.append(p)
    return existing


def check_entry(entry: ChainEntry, beside: Path | None, candidates: Iterable[Path] = ()
                ) -> Link:
    """Find ``entry`` and check its fingerprint. The first candidate holding the same
    session decides; a file of that name holding another session is reported as such
    when nothing better is found."""
    fallback: Link | None = None
    for path in locate(entry, beside, candidates):
        try:
            earlier = load_session(path)
        except (SessionFileError, OSError):
            if path.name == entry.file_name and fallback is None:
                fallback = Link(entry, path, "unreadable")
            continue
        if earlier.id != entry.session_id:
            if path.name == entry.file_name and fallback is None:
                fallback = Link(entry, path, "other")
            continue
        found = fingerprint(earlier)
        return Link(entry, path, "ok" if found == entry.fingerprint else "changed", found)
    return fallback or Link(entry, None, "missing")


def check_chain(session: Session, path: Path | None, candidates: Iterable[Path] = ()
                ) -> list[Link]:
    """Every version of ``session``'s chain, oldest first, the session itself last."""
    beside = path.parent if path is not None else None
    listed = list(candidates)
    links = [check_entry(e, beside, listed)
             for e in (session.evaluation.chain if session.evaluation else [])]
    own = chain_of(session, path.name if path else "")[-1]
    links.append(Link(own, path, "this", own.fingerprint))
    return links
