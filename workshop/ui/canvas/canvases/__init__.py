"""The built-in canvases, one per step of the meeting, registered on import.

To add a canvas (the diagnostics, say): write a ``Canvas`` subclass decorated with
``@register_canvas("name")`` in a module here and name it in ``MODULES``.
``canvas_names()`` lists the meeting's steps first, then the others in the order they
registered.

Importing this package registers nothing: the projector's first canvas (the
preparation) is imported on its own at start, the others when first shown or listed
(the room's QR code alone costs ~50 ms of imports: segno, urllib, ssl).
"""

from __future__ import annotations

from importlib import import_module

MODULES = ("agreements", "ambition", "commitments", "diagnostics", "evaluation",
           "interests", "organising", "preparation", "roadmap", "room", "signing")


def register(name: str | None = None) -> None:
    """Register the canvas ``name`` (imports the module of that name, if there is
    one); with no name, every built-in canvas."""
    if name in MODULES:
        import_module(f"{__name__}.{name}")
        return
    for module in MODULES:
        import_module(f"{__name__}.{module}")
