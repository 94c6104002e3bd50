"""How far a PDF export is, for a caller that shows it (the command line does).

A long session makes a long document: about 0.1 s a page, and 1,476 pages took over
two minutes. ``reporting(callback)`` around an export calls ``callback(pages, done)``
as reportlab lays the document out: the pages finished so far and the share of the
story laid out (0..1). Exports outside ``reporting`` pay nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from reportlab.platypus import BaseDocTemplate

Reporter = Callable[[int, float], None]
"""``reporter(pages_so_far, share_done)``."""

_current: ContextVar[Reporter | None] = ContextVar("workshop_export_progress", default=None)


@contextmanager
def reporting(reporter: Reporter) -> Iterator[None]:
    """Exports inside this block report their progress to ``reporter``."""
    token = _current.set(reporter)
    try:
        yield
    finally:
        _current.reset(token)


def follow(doc: BaseDocTemplate) -> None:
    """Report ``doc``'s build to the current reporter, if there is one."""
    reporter = _current.get()
    if reporter is None:
        return
    state = {"size": 1, "done": 0, "pages": 0}

    def on_progress(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            state["size"] = max(1, int(value))
            return
        if kind == "PROGRESS":
            state["done"] = int(value)
        elif kind == "PAGE":
            state["pages"] = int(value)
        elif kind == "FINISHED":
            state["done"] = state["size"]
        else:
            return
        finished = kind == "FINISHED"
        reporter(state["pages"], 1.0 if finished else min(0.99, state["done"] / state["size"]))

    doc.setProgressCallBack(on_progress)
