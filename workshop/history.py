"""What the command line says about a collaboration's history: the chain of versions
(start meeting, evaluations) with dates and fingerprints, whether each earlier file is
found unchanged, where a PDF stands in the chain, and the roadmap's status.

Used by ``workshop check`` and ``workshop verify``; no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from workshop.domain.evaluation import review_counts, version_of
from workshop.domain.fingerprint import short_fingerprint
from workshop.domain.labels import label
from workshop.domain.model import ActionStatus, ReviewStatus, Session
from workshop.i18n import N_, Language, tr
from workshop.storage.chain import Link, check_chain

STATE_TEXTS = {
    "ok": N_("found, unchanged"),
    "changed": N_("CHANGED since this version was made from it"),
    "other": N_("a file of that name holds another session"),
    "missing": N_("file not found"),
    "unreadable": N_("file cannot be read"),
    "this": N_("this session"),
}
REVIEW_TEXTS = {
    ReviewStatus.DONE: N_("done"),
    ReviewStatus.ON_TRACK: N_("on track"),
    ReviewStatus.LATE: N_("late"),
    ReviewStatus.DROPPED: N_("dropped"),
}


def chain_lines(links: list[Link], lang: Language) -> list[str]:
    """One line per version: number, date, fingerprint, file and what was found."""
    lines = []
    for link in links:
        e = link.entry
        when = e.date.isoformat() if e.date else "-"
        where = str(link.path) if link.path else e.file_name or "-"
        lines.append(tr("version {version}  {date}  {fingerprint}  {file}: {state}", lang,
                        version=e.version, date=when,
                        fingerprint=short_fingerprint(e.fingerprint), file=where,
                        state=tr(STATE_TEXTS[link.state], lang)))
    return lines


def roadmap_status(session: Session, lang: Language) -> str:
    """"2 done, 1 on track, 1 late, 1 dropped" at an evaluation; the planned status
    per action at a start meeting."""
    if session.evaluation is not None:
        counts = review_counts(session)
        parts = [tr("{count} {status}", lang, count=counts[s], status=tr(REVIEW_TEXTS[s], lang))
                 for s in ReviewStatus if counts.get(s)]
        if counts.get(None):
            parts.append(tr("{count} not reviewed", lang, count=counts[None]))
        return ", ".join(parts) or "-"
    planned: dict[ActionStatus, int] = {}
    for action in session.roadmap.actions:
        planned[action.status] = planned.get(action.status, 0) + 1
    return ", ".join(f"{n} {label(status, lang)}" for status, n in planned.items()) or "-"


def check_lines(session: Session, path: Path, candidates: Iterable[Path] = (), *,
                lang: Language) -> tuple[list[str], bool]:
    """What ``workshop check`` adds: the chain and the roadmap status; False when an
    earlier version was found changed."""
    links = check_chain(session, path, candidates)
    lines = [tr("Version {version} of the agreement; the chain:", lang,
                version=version_of(session))]
    lines += ["    " + line for line in chain_lines(links, lang)]
    lines.append(tr("Roadmap status: {status}", lang, status=roadmap_status(session, lang)))
    return lines, not any(link.state == "changed" for link in links)


def pdf_position(fingerprint: str, session: Session, path: Path | None,
                 lang: Language) -> str | None:
    """Which version of ``session``'s chain a PDF with ``fingerprint`` shows; None
    when it is none of them."""
    links = check_chain(session, path)
    current = links[-1].entry.version
    for link in links:
        if link.entry.fingerprint == fingerprint:
            if link.state == "this":
                return tr("The PDF is version {version} of the agreement, the current one.",
                          lang, version=current)
            when = link.entry.date.isoformat() if link.entry.date else "-"
            return tr("The PDF is version {version} of the agreement ({date}), an earlier "
                      "version: the current one is version {current}.", lang,
                      version=link.entry.version, date=when, current=current)
    return None
