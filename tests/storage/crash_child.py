"""The process that test_crash.py kills: saves an ever-changing session in a loop.

``python crash_child.py run PATH START``: save versions START, START+1, ... to PATH for
ever, after printing ``ready`` on stdout.

``python crash_child.py server``: import once, then for every ``run PATH START [unsafe]``
line on stdin fork a saver (which prints ``ready PID``), wait for it to die and print
``dead PID SIGNAL``. ``type PATH START SEED`` forks a typist instead: the app's own
``Autosaver`` with its worker thread, fed one edit (one new version) at a time at a
random typing rhythm, printing ``edit N T`` (T: ``time.monotonic()``) after each.
Starting a Python with pydantic costs about half a second; a fork costs a millisecond,
so hundreds of SIGKILLs fit in a few seconds.

Only the model and ``workshop.storage.files`` are imported, to keep start-up short.
"""

from __future__ import annotations

import os
import random
import sys
import time

from workshop.domain.model import MAX_TEXT, Session
from workshop.storage.files import dumps, save_session

TICK_S = 0.1
"""The app's autosave tick (``workshop.ui.document.AUTOSAVE_TICK_MS``)."""
BULK = "Ouderen wonen langer thuis 👩🏽‍⚕️ שלום <para>&amp; \u202e\n"


def version(i: int) -> Session:
    """Version ``i`` of the session: a pure function of ``i``, so a loaded file can be
    checked completely. Sizes vary from about 20 kB to 400 kB, so a kill can land in
    the middle of writing."""
    bulk_chars = 20_000 + (i * 7_919) % 380_000
    bulk = (BULK * (bulk_chars // len(BULK) + 1))[:bulk_chars]
    # A text holds at most MAX_TEXT characters: the bulk goes on long cards as well.
    pieces = [bulk[at:at + MAX_TEXT] for at in range(0, len(bulk), MAX_TEXT)]
    return Session.model_validate(
        {
            "id": "s-crash",
            "details": {"name": f"v{i}"},
            "participants": [{"id": "p-1", "name": "Anna"}],
            "ambition": {
                "statement": pieces[0],
                "cards": [
                    {"id": f"c-{n}", "text": f"kaart {n} van versie {i}", "author_id": "p-1"}
                    for n in range(i % 40)
                ] + [
                    {"id": f"bulk-{n}", "text": piece, "author_id": "p-1"}
                    for n, piece in enumerate(pieces[1:]) if piece.strip()
                ],
            },
        }
    )


def index_of(session: Session) -> int:
    return int(session.details.name[1:])


def save_in_place(session: Session, path: str) -> None:
    """How not to save (truncate, then write in pieces): proves the test can fail."""
    data = dumps(session)
    with open(path, "wb") as f:
        for at in range(0, len(data), 16_384):
            f.write(data[at : at + 16_384])
            f.flush()


def run(path: str, start: int, unsafe: bool = False) -> None:
    save = save_in_place if unsafe else save_session
    i = start
    while True:
        save(version(i), path)
        i += 1


def typing_gap(rng: random.Random) -> float:
    """Seconds until the next edit: fast and slow typing, a word's pause, a thought."""
    kind = rng.random()
    if kind < 0.6:
        return rng.uniform(0.03, 0.15)
    if kind < 0.9:
        return rng.uniform(0.15, 0.6)
    return rng.uniform(0.6, 2.5)


def typist(path: str, start: int, seed: int) -> None:
    """The UI thread of the app, reduced to what autosave sees: edits and ticks."""
    from workshop.storage.autosave import Autosaver, SaveWorker

    rng = random.Random(seed)
    current = {"session": version(start - 1)}
    saver = Autosaver(path, lambda: current["session"], worker=SaveWorker())
    next_edit = time.monotonic() + typing_gap(rng)
    next_tick = time.monotonic() + TICK_S
    i = start
    while True:
        now = time.monotonic()
        if now >= next_edit:
            current["session"] = version(i)
            saver.changed()
            print(f"edit {i} {time.monotonic():.6f}", flush=True)
            i += 1
            next_edit = time.monotonic() + typing_gap(rng)
        if now >= next_tick:
            saver.tick()
            next_tick += TICK_S
        time.sleep(max(0.0, min(next_edit, next_tick) - time.monotonic()))


def server() -> None:
    print("ready-server", flush=True)
    for line in sys.stdin:
        command, path, start, *flags = line.split()
        assert command in ("run", "type")
        pid = os.fork()
        if pid == 0:
            try:
                print(f"ready {os.getpid()}", flush=True)
                if command == "type":
                    typist(path, int(start), int(flags[0]))
                else:
                    run(path, int(start), unsafe="unsafe" in flags)
            finally:
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        signal = os.WTERMSIG(status) if os.WIFSIGNALED(status) else -1
        print(f"dead {pid} {signal}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "server":
        server()
    else:
        print("ready", flush=True)
        run(sys.argv[2], int(sys.argv[3]))
