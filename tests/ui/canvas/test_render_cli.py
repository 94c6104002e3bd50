"""``workshop render`` as a user runs it: real subprocesses, real files."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "sessions" / "demo.workshop"


def workshop(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop", "--lang", lang, *args],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_list_prints_one_canvas_per_line() -> None:
    result = workshop("render", "--list")
    assert result.returncode == 0, result.stderr
    names = result.stdout.split()
    assert names[:8] == ["preparation", "ambition", "interests", "principles", "rules",
                         "organising", "roadmap", "signing"]
    assert result.stdout.count("\n") == len(names)


def test_render_png_with_size_theme_and_language(tmp_path: Path) -> None:
    out = tmp_path / "board.png"
    result = workshop("render", str(DEMO), "--canvas", "ambition", "--out", str(out),
                      "--size", "1024x768", "--theme", "dark", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (1024, 768)
    default = tmp_path / "default.png"
    assert workshop("render", str(DEMO), "--canvas", "signing", "--out",
                    str(default)).returncode == 0
    assert png_size(default) == (1920, 1080)


def test_render_svg(tmp_path: Path) -> None:
    out = tmp_path / "rules.svg"
    result = workshop("render", str(DEMO), "--canvas", "rules", "--out", str(out),
                      "--lang", "nl")
    assert result.returncode == 0, result.stderr
    assert "Spelregels" in out.read_text("utf-8")


def test_unknown_canvas_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    result = workshop("render", str(DEMO), "--canvas", "nonsense", "--out", str(out))
    assert result.returncode == 2
    assert "nonsense" in result.stderr and "ambition" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_bad_size_is_a_usage_error(tmp_path: Path) -> None:
    for size in ("big", "0x0", "100000x5", "1920*1080"):
        result = workshop("render", str(DEMO), "--canvas", "ambition", "--out",
                          str(tmp_path / "x.png"), "--size", size)
        assert result.returncode == 2, size
        assert "--size" in result.stderr and "Traceback" not in result.stderr


def test_bad_session_fails_like_check(tmp_path: Path) -> None:
    broken = tmp_path / "broken.workshop"
    broken.write_bytes(DEMO.read_bytes()[:200])
    check = workshop("check", str(broken))
    render = workshop("render", str(broken), "--canvas", "ambition", "--out",
                      str(tmp_path / "x.png"))
    assert render.returncode == check.returncode == 1
    assert render.stderr == check.stderr
    assert not (tmp_path / "x.png").exists()
    missing = workshop("render", str(tmp_path / "nope.workshop"), "--canvas", "ambition",
                       "--out", str(tmp_path / "x.png"))
    assert missing.returncode == 1 and "does not exist" in missing.stderr


def test_missing_arguments_and_wrong_extension(tmp_path: Path) -> None:
    assert workshop("render").returncode == 2
    assert workshop("render", str(DEMO), "--out", str(tmp_path / "x.png")).returncode == 2
    result = workshop("render", str(DEMO), "--canvas", "ambition", "--out",
                      str(tmp_path / "x.jpg"))
    assert result.returncode == 2 and ".png" in result.stderr
