"""Live canvases for the room: one per step of the meeting, drawn from the session.

The API others build on, each imported from its own module (this package imports
nothing, so ``workshop.ui.canvas.cli`` stays free of Qt for ``workshop check``):

- ``scene.CanvasScene(session, canvas, options, size)``: the canvas as a QGraphicsScene;
  ``update_session(session)`` applies changes in place (only changed items are
  rebuilt), ``set_options``, ``set_canvas``, ``set_output_size``, ``set_page``,
  ``page``/``page_count`` and ``sig_pages_changed``. It never writes to the session.
- ``view.CanvasView``: the widget showing a scene scaled to fit (projector or preview).
- ``options.CanvasOptions``: theme, language, text scale, spotlight, highlight, timer, page...
- ``render.render_png``, ``render_svg``, ``render_image``: the same scene as a picture.
- ``scene.canvas_names()``, ``register_canvas(name)``, ``Canvas``, ``Context``: the registry
  for adding canvases (the diagnostics).
- ``theme.contrast_ratio``, ``THEMES``: the colours and their guarantee.
"""
