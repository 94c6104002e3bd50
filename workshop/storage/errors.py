"""The only errors storage lets out: each names the file and says what the user can do.

``str(error)`` is the message in the current language; ``problems`` lists details.
"""

from __future__ import annotations

from pathlib import Path

from workshop.i18n import tr


class SessionFileError(Exception):
    """Base of every error about a session file."""

    def __init__(self, path: Path | str, message: str, problems: list[str] | None = None):
        self.path = Path(path)
        self.problems = list(problems or [])
        super().__init__(message)

    def details(self) -> str:
        """The message with the problems under it, for a dialog or the terminal."""
        lines = [str(self)] + [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


class FileUnreadableError(SessionFileError):
    """Missing, a folder, or no permission to read."""


class NotASessionError(SessionFileError):
    """Readable, but not a Workshop session (another program's file)."""


class CorruptSessionError(SessionFileError):
    """A session file that is damaged: truncated, not valid JSON, or bad encoding."""


class NewerVersionError(SessionFileError):
    """Written by a newer Workshop; opening it here could lose data."""

    def __init__(self, path: Path | str, found: int, supported: int):
        self.found = found
        self.supported = supported
        super().__init__(
            path,
            tr(
                "“{path}” was saved by a newer version of Workshop (file format {found}; "
                "this version reads up to {supported}). Update Workshop to open it; "
                "the file has not been changed.",
                path=path, found=found, supported=supported,
            ),
        )


class InvalidSessionError(SessionFileError):
    """Valid JSON with a session marker, but content that breaks the model's rules."""


class SaveError(SessionFileError):
    """Saving failed; the previous file on disk is intact.

    ``kind`` is ``disk_full``, ``read_only`` or ``other`` and ``reason`` the system's
    words, so that each surface (a window, the command line) can say it in its own way:
    the message itself speaks to the app's user ("use Save as").
    """

    def __init__(self, path: Path | str, message: str, problems: list[str] | None = None,
                 *, kind: str = "other", reason: str = ""):
        super().__init__(path, message, problems)
        self.kind = kind
        self.reason = reason


class LockedError(SessionFileError):
    """Another Workshop holds this session open.

    ``can_take_over``: the holder is on another computer or its process has ended (a
    reused process id), so the user may take the session over; ``reason`` says which
    (see ``workshop.storage.lock``).
    """

    def __init__(self, path: Path | str, message: str, holder: dict[str, object],
                 *, can_take_over: bool = False, reason: str = ""):
        self.holder = holder
        self.can_take_over = can_take_over
        self.reason = reason
        super().__init__(path, message)
