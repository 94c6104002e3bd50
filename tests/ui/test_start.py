"""The start: the window first, the session right after; nothing the first window does
not show is imported (issue 14.3). Times are in tests/bench (bench_workspace.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from workshop.ui.main_window import MainWindow
from workshop.ui.start_screen import StartScreen
from workshop.ui.startup import open_after_show

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "sessions" / "demo.workshop"

LAZY = ("segno", "ssl", "aiohttp", "reportlab", "pyqtgraph", "workshop.ui.room.panel",
        "workshop.ui.diagnostics.window", "workshop.ui.evaluation.indicators",
        "workshop.ui.canvas.canvases.room", "workshop.export.agreement")
"""Loaded when first used, never by the start on the demo."""

AFTER_THE_WINDOW = ("pydantic", "workshop.domain.model", "workshop.ui.document",
                    "workshop.ui.projector_controls", "PySide6.QtCore.Qt")
"""Not needed for the first window, which shows before them (workshop.ui.startup): the
session's models, what shows a session, and Qt's ``Qt`` namespace (~90 enums made at
its first import)."""

_REPORT = (
    "import atexit, sys\n"
    "def loaded(name):\n"
    "    if name == 'PySide6.QtCore.Qt':\n"
    "        return 'Qt' in vars(sys.modules.get('PySide6.QtCore', sys))\n"
    "    return name in sys.modules\n"
    "atexit.register(lambda: print('MODULES', sorted(m for m in {lazy!r} if loaded(m))))\n"
    "from workshop.__main__ import main\n"
    "sys.argv = ['workshop', *sys.argv[1:]]\n"
    "raise SystemExit(main())\n"
)


def _start(tmp_path: Path, moment: str, *args: str,
           lazy: tuple[str, ...] = LAZY) -> subprocess.CompletedProcess[str]:
    """`workshop ARGS` in a real process, quit at ``moment`` (see workshop.ui.startup);
    it prints which of ``lazy`` were loaded."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKSHOP_QUIT_AFTER_SHOW": moment}
    return subprocess.run([sys.executable, "-c", _REPORT.format(lazy=lazy), *args],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env)


def test_the_window_shows_before_the_session_is_read_then_shows_it(tmp_path: Path) -> None:
    session = tmp_path / "demo.workshop"
    shutil.copy(DEMO, session)
    before = session.read_bytes()
    first = _start(tmp_path, "window", str(session), lazy=LAZY + AFTER_THE_WINDOW)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("shown: Workshop visible=True")  # no session yet
    assert "MODULES []" in first.stdout  # the window shows before the models
    opened = _start(tmp_path, "1", str(session))
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout.startswith("shown: Samen gezond ouder worden in de Waalzoom"
                                    " — demo.workshop")
    assert "MODULES []" in opened.stdout  # none of the lazy ones: the start needs none
    # The check can fail: with the session shown, the models are there.
    shown = _start(tmp_path, "1", str(session), lazy=AFTER_THE_WINDOW)
    assert "MODULES ['PySide6.QtCore.Qt', 'pydantic', 'workshop.domain.model'," in shown.stdout
    assert session.read_bytes() == before
    assert not (tmp_path / ".demo.workshop.lock").exists()
    assert "Traceback" not in first.stderr + opened.stderr


def test_while_the_session_is_read_the_window_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    session = tmp_path / "Zorgnetwerk Oost.workshop"
    shutil.copy(DEMO, session)
    window = MainWindow(opening=session)
    qtbot.addWidget(window)
    window.show()
    opened: list[bool] = []
    open_after_show(window, session, then=lambda: opened.append(True))
    opening = window.findChild(QLabel, "opening")
    assert opening is not None and opening.isVisible()
    assert opening.text() == "Opening “Zorgnetwerk Oost.workshop”…"
    assert window.navigator.item(0).text() == "1. Preparation"
    assert window.windowTitle() == "Workshop"
    assert not window.timer.isEnabled() and not window.navigator.isEnabled()
    assert not window.export_action.isEnabled() and not window.next_action.isEnabled()
    window.agree_step_action.trigger()  # nothing to agree yet, and nothing breaks
    qtbot.waitUntil(lambda: opened == [True])
    assert window.timer.isEnabled() and window.step_bar.isEnabled()
    assert window.export_action.isEnabled() and window.next_action.isEnabled()
    assert window.navigator.isEnabled()
    assert window.document is not None and window.document.path == session
    assert "Zorgnetwerk Oost.workshop" in window.windowTitle()
    window.close_session()


def test_a_damaged_file_at_start_is_explained_and_leaves_the_start_screen(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.workshop"
    broken.write_bytes(DEMO.read_bytes()[:100])
    shown: list[str] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window = MainWindow(opening=broken)
    qtbot.addWidget(window)
    window.show()
    assert window.findChild(StartScreen) is None  # not built: the file is opened
    opened: list[bool] = []
    open_after_show(window, broken, then=lambda: opened.append(True))
    qtbot.waitUntil(lambda: opened == [True])
    assert len(shown) == 1 and "broken.workshop" in shown[0]
    assert window.document is None
    start = window.findChild(StartScreen)
    assert start is not None and start.isVisible()
    assert window.findChild(QLabel, "opening") is None or not window.findChild(
        QLabel, "opening").isVisible()
    assert broken.read_bytes() == DEMO.read_bytes()[:100]  # left alone
    assert not (tmp_path / ".broken.workshop.lock").exists()


def test_the_projector_lists_every_canvas_without_importing_them() -> None:
    """The canvas table names what the modules register, in the menu's order."""
    code = ("import sys\n"
            "from workshop.ui.canvas.scene import canvas_names, _REGISTRY\n"
            "from workshop.ui.canvas import canvases\n"
            "names = canvas_names()\n"
            "print('room' in names, 'segno' in sys.modules)\n"
            "canvases.register()\n"
            "print(sorted(_REGISTRY) == sorted(names), canvas_names() == names)\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "False", "True", "True"]
