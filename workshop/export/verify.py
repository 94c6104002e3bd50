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
   Workshop and reportlab versions as the export; otherwise it is skipped, and the
   report says so.

No Qt and no PDF parser: everything is read from the raw bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import Session
from workshop.export.seal import check_seal
from workshop.i18n import Language, tr

Rebuild = Literal["same", "different", "skipped", "not_run"]


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
    session_checked: bool = False
    current_fingerprint: str = ""
    """The session's fingerprint now (when a session was given)."""
    same_session: bool | None = None
    fingerprint_matches: bool | None = None
    signatures_match: bool | None = None
    signatures: list[SignatureStatus] = field(default_factory=list)
    rebuild: Rebuild = "not_run"
    rebuild_note: str = ""

    @property
    def ok(self) -> bool:
        if not (self.sealed and self.intact and self.manifest is not None):
            return False
        if not self.session_checked:
            return True
        return bool(self.same_session and self.fingerprint_matches
                    and self.signatures_match and self.rebuild != "different")


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


def verify_bytes(data: bytes, session: Session | None = None) -> Report:
    """Check a PDF's bytes, and against ``session`` when given."""
    seal = check_seal(data)
    report = Report(sealed=seal.found, intact=seal.intact, manifest=seal.manifest)
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


def report_lines(report: Report, pdf: Path | str, lang: Language | None = None,
                 ) -> list[str]:
    """What ``workshop verify`` prints, one line each, in the reader's language."""
    lines: list[str] = []
    if not report.sealed:
        return [tr("“{path}” has no Workshop seal: it was not exported by Workshop, or "
                   "the seal was removed.", lang, path=pdf)]
    if not report.intact:
        return [tr("“{path}” HAS BEEN CHANGED since it was exported: its bytes no longer "
                   "match its seal. Do not rely on it.", lang, path=pdf)]
    m = report.manifest
    if m is None:
        return [tr("“{path}” is sealed but its description cannot be read.", lang,
                   path=pdf)]
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
        return lines
    if not report.same_session:
        lines.append(tr("The PDF was exported from a different session.", lang))
    if report.fingerprint_matches:
        lines.append(tr("The session's current text matches the PDF.", lang))
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
    if not report.fingerprint_matches:
        lines.append(tr("Current fingerprint of the session: {fingerprint}", lang,
                        fingerprint=report.current_fingerprint))
    return lines
