"""Keeps PySide6 6.12.0 on Python 3.11 from crashing a long meeting.

In that combination every call of a Qt method that returns nothing (``setPos``,
``setPen``, ``drawText``...) gives back ``None`` without counting the reference, so
after a few thousand calls Python frees ``None`` and aborts ("none_dealloc"). 6.11
does not do this, and from Python 3.12 ``None`` is immortal, so there it is harmless.
A projector repainting a board makes thousands of such calls a minute, so the canvases
give ``None`` a practically endless count on the affected versions (what 3.12 does
for every program). The same release also drops a reference to ``True``/``False``
on every ``Signal.emit()`` from Python ("bool_dealloc" after a few hundred edits),
so they get the same endless count. ``workshop.ui`` applies it once, on its import.
Better still, once a fixed release is out: require ``pyside6-essentials != 6.12.0``
(6.12 is the first with QtPdf in its own ``pyside6-pdf`` package, which the preview
needs, and ``pyside6-pdf`` 6.12.0 is the only release of it so far).
"""

from __future__ import annotations

import ctypes
import sys

_PLENTY = 1 << 48


def guard_none_refcount() -> bool:
    """Apply the guard where it is needed; True if it was applied."""
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return False  # None is immortal, or a debug build keeps its own books
    try:
        import PySide6
    except ImportError:
        return False  # the command line's Qt-free parts, where Qt cannot load

    if tuple(PySide6.__version_info__[:2]) != (6, 12):
        return False
    for immortal in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(immortal))
        if count.value < _PLENTY:
            count.value += _PLENTY
    return True
