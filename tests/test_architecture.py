"""The house rules that a reviewer would otherwise have to remember."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "qtpy")
NO_QT = ("workshop/domain", "workshop/storage", "workshop/export", "workshop/cli.py",
         "workshop/i18n.py", "workshop/assets.py", "workshop/room")


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _files(rel: str) -> list[Path]:
    target = ROOT / rel
    return [target] if target.is_file() else sorted(target.rglob("*.py"))


def test_no_qt_below_ui() -> None:
    """domain/, storage/ and export/ stay importable and testable without Qt."""
    offenders = []
    for rel in NO_QT:
        for path in _files(rel):
            for line, module in _imports(path):
                if module.split(".")[0] in QT_MODULES or module.startswith("workshop.ui"):
                    offenders.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert offenders == []


def test_the_check_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport os\n")
    assert (1, "PySide6.QtCore") in _imports(bad)


def test_cli_runs_without_qt() -> None:
    """`workshop check` must work where Qt cannot even load."""
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "from workshop.cli import run\n"
        f"raise SystemExit(run(['check', {str(ROOT / 'sessions' / 'demo.workshop')!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_ruff_clean() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "workshop", "tests"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_whole_package() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"], cwd=ROOT,
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
