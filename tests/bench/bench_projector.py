"""Projector figure: from an edit to the projector window painted, on the large session.

Each sample is one facilitator edit (a card added to the ambition board through
``SessionDocument.edit``), then the event loop runs until the projector's scene shows
the card and the projector window has painted its 1920x1080 frame. The issue asks for
any change to show within 100 ms. The baseline, in the same run, is the same edit with
no projector following the document (what the edit itself costs).
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from run import Context, Row, benchmark  # type: ignore[import-not-found]  # noqa: E402

N = 40
GOAL = 0.100


@benchmark("projector")
def _projector(ctx: Context) -> list[Row]:
    from PySide6.QtWidgets import QApplication

    from workshop.domain.model import Card, Step
    from workshop.ui.canvas.render import ensure_app
    from workshop.ui.document import SessionDocument
    from workshop.ui.projector import ProjectorController

    app = ensure_app()

    def document() -> SessionDocument:
        session = ctx.session.model_copy(deep=True)
        session.view.current_step = Step.AMBITION
        return SessionDocument(session, autosave=False)

    def add(doc: SessionDocument, i: int) -> str:
        text = f"Nieuw kaartje {i}"
        doc.edit("card", ("ambition",), lambda s: s.ambition.cards.insert(
            0, Card(id=f"k-bench-{i}", text=text)))
        return text

    base_doc = document()
    base = []
    for i in range(N):
        started = time.perf_counter()
        add(base_doc, i)
        QApplication.processEvents()
        base.append(time.perf_counter() - started)

    doc = document()
    projector = ProjectorController()
    projector.attach(doc)
    projector.set_shown(True)
    projector.window.resize(1920, 1080)
    app.processEvents()
    ours, share = [], []
    for i in range(N):
        started = time.perf_counter()
        text = add(doc, i)
        edited = time.perf_counter()
        projector.set_highlight("ambition", f"k-bench-{i}")
        while not any(text in t for t in projector.scene.texts()):
            app.processEvents()
        projector.window.view.viewport().repaint()
        done = time.perf_counter()
        ours.append(done - started)
        share.append(done - edited)
    projector.close()
    goal = f"< {GOAL * 1000:.0f} ms"
    return [
        Row(f"projector's part (edit done to frame painted), median of {N}",
            statistics.median(share), "s", goal=goal, ok=statistics.median(share) < GOAL),
        Row(f"projector's part, worst of {N}", max(share), "s", goal=goal,
            ok=max(share) < GOAL),
        Row(f"edit + projector frame, median of {N} (baseline: the edit alone)",
            statistics.median(ours), "s", baseline=statistics.median(base), goal=goal,
            ok=statistics.median(ours) < GOAL),
    ]
