"""Live canvases for the room: one per step of the meeting, drawn from the session.

The API others build on (imported lazily, so ``workshop.ui.canvas.cli`` stays free of
Qt for ``workshop check``):

- ``CanvasScene(session, canvas, options, size)``: the canvas as a QGraphicsScene;
  ``update_session(session)`` applies changes in place (only changed items are
  rebuilt), ``set_options``, ``set_canvas``, ``set_output_size``, ``set_page``,
  ``page``/``page_count`` and ``sig_pages_changed``. It never writes to the session.
- ``CanvasView``: the widget showing a scene scaled to fit (projector or preview).
- ``CanvasOptions``: theme, language, text scale, spotlight, highlight, timer, page...
- ``render_png``, ``render_svg``, ``render_image``: the same scene as a picture.
- ``canvas_names()``, ``register_canvas(name)``, ``Canvas``, ``Context``: the registry
  for adding canvases (the diagnostics).
- ``contrast_ratio``, ``THEMES``: the colours and their guarantee.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "CanvasOptions": "workshop.ui.canvas.options",
    "CanvasScene": "workshop.ui.canvas.scene",
    "Canvas": "workshop.ui.canvas.scene",
    "Context": "workshop.ui.canvas.scene",
    "LOGICAL_HEIGHT": "workshop.ui.canvas.scene",
    "canvas_names": "workshop.ui.canvas.scene",
    "canvas_for_step": "workshop.ui.canvas.scene",
    "register_canvas": "workshop.ui.canvas.scene",
    "CanvasView": "workshop.ui.canvas.view",
    "render_image": "workshop.ui.canvas.render",
    "render_png": "workshop.ui.canvas.render",
    "render_svg": "workshop.ui.canvas.render",
    "ensure_app": "workshop.ui.canvas.render",
    "THEMES": "workshop.ui.canvas.theme",
    "contrast_ratio": "workshop.ui.canvas.theme",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(module), name)
