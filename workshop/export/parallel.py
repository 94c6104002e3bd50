"""The agreement and the roadmap at once: the roadmap in a second process.

reportlab is pure Python: two threads would take turns on one interpreter lock, two
processes use two cores (the large session: about 1 s of CPU each). The roadmap is
made in a forked child, which has the session as it is in memory (nothing pickled)
and sends back the PDF's bytes; the agreement is made here meanwhile.

A fork is only made where it is safe and cheap: on Linux, from a process with one
thread (a fork while other threads run can leave the child waiting for a lock nobody
will release). Anywhere else, or when the child fails, the two are made one after the
other here. The bytes are the same either way (both get the same ``exported_at``), so
the seals and ``workshop verify`` hold as before (tests/export/test_parallel_export.py).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sys
import threading
from multiprocessing.connection import Connection

from workshop.domain import model as m
from workshop.export.agreement import AgreementOptions, export_agreement, now
from workshop.export.roadmap import RoadmapOptions, export_roadmap


def can_fork() -> bool:
    """Whether the roadmap may be made in a forked child from here, now."""
    return (sys.platform.startswith("linux")
            and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


def export_both(session: m.Session, agreement: AgreementOptions | None = None,
                roadmap: RoadmapOptions | None = None,
                exported_at: dt.datetime | None = None, *,
                parallel: bool = True) -> tuple[bytes, bytes]:
    """(agreement PDF, roadmap PDF) of ``session``, exported at the same moment."""
    exported_at = exported_at or now()
    if not (parallel and can_fork()):
        return (export_agreement(session, agreement, exported_at),
                export_roadmap(session, roadmap, exported_at))
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_roadmap_child, args=(send, session, roadmap, exported_at),
                            name="workshop-roadmap-export", daemon=True)
    child.start()
    send.close()
    made: bytes | None = None
    try:
        first = export_agreement(session, agreement, exported_at)
        try:
            made = receive.recv()
        except EOFError:  # the child died: the roadmap is made here below
            made = None
    finally:
        receive.close()
        if made is None and child.is_alive():
            child.terminate()
        child.join()
    if not isinstance(made, bytes):  # failed in the child: here, so an error is raised here
        made = export_roadmap(session, roadmap, exported_at)
    return first, made


def _roadmap_child(send: Connection, session: m.Session, options: RoadmapOptions | None,
                   exported_at: dt.datetime) -> None:
    try:
        data: bytes | None = export_roadmap(session, options, exported_at)
    except BaseException:  # noqa: BLE001 - the parent makes it again and reports it
        data = None
    send.send(data)
    send.close()
