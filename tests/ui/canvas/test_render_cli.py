"""``workshop render`` as a user runs it: real subprocesses, real files."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "sessions" / "demo.workshop"


def workshop(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    """Run the command as from a shell on a machine without a display: no DISPLAY, no
    WAYLAND_DISPLAY and no QT_QPA_PLATFORM, so the command must choose offscreen itself."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "workshop", "--lang", lang, *args],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env=env,
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


def test_errors_are_in_dutch_when_the_language_is_dutch(tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    cases = [
        (("render", str(tmp_path / "nope.workshop"), "--canvas", "ambition", "--out",
          str(out)), 1, "bestaat niet"),
        (("render", str(DEMO), "--canvas", "onzin", "--out", str(out)), 2,
         "er is geen canvas “onzin”; kies een van: preparation, ambition"),
        (("render", str(DEMO), "--canvas", "ambition", "--out", str(out), "--size", "groot"),
         2, "--size: “groot” is geen afmeting; schrijf BREEDTExHOOGTE"),
        (("render", str(DEMO), "--canvas", "ambition", "--out", str(out), "--size", "9x9"),
         2, "9x9 valt buiten de afmetingen"),
        (("render", str(DEMO), "--canvas", "ambition", "--out",
          str(tmp_path / "geen-map" / "x.png")), 1, "de map"),
    ]
    for args, code, message in cases:
        result = workshop(*args, lang="nl")
        assert result.returncode == code, (args, result.stderr)
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert not out.exists()
    ok = workshop("render", str(DEMO), "--canvas", "ambition", "--out", str(out), lang="nl")
    assert ok.returncode == 0 and "Canvas" not in ok.stderr
    assert png_size(out) == (1920, 1080)


def test_a_picture_is_owner_only_and_a_folder_is_not_a_picture(tmp_path: Path) -> None:
    """A canvas shows names and interests: private like the session and the PDFs."""
    out = tmp_path / "ambition.svg"
    done = workshop("render", str(DEMO), "--canvas", "ambition", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().lstrip().startswith(b"<?xml")
    if sys.platform != "win32":
        assert out.stat().st_mode & 0o777 == 0o600
    folder = tmp_path / "folder.png"
    folder.mkdir()
    refused = workshop("render", str(DEMO), "--canvas", "ambition", "--out", str(folder))
    assert refused.returncode == 1 and "folder" in refused.stderr
