"""``workshop --install-desktop``: a valid menu entry and a file type the desktop knows.

Checked with the desktop's own tools in a throwaway home: ``desktop-file-validate``
(Debian ``desktop-file-utils``) and ``xdg-mime`` (``xdg-utils``, with
``shared-mime-info``). ``.ci/run`` installs them when it can.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workshop import desktop

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "sessions" / "demo.workshop"
TOOLS = {"desktop-file-validate": "desktop-file-utils", "xdg-mime": "xdg-utils",
         "update-mime-database": "shared-mime-info", "mimetype": "libfile-mimeinfo-perl"}


def require_tools() -> None:
    """CI installs the desktop's own tools (``.ci/run``) and must have them; elsewhere a
    machine without them skips these checks and says what to install."""
    missing = [f"{tool} (Debian: {package})" for tool, package in TOOLS.items()
               if shutil.which(tool) is None]
    if missing and not os.environ.get("CI"):
        pytest.skip("install: " + ", ".join(missing))
    assert not missing, "install: " + ", ".join(missing)


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """A login of its own: only HOME, a system PATH and a UTF-8 locale."""
    return {"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
            **extra}


def validate(entry: Path) -> None:
    done = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                          text=True)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def xdg_mime(home: Path, *args: str) -> str:
    done = subprocess.run(["xdg-mime", "query", *args], env=clean_env(home),
                          capture_output=True, text=True, cwd=home)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def check_installed(home: Path, program: str) -> Path:
    """The entry validates, starts ``program``, and a .workshop file is ours."""
    entry = home / ".local" / "share" / "applications" / "workshop.desktop"
    validate(entry)
    text = entry.read_text(encoding="utf-8")
    assert f"Exec={program}" in text and "MimeType=application/x-workshop-session;" in text
    session = home / "Zorg in de wijk – Ålesund.workshop"
    shutil.copyfile(DEMO, session)
    assert xdg_mime(home, "filetype", session.name) == "application/x-workshop-session"
    assert xdg_mime(home, "default", "application/x-workshop-session") == "workshop.desktop"
    icons = home / ".local" / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / "workshop.svg").is_file()
    assert (icons / "48x48" / "mimetypes" / "application-x-workshop-session.png").is_file()
    return entry


def test_install_and_uninstall_from_the_command_line(tmp_path: Path) -> None:
    require_tools()
    home = tmp_path / "home"
    home.mkdir()
    config = home / ".config"
    config.mkdir()
    (config / "mimeapps.list").write_text(
        "[Default Applications]\ntext/plain=gedit.desktop;\n", encoding="utf-8")
    run = [sys.executable, "-m", "workshop"]
    done = subprocess.run([*run, "--install-desktop"], env=clean_env(home, LANG="nl_NL.UTF-8"),
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "toepassingenmenu" in done.stdout  # said in the user's language
    check_installed(home, f"{sys.executable} -m workshop %f")
    mimeapps = (config / "mimeapps.list").read_text(encoding="utf-8")
    assert "text/plain=gedit.desktop;" in mimeapps  # someone else's choice stays

    done = subprocess.run([*run, "--uninstall-desktop"], env=clean_env(home),
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not (home / ".local" / "share" / "applications" / "workshop.desktop").exists()
    assert not list((home / ".local" / "share" / "icons").rglob("*.svg"))
    assert xdg_mime(home, "filetype", "Zorg in de wijk – Ålesund.workshop") != (
        "application/x-workshop-session")
    assert (config / "mimeapps.list").read_text(encoding="utf-8") == (
        "[Default Applications]\ntext/plain=gedit.desktop;\n")


def test_a_program_path_with_spaces_and_accents_is_quoted_as_the_spec_wants(
        tmp_path: Path) -> None:
    require_tools()
    program = "/home/jörg ñúñez/Apps/Workshop $1 \"beta\"/app/workshop"
    entry = tmp_path / "workshop.desktop"
    entry.write_text(desktop.desktop_entry([program]), encoding="utf-8")
    validate(entry)
    assert ('Exec="/home/jörg ñúñez/Apps/Workshop \\\\$1 \\\\"beta\\\\"/app/workshop" %f'
            in entry.read_text(encoding="utf-8"))


def test_xdg_data_home_is_respected(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    written = desktop.install(["/opt/workshop/app/workshop"], env=env, run=lambda args: None)
    assert all(str(p).startswith(str(tmp_path / "data")) for p in written)
    assert (tmp_path / "config" / "mimeapps.list").is_file()
    assert not (tmp_path / "home").exists()
    assert len(desktop.uninstall(env=env, run=lambda args: None)) == len(written)


class _Registry:
    """The current user's registry as Windows keeps it: keys with named string values.

    Like Windows, deleting a key that still has subkeys fails, and so does deleting a
    key that is not there.
    """

    HKEY_CURRENT_USER = "HKCU"
    REG_SZ = 1

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, str]] = {}

    def CreateKey(self, root: str, key: str) -> contextlib.AbstractContextManager[str]:  # noqa: N802
        parts = key.split("\\")
        for n in range(1, len(parts) + 1):
            self.keys.setdefault(f"{root}\\" + "\\".join(parts[:n]), {})
        return contextlib.nullcontext(f"{root}\\{key}")

    def SetValueEx(self, handle: str, name: str, reserved: int, kind: int,  # noqa: N802
                   value: str) -> None:
        assert kind == self.REG_SZ and reserved == 0
        self.keys[handle][name] = value

    def DeleteKey(self, root: str, key: str) -> None:  # noqa: N802
        full = f"{root}\\{key}"
        if full not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        if any(k.startswith(full + "\\") for k in self.keys):
            raise PermissionError(5, "Access is denied")
        del self.keys[full]


def test_windows_registers_the_file_type_for_the_user(capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    registry = _Registry()
    registry.CreateKey("HKCU", "Software\\Classes\\.txt")  # someone else's, stays
    exe = "C:\\Users\\Jörg Ñúñez\\AppData\\Local\\Workshop\\app\\Workshop.exe"
    command = desktop.windows_command(exe.replace("Workshop.exe", "workshop-cli.exe"),
                                      frozen=True)
    assert command == [exe]  # the windowed program, also when the console one installs
    desktop.install_windows(command, registry)
    classes = "HKCU\\Software\\Classes"
    assert registry.keys[f"{classes}\\.workshop"] == {
        "": "Workshop.Session", "Content Type": "application/x-workshop-session"}
    assert registry.keys[f"{classes}\\Workshop.Session\\shell\\open\\command"] == {
        "": f'"{exe}" "%1"'}
    assert registry.keys[f"{classes}\\Workshop.Session\\DefaultIcon"] == {"": f'"{exe}",0'}

    assert desktop.run_command("uninstall", system="win32", registry=registry) == 0
    assert "6 registry keys" in capsys.readouterr().out
    assert sorted(registry.keys) == ["HKCU\\Software", classes, f"{classes}\\.txt"]


def test_windows_from_a_venv_opens_with_pythonw() -> None:
    assert desktop.windows_command("C:\\w\\.venv\\Scripts\\python.exe", frozen=False) == [
        "C:\\w\\.venv\\Scripts\\pythonw.exe", "-m", "workshop"]


def test_install_desktop_on_windows_says_what_it_did(capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    registry = _Registry()
    assert desktop.run_command("install", system="win32", registry=registry) == 0
    assert "A double-click on a .workshop file now opens Workshop (5 registry values" in (
        capsys.readouterr().out)


def test_install_desktop_on_macos_says_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    assert desktop.run_command("install", system="darwin") == 2
    assert "Workshop.app registers .workshop files itself" in capsys.readouterr().err
