"""Where Workshop keeps its files, via platformdirs.

New sessions default to ``documents_folder()``; backups and recovery copies live in
``data_folder()``. ``WORKSHOP_DATA_DIR`` and ``WORKSHOP_DOCUMENTS_DIR`` override the
two roots (tests and CI set them so they never touch a real user's folders).

Nothing here creates a folder; callers call ``ensure_private_dir`` just before they
write, so that merely starting the app leaves no traces.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from workshop.storage import platform

APP_NAME = "Workshop"
DATA_DIR_ENV = "WORKSHOP_DATA_DIR"
DOCUMENTS_DIR_ENV = "WORKSHOP_DOCUMENTS_DIR"
PRIVATE_DIR_MODE = 0o700


def _override(variable: str) -> Path | None:
    value = os.environ.get(variable, "").strip()
    return Path(value).expanduser() if value else None


def documents_folder() -> Path:
    """Default folder for new sessions: the user's documents folder / "Workshop"."""
    override = _override(DOCUMENTS_DIR_ENV)
    if override is not None:
        return override
    try:
        found = platformdirs.user_documents_dir()
    except Exception:  # noqa: BLE001 - a broken profile must not stop a new session
        found = ""
    return Path(platform.documents_dir(found, str(Path.home()))) / APP_NAME


def data_folder() -> Path:
    """The app's private data folder (backups, recovery copies)."""
    override = _override(DATA_DIR_ENV)
    if override is not None:
        return override
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def backups_folder() -> Path:
    return data_folder() / "backups"


def recovery_folder() -> Path:
    return data_folder() / "recovery"


def ensure_private_dir(path: Path | str) -> Path:
    """Create ``path`` (and missing parents) owner-only (0o700); return it.

    Folders that already exist keep their permissions, except that a folder this
    function created earlier is simply found again. Raises ``OSError`` on failure.
    """
    path = Path(path)
    missing: list[Path] = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            continue  # created concurrently by another process
        platform.restrict_path(folder, PRIVATE_DIR_MODE)  # mkdir's mode is masked by the umask
    if not path.is_dir():
        raise NotADirectoryError(f"{path} exists and is not a folder")
    return path


def default_pdf_paths(session_path: Path, lang: str) -> tuple[Path, Path]:
    """Beside the session, named after it and in the PDFs' language:
    ``NAME-agreement.pdf`` and ``NAME-roadmap.pdf``, or in Dutch
    ``NAME-samenwerkingsafspraken.pdf`` and ``NAME-routekaart.pdf``."""
    stem = session_path.stem
    agreement, roadmap = (("samenwerkingsafspraken", "routekaart") if lang == "nl"
                          else ("agreement", "roadmap"))
    return (session_path.with_name(f"{stem}-{agreement}.pdf"),
            session_path.with_name(f"{stem}-{roadmap}.pdf"))
