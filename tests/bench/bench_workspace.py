"""Workspace figures: step switches and edits with the large session open; app start.

Edits go through the document (the path every widget takes) and include the refresh
of every page, which the main window runs synchronously on each change.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from run import (  # type: ignore[import-not-found]  # noqa: E402
    ROOT,
    Context,
    Row,
    Samples,
    benchmark,
    prepared,
    rows,
)

N = 100
ROUNDS = int(os.environ.get("WORKSHOP_BENCH_START_ROUNDS", "7"))


@benchmark("workspace")
def _workspace(ctx: Context) -> list[Row]:

    from workshop.domain.model import Card, ConsentRecord, Decision, Session, Step, new_id
    from workshop.storage.files import load_session, save_session
    from workshop.storage.lock import SessionLock
    from workshop.ui.app import application
    from workshop.ui.document import SessionDocument
    from workshop.ui.gc_policy import settle_garbage
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
    prepared(document)  # and 2 s after

    def series(fns: object) -> Samples:
        out = Samples.new()
        for fn in fns:  # type: ignore[attr-defined]
            out.measure(lambda fn=fn: (fn(), app.processEvents()))
        return out

    # A page and its canvas are built on the step's first visit: that is its own figure,
    # taken turn by turn of the event loop (the window reacts between two turns).
    turn, shown, whole = Samples.new(), Samples.new(), Samples.new()
    for step in STEPS[1:]:
        turns = visit_turns(app, lambda step=step: window.go_to(step))
        longest = max(range(len(turns.wall)), key=lambda i: turns.cpu[i])
        turn.wall.append(turns.wall[longest])
        turn.cpu.append(turns.cpu[longest])
        for bucket, upto in ((shown, 2), (whole, len(turns))):
            bucket.wall.append(sum(turns.wall[:upto]))
            bucket.cpu.append(sum(turns.cpu[:upto]))
    switches = series(lambda i=i: window.go_to(STEPS[i % len(STEPS)]) for i in range(N))
    window.go_to(Step.AMBITION)

    def add_card(s: Session) -> None:
        s.ambition.cards.append(Card(id=new_id("card"), text="Nog een kaart met wat tekst"))

    cards = series(lambda: document.edit("Add card", ("ambition.cards",), add_card)
                   for _ in range(N))
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

    consents = series(lambda i=i: decide(i) for i in range(N))
    window.close()
    document.close()
    return (rows("first visit of a step (large session): its longest turn of the event "
                 "loop", turn, 0.3)
            + rows("first visit of a step: the page painted (the visit and the next turn)",
                   shown)
            + rows("first visit of a step: until the projector shows it too (all turns)",
                   whole)
            + rows("switch step (large session)", switches, 0.05)
            + rows("add a card + refresh (large)", cards, 0.05)
            + rows("consent decision + refresh (large)", consents, 0.05))


def visit_turns(app: object, visit: Callable[[], object], quiet: int = 3) -> Samples:
    """``visit`` (as a click runs it: one turn of the event loop), then each turn of the
    event loop after it (one ``processEvents``: the work due then, and the paint), until
    ``quiet`` turns in a row do next to nothing."""
    turns = Samples.new()
    turns.measure(visit)
    idle = 0
    while idle < quiet and len(turns) < 40:
        turns.measure(app.processEvents)  # type: ignore[attr-defined]
        idle = idle + 1 if turns.cpu[-1] < 0.002 else 0
    return turns


_BARE = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1366, 768); w.show(); app.processEvents()
print(time.perf_counter() - t0)
"""

START_BEFORE_ENV = "WORKSHOP_BENCH_START_BEFORE"
"""A checkout of an older Workshop (``git worktree add /tmp/old main``, or ``git archive``):
its start is measured in the same run, interleaved, as "before"."""


@benchmark("start")
def _start(ctx: Context) -> list[Row]:
    """The real start, ``python -m workshop demo.workshop``, as a double-click runs it:
    command line, single instance, settings, lock, recovery check, window, session.
    Quit at two moments (``WORKSHOP_QUIT_AFTER_SHOW``): the window shown (the session is
    read in the next turn of the event loop) and the demo shown in it, painted."""
    import shutil

    demo = ctx.tmp / "start-demo.workshop"
    shutil.copy(ROOT / "sessions" / "demo.workshop", demo)
    # As installed (pip writes the bytecode): compiled once, outside the source tree. With
    # PYTHONDONTWRITEBYTECODE every start would compile the app's modules again.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "WORKSHOP_DATA_DIR": str(ctx.tmp / "data"),
           "PYTHONPYCACHEPREFIX": str(ctx.tmp / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPATH", None)  # each tree's own workshop: `-m` looks in the cwd first

    def run(args: list[str], cwd: Path = ROOT, **extra: str) -> tuple[float, float]:
        """Wall time of the process, and its CPU time (user + system)."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        out = subprocess.run([sys.executable, *args], capture_output=True, cwd=cwd,
                             text=True, env={**env, **extra}, timeout=120, check=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if extra and not out.stdout.startswith("shown:"):
            raise RuntimeError(f"the app did not show its window: {out.stdout}{out.stderr}")
        return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    app = ["-m", "workshop", str(demo)]
    kinds: dict[str, tuple[list[str], Path, dict[str, str]]] = {
        "bare": (["-c", _BARE], ROOT, {}),
        "window": (app, ROOT, {"WORKSHOP_QUIT_AFTER_SHOW": "window"}),
        "loaded": (app, ROOT, {"WORKSHOP_QUIT_AFTER_SHOW": "1"}),
    }
    old = os.environ.get(START_BEFORE_ENV)
    if old:  # an older tree shows the window with the session in it (no "window" moment)
        kinds["before"] = (app, Path(old), {"WORKSHOP_QUIT_AFTER_SHOW": "1"})
    samples = {kind: Samples.new(process=True) for kind in kinds}
    for args, cwd, extra in kinds.values():
        run(args, cwd, **extra)  # warm-up: bytecode written, files in the OS cache
    for _ in range(ROUNDS):  # interleaved, so the load of a shared machine falls on both
        for kind, (args, cwd, extra) in kinds.items():
            wall, cpu = run(args, cwd, **extra)
            samples[kind].wall.append(wall)
            samples[kind].cpu.append(cpu)
    bare = samples["bare"]
    goal = "<= 1.5x a bare PySide6 window"
    names = {"window": "app start to the main window shown (process)",
             "loaded": "app start to main window with the demo (process)",
             "before": f"before ({old}): main window with the demo (process)"}
    out: list[Row] = []
    for kind, name in names.items():
        if kind not in samples:
            continue
        ours = samples[kind]
        out += rows(name, ours, base=bare, goal=goal,
                    within=lambda o, b: b is not None and o <= 1.5 * b)
        (_, cpu_med), (_, base_cpu) = ours.median(), bare.median()
        (_, cpu_worst), (_, base_worst) = ours.worst(), bare.worst()
        out.append(Row(f"{name}: CPU time, median of {ROUNDS}", cpu_med, "s",
                       baseline=base_cpu, goal=goal, ok=cpu_med <= 1.5 * base_cpu,
                       cpu=cpu_med))
        out.append(Row(f"{name}: CPU time, worst of {ROUNDS}", cpu_worst, "s",
                       baseline=base_worst, goal=goal, ok=cpu_worst <= 1.5 * base_worst,
                       cpu=cpu_worst))
    return out
