"""The one way the UI runs a domain operation: ``try_edit``.

``try_edit(document, label, op, *args)`` hands ``document.edit`` the areas the
operation declares (``workshop.domain.operations``) and the change, and turns a refusal
into a message: the problems ``EditRejected`` carries are already in the user's
language; ``report`` says where the first one is shown (the status line, a message
label), and ``on_rejected`` lets a caller do more with them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workshop.domain.operations import Operation
from workshop.ui.document import EditRejected, SessionDocument


def first_problem(exc: EditRejected) -> str:
    """What to tell the user about a refused edit (one line, translated)."""
    return exc.problems[0] if exc.problems else str(exc)


def try_edit(document: SessionDocument, label: str, op: Operation[Any, Any], *args: Any,
             merge_key: str | None = None, report: Callable[[str], None] | None = None,
             on_rejected: Callable[[EditRejected], None] | None = None,
             **kwargs: Any) -> bool:
    """Apply ``op(session, *args, **kwargs)`` as one undoable edit named ``label``.

    True when it changed the session; False when it changed nothing or was refused (the
    session is then as it was, and ``report`` gets the reason).
    """
    try:
        return document.edit(label, op.areas(*args, **kwargs), op.bound(*args, **kwargs),
                             merge_key)
    except EditRejected as exc:
        if report is not None:
            report(first_problem(exc))
        if on_rejected is not None:
            on_rejected(exc)
        return False
