"""The garbage collector's policy for the app, in one place.

Python's collector runs in the middle of whatever allocates: on the large session an
edit (its snapshots, its refreshes) allocates enough to set off young and sometimes
full collections inside the edit, 20-80 ms of the UI thread that nobody asked for
(tests/bench: workspace, soak). Nearly every object is freed by reference counting
anyway; the collector is only needed for reference cycles. So the app:

- turns automatic collection off and collects the young generations itself every
  ``YOUNG_MS`` from the event loop, between edits, when they are few (a walk of at
  most ``YOUNG_WALK_LIMIT`` objects, under a millisecond); more young objects are
  settled instead (below): they are what the last second's edits or a new page kept,
  alive (in the soak's 2,000 edits, ~50 walks of ~10,000 young objects found no
  garbage at all, at 3-9 ms each);
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


YOUNG_WALK_LIMIT = 2_000
"""More young objects than this: settle them instead of walking them (a walk of
10,000 objects is 3-9 ms of the UI thread; of 200,000, after a page is built, ~50)."""


def young_objects() -> int:
    """How many objects the two young generations hold. (Not ``gc.get_count()[0]``:
    that counts allocations less *any* deallocation, also of settled objects; in the
    soak it said ~500 when the youngest generation held ~10,000.)"""
    return len(gc.get_objects(0)) + len(gc.get_objects(1))


def collect_young() -> None:
    """Collect the two young generations (what was allocated since the last time) when
    they are few, or settle them (they are the new page's or the edits', alive)."""
    if young_objects() > YOUNG_WALK_LIMIT:
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
