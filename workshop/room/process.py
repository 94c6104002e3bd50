"""The room's server in a process of its own: ``python -m workshop.room.process``.

Why a process: the server's Python work (parsing, checking tokens and bodies, encoding
every phone's page) took turns with the facilitator's window on one interpreter lock;
forty phones at once made the window wait for the lock half as long again as for its
own work. In a process of its own it runs on the other core and the window's thread
only reads a line per message.

The app talks to it over the child's stdin and stdout, one JSON object a line, in
ASCII (every other character escaped: no text can break a line or the encoding; no
pickle: nothing that arrives can become code in the app):

- app -> server: ``start`` (host, port), ``answer`` (n, answer), ``publish``
  (participants, states, the open question's key), ``publish_some`` (states),
  ``ballot`` (the cards to vote on, which the pages name instead of carrying them forty
  times), ``unbind`` / ``block`` (device id), ``stop``.
  A message with ``ack`` is answered with ``ack`` once taken in (the facilitator's own
  changes, which the next request of a phone must see).
- server -> app: ``ready`` (port, join token, code) or ``error`` (errno, message) once;
  ``job`` (n, device id, participant id, language, the envelope as JSON) per message;
  ``registry`` (the devices as the panel shows them, page loads), always before a job
  it concerns, so the app never judges a message against an older list of devices.

The server stops when the app says ``stop`` or when its stdin ends (the app closed or
was killed): nothing listens after the app is gone.
"""

from __future__ import annotations

import concurrent.futures
import json
import sys
import threading
from typing import IO, Any

from workshop.room.devices import Registry
from workshop.room.protocol import Envelope
from workshop.room.server import RoomServer, Sender
from workshop.room.views import expand

REGISTRY_POLL = 0.1
"""Seconds between looks at the devices for changes no message carries (a phone that
connects, loads the page or goes away)."""
SWEEP_EVERY = 300
"""Polls between looks for phones to forget (``Registry.sweep``): every 30 seconds."""


class Child:
    """The server side of the pipe: the server, its registry, the unanswered messages."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.write_lock = threading.Lock()
        self.registry = Registry()
        self.wake = threading.Event()
        """Send the devices now (a phone needs a page the app has not published): the
        watcher writes them, so the server's loop never waits for the pipe."""
        self.server = RoomServer(self.registry, self.handle, self.wake.set)
        self.pending: dict[int, concurrent.futures.Future[dict[str, Any]]] = {}
        self.ballots: dict[str, list[dict[str, Any]]] = {}
        """The cards to vote on, sent once; the pages name them (``views.expand``)."""
        self.pending_lock = threading.Lock()
        self.count = 0
        self.sent_stamp: tuple[int, int] = (-1, 0)
        self.stopped = threading.Event()

    def write(self, message: dict[str, Any]) -> None:
        with self.write_lock:
            self._write_locked(message)

    # --- server thread ---------------------------------------------------------------

    def handle(self, sender: Sender, envelope: Envelope
               ) -> concurrent.futures.Future[dict[str, Any]]:
        """A phone's message: to the app (after the devices it is judged against)."""
        future: concurrent.futures.Future[dict[str, Any]] = concurrent.futures.Future()
        with self.pending_lock:
            self.count += 1
            n = self.count
            self.pending[n] = future
        with self.write_lock:  # the devices and the job in this order, nothing between
            self._send_registry_locked()
            self._write_locked({"t": "job", "n": n, "device": sender.device_id,
                                "participant": sender.participant_id, "lang": sender.lang,
                                "envelope": envelope.model_dump_json()})
        return future

    def _write_locked(self, message: dict[str, Any]) -> None:
        line = json.dumps(message, separators=(",", ":")) + "\n"
        try:
            self.out.write(line.encode("utf-8"))
            self.out.flush()
        except (BrokenPipeError, ValueError, OSError):  # ValueError: stdout closed
            self.stopped.set()  # the app is gone

    def _send_registry_locked(self) -> None:
        registry = self.registry
        with registry.lock:
            known = registry.devices()
            # a change the panel shows, or a phone seen again (its "last seen", to the
            # second: the panel's column)
            stamp = (registry.version, int(max((d.last_seen for d in known), default=0)))
            if stamp == self.sent_stamp:
                return
            self.sent_stamp = stamp
            devices = [[d.id, d.participant_id, d.blocked, d.connected > 0, d.last_seen,
                        d.agent, d.address, d.lang] for d in known]
            message = {"t": "registry", "devices": devices,
                       "page_loads": registry.page_loads}
        self._write_locked(message)

    def send_registry(self) -> None:
        with self.write_lock:
            self._send_registry_locked()

    # --- main thread -----------------------------------------------------------------

    def command(self, message: dict[str, Any]) -> bool:
        """One line from the app; False when the server is to stop."""
        kind = message.get("t")
        if kind == "answer":
            with self.pending_lock:
                future = self.pending.pop(int(message["n"]), None)
            if future is not None and not future.done():
                future.set_result(message["answer"])
        elif kind == "ballot":
            self.ballots = {**dict(list(self.ballots.items())[-2:]),
                            str(message["key"]): message["cards"]}
        elif kind == "publish":
            self.server.publish(message["participants"], self.states(message["states"]),
                                str(message.get("activity", "")))
        elif kind == "publish_some":
            self.server.publish_some(self.states(message["states"]))
        elif kind == "unbind":
            if self.registry.unbind(str(message["device"])):
                self.server.poke()
        elif kind == "block":
            if self.registry.set_blocked(str(message["device"]), bool(message["blocked"])):
                self.server.poke()
        elif kind == "stop":
            return False
        if "ack" in message:  # the app waits for this one: it has been taken in
            self.send_registry()  # and the devices as they are now, before the ack
            self.write({"t": "ack", "k": message["ack"]})
        return True

    def states(self, pairs: list[list[Any]]) -> dict[tuple[str, str], dict[str, Any]]:
        """``[[participant, lang, page], ...]`` as the server keeps them, whole."""
        return {(str(pid), str(lang)): expand(page, self.ballots) for pid, lang, page in pairs}

    def close(self) -> None:
        """Stop listening; a phone still waiting is told the room closes."""
        self.server.stop()
        with self.pending_lock:
            for future in self.pending.values():
                if not future.done():
                    future.cancel()
            self.pending.clear()


def _watch(child: Child) -> None:
    polls = 0
    while not child.stopped.is_set():
        child.wake.wait(REGISTRY_POLL)
        child.wake.clear()
        if child.stopped.is_set():
            break
        polls += 1
        if polls % SWEEP_EVERY == 0:
            child.registry.sweep()  # phones that joined and went without a name
        child.send_registry()


def main() -> int:
    stdin, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print cannot break the app's lines
    child = Child(out)
    first = stdin.readline()
    if not first:
        return 0
    start = json.loads(first)
    host, port = str(start["host"]), int(start["port"])
    try:
        try:
            child.server.start(host, port)
        except OSError:
            if port == 0:
                raise
            child.server = RoomServer(child.registry, child.handle, child.wake.set)
            child.server.start(host, 0)  # the preferred port is taken: any free one
    except OSError as exc:
        child.write({"t": "error", "errno": exc.errno or 0,
                     "message": exc.strerror or str(exc)})
        return 1
    child.write({"t": "ready", "port": child.server.port, "host": child.server.host,
                 "token": child.registry.join_token, "code": child.registry.code})
    watcher = threading.Thread(target=_watch, args=(child,), name="registry", daemon=True)
    watcher.start()
    try:
        for line in stdin:
            if not line.strip():
                continue
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if not isinstance(message, dict) or not child.command(message):
                break
    finally:
        child.stopped.set()
        child.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
