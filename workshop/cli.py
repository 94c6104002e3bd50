"""The command line. Everything except opening the app works without a display.

Exit codes: 0 success; 1 the session (or backup) could not be used, with the reason
on stderr; 2 the command was not understood.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from workshop import __version__
from workshop.domain.fingerprint import fingerprint, short_fingerprint
from workshop.domain.model import Session
from workshop.i18n import LANGUAGES, set_language, tr
from workshop.storage.errors import SessionFileError

EXIT_OK = 0
EXIT_SESSION = 1
EXIT_USAGE = 2

COMMANDS = ("check", "schema", "backups", "restore")


def summary(session: Session) -> list[tuple[str, str]]:
    """The lines ``workshop check`` prints: what a facilitator would want to count."""
    fp = fingerprint(session)
    valid = sum(1 for s in session.signatures if s.fingerprint == fp)
    d = session.details
    private = sum(1 for i in session.interests.items if i.private)
    return [
        (tr("Collaboration"), d.name),
        (tr("Region"), d.region),
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
    from workshop.storage.files import load_session

    session = load_session(args.path)
    _print_summary(session, Path(args.path), sys.stdout)
    return EXIT_OK


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

    restore(Path(args.backup), Path(args.path), BackupStore())
    print(tr("Restored “{path}” from “{backup}”. The version it replaced was kept as a backup.",
             path=args.path, backup=args.backup))
    return EXIT_OK


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


def run(
    argv: Sequence[str] | None = None,
    open_app: Callable[[Path | None], int] | None = None,
) -> int:
    """Run a command, or hand the GUI case to ``open_app`` (keeps Qt out of this module)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    first = _first_positional(argv)
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
        return open_app(Path(args.path) if args.path else None)
    try:
        code: int = args.run(args)
        return code
    except SessionFileError as exc:
        print(exc.details(), file=sys.stderr)
        return EXIT_SESSION
    except BrokenPipeError:
        return EXIT_OK
