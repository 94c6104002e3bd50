"""The standalone app: built by ``packaging/build.py``, unpacked into an empty folder and
run with nothing of this checkout around it (no venv on PATH, no PYTHONPATH, a home
folder of its own), as a facilitator's laptop without Python would run it.

Slow (it builds the bundle: a few minutes); ``.ci/run`` runs it. Linux only: the
archive is built and tested where the tests run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_desktop import check_installed, clean_env, require_tools

from workshop import __version__

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"),
                       reason="the archive is built for the platform the tests run on; "
                              "this test checks the Linux one"),
]
# The Qt modules the app imports; anything else in the bundle is weight for nothing.
QT_MODULES = {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPdf", "QtPdfWidgets",
              "QtPrintSupport", "QtNetwork"}


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the archive and unpack it into an empty folder; the unpacked app folder.

    ``WORKSHOP_BUNDLE_ARCHIVE=path.tar.gz`` tests an archive built before (a release's)
    instead of building one.
    """
    given = os.environ.get("WORKSHOP_BUNDLE_ARCHIVE")
    if given:
        archive = Path(given)
    else:
        work = tmp_path_factory.mktemp("bundle-build")
        done = subprocess.run(
            [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist",
             str(work / "dist"), "--work", str(work / "work")],
            capture_output=True, text=True, cwd=ROOT)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        print(done.stdout)  # the sizes and the build time, for the record (pytest -s)
        archive = work / "dist" / f"workshop-{__version__}-linux-x86_64.tar.gz"
    assert archive.is_file(), archive
    target = tmp_path_factory.mktemp("unpacked")
    assert list(target.iterdir()) == []
    with tarfile.open(archive) as tf:
        tf.extractall(target, filter="tar")
    (top,) = target.iterdir()
    assert top.name == f"workshop-{__version__}-linux-x86_64"
    return top


def run(bundle: Path, home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    home.mkdir(exist_ok=True)
    return subprocess.run([str(bundle / "workshop"), *args], cwd=bundle, capture_output=True,
                          text=True, timeout=300,
                          env=clean_env(home, QT_QPA_PLATFORM="offscreen", **extra))


def test_the_archive_holds_the_app_a_launcher_and_the_demo(bundle: Path) -> None:
    assert sorted(p.name for p in bundle.iterdir()) == [
        "README.txt", "app", "demo.workshop", "install.sh", "workshop"]
    internal = bundle / "app" / "_internal"
    resources = internal / "workshop" / "resources"
    for part in ("fonts/NotoSans-Regular.ttf", "fonts/OFL-Noto.txt", "translations/nl.json",
                 "templates/clauses.json", "icons/workshop.svg",
                 "desktop/workshop.desktop.in"):
        assert (resources / part).is_file(), part
    assert not (resources / "screenshots").exists()
    modules = {p.name.split(".")[0] for p in (internal / "PySide6").glob("Qt*.so")}
    assert modules == QT_MODULES
    # Of Qt's own translations only the Dutch of its standard dialogs (Annuleren, Opslaan)
    assert [p.name for p in internal.rglob("*.qm")] == ["qtbase_nl.qm"]
    assert not list(internal.rglob("*qgtk3*")) and not list(internal.rglob("libgtk*"))


def test_the_commands_run_without_python(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = run(bundle, home, "--version")
    assert (done.returncode, done.stdout.strip()) == (0, f"workshop {__version__}")

    done = run(bundle, home, "check", "demo.workshop")
    assert done.returncode == 0, done.stderr
    assert "“demo.workshop” is a valid session." in done.stdout
    assert "Samen gezond ouder worden in de Waalzoom" in done.stdout

    out = tmp_path / "out"
    out.mkdir()
    agreement, roadmap = out / "afspraken.pdf", out / "routekaart.pdf"
    done = run(bundle, home, "export", "demo.workshop", "--agreement", str(agreement),
               "--roadmap", str(roadmap))
    assert done.returncode == 0, done.stderr
    text = "".join(page.extract_text() for page in PdfReader(agreement).pages)
    assert "Samen gezond ouder worden in de Waalzoom" in text
    assert "De ondergetekenden" in text and "Overwegingen" in text  # the bundled catalogue
    assert "Waalzoom" in "".join(page.extract_text() for page in PdfReader(roadmap).pages)
    for pdf in (agreement, roadmap):
        done = run(bundle, home, "verify", str(pdf), "demo.workshop")
        assert done.returncode == 0, done.stdout + done.stderr
        assert "identical to the PDF, byte for byte" in done.stdout

    picture = out / "ambitie.png"
    done = run(bundle, home, "render", "demo.workshop", "--canvas", "ambition", "--out",
               str(picture), "--size", "1280x720")
    assert done.returncode == 0, done.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1280, 720)
    assert len({image.pixel(x, y) for x in range(0, 1280, 40) for y in range(0, 720, 40)}) > 5


def test_the_app_shows_its_main_window_and_quits_cleanly(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = run(bundle, home, "demo.workshop", WORKSHOP_QUIT_AFTER_SHOW="1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("shown: Samen gezond ouder worden in de Waalzoom")
    assert "visible=True" in done.stdout
    assert done.stderr == ""
    assert not (bundle / ".demo.workshop.lock").exists()  # closed cleanly: lock released


def test_install_script_registers_the_bundle_with_the_desktop(bundle: Path,
                                                              tmp_path: Path) -> None:
    require_tools()
    home = tmp_path / "home"
    home.mkdir()
    done = subprocess.run([str(bundle / "install.sh")], env=clean_env(home),
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    check_installed(home, f"{bundle / 'app' / 'workshop'} %f")
    done = subprocess.run([str(bundle / "install.sh"), "--uninstall"], env=clean_env(home),
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert not (home / ".local" / "share" / "applications" / "workshop.desktop").exists()


def test_the_bundle_serves_the_room_from_a_process_of_its_own(bundle: Path,
                                                              tmp_path: Path) -> None:
    """The room's server is the bundle's own executable with ``--room-server`` (no
    Python to run ``-m`` with): it listens, serves the phone page and stops when told."""
    import json
    import urllib.request

    home = tmp_path / "home"
    home.mkdir()
    server = subprocess.Popen([str(bundle / "workshop"), "--room-server"], cwd=bundle,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              env=clean_env(home, QT_QPA_PLATFORM="offscreen"))
    try:
        assert server.stdin is not None and server.stdout is not None
        server.stdin.write(json.dumps({"t": "start", "host": "127.0.0.1", "port": 0}) + "\n")
        server.stdin.flush()
        ready = json.loads(server.stdout.readline())
        assert ready["t"] == "ready" and len(ready["token"]) >= 32
        with urllib.request.urlopen(f"http://127.0.0.1:{ready['port']}/", timeout=10) as page:
            assert b"phone.js" in page.read()
        server.stdin.write(json.dumps({"t": "stop"}) + "\n")
        server.stdin.flush()
        assert server.wait(20) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait(10)
        for pipe in (server.stdin, server.stdout):
            if pipe is not None:
                pipe.close()
