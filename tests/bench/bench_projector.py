"""Projector figure: from an edit to the projector window painted, on the large session.

Each sample is one facilitator edit (a card added to the ambition board through
``SessionDocument.edit``), then the event loop runs until the projector's scene shows
the card and the projector window has painted its 1920x1080 frame. The issue asks for
any change to show within 100 ms. The baseline, in the same run, is the same edit with
no projector following the document (what the edit itself costs).
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from run import (  # type: ignore[import-not-found]  # noqa: E402
    Context,
    Row,
    Samples,
    benchmark,
    rows,
)

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
    base = Samples.new()
    for i in range(N):
        base.measure(lambda i=i: (add(base_doc, i), QApplication.processEvents()))

    doc = document()
    projector = ProjectorController()
    projector.attach(doc)
    projector.set_shown(True)
    projector.window.resize(1920, 1080)
    app.processEvents()
    ours, share = Samples.new(), Samples.new()
    for i in range(N):
        started, started_cpu = time.perf_counter(), time.thread_time()
        text = add(doc, i)
        edited, edited_cpu = time.perf_counter(), time.thread_time()
        projector.set_highlight("ambition", f"k-bench-{i}")
        while not any(text in t for t in projector.scene.texts()):
            app.processEvents()
        projector.window.view.viewport().repaint()
        done, done_cpu = time.perf_counter(), time.thread_time()
        ours.wall.append(done - started)
        ours.cpu.append(done_cpu - started_cpu)
        share.wall.append(done - edited)
        share.cpu.append(done_cpu - edited_cpu)
    projector.close()
    return (rows("projector's part (edit done to frame painted)", share, GOAL)
            + rows("edit + projector frame (baseline: the edit alone)", ours, GOAL, base=base))
