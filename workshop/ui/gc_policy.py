"""The garbage collector's policy for the app, in one place.

Python's collector runs in the middle of whatever allocates: on the large session an
edit (its snapshots, its refreshes) allocates enough to set off young and sometimes
full collections inside the edit, 20-80 ms of the UI thread that nobody asked for
(tests/bench: workspace, soak). Nearly every object is freed by reference counting
anyway; the collector is only needed for reference cycles. So the app:

- turns automatic collection off and collects the young generations itself every
  ``YOUNG_MS`` from the event loop, between edits (what is young then is what the last
  second allocated and kept: a few ms at most), or settles them when a page was just
  built (many objects, alive);
- moves everything alive out of the collector's sight every ``SETTLE_MS``
  (``gc.freeze``: it moves lists, it walks nothing), so no pass walks the session;
- looks at everything once every ``SWEEP_MS`` (a full pass), for cycles that became
  garbage after they were settled.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

YOUNG_MS = 1_000
SETTLE_MS = 5_000
SWEEP_MS = 10 * 60_000


YOUNG_LIMIT = 20_000
"""More young objects than this (a page or a canvas was just built, a session loaded):
settle them instead of walking them (a walk of 200,000 objects is ~50 ms)."""


def collect_young() -> None:
    """Collect the two young generations (what was allocated since the last time), or
    settle them when there are many (they are the new page's, alive, not garbage)."""
    if gc.get_count()[0] > YOUNG_LIMIT:
        gc.freeze()
    else:
        gc.collect(1)


def settle_garbage() -> None:
    """Move every object alive now out of the garbage collector's sight (``gc.freeze``).

    A full collection walks every object: with a large session (1,000 cards and its
    undo history) that is ~35 ms, two dropped frames on the projector in the middle of a
    drag. After this, a full pass only walks what is newer; objects freed by reference
    counting (nearly all) are freed as before. Cheap: it moves lists, it walks nothing.
    """
    gc.freeze()


def sweep_garbage() -> None:
    """Look at everything again once (one full pass), then settle."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def calm_garbage_collector(app: QObject) -> None:
    """Collect from the event loop instead of inside edits (see the module's text);
    the benchmarks run the same timers."""
    if getattr(app, "_workshop_gc_timers", None):
        return
    gc.disable()
    timers = []
    for interval, action in ((YOUNG_MS, collect_young), (SETTLE_MS, settle_garbage),
                             (SWEEP_MS, sweep_garbage)):
        timer = QTimer(app)
        timer.setInterval(interval)
        timer.timeout.connect(action)
        timer.start()
        timers.append(timer)
    app._workshop_gc_timers = timers  # type: ignore[attr-defined]
