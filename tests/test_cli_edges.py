"""The command line at the edges a tester found from outside: characters and dates the
model accepts, links and loops in paths, files that are not sessions, and what is said
when the system refuses. Real command lines (``workshop.cli.run`` or a subprocess);
what is asserted is the exit code, what the user reads, and the files on disk."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from workshop.cli import run

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "sessions" / "demo.workshop"


def workshop(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workshop", "--lang", lang, *args],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def demo_with(tmp_path: Path, name: str, change: object = None) -> Path:
    """A copy of the demo session, changed by ``change(doc)``."""
    doc = json.loads(DEMO.read_text("utf-8"))
    if callable(change):
        change(doc)
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


# --- 1. every character the model accepts exports ---------------------------------

NAME = "A" + "".join(chr(c) for c in range(1, 32)) + "\x7f\x85\x9b\ufffe\uffffB"
"""Every C0 control (ESC among them), DEL, C1 controls and the two non-characters:
the model accepts them; XML and PDFDocEncoding cannot hold most of them."""


def test_export_holds_every_character_the_model_accepts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def evil(doc: dict) -> None:  # type: ignore[type-arg]
        doc["details"].update(name=NAME, region="Regio\x1b[31m\x00\x18\x1f",
                              facilitator="Fien\x1b\x07")

    session = demo_with(tmp_path, "esc.workshop", evil)
    agreement, roadmap = tmp_path / "a.pdf", tmp_path / "r.pdf"
    code = run(["--lang", "en", "export", str(session), "--lang", "en",
                "--agreement", str(agreement), "--roadmap", str(roadmap)])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "Traceback" not in out.err
    for pdf in (agreement, roadmap):
        reader = PdfReader(io.BytesIO(pdf.read_bytes()))
        meta = reader.metadata
        assert meta is not None
        # The document information holds the texts exactly (as UTF-16)...
        assert NAME in str(meta.title) and NAME in str(meta.subject)
        assert "Regio\x1b[31m\x00\x18\x1f" in str(meta.subject)
        assert str(meta.author) == "Fien\x1b\x07"
        # ...the XMP, which is XML, a replacement for what XML cannot hold.
        xmp = reader.xmp_metadata
        assert xmp is not None
        title = xmp.dc_title["x-default"]
        assert title.endswith("A\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\t\n"
                              "\ufffd\ufffd\r" + "\ufffd" * 18 + "\x7f\x85\x9b\ufffd\ufffdB")
        assert run(["--lang", "en", "verify", str(pdf), str(session)]) == 0
    assert "every check was made and held" in capsys.readouterr().out


# --- 2. the calendar's first and last days ----------------------------------------

EDGES = {
    "first-days": ("0001-01-01", "0001-01-02"),
    "november-9999": ("9999-11-01", "9999-11-30"),
    "december-9999": ("9999-12-01", "9999-12-31"),
}


@pytest.mark.parametrize("edge", sorted(EDGES))
def test_dates_at_the_calendars_edge_export_and_render(tmp_path: Path, edge: str) -> None:
    start, due = EDGES[edge]

    def dated(doc: dict) -> None:  # type: ignore[type-arg]
        for action in doc["roadmap"]["actions"]:
            action["start"], action["due"] = start, due
        doc["roadmap"]["milestones"].append(
            {"id": "m-edge", "title": "Rand", "date": due, "note": ""})

    session = demo_with(tmp_path, "edge.workshop", dated)
    exported = workshop("export", str(session))
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "edge-routekaart.pdf").read_bytes().startswith(b"%PDF")
    picture = tmp_path / "edge.png"
    rendered = workshop("render", str(session), "--canvas", "roadmap", "--out", str(picture))
    assert rendered.returncode == 0, rendered.stderr
    assert picture.read_bytes().startswith(b"\x89PNG")
