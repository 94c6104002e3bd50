"""The app's own small settings: recent sessions and the chosen language.

Kept as JSON in the private data folder, written atomically. A damaged settings file
is ignored (and replaced on the next write): settings are a convenience, never a
reason to refuse to start.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from workshop.storage import paths, platform
from workshop.storage.errors import SaveError

MAX_RECENT = 10
DEFAULT_RETENTION_MONTHS = 12
RETENTION_CHOICES = (1, 3, 6, 12, 24, 36, 60)
"""Months a backup is kept (the app offers these; the file may hold any 1..120)."""
SETTINGS_NAME = "settings.json"


def _settings_path() -> Path:
    return paths.data_folder() / SETTINGS_NAME


def load() -> dict[str, Any]:
    try:
        data = json.loads(_settings_path().read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(data: dict[str, Any]) -> None:
    """Best effort: a settings file that cannot be written is not worth an error."""
    # Here, not at the top: the window reads the settings before the session's models
    # (which ``files`` brings) are imported (``workshop.ui.startup``).
    from workshop.storage import files

    try:
        paths.ensure_private_dir(paths.data_folder())
        files.write_atomic(_settings_path(), json.dumps(data, indent=1).encode("utf-8"))
    except (OSError, SaveError):
        pass


def recent_sessions() -> list[Path]:
    """Recently opened sessions that still exist, newest first."""
    found = load().get("recent", [])
    if not isinstance(found, list):
        return []
    return [Path(p) for p in found if isinstance(p, str) and Path(p).is_file()][:MAX_RECENT]


def add_recent(path: Path) -> None:
    data = load()
    current = [p for p in data.get("recent", []) if isinstance(p, str)]
    resolved = str(Path(path).resolve())
    key = platform.path_key(resolved)  # C:\A.workshop and c:\a.workshop: one entry
    data["recent"] = [resolved] + [p for p in current
                                   if platform.path_key(p) != key][: MAX_RECENT - 1]
    save(data)


def language() -> str | None:
    value = load().get("language")
    return value if value in ("nl", "en") else None


def set_language(lang: str | None) -> None:
    data = load()
    data["language"] = lang
    save(data)


def backup_retention_months() -> int:
    """How long backups and recovery copies are kept, in months (default 12)."""
    value = load().get("backup_retention_months")
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 120:
        return value
    return DEFAULT_RETENTION_MONTHS


def set_backup_retention_months(months: int) -> None:
    if not 1 <= months <= 120:
        raise ValueError(f"retention of {months} months is out of range")
    data = load()
    data["backup_retention_months"] = months
    save(data)


def window_geometry() -> tuple[int, int, int, int, bool] | None:
    """The facilitator's window as last closed: x, y, width, height, maximised."""
    value = load().get("window")
    if (isinstance(value, list) and len(value) == 5
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value[:4])
            and isinstance(value[4], bool)):
        return value[0], value[1], value[2], value[3], value[4]
    return None


def set_window_geometry(x: int, y: int, width: int, height: int, maximised: bool) -> None:
    data = load()
    data["window"] = [x, y, width, height, maximised]
    save(data)
