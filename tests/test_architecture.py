"""The house rules that a reviewer would otherwise have to remember."""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "qtpy")
NO_QT = ("workshop/domain", "workshop/storage", "workshop/export", "workshop/i18n.py",
         "workshop/assets.py", "workshop/locale_format.py", "workshop/library_language.py",
         "workshop/room")
NO_QT_AT_START = ("workshop/cli.py", "workshop/__main__.py")
"""The command line imports the canvases' ``render`` only inside a function: ``workshop
check`` starts where Qt cannot load."""


@dataclass(frozen=True)
class Import:
    line: int
    module: str
    at_start: bool
    """Runs when the module is imported (not inside a function, not for the type checker)."""


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imported(node: ast.AST, package: str) -> list[str]:
    """The modules one statement or call imports: ``import``, ``from ... import`` (a
    name that is a submodule counts as that module) and the side doors
    ``importlib.import_module("...")`` / ``__import__("...")`` with a written name."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            parts = package.split(".")[: len(package.split(".")) - node.level + 1]
            base = ".".join([*parts, base] if base else parts)
        return [base] + [f"{base}.{alias.name}" for alias in node.names]
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in ("import_module", "__import__") and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                return [arg.value]
            return ["<computed>"]  # a name nobody can read: see test_no_side_doors
    return []


def _imports(path: Path, module: str | None = None) -> list[Import]:
    """Every import in ``path`` (the module ``module``, by default found from its path)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    module = module or _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, at_start: bool) -> None:
        for module in _imported(node, package):
            found.append(Import(getattr(node, "lineno", 0), module, at_start))
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, False)
            for child in node.orelse:
                visit(child, at_start)
            return
        inner = at_start and not isinstance(
            node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        for child in ast.iter_child_nodes(node):
            visit(child, inner)

    visit(tree, True)
    return found


def _module_name(path: Path) -> str:
    parts = list(path.resolve().relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _files(rel: str) -> list[Path]:
    target = ROOT / rel
    return [target] if target.is_file() else sorted(target.rglob("*.py"))


def _is_qt(module: str) -> bool:
    return module.split(".")[0] in QT_MODULES or module.startswith("workshop.ui")


def test_no_qt_below_ui() -> None:
    """domain/, storage/ and export/ stay importable and testable without Qt."""
    offenders = []
    for rel in NO_QT:
        for path in _files(rel):
            for found in _imports(path):
                if _is_qt(found.module):
                    offenders.append(f"{path.relative_to(ROOT)}:{found.line} imports "
                                     f"{found.module}")
    for rel in NO_QT_AT_START:
        for found in _imports(ROOT / rel):
            if found.at_start and _is_qt(found.module):
                offenders.append(f"{rel}:{found.line} imports {found.module} at start")
    assert offenders == []


def test_no_side_doors() -> None:
    """Every import in the package names its module where a reader (and these tests)
    can see it: no ``import_module`` of a computed name, no ``"module:Class"``."""
    offenders = [f"{path.relative_to(ROOT)}:{found.line}"
                 for path in _files("workshop") for found in _imports(path)
                 if found.module == "<computed>"]
    assert offenders == []


def test_the_side_doors_are_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import importlib\n"
                   "def render():\n"
                   "    importlib.import_module('workshop.ui.canvas.cli').register()\n"
                   "    __import__('PySide6.QtGui')\n"
                   "    importlib.import_module(NAME)\n")
    found = _imports(bad, "bad")
    assert Import(3, "workshop.ui.canvas.cli", False) in found
    assert Import(4, "PySide6.QtGui", False) in found
    assert Import(5, "<computed>", False) in found


def test_the_check_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport os\n")
    assert Import(1, "PySide6.QtCore", True) in _imports(bad, "bad")


def _graph(at_start_only: bool) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (``from a import b`` with ``b`` a
    module counts as ``a.b``; a package's own ``__init__`` that Python runs first is
    not an edge)."""
    paths = {_module_name(path): path for path in _files("workshop")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        targets = set()
        for found in _imports(path):
            if at_start_only and not found.at_start:
                continue
            target = found.module
            while target and target not in paths:
                target = target.rpartition(".")[0]
            if target and target != name:
                targets.add(target)
        graph[name] = targets
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts with more than one member (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            part = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                part.append(member)
                if member == node:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def _layer(module: str) -> str:
    """``workshop.domain.model`` -> ``workshop.domain``; a top-level module is its own."""
    return ".".join(module.split(".")[:2])


KNOWN_LOOPS_INSIDE_A_LAYER = [
    # The canvases register themselves on import (``@register_canvas``); the scene
    # imports them when it first needs the list, so adding a canvas is adding a module.
    ["workshop.ui.canvas.canvases", "workshop.ui.canvas.canvases.agreements",
     "workshop.ui.canvas.canvases.ambition", "workshop.ui.canvas.canvases.commitments",
     "workshop.ui.canvas.canvases.diagnostics", "workshop.ui.canvas.canvases.evaluation",
     "workshop.ui.canvas.canvases.interests", "workshop.ui.canvas.canvases.organising",
     "workshop.ui.canvas.canvases.preparation", "workshop.ui.canvas.canvases.roadmap",
     "workshop.ui.canvas.canvases.room", "workshop.ui.canvas.canvases.signing",
     "workshop.ui.canvas.scene"],
    # The consent round on the agreement is about the agreement's printed text, and the
    # printed text shows the outcome of the rounds on its items: one idea in two modules.
    ["workshop.domain.consent", "workshop.domain.fingerprint"],
    # A card and a column on the board are told their board for the type checker only.
    ["workshop.ui.pages.ambition.board", "workshop.ui.pages.ambition.cards",
     "workshop.ui.pages.ambition.columns"],
]


def test_the_imports_draw_no_loop() -> None:
    """The structure drawn from the imports has no loop.

    - Between modules, for what runs at import (module-level imports): none at all, so
      any module can be imported first.
    - Between layers (``workshop.domain``, ``storage``, ``export``, ``room``, ``ui`` and
      each top-level module such as ``workshop.i18n``), counting every import: also
      inside functions, for the type checker and through ``import_module("...")``.
      A lower layer never reaches back up, not even lazily.
    - Inside one layer an import inside a function may close a loop where two modules
      hold one idea or a registry fills itself on first use; those are listed above
      with why, and a new one fails here until someone decides it belongs there.
    """
    assert _cycles(_graph(at_start_only=True)) == []
    everything = _graph(at_start_only=False)
    layers: dict[str, set[str]] = {}
    for module, targets in everything.items():
        layers.setdefault(_layer(module), set()).update(
            _layer(t) for t in targets if _layer(t) != _layer(module))
    assert _cycles(layers) == []
    assert _cycles(everything) == sorted(KNOWN_LOOPS_INSIDE_A_LAYER)


def test_the_loop_check_can_fail() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []
    assert _layer("workshop.domain.labels") == "workshop.domain"
    assert _layer("workshop.i18n") == "workshop.i18n"


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
