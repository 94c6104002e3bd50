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


class Heartbeat:
    """Ticks every 2 ms on the UI thread; the largest gap is the worst block.

    Two clocks: the wall clock (what the facilitator feels, including time the
    operating system gave to other programs) and the UI thread's own CPU time (the
    work the app did on that thread between two ticks, whatever the machine's load).
    """

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.worst = self.worst_cpu = 0.0
        self._last = self._last_cpu = 0.0
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.worst = self.worst_cpu = 0.0
        self._last, self._last_cpu = time.perf_counter(), time.thread_time()
        self.timer.start()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.worst = max(self.worst, now - self._last)
        self.worst_cpu = max(self.worst_cpu, cpu - self._last_cpu)
        self._last, self._last_cpu = now, cpu

    def stop(self) -> tuple[float, float]:
        self.timer.stop()
        return self.worst, self.worst_cpu


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
    from workshop.ui.app import calm_garbage_collector, settle_garbage
    from workshop.ui.canvas.render import ensure_app

    app = ensure_app()
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
    app.processEvents()
    settle_garbage()
    latencies = []
    beat.start()
    for i in range(TAPS):
        text = f"Tik {i} van de telefoon"
        started = time.perf_counter()
        answer = in_thread(phones[i % len(phones)].send, key,  # type: ignore[attr-defined]
                           {"kind": "add_card", "text": text})
        while text not in controller.scene.all_texts():
            app.processEvents()
            if answer.done() and answer.result()[1].get("status") != "ok":
                raise RuntimeError(answer.result())
        controller.window.view.viewport().repaint()
        latencies.append(time.perf_counter() - started)
        while not answer.done():
            app.processEvents()
    tap_block = beat.stop()
    panel.shutdown()  # type: ignore[attr-defined]
    window.close()  # type: ignore[attr-defined]
    controller.close()

    # --- forty phones at once ---------------------------------------------------------
    crowd = Session(participants=[Participant(id=f"p{i:02d}", name=f"Deelnemer {i}")
                                  for i in range(40)])
    crowd.view.current_step = Step.AMBITION
    window, panel = _window(ctx, crowd, "room-load")
    controller = window.projector_controls.controller  # type: ignore[attr-defined]
    phones = _phones(panel, [p.id for p in crowd.participants])

    def wave(key: str, kind: str, cards: list[str] | None = None) -> tuple[float, int]:
        job = json.dumps({"port": panel.bridge.server.port, "key": key,  # type: ignore
                          "devices": [ph.device for ph in phones],  # type: ignore
                          "wave": kind, "cards": cards or []})
        settle_garbage()
        beat.start()
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name(
            "room_phones.py"))], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(job)
        proc.stdin.close()
        while proc.poll() is None:
            app.processEvents()
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
