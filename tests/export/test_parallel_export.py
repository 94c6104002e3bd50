"""The agreement and the roadmap made at once (the roadmap in a forked child) are the
same bytes as made one after the other, and their seals verify."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workshop.export.verify import verify_bytes
from workshop.storage.files import load_session, save_session

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = textwrap.dedent("""
    import datetime as dt, multiprocessing, sys
    from pathlib import Path
    from workshop.export.agreement import AgreementOptions
    from workshop.export.parallel import can_fork, export_both
    from workshop.export.roadmap import RoadmapOptions
    from workshop.storage.files import load_session

    forks = []
    Process = multiprocessing.get_context("fork").Process
    start = Process.start
    def counted(self):
        forks.append(self.name)
        return start(self)
    Process.start = counted

    session = load_session(Path(sys.argv[1]))
    at = dt.datetime(2026, 3, 12, 17, 0, tzinfo=dt.timezone.utc)
    options = AgreementOptions(language="nl"), RoadmapOptions(language="nl")
    assert can_fork()
    both = export_both(session, *options, exported_at=at)
    assert forks == ["workshop-roadmap-export"], forks
    serial = export_both(session, *options, exported_at=at, parallel=False)
    assert len(forks) == 1
    out = Path(sys.argv[2])
    for name, data in zip(("a", "r", "a-serial", "r-serial"), both + serial):
        (out / f"{name}.pdf").write_bytes(data)
    """)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")
def test_both_at_once_are_the_bytes_of_one_after_the_other(tmp_path: Path) -> None:
    from signed_sessions import signed_start

    path = tmp_path / "signed.workshop"
    save_session(signed_start(), path)
    # A process of its own: the fork is only made from a process with one thread.
    done = subprocess.run([sys.executable, "-c", _SCRIPT, str(path), str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    agreement, roadmap = (tmp_path / "a.pdf").read_bytes(), (tmp_path / "r.pdf").read_bytes()
    assert agreement == (tmp_path / "a-serial.pdf").read_bytes()
    assert roadmap == (tmp_path / "r-serial.pdf").read_bytes()
    session = load_session(path)
    for data in (agreement, roadmap):
        report = verify_bytes(data, session)
        assert report.ok, report

