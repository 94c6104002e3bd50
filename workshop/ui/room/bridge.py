"""Phones' messages become edits: on the UI thread, through the document, one by one.

The server runs in a process of its own (``ServerProcess``); each message it passes on
reaches ``RoomBridge.receive`` on the UI thread, which returns a future for its answer.
The message is judged against the session as it is now (``workshop.room.plan``) and
applied with ``document.edit`` (undoable, autosaved, on the projector like every other
edit). What arrived together is applied as one edit ("Phones: 12 answers", one undo step
per batch; a single tap stays its own step, named after its participant), at most once a
frame (``FRAME_MS``) and at most ``MAX_BATCH`` answers an edit, so forty phones at once
cost the window a few refreshes a second instead of one per tap, and the facilitator's
window keeps reacting. After a batch only the answering phones' pages are renewed (a
phone sees only its own entries).
"""

from __future__ import annotations

import concurrent.futures
import time
from collections import deque
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from workshop.domain import diagnostics as dg
from workshop.domain.model import Card, Session, new_id
from workshop.i18n import Language, current_language, tr
from workshop.room.plan import Activity, Held, Planned, Refused, activity_areas, approve, plan
from workshop.room.protocol import ActivityKind, Envelope
from workshop.room.server import Sender
from workshop.room.views import Pages, answered, participants_list
from workshop.ui.document import EditRejected, SessionDocument
from workshop.ui.editing import try_edit
from workshop.ui.room.server_process import RegistryMirror, ServerProcess

PUBLISH_MS = 150
"""Phones' pages are recomputed at most this often while edits stream in (after the
projector's frame: the wall first, the phones' own lists a moment later)."""
PREFERRED_PORT = 8765
FRAME_MS = 33
"""Messages are taken in at most once a frame (30 a second): what arrived meanwhile is
one edit."""
MAX_BATCH = 64
"""Messages applied as one edit at most; the rest wait for the next frame, so a burst
never holds the UI thread for long (one edit of 64 answers: a few milliseconds)."""
MAX_HELD_CARDS = 300
"""Cards waiting for the facilitator's approval, in all (each participant's count
towards ``plan.MAX_CARDS_EACH`` as well): the list stays one a facilitator can read."""
AREAS: dict[ActivityKind, tuple[str, ...]] = {kind: activity_areas(kind)
                                              for kind in ActivityKind}
"""What a phone's answer in each activity may touch (the areas of its operations)."""


@dataclass
class PendingCard:
    """A card held for the facilitator's approval (not in the session until approved)."""

    card: Card
    device_id: str


@dataclass
class _Job:
    sender: Sender
    envelope: Envelope
    future: concurrent.futures.Future[dict[str, Any]]


class RoomBridge(QObject):
    """The open room of one document: server, devices, the activity, held cards."""

    sig_changed = Signal()
    """Devices, activity, held cards or answers changed: the panel refreshes."""
    sig_opened = Signal(bool)
    """The room opened (True) or closed (False)."""
    _sig_arrived = Signal(object)
    """A message from the server (the benchmark's clock listens)."""

    def __init__(self, document: SessionDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.activity = Activity()
        self.pending: list[PendingCard] = []
        self.over_limit = 0
        """Cards the last approval left held: their authors had the most cards."""
        self.registry: RegistryMirror | None = None
        self.server: ServerProcess | None = None
        self.url = ""
        self.address = ""
        self.opened_at = 0.0
        self.lost = False
        """The room closed because its server process ended by itself."""
        self.worst_block_ms = 0.0
        """The longest slice of phones' work on the UI thread since the room opened."""
        self.applied = 0
        self._answered: set[str] = set()
        """Participants with an answer taken in since the activity opened."""
        self._queue: deque[_Job] = deque()
        self._work = QTimer(self)
        self._work.setSingleShot(True)
        self._work.setInterval(0)
        self._work.timeout.connect(self._process)
        self._publish_timer = QTimer(self)
        self._publish_timer.setSingleShot(True)
        self._publish_timer.setInterval(PUBLISH_MS)
        self._publish_timer.timeout.connect(self.publish)
        self._watch = QTimer(self)
        self._watch.setInterval(400)
        self._watch.timeout.connect(self._on_watch)
        self._seen_version = -1
        self._last_batch = 0.0
        self._own_edit = False
        """The bridge's own edit is on its way (its phones' pages follow at once)."""
        self._took: set[str] = set()
        """Participants whose answers the batch being applied took in."""
        self._published: set[tuple[str, str]] = set()
        """(participant, language) pairs whose pages the server has."""
        self._missing = QTimer(self)
        self._missing.setSingleShot(True)
        self._missing.setInterval(0)  # after the line being read: never inside a send
        self._missing.timeout.connect(self._publish_missing)
        self._sig_arrived.connect(self._on_arrived)
        document.sig_changed.connect(self._on_document_changed)

    # --- opening and closing -------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.server is not None

    def open(self, address: str, port: int = PREFERRED_PORT) -> str:
        """Serve on ``address`` only; returns the join address. Raises OSError."""
        if self.server is not None:
            return self.url
        server = ServerProcess(self.receive, self)
        try:
            server.start(address, port)  # the preferred port, or any free one
        except OSError:
            server.deleteLater()
            raise
        registry = server.registry
        assert registry is not None
        self.registry, self.server = registry, server
        self.lost = False
        server.sig_ended.connect(lambda: self._on_server_ended(server))
        server.sig_registry.connect(self._missing.start)
        shown = f"[{address}]" if ":" in address else address
        self.address = f"http://{shown}:{server.port}"
        self.url = f"{self.address}/#{registry.join_token}"
        self.opened_at = time.monotonic()
        self.worst_block_ms = 0.0
        self.publish(wait=True)
        self._watch.start()
        self.sig_opened.emit(True)
        self.sig_changed.emit()
        return self.url

    def _on_server_ended(self, server: ServerProcess) -> None:
        """The server process went away by itself (killed, out of memory): the room is
        closed, what had arrived is applied, and the panel says so."""
        if self.server is server:
            self.lost = True
            self.close()

    def close(self) -> None:
        """Stop listening; what already arrived is applied; nothing else is kept."""
        server = self.server
        if server is None:
            return
        self.server = None
        self._watch.stop()
        server.stop()  # what it had passed on is in the queue now
        server.deleteLater()
        while self._queue:  # arrived before the close: applied, not lost
            self._apply(self._queue.popleft())
        self.registry = None
        self._published = set()
        self.url = self.address = ""
        self.activity = replace(Activity(), serial=self.activity.serial + 1)
        self.sig_opened.emit(False)
        self.sig_changed.emit()

    # --- the facilitator's choices -------------------------------------------------

    def set_activity(self, kind: ActivityKind, subject_id: str = "",
                     moment_id: str = "") -> None:
        """Open ``kind`` to the phones (NONE closes the question); a new key each time."""
        if kind is ActivityKind.SCAN and not moment_id:
            moment_id = self._scan_moment()
        self._answered = set()
        self.activity = Activity(kind=kind, subject_id=subject_id, moment_id=moment_id,
                                 anonymous=self.activity.anonymous, hold=self.activity.hold,
                                 serial=self.activity.serial + 1)
        self.publish(wait=True)
        self.sig_changed.emit()

    def _scan_moment(self) -> str:
        """The latest measurement moment, or a new one (an edit) when there is none."""
        latest = dg.latest_moment(self.document.session)
        if latest is not None:
            return latest.id
        import datetime as dt

        made = new_id("mt")
        try_edit(self.document, tr("New measurement moment"), dg.add_moment, tr("Phones"),
                 dt.datetime.now().replace(microsecond=0), made)
        return made

    def set_anonymous(self, on: bool) -> None:
        self.activity = replace(self.activity, anonymous=on)
        self.sig_changed.emit()

    def set_hold(self, on: bool) -> None:
        self.activity = replace(self.activity, hold=on)
        self.sig_changed.emit()

    def unbind(self, device_id: str) -> None:
        if self.registry is not None and self.registry.unbind(device_id):
            self._after_device_change()

    def set_blocked(self, device_id: str, blocked: bool) -> None:
        if self.registry is not None and self.registry.set_blocked(device_id, blocked):
            self._after_device_change()

    def _after_device_change(self) -> None:
        self.publish(wait=True)
        self.sig_changed.emit()

    def approve(self, card_ids: list[str]) -> int:
        """Let held cards through: each one an edit, as if it had just arrived."""
        done = 0
        self.over_limit = 0
        for pending in [p for p in self.pending if p.card.id in set(card_ids)]:
            who = self.document.session.participant(pending.card.author_id or "")
            edit = approve(self.document.session, pending.card, who.name) if who else None
            if who is not None and edit is None:
                self.over_limit += 1  # its author has the most cards already: stays held
                continue
            self.pending.remove(pending)
            if edit is None:
                continue
            if try_edit(self.document, edit.label(current_language()), edit.op, *edit.args):
                done += 1
        self.publish(wait=True)
        self.sig_changed.emit()
        return done

    def reject(self, card_ids: list[str]) -> None:
        self.pending = [p for p in self.pending if p.card.id not in set(card_ids)]
        self.publish(wait=True)
        self.sig_changed.emit()

    # --- what the panel shows ------------------------------------------------------

    def answered(self) -> set[str]:
        """Participants who answered the open question.

        A consent round and a scan ask something new each time (their own item, their
        own moment), so the session says who answered; cards, dots and interests pile
        up over the meeting, so for those it is who answered since this opening.
        """
        if self.activity.kind in (ActivityKind.CONSENT, ActivityKind.SCAN):
            return answered(self.document.session, self.activity)
        return set(self._answered)

    # --- messages from the phones --------------------------------------------------

    def receive(self, sender: Sender, envelope: Envelope
                ) -> concurrent.futures.Future[dict[str, Any]]:
        """Queue ``envelope`` (from the server, on the UI thread); its answer comes
        later, in the future returned."""
        future: concurrent.futures.Future[dict[str, Any]] = concurrent.futures.Future()
        self._sig_arrived.emit(_Job(sender, envelope, future))
        return future

    def _on_arrived(self, job: _Job) -> None:
        self._queue.append(job)
        if not self._work.isActive():
            # At most one batch a frame: what arrives meanwhile waits for the next one,
            # so forty phones cost the window one edit and one refresh a frame, while a
            # lone tap after a quiet moment is taken in at once.
            since = (time.perf_counter() - self._last_batch) * 1000
            self._work.start(max(0, round(FRAME_MS - since)))

    def _process(self) -> None:
        """Apply what has arrived, as one edit (one undo step per batch)."""
        start = time.perf_counter()
        jobs = [self._queue.popleft() for _ in range(min(len(self._queue), MAX_BATCH))]
        self._apply_batch(jobs)
        self._last_batch = time.perf_counter()
        self.worst_block_ms = max(self.worst_block_ms, (self._last_batch - start) * 1000)
        if self._queue:  # the rest in the next frame: the window reacts in between
            self._work.start(FRAME_MS)

    def _apply(self, job: _Job) -> None:
        self._apply_batch([job])

    def _apply_batch(self, jobs: list[_Job]) -> None:
        answers: dict[int, dict[str, Any]] = {}
        ready: list[_Job] = []
        bindings = self.registry.bindings() if self.registry is not None else None
        for job in jobs:
            refusal = self._precheck(job.sender, job.envelope, bindings)
            if refusal is not None:
                answers[id(job)] = refusal
            else:
                ready.append(job)
        if len(ready) > 1:
            try:
                answers.update(self._edit_together(ready))
                ready = []
            except EditRejected:
                pass  # one of them does not fit: each on its own, so only it is refused
        for job in ready:
            try:
                answers[id(job)] = self._edit_together([job])[id(job)]
            except EditRejected as exc:
                said = exc.said(job.sender.lang)  # in the phone's language
                answers[id(job)] = {"status": "refused", "code": "invalid",
                                    "message": said[0] if said else str(exc)}
            except Exception as exc:  # noqa: BLE001 - a phone never takes the app down
                answers[id(job)] = {"status": "refused", "code": "error",
                                    "message": tr("The laptop could not take this in: "
                                                  "{error}", job.sender.lang,
                                                  error=type(exc).__name__)}
        if self._took:  # before the answers: a phone that reloads sees its own entry
            took, self._took = self._took, set()
            self.publish(only=took)
        for job in jobs:
            answer = answers[id(job)]
            answer["id"] = job.envelope.id
            if not job.future.done():
                job.future.set_result(answer)

    def _precheck(self, sender: Sender, envelope: Envelope,
                  bindings: dict[str, tuple[str | None, bool]] | None
                  ) -> dict[str, Any] | None:
        """A refusal that needs no look at the session, or None. ``bindings``: the
        registry's devices as they are now (None: the room is closed)."""
        lang: Language = sender.lang
        if bindings is not None:
            bound = bindings.get(sender.device_id)
            if bound is None or bound[1] or bound[0] != sender.participant_id:
                return {"status": "refused", "code": "not_bound",
                        "message": tr("This phone no longer speaks for you. Choose your "
                                      "name again.", lang)}
        if envelope.activity != self.activity.key:
            return {"status": "refused", "code": "not_open",
                    "message": tr("This question is not open (any more). Look at the "
                                  "projector.", lang)}
        return None

    def _edit_together(self, jobs: list[_Job]) -> dict[int, dict[str, Any]]:
        """Judge and apply ``jobs`` in order as one edit; raises EditRejected (and
        nothing changed) when the result would be invalid."""
        answers: dict[int, dict[str, Any]] = {}
        held: list[PendingCard] = []
        labels: list[str] = []
        took: list[str] = []
        activity = self.activity

        def mutate(session: Session) -> None:
            for job in jobs:  # each judged on the session as the ones before left it
                pid = job.sender.participant_id
                waiting = sum(1 for p in self.pending + held if p.card.author_id == pid)
                outcome = plan(session, activity, pid, job.envelope.action,
                               job.sender.lang, held=waiting)
                if isinstance(outcome, Held) \
                        and len(self.pending) + len(held) >= MAX_HELD_CARDS:
                    outcome = Refused(tr("Many cards are waiting for the facilitator's "
                                         "approval. Send yours in a moment.",
                                         job.sender.lang), "held_full")
                if isinstance(outcome, Refused):
                    answers[id(job)] = {"status": "refused", "code": outcome.code,
                                        "message": outcome.message}
                elif isinstance(outcome, Held):
                    took.append(job.sender.participant_id)
                    held.append(PendingCard(outcome.card, job.sender.device_id))
                    answers[id(job)] = {"status": "held", "message": tr(
                        "Your card waits for the facilitator's approval.", job.sender.lang)}
                else:
                    outcome.mutate(session)
                    took.append(job.sender.participant_id)
                    labels.append(outcome.label(current_language()))
                    answers[id(job)] = {"status": "ok", "item": outcome.item_id}

        if len(jobs) == 1:  # a single tap is its own step, named after its participant
            first = plan(self.document.session, activity, jobs[0].sender.participant_id,
                         jobs[0].envelope.action, jobs[0].sender.lang)
            label = (first.label(current_language()) if isinstance(first, Planned)
                     else tr("Phones"))
        else:
            label = tr("Phones: {n} answers", n=len(jobs))
        self._own_edit = True  # its pages follow below, not after PUBLISH_MS
        try:
            self.document.edit(label, AREAS[activity.kind], mutate)
        finally:
            self._own_edit = False
        self.applied += len(labels)
        self._answered.update(took)
        self._took.update(took)
        if held:
            self.pending += held
            self._schedule_publish()
            self.sig_changed.emit()
        return answers

    # --- what the phones see -------------------------------------------------------

    def _on_document_changed(self, _areas: frozenset[str]) -> None:
        if self.server is not None and not self._own_edit:
            self._schedule_publish()

    def _schedule_publish(self) -> None:
        if not self._publish_timer.isActive():
            self._publish_timer.start()

    def publish(self, only: set[str] | None = None, *, wait: bool = False) -> None:
        """Recompute every bound phone's page and hand them to the server; ``only``: the
        pages of these participants (the ones whose answers were just taken in: a phone
        sees only the open question and its own entries, so no other page changed);
        ``wait``: return once the server has them (the facilitator's own change)."""
        if self.server is None or self.registry is None:
            return
        session = self.document.session
        held: dict[str, list[str]] = {}
        for p in self.pending:
            held.setdefault(p.card.author_id or "", []).append(p.card.text)
        states: dict[tuple[str, str], dict[str, Any]] = {}
        pages = Pages(session, self.activity, compact=True)
        for pid, lang in self.registry.bound_languages():
            if only is not None and pid not in only:
                continue
            language: Language = "en" if lang == "en" else "nl"
            state = pages.state(pid, language)
            if self.activity.kind is ActivityKind.CARDS:
                state["held"] = held.get(pid, [])
            states[(pid, lang)] = state
        if only is None:
            self._published = set(states)
            self.server.publish(participants_list(session), states,
                                activity=self.activity.key, wait=wait)
        else:
            self._published.update(states)
            self.server.publish_some(states)

    def _publish_missing(self) -> None:
        """A phone just chose its name or switched language: its page at once (the
        server holds its request until then), not at the next look (``_on_watch``)."""
        if self.registry is None:
            return
        missing = self.registry.bound_languages() - self._published
        if missing:
            self.publish(only={pid for pid, _lang in missing})

    def _on_watch(self) -> None:
        registry = self.registry
        if registry is None:
            return
        if registry.version != self._seen_version:
            self._seen_version = registry.version
            self.publish()  # a device bound: its page exists from now on
            self.sig_changed.emit()

    def ui_language(self) -> Language:
        return current_language()
