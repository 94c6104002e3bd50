"""The built-in canvases, one per step of the meeting, registered on import.

To add a canvas (the diagnostics, say): write a ``Canvas`` subclass decorated with
``@register_canvas("name")`` in a module here and name both in ``BUILT_IN``.
``canvas_names()`` lists the meeting's steps first, then the others in the order they
registered.

Importing this package registers nothing: a canvas's module is imported when it is
first shown, so the start imports only the preparation's (the room's QR code alone
costs ~50 ms of imports: segno, urllib, ssl).
"""

from __future__ import annotations

from collections.abc import Callable

BUILT_IN: dict[str, str] = {
    # The meeting's steps, then the others in the order of the projector's menu.
    "preparation": "preparation", "ambition": "ambition", "interests": "interests",
    "principles": "agreements", "rules": "agreements", "organising": "organising",
    "roadmap": "roadmap", "signing": "signing",
    "commitments": "commitments", "scorecard": "commitments",
    "conditions": "diagnostics", "spectra": "diagnostics", "forms": "diagnostics",
    "conditions_change": "evaluation", "changes": "evaluation",
    "roadmap-by-owner": "roadmap", "room": "room",
}
"""Every built-in canvas and the module here that registers it (a test checks this
against what the modules register)."""


def register(name: str | None = None) -> None:
    """Register the built-in canvas ``name`` (imports its module); with no name, all."""
    modules = [BUILT_IN[name]] if name in BUILT_IN else dict.fromkeys(BUILT_IN.values())
    for module in modules:
        _IMPORTS[module]()


# One function a module, each importing it by name: the imports stay where a reader and
# the architecture test see them (no import of a computed name).
def _preparation() -> None:
    from workshop.ui.canvas.canvases import preparation  # noqa: F401


def _ambition() -> None:
    from workshop.ui.canvas.canvases import ambition  # noqa: F401


def _interests() -> None:
    from workshop.ui.canvas.canvases import interests  # noqa: F401


def _agreements() -> None:
    from workshop.ui.canvas.canvases import agreements  # noqa: F401


def _organising() -> None:
    from workshop.ui.canvas.canvases import organising  # noqa: F401


def _roadmap() -> None:
    from workshop.ui.canvas.canvases import roadmap  # noqa: F401


def _signing() -> None:
    from workshop.ui.canvas.canvases import signing  # noqa: F401


def _commitments() -> None:
    from workshop.ui.canvas.canvases import commitments  # noqa: F401


def _diagnostics() -> None:
    from workshop.ui.canvas.canvases import diagnostics  # noqa: F401


def _evaluation() -> None:
    from workshop.ui.canvas.canvases import evaluation  # noqa: F401


def _room() -> None:
    from workshop.ui.canvas.canvases import room  # noqa: F401


_IMPORTS: dict[str, Callable[[], None]] = {
    "preparation": _preparation,
    "ambition": _ambition,
    "interests": _interests,
    "agreements": _agreements,
    "organising": _organising,
    "roadmap": _roadmap,
    "signing": _signing,
    "commitments": _commitments,
    "diagnostics": _diagnostics,
    "evaluation": _evaluation,
    "room": _room,
}
