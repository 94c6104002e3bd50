"""Progress of ``workshop export`` on stderr: a line that updates itself on a terminal,
a line every few seconds in a log (``--progress`` with stderr not a terminal).

stdout keeps only the results ("Wrote the agreement to …"), so scripts that read it
see the same output with or without progress.
"""

from __future__ import annotations

import time
from typing import TextIO

from workshop.i18n import tr


class ProgressLine:
    """``reporter(pages, done)`` for ``workshop.export.progress.reporting``."""

    def __init__(self, stream: TextIO, what: str, *, terminal: bool,
                 clock: object = time.monotonic) -> None:
        self._stream = stream
        self._what = what
        self._terminal = terminal
        self._clock = clock
        self._every = 0.1 if terminal else 5.0
        self._last: float | None = None
        self._shown = False
        self._text = ""

    def __call__(self, pages: int, done: float) -> None:
        now: float = self._clock()  # type: ignore[operator]
        if self._last is not None and now - self._last < self._every and done < 1.0:
            return
        text = tr("{what}: {percent} % laid out, page {pages}", what=self._what,
                  percent=int(done * 100), pages=pages)
        if text == self._text:
            return
        self._last, self._text = now, text
        if self._terminal:
            self._stream.write("\r\x1b[2K" + text)
        else:
            self._stream.write(text + "\n")
        self._stream.flush()
        self._shown = True

    def close(self) -> None:
        """End the updating line, so what follows starts on a line of its own."""
        if self._terminal and self._shown:
            self._stream.write("\r\x1b[2K")
            self._stream.flush()
