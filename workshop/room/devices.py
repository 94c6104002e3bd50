"""The phones of one opened room: join token, join code, device tokens, rate limits.

Thread-safe (one lock). It lives in the room's server process: the server thread
authenticates and counts, the process's main thread unbinds and blocks for the
facilitator, and the app sees the list it is sent (``workshop.room.process``,
``ui/room/server_process.RegistryMirror``). Tokens are kept only as SHA-256 digests,
so looking one up takes the same path whatever the guess.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

JOIN_TOKEN_BYTES = 24
"""192 bits in the join address (the issue asks for at least 128)."""
DEVICE_TOKEN_BYTES = 24
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""No 0/O, 1/I/L: easy to read from a projector and type on a phone."""
CODE_LENGTH = 8
"""31^8 ≈ 8.5e11; with ``MAX_CODE_FAILURES`` wrong tries in the whole room, a guess
succeeds with odds of about 1 in 30 billion, and then the code stops working."""
MAX_CODE_FAILURES = 30
MAX_DEVICES = 200
MAX_MESSAGES_PER_DEVICE = 5000
"""Message ids kept per device for idempotency; a device that sends more is refused
rather than forgetting ids (forgetting could apply a late resend twice)."""
MAX_HOSTS = 1000


def _digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8", "replace")).digest()


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


@dataclass
class Bucket:
    """A token bucket: ``burst`` at once, then ``rate`` per second."""

    rate: float
    burst: float
    tokens: float = -1.0
    at: float = 0.0

    def allow(self, now: float) -> bool:
        if self.tokens < 0:
            self.tokens, self.at = self.burst, now
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


MESSAGE_RATE = (8.0, 40.0)
"""Per device: 8 messages a second, 40 at once (a scan is 14 taps in a few seconds)."""
READ_RATE = (10.0, 60.0)
JOIN_RATE = (1.0, 10.0)
"""Per network address: typed-code tries."""
TOKEN_JOIN_RATE = (1.0, 60.0)
"""Per network address: joins with the QR code's token. Generous (60 at once, then one
a second): a shared tablet, or a guest Wi-Fi that puts every phone behind one address,
may bring a whole room in at once; ``MAX_UNBOUND_PER_ADDRESS`` is what keeps one client
from filling the room."""
MAX_UNBOUND_PER_ADDRESS = 30
"""Phones from one network address that have not chosen a name yet. A real phone
chooses within seconds; a client that joins over and over is refused from here on,
so it cannot take the places of the others (``MAX_DEVICES``)."""
UNBOUND_TTL = 600.0
"""Seconds a phone that chose no name, has no live connection and was not seen is kept;
then it is forgotten (it can join again with the QR code)."""


@dataclass
class Device:
    id: str
    """Public, short: shown in the facilitator's panel."""
    digest: bytes
    address: str
    agent: str
    lang: str
    participant_id: str | None = None
    blocked: bool = False
    unlinked: set[str] = field(default_factory=set)
    """Participants the facilitator unlinked this phone from: it cannot choose them
    again (a phone that took someone else's name does not simply take it back)."""
    connected: int = 0
    """Open live connections (WebSockets)."""
    joined_at: float = field(default_factory=time.time)
    last_seen: float = field(default_factory=time.time)
    messages: OrderedDict[str, Any] = field(default_factory=OrderedDict)
    """Message id -> its answer (or a pending future), for idempotency."""
    sends: Bucket = field(default_factory=lambda: Bucket(*MESSAGE_RATE))
    reads: Bucket = field(default_factory=lambda: Bucket(*READ_RATE))


@dataclass(frozen=True)
class DeviceInfo:
    """What the facilitator's panel shows of a device."""

    id: str
    participant_id: str | None
    blocked: bool
    connected: bool
    last_seen: float
    agent: str
    address: str


class Registry:
    """The devices of one open room."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.join_token = secrets.token_urlsafe(JOIN_TOKEN_BYTES)
        self.code = new_code()
        self.code_failures = 0
        self._join_digest = _digest(self.join_token)
        self._devices: dict[bytes, Device] = {}
        self._by_id: dict[str, Device] = {}
        self._hosts: OrderedDict[tuple[str, str], Bucket] = OrderedDict()
        self._made = 0
        self.page_loads = 0
        """Requests for the phone page (how the panel knows a phone reached the laptop)."""
        self.version = 0
        """Bumped on every change the panel shows."""

    # --- joining -------------------------------------------------------------------

    def host_allowed(self, address: str, now: float | None = None, *,
                     token: bool = False) -> bool:
        """Code tries (``token`` False) or joins with the join token, per network
        address."""
        with self.lock:
            key = (address, "token" if token else "code")
            bucket = self._hosts.get(key)
            if bucket is None:
                bucket = self._hosts[key] = Bucket(*(TOKEN_JOIN_RATE if token
                                                     else JOIN_RATE))
                while len(self._hosts) > MAX_HOSTS:
                    self._hosts.popitem(last=False)
            return bucket.allow(time.monotonic() if now is None else now)

    def check_join(self, token: str | None, code: str | None) -> str:
        """"ok", "bad_token", "bad_code" or "code_closed"."""
        with self.lock:
            if token is not None:
                return "ok" if hmac.compare_digest(_digest(token), self._join_digest) \
                    else "bad_token"
            if self.code_failures >= MAX_CODE_FAILURES:
                return "code_closed"
            if code is not None and hmac.compare_digest(code.encode(), self.code.encode()):
                return "ok"
            self.code_failures += 1
            self.version += 1
            return "bad_code"

    def add_device(self, address: str, agent: str, lang: str) -> tuple[Device, str] | str:
        """A new device and its secret token; or why not: "full" (the room) or
        "address" (too many phones from ``address`` that chose no name yet)."""
        with self.lock:
            self.sweep()
            waiting = sum(1 for d in self._devices.values() if d.address == address
                          and d.participant_id is None and not d.blocked)
            if waiting >= MAX_UNBOUND_PER_ADDRESS:
                return "address"
            if len(self._devices) >= MAX_DEVICES:
                return "full"
            token = secrets.token_urlsafe(DEVICE_TOKEN_BYTES)
            self._made += 1
            device = Device(id=f"d{self._made}-{secrets.token_hex(2)}",
                            digest=_digest(token), address=address, agent=agent[:120],
                            lang=lang)
            self._devices[device.digest] = device
            self._by_id[device.id] = device
            self.version += 1
            return device, token

    def sweep(self, now: float | None = None) -> int:
        """Forget phones that joined but chose no name, have no live connection and were
        not seen for ``UNBOUND_TTL`` (blocked ones stay: the facilitator's choice)."""
        now = time.time() if now is None else now
        with self.lock:
            gone = [d for d in self._devices.values() if d.participant_id is None
                    and not d.blocked and d.connected == 0
                    and now - d.last_seen >= UNBOUND_TTL]
            for device in gone:
                del self._devices[device.digest]
                del self._by_id[device.id]
            if gone:
                self.version += 1
            return len(gone)

    def device(self, token: str | None) -> Device | None:
        """The device of ``token`` (blocked ones too: the caller says why it refuses)."""
        if not token:
            return None
        with self.lock:
            device = self._devices.get(_digest(token))
            if device is not None:
                device.last_seen = time.time()
            return device

    def bind(self, device: Device, participant_id: str) -> str:
        """"ok"; "taken" (another device speaks for that participant, or a blocked one
        holds the name until the facilitator frees it); "unlinked" (the facilitator
        unlinked this device from that participant); "bound" (this device speaks for
        someone else)."""
        with self.lock:
            for other in self._devices.values():
                if other is not device and other.participant_id == participant_id:
                    return "taken"
            if device.participant_id == participant_id:
                return "ok"
            if participant_id in device.unlinked:
                return "unlinked"
            if device.participant_id is not None:
                return "bound"
            device.participant_id = participant_id
            self.version += 1
            return "ok"

    # --- the facilitator -----------------------------------------------------------

    def unbind(self, device_id: str) -> bool:
        """The device no longer speaks for its participant, who is free for another
        phone (not for this one: see ``Device.unlinked``). A blocked device holds its
        participant until this is done."""
        with self.lock:
            device = self._by_id.get(device_id)
            if device is None or device.participant_id is None:
                return False
            device.unlinked.add(device.participant_id)
            device.participant_id = None
            self.version += 1
            return True

    def set_blocked(self, device_id: str, blocked: bool) -> bool:
        """Block (or allow again) a device; a blocked device keeps its participant, so
        no other phone can choose that name until the facilitator unlinks it."""
        with self.lock:
            device = self._by_id.get(device_id)
            if device is None or device.blocked == blocked:
                return False
            device.blocked = blocked
            self.version += 1
            return True

    def connected(self, device: Device, delta: int) -> None:
        with self.lock:
            device.connected = max(0, device.connected + delta)
            self.version += 1

    def devices(self) -> list[Device]:
        """Every device, in the order they joined."""
        with self.lock:
            return list(self._by_id.values())

