"""Build the standalone app: ``python packaging/build.py`` (from the venv with ``.[test]``).

Runs PyInstaller on ``packaging/workshop.spec`` (one folder: Python, Qt, the fonts,
translations, templates and the demo session), then packs the archive a facilitator
unpacks: ``dist/workshop-VERSION-OS-ARCH.tar.gz`` (``.zip`` on Windows) holding one
folder with

    workshop        the launcher (Linux; ``app\\Workshop.exe`` on Windows, ``Workshop.app``
                    instead of app/ on macOS)
    install.sh      (Linux) adds Workshop to the applications menu and makes
                    ``.workshop`` files open in it (current user, no root);
                    ``install.sh --uninstall`` undoes it
    demo.workshop   the demo session
    README.txt      what to do
    app/            the app itself

Prints the build time and the sizes of the folder and the archive.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import stat
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "workshop.spec"

LAUNCHER = """#!/bin/sh
# Starts Workshop from the folder this file is in, wherever it was unpacked.
here=$(dirname "$(readlink -f "$0")")
exec "$here/app/workshop" "$@"
"""

INSTALL = """#!/bin/sh
# Adds Workshop to your applications menu and makes .workshop files open in it.
# Only for you (no administrator rights needed). Undo: ./install.sh --uninstall
here=$(dirname "$(readlink -f "$0")")
if [ "$1" = "--uninstall" ]; then
  exec "$here/app/workshop" --uninstall-desktop
fi
exec "$here/app/workshop" --install-desktop
"""

README = """Workshop {version}

Start:     double-click "workshop" (or run ./workshop in a terminal)
Install:   run ./install.sh once: Workshop appears in your applications menu and a
           double-click on a .workshop file opens it. Keep this folder where it is
           (run install.sh again after moving it). Remove: ./install.sh --uninstall
Try it:    ./workshop demo.workshop
Commands:  ./workshop --help  (check, export, verify, render, backups, restore)

Python is not needed: everything the app uses is in the app/ folder.
"""

README_ELSEWHERE = """Workshop {version}

Start:     Windows: double-click app\\Workshop.exe. macOS: double-click Workshop.app
           (or move it to Applications first).
Sessions:  Windows: run app\\workshop-cli.exe --install-desktop once; from then on a
           double-click on a .workshop file opens it (for you only). macOS: open
           Workshop.app once; it registers .workshop files itself.
Try it:    open demo.workshop
Commands:  Windows: app\\workshop-cli.exe --help; macOS: Workshop.app/Contents/MacOS/workshop --help

Python is not needed: everything the app uses is in this folder.
"""


def version() -> str:
    namespace: dict[str, str] = {}
    exec((ROOT / "workshop" / "__init__.py").read_text("utf-8"), namespace)
    return namespace["__version__"]


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    if system.startswith("linux"):
        system = "linux"
    machine = platform.machine().lower().replace("amd64", "x86_64").replace("arm64", "aarch64")
    return f"{system}-{machine}"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(work: Path) -> Path:
    """The one-folder app, built from scratch in ``work``."""
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(work / "pyinstaller-dist"),
         "--workpath", str(work / "pyinstaller-build"), str(SPEC)],
        check=True, cwd=ROOT,
    )
    built = work / "pyinstaller-dist" / "workshop"
    if sys.platform == "darwin" and (work / "pyinstaller-dist" / "Workshop.app").is_dir():
        return work / "pyinstaller-dist" / "Workshop.app"
    return built


def _write(path: Path, text: str, executable: bool = False) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")
    if executable:
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def assemble(app: Path, staging: Path, name: str) -> Path:
    """The folder the archive holds: launcher, install script, demo, README, app/."""
    top = staging / name
    if top.exists():
        shutil.rmtree(top)
    top.mkdir(parents=True)
    shutil.move(str(app), str(top / ("Workshop.app" if app.suffix == ".app" else "app")))
    shutil.copy2(ROOT / "sessions" / "demo.workshop", top / "demo.workshop")
    if sys.platform.startswith("linux"):
        _write(top / "README.txt", README.format(version=version()))
        _write(top / "workshop", LAUNCHER, executable=True)
        _write(top / "install.sh", INSTALL, executable=True)
    else:  # Windows: app\Workshop.exe; macOS: Workshop.app, both started by double-click
        _write(top / "README.txt", README_ELSEWHERE.format(version=version()))
    return top


def archive(top: Path, dist: Path) -> Path:
    dist.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32":
        out = dist / f"{top.name}.zip"
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(top.rglob("*")):
                zf.write(path, path.relative_to(top.parent))
        return out
    out = dist / f"{top.name}.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=6) as tf:
        tf.add(top, arcname=top.name)
    return out


def build(dist: Path, work: Path) -> Path:
    started = time.perf_counter()
    app = run_pyinstaller(work)
    frozen = time.perf_counter()
    name = f"workshop-{version()}-{platform_tag()}"
    top = assemble(app, work / "staging", name)
    out = archive(top, dist)
    done = time.perf_counter()
    mib = 1024 * 1024
    print(f"bundle folder     {top}  {folder_size(top) / mib:.1f} MiB")
    print(f"bundle archive    {out}  {out.stat().st_size / mib:.1f} MiB")
    print(f"build time        {done - started:.0f} s (PyInstaller {frozen - started:.0f} s, "
          f"archive {done - frozen:.0f} s)")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the archive goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle",
                        help="PyInstaller's work folder (default: build/bundle/)")
    args = parser.parse_args(argv)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    build(args.dist.resolve(), args.work.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
