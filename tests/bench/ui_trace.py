"""What the UI thread did in its worst gaps: a profile per heartbeat interval.

``WORKSHOP_BENCH_TRACE=5`` makes the room benchmark's heartbeat keep a ``cProfile`` of
each interval between two of its ticks (the UI thread only: cProfile follows the thread
that enables it) and the garbage collections in it, and print the worst five intervals
with the functions that took their time. The profiler slows the thread down (every
Python call is counted), so the traced figures are not the benchmark's figures: a traced
run says *where* the time goes, an untraced run says how much there is.
"""

from __future__ import annotations

import cProfile
import gc
import io
import pstats
import sys
import time
from dataclasses import dataclass, field


@dataclass
class Gap:
    wall: float
    cpu: float
    label: str
    gcs: list[tuple[int, float]] = field(default_factory=list)
    profile: str = ""


class UiTrace:
    """Keeps the ``keep`` worst intervals between ``tick()`` calls, with a profile each."""

    def __init__(self, keep: int = 5, lines: int = 14) -> None:
        self.keep = keep
        self.lines = lines
        self.worst: list[Gap] = []
        self.label = ""
        self._profile: cProfile.Profile | None = None
        self._gcs: list[tuple[int, float]] = []
        self._gc_started = 0.0

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            self._gcs.append((info.get("generation", -1),
                              time.perf_counter() - self._gc_started))

    def start(self) -> None:
        gc.callbacks.append(self._on_gc)
        self._begin()

    def _begin(self) -> None:
        self._gcs = []
        self._profile = cProfile.Profile()
        self._profile.enable()

    def tick(self, wall: float, cpu: float) -> None:
        """An interval ended after ``wall`` seconds (``cpu`` of the thread's own time)."""
        profile = self._profile
        if profile is None:
            return
        profile.disable()
        if len(self.worst) < self.keep or wall > self.worst[-1].wall:
            out = io.StringIO()
            stats = pstats.Stats(profile, stream=out)
            stats.sort_stats("cumulative").print_stats(self.lines)
            text = out.getvalue()
            body = text[text.find("ncalls"):] if "ncalls" in text else text
            self.worst.append(Gap(wall, cpu, self.label, list(self._gcs), body))
            self.worst.sort(key=lambda g: -g.wall)
            del self.worst[self.keep:]
        self._begin()

    def stop(self) -> None:
        if self._profile is not None:
            self._profile.disable()
            self._profile = None
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)

    def report(self, stream: object = None) -> None:
        out = stream or sys.stderr
        for n, gap in enumerate(self.worst, 1):
            gcs = ", ".join(f"gen{g} {d * 1000:.1f} ms" for g, d in gap.gcs) or "none"
            print(f"\n=== worst UI-thread gap {n} ({gap.label}): wall {gap.wall * 1000:.1f} ms,"
                  f" CPU {gap.cpu * 1000:.1f} ms; garbage collections: {gcs}", file=out)
            print(gap.profile, file=out)


class LightTrace(UiTrace):
    """The same worst intervals, without a profiler: only the named functions are timed
    (wall and the thread's CPU), so the figures stay close to an untraced run."""

    WATCHED = (
        "workshop.ui.room.bridge:RoomBridge._process",
    "workshop.ui.room.server_process:ServerProcess._read",
    "workshop.ui.room.server_process:ServerProcess.send",
        "workshop.ui.room.bridge:RoomBridge.publish",
        "workshop.ui.room.bridge:RoomBridge._on_arrived",
        "workshop.ui.room.bridge:RoomBridge._on_watch",
        "workshop.ui.document:SessionDocument.edit",
        "workshop.ui.document:SessionDocument._on_index_changed",
        "workshop.ui.document:SessionDocument._on_tick",
        "workshop.ui.document:SessionDocument._freeze",
        "workshop.ui.main_window:MainWindow._on_document_changed",
        "workshop.ui.projector:ProjectorController._apply_session",
        "workshop.ui.room.panel:RoomWindow.refresh",
        "workshop.ui.pages.ambition.board:AmbitionBoard.refresh",
        "workshop.ui.pages.ambition.cards:CardDelegate.sizeHint",
        "workshop.ui.pages.ambition.cards:CardDelegate.paint",
        "workshop.ui.canvas.tile:Tile.paint",
        "workshop.ui.gc_policy:settle_garbage",
        "workshop.ui.gc_policy:sweep_garbage",
    )

    def __init__(self, keep: int = 5, lines: int = 14) -> None:
        super().__init__(keep, lines)
        self._calls: dict[str, list[float]] = {}
        self._depth = 0
        self._active = False
        if not getattr(LightTrace, "_wrapped", False):
            LightTrace._wrapped = True  # type: ignore[attr-defined]
            for spec in self.WATCHED:
                self._wrap(spec)

    @staticmethod
    def _wrap(spec: str) -> None:
        import functools
        import importlib

        module_name, qualname = spec.split(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            return
        *owner_path, name = qualname.split(".")
        owner: object = module
        for part in owner_path:
            owner = getattr(owner, part, None)
            if owner is None:
                return
        original = getattr(owner, name, None)
        if original is None:
            return

        @functools.wraps(original)
        def timed(*args: object, **kwargs: object) -> object:
            trace = LightTrace.current
            if trace is None or not trace._active:
                return original(*args, **kwargs)
            wall, cpu = time.perf_counter(), time.thread_time()
            trace._depth += 1
            try:
                return original(*args, **kwargs)
            finally:
                trace._depth -= 1
                entry = trace._calls.setdefault(qualname, [0, 0.0, 0.0])
                entry[0] += 1
                entry[1] += time.perf_counter() - wall
                entry[2] += time.thread_time() - cpu

        setattr(owner, name, timed)

    current: LightTrace | None = None

    def _count_events(self) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication

        trace = self

        class Counter(QObject):
            def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802
                if trace._active:
                    kind = event.type()  # type: ignore[attr-defined]
                    trace._events[kind] = trace._events.get(kind, 0) + 1
                    if kind == QEvent.Type.Paint:  # which widgets paint
                        parent = watched.parent()  # type: ignore[attr-defined]
                        name = (f"Paint {type(parent).__name__}/{type(watched).__name__}"
                                if parent is not None else f"Paint {type(watched).__name__}")
                        trace._events[name] = trace._events.get(name, 0) + 1
                return False

        self._events: dict[QEvent.Type, int] = {}
        self._counter = Counter()
        QApplication.instance().installEventFilter(self._counter)  # type: ignore

    def start(self) -> None:
        if not hasattr(self, "_counter"):
            self._count_events()
        LightTrace.current = self
        gc.callbacks.append(self._on_gc)
        self._active = True
        self._calls = {}
        self._gcs = []

    def _begin(self) -> None:
        self._gcs = []
        self._calls = {}
        self._events = {}

    def tick(self, wall: float, cpu: float) -> None:
        if not self._active:
            return
        if len(self.worst) < self.keep or wall > self.worst[-1].wall:
            rows = sorted(self._calls.items(), key=lambda kv: -kv[1][1])
            body = "\n".join(f"  {name:<45} x{n:<4} wall {w * 1000:7.1f} ms  CPU "
                             f"{c * 1000:7.1f} ms" for name, (n, w, c) in rows)
            events = sorted(self._events.items(), key=lambda kv: -kv[1])[:20]
            body += "\n  events: " + ", ".join(f"{getattr(k, 'name', k)} x{n}"
                                               for k, n in events)
            self.worst.append(Gap(wall, cpu, self.label, list(self._gcs), body))
            self.worst.sort(key=lambda g: -g.wall)
            del self.worst[self.keep:]
        self._begin()

    def stop(self) -> None:
        self._active = False
        LightTrace.current = None
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)
