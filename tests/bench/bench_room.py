"""Room figures: a tap on a phone to the projector's frame, and forty phones at once.

Simulated phones (plain HTTP over loopback, ``tests/ui/room/room_client.py``) talk to
the real server of the real app window (facilitator's window, room panel, projector
shown at 1920x1080, autosave on). A heartbeat timer on the UI thread measures how long
the window could not react: the worst gap between its ticks.

- Tap to frame: the phone sends a card; the clock stops when the projector's scene
  shows it and its window has painted. Median and worst of 100 (goal < 300 ms).
- Forty phones (in a process of their own, ``room_phones.py``, as real phones do not
  share the app's interpreter): each adds 10 cards, gives 3 dots and scores the five
  conditions, all at once. Answers per second, and the worst UI-thread block (< 50 ms).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from run import Context, Row, benchmark  # type: ignore[import-not-found]  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui" / "room"))

TAPS = 100
LATENCY_GOAL = 0.300
BLOCK_GOAL = 0.050


TRACE = int(os.environ.get("WORKSHOP_BENCH_TRACE", "0") or 0)
"""``WORKSHOP_BENCH_TRACE=5``: print what the UI thread did in its 5 worst gaps of each
phase (a profile per gap, ``ui_trace.py``) and the timeline of the 5 slowest taps."""


class Heartbeat:
    """Ticks every 2 ms on the UI thread; the largest gap is the worst block.

    Two clocks: the wall clock (what the facilitator feels, including time the
    operating system gave to other programs) and the UI thread's own CPU time (the
    work the app did on that thread between two ticks, whatever the machine's load).
    """

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.worst = self.worst_cpu = 0.0
        self._last = self._last_cpu = 0.0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._tick)
        self.trace: object = None

    def start(self, label: str = "") -> None:
        self.worst = self.worst_cpu = 0.0
        if TRACE and os.environ.get("WORKSHOP_BENCH_TRACE_MODE") != "taps":
            from ui_trace import LightTrace, UiTrace  # type: ignore[import-not-found]

            light = os.environ.get("WORKSHOP_BENCH_TRACE_MODE") == "light"
            self.trace = (LightTrace if light else UiTrace)(TRACE)
            self.trace.label = label  # type: ignore[attr-defined]
            self.trace.start()  # type: ignore[attr-defined]
        self._last, self._last_cpu = time.perf_counter(), time.thread_time()
        self.timer.start()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.worst = max(self.worst, now - self._last)
        self.worst_cpu = max(self.worst_cpu, cpu - self._last_cpu)
        if self.trace is not None:
            self.trace.tick(now - self._last, cpu - self._last_cpu)  # type: ignore
        self._last, self._last_cpu = time.perf_counter(), time.thread_time()

    def stop(self) -> tuple[float, float]:
        self.timer.stop()
        if self.trace is not None:
            self.trace.stop()  # type: ignore[attr-defined]
            self.trace.report()  # type: ignore[attr-defined]
            self.trace = None
        return self.worst, self.worst_cpu


def settle(app: object) -> None:
    """Let deferred deletions and pending layouts run before a measurement starts."""
    from PySide6.QtCore import QEvent

    for _ in range(3):
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # type: ignore
        app.processEvents()  # type: ignore[attr-defined]
    deadline = time.perf_counter() + 0.3
    while time.perf_counter() < deadline:
        app.processEvents()  # type: ignore[attr-defined]


def wait_until(done: object, poll_ms: int = 1) -> None:
    """Run the UI thread's event loop (idle between events, as the app's is) until
    ``done()`` is true; ``done`` is asked every ``poll_ms`` and after each paint."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    if done():  # type: ignore[operator]
        return
    loop = QEventLoop()
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(poll_ms)
    timer.timeout.connect(lambda: loop.quit() if done() else None)  # type: ignore
    timer.start()
    loop.exec()
    timer.stop()


class FrameWatch:
    """Notes when the projector's viewport paints, and whether the scene then holds a
    text: the clock of a tap stops at the first paint of a frame with the new card."""

    def __init__(self, controller: object) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.controller = controller
        self.wanted = ""
        self.painted_at = 0.0
        self.paints = 0
        paint = QEvent.Type.Paint

        class Filter(QObject):
            def eventFilter(inner, obj: object, event: object) -> bool:  # noqa: N802,N805
                if event.type() == paint and self.wanted and not self.painted_at:  # type: ignore
                    self.paints += 1
                    # the scene as it is painted now (this paint draws what it holds);
                    # the tiles' given texts, not the wrapped ones: a cheap look, so the
                    # watch itself costs the UI thread little
                    wanted = self.wanted
                    if any(run.text == wanted for tile in controller.scene.all_tiles()  # type: ignore
                           for run in tile.spec.runs):
                        self.painted_at = -1.0  # stamped when the paint has returned
                return False

        self.filter = Filter()
        controller.window.view.viewport().installEventFilter(self.filter)  # type: ignore

    def expect(self, text: str) -> None:
        self.wanted, self.painted_at, self.paints = text, 0.0, 0

    def done(self) -> bool:
        if self.painted_at < 0:
            self.painted_at = time.perf_counter()
        return self.painted_at > 0


def _window(ctx: Context, session: object, name: str) -> tuple[object, object]:
    from room_client import Phone  # type: ignore[import-not-found]  # noqa: F401

    from workshop.storage.files import load_session, save_session
    from workshop.storage.lock import SessionLock
    from workshop.ui.document import SessionDocument
    from workshop.ui.main_window import MainWindow
    from workshop.ui.room.panel import show_room

    path = ctx.tmp / f"{name}.workshop"
    save_session(session, path)  # type: ignore[arg-type]
    lock = SessionLock(path)
    lock.acquire()
    window = MainWindow(SessionDocument(load_session(path), path, lock=lock))
    window.show()
    controller = window.projector_controls.controller
    controller.set_shown(True)
    controller.window.resize(1920, 1080)
    panel = show_room(window)
    assert panel is not None
    panel.interface_box.addItem("lo", "127.0.0.1")
    panel.interface_box.setCurrentIndex(panel.interface_box.count() - 1)
    panel.open_button.click()
    return window, panel


def _phones(panel: object, participant_ids: list[str]) -> list[object]:
    from room_client import Phone  # type: ignore[import-not-found]

    phones = []
    for pid in participant_ids:
        phone = Phone(panel.bridge.server.port)  # type: ignore[attr-defined]
        assert phone.join(token=panel.bridge.registry.join_token) == 200  # type: ignore
        assert phone.bind(pid)[0] == 200
        phones.append(phone)
    return phones


def _choose(panel: object, kind: str) -> str:
    box = panel.kind_box  # type: ignore[attr-defined]
    box.setCurrentIndex(box.findData(kind))
    return panel.bridge.activity.key  # type: ignore[attr-defined,no-any-return]


@benchmark("room")
def _room(ctx: Context) -> list[Row]:
    from PySide6.QtWidgets import QApplication
    from room_client import in_thread  # type: ignore[import-not-found]

    from workshop.domain.model import Participant, Session, Step
    from workshop.ui.canvas.render import ensure_app
    from workshop.ui.gc_policy import calm_garbage_collector, settle_garbage

    app = ensure_app()
    if TRACE and os.environ.get("WORKSHOP_BENCH_TRACE_MODE") == "light":
        from ui_trace import LightTrace  # type: ignore[import-not-found]

        LightTrace(0)  # wraps the watched functions before any window exists
    calm_garbage_collector(app)  # as the app does: settle every 5 s
    beat = Heartbeat()

    # --- tap to projector frame, on the large session (1,000 cards on the wall) ---------
    session = ctx.session.model_copy(deep=True)
    session.view.current_step = Step.AMBITION
    window, panel = _window(ctx, session, "room-latency")
    controller = window.projector_controls.controller  # type: ignore[attr-defined]
    ids = [p.id for p in session.participants if p.present][:40]
    phones = _phones(panel, ids)
    key = _choose(panel, "cards")
    settle(app)
    settle_garbage()
    latencies: list[float] = []
    tap_cpu: list[float] = []
    """The UI thread's own CPU time from the send to the frame (what the tap would take
    on a machine nobody else uses, apart from the server's thread)."""
    timelines: list[tuple[float, dict[str, float]]] = []
    marks: dict[str, float] = {}
    document = window.document  # type: ignore[attr-defined]
    panel.bridge._sig_arrived.connect(  # type: ignore[attr-defined]
        lambda _job: marks.setdefault("arrived on the UI thread", time.perf_counter()))
    document.sig_changed.connect(
        lambda _areas: marks.setdefault("edit done", time.perf_counter()))
    controller.scene.changed.connect(
        lambda _rects: marks.setdefault("projector scene changed", time.perf_counter()))
    frames = FrameWatch(controller)
    tap_trace = None
    if TRACE and os.environ.get("WORKSHOP_BENCH_TRACE_MODE") == "taps":
        from ui_trace import UiTrace  # type: ignore[import-not-found]

        tap_trace = UiTrace(TRACE, lines=30)  # a profile of each tap, the worst kept
        tap_trace.label = "tap"
        tap_trace.start()
    beat.start("taps")
    for i in range(TAPS):
        text = f"Tik {i} van de telefoon"
        frames.expect(text)
        marks.clear()
        started, started_cpu = time.perf_counter(), time.thread_time()
        answer = in_thread(phones[i % len(phones)].send, key,  # type: ignore[attr-defined]
                           {"kind": "add_card", "text": text})

        def shown(answer: object = answer) -> bool:
            if answer.done() and answer.result()[1].get("status") != "ok":  # type: ignore
                raise RuntimeError(answer.result())  # type: ignore[attr-defined]
            return frames.done()

        wait_until(shown)
        latencies.append(frames.painted_at - started)
        tap_cpu.append(time.thread_time() - started_cpu)
        if tap_trace is not None:
            tap_trace.tick(tap_cpu[-1], tap_cpu[-1])  # the worst by the UI thread's CPU
        marks["frame painted"] = frames.painted_at
        timelines.append((latencies[-1], {k: v - started for k, v in marks.items()}))
        wait_until(answer.done)
    tap_block = beat.stop()
    if tap_trace is not None:
        tap_trace.stop()
        tap_trace.report()
    if TRACE:
        for n, (took, marked) in enumerate(sorted(timelines, key=lambda t: -t[0])[:TRACE]):
            steps = ", ".join(f"{k} {v * 1000:.1f}" for k, v in
                              sorted(marked.items(), key=lambda kv: kv[1]))
            print(f"slow tap {n + 1}: {took * 1000:.1f} ms ({steps})", file=sys.stderr)
    panel.shutdown()  # type: ignore[attr-defined]
    window.close()  # type: ignore[attr-defined]
    controller.close()
    settle(app)  # the first window's teardown is not the forty phones' to pay

    # --- forty phones at once ---------------------------------------------------------
    crowd = Session(participants=[Participant(id=f"p{i:02d}", name=f"Deelnemer {i}")
                                  for i in range(40)])
    crowd.view.current_step = Step.AMBITION
    window, panel = _window(ctx, crowd, "room-load")
    controller = window.projector_controls.controller  # type: ignore[attr-defined]
    phones = _phones(panel, [p.id for p in crowd.participants])
    settle(app)

    def wave(key: str, kind: str, cards: list[str] | None = None) -> tuple[float, int]:
        job = json.dumps({"port": panel.bridge.server.port, "key": key,  # type: ignore
                          "devices": [ph.device for ph in phones],  # type: ignore
                          "wave": kind, "cards": cards or []})
        settle_garbage()
        beat.start(kind)
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name(
            "room_phones.py"))], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(job)
        proc.stdin.close()
        wait_until(lambda: proc.poll() is not None, 5)
        elapsed = time.perf_counter() - started
        answers = json.loads(proc.stdout.read())
        assert answers and set(answers) == {"ok"}, answers[:5]
        return elapsed, len(answers)

    t_cards, n_cards = wave(_choose(panel, "cards"), "cards")
    block_cards = beat.stop()
    card_ids = [c.id for c in window.document.session.ambition.cards]  # type: ignore
    t_dots, n_dots = wave(_choose(panel, "dots"), "dots", card_ids)
    block_dots = beat.stop()
    t_scan, n_scan = wave(_choose(panel, "scan"), "scan")
    block_scan = beat.stop()
    document = window.document  # type: ignore[attr-defined]
    exact = (len(document.session.ambition.cards) == 400
             and sum(v.dots for v in document.session.ambition.votes) == 120
             and len(document.session.diagnostics.scores) == 200)
    panel.shutdown()  # type: ignore[attr-defined]
    window.close()  # type: ignore[attr-defined]
    controller.close()
    QApplication.processEvents()

    total = n_cards + n_dots + n_scan
    elapsed = t_cards + t_dots + t_scan
    waves = {"cards": block_cards, "dots": block_dots, "scan": block_scan}
    worst_wall = max(b[0] for b in waves.values())
    worst_cpu = max(b[1] for b in waves.values())
    lat_goal = f"< {LATENCY_GOAL * 1000:.0f} ms"
    block_goal = f"< {BLOCK_GOAL * 1000:.0f} ms"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rows = [
        Row(f"tap on a phone to projector frame (1,000-card wall), median of {TAPS}",
            statistics.median(latencies), "s", goal=lat_goal,
            ok=statistics.median(latencies) < LATENCY_GOAL),
        Row(f"tap on a phone to projector frame, worst of {TAPS}", max(latencies), "s",
            goal=lat_goal, ok=max(latencies) < LATENCY_GOAL),
        Row(f"tap to frame: the UI thread's CPU time in it, median of {TAPS}",
            statistics.median(tap_cpu), "s"),
        Row(f"tap to frame: the UI thread's CPU time in it, worst of {TAPS}", max(tap_cpu),
            "s"),
        Row("worst UI-thread block during the taps, wall clock (autosave included)",
            tap_block[0], "s"),
        Row("worst UI-thread block during the taps, UI thread's CPU time", tap_block[1],
            "s"),
        Row("40 phones at once: answers applied per second (400 cards, 120 dots, "
            "200 scores)", total / elapsed, "answers/s"),
        Row("40 phones: every answer in the session exactly once", float(exact), "yes=1",
            goal="1", ok=exact),
    ]
    for name, (wall, cpu) in waves.items():
        rows.append(Row(f"40 phones, {name} wave: worst UI-thread block, wall clock", wall,
                        "s"))
        rows.append(Row(f"40 phones, {name} wave: worst UI-thread block, its CPU time", cpu,
                        "s", goal=block_goal, ok=cpu < BLOCK_GOAL))
    rows.append(Row("40 phones: worst UI-thread block overall, wall clock", worst_wall, "s",
                    goal=block_goal, ok=worst_wall < BLOCK_GOAL))
    rows.append(Row("40 phones: worst UI-thread block overall, CPU time", worst_cpu, "s",
                    goal=block_goal, ok=worst_cpu < BLOCK_GOAL))
    rows.append(Row("machine load (1-minute load average) during the run", load, "load"))
    return rows
