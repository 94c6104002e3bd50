"""The command line. Everything except opening the app works without a display.

Exit codes: 0 success; 1 the session (or backup) could not be used, with the reason
on stderr, or a PDF failed ``verify`` (changed bytes, no seal, or not matching the
session), or ``check`` found an earlier version of the chain changed; 2 the command
was not understood.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from workshop import __version__
from workshop.domain.fingerprint import fingerprint, short_fingerprint
from workshop.domain.model import Session
from workshop.domain.scorecard import scorecard
from workshop.i18n import LANGUAGES, set_language, tr
from workshop.storage.errors import SessionFileError

EXIT_OK = 0
EXIT_SESSION = 1
EXIT_USAGE = 2

COMMANDS = ("check", "schema", "backups", "restore", "export", "verify", "render")


def summary(session: Session) -> list[tuple[str, str]]:
    """The lines ``workshop check`` prints: what a facilitator would want to count."""
    fp = fingerprint(session)
    valid = sum(1 for s in session.signatures if s.fingerprint == fp)
    d = session.details
    private = sum(1 for i in session.interests.items if i.private)
    c = session.commitments
    card = scorecard(session)
    return [
        (tr("Collaboration"), d.name),
        (tr("Region"), d.region or "-"),
        (tr("Date"), d.date.isoformat() if d.date else "-"),
        (tr("Participants"), tr("{total} ({present} present)", total=len(session.participants),
                                present=sum(p.present for p in session.participants))),
        (tr("Cards"), tr("{cards} in {clusters} clusters",
                         cards=len(session.ambition.cards),
                         clusters=len(session.ambition.clusters))),
        (tr("Interests"), tr("{total} ({private} not for print)",
                             total=len(session.interests.items), private=private)),
        (tr("Principles"), str(len(session.principles))),
        (tr("Rules"), str(len(session.rules))),
        (tr("Actions"), str(len(session.roadmap.actions))),
        (tr("Commitments"), tr("{contributions} contributions, {roles} roles, {plans} "
                               "year-plan items, {clauses} closing clauses",
                               contributions=len(c.contributions), roles=len(c.roles),
                               plans=len(c.year_plans), clauses=len(c.clauses))),
        (tr("Scorecard"), tr("{score} of {total} parts complete", score=card.score,
                             total=card.total)),
        (tr("Signatures"), tr("{total} ({valid} valid for the current text)",
                              total=len(session.signatures), valid=valid)),
        (tr("Fingerprint"), short_fingerprint(fp)),
    ]


def _print_summary(session: Session, path: Path, out: TextIO) -> None:
    rows = summary(session)
    width = max(len(label) for label, _ in rows)
    print(tr("“{path}” is a valid session.", path=path), file=out)
    for label, value in rows:
        print(f"  {label.ljust(width)}  {value}", file=out)


def _cmd_check(args: argparse.Namespace) -> int:
    from workshop.history import check_lines
    from workshop.storage import settings
    from workshop.storage.files import load_session

    session = load_session(args.path)
    _print_summary(session, Path(args.path), sys.stdout)
    lines, unchanged = check_lines(session, Path(args.path), settings.recent_sessions())
    for line in lines:
        print(f"  {line}")
    return EXIT_OK if unchanged else EXIT_SESSION


def _cmd_schema(args: argparse.Namespace) -> int:
    schema = Session.model_json_schema()
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def _cmd_backups(args: argparse.Namespace) -> int:
    from workshop.storage.backups import BackupStore

    backups = BackupStore().list_backups(Path(args.path))
    if not backups:
        print(tr("No backups of “{path}”.", path=args.path))
        return EXIT_OK
    print(tr("Backups of “{path}”, newest first:", path=args.path))
    for info in backups:
        stamp = info.taken_at.strftime("%Y-%m-%d %H:%M:%S")
        print(f"  {stamp}  {info.size:>10} B  {info.path}")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from workshop.storage.backups import BackupStore, restore
    from workshop.storage.lock import SessionLock

    backup, target = Path(args.backup), Path(args.path)
    if _same_file(backup, target):
        print(tr("“{path}” is the backup itself: there is nothing to restore.", path=target),
              file=sys.stderr)
        return EXIT_USAGE
    with SessionLock(target):  # an open Workshop would write its own version back
        kept = restore(backup, target, BackupStore())
    if kept is None:
        print(tr("Restored “{path}” from “{backup}”.", path=target, backup=backup))
    else:
        print(tr("Restored “{path}” from “{backup}”. The version it replaced was kept as a "
                 "backup.", path=target, backup=backup))
    return EXIT_OK


def _same_file(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def default_pdf_paths(session_path: Path, lang: str) -> tuple[Path, Path]:
    """Beside the session, named after it and in the PDFs' language:
    ``NAME-agreement.pdf`` and ``NAME-roadmap.pdf``, or in Dutch
    ``NAME-samenwerkingsafspraken.pdf`` and ``NAME-routekaart.pdf``."""
    stem = session_path.stem
    agreement, roadmap = (("samenwerkingsafspraken", "routekaart") if lang == "nl"
                          else ("agreement", "roadmap"))
    return (session_path.with_name(f"{stem}-{agreement}.pdf"),
            session_path.with_name(f"{stem}-{roadmap}.pdf"))


def _cmd_export(args: argparse.Namespace) -> int:
    from workshop.export.agreement import AgreementOptions, export_agreement
    from workshop.export.roadmap import RoadmapOptions, export_roadmap
    from workshop.storage.files import load_session, write_atomic

    path = Path(args.path)
    session = load_session(path)
    lang = args.pdf_lang or session.details.language
    default_agreement, default_roadmap = default_pdf_paths(path, lang)
    agreement_path = Path(args.agreement) if args.agreement else default_agreement
    roadmap_path = Path(args.roadmap) if args.roadmap else default_roadmap
    for out in (agreement_path, roadmap_path):
        if _same_file(out, path) or out.suffix.lower() == ".workshop":
            print(tr("“{path}” is a session file: a PDF is not written over it.", path=out),
                  file=sys.stderr)
            return EXIT_USAGE
    if _same_file(agreement_path, roadmap_path):
        print(tr("The agreement and the roadmap need two different files."), file=sys.stderr)
        return EXIT_USAGE
    agreement = export_agreement(session, AgreementOptions(
        language=lang, paper=args.paper, diagnostics=args.with_diagnostics,
        scorecard=args.with_scorecard))
    write_atomic(agreement_path, agreement)
    print(tr("Wrote the agreement to “{path}”.", path=agreement_path))
    roadmap = export_roadmap(session, RoadmapOptions(language=lang, size=args.size,
                                                     group_by=args.group_by))
    write_atomic(roadmap_path, roadmap)
    print(tr("Wrote the roadmap to “{path}”.", path=roadmap_path))
    return EXIT_OK


def _cmd_verify(args: argparse.Namespace) -> int:
    from workshop.export.verify import report_lines, verify_bytes
    from workshop.storage.files import load_session

    pdf = Path(args.pdf)
    try:
        data = pdf.read_bytes()
    except FileNotFoundError:
        print(tr("“{path}” does not exist.", path=pdf), file=sys.stderr)
        return EXIT_SESSION
    except OSError as exc:
        print(tr("“{path}” cannot be read: {reason}", path=pdf, reason=exc.strerror),
              file=sys.stderr)
        return EXIT_SESSION
    session = load_session(args.path) if args.path else None
    report = verify_bytes(data, session)
    for line in report_lines(report, pdf):
        print(line)
    if session is not None and report.manifest is not None:
        from workshop.history import pdf_position

        position = pdf_position(str(report.manifest.get("fingerprint", "")), session,
                                Path(args.path))
        if position:
            print(position)
    return EXIT_OK if report.ok else EXIT_SESSION


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop",
        description=tr("Workshop: guide a start meeting of a regional collaboration."),
    )
    parser.add_argument("--version", action="version", version=f"workshop {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES, help=tr("language of messages"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser("check", help=tr("validate a session and print a summary"))
    check.add_argument("path")
    check.set_defaults(run=_cmd_check)
    schema = sub.add_parser("schema", help=tr("print the JSON Schema of session files"))
    schema.set_defaults(run=_cmd_schema)
    backups = sub.add_parser("backups", help=tr("list the backups of a session"))
    backups.add_argument("path")
    backups.set_defaults(run=_cmd_backups)
    restore = sub.add_parser("restore", help=tr("restore a session from a backup"))
    restore.add_argument("backup")
    restore.add_argument("path")
    restore.set_defaults(run=_cmd_restore)
    export = sub.add_parser(
        "export", help=tr("write the agreement and roadmap PDFs"),
        epilog=tr("Exit codes: 0 both PDFs were written; 1 the session could not be used or "
                  "a PDF could not be written; 2 the command was not understood."))
    export.add_argument("path")
    export.add_argument("--agreement", metavar="OUT.pdf",
                        help=tr("where to write the agreement (default: beside the session)"))
    export.add_argument("--roadmap", metavar="OUT.pdf",
                        help=tr("where to write the roadmap (default: beside the session)"))
    export.add_argument("--lang", dest="pdf_lang", choices=LANGUAGES,
                        help=tr("language of the PDFs (default: the session's)"))
    export.add_argument("--size", choices=("A4", "A3"), default="A4",
                        help=tr("paper size of the roadmap (landscape)"))
    export.add_argument("--group-by", choices=("phase", "owner"), default="phase",
                        help=tr("group the roadmap's timeline by phase or by owner"))
    export.add_argument("--paper", action="store_true",
                        help=tr("add an empty signing line for everyone present who has "
                                "not signed"))
    export.add_argument("--with-diagnostics", action="store_true",
                        help=tr("add the diagnostics (scan, spectra, forms) as an appendix "
                                "to the agreement"))
    export.add_argument("--with-scorecard", action="store_true",
                        help=tr("add the agreement scorecard (which parts are complete, "
                                "what is missing) as an appendix to the agreement"))
    export.set_defaults(run=_cmd_export)
    verify = sub.add_parser(
        "verify", help=tr("check that a PDF is unchanged since export, and against its "
                          "session"),
        description=tr("Reads the seal and the fingerprint embedded in a PDF exported by "
                       "Workshop. Any changed byte fails. Given the session file, also "
                       "checks that the session's current text is the text in the PDF and "
                       "lists which signatures are valid for it."),
        epilog=tr("Exit codes: 0 the PDF is unchanged since export (and, with SESSION, "
                  "matches the session's current text and signatures); 1 it is not (a "
                  "changed byte, no seal, a changed text or different signatures), or a "
                  "file cannot be read; 2 the command was not understood."))
    verify.add_argument("pdf", metavar="AGREEMENT.pdf",
                        help=tr("an agreement or roadmap PDF exported by Workshop"))
    verify.add_argument("path", nargs="?", metavar="SESSION",
                        help=tr("the .workshop session file to check the PDF against"))
    verify.set_defaults(run=_cmd_verify)
    # `render` lives with the canvases; that module imports Qt only when it renders.
    importlib.import_module("workshop.ui.canvas.cli").register(sub)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop",
        description=tr("Open the app, optionally on a session file. Commands: {commands}",
                       commands=", ".join(COMMANDS)),
    )
    parser.add_argument("--version", action="version", version=f"workshop {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES, help=tr("language of the app"))
    parser.add_argument("path", nargs="?", help=tr("a .workshop session file"))
    return parser


def _first_positional(argv: Sequence[str]) -> str | None:
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--lang":
            skip = True
            continue
        if not arg.startswith("-"):
            return arg
    return None


def _early_language(argv: Sequence[str]) -> None:
    """Apply ``--lang`` given before the command at once, so that the parser's own
    texts (help, usage errors) are in that language too."""
    for n, arg in enumerate(argv):
        if not arg.startswith("-"):
            return  # the command: a --lang after it is the command's own option
        value = argv[n + 1] if arg == "--lang" and n + 1 < len(argv) else (
            arg.partition("=")[2] if arg.startswith("--lang=") else "")
        if value in LANGUAGES:
            set_language(value)
            return


def run(
    argv: Sequence[str] | None = None,
    open_app: Callable[[Path | None], int] | None = None,
) -> int:
    """Run a command, or hand the GUI case to ``open_app`` (keeps Qt out of this module)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    first = _first_positional(argv)
    _early_language(argv)
    if first in COMMANDS or (first is None and any(a in ("-h", "--help") for a in argv)):
        parser = _parser()
    else:
        parser = _gui_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    set_language(args.lang)
    if getattr(args, "run", None) is None:
        if open_app is None:
            parser.print_usage(sys.stderr)
            return EXIT_USAGE
        if args.path and not Path(args.path).exists():
            # Before any window: a mistyped command or path says so, also without a display.
            if Path(args.path).suffix:
                print(tr("“{path}” does not exist.", path=args.path), file=sys.stderr)
                return EXIT_SESSION
            print(tr("“{path}” is not a command or a file. Commands: {commands}",
                     path=args.path, commands=", ".join(COMMANDS)), file=sys.stderr)
            return EXIT_USAGE
        return open_app(Path(args.path) if args.path else None)
    try:
        code: int = args.run(args)
        return code
    except SessionFileError as exc:
        print(exc.details(), file=sys.stderr)
        return EXIT_SESSION
    except BrokenPipeError:
        return EXIT_OK
