"""``workshop export`` shows its progress on stderr: always on a terminal, with
``--progress`` elsewhere; stdout carries the same two result lines either way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "sessions" / "demo.workshop"


def _export(tmp_path: Path, *args: str, lang: str = "en",
            stderr: int | None = None) -> subprocess.CompletedProcess[str]:
    session = tmp_path / "meeting.workshop"
    session.write_bytes(DEMO.read_bytes())
    return subprocess.run(
        [sys.executable, "-m", "workshop", "--lang", lang, "export", str(session), *args],
        stdout=subprocess.PIPE, stderr=stderr if stderr is not None else subprocess.PIPE,
        text=True, timeout=120)


def test_no_progress_in_a_pipe_unless_asked(tmp_path: Path) -> None:
    quiet = _export(tmp_path)
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr == ""
    loud = _export(tmp_path, "--progress")
    assert loud.returncode == 0, loud.stderr
    assert loud.stdout == quiet.stdout  # scripts reading stdout see no difference
    lines = loud.stderr.splitlines()
    assert lines[0].startswith("Agreement: ") and "% laid out" in lines[0]
    assert lines[-1].startswith("Roadmap: 100 % laid out, page ")
    pages = int(lines[-1].rsplit(" ", 1)[1])
    assert pages > 1  # the page count of the roadmap really is reported


def test_progress_in_dutch(tmp_path: Path) -> None:
    result = _export(tmp_path, "--progress", lang="nl")
    assert result.returncode == 0, result.stderr
    assert "Samenwerkingsafspraken: 100 % opgemaakt, pagina " in result.stderr
    assert "Routekaart: 100 % opgemaakt, pagina " in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal is POSIX")
def test_progress_on_a_terminal_updates_one_line(tmp_path: Path) -> None:
    import pty

    leader, follower = pty.openpty()
    try:
        result = _export(tmp_path, stderr=follower)
        os.close(follower)
        follower = -1
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal's other side is closed: all read
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if follower != -1:
            os.close(follower)
        os.close(leader)
    assert result.returncode == 0
    text = seen.decode("utf-8")
    assert "\r" in text and "Agreement: 100 % laid out" in text
    assert text.endswith("\r\x1b[2K")  # the line is cleared when done
    assert "Wrote the agreement to" in result.stdout and "%" not in result.stdout
