"""No POSIX-only call outside the few places that handle the platform on purpose.

The app must run on the facilitators' Windows laptops. Every call that exists only on
POSIX (or behaves differently on Windows) belongs in ``workshop/storage/platform.py``,
where the Windows branch is tested with injected platform facts
(``tests/storage/test_windows_branches.py``). Tests that exercise POSIX behaviour itself
are listed below with the reason they may. Text files are read and written with an
explicit encoding: Windows' default is not UTF-8.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("workshop", "tests", "packaging")

POSIX_ONLY_ATTRIBUTES = {
    ("os", name) for name in (
        "getuid", "geteuid", "getgid", "getegid", "fchmod", "chmod", "lchmod", "fchown",
        "chown", "lchown", "link", "symlink", "fork", "forkpty", "setsid", "killpg",
        "getpgid", "setpgid", "umask", "statvfs", "fstatvfs", "uname", "mkfifo", "kill",
        "sync", "O_NOFOLLOW", "O_DIRECTORY", "WNOHANG",
    )
} | {("signal", name) for name in ("SIGKILL", "SIGSTOP", "SIGHUP", "SIGUSR1", "SIGUSR2",
                                     "SIGALRM", "SIGCHLD", "SIGQUIT", "alarm", "setitimer")}
POSIX_ONLY_MODULES = {"fcntl", "pwd", "grp", "termios", "resource", "pty", "tty", "posix"}
POSIX_PATH_PREFIXES = ("/tmp", "/var/tmp", "/dev/shm", "/proc/")

# file -> why it may make POSIX-only calls
ALLOWED = {
    "workshop/storage/platform.py": "the one place that handles both platforms",
    "tests/storage/test_crash.py": "kills a saver with SIGKILL; skipped on Windows",
    "tests/storage/crash_child.py": "the child of test_crash (fork)",
    "tests/storage/test_failed_save.py": "a read-only folder by chmod; skipped on Windows",
    "tests/storage/test_roundtrip.py": "checks POSIX file modes under a umask",
    "tests/test_portability.py": "names the calls it looks for",
    "workshop/storage/process_facts.py": "/proc on Linux, the Win32 API on Windows, ps "
                                         "elsewhere: chosen by the injectable platform fact",
    "tests/test_cli_progress.py": "a pseudo-terminal for the progress line; skipped on "
                                  "Windows",
    "tests/ui/test_open_choices.py": "a read-only folder needs a user who is not root; "
                                     "skipped on Windows",
}


def _sources() -> list[Path]:
    found: list[Path] = []
    for top in SCANNED:
        found += sorted((ROOT / top).rglob("*.py"))
    return [p for p in found if "bench" not in p.relative_to(ROOT).parts]


def _text_mode_without_encoding(node: ast.Call) -> bool:
    """``open(p)``, ``open(p, "w")``, ``path.read_text()``, ``path.write_text(s)``."""
    keywords = {k.arg for k in node.keywords}
    if "encoding" in keywords:
        return False
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr in ("read_text", "write_text"):
        positional_encoding = 1 if func.attr == "write_text" else 0
        return len(node.args) <= positional_encoding
    if isinstance(func, ast.Name) and func.id == "open" or (
            isinstance(func, ast.Attribute) and func.attr == "open"
            and isinstance(func.value, ast.Name) and func.value.id in ("io", "builtins")):
        mode_node = node.args[1] if len(node.args) > 1 else next(
            (k.value for k in node.keywords if k.arg == "mode"), None)
        mode = mode_node.value if isinstance(mode_node, ast.Constant) else "r"
        return isinstance(mode, str) and "b" not in mode and len(node.args) < 4
    return False


def findings(path: Path, rel: str | None = None) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    rel = rel or path.relative_to(ROOT).as_posix()
    out = []
    for node in ast.walk(tree):
        where = f"{rel}:{getattr(node, 'lineno', '?')}"
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and (node.value.id, node.attr) in POSIX_ONLY_ATTRIBUTES):
            out.append(f"{where}: {node.value.id}.{node.attr} is POSIX-only")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [
                node.module or ""]
            for name in names:
                if name.split(".")[0] in POSIX_ONLY_MODULES:
                    out.append(f"{where}: module {name} does not exist on Windows")
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and node.value.startswith(POSIX_PATH_PREFIXES)):
            out.append(f"{where}: {node.value[:30]!r} is a POSIX path (use tempfile/tmp_path)")
        elif isinstance(node, ast.Call) and rel.startswith("workshop/") and (
                _text_mode_without_encoding(node)):
            out.append(f"{where}: a text file without encoding= (Windows reads cp1252)")
        elif (rel.startswith("workshop/storage/") and isinstance(node, ast.Attribute)
              and isinstance(node.value, ast.Name) and node.value.id == "sys"
              and node.attr == "platform"):
            out.append(f"{where}: storage asks workshop.storage.platform, not sys.platform")
    return out


def test_no_posix_only_call_outside_the_allowed_places() -> None:
    found = [f for path in _sources() if path.relative_to(ROOT).as_posix() not in ALLOWED
             for f in findings(path)]
    assert found == [], "\n".join(found)


def test_the_allowed_places_exist_and_still_need_it() -> None:
    """An entry that no longer makes such a call is removed, so the list stays short."""
    for rel in ALLOWED:
        if rel == "tests/test_portability.py":
            continue
        assert findings(ROOT / rel), f"{rel} makes no POSIX-only call any more"


def test_the_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import fcntl\nimport os, signal\nos.fchmod(3, 0o600)\nos.getuid()\n"
        "signal.SIGKILL\nopen('x')\nopen('x', 'rb')\nPath('x').read_text()\n"
        "Path('x').read_text(encoding='utf-8')\nTMP = '/tmp/x'\n", encoding="utf-8")
    found = findings(sample, rel="workshop/sample.py")
    text = "\n".join(found)
    for expected in ("module fcntl", "os.fchmod", "os.getuid", "signal.SIGKILL", "'/tmp/x'"):
        assert expected in text
    assert sum("without encoding" in f for f in found) == 2  # open('x') and read_text()
