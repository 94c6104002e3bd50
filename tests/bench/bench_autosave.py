"""Autosave figure: what a save costs the UI thread on the large session.

Before: the UI thread serialised, wrote and fsynced the whole file (``save_session``).
Now: it takes a frozen snapshot (``files.snapshot``) and hands it to the save worker;
serialising, writing, fsync and backups happen there. Same run, same session, 20 saves.
"""

from __future__ import annotations

import json
import statistics
import threading
import time
from collections.abc import Callable

from run import Context, Row, benchmark  # type: ignore[import-not-found]

N = 20


def _longest_stall(save: Callable[[], object]) -> float:
    """The longest the main thread waits between two 1 ms steps while ``save`` runs on
    another thread (the GIL: a C call that holds it stalls the window)."""
    done = threading.Event()

    def run() -> None:
        for _ in range(3):
            save()
        done.set()

    thread = threading.Thread(target=run)
    worst = 0.0
    last = time.perf_counter()
    thread.start()
    while not done.is_set():
        time.sleep(0.001)
        now = time.perf_counter()
        worst = max(worst, now - last - 0.001)
        last = now
    thread.join()
    return worst


def _incremental(ctx: Context) -> tuple[list[float], list[float], list[float]]:
    """The document's own snapshot after one edit: only the touched fields are dumped;
    and the worker's encoding of it: only the changed fields are encoded."""
    from workshop.domain.model import Card, Session
    from workshop.storage import files
    from workshop.ui.canvas.render import ensure_app
    from workshop.ui.document import SessionDocument

    ensure_app()
    document = SessionDocument(ctx.session.model_copy(deep=True), autosave=False)
    encoder = files.SnapshotEncoder()
    encoder.dumps(document._freeze())
    typing: list[float] = []
    cards: list[float] = []
    encoding: list[float] = []
    for i in range(N):
        def retext(s: Session, i: int = i) -> None:
            s.principles[0].text = f"{s.principles[0].text[:60]} {i}"

        def add(s: Session, i: int = i) -> None:
            s.ambition.cards.append(Card(id=f"c-bench-{i}", text=f"kaart {i}"))

        for mutate, areas, out in ((retext, ("principles",), typing),
                                   (add, ("ambition.cards",), cards)):
            document.edit("bench", areas, mutate)
            start = time.perf_counter()
            frozen = document._freeze()
            out.append(time.perf_counter() - start)
            start = time.perf_counter()
            encoder.dumps(frozen)
            encoding.append(time.perf_counter() - start)
    return typing, cards, encoding


@benchmark("autosave")
def _autosave(ctx: Context) -> list[Row]:
    from workshop.storage import files
    from workshop.storage.autosave import Autosaver, SaveWorker

    session = ctx.session
    path = ctx.tmp / "autosave-bench.workshop"

    inline: list[float] = []
    for _ in range(N):
        start = time.perf_counter()
        files.save_session(session, path)
        inline.append(time.perf_counter() - start)

    worker = SaveWorker()
    saver = Autosaver(path, lambda: session, worker=worker, delay_s=0, max_delay_s=0)
    handed: list[float] = []
    on_worker: list[float] = []
    for _ in range(N):
        saver.changed()
        start = time.perf_counter()
        saver.tick()  # the UI thread's part: snapshot and hand over
        handed.append(time.perf_counter() - start)
        saver.wait()
        on_worker.append(time.perf_counter() - start)
    frozen = files.snapshot(session)  # taken on the UI thread: not part of the stall
    stall = _longest_stall(lambda: files.save_snapshot(frozen, path))
    whole = _longest_stall(lambda: files.write_atomic(path, (json.dumps(
        frozen, ensure_ascii=False, separators=(",", ":")) + "\n").encode()))
    worker.close()
    assert files.load_session(path) == session
    typing, cards, encoding = _incremental(ctx)
    return [
        Row("autosave, large session: worker's encoding after one edit (only changed "
            "fields), median (baseline: encoding all)", statistics.median(encoding), "s",
            baseline=statistics.median(on_worker)),
        Row("autosave, large session: UI thread per save after typing in a principle "
            "(incremental snapshot), median", statistics.median(typing), "s",
            baseline=statistics.median(handed)),
        Row("autosave, large session: UI thread per save after typing in a principle "
            "(incremental snapshot), worst of 20", max(typing), "s",
            baseline=max(handed), goal="< 16 ms", ok=max(typing) < 0.016),
        Row("autosave, large session: UI thread per save after adding a card "
            "(incremental snapshot), median", statistics.median(cards), "s",
            baseline=statistics.median(handed)),
        Row("autosave, large session: UI thread per save after adding a card "
            "(incremental snapshot), worst of 20", max(cards), "s",
            baseline=max(handed), goal="< 16 ms", ok=max(cards) < 0.016),
        Row("autosave, large session: longest UI-thread stall while the worker saves "
            "(baseline: serialised in one call)", stall, "s", baseline=whole,
            goal="< 16 ms", ok=stall < 0.016),
        Row("autosave, large session: UI thread per save, whole snapshot (an explicit "
            "save, closing), median", statistics.median(handed),
            "s", baseline=statistics.median(inline), goal="< 50 ms",
            ok=statistics.median(handed) < 0.050),
        Row("autosave, large session: UI thread per save, whole snapshot, worst of 20",
            max(handed), "s",
            baseline=max(inline), goal="< 50 ms", ok=max(handed) < 0.050),
        Row("autosave, large session: save on the worker (snapshot to fsync), median",
            statistics.median(on_worker), "s"),
    ]
