"""The built-in canvases, one per step of the meeting, registered on import.

To add a canvas (the diagnostics, say): write a ``Canvas`` subclass decorated with
``@register_canvas("name")`` in a module here and import it below. ``canvas_names()``
lists the meeting's steps first, then the others in the order they registered.
"""

from workshop.ui.canvas.canvases import (  # noqa: F401 (importing registers)
    agreements,
    ambition,
    commitments,
    diagnostics,
    evaluation,
    interests,
    organising,
    preparation,
    roadmap,
    room,
    signing,
)
