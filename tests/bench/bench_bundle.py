"""The standalone app's figures: ``python tests/bench/bench_bundle.py [--archive X] [--runs N]``.

Builds the bundle (``packaging/build.py``; or takes ``--archive``), unpacks it, and
prints: build time, folder and archive size, and the start time to the main window
with the demo session from the bundle beside the same from this venv, in the same
run, interleaved (bundle, venv, bundle, ...) so that machine load hits both alike.

A start is a whole process: ``WORKSHOP_QUIT_AFTER_SHOW=1 workshop demo.workshop``
prints once the main window is shown with the session open, and quits; the time is
the wall time of that process. The first run of each (just after unpacking, or for
the venv after whatever ran before) is reported apart from the warm runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MIB = 1024 * 1024


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _start(command: list[str], session: Path, home: Path) -> float:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "WORKSHOP_QUIT_AFTER_SHOW": "1"}
    started = time.perf_counter()
    done = subprocess.run([*command, str(session)], env=env, capture_output=True, text=True,
                          cwd=home)
    took = time.perf_counter() - started
    if done.returncode != 0 or not done.stdout.startswith("shown:"):
        raise SystemExit(f"{command[0]} did not start: {done.stdout}{done.stderr}")
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, help="an archive built before")
    parser.add_argument("--runs", type=int, default=5, help="warm starts of each (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="workshop-bench-bundle-") as tmp:
        work = Path(tmp)
        if args.archive:
            archive, build_s = args.archive.resolve(), None
        else:
            started = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist",
                            str(work / "dist"), "--work", str(work / "build")], check=True,
                           stdout=subprocess.DEVNULL)
            build_s = time.perf_counter() - started
            (archive,) = (work / "dist").glob("workshop-*")
        with tarfile.open(archive) as tf:
            tf.extractall(work / "unpacked", filter="tar")
        (top,) = (work / "unpacked").iterdir()
        session = work / "demo.workshop"
        session.write_bytes((ROOT / "sessions" / "demo.workshop").read_bytes())
        bundle_cmd = [str(top / "workshop")]
        venv_cmd = [sys.executable, "-m", "workshop"]
        times: dict[str, list[float]] = {"bundle": [], "venv": []}
        for n in range(args.runs + 1):
            for name, command in (("bundle", bundle_cmd), ("venv", venv_cmd)):
                home = work / f"home-{name}-{n}"
                home.mkdir()
                times[name].append(_start(command, session, home))

        print(f"bundle            {archive.name}")
        if build_s is not None:
            print(f"build time        {build_s:.0f} s (packaging/build.py, from scratch)")
        print(f"folder size       {_folder_size(top) / MIB:.1f} MiB")
        print(f"archive size      {archive.stat().st_size / MIB:.1f} MiB")
        print(f"start to the main window with the demo ({args.runs} warm runs, interleaved):")
        print(f"  {'':8}{'first':>9}{'median':>9}{'min':>9}")
        for name, got in times.items():
            first, warm = got[0], got[1:]
            print(f"  {name:8}{first:8.2f}s{statistics.median(warm):8.2f}s{min(warm):8.2f}s")
        ratio = statistics.median(times["bundle"][1:]) / statistics.median(times["venv"][1:])
        print(f"  bundle / venv (median): {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
