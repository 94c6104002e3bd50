"""The only errors storage lets out: each names the file and says what the user can do.

Storage does not know who reads the error: it keeps the message id and its fields
(``message_id``, ``params``), and the reader says it in its own language with
``text(lang)`` and ``details(lang)`` (the app in its language, the command line in
its own). ``str(error)`` is the English text, for logs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workshop.i18n import Language, Message, say, tr


class SessionFileError(Exception):
    """Base of every error about a session file."""

    def __init__(self, path: Path | str, message: Message | str,
                 problems: Sequence[Message | str] | None = None):
        self.path = Path(path)
        self.message = message if isinstance(message, Message) else Message(message)
        self.problems: list[Message | str] = list(problems or [])
        super().__init__(self.message.text("en"))

    @property
    def message_id(self) -> str:
        return self.message.id

    @property
    def params(self) -> dict[str, object]:
        return self.message.params

    def text(self, lang: Language) -> str:
        """The message in ``lang``."""
        return self.message.text(lang)

    def problem_texts(self, lang: Language) -> list[str]:
        """The problems in ``lang``."""
        return [say(problem, lang) for problem in self.problems]

    def first_problem(self, lang: Language) -> str:
        """The first problem, or the message if there is none (for a short notice)."""
        return say(self.problems[0], lang) if self.problems else self.text(lang)

    def details(self, lang: Language) -> str:
        """The message with the problems under it, for a dialog or the terminal."""
        lines = [self.text(lang)] + [f"  - {p}" for p in self.problem_texts(lang)]
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
            Message(
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

    ``kind`` is ``disk_full``, ``read_only`` or ``other`` and ``reason`` why the system
    refused (a ``Message`` for the common cases, else the system's own words), so that
    each surface (a window, the command line) can say it in its own way: the message
    itself speaks to the app's user ("use Save as").
    """

    def __init__(self, path: Path | str, message: Message | str,
                 problems: Sequence[Message | str] | None = None, *, kind: str = "other",
                 reason: Message | str = ""):
        super().__init__(path, message, problems)
        self.kind = kind
        self.reason = reason

    def said_for(self, lang: Language, disk_full: str, read_only: str, other: str) -> str:
        """The failure in ``lang`` in the words of one surface (a window, a command): its
        own sentence for a full disk, for a read-only folder (each with ``{path}``), and
        for any other reason (with ``{path}`` and ``{reason}``); all marked with ``N_``."""
        if self.kind == "disk_full":
            return tr(disk_full, lang, path=self.path)
        if self.kind == "read_only":
            return tr(read_only, lang, path=self.path)
        reason = say(self.reason, lang) if self.reason else self.text(lang)
        return tr(other, lang, path=self.path, reason=reason)


class LockedError(SessionFileError):
    """Another Workshop holds this session open.

    ``can_take_over``: the holder is on another computer or its process has ended (a
    reused process id), so the user may take the session over; ``reason`` says which
    (see ``workshop.storage.lock``).
    """

    def __init__(self, path: Path | str, message: Message | str, holder: dict[str, object],
                 *, can_take_over: bool = False, reason: str = ""):
        self.holder = holder
        self.can_take_over = can_take_over
        self.reason = reason
        super().__init__(path, message)
