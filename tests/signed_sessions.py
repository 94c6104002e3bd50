"""Signed sessions for the tests of evaluation meetings: last spring's start meeting,
signed by everyone present (``tests/ui/test_walkthrough.py`` shows how a table gets
there through the widgets), and the two files of a start meeting and its evaluation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from samples import demo_session

from workshop.domain.evaluation import new_evaluation
from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import Session, Signature
from workshop.storage.files import load_session, save_session

SIGNED_AT = dt.datetime(2026, 3, 12, 16, 0, tzinfo=dt.timezone.utc)


def signed(session: Session) -> Session:
    """``session`` signed on its current text by everyone present."""
    fp = fingerprint(session)
    session.signatures = [
        Signature(id=f"g-{n}", participant_id=p.id, fingerprint=fp, signed_at=SIGNED_AT)
        for n, p in enumerate(session.participants) if p.present]
    return Session.model_validate(session.model_dump())


def signed_start() -> Session:
    """The demo start meeting, signed."""
    return signed(demo_session())


def two_versions(folder: Path) -> tuple[Path, Path]:
    """A signed start meeting and the evaluation meeting made from it, saved in
    ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    start = folder / "Waalzoom maart.workshop"
    save_session(signed_start(), start)
    second = folder / "Waalzoom oktober.workshop"
    save_session(new_evaluation(load_session(start), start.name, dt.date(2026, 10, 1)),
                 second)
    return start, second
