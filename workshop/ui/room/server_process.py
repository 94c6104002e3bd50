"""The app's side of the room's server process (``workshop.room.process``).

``ServerProcess`` starts the server in a process of its own (a ``QProcess``: its lines
arrive as Qt signals on the UI thread, its writes never block the window), hands each
phone's message to the bridge and sends the answers back. ``RegistryMirror`` is what the
app knows of the devices: the list the server sends before every message, and the
facilitator's unbind and block, which it forwards.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

from workshop.i18n import Language, tr
from workshop.room.devices import DeviceInfo
from workshop.room.protocol import Envelope
from workshop.room.server import Sender

START_TIMEOUT = 20.0
"""Seconds the server process may take to listen (a cold start on a slow laptop)."""
STOP_TIMEOUT = 5.0
ACK_TIMEOUT = 2.0
"""Seconds the facilitator's own change (a question opened, a phone blocked) waits for
the server to have taken it in, so the very next request from a phone sees it."""

Handler = Callable[[Sender, Envelope], "concurrent.futures.Future[dict[str, Any]]"]


@dataclass(frozen=True)
class _Device:
    info: DeviceInfo
    lang: str


class RegistryMirror:
    """The open room's devices as the server last said, and its join token and code."""

    def __init__(self, process: ServerProcess, join_token: str, code: str) -> None:
        self._process = process
        self.join_token = join_token
        self.code = code
        self.page_loads = 0
        self.version = 0
        """Bumped on every change the panel shows."""
        self._devices: dict[str, _Device] = {}

    def update(self, devices: list[list[Any]], page_loads: int) -> None:
        """The server's list. ``version`` changes only when more than the phones' "last
        seen" did (a new version makes the bridge publish every page again)."""
        new = {str(d[0]): _Device(DeviceInfo(str(d[0]), d[1], bool(d[2]), bool(d[3]),
                                             float(d[4]), str(d[5]), str(d[6])), str(d[7]))
               for d in devices}
        seen_only = int(page_loads) == self.page_loads and new.keys() == self._devices.keys() \
            and all(replace(d.info, last_seen=0.0) == replace(new[i].info, last_seen=0.0)
                    and d.lang == new[i].lang for i, d in self._devices.items())
        self._devices = new
        self.page_loads = int(page_loads)
        if not seen_only:
            self.version += 1

    def snapshot(self) -> list[DeviceInfo]:
        return [d.info for d in self._devices.values()]

    def bindings(self) -> dict[str, tuple[str | None, bool]]:
        """Device id -> (participant id, blocked), for judging a batch of messages."""
        return {i: (d.info.participant_id, d.info.blocked) for i, d in self._devices.items()}

    def bound_languages(self) -> set[tuple[str, str]]:
        """(participant id, language) of every bound, unblocked device."""
        return {(d.info.participant_id, d.lang) for d in self._devices.values()
                if d.info.participant_id is not None and not d.info.blocked}

    def unbind(self, device_id: str) -> bool:
        device = self._devices.get(device_id)
        if device is None or device.info.participant_id is None:
            return False
        self._devices[device_id] = replace(device, info=replace(device.info,
                                                                participant_id=None))
        self.version += 1
        self._process.send({"t": "unbind", "device": device_id}, wait=True)
        return True

    def set_blocked(self, device_id: str, blocked: bool) -> bool:
        device = self._devices.get(device_id)
        if device is None or device.info.blocked == blocked:
            return False
        self._devices[device_id] = replace(device, info=replace(device.info, blocked=blocked))
        self.version += 1
        self._process.send({"t": "block", "device": device_id, "blocked": blocked},
                           wait=True)
        return True


def server_command() -> tuple[str, list[str]]:
    """The program and arguments that start the room's server."""
    if getattr(sys, "frozen", False):  # the bundle: its own executable, a hidden switch
        return sys.executable, ["--room-server"]
    return sys.executable, ["-X", "utf8", "-m", "workshop.room.process"]


class ServerProcess(QObject):
    """One open room's server: ``start`` returns when it listens, ``stop`` when it is
    gone; the phones' messages go to ``handler`` (on the UI thread) as they arrive."""

    sig_ended = Signal()
    """The server process ended without being asked to (killed, crashed)."""
    sig_registry = Signal()
    """The server sent its list of devices (a phone may need a page it has not got)."""

    def __init__(self, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.handler = handler
        self._stopping = False
        self.host = ""
        self.port = 0
        self.registry: RegistryMirror | None = None
        self.jobs = 0
        """Messages received from the server since it started."""
        self._acks = 0
        self._acked = 0
        self._ballot: tuple[list[dict[str, Any]] | None, str] = (None, "")
        """The cards to vote on as last sent to the server, and their key."""
        self._ballots = 0
        self._buffer = b""
        self._proc = QProcess(self)
        self._proc.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        env = QProcessEnvironment.systemEnvironment()
        root = str(Path(__file__).resolve().parents[3])  # where ``workshop`` is imported
        path = env.value("PYTHONPATH", "")
        env.insert("PYTHONPATH", root + (os.pathsep + path if path else ""))
        env.insert("PYTHONUNBUFFERED", "1")
        self._proc.setProcessEnvironment(env)

    # --- life ----------------------------------------------------------------------

    def start(self, host: str, port: int) -> None:
        """Listen on ``host`` (``port``, or any free one when it is taken); raises
        OSError when the server cannot listen there or does not start."""
        program, args = server_command()
        self._proc.start(program, args)
        if not self._proc.waitForStarted(int(START_TIMEOUT * 1000)):
            raise OSError(0, f"the room's server did not start: {self._proc.errorString()}")
        self.send({"t": "start", "host": host, "port": port})
        deadline = time.monotonic() + START_TIMEOUT
        first: dict[str, Any] | None = None
        while first is None:
            left = deadline - time.monotonic()
            if left <= 0 or not self._wait_readable(left):
                self._kill()
                raise OSError(0, "the room's server did not answer")
            self._buffer += bytes(self._proc.readAllStandardOutput().data())
            if b"\n" in self._buffer:
                line, self._buffer = self._buffer.split(b"\n", 1)
                try:
                    first = json.loads(line)
                except ValueError:
                    self._kill()
                    raise OSError(0, "the room's server said something else than "
                                     "expected") from None
        if first.get("t") != "ready":
            self._proc.waitForFinished(int(STOP_TIMEOUT * 1000))
            raise OSError(int(first.get("errno") or 0), str(first.get("message", "")))
        self.host, self.port = str(first["host"]), int(first["port"])
        self.registry = RegistryMirror(self, str(first["token"]), str(first["code"]))
        self._proc.readyReadStandardOutput.connect(self._read)
        self._proc.finished.connect(self._on_finished)
        if self._buffer:
            self._read()

    def stop(self) -> None:
        """Close every connection and the listening socket; what the server had already
        passed on is handed to ``handler`` first. Returns when the process is gone."""
        self._stopping = True
        if self._proc.state() == QProcess.ProcessState.NotRunning:
            return
        self.send({"t": "stop"})
        self._proc.closeWriteChannel()
        if not self._proc.waitForFinished(int(STOP_TIMEOUT * 1000)):
            self._kill()
        self._read()  # the last lines: messages that arrived before the close

    def _on_finished(self) -> None:
        if not self._stopping:
            self._read()  # what it said before it went
            self.sig_ended.emit()

    def _kill(self) -> None:
        self._proc.kill()
        self._proc.waitForFinished(int(STOP_TIMEOUT * 1000))

    @property
    def running(self) -> bool:
        return self._proc.state() != QProcess.ProcessState.NotRunning

    # --- to the server -------------------------------------------------------------

    def send(self, message: dict[str, Any], *, wait: bool = False) -> None:
        """Write ``message``; with ``wait``, return once the server has taken it in (or
        after ``ACK_TIMEOUT``): the facilitator's own changes, never the phones' flow."""
        if self._proc.state() != QProcess.ProcessState.Running:
            return
        if wait:
            self._acks += 1
            message = {**message, "ack": self._acks}
        line = json.dumps(message, separators=(",", ":")) + "\n"
        self._proc.write(line.encode("utf-8"))
        if not wait:
            return
        deadline = time.monotonic() + ACK_TIMEOUT
        self._proc.waitForBytesWritten(int(ACK_TIMEOUT * 1000))
        while self._acked < self._acks:
            left = deadline - time.monotonic()
            if left <= 0 or not self._wait_readable(left):
                return
            self._read()

    def publish(self, participants: list[dict[str, str]],
                states: dict[tuple[str, str], dict[str, Any]], *, activity: str = "",
                wait: bool = False) -> None:
        """What phones may see now: the pick list, and each (participant, lang)'s page;
        ``activity``: the open question's key."""
        self.send({"t": "publish", "participants": participants,
                   "states": self._pack(states), "activity": activity}, wait=wait)

    def publish_some(self, states: dict[tuple[str, str], dict[str, Any]]) -> None:
        """Some (participant, lang)'s pages changed; the others stay as they were."""
        self.send({"t": "publish_some", "states": self._pack(states)})

    def _pack(self, states: dict[tuple[str, str], dict[str, Any]]) -> list[list[Any]]:
        """``[[participant, lang, page], ...]``; the cards to vote on (``Pages`` with
        ``compact``) go to the server once, as a ballot the pages name."""
        packed: list[list[Any]] = []
        for (pid, lang), page in states.items():
            cards = page.get("cards")
            if isinstance(cards, dict) and isinstance(cards.get("ballot"), list):
                page = {**page, "cards": {"ballot": self._ballot_key(cards["ballot"]),
                                          "dots": cards["dots"]}}
            packed.append([pid, lang, page])
        return packed

    def _ballot_key(self, ballot: list[dict[str, Any]]) -> str:
        last, key = self._ballot
        if ballot is last:
            return key
        if last is not None and ballot == last:  # the same cards, worked out anew
            self._ballot = (ballot, key)
            return key
        self._ballots += 1
        key = f"b{self._ballots}"
        self.send({"t": "ballot", "key": key, "cards": ballot})
        self._ballot = (ballot, key)
        return key

    def _answer(self, n: int, future: concurrent.futures.Future[dict[str, Any]]) -> None:
        if not future.cancelled():
            self.send({"t": "answer", "n": n, "answer": future.result()})

    # --- from the server -----------------------------------------------------------

    def wait_for_jobs(self, count: int, timeout: float = 10.0) -> bool:
        """Wait (without the event loop) until ``count`` messages have arrived in all;
        for a caller that holds the UI thread on purpose, as the tests do."""
        deadline = time.monotonic() + timeout
        while self.jobs < count:
            left = deadline - time.monotonic()
            if left <= 0 or not self._wait_readable(left):
                return self.jobs >= count
            self._read()
        return True

    def _wait_readable(self, timeout: float) -> bool:
        """Wait until the server wrote something (or ``timeout`` seconds passed). In
        short waits with sleeps between: Qt's wait keeps Python's interpreter lock, and
        the app's other threads (the autosave's writer) must not wait with it."""
        deadline = time.monotonic() + timeout
        while True:
            if self._proc.bytesAvailable() > 0 or self._proc.waitForReadyRead(2):
                return True
            if self._proc.state() == QProcess.ProcessState.NotRunning \
                    or time.monotonic() >= deadline:
                return False
            time.sleep(0.001)

    def _read(self) -> None:
        self._buffer += bytes(self._proc.readAllStandardOutput().data())
        if b"\n" not in self._buffer:
            return
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            kind = message.get("t") if isinstance(message, dict) else None
            if kind == "job":
                self._job(message)
            elif kind == "ack":
                self._acked = max(self._acked, int(message["k"]))
            elif kind == "registry" and self.registry is not None:
                self.registry.update(message["devices"], message["page_loads"])
                self.sig_registry.emit()

    def _job(self, message: dict[str, Any]) -> None:
        self.jobs += 1
        lang: Language = "en" if message.get("lang") == "en" else "nl"
        sender = Sender(str(message["device"]), str(message["participant"]), lang)
        n = int(message["n"])
        try:  # the server checked it already; the app believes only what it checks itself
            envelope = Envelope.model_validate_json(message["envelope"])
        except ValidationError:
            self.send({"t": "answer", "n": n, "answer": {
                "status": "refused", "code": "invalid", "message": tr(
                    "The phone sent something the room does not understand. Reload the "
                    "page.", lang)}})
            return
        future = self.handler(sender, envelope)
        future.add_done_callback(lambda done, n=n: self._answer(n, done))  # type: ignore[misc]
