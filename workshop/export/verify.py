"""``workshop verify``: is this PDF what Workshop exported, and does it match the session?

Three questions, each answered only if the one before holds:

1. **Unchanged since export?** The seal (``workshop.export.seal``): SHA-256 over every
   byte of the file, written into the file at export. One changed byte fails.
2. **Given the session: the same text, the same signatures?** The fingerprint in the
   PDF must equal the session's current fingerprint; every signature is reported valid
   or void for the current text, and the signatures the PDF printed (and how) must be
   the session's.
3. **Given the session: exactly what it produces?** The export is deterministic, so
   the PDF is rebuilt from the session with the options and export time recorded in
   its manifest and compared byte for byte. This catches a PDF that was edited and
   then resealed (the seal alone proves integrity, not authorship). It needs the same
   Workshop and reportlab versions as the export.
4. **Given the session, made with other versions: the same words?** When the byte
   comparison is impossible, the words on the PDF's pages (and its title, author and
   subject) are extracted and compared, word for word and in order, with those of the
   PDF this Workshop makes from the session with the manifest's options. A word edited
   in a content stream and resealed fails here, whatever the manifest claims.

A check that was not made never counts as held: ``Report.ok`` is True only when every
check the report lists was made and held, and with a session at least one of the
comparisons 3 and 4 was made. No Qt; pypdf only to extract the text for check 4.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import Session
from workshop.export.seal import check_seal
from workshop.i18n import Language, tr

Rebuild = Literal["same", "different", "skipped", "not_run"]
TextCheck = Literal["same", "different", "impossible", "not_run"]
CheckState = Literal["held", "failed", "not_made"]


@dataclass(frozen=True)
class SignatureStatus:
    name: str
    signed_at: str
    valid: bool
    """Valid for the session's current text."""


@dataclass
class Report:
    sealed: bool = False
    """The file carries a Workshop seal."""
    intact: bool = False
    """Every byte is as exported."""
    manifest: dict[str, Any] | None = None
    session_given: bool = False
    """A session was given to check the PDF against."""
    session_checked: bool = False
    current_fingerprint: str = ""
    """The session's fingerprint now (when a session was given)."""
    same_session: bool | None = None
    fingerprint_matches: bool | None = None
    signatures_match: bool | None = None
    signatures: list[SignatureStatus] = field(default_factory=list)
    rebuild: Rebuild = "not_run"
    rebuild_note: str = ""
    text_check: TextCheck = "not_run"
    text_difference: tuple[str, str] | None = None
    """Where the words part: (the PDF's words, the session's words) around the first
    difference."""

    def checks(self) -> list[tuple[str, CheckState]]:
        """Every check this report speaks of, in order, and whether it was made and held.

        Keys: seal, fingerprint, signatures, bytes, words. With a session and a seal
        that failed, the session's checks are listed as not made.
        """
        out: list[tuple[str, CheckState]] = [
            ("seal", "held" if self.sealed and self.intact and self.manifest is not None
             else "failed")]
        if out[0][1] != "held" and self.session_given:
            return out + [(key, "not_made")
                          for key in ("fingerprint", "signatures", "bytes", "words")]
        if not self.session_checked or out[0][1] != "held":
            return out

        def state(value: bool | None) -> CheckState:
            return "not_made" if value is None else ("held" if value else "failed")

        out.append(("fingerprint", state(bool(self.same_session and self.fingerprint_matches))))
        out.append(("signatures", state(self.signatures_match)))
        if self.rebuild in ("same", "different"):
            out.append(("bytes", "held" if self.rebuild == "same" else "failed"))
        elif self.text_check in ("same", "different"):
            out.append(("words", "held" if self.text_check == "same" else "failed"))
        else:  # neither comparison could be made: say so, and never pass
            out.append(("words", "not_made"))
        return out

    @property
    def ok(self) -> bool:
        """Every reported check was made and held."""
        return all(state == "held" for _, state in self.checks())


def _printed_signatures(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """The manifest's signatures; tolerant, since a forged manifest can hold anything."""
    found = manifest.get("signatures")
    return [g for g in found if isinstance(g, dict)] if isinstance(found, list) else []


def _versions() -> dict[str, str]:
    import reportlab

    from workshop import __version__

    return {"workshop": __version__, "reportlab": str(reportlab.Version)}


def _rebuild(session: Session, manifest: dict[str, Any]) -> bytes:
    from workshop.export.agreement import AgreementOptions, export_agreement
    from workshop.export.roadmap import RoadmapOptions, export_roadmap

    options = manifest.get("options")
    if not isinstance(options, dict):
        raise TypeError("options")
    exported_at = dt.datetime.fromisoformat(str(manifest["exported_at"]))
    if manifest.get("kind") == "roadmap":
        return export_roadmap(session, RoadmapOptions(**options), exported_at)
    return export_agreement(session, AgreementOptions(**options), exported_at)


def _words(data: bytes) -> list[str]:
    """The words a reader sees: the metadata's title, author and subject, then every
    page's text, split at whitespace. Raises ``ValueError`` when the PDF cannot be read."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        with _pypdf_quiet():
            reader = PdfReader(io.BytesIO(data), strict=False)
            meta: dict[str, Any] = dict(reader.metadata or {})
            parts = [str(meta.get(key, "")) for key in ("/Title", "/Author", "/Subject")]
            parts += [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, OSError, KeyError, TypeError, ValueError, AttributeError,
            IndexError, AssertionError, RecursionError, ZeroDivisionError) as exc:
        raise ValueError(type(exc).__name__) from None
    return " ".join(parts).split()


@contextlib.contextmanager
def _pypdf_quiet() -> Iterator[None]:
    """pypdf's complaints about a PDF (a moved cross-reference table, broken object
    streams: what a resealed edit leaves) not printed on stderr: the findings say what
    is wrong with the PDF, in the reader's language."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _first_difference(found: list[str], expected: list[str]) -> tuple[str, str]:
    at = 0
    while at < min(len(found), len(expected)) and found[at] == expected[at]:
        at += 1
    start = max(0, at - 3)
    return (" ".join(found[start:at + 4]) or "-", " ".join(expected[start:at + 4]) or "-")


def _compare_words(data: bytes, session: Session, manifest: dict[str, Any],
                   report: Report) -> None:
    """Check 4: the PDF's words against those this Workshop prints for the session."""
    try:
        rebuilt = _rebuild(session, manifest)
    except (KeyError, TypeError, ValueError) as exc:  # options this version does not know
        report.text_check = "impossible"
        report.rebuild_note = f"{report.rebuild_note} ({type(exc).__name__})"
        return
    expected = _words(rebuilt)
    try:
        found = _words(data)
    except ValueError as exc:
        report.text_check = "impossible"
        report.rebuild_note = f"{report.rebuild_note} ({exc})"
        return
    if found == expected:
        report.text_check = "same"
    else:
        report.text_check = "different"
        report.text_difference = _first_difference(found, expected)


def verify_bytes(data: bytes, session: Session | None = None) -> Report:
    """Check a PDF's bytes, and against ``session`` when given."""
    seal = check_seal(data)
    report = Report(sealed=seal.found, intact=seal.intact, manifest=seal.manifest,
                    session_given=session is not None)
    manifest = seal.manifest
    if manifest is None or session is None:
        return report
    report.session_checked = True
    current = fingerprint(session)
    report.current_fingerprint = current
    report.same_session = manifest.get("session_id") == session.id
    report.fingerprint_matches = manifest.get("fingerprint") == current
    names = {p.id: p.name for p in session.participants}
    report.signatures = [
        SignatureStatus(names.get(s.participant_id, s.participant_id),
                        s.signed_at.isoformat(), s.fingerprint == current)
        for s in session.signatures
    ]
    printed = {(str(g.get("id")), str(g.get("fingerprint")), bool(g.get("valid")))
               for g in _printed_signatures(manifest)}
    held = {(s.id, s.fingerprint, s.fingerprint == current) for s in session.signatures}
    report.signatures_match = printed == held
    if not (report.same_session and report.fingerprint_matches and report.signatures_match):
        return report
    made_with = manifest.get("generator")
    if made_with != _versions():
        report.rebuild = "skipped"
        report.rebuild_note = str(made_with)
        _compare_words(data, session, manifest, report)
        return report
    try:
        again = _rebuild(session, manifest)
    except (KeyError, TypeError, ValueError) as exc:  # a manifest we cannot replay
        report.rebuild = "different"
        report.rebuild_note = type(exc).__name__
        return report
    report.rebuild = "same" if again == data else "different"
    return report


def verify_file(pdf: Path, session: Session | None = None) -> Report:
    """Read and check a PDF; ``OSError`` when it cannot be read."""
    return verify_bytes(Path(pdf).read_bytes(), session)


def report_lines(report: Report, pdf: Path | str, lang: Language,
                 ) -> list[str]:
    """What ``workshop verify`` prints, one line each, in the reader's language; the
    last line is always ``checks_line``."""
    lines: list[str] = []
    if not report.sealed:
        return [tr("“{path}” has no Workshop seal: it was not exported by Workshop, or "
                   "the seal was removed.", lang, path=pdf), checks_line(report, lang)]
    if not report.intact:
        return [tr("“{path}” HAS BEEN CHANGED since it was exported: its bytes no longer "
                   "match its seal. Do not rely on it.", lang, path=pdf),
                checks_line(report, lang)]
    m = report.manifest
    if m is None:
        return [tr("“{path}” is sealed but its description cannot be read.", lang,
                   path=pdf), checks_line(report, lang)]
    when = str(m.get("exported_at", "?"))[:19].replace("T", " ")
    kind = (tr("Roadmap", lang) if m.get("kind") == "roadmap"
            else tr("Collaboration agreement", lang))
    lines.append(tr("“{path}” is unchanged since it was exported ({kind}, {when} UTC).",
                    lang, path=pdf, kind=kind, when=when))
    fp = str(m.get("fingerprint", ""))
    lines.append(tr("Fingerprint in the PDF: {fingerprint}", lang, fingerprint=fp))
    printed = _printed_signatures(m)
    valid = sum(1 for g in printed if g.get("valid"))
    lines.append(tr("Signatures printed: {total} ({valid} valid, {void} void)", lang,
                    total=len(printed), valid=valid, void=len(printed) - valid))
    if not report.session_checked:
        lines.append(tr("Give the session file too, to check the PDF against it.", lang))
        lines.append(checks_line(report, lang))
        return lines
    if not report.same_session:
        lines.append(tr("The PDF was exported from a different session.", lang))
    if report.fingerprint_matches:
        lines.append(tr("The fingerprint in the PDF is the session's current fingerprint.",
                        lang))
    else:
        lines.append(tr("The session's text HAS CHANGED since this PDF was exported: "
                        "the PDF does not show the current agreement.", lang))
    for sig in report.signatures:
        status = tr("valid", lang) if sig.valid else tr("VOID (signed another text)", lang)
        lines.append(f"  {sig.name}  {sig.signed_at}  {status}")
    if report.fingerprint_matches and not report.signatures_match:
        lines.append(tr("The signatures in the session differ from those printed in the "
                        "PDF: export again.", lang))
    if report.rebuild == "same":
        lines.append(tr("Rebuilt from the session: identical to the PDF, byte for byte.",
                        lang))
    elif report.rebuild == "different":
        lines.append(tr("Rebuilt from the session, the PDF comes out DIFFERENT: it was "
                        "edited and resealed, or made from another copy of the session.",
                        lang))
    elif report.rebuild == "skipped":
        lines.append(tr("Not rebuilt for a byte comparison: the PDF was made with other "
                        "versions ({versions}).", lang, versions=report.rebuild_note))
    if report.text_check == "same":
        lines.append(tr("Its words, compared one by one with what this Workshop prints for "
                        "the session: the same.", lang))
    elif report.text_check == "different":
        found, expected = report.text_difference or ("-", "-")
        lines.append(tr("Its words DIFFER from what the session prints: the PDF was edited "
                        "and resealed, or another version prints the text differently. The "
                        "PDF says “{found}” where the session gives “{expected}”.", lang,
                        found=found, expected=expected))
    elif report.text_check == "impossible":
        lines.append(tr("The PDF's words could not be compared: they cannot be read, or this "
                        "Workshop cannot print the session with the PDF's options.", lang))
    if not report.fingerprint_matches:
        lines.append(tr("Current fingerprint of the session: {fingerprint}", lang,
                        fingerprint=report.current_fingerprint))
    lines.append(checks_line(report, lang))
    return lines


def checks_line(report: Report, lang: Language) -> str:
    """One line naming every check and its outcome; the exit code follows from it."""
    names = {
        "seal": tr("seal", lang),
        "fingerprint": tr("fingerprint", lang),
        "signatures": tr("signatures", lang),
        "bytes": tr("byte-for-byte rebuild", lang),
        "words": tr("word-for-word text", lang),
    }
    states = {"held": tr("held", lang), "failed": tr("FAILED", lang),
              "not_made": tr("NOT MADE", lang)}
    made = ", ".join(f"{names[key]}: {states[state]}" for key, state in report.checks())
    verdict = (tr("every check was made and held", lang) if report.ok
               else tr("not verified", lang))
    return tr("Checks: {checks}. Result: {verdict}.", lang, checks=made, verdict=verdict)
