"""The room's web server: aiohttp on an asyncio loop in a thread of its own, in the
room's server process (``workshop.room.process``), never in the app's.

Why aiohttp: it is maintained, speaks HTTP and WebSockets in one small library, caps
body and message sizes itself, and keeps every phone's slow or vanished connection off
the UI thread (Qt's QWebSocketServer lives in the QtWebSockets add-on, which the
``pyside6-essentials`` wheel does not ship, and would run on the UI thread).

The server serves three static files and a small JSON API, nothing else. It never
holds the session: it asks ``handler`` (the UI thread's bridge) to apply a message and
waits for the answer; what each phone may see is handed to it by ``publish``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import json
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import WSMsgType, web
from pydantic import BaseModel, ValidationError

from workshop.assets import resource_root
from workshop.i18n import Language, tr
from workshop.room.devices import Device, Registry
from workshop.room.protocol import MAX_BODY, ActivityKind, BindRequest, Envelope, JoinRequest
from workshop.room.views import waiting_page

ANSWER_TIMEOUT = 15.0
"""Seconds a request waits for the UI thread; after that the phone retries (same id)."""
WS_HELLO_TIMEOUT = 10.0
PAGE_WAIT = 3.0
"""Seconds a request waits for a page the app has not published yet (a name just
chosen, a language just switched); the app publishes it within a few frames."""
MAX_LIVE_PER_DEVICE = 3
"""Live connections one phone may hold (a reload, a second tab)."""
STATIC = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/phone.js": ("phone.js", "text/javascript; charset=utf-8"),
    "/phone.css": ("phone.css", "text/css; charset=utf-8"),
}


@dataclass(frozen=True)
class Sender:
    """Who sent a message, as the server knew it when the message arrived."""

    device_id: str
    participant_id: str
    lang: Language


Handler = Callable[[Sender, Envelope], "concurrent.futures.Future[dict[str, Any]]"]


class Refusal(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _lang(request: web.Request) -> Language:
    wanted = request.headers.get("X-Lang", "") or request.headers.get("Accept-Language", "")
    return "en" if wanted.lower().startswith("en") else "nl"


class RoomServer:
    """One open room: ``start`` binds, ``stop`` unbinds; nothing listens in between."""

    def __init__(self, registry: Registry, handler: Handler,
                 need: Callable[[], None] | None = None) -> None:
        self.registry = registry
        self.handler = handler
        self.need = need
        """Called (on the server's thread) when a phone needs a page the app has not
        published yet: it chose its name, or switched language. The app publishes it
        once it knows (``process.Child.send_registry``)."""
        self._published: asyncio.Event | None = None
        """Set when pages arrive (``_push_all``), for a request that waits for one."""
        self.host = ""
        self.port = 0
        self._participants: list[dict[str, str]] = []
        self._states: dict[tuple[str, str], dict[str, Any]] = {}
        self._activity = ""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._sockets: weakref.WeakKeyDictionary[web.WebSocketResponse, Device] = \
            weakref.WeakKeyDictionary()
        self._sent: weakref.WeakKeyDictionary[web.WebSocketResponse, str] = \
            weakref.WeakKeyDictionary()
        self._sent_state: weakref.WeakKeyDictionary[web.WebSocketResponse, Any] = \
            weakref.WeakKeyDictionary()
        """The page object each live phone was sent last (pages are never changed once
        published: a new page is a new object)."""
        self._static = {path: ((resource_root() / "phone" / name).read_bytes(), kind)
                        for path, (name, kind) in STATIC.items()}
        self._stopped = threading.Event()
        self.hosts: set[str] = set()
        """Host headers accepted (the bound address and port): a page on another site
        that points a name at this laptop (DNS rebinding) is refused."""
        self.origins: set[str] = set()
        """``Origin`` headers accepted: the room's own page (``_same_site``)."""

    # --- life ----------------------------------------------------------------------

    def start(self, host: str, port: int = 0) -> int:
        """Bind to ``host`` (one interface's address) and serve; returns the port."""
        ready = threading.Event()
        errors: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._open(host, port))
            except BaseException as exc:  # noqa: BLE001 - reported to start()'s caller
                errors.append(exc)
                ready.set()
                loop.close()
                return
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.run_until_complete(self._close())
                loop.close()
                self._stopped.set()

        self._thread = threading.Thread(target=run, name="workshop-room", daemon=True)
        self._thread.start()
        ready.wait(10.0)
        if errors:
            raise errors[0]
        return self.port

    async def _open(self, host: str, port: int) -> None:
        self._published = asyncio.Event()
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard])
        app.router.add_get("/", self._page)
        app.router.add_get("/phone.js", self._page)
        app.router.add_get("/phone.css", self._page)
        app.router.add_post("/api/join", self._join)
        app.router.add_post("/api/bind", self._bind)
        app.router.add_get("/api/state", self._state)
        app.router.add_post("/api/send", self._send)
        app.router.add_get("/api/live", self._live)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False,
                                     shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port, reuse_address=False)
        await site.start()
        server = site._server  # noqa: SLF001 - the one way to learn the chosen port
        sockets = getattr(server, "sockets", None) or []
        self.host = host
        self.port = sockets[0].getsockname()[1] if sockets else port
        shown = f"[{host}]" if ":" in host else host
        self.hosts = {f"{shown}:{self.port}"}
        self.origins = {f"http://{host}" for host in self.hosts}

    async def _close(self) -> None:
        for ws in list(self._sockets):
            with contextlib.suppress(Exception):
                await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def stop(self) -> None:
        """Close every connection and the listening socket; returns when it is closed."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        if loop.is_running():
            loop.call_soon_threadsafe(loop.stop)
        thread.join(10.0)
        self._loop = None
        self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # --- from the UI thread --------------------------------------------------------

    def publish(self, participants: list[dict[str, str]],
                states: dict[tuple[str, str], dict[str, Any]], activity: str = "") -> None:
        """What phones may see now: the pick list, and each (participant, lang)'s page;
        ``activity``: the open question's key."""
        self._participants = participants
        self._states = states
        self._activity = activity
        self.poke()

    def publish_some(self, states: dict[tuple[str, str], dict[str, Any]]) -> None:
        """Some (participant, lang)'s pages changed; the others stay as they were."""
        merged = dict(self._states)
        merged.update(states)
        self._states = merged  # one assignment: the server's thread sees old or new
        self.poke()

    def poke(self) -> None:
        """Send every live phone its page again if it changed (binding, blocking...)."""
        loop = self._loop
        if loop is not None and loop.is_running():
            loop.call_soon_threadsafe(self._push_all)

    # --- what a phone sees ---------------------------------------------------------

    def state_for(self, device: Device) -> dict[str, Any]:
        lang: Language = "en" if device.lang == "en" else "nl"
        if device.blocked:
            return {"blocked": True,
                    "message": tr("The facilitator has blocked this phone.", lang)}
        if device.participant_id is None:
            return {"participants": self._participants, "activity": None}
        state = self._states.get((device.participant_id, device.lang))
        if state is None:
            return {"activity": {"key": "none-0", "kind": "none",
                                 "title": tr("Wait for the next question", lang)},
                    "me": {"id": device.participant_id, "name": ""}}
        return state

    def _has_page(self, device: Device) -> bool:
        return device.blocked or device.participant_id is None \
            or (device.participant_id, device.lang) in self._states

    async def _current_state(self, device: Device) -> dict[str, Any]:
        """The device's page; when the app has not published one for its participant and
        language yet (it just chose its name, or switched language), the app is told and
        the request waits for it (``PAGE_WAIT`` at most; the UI thread is never held):
        the answer is the open question, not a "wait" page that is wrong a moment later."""
        published = self._published
        pid = device.participant_id
        if not self._has_page(device) and pid is not None \
                and self._activity.startswith(ActivityKind.NONE.value + "-"):
            # no question open: the page is the same for everyone but the name
            name = next((p["name"] for p in self._participants if p["id"] == pid), None)
            if name is not None:
                return waiting_page(self._activity, pid, name,
                                    "en" if device.lang == "en" else "nl")
        if not self._has_page(device) and published is not None:
            if self.need is not None:
                self.need()
            deadline = time.monotonic() + PAGE_WAIT
            while not self._has_page(device):
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                published.clear()
                if self._has_page(device):
                    break
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(published.wait(), left)
        return self.state_for(device)

    def _push_all(self) -> None:
        if self._published is not None:
            self._published.set()
        for ws, device in list(self._sockets.items()):
            if ws.closed:
                continue
            state = self.state_for(device)
            if self._sent_state.get(ws) is state:
                continue  # the very page it was sent last: not encoded again
            self._sent_state[ws] = state
            text = json.dumps({"state": state}, ensure_ascii=False)
            if self._sent.get(ws) != text:
                self._sent[ws] = text
                asyncio.ensure_future(self._send_text(ws, text))

    @staticmethod
    async def _send_text(ws: web.WebSocketResponse, text: str) -> None:
        with contextlib.suppress(Exception):  # a phone that vanished mid-send
            await ws.send_str(text)

    # --- requests ------------------------------------------------------------------

    @web.middleware
    async def _guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        lang = _lang(request)
        try:
            if request.host not in self.hosts:
                raise Refusal(421, "wrong_host", tr("This address is not the room's.", lang))
            if request.path.startswith("/api/"):
                self._same_site(request, lang)
            if (request.content_length or 0) > MAX_BODY:
                raise Refusal(413, "too_large", tr("That message is too long.", lang))
            response: web.StreamResponse = await handler(request)
        except Refusal as refusal:
            response = web.json_response({"error": refusal.code, "message": refusal.message},
                                         status=refusal.status)
        except web.HTTPRequestEntityTooLarge:
            response = web.json_response({"error": "too_large",
                                          "message": tr("That message is too long.", lang)},
                                         status=413)
        except web.HTTPException as exc:
            response = web.json_response({"error": "not_here",
                                          "message": tr("There is nothing here.", lang)},
                                         status=exc.status if exc.status >= 400 else 404)
        if isinstance(response, web.WebSocketResponse):
            return response
        headers = response.headers
        headers["Cache-Control"] = "no-store"
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "DENY"
        headers["Referrer-Policy"] = "no-referrer"
        headers["Content-Security-Policy"] = (
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            f"connect-src 'self' ws://{request.host}; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'")
        return response

    def _same_site(self, request: web.Request, lang: Language) -> None:
        """The API answers the room's own page only. A page on another site can make a
        browser send a "simple" POST here (a form, text/plain) without asking; it cannot
        send ``Content-Type: application/json`` without a CORS preflight, which this
        server never grants. So: an ``Origin`` other than the room's own, or a POST
        that is not JSON, is refused before anything is read or counted."""
        origin = request.headers.get("Origin")
        if origin is not None and origin not in self.origins:
            raise Refusal(403, "wrong_origin", tr("This request did not come from the "
                                                  "room's own page.", lang))
        if request.method == "POST" and request.content_type != "application/json":
            raise Refusal(415, "not_json", tr("The phone sent something the room does not "
                                              "understand. Reload the page.", lang))

    async def _page(self, request: web.Request) -> web.Response:
        body, kind = self._static[request.path]
        if request.path == "/":
            with self.registry.lock:
                self.registry.page_loads += 1
                self.registry.version += 1
        return web.Response(body=body, content_type=kind.split(";")[0], charset="utf-8")

    async def _body(self, request: web.Request, model: type[BaseModel],
                    lang: Language) -> Any:
        raw = await request.read()
        if len(raw) > MAX_BODY:
            raise Refusal(413, "too_large", tr("That message is too long.", lang))
        try:
            return model.model_validate_json(raw)
        except ValidationError:
            raise Refusal(400, "invalid", tr("The phone sent something the room does not "
                                             "understand. Reload the page.", lang)) from None

    def _device(self, request: web.Request, lang: Language) -> Device:
        auth = request.headers.get("Authorization", "")
        token = auth[7:].strip() if auth.startswith("Bearer ") else ""
        if not token:
            raise Refusal(401, "no_token", tr("This phone has not joined the room. Scan the "
                                              "code on the projector.", lang))
        device = self.registry.device(token[:100])
        if device is None:
            raise Refusal(401, "bad_token", tr("This phone's pass is not valid for this room "
                                               "(was the room closed and opened again?). "
                                               "Scan the code on the projector.", lang))
        if device.blocked:
            raise Refusal(403, "blocked", tr("The facilitator has blocked this phone.", lang))
        return device

    async def _join(self, request: web.Request) -> web.Response:
        lang = _lang(request)
        address = request.remote or "?"
        join = await self._body(request, JoinRequest, lang)
        # Tries are counted per network address before the code or token is looked at:
        # a typed code is short, so a few tries a minute; the join token is too long to
        # guess, so the room's QR code lets a whole room in at once (phones behind one
        # address too), and the phones that chose no name yet are capped per address
        # (``add_device``): one client cannot take the others' places.
        if not self.registry.host_allowed(address, token=join.token is not None):
            raise Refusal(429, "slow_down", tr("Too many tries from this network address. "
                                               "Wait a minute.", lang))
        verdict = self.registry.check_join(join.token, join.code)
        if verdict == "code_closed":
            raise Refusal(403, "code_closed", tr("Too many wrong codes: the code no longer "
                                                 "works. Scan the QR code instead.", lang))
        if verdict != "ok":
            raise Refusal(403, verdict, tr("That code is not right. Look at the projector.",
                                           lang) if verdict == "bad_code" else
                          tr("This join address is not valid (any more). Scan the code on "
                             "the projector.", lang))
        added = self.registry.add_device(address, request.headers.get("User-Agent", ""),
                                         join.lang)
        if added == "address":
            raise Refusal(429, "slow_down", tr(
                "Too many phones from this network address have not chosen their name "
                "yet. Wait a moment and try again.", lang))
        if isinstance(added, str):
            raise Refusal(503, "full", tr("The room is full.", lang))
        device, token = added
        return web.json_response({"device": token, "state": self.state_for(device)})

    async def _bind(self, request: web.Request) -> web.Response:
        lang = _lang(request)
        device = self._device(request, lang)
        if not device.reads.allow(time.monotonic()):
            raise Refusal(429, "slow_down", tr("Slow down a little.", lang))
        bind = await self._body(request, BindRequest, lang)
        if not any(p["id"] == bind.participant_id for p in self._participants):
            raise Refusal(404, "unknown_participant", tr("That name is not on the list.",
                                                         lang))
        verdict = self.registry.bind(device, bind.participant_id)
        if verdict == "taken":
            raise Refusal(409, "taken", tr("Another phone has already chosen this name. "
                                           "Ask the facilitator.", lang))
        if verdict == "unlinked":
            raise Refusal(409, "unlinked", tr("The facilitator has unlinked this phone from "
                                              "this name. Ask the facilitator.", lang))
        if verdict == "bound":
            raise Refusal(409, "bound", tr("This phone already speaks for someone else. Ask "
                                           "the facilitator.", lang))
        self.poke()
        return web.json_response({"state": await self._current_state(device)})

    async def _state(self, request: web.Request) -> web.Response:
        lang = _lang(request)
        device = self._device(request, lang)
        if not device.reads.allow(time.monotonic()):
            raise Refusal(429, "slow_down", tr("Slow down a little.", lang))
        if request.headers.get("X-Lang") in ("nl", "en") and device.lang != lang:
            with self.registry.lock:  # the phone switched language: its pages follow
                device.lang = lang
                self.registry.version += 1
        return web.json_response({"state": await self._current_state(device)})

    async def _send(self, request: web.Request) -> web.Response:
        lang = _lang(request)
        device = self._device(request, lang)
        if not device.sends.allow(time.monotonic()):
            raise Refusal(429, "slow_down", tr("Slow down a little.", lang))
        envelope: Envelope = await self._body(request, Envelope, lang)
        pid = device.participant_id
        if pid is None:
            raise Refusal(409, "not_bound", tr("Choose your name first.", lang))
        known = device.messages.get(envelope.id)
        if isinstance(known, dict):
            return web.json_response({**known, "duplicate": True})
        if known is None:
            if len(device.messages) >= 5000:
                raise Refusal(429, "too_many", tr("This phone has sent too many messages.",
                                                  lang))
            known = self.handler(Sender(device.id, pid, lang), envelope)
            device.messages[envelope.id] = known
        try:
            answer = await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(known)),
                                            ANSWER_TIMEOUT)
        except asyncio.TimeoutError:
            raise Refusal(503, "busy", tr("The laptop is busy; your answer is sent again "
                                          "in a moment.", lang)) from None
        except (concurrent.futures.CancelledError, asyncio.CancelledError):
            device.messages.pop(envelope.id, None)
            raise Refusal(503, "closing", tr("The room is closing.", lang)) from None
        device.messages[envelope.id] = answer
        return web.json_response(answer)

    async def _live(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=MAX_BODY, heartbeat=20.0)
        await ws.prepare(request)
        lang = _lang(request)
        try:
            hello = await ws.receive(timeout=WS_HELLO_TIMEOUT)
            data = json.loads(hello.data) if hello.type == WSMsgType.TEXT else {}
            token = data.get("device") if isinstance(data, dict) else None
            device = self.registry.device(token if isinstance(token, str) else None)
        except (asyncio.TimeoutError, ValueError, TypeError, RecursionError):
            device = None  # no hello, or not one (deep nesting: RecursionError in json)
        if device is None:
            await self._send_text(ws, json.dumps({"error": "bad_token", "message": tr(
                "This phone's pass is not valid for this room. Scan the code on the "
                "projector.", lang)}))
            await ws.close()
            return ws
        if device.blocked or device.connected >= MAX_LIVE_PER_DEVICE:
            await ws.close()
            return ws
        self._sockets[ws] = device
        self.registry.connected(device, +1)
        try:
            self._push_all()
            async for message in ws:  # phones only say "ping"; anything else is dropped
                if not device.reads.allow(time.monotonic()):
                    break  # a flood: this connection ends, the phone reconnects later
                if message.type == WSMsgType.TEXT and message.data == "ping":
                    await ws.send_str("pong")
        finally:
            self._sockets.pop(ws, None)
            self.registry.connected(device, -1)
        return ws
