"""A phone as plain HTTP over loopback: what the phone page does, without a browser.

Only loopback addresses; every request has a timeout. ``in_thread`` runs a call off
the UI thread, because the room answers a message only after the UI thread applied it.
"""

from __future__ import annotations

import concurrent.futures
import http.client
import json
import secrets
import socket
from typing import Any

POOL = concurrent.futures.ThreadPoolExecutor(max_workers=48, thread_name_prefix="phone")


def in_thread(fn: Any, *args: Any, **kwargs: Any) -> concurrent.futures.Future[Any]:
    return POOL.submit(fn, *args, **kwargs)


class Phone:
    def __init__(self, port: int, host: str = "127.0.0.1", lang: str = "en",
                 source: str | None = None) -> None:
        assert host in ("127.0.0.1", "::1"), "tests talk to loopback only"
        assert source is None or source.startswith("127."), "from loopback only"
        self.host, self.port, self.lang = host, port, lang
        self.source = source
        """The phone's own address (another address on loopback: another phone)."""
        self.device: str | None = None

    def raw(self, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None, timeout: float = 20.0
            ) -> tuple[int, dict[str, Any]]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout,
                                          source_address=(self.source, 0) if self.source
                                          else None)
        try:
            sent = {"X-Lang": self.lang, "Content-Type": "application/json"}
            if self.device:
                sent["Authorization"] = f"Bearer {self.device}"
            sent.update(headers or {})
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            data = response.read()
            try:
                parsed = json.loads(data) if data else {}
            except ValueError:
                parsed = {"raw": data.decode("utf-8", "replace")}
            return response.status, parsed
        finally:
            conn.close()

    def call(self, method: str, path: str, payload: Any = None) -> tuple[int, dict[str, Any]]:
        body = None if payload is None else json.dumps(payload).encode()
        return self.raw(method, path, body)

    def join(self, token: str | None = None, code: str | None = None) -> int:
        payload: dict[str, Any] = {"lang": self.lang}
        if token is not None:
            payload["token"] = token
        if code is not None:
            payload["code"] = code
        status, data = self.call("POST", "/api/join", payload)
        if status == 200:
            self.device = data["device"]
        return status

    def bind(self, participant_id: str) -> tuple[int, dict[str, Any]]:
        return self.call("POST", "/api/bind", {"participant_id": participant_id})

    def state(self) -> dict[str, Any]:
        status, data = self.call("GET", "/api/state")
        assert status == 200, data
        return data["state"]

    def send(self, activity: str, action: dict[str, Any], message_id: str | None = None
             ) -> tuple[int, dict[str, Any]]:
        envelope = {"id": message_id or secrets.token_hex(8), "activity": activity,
                    "action": action}
        return self.call("POST", "/api/send", envelope)


def drop_mid_request(port: int, body: bytes) -> None:
    """Send a request and vanish before the answer (a phone going to sleep)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    head = (f"POST /api/send HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n").encode()
    sock.sendall(head)
    return sock  # type: ignore[return-value]
