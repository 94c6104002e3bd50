"""Diagnostics figures: the live charts after one score change, 40 participants, 2 moments.

Three figures, each median and worst of 100 changes to the large session (40
participants, two measurement moments, the second compared with the first):

- the workspace chart alone (``ConditionsChart.show_moment``: statistics + setData);
- the panel's refresh after a score change (the grid's cells and the chart), what the
  panel adds to every edit;
- the whole typed digit (goal: under 50 ms, as every edit): the edit through the document (snapshot,
  validation, and on a signed session the fingerprint before and after) plus the
  refresh. The document's part is shared by every edit of every page;
- the projector's canvas (``CanvasScene.update_session`` of the ``conditions`` canvas).

The baseline is pyqtgraph's own ``setData`` of the same number of points, the least a
chart update can cost.
"""

from __future__ import annotations

import os
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from run import (  # type: ignore[import-not-found]  # noqa: E402
    Context,
    Row,
    Samples,
    benchmark,
    rows,
)

N = 100
GOAL = 0.016


def _stats(name: str, samples: Samples, baseline: Samples | None = None,
           goal_s: float = GOAL) -> list[Row]:
    return rows(name, samples, goal_s, base=baseline)


@benchmark("diagnostics")
def _diagnostics(ctx: Context) -> list[Row]:
    import numpy as np

    from workshop.domain import diagnostics as dg
    from workshop.domain.model import Condition
    from workshop.storage.files import load_session, save_session
    from workshop.storage.lock import SessionLock
    from workshop.ui.app import application
    from workshop.ui.canvas.options import CanvasOptions
    from workshop.ui.canvas.scene import CanvasScene
    from workshop.ui.diagnostics.panel import DiagnosticsPanel
    from workshop.ui.document import SessionDocument

    app = application()  # as the app runs: its garbage collector's timers, not Python's
    path = ctx.tmp / "diagnostics-large.workshop"
    save_session(ctx.session, path)
    lock = SessionLock(path)
    lock.acquire()
    document = SessionDocument(load_session(path), path, lock=lock)
    session = document.session
    assert len(session.participants) == 40 and len(session.diagnostics.moments) == 2
    panel = DiagnosticsPanel(document)
    panel.resize(1366, 700)
    panel.show()
    app.processEvents()
    assert panel.compare_id is None
    panel.compare_box.setCurrentIndex(1)  # compare the latest moment with the first
    assert panel.compare_id is not None
    moment = panel.moment_id
    assert moment is not None
    people = [p.id for p in session.participants]
    conditions = list(Condition)

    def series(fn: Callable[[int], object], offset: int = 0) -> Samples:
        """N samples of ``fn(i + offset)`` and the repaint, after one to warm up."""
        out = Samples.new()
        for i in range(N + 1):
            out.measure(lambda i=i: (fn(i + offset), app.processEvents()), keep=i > 0)
        return out

    def change(i: int) -> None:
        """One score really changes (to the next value), a different cell each time."""
        pid, cond = people[(i * 7) % 40], conditions[i % 5]
        old = dg.scores_by_cell(session, moment).get((pid, cond))
        dg.set_score(session, moment, pid, cond, 1 + (old.score % 5 if old else 0))

    chart = panel.scan_chart

    def chart_only(i: int) -> None:
        change(i)
        chart.show_moment(session, moment, panel.compare_id)

    chart_times = series(chart_only)

    def refreshed(i: int) -> None:
        change(i + 1)
        panel._on_document_changed(frozenset({"diagnostics"}))

    refresh_times = series(refreshed)

    def typed(i: int) -> None:
        assert document.edit("Score", ("diagnostics",), lambda s: change(i + 2))

    edit_times = series(typed)

    scene = CanvasScene(session, "conditions", CanvasOptions(lang="nl"))

    def projected(i: int) -> None:
        change(i + 3)
        scene.update_session(session)

    canvas_times = series(projected)

    points = chart.points
    xs, ys = (np.array(a) for a in points.getData())
    base = series(lambda i: points.setData(x=xs, y=ys))
    panel.close()
    document.close()
    return (_stats("diagnostics chart after one score change (40 people, 2 moments)",
                   chart_times, base)
            + _stats("diagnostics panel refresh (grid + chart) after one score change",
                     refresh_times)
            + _stats("score typed: document edit + panel refresh (large signed session)",
                     edit_times, goal_s=0.05)
            + _stats("projector 'conditions' canvas after one score change", canvas_times))
