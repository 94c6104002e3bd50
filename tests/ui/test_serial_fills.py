"""The app paints on its own thread: Qt's pool of painting threads is off (issue 14).

Qt 6 hands large fills to a pool of threads and waits for them; on the benchmark
machine waking them cost more than the fill (a scroll bar's paint 1.8 ms instead of
0.14 ms). ``workshop.ui.app.application`` turns the pool off with Qt's own switch."""

from __future__ import annotations

import os
import subprocess
import sys

PAINT = """
import glob, os, sys
{setup}
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollBar
bar = QScrollBar(Qt.Orientation.Vertical)
bar.resize(14, 800)
bar.show()
app.processEvents()
bar.repaint()
names = [open(f).read().strip() for f in glob.glob(f"/proc/{{os.getpid()}}/task/*/comm")]
print(sum(1 for n in names if "pooled" in n))
"""


def _pooled_threads(setup: str) -> int:
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    out = subprocess.run([sys.executable, "-c", PAINT.format(setup=setup)], env=env,
                         capture_output=True, text=True, timeout=60, check=True)
    return int(out.stdout.strip().splitlines()[-1])


def test_the_app_paints_without_qts_thread_pool() -> None:
    if not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2:
        import pytest

        pytest.skip("counts the threads in /proc, with more than one core")
    plain = _pooled_threads("from PySide6.QtWidgets import QApplication\n"
                            "app = QApplication([])")
    ours = _pooled_threads("from workshop.ui.app import application\n"
                           "app = application()")
    assert plain > 0  # Qt's own: a tall scroll bar is painted by the pool (can fail)
    assert ours == 0
