"""Workshop as a citizen of a Linux desktop: menu entry, icon, and ``.workshop`` files.

``workshop --install-desktop`` writes, for the current user only (no root), into the
XDG folders (``$XDG_DATA_HOME``, default ``~/.local/share``; ``$XDG_CONFIG_HOME``,
default ``~/.config``):

- ``applications/workshop.desktop``: the menu entry, ``Exec`` pointing at this very
  program (the bundle's executable, or this Python with ``-m workshop``);
- ``mime/packages/workshop.xml``: the type ``application/x-workshop-session`` for
  ``*.workshop``;
- ``icons/hicolor/.../apps/workshop.*`` and the same picture as the file type's icon;
- in ``mimeapps.list``: Workshop as the default for that type, so a double-click on a
  session opens it (in the Workshop already running, see ``workshop.ui.single_instance``).

Then it refreshes the MIME and desktop databases when their tools are installed.
``--uninstall-desktop`` removes exactly what it wrote. No Qt here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from workshop.assets import resource_root

DESKTOP_ID = "workshop.desktop"
MIME_TYPE = "application/x-workshop-session"
ICON_NAME = "workshop"
MIME_ICON_NAME = MIME_TYPE.replace("/", "-")
MIME_PACKAGE = "workshop.xml"
_ICON_FILES = (  # (source in resources/icons, hicolor size folder)
    ("workshop.svg", "scalable", ".svg"),
    ("workshop-256.png", "256x256", ".png"),
    ("workshop-48.png", "48x48", ".png"),
)
# Characters that make an Exec argument need quoting (Desktop Entry spec, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")

Runner = Callable[[Sequence[str]], object]


def data_home(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    value = env.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path(env.get("HOME") or Path.home()) / ".local" / "share"


def config_home(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    value = env.get("XDG_CONFIG_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path(env.get("HOME") or Path.home()) / ".config"


def launch_command() -> list[str]:
    """How to start this Workshop again: the bundle's program, or Python ``-m workshop``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "workshop"]


def quote_exec_argument(arg: str) -> str:
    """One argument as the Exec key wants it (before the key's own backslash escaping)."""
    arg = arg.replace("%", "%%")
    if not any(c in _RESERVED for c in arg):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def _escape_value(value: str) -> str:
    """A desktop entry string value: backslashes doubled, no line breaks."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def desktop_entry(command: Sequence[str]) -> str:
    """The text of ``workshop.desktop`` starting ``command`` with the file as argument."""
    template = (resource_root() / "desktop" / "workshop.desktop.in").read_text(encoding="utf-8")
    exec_line = " ".join(quote_exec_argument(arg) for arg in command)
    return (template.replace("{exec}", _escape_value(exec_line))
            .replace("{tryexec}", _escape_value(command[0]))
            .replace("{icon}", ICON_NAME))


def _files(data: Path) -> dict[Path, bytes]:
    """Every file the installation writes, with its content except the .desktop entry."""
    icons = resource_root() / "icons"
    out: dict[Path, bytes] = {
        data / "mime" / "packages" / MIME_PACKAGE:
            (resource_root() / "desktop" / "workshop-session.xml").read_bytes(),
    }
    for source, size, suffix in _ICON_FILES:
        picture = (icons / source).read_bytes()
        base = data / "icons" / "hicolor" / size
        out[base / "apps" / f"{ICON_NAME}{suffix}"] = picture
        out[base / "mimetypes" / f"{MIME_ICON_NAME}{suffix}"] = picture
    return out


def _set_default(mimeapps: Path, enable: bool) -> None:
    """Add (or remove) ``MIME_TYPE=workshop.desktop;`` under ``[Default Applications]``."""
    try:
        lines = mimeapps.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    kept: list[str] = []
    section = ""
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped
        elif section == "[Default Applications]" and stripped.split("=", 1)[0] == MIME_TYPE:
            continue
        kept.append(line)
    if enable:
        entry = f"{MIME_TYPE}={DESKTOP_ID};"
        if "[Default Applications]" in (s.strip() for s in kept):
            at = [s.strip() for s in kept].index("[Default Applications]")
            kept.insert(at + 1, entry)
        else:
            if kept and kept[-1].strip():
                kept.append("")
            kept += ["[Default Applications]", entry]
    if not kept and not mimeapps.exists():
        return
    mimeapps.parent.mkdir(parents=True, exist_ok=True)
    mimeapps.write_text("\n".join(kept) + "\n", encoding="utf-8")


def _refresh(data: Path, run: Runner) -> list[str]:
    """Rebuild the user's MIME and desktop caches; the tools that were missing."""
    missing = []
    for tool, folder in (("update-mime-database", data / "mime"),
                         ("update-desktop-database", data / "applications"),
                         ("gtk-update-icon-cache", data / "icons" / "hicolor")):
        if shutil.which(tool) is None:
            missing.append(tool)
            continue
        args = [tool, "-f", "-t", "-q", str(folder)] if tool == "gtk-update-icon-cache" else [
            tool, str(folder)]
        if folder.is_dir():
            run(args)
    return missing


def _run_quietly(args: Sequence[str]) -> object:
    return subprocess.run(list(args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          check=False)


def install(command: Sequence[str] | None = None, *, env: Mapping[str, str] | None = None,
            run: Runner = _run_quietly) -> list[Path]:
    """Install the menu entry, icons and file type for the current user; the files written."""
    data, config = data_home(env), config_home(env)
    written: list[Path] = []
    entry = data / "applications" / DESKTOP_ID
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(desktop_entry(command or launch_command()), encoding="utf-8")
    written.append(entry)
    for path, content in _files(data).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    _set_default(config / "mimeapps.list", True)
    _refresh(data, run)
    return written


def uninstall(*, env: Mapping[str, str] | None = None, run: Runner = _run_quietly) -> list[Path]:
    """Remove what ``install`` wrote; the files removed."""
    data, config = data_home(env), config_home(env)
    removed = []
    for path in [data / "applications" / DESKTOP_ID, *_files(data)]:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    _set_default(config / "mimeapps.list", False)
    _refresh(data, run)
    return removed


# --- Windows: the file type in the user's registry (HKEY_CURRENT_USER, no admin) ---------

PROG_ID = "Workshop.Session"
_CLASSES = "Software\\Classes"


def windows_command(executable: str | None = None, frozen: bool | None = None) -> list[str]:
    """The program a double-click starts: the windowed ``Workshop.exe`` of the bundle
    (also when ``workshop-cli.exe`` ran the install), or ``pythonw -m workshop``."""
    executable = executable or sys.executable
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    folder, _, name = executable.replace("/", "\\").rpartition("\\")
    if frozen:
        return [f"{folder}\\Workshop.exe" if folder else "Workshop.exe"]
    if name.lower() == "python.exe":
        return [f"{folder}\\pythonw.exe", "-m", "workshop"]
    return [executable, "-m", "workshop"]


def _windows_keys(command: Sequence[str]) -> list[tuple[str, str, str]]:
    """(key under HKCU, value name, value) for the file type and its open command."""
    line = " ".join(f'"{arg}"' for arg in [*command, "%1"])
    return [
        (f"{_CLASSES}\\.workshop", "", PROG_ID),
        (f"{_CLASSES}\\.workshop", "Content Type", MIME_TYPE),
        (f"{_CLASSES}\\{PROG_ID}", "", "Workshop session"),
        (f"{_CLASSES}\\{PROG_ID}\\DefaultIcon", "", f'"{command[0]}",0'),
        (f"{_CLASSES}\\{PROG_ID}\\shell\\open\\command", "", line),
    ]


def install_windows(command: Sequence[str], registry: Any) -> list[str]:
    """Register ``.workshop`` for the current user; ``registry`` is ``winreg``."""
    written = []
    for key, name, value in _windows_keys(command):
        with registry.CreateKey(registry.HKEY_CURRENT_USER, key) as handle:
            registry.SetValueEx(handle, name, 0, registry.REG_SZ, value)
        written.append(f"{key}\\{name}" if name else key)
    return written


def uninstall_windows(registry: Any) -> list[str]:
    """Remove the keys ``install_windows`` made, deepest first (Windows wants that)."""
    removed = []
    for key in (f"{_CLASSES}\\{PROG_ID}\\shell\\open\\command",
                f"{_CLASSES}\\{PROG_ID}\\shell\\open", f"{_CLASSES}\\{PROG_ID}\\shell",
                f"{_CLASSES}\\{PROG_ID}\\DefaultIcon", f"{_CLASSES}\\{PROG_ID}",
                f"{_CLASSES}\\.workshop"):
        try:
            registry.DeleteKey(registry.HKEY_CURRENT_USER, key)
        except FileNotFoundError:
            continue
        removed.append(key)
    return removed


def _tell_explorer() -> None:
    """SHChangeNotify(SHCNE_ASSOCCHANGED): Explorer shows the new icon and opener now."""
    try:
        import ctypes

        ctypes.windll.shell32.SHChangeNotify(0x08000000, 0, None, None)  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        pass


def run_command(action: str, *, system: str | None = None, registry: Any = None) -> int:
    """``--install-desktop`` / ``--uninstall-desktop`` from the command line."""
    from workshop.i18n import tr

    system = system or sys.platform
    try:
        if system == "win32":
            real = registry is None
            if real:
                import importlib

                registry = importlib.import_module("winreg")
            keys = (install_windows(windows_command(), registry) if action == "install"
                    else uninstall_windows(registry))
            if real:
                _tell_explorer()
            if action == "install":
                print(tr("A double-click on a .workshop file now opens Workshop ({count} "
                         "registry values for you only).", count=len(keys)))
            else:
                print(tr("Removed the .workshop file type of Workshop ({count} registry "
                         "keys).", count=len(keys)))
            return 0
        if system.startswith("linux"):
            written = install() if action == "install" else uninstall()
        else:
            print(tr("On macOS, Workshop.app registers .workshop files itself: move it to "
                     "Applications and open it once."), file=sys.stderr)
            return 2
    except OSError as exc:
        print(tr("The desktop integration could not be written: {reason}",
                 reason=exc.strerror or str(exc)), file=sys.stderr)
        return 1
    if action == "install":
        print(tr("Workshop is now in your applications menu, and .workshop files open in "
                 "it ({count} files in {folder}).", count=len(written), folder=data_home()))
    else:
        print(tr("Removed Workshop from your applications menu ({count} files).",
                 count=len(written)))
    return 0
