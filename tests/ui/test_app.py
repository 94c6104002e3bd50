"""The bare window: opens the demo, and explains a damaged file instead of crashing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from workshop.storage.files import load_session
from workshop.ui.app import SessionOverviewWindow, open_or_explain

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "sessions" / "demo.workshop"


def _texts(window: SessionOverviewWindow) -> list[str]:
    return [label.text() for label in window.findChildren(QLabel)]


def test_window_shows_the_demo(qtbot: QtBot, tmp_path: Path) -> None:
    session = load_session(DEMO)
    window = SessionOverviewWindow(session, DEMO)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert session.details.name in window.windowTitle()
    assert session.details.name in _texts(window)
    assert str(len(session.roadmap.actions)) in _texts(window)
    window.grab().save(str(tmp_path / "overview.png"))


def test_markup_in_a_name_is_shown_as_typed(qtbot: QtBot) -> None:
    session = load_session(DEMO)
    session.details.name = "<b>Zorg</b> & <i>welzijn</i> \u202eRTL 🙂"
    window = SessionOverviewWindow(session, None)
    qtbot.addWidget(window)
    assert session.details.name in _texts(window)


def test_damaged_file_is_explained(qtbot: QtBot, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.workshop"
    broken.write_bytes(DEMO.read_bytes()[:100])
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert open_or_explain(None, broken) is None
    assert len(shown) == 1 and "broken.workshop" in shown[0]
    assert broken.read_bytes() == DEMO.read_bytes()[:100]


def test_app_starts_on_the_demo_as_the_readme_says() -> None:
    """`workshop sessions/demo.workshop` in a real process: window up, no warnings."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "def done():\n"
        "    w = QApplication.topLevelWidgets()\n"
        "    print('WINDOW', [x.windowTitle() for x in w if x.isVisible()])\n"
        "    app.quit()\n"
        "QTimer.singleShot(300, done)\n"
        "from workshop.cli import run\n"
        "from workshop.ui.app import run_app\n"
        f"raise SystemExit(run([{str(DEMO)!r}], open_app=run_app))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "WINDOW" in result.stdout and "demo.workshop" in result.stdout
    assert result.stderr.strip() == ""
