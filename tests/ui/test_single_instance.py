"""A second start (a double-click on a session) hands its file to the running Workshop."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from workshop.ui.main_window import MainWindow
from workshop.ui.single_instance import forward, serve, server_name

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "sessions" / "demo.workshop"


def _start_second(path: Path | None) -> subprocess.Popen[str]:
    """`python -m workshop [PATH]` as the desktop starts it on a double-click."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-m", "workshop", *([str(path)] if path else [])],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def test_double_click_opens_the_file_in_the_running_window(qtbot: QtBot, tmp_path: Path
                                                            ) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert serve(window) is not None
    session = tmp_path / "Zorgnetwerk Oost Ç.workshop"
    shutil.copyfile(DEMO, session)
    second = _start_second(session)
    qtbot.waitUntil(lambda: window.document is not None, timeout=20_000)
    assert window.document is not None and window.document.path == session
    assert "Zorgnetwerk Oost Ç.workshop" in window.windowTitle()
    out, err = second.communicate(timeout=20)
    assert second.returncode == 0, err
    assert out == "" and err == ""  # it opened no window of its own: it handed over and left
    window.close_session()


def test_without_a_running_workshop_the_second_start_is_the_app(qtbot: QtBot) -> None:
    """No server: `forward` finds nobody, so the start opens its own window."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKSHOP_QUIT_AFTER_SHOW": "1"}
    done = subprocess.run([sys.executable, "-m", "workshop"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("shown: Workshop visible=True")


@pytest.mark.skipif(sys.platform == "win32", reason="Windows named pipes leave no file behind")
def test_a_socket_file_left_by_a_crashed_workshop_is_taken_over(qtbot: QtBot, tmp_path: Path
                                                                ) -> None:
    stale = Path(tempfile.gettempdir()) / server_name()
    with socket.socket(socket.AF_UNIX) as crashed:  # bound, never listening, then gone
        crashed.bind(str(stale))
    assert stale.exists()
    assert not forward(None)  # nobody answers on it
    window = MainWindow()
    qtbot.addWidget(window)
    assert serve(window) is not None  # takes the name over
    second = _start_second(None)
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)  # answered here
    finally:
        second.kill()
    out, err = second.communicate()
    assert second.returncode == 0 and out == "" and err == ""


def test_the_name_differs_per_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path
                                          ) -> None:
    one = server_name()
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(tmp_path / "other"))
    assert server_name() != one


def test_the_window_and_task_bar_show_the_workshop_icon(qtbot: QtBot) -> None:
    from workshop.ui.app import application

    app = application()
    window = MainWindow()
    qtbot.addWidget(window)
    assert app.desktopFileName() == "workshop"  # the .desktop entry's icon on Wayland
    picture = window.windowIcon().pixmap(256, 256).toImage()
    assert (picture.width(), picture.height()) == (256, 256)
    assert picture.pixelColor(128, 20).name() == "#1f6f78"  # the icon's teal frame
    assert picture.pixelColor(2, 2).alpha() == 0  # rounded, transparent corner
