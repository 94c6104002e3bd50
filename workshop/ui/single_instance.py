"""One Workshop per user: a second start hands its file to the one already running.

A double-click on a ``.workshop`` file starts ``workshop FILE``. If a Workshop of the
same user (and the same data folder) is running, the new process sends it the file
over a local socket (``QLocalServer``: a named pipe on Windows, a socket file on Linux
and macOS) and exits; the running window opens the file and comes to the front.
Otherwise the new process becomes the one that listens.
"""

from __future__ import annotations

import getpass
import json
import os
import zlib
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from workshop.storage import paths

CONNECT_MS = 500
REPLY_MS = 5_000
MAX_MESSAGE = 64 * 1024


def server_name() -> str:
    """Per user and data folder, so tests and a second account never meet this one."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name: the data folder still separates
        user = ""
    key = f"{user}\0{paths.data_folder()}".encode()
    # Two CRC-32s (of the key and of it reversed): a name, not a secret, and ``hashlib``
    # would load OpenSSL (~3 ms) before the first window.
    return f"workshop-{zlib.crc32(key):08x}{zlib.crc32(key[::-1]):08x}"


def forward(path: Path | None, name: str | None = None) -> bool:
    """Hand ``path`` (or just "come to the front") to a running Workshop.

    True if one took it; False if none is running (then this process starts the app).
    """
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = {"open": _whole(path) if path is not None else None}
    socket.write(json.dumps(message).encode("utf-8") + b"\n")
    socket.flush()
    answered = socket.waitForReadyRead(REPLY_MS) and bytes(socket.readAll().data()).strip() == b"ok"
    socket.disconnectFromServer()
    return answered


class InstanceServer(QObject):
    """Listens for later starts and passes on what they ask."""

    sig_open = Signal(object)
    """A later start asked to show the app, with a file (a Path) or None."""

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)

    def listen(self) -> bool:
        if self._server.listen(self.name):
            return True
        # A socket file left by a Workshop that crashed: nobody answered `forward`.
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_MESSAGE:
                socket.abort()
            return
        raw = bytes(socket.readLine(MAX_MESSAGE).data())
        try:
            message = json.loads(raw.decode("utf-8"))
            target = message.get("open") if isinstance(message, dict) else None
        except (UnicodeDecodeError, ValueError):
            socket.abort()
            return
        socket.write(b"ok\n")
        socket.flush()
        self.sig_open.emit(Path(target) if isinstance(target, str) and target else None)


def bring_to_front(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    if QGuiApplication.platformName() != "offscreen":  # no stacking there (tests, CI)
        window.raise_()
    window.activateWindow()


def serve(window: QWidget) -> InstanceServer | None:
    """Listen for later starts; each one's file opens in ``window``, which comes forward.

    None if the name cannot be taken (then later starts simply open their own window).
    """
    server = InstanceServer(parent=window)
    if not server.listen():
        server.deleteLater()
        return None

    def on_open(path: Path | None) -> None:
        bring_to_front(window)
        if path is not None:
            window.open_session(path)  # type: ignore[attr-defined]

    # In a later turn: the file opens (maybe with a dialog) after the socket is answered
    # (a timer, not a queued connection, whose ``Qt`` the first window need not make).
    server.sig_open.connect(lambda path: QTimer.singleShot(0, lambda: on_open(path)))
    return server


def _whole(path: Path | str) -> str:
    """The whole path for the running Workshop (another working folder): the file a link
    points at, or just the absolute path for a loop of links (opening it says so)."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(path)
