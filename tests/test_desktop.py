"""``workshop --install-desktop``: a valid menu entry and a file type the desktop knows.

Checked with the desktop's own tools in a throwaway home: ``desktop-file-validate``
(Debian ``desktop-file-utils``) and ``xdg-mime`` (``xdg-utils``, with
``shared-mime-info``). ``.ci/run`` installs them when it can.
"""

from __future__ import annotations

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
    missing = [f"{tool} (Debian: {package})" for tool, package in TOOLS.items()
               if shutil.which(tool) is None]
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


def test_install_desktop_says_what_to_do_elsewhere(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert desktop.run_command("install") == 2
    assert "Open with" in capsys.readouterr().err
