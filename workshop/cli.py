"""The command line. Everything except opening the app works without a display.

Exit codes: 0 success; 1 the session (or backup) could not be used, with the reason
on stderr, or a PDF failed ``verify`` (changed bytes, no seal, or not matching the
session), or ``check`` found an earlier version of the chain changed; 2 the command
was not understood.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from workshop import __version__
from workshop.export.appendix_names import APPENDICES, DEFAULT_APPENDICES
from workshop.i18n import LANGUAGES, N_, current_language, say, set_language, tr
from workshop.storage.errors import SaveError, SessionFileError
from workshop.storage.paths import default_pdf_paths

if TYPE_CHECKING:
    from workshop.domain.model import Session

# The session's models (pydantic) are imported by the commands that read a session, not
# here: ``workshop FILE`` shows its window before them (``workshop.ui.startup``).

EXIT_OK = 0
EXIT_SESSION = 1
EXIT_USAGE = 2

COMMANDS = ("check", "schema", "backups", "restore", "export", "verify", "unlock", "render")


_KEPT_FORMAT = frozenset("\u200c\u200d")
"""Zero-width (non-)joiners: they shape emoji and scripts, they cannot move a cursor."""


def terminal_safe(text: str, *, newlines: bool = True) -> str:
    """``text`` with every character that could steer a terminal shown escaped.

    Control characters (ESC and the rest of C0, DEL, C1), bidi overrides and isolates
    and other invisible format characters (U+202E, U+2066, U+200B...), line and paragraph
    separators and lone surrogates become ``\\x1b`` / ``\\u202e`` / ``\\U000e0001``.
    Tabs stay; newlines stay only when ``newlines`` (a message's own line breaks).
    """
    out: list[str] = []
    for char in text:
        if char == "\t" or (char == "\n" and newlines):
            out.append(char)
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Cs", "Zl", "Zp") or (category == "Cf"
                                                     and char not in _KEPT_FORMAT):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else
                       f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)


class _SafeStream(io.TextIOBase):
    """stdout/stderr for a command: everything written goes through ``terminal_safe``."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(terminal_safe(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    @property
    def raw_stream(self) -> TextIO:
        """The stream itself, for the app's own control sequences (the progress line,
        which holds no session text)."""
        return self._stream

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", "utf-8")

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()


def summary(session: Session) -> list[tuple[str, str]]:
    """The lines ``workshop check`` prints: what a facilitator would want to count."""
    from workshop.domain.fingerprint import fingerprint, short_fingerprint
    from workshop.domain.scorecard import scorecard

    fp = fingerprint(session)
    valid = sum(1 for s in session.signatures if s.fingerprint == fp)
    d = session.details
    private = sum(1 for i in session.interests.items if i.private)
    c = session.commitments
    card = scorecard(session, current_language())
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
        print(f"  {label.ljust(width)}  {terminal_safe(value, newlines=False)}", file=out)


def _cmd_check(args: argparse.Namespace) -> int:
    from workshop.history import check_lines
    from workshop.storage import settings
    from workshop.storage.files import load_session

    session = load_session(args.path)
    _print_summary(session, Path(args.path), sys.stdout)
    lines, unchanged = check_lines(session, Path(args.path), settings.recent_sessions(),
                                   lang=current_language())
    for line in lines:
        print(f"  {line}")
    return EXIT_OK if unchanged else EXIT_SESSION


def _cmd_schema(args: argparse.Namespace) -> int:
    from workshop.domain.model import Session

    schema = Session.model_json_schema()
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def _cmd_backups(args: argparse.Namespace) -> int:
    from workshop.storage.backups import BackupStore
    from workshop.storage.files import resolve_path

    resolve_path(args.path)  # a loop of links: said, like `check` says it
    backups = BackupStore().list_backups(Path(args.path))
    if not backups:
        print(tr("No backups of “{path}”.", path=args.path))
        return EXIT_OK
    print(tr("Backups of “{path}”, newest first:", path=args.path))
    for info in backups:
        stamp = info.taken_at.strftime("%Y-%m-%d %H:%M:%S")
        print(f"  {stamp}  {info.size:>10} B  {terminal_safe(str(info.path), newlines=False)}")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from workshop.storage.backups import BackupStore, restore
    from workshop.storage.files import resolve_path
    from workshop.storage.lock import SessionLock

    backup, target = Path(args.backup), Path(args.path)
    if _same_file(backup, target):
        print(tr("“{path}” is the backup itself: there is nothing to restore.", path=target),
              file=sys.stderr)
        return EXIT_SESSION
    real = resolve_path(target)  # a link: the session it points at is locked and written
    try:
        with SessionLock(real):  # an open Workshop would write its own version back
            kept = restore(backup, real, BackupStore())
    except SaveError as exc:
        print(_restore_failed(exc, target), file=sys.stderr)
        return EXIT_SESSION
    if kept is None:
        print(tr("Restored “{path}” from “{backup}”.", path=target, backup=backup))
    else:
        print(tr("Restored “{path}” from “{backup}”. The version it replaced was kept as a "
                 "backup.", path=target, backup=backup))
    return EXIT_OK


def _restore_failed(exc: SaveError, target: Path) -> str:
    """The command line's words for a failed restore (the exception speaks to the app)."""
    return exc.said_for(
        current_language(),
        N_("“{path}” could not be written: the disk is full. Free some space and run "
           "the command again. The session was not changed."),
        N_("“{path}” could not be written: the folder is read-only or you lack "
           "permission. The session was not changed. To restore into a folder you "
           "can write to: workshop restore BACKUP NEW.workshop"),
        N_("“{path}” could not be written: {reason}. The session was not changed."))


def _export_failed(exc: SaveError) -> str:
    """The command line's words for a PDF that could not be written."""
    return exc.said_for(
        current_language(),
        N_("“{path}” could not be written: the disk is full. Free some space, or "
           "write the PDFs elsewhere with --agreement and --roadmap. A file of that "
           "name that was there is unchanged."),
        N_("“{path}” could not be written: the folder is read-only or you lack "
           "permission. Write the PDFs elsewhere with --agreement and --roadmap. A "
           "file of that name that was there is unchanged."),
        N_("“{path}” could not be written: {reason}. A file of that name that was there "
           "is unchanged."))


def _same_file(a: Path, b: Path) -> bool:
    """One file, links followed; a loop of links is said as ``check`` says it."""
    from workshop.storage.files import same_file

    return same_file(a, b)


def _shows_progress(args: argparse.Namespace) -> bool:
    return sys.stderr.isatty() or bool(args.progress)


@contextlib.contextmanager
def _progress(args: argparse.Namespace, what: str) -> Iterator[None]:
    """Progress on stderr when it is a terminal, or with ``--progress``; never on stdout."""
    terminal = sys.stderr.isatty()
    if not _shows_progress(args):
        yield
        return
    from workshop.cli_progress import ProgressLine
    from workshop.export.progress import reporting

    stream = getattr(sys.stderr, "raw_stream", sys.stderr)  # its \r is ours, not a session's
    line = ProgressLine(stream, what, terminal=terminal)
    try:
        with reporting(line):
            yield
    finally:
        line.close()


def _cmd_export(args: argparse.Namespace) -> int:
    from workshop.export.agreement import AgreementOptions, export_agreement
    from workshop.export.roadmap import RoadmapOptions, export_roadmap
    from workshop.storage.files import load_session, remove_partial_exports, write_atomic

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
            return EXIT_SESSION
    if _same_file(agreement_path, roadmap_path):
        print(tr("The agreement and the roadmap need two different files."), file=sys.stderr)
        return EXIT_SESSION
    chosen = set(DEFAULT_APPENDICES)
    for key in args.appendix or ():
        chosen.add(key)
    for key in args.without_appendix or ():
        chosen.discard(key)
    if args.with_diagnostics:
        chosen.add("diagnostics")
    if args.with_scorecard:
        chosen.add("scorecard")
    for folder in {agreement_path.parent, roadmap_path.parent}:
        remove_partial_exports(folder)  # left by an export that was killed
    agreement_options = AgreementOptions(language=lang, paper=args.paper,
                                         **{key: key in chosen for key in APPENDICES})
    roadmap_options = RoadmapOptions(language=lang, size=args.size, group_by=args.group_by)
    made: tuple[bytes, bytes] | None = None
    if not _shows_progress(args):
        # Both at once on two cores (the same bytes as one after the other).
        from workshop.export.parallel import export_both

        made = export_both(session, agreement_options, roadmap_options)
    try:
        if made is None:
            with _progress(args, tr("Agreement")):
                agreement = export_agreement(session, agreement_options)
        else:
            agreement = made[0]
        write_atomic(agreement_path, agreement)
        print(tr("Wrote the agreement to “{path}”.", path=agreement_path))
        if made is None:
            with _progress(args, tr("Roadmap")):
                roadmap = export_roadmap(session, roadmap_options)
        else:
            roadmap = made[1]
        write_atomic(roadmap_path, roadmap)
    except SaveError as exc:
        print(_export_failed(exc), file=sys.stderr)
        return EXIT_SESSION
    print(tr("Wrote the roadmap to “{path}”.", path=roadmap_path))
    return EXIT_OK


def _cmd_verify(args: argparse.Namespace) -> int:
    from workshop.export.verify import report_lines, verify_bytes
    from workshop.storage.files import load_session, os_reason

    pdf = Path(args.pdf)
    try:
        data = pdf.read_bytes()
    except FileNotFoundError:
        print(tr("“{path}” does not exist.", path=pdf), file=sys.stderr)
        return EXIT_SESSION
    except OSError as exc:
        print(tr("“{path}” cannot be read: {reason}.", path=pdf,
                 reason=say(os_reason(exc), current_language())), file=sys.stderr)
        return EXIT_SESSION
    session = load_session(args.path) if args.path else None
    report = verify_bytes(data, session)
    lines = report_lines(report, pdf, current_language())
    if session is not None and report.manifest is not None:
        from workshop.history import pdf_position

        position = pdf_position(str(report.manifest.get("fingerprint", "")), session,
                                Path(args.path), current_language())
        if position:  # before the Checks line, which ends every verify
            lines.insert(len(lines) - 1, position)
    for line in lines:
        print(line)
    return EXIT_OK if report.ok else EXIT_SESSION


def _cmd_unlock(args: argparse.Namespace) -> int:
    from workshop.storage.errors import LockedError
    from workshop.storage.files import resolve_path
    from workshop.storage.lock import SessionLock, lock_path

    path = Path(args.path)
    resolve_path(path)  # a loop of links: said, like `check` says it
    lock = SessionLock(path)
    holder = lock.holder()
    if holder is None:
        if path.is_dir():
            print(tr("“{path}” is a folder, not a session.", path=path), file=sys.stderr)
            return EXIT_SESSION
        if not path.exists():
            print(tr("“{path}” does not exist.", path=path), file=sys.stderr)
            return EXIT_SESSION
        print(tr("“{path}” is not locked: it can be opened.", path=path))
        return EXIT_OK
    verdict = lock.judge(holder) if holder else "unknown"
    if verdict in ("live", "ours", "unreadable"):
        try:
            lock.acquire()  # a lock whose process ended in the meantime is free now
        except LockedError as exc:
            print(exc.text(current_language()), file=sys.stderr)
            print(tr("Workshop takes over only a lock from another computer or of a Workshop "
                     "that has ended; this one is in use."), file=sys.stderr)
            return EXIT_SESSION
    else:
        lock.acquire(force=True)
    lock.release()
    if holder:
        print(tr("Took over “{path}” from {user} on {host} (process {pid}, since {time}): "
                 "it can be opened now.", path=path, user=holder.get("user") or "?",
                 host=holder.get("host") or "?", pid=holder.get("pid"),
                 time=_lock_time(holder.get("started"))))
    else:
        print(tr("Removed the unreadable lock file “{lock}”: “{path}” can be opened now.",
                 lock=lock_path(path), path=path))
    return EXIT_OK


def _lock_time(started: object) -> str:
    from workshop.storage.lock import _display_time

    return _display_time(started)


ARGPARSE_TEXTS = (
    N_("usage: "), N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"), N_("positional arguments"),
    N_("options"), N_("show this help message and exit"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"), N_("expected one argument"),
    N_("expected at most one argument"), N_("expected at least one argument"),
    N_("expected %s argument"), N_("expected %s arguments"),
    N_("not allowed with argument %s"), N_("ignored explicit argument %r"),
    N_("one of the arguments %s is required"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
)
"""The texts of argparse's own a user can meet (usage, errors, help headings)."""


@contextlib.contextmanager
def _argparse_in_language() -> Iterator[None]:
    """argparse's own texts ("usage:", "error: the following arguments are
    required", "options") in the language of the messages.

    argparse looks each text up when it is used, through the ``gettext`` and
    ``ngettext`` it imported (``argparse._``, ``argparse.ngettext``); while the command
    line builds its parsers and parses, the app's catalogue answers instead.
    """
    saved = argparse.__dict__["_"], argparse.__dict__["ngettext"]

    def gettext(message: str) -> str:
        return tr(message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return tr(singular if n == 1 else plural)

    setattr(argparse, "_", gettext)  # noqa: B010 - a module's private name
    setattr(argparse, "ngettext", ngettext)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010


def _add_version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"workshop {__version__}",
                        help=tr("show the version number and exit"))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop",
        description=tr("Workshop: guide a start meeting of a regional collaboration."),
    )
    _add_version(parser)
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
                        help=tr("for signing on paper: a signing box for every party that "
                                "has not signed, and an initials box on every page"))
    export.add_argument("--with-diagnostics", action="store_true",
                        help=tr("add the diagnostics (scan, spectra, forms) as an appendix "
                                "to the agreement"))
    export.add_argument("--appendix", action="append", choices=APPENDICES, metavar="NAME",
                        help=tr("add an appendix to the agreement: {names} (repeat for "
                                "more)", names=", ".join(APPENDICES)))
    export.add_argument("--without-appendix", action="append", choices=APPENDICES,
                        metavar="NAME",
                        help=tr("leave out an appendix the agreement has by default: "
                                "{names}", names=", ".join(sorted(DEFAULT_APPENDICES))))
    export.add_argument("--with-scorecard", action="store_true",
                        help=tr("add the agreement scorecard (which parts are complete, "
                                "what is missing) as an appendix to the agreement"))
    export.add_argument("--progress", action="store_true",
                        help=tr("show the progress on stderr also when it is not a "
                                "terminal (on a terminal it is always shown)"))
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
    unlock = sub.add_parser(
        "unlock", help=tr("take over a session whose lock is left from another computer or "
                          "an ended Workshop"),
        description=tr("A session open in Workshop has a lock file beside it. When that "
                       "Workshop ran on another computer (a shared or synced folder, a "
                       "laptop that crashed) or has ended while its process id went to "
                       "another program, this removes the lock so the session can be "
                       "opened. A Workshop that really has the session open on this "
                       "computer is never overruled."),
        epilog=tr("Exit codes: 0 the session can be opened now; 1 a Workshop on this "
                  "computer has it open, or the lock cannot be removed; 2 the command was "
                  "not understood."))
    unlock.add_argument("path", metavar="SESSION")
    unlock.set_defaults(run=_cmd_unlock)
    # `render` lives with the canvases; that module imports Qt only when it renders.
    from workshop.ui.canvas.cli import register as register_render

    register_render(sub)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop",
        description=tr("Open the app, optionally on a session file. Commands: {commands}",
                       commands=", ".join(COMMANDS)),
    )
    _add_version(parser)
    parser.add_argument("--lang", choices=LANGUAGES, help=tr("language of the app"))
    parser.add_argument("path", nargs="?", help=tr("a .workshop session file"))
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument("--install-desktop", action="store_true",
                         help=tr("add Workshop to the applications menu and open .workshop "
                                 "files in it (for you only)"))
    desktop.add_argument("--uninstall-desktop", action="store_true",
                         help=tr("undo --install-desktop"))
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
    """Run a command, or hand the GUI case to ``open_app`` (keeps Qt out of this module).

    Whatever a command prints passes ``terminal_safe``: a session's texts (and file
    names) may hold escape sequences meant to rewrite the terminal.
    """
    stdout, stderr = sys.stdout, sys.stderr
    if stdout is None or stderr is None:  # a windowed app on Windows: nothing to steer
        return _run(argv, open_app)

    def the_app(path: Path | None) -> int:
        assert open_app is not None
        sys.stdout, sys.stderr = stdout, stderr  # the app's streams are its own
        return open_app(path)

    sys.stdout, sys.stderr = _SafeStream(stdout), _SafeStream(stderr)
    try:
        return _run(argv, the_app if open_app is not None else None)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _run(argv: Sequence[str] | None,
         open_app: Callable[[Path | None], int] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = _first_positional(argv)
    _early_language(argv)
    with _argparse_in_language():
        if first in COMMANDS or (first is None and any(a in ("-h", "--help") for a in argv)):
            parser = _parser()
        else:
            parser = _gui_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:
            return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    set_language(args.lang)
    if getattr(args, "install_desktop", False) or getattr(args, "uninstall_desktop", False):
        from workshop.desktop import run_command

        return run_command("install" if args.install_desktop else "uninstall")
    if getattr(args, "run", None) is None:
        if open_app is None:
            with _argparse_in_language():
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
        print(exc.details(current_language()), file=sys.stderr)
        if getattr(exc, "can_take_over", False):
            print(tr("To take it over from the command line: workshop unlock “{path}”",
                     path=exc.path), file=sys.stderr)
        return EXIT_SESSION
    except BrokenPipeError:
        return EXIT_OK
