"""Starting the app: the README's command opens the demo; a damaged file is explained."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from workshop.ui.session_files import open_document

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "sessions" / "demo.workshop"


def test_damaged_file_is_explained_and_left_alone(qtbot: QtBot, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.workshop"
    broken.write_bytes(DEMO.read_bytes()[:100])
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert open_document(None, broken) is None
    assert len(shown) == 1 and "broken.workshop" in shown[0]
    assert broken.read_bytes() == DEMO.read_bytes()[:100]
    assert not (tmp_path / ".broken.workshop.lock").exists()  # the lock was let go


def _start(args: list[str], cwd: Path, env_extra: dict[str, str] | None = None
           ) -> subprocess.CompletedProcess[str]:
    """Run `python -m workshop ARGS`, report the visible windows after start, quit."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from workshop.ui.app import application\n"
        "app = application()\n"
        "def done():\n"
        "    w = QApplication.topLevelWidgets()\n"
        "    print('WINDOW', [x.windowTitle() for x in w if x.isVisible()])\n"
        "    for x in w:\n"
        "        x.close()\n"
        "    app.quit()\n"
        "QTimer.singleShot(1500, done)\n"
        "from workshop.__main__ import main\n"
        f"sys.argv = ['workshop', *{args!r}]\n"
        "raise SystemExit(main())\n"
    )
    import os

    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=cwd, env=env)


def test_app_starts_on_the_demo_as_the_readme_says(tmp_path: Path) -> None:
    """`workshop sessions/demo.workshop` in a real process: the workspace on the demo."""
    copy = tmp_path / "sessions" / "demo.workshop"
    copy.parent.mkdir()
    shutil.copy(DEMO, copy)
    before = copy.read_bytes()
    result = _start(["sessions/demo.workshop"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "WINDOW" in result.stdout and "demo.workshop" in result.stdout
    assert "Traceback" not in result.stderr
    assert copy.read_bytes() == before  # opening and closing changes nothing
    assert not (copy.parent / ".demo.workshop.lock").exists()


def test_app_starts_without_a_session_on_the_start_screen(tmp_path: Path) -> None:
    result = _start([], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "WINDOW ['Workshop']" in result.stdout


def test_a_long_meeting_of_signals_does_not_abort_python(tmp_path: Path) -> None:
    """PySide6 6.12.0 drops a reference to True/False on every emit from Python; a few
    hundred edits would free them and abort the process ("bool_dealloc") at the latest
    on exit. The app's guard keeps a meeting's worth of emits (and None returns) safe."""
    script = tmp_path / "emits.py"
    script.write_text(
        "from PySide6.QtCore import QObject, Signal\n"
        "from workshop.ui.app import application\n"
        "app = application()\n"
        "class Source(QObject):\n"
        "    sig = Signal(str)\n"
        "    flag = Signal(bool)\n"
        "source = Source()\n"
        "source.sig.connect(lambda text: None)\n"
        "source.flag.connect(lambda on: None)\n"
        "for n in range(20000):\n"
        "    source.sig.emit('x')\n"
        "    source.flag.emit(n % 2 == 0)\n"
        "print('done')\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "done"


def test_the_app_and_the_canvases_use_the_bundled_family_of_the_pdfs(qapp: object) -> None:
    """The same family on the screen, on the wall and on paper (Noto Sans first)."""
    from PySide6.QtGui import QFontInfo

    from workshop.ui.app import application
    from workshop.ui.canvas.text import font_families
    from workshop.ui.fonts import app_font_families

    app = application()
    assert app_font_families()[:3] == ["Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew"]
    assert font_families()[0] == "Noto Sans"
    assert QFontInfo(app.font()).family() == "Noto Sans"
