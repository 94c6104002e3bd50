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

from importlib import import_module

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
        import_module(f"{__name__}.{module}")
