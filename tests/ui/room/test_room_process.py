"""The room's server runs in a process of its own, and ends with the room and the app."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

from room_client import Phone, in_thread
from room_helpers import choose


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def _wait(condition: Any, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_the_server_is_another_process_and_ends_with_the_room(room: Any, qtbot: Any,
                                                             saved: Any) -> None:
    window, panel = room
    server = panel.bridge.server
    pid = server._proc.processId()
    assert pid and pid != os.getpid() and server.running
    port = server.port
    phone = Phone(port)
    assert phone.join(token=panel.bridge.registry.join_token) == 200
    assert phone.bind(window.document.session.participants[0].id)[0] == 200
    key = choose(panel, "cards")
    sent = in_thread(phone.send, key, {"kind": "add_card", "text": "Over de grens <b>"})
    qtbot.waitUntil(sent.done, timeout=10000)
    assert sent.result()[1]["status"] == "ok"
    assert "Over de grens <b>" in [c.text for c in saved(window.document).ambition.cards]
    # the facilitator's panel lists the phone the server process knows
    qtbot.waitUntil(lambda: panel.devices.rowCount() == 1)
    panel.open_button.click()  # now "Close the room"
    assert not panel.bridge.is_open
    assert not server.running, "the server process outlived the room"
    assert not _listening(port)


APP = textwrap.dedent("""
    import concurrent.futures, sys
    from workshop.ui.canvas.render import ensure_app
    from workshop.ui.room.server_process import ServerProcess

    app = ensure_app()
    server = ServerProcess(lambda sender, envelope: concurrent.futures.Future())
    server.start("127.0.0.1", 0)
    print(server.port, flush=True)
    app.exec()  # until killed
""")


def test_a_killed_app_leaves_nothing_listening(tmp_path: Path) -> None:
    """The app is killed (no chance to close the room): the server process sees its
    input end and stops; nothing listens on the laptop after the app is gone."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([sys.executable, "-c", APP], stdout=subprocess.PIPE, text=True,
                           env=env, cwd=tmp_path)
    try:
        assert app.stdout is not None
        port = int(app.stdout.readline())
        assert _listening(port)
        app.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no goodbye
        app.wait(10)
        assert _wait(lambda: not _listening(port)), "the server outlived the app"
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(10)
        if app.stdout is not None:
            app.stdout.close()


def test_a_server_that_dies_closes_the_room_and_the_panel_says_so(room: Any, qtbot: Any,
                                                                  saved: Any) -> None:
    """The server process is killed while the room is open (the operating system ran out
    of memory, say): the room closes, what the phones had sent is kept, and the panel
    says what happened and what to do, in the app's language."""
    window, panel = room
    bridge = panel.bridge
    phone = Phone(bridge.server.port)
    assert phone.join(token=bridge.registry.join_token) == 200
    assert phone.bind(window.document.session.participants[0].id)[0] == 200
    key = choose(panel, "cards")
    sent = in_thread(phone.send, key, {"kind": "add_card", "text": "Voor de storing"})
    qtbot.waitUntil(sent.done, timeout=10000)
    port = bridge.server.port
    bridge.server._proc.kill()
    qtbot.waitUntil(lambda: not bridge.is_open, timeout=10000)
    assert bridge.lost and not _listening(port)
    qtbot.waitUntil(lambda: "closed by itself" in panel.state_label.text())
    assert panel.open_button.text() == "&Open the room"
    assert "Voor de storing" in [c.text for c in saved(window.document).ambition.cards]
    panel.open_button.click()  # open again: a new server, new codes
    assert bridge.is_open and bridge.server.port and not bridge.lost


def test_an_address_the_laptop_does_not_have_is_explained_and_nothing_listens(
        make_document: Any, qtbot: Any, monkeypatch: Any) -> None:
    """The network chosen is gone (the Wi-Fi dropped between choosing and opening): the
    server cannot listen there; the facilitator reads why, and the room stays closed."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from workshop.ui.main_window import MainWindow
    from workshop.ui.room.panel import RoomWindow

    window = MainWindow(make_document())
    qtbot.addWidget(window)
    window.room_action.trigger()
    panel = window._room_window
    assert isinstance(panel, RoomWindow)
    panel.interface_box.addItem("gone: 192.0.2.1", "192.0.2.1")  # TEST-NET: not ours
    panel.interface_box.setCurrentIndex(panel.interface_box.count() - 1)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, title, text, *_a: said.append(f"{title}: {text}"))
    panel.open_button.click()
    assert not panel.bridge.is_open and panel.bridge.server is None
    assert len(said) == 1 and "could not listen on 192.0.2.1" in said[0]
    assert QApplication.overrideCursor() is None  # the wait cursor is gone again
    assert panel.open_button.text() == "&Open the room"
    panel.shutdown()
    window.close_session()
    window.projector_controls.close()
