"""The start does not pay PySide6's per-import source scan, and nothing else changes."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys, time
import workshop.ui  # answers the hook
feature = sys.modules["PySide6.support.feature"]
models_first = "workshop.domain.model" in sys.modules
import inspect
reads = []
real = inspect.getsource
inspect.getsource = lambda obj: reads.append(obj) or real(obj)
import json.tool, xml.dom.minidom  # modules imported after Qt
import workshop.domain.model  # the session's models too: after the first window
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("ok")
print(len(reads), label.text(), models_first)
"""


def test_modules_imported_after_qt_are_not_read() -> None:
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""}, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "ok", "False"]


def test_without_the_answer_the_hook_reads_every_module() -> None:
    """The check above can fail: PySide6 alone reads the source of later imports."""
    code = CODE.replace("import workshop.ui  # answers the hook",
                        "import PySide6.QtCore")
    code = code.replace("import workshop.domain.model  #", "#")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""}, timeout=60)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[0]) > 0


def test_importing_workshop_ui_guards_the_miscounted_references_once() -> None:
    """PySide6 6.12.0 on Python 3.11 miscounts None, True and False (``qtguard``): the
    guard comes with ``import workshop.ui``, before any of Workshop's Qt code runs, and
    nowhere else."""
    code = ("import sys\n"
            "before = [sys.getrefcount(v) for v in (None, True, False)]\n"
            "import workshop.ui\n"
            "from workshop.ui.canvas.qtguard import guard_none_refcount\n"
            "after = [sys.getrefcount(v) for v in (None, True, False)]\n"
            "print(all(a - b > 1 << 47 for a, b in zip(after, before)), "
            "guard_none_refcount())\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""}, timeout=60)
    assert result.returncode == 0, result.stderr
    import PySide6

    affected = (sys.version_info < (3, 12) and not hasattr(sys, "gettotalrefcount")
                and tuple(PySide6.__version_info__[:2]) == (6, 12))
    # Guarded on import where the versions need it, and only there.
    assert result.stdout.split() == [str(affected), str(affected)]
