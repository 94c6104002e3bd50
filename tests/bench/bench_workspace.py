"""Workspace figures: step switches and edits with the large session open; app start.

Edits go through the document (the path every widget takes) and include the refresh
of every page, which the main window runs synchronously on each change.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from run import ROOT, Context, Row, benchmark  # type: ignore[import-not-found]  # noqa: E402

N = 100


def _stats(name: str, samples: list[float], goal_s: float) -> list[Row]:
    median, worst = statistics.median(samples), max(samples)
    return [Row(f"{name}, median of {len(samples)}", median, "s", goal=f"< {goal_s * 1000:.0f} ms",
                ok=median < goal_s),
            Row(f"{name}, worst of {len(samples)}", worst, "s", goal=f"< {goal_s * 1000:.0f} ms",
                ok=worst < goal_s)]


@benchmark("workspace")
def _workspace(ctx: Context) -> list[Row]:

    from workshop.domain.model import Card, ConsentRecord, Decision, Session, Step, new_id
    from workshop.storage.files import load_session, save_session
    from workshop.storage.lock import SessionLock
    from workshop.ui.app import application, settle_garbage
    from workshop.ui.document import SessionDocument
    from workshop.ui.main_window import STEPS, MainWindow

    app = application()  # as the app runs: its fonts and its garbage collector settings
    path = ctx.tmp / "workspace-large.workshop"
    save_session(ctx.session, path)
    lock = SessionLock(path)
    lock.acquire()
    document = SessionDocument(load_session(path), path, lock=lock)
    window = MainWindow(document)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    settle_garbage()  # what the app does 5 s after opening

    def timed(fn: object) -> float:
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        app.processEvents()
        return time.perf_counter() - start

    # A page and its canvas are built on the step's first visit: that is its own figure.
    first = [timed(lambda step=step: window.go_to(step)) for step in STEPS[1:]]
    switches = [timed(lambda i=i: window.go_to(STEPS[i % len(STEPS)])) for i in range(N)]
    window.go_to(Step.AMBITION)

    def add_card(s: Session) -> None:
        s.ambition.cards.append(Card(id=new_id("card"), text="Nog een kaart met wat tekst"))

    cards = [timed(lambda: document.edit("Add card", ("ambition.cards",), add_card))
             for _ in range(N)]
    window.go_to(Step.PRINCIPLES)
    subject = document.session.principles[0].id
    people = [p.id for p in document.session.participants if p.present]
    decisions = [Decision.CONSENT, Decision.CONCERN]

    def decide(i: int) -> None:
        def mutate(s: Session) -> None:
            pid = people[i % len(people)]
            s.consents[:] = [r for r in s.consents
                             if not (r.subject_id == subject and r.participant_id == pid)]
            s.consents.append(ConsentRecord(subject_id=subject, participant_id=pid,
                                            decision=decisions[i % 2]))
        document.edit("Consent", ("consents",), mutate)

    consents = [timed(lambda i=i: decide(i)) for i in range(N)]
    window.close()
    document.close()
    return (_stats("first visit of a step (page built), large session", first, 0.5)
            + _stats("switch step (large session)", switches, 0.05)
            + _stats("add a card + refresh (large)", cards, 0.05)
            + _stats("consent decision + refresh (large)", consents, 0.05))


_BARE = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1366, 768); w.show(); app.processEvents()
print(time.perf_counter() - t0)
"""

_APP = """
import time, sys
t0 = time.perf_counter()
from pathlib import Path
from workshop.ui.app import application
from workshop.ui.main_window import MainWindow
from workshop.ui.session_files import open_document
app = application()
w = MainWindow(); w.show()
w.set_document(open_document(w, Path(sys.argv[1]), ask=False)); app.processEvents()
print(time.perf_counter() - t0)
w.close()
"""


@benchmark("start")
def _start(ctx: Context) -> list[Row]:
    import shutil

    demo = ctx.tmp / "start-demo.workshop"
    shutil.copy(ROOT / "sessions" / "demo.workshop", demo)
    # As installed (pip writes the bytecode): compiled once, outside the source tree. With
    # PYTHONDONTWRITEBYTECODE every start would compile the app's modules again.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "WORKSHOP_DATA_DIR": str(ctx.tmp / "data"),
           "PYTHONPYCACHEPREFIX": str(ctx.tmp / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)

    def run(code: str, *args: str) -> float:
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                             text=True, env=env, timeout=120, check=True)
        wall = time.perf_counter() - start
        float(out.stdout.strip().splitlines()[-1])  # the process reached the shown window
        return wall

    run(_BARE)  # warm-up: bytecode written, files in the OS cache
    run(_APP, str(demo))
    bare = statistics.median(run(_BARE) for _ in range(5))
    ours = statistics.median(run(_APP, str(demo)) for _ in range(5))
    return [Row("app start to main window with the demo (process, median of 5)", ours, "s",
                baseline=bare, goal="<= 1.5x a bare PySide6 window", ok=ours <= 1.5 * bare)]
