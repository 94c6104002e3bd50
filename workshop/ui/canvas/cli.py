"""``workshop render``: a canvas as a picture from the command line.

Imported by ``workshop.cli`` to register the command, so nothing here imports Qt at
module level: ``workshop check`` must keep working where Qt cannot load. Qt is loaded
only when a picture is actually rendered (or the canvases are listed).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from workshop.i18n import LANGUAGES, N_, current_language, say, tr
from workshop.storage.errors import SaveError
from workshop.ui.canvas.theme import THEME_NAMES

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
MIN_SIZE = (160, 120)
MAX_SIZE = (7680, 4320)


def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` -> ``(1920, 1080)``; anything else is a usage error."""
    match = re.fullmatch(r"\s*(\d{1,5})\s*[xX×]\s*(\d{1,5})\s*", text)
    if match is None:
        raise argparse.ArgumentTypeError(
            tr("“{value}” is not a size; write WIDTHxHEIGHT, e.g. 1920x1080", value=text))
    w, h = int(match.group(1)), int(match.group(2))
    if not (MIN_SIZE[0] <= w <= MAX_SIZE[0] and MIN_SIZE[1] <= h <= MAX_SIZE[1]):
        raise argparse.ArgumentTypeError(
            tr("{width}x{height} is outside the sizes a canvas can be drawn at "
               "({min} to {max})", width=w, height=h,
               min=f"{MIN_SIZE[0]}x{MIN_SIZE[1]}", max=f"{MAX_SIZE[0]}x{MAX_SIZE[1]}"))
    return w, h


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``render`` to the command line's subcommands."""
    render: argparse.ArgumentParser = subparsers.add_parser(
        "render", help=tr("save a canvas of a session as a PNG or SVG picture"),
        description=tr("Save a canvas exactly as the projector shows it."))
    render.add_argument("path", nargs="?", help=tr("a .workshop session file"))
    render.add_argument("--canvas", metavar="NAME",
                        help=tr("which canvas (see --list)"))
    render.add_argument("--out", metavar="FILE", help=tr("the picture to write (.png or .svg)"))
    # Checked in run_render, not by argparse: its errors come before the language is set.
    render.add_argument("--size", metavar="WxH", default="1920x1080",
                        help=tr("picture size in pixels (default 1920x1080)"))
    render.add_argument("--theme", choices=THEME_NAMES,
                        help=tr("colours (default: the session's projector theme)"))
    render.add_argument("--lang", dest="canvas_lang", choices=LANGUAGES,
                        help=tr("language of the canvas (default: the session's)"))
    render.add_argument("--list", action="store_true",
                        help=tr("print the canvas names, one per line"))
    render.set_defaults(run=run_render)
    return render


def _usage(message: str) -> int:
    print(f"workshop render: {message}", file=sys.stderr)
    return EXIT_USAGE


def _write_failed(exc: SaveError) -> str:
    """The command line's words for a picture that could not be written (the
    exception's own message speaks to the app's user: "use Save as")."""
    return exc.said_for(
        current_language(),
        N_("“{path}” could not be written: the disk is full. Free some space, or "
           "write the picture elsewhere with --out. A file of that name that was "
           "there is unchanged."),
        N_("“{path}” could not be written: the folder is read-only or you lack "
           "permission. Write the picture elsewhere with --out. A file of that name "
           "that was there is unchanged."),
        N_("“{path}” could not be written: {reason}. A file of that name that was there "
           "is unchanged."))


def run_render(args: argparse.Namespace) -> int:
    from workshop.ui.canvas.render import ensure_app

    ensure_app()
    from workshop.ui.canvas.scene import canvas_names

    names = canvas_names()
    if args.list:
        print("\n".join(names))
        return EXIT_OK
    if not args.path:
        return _usage(tr("give a session file (or --list)"))
    if not args.canvas:
        return _usage(tr("choose a canvas with --canvas NAME; one of: {names}",
                         names=", ".join(names)))
    if args.canvas not in names:
        return _usage(tr("there is no canvas “{name}”; choose one of: {names}",
                         name=args.canvas, names=", ".join(names)))
    if not args.out:
        return _usage(tr("say where to write the picture with --out FILE.png"))
    try:
        size = parse_size(args.size)
    except argparse.ArgumentTypeError as exc:
        return _usage(f"--size: {exc}")
    out = Path(args.out)
    kind = out.suffix.lower()
    if kind not in (".png", ".svg"):
        return _usage(tr("“{path}” must end in .png or .svg", path=args.out))
    if not out.parent.is_dir():
        print(tr("Could not write “{path}”: the folder “{folder}” does not exist.",
                 path=out, folder=out.parent), file=sys.stderr)
        return EXIT_FAILED

    from workshop.storage.files import load_session, os_reason, same_file
    from workshop.ui.canvas.render import render_png, render_svg

    if same_file(out, args.path):  # a loop of links: SessionFileError, said like `check`
        print(tr("“{path}” is the session file: a picture is not written over it.",
                 path=out), file=sys.stderr)
        return EXIT_FAILED
    session = load_session(args.path)  # SessionFileError: handled like `workshop check`
    write = render_svg if kind == ".svg" else render_png
    if out.is_dir():
        print(tr("Could not write “{path}”: it is a folder.", path=out), file=sys.stderr)
        return EXIT_FAILED
    try:
        write(session, args.canvas, out, size=size, theme=args.theme,
              lang=args.canvas_lang)
    except SaveError as exc:  # the previous picture, if any, is intact
        print(_write_failed(exc), file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        if exc.errno is None:  # the picture could not be made (no system error)
            print(tr("Could not write “{path}”.", path=out), file=sys.stderr)
        else:
            print(tr("Could not write “{path}”: {reason}", path=out,
                     reason=say(os_reason(exc), current_language())), file=sys.stderr)
        return EXIT_FAILED
    print(tr("Saved the {canvas} canvas of “{path}” to “{out}”.", canvas=args.canvas,
             path=args.path, out=out))
    return EXIT_OK
