"""``must(x)``: a Qt getter's result where the code has made sure it exists.

PySide6's type stubs declare most getters optional (``QTableWidget.item`` may return
None, ``QWidget.layout`` may too). Where the widget was built so that the object is
there (a row filled a line above, the layout set in ``__init__``), ``must`` says so once
and fails loudly if the assumption ever breaks, instead of a ``type: ignore`` that
would hide it.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def must(value: T | None) -> T:
    """``value``, which the caller knows is there; RuntimeError when it is not."""
    if value is None:
        raise RuntimeError("a Qt object the widget relies on is missing")
    return value
