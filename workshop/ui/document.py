"""One open session: the single path every edit takes.

An edit is ``document.edit(label, areas, mutate)``: ``mutate`` changes the live session in
place; the document snapshots the touched ``areas`` (dotted paths such as
``"participants"`` or ``"ambition.cards"``) before and after, validates the result, and
pushes an ``EditCommand`` on the ``QUndoStack``. Undo and redo put the snapshots back.
Autosave, the modified marker and every view follow from the stack and from
``sig_changed``, so no page saves or refreshes another page by itself.

Snapshots are pydantic's plain-Python dumps of just the touched areas: cheap to take
(about 1 ms for 2,000 consent records), never aliased with the live objects, and exact
on the way back (validated into fresh models).
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, cast, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from workshop import locale_format
from workshop.domain import consent
from workshop.domain.consent import stamp_unversioned
from workshop.domain.fingerprint import (
    AgreementCache,
    unprinted,
)
from workshop.domain.incremental import touched_problems
from workshop.domain.model import Session
from workshop.domain.validation import problems_from
from workshop.i18n import Language, Message, current_language, tr
from workshop.storage import paths
from workshop.storage.autosave import Autosaver, SaveWorker
from workshop.storage.backups import BackupStore
from workshop.storage.errors import SaveError, SessionFileError
from workshop.storage.files import save_session
from workshop.storage.files import snapshot as snapshot_of
from workshop.storage.forget import Forgotten, Traces, forget_everywhere
from workshop.storage.lock import SessionLock

__all__ = ["EditRejected", "SessionDocument"]

AUTOSAVE_TICK_MS = 100
PREPARE_SAVING_MS = 2_000
"""After opening, when the first save's whole encoding is done (``prepare_saving``)."""
FULL_SNAPSHOT_S = 60.0
"""At least this often (in pauses of editing, ``ROLL_PAUSE_S``) every part of the
session is frozen again, not only the areas edits said they touched: a safety net under
the area bookkeeping (explicit flushes and closing freeze the whole session). One
top-level field at a time, in turn, spread over the period: a whole snapshot of the
large session at once is ~40 ms of the UI thread, a stall in the middle of typing
(tests/bench: soak)."""
ROLLING_FIELDS = tuple(Session.model_fields)
"""The fields the safety net freezes again in turn."""
ROLL_PAUSE_S = 0.5
"""The safety net freezes its field in turn only in a pause of editing (no edit for
this long: the autosave's delay, so a save after a pause qualifies) unless it waited
``FULL_SNAPSHOT_S`` for one: a field is read from the session whole (the 40
signatures of the large session, 15,600 points, take 5-20 ms), which in the middle of
typing lands in a keystroke."""
AHEAD_MIN_ELEMENTS = 64
"""A list of models this long gets its saves' forms made ahead (``prepare_saving``)."""


def _clock() -> float:
    return time.monotonic()


Mutation = Callable[[Session], object]


class EditRejected(ValueError):
    """An edit would leave the session invalid; nothing was changed.

    ``problems`` are said in the app's language; ``said(lang)`` says them in another
    (a phone's, whose participant may read English while the facilitator reads Dutch).
    """

    def __init__(self, problems: list[str],
                 messages: list[tuple[str, Message]] | None = None) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems
        self._messages = messages

    def said(self, lang: Language) -> list[str]:
        if self._messages is None:
            return list(self.problems)
        return [_say(area, message, lang) for area, message in self._messages]


def _say(area: str, message: Message, lang: Language) -> str:
    """A problem as the facilitator reads it: the area it is in, unless it names it."""
    text = message.text(lang)
    return f"{area}: {text}" if area and not text.startswith(area) else text


@cache
def _adapter(owner: type[BaseModel], field: str) -> TypeAdapter[Any]:
    annotation = owner.model_fields[field].annotation
    if annotation is None:
        raise TypeError(f"{owner.__name__}.{field} has no type")
    return TypeAdapter(annotation)


@cache
def _element_adapter(owner: type[BaseModel], field: str) -> TypeAdapter[Any] | None:
    """For a field that is a plain list of models (``list[Card]``: ``_adapter`` checks
    nothing about the list as such), the adapter of one element; else None."""
    annotation = owner.model_fields[field].annotation
    if get_origin(annotation) is list:
        (element,) = get_args(annotation)
        if isinstance(element, type) and issubclass(element, BaseModel):
            return TypeAdapter(element)
    return None


def _validate(owner: type[BaseModel], field: str, value: Any, before: Any) -> None:
    """Raises ``ValidationError`` when ``value`` (a dump of the field) is not valid.

    The elements of a list of models that are the very ones of ``before`` (shared with
    it by ``_shared``: equal to a valid element) are not checked again, only the new
    ones: an added decision checks one record, not 2,000. On a problem, the whole list
    is checked, so the messages name the element's place as they always did."""
    element = _element_adapter(owner, field)
    if element is not None and isinstance(value, list) and isinstance(before, list):
        if value is before:
            return
        known = {id(e) for e in before}
        try:
            for item in value:
                if id(item) not in known:
                    element.validate_python(item)
            return
        except ValidationError:
            pass
    _adapter(owner, field).validate_python(value)


def _resolve(session: Session, area: str) -> tuple[BaseModel, str]:
    """The model that holds ``area``'s last part, and that part's name."""
    *parents, leaf = area.split(".")
    holder: BaseModel = session
    for part in parents:
        holder = getattr(holder, part)
    if leaf not in type(holder).model_fields:
        raise KeyError(f"unknown session area {area!r}")
    return holder, leaf


@cache
def _records(owner: type[BaseModel], field: str) -> bool:
    """Whether the field is a list of records never changed once made (frozen models,
    such as the decisions): an element that is the same object dumps the same."""
    element = _element_adapter(owner, field)
    return element is not None and bool(
        get_args(owner.model_fields[field].annotation)[0].model_config.get("frozen"))


def _list_areas(session: Session, least: int) -> list[str]:
    """The areas that are lists of models (``consents``, ``ambition.cards``: top-level
    fields and their fields, the areas a save re-dumps) with at least ``least``
    elements."""
    found = []
    for name in type(session).model_fields:
        value = getattr(session, name)
        places: list[tuple[BaseModel, str, str]] = [(session, name, name)]
        if isinstance(value, BaseModel):
            places = [(value, leaf, f"{name}.{leaf}") for leaf in type(value).model_fields]
        for holder, leaf, area in places:
            if _element_adapter(type(holder), leaf) is not None \
                    and len(getattr(holder, leaf)) >= least:
                found.append(area)
    return found


Dumps = dict[str, dict[int, tuple[Any, Any]]]
"""Per area of frozen records: id -> (the record, its dump), the record kept alive so
its id stays its own."""


def _snapshot(session: Session, areas: Iterable[str], kept: Dumps | None = None
              ) -> dict[str, Any]:
    """The areas dumped (Python values, never changed once taken). A list of records
    never changed once made (``_records``) is dumped element by element, each record's
    dump kept in ``kept`` while it is there: a decision among 2,080 dumps one record."""
    out = {}
    for area in areas:
        holder, leaf = _resolve(session, area)
        value = getattr(holder, leaf)
        whole = _adapter(type(holder), leaf)
        if kept is None or not _records(type(holder), leaf):
            out[area] = whole.dump_python(value)
            continue
        known = kept.get(area, {})
        hits = [known.get(id(e)) for e in value]
        missing = [e for e, hit in zip(value, hits, strict=True) if hit is None]
        if missing:
            made = iter(whole.dump_python(missing))
            hits = [hit if hit is not None else (e, next(made))
                    for e, hit in zip(value, hits, strict=True)]
        done = cast("list[tuple[Any, Any]]", hits)
        kept[area] = {id(hit[0]): hit for hit in done}
        out[area] = [hit[1] for hit in done]
    return out


def _shared(new: Any, old: Any) -> Any:
    """``new``, reusing the parts of ``old`` that are equal to it (snapshots are never
    changed once taken, so they can share). An edit of one card among 1,000 then keeps
    one new card in the undo history, not 2,000 copies of the unchanged ones."""
    if isinstance(new, list) and isinstance(old, list):
        # (no comparison of the whole lists first: the elements are compared below, and
        # a list of 2,000 decisions compared twice was a tenth of an edit's time)
        by_id: dict[Any, Any] | None = None  # built when the order differs
        out = []
        j = 0  # elements without an id: matched in order, over one removal or insertion
        for i, element in enumerate(new):
            if isinstance(element, dict) and "id" in element:
                twin = old[i] if i < len(old) else None
                if not (isinstance(twin, dict) and twin.get("id") == element["id"]):
                    if by_id is None:
                        by_id = {e["id"]: e for e in old if isinstance(e, dict) and "id" in e}
                    twin = by_id.get(element["id"])
            else:  # (``is`` first: a record's dump kept by ``_snapshot`` is the same)
                if j + 1 < len(old) and old[j] is not element and old[j] != element \
                        and (old[j + 1] is element or old[j + 1] == element):
                    j += 1
                twin = old[j] if j < len(old) else None
                if twin is element or twin == element:
                    j += 1
            out.append(twin if twin is not None and (twin is element or twin == element)
                       else element)
        if len(out) == len(old) and all(a is b for a, b in zip(out, old, strict=True)):
            return old  # equal: the old list itself
        return out
    if new == old:
        return old
    if isinstance(new, dict) and isinstance(old, dict):
        return {k: _shared(v, old[k]) if k in old else v for k, v in new.items()}
    return new


def _restore(session: Session, snapshot: dict[str, Any], kept: Dumps | None = None
             ) -> None:
    """Put the snapshot's areas back into the session. In a list of records never
    changed once made, a record whose dump ``kept`` knows (the very dict) is that
    record itself: an undo among 1,000 cards makes the cards it changed, not all."""
    for area, dumped in snapshot.items():
        holder, leaf = _resolve(session, area)
        owner = type(holder)
        known = kept.get(area) if kept is not None else None
        if known and isinstance(dumped, list) and _records(owner, leaf):
            record_of = {id(dump): record for record, dump in known.values()}
            found = [record_of.get(id(d)) for d in dumped]
            made = iter(_adapter(owner, leaf).validate_python(
                [d for d, r in zip(dumped, found, strict=True) if r is None]))
            value = [r if r is not None else next(made) for r in found]
        else:
            value = _adapter(owner, leaf).validate_python(dumped)
        object.__setattr__(holder, leaf, value)  # no validate-on-assign surprises


def _overlap(a: str, b: str) -> bool:
    """Whether areas ``a`` and ``b`` share data: the same, or one within the other."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def top_areas(areas: Iterable[str]) -> frozenset[str]:
    """``{"ambition.cards", "consents"}`` -> ``{"ambition", "consents"}``."""
    return frozenset(a.split(".", 1)[0] for a in areas)


class EditCommand(QUndoCommand):
    """A recorded edit: the touched areas before and after."""

    def __init__(self, document: SessionDocument, label: str, before: dict[str, Any],
                 after: dict[str, Any], merge_key: str | None) -> None:
        super().__init__(label)
        self._document = document
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self._first_redo = True

    def id(self) -> int:
        # Commands with a merge key merge with the previous command of the same key.
        return 1 if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        if set(other.after) != set(self.after):
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self._first_redo:  # the edit was applied live already
            self._first_redo = False
            return
        document = self._document
        # Redone, an edit voids the signatures it voided when made: said again (the
        # banner), as then
        watch = (bool(document.session.signatures) and "signatures" not in self.after
                 and not all(unprinted(area) for area in self.after))
        before = document.fingerprint() if watch else ""
        document._apply(self.after)
        if watch:
            document._note_voided(before, self.text())

    def undo(self) -> None:
        self._document._apply(self.before)


class SessionDocument(QObject):
    """A session, its file, its lock, its undo stack and its autosave."""

    sig_changed = Signal(frozenset)
    """The top-level areas that changed (``"participants"``, ``"ambition"``, ``"view"``...)."""
    sig_save_state = Signal()
    """Saved, saving or failed: read ``save_state()``."""
    sig_rejected = Signal(list)
    """An edit was refused; the problems, translated."""
    sig_signatures_voided = Signal(list, str)
    """Names of the participants whose signature an edit voided, and that edit's label."""

    def __init__(self, session: Session, path: Path | None = None, *,
                 lock: SessionLock | None = None, read_only: bool = False,
                 backups: BackupStore | None = None, autosave: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        consent.memoize(session)  # every change passes here, and says so
        self.path = path
        self.read_only = read_only
        self._lock = lock
        self.voided_by: dict[str, str] = {}
        """Signature id -> the label of the edit that voided it (this run only)."""
        self._fingerprint: str | None = None
        self._agreement_version = ""
        """The current session's fingerprint, once computed; forgotten on every change."""
        self._agreement = AgreementCache()
        """The printed content's parts, remade only where a change reaches them."""
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._on_index_changed)
        self._pending_areas: frozenset[str] = frozenset()
        self._pending_printed = True
        self.printed_revision = 0
        """Counts the changes that could reach what the agreement prints (or its
        signatures): a view made only of that can skip the others (cards, dots,
        scores, the view)."""
        self._last_snapshot: dict[str, Any] = {}
        """The latest snapshot of each area: the next edit's snapshots share with it."""
        self._json_elements: dict[str, dict[int, tuple[Any, Any]]] = {}
        """For a save: the JSON form of each element of an area's last snapshot."""
        self._dumps: Dumps = {}
        """For snapshots: the dump of each record of a list of frozen records."""
        self.autosaver: Autosaver | None = None
        self._worker: SaveWorker | None = None
        self._shown_state: tuple[str, str] | None = None
        self._frozen: dict[str, Any] = {}
        """The last snapshot handed to the worker (never changed once handed over)."""
        self._stale: set[str] | None = None
        """Top-level fields changed since ``_frozen`` was taken; None: all of them."""
        self._full_at = 0.0
        """When the whole session or the last field in turn was frozen again."""
        self._rolled = 0
        self._edited_at = -math.inf
        """When the last edit, undo or redo was made (``_clock``)."""
        self._ahead: list[str] = []
        """Long lists whose saves' forms are still to be made (``_make_ahead``)."""
        self._timer = QTimer(self)
        self._timer.setInterval(AUTOSAVE_TICK_MS)
        self._timer.timeout.connect(self._on_tick)
        self._prepare = QTimer(self)
        self._prepare.setSingleShot(True)
        self._prepare.setInterval(PREPARE_SAVING_MS)
        self._prepare.timeout.connect(self.prepare_saving)
        if path is not None and autosave and not read_only:
            self.autosaver = self._autosaver(path, backups or BackupStore())
            self._timer.start()
            self._prepare.start()

    def prepare_saving(self) -> None:
        """What the document does ``PREPARE_SAVING_MS`` after opening: the first save's
        whole encoding, done before anyone edits (``Autosaver.prepare``); then, one per
        tick in pauses of editing, each long list's snapshot and its elements' JSON
        forms (``_make_ahead``)."""
        if self.autosaver is not None:
            self.autosaver.prepare()
            self._ahead = _list_areas(self.session, AHEAD_MIN_ELEMENTS)

    def _make_ahead(self) -> None:
        """One long list's snapshot (each record's dump) and its elements' JSON forms,
        made in a pause of editing. Without them the first edit of the list after
        opening dumped all of it for the snapshots and again for the save, on the
        window's thread: the first decision among 2,080 took 10-15 ms more."""
        area = self._ahead.pop(0)
        if area in self._json_elements:  # an edit and its save made them already
            return
        if area not in self._last_snapshot:
            self._last_snapshot.update(_snapshot(self.session, (area,), self._dumps))
        self._json_of(area)

    def _autosaver(self, path: Path, backups: BackupStore) -> Autosaver:
        """Saves on a worker thread: the UI thread only takes a frozen snapshot."""
        if self._worker is None:
            self._worker = SaveWorker()
        return Autosaver(path, lambda: self.session, backups=backups, worker=self._worker,
                         freeze=self._freeze, on_saved=self._on_saved,
                         on_error=self._on_error)

    def _touched(self, areas: Iterable[str]) -> None:
        """Note what an edit, undo, redo or view change touched: top-level fields, or
        their fields (``"ambition.cards"``); deeper areas count as their second level.

        The last snapshots of these areas, and of any area within or around them, are
        dropped: the caller keeps the new ones (an edit, an undo), or none (the view), so
        a snapshot kept is always the area as it is now (``_json_of`` counts on it)."""
        areas = tuple(areas)
        for kept in [k for k in self._last_snapshot
                     if any(_overlap(k, area) for area in areas)]:
            del self._last_snapshot[kept]
        if self._stale is not None:
            self._stale |= {".".join(area.split(".")[:2]) for area in areas}

    def _freeze(self) -> dict[str, Any]:
        """The snapshot a save hands to the worker, on the UI thread.

        Only the fields touched since the last snapshot are dumped again (top-level, or
        one level down such as ``ambition.cards``); the rest are the previous snapshot's
        (frozen JSON values, never changed), so the cost follows the edit, not the
        session. A new dict every time: the worker may still be writing the previous one.
        """
        now = _clock()
        if self._stale is None:
            self._frozen = snapshot_of(self.session)
            self._full_at = now
        else:
            rolled = self._roll_one(now)
            frozen = dict(self._frozen)
            whole = {area for area in self._stale if "." not in area}
            for name in whole:
                frozen[name] = self._json_of(name, live=name == rolled)
            for area in sorted(self._stale - whole):
                name, field = area.split(".")
                if name in whole:
                    continue
                part = dict(frozen[name])  # the previous snapshot's stays as it was
                part[field] = self._json_of(area)
                frozen[name] = part
            self._frozen = frozen
        self._stale = set()
        return self._frozen

    def _json_of(self, area: str, live: bool = False) -> Any:
        """The JSON form of ``area`` as it is now, for a save.

        A list of models that an edit or undo left a snapshot of (``_last_snapshot``,
        the area as it is now; its unchanged elements are the very objects of the
        snapshots before, ``_shared``) is made element by element, each element's JSON
        form kept while it is the same object: a save after a decision among 2,080
        dumps one record, not all (a whole dump was 4 ms of the UI thread at every
        save). Anything else, or ``live`` (the safety net's field in turn), is dumped
        from the session."""
        holder, leaf = _resolve(self.session, area)
        known = None if live else self._last_snapshot.get(area)
        element = _element_adapter(type(holder), leaf)
        if element is None or not isinstance(known, list):
            if not live:  # (the safety net's whole read leaves the kept forms: they are
                # those of the snapshots, still the area as the edits left it)
                self._json_elements.pop(area, None)
            return holder.model_dump(mode="json", include={leaf})[leaf]
        kept = self._json_elements.get(area, {})  # id -> (element, its JSON form)
        # (kept holds each element: its id stays its own while it is there)
        hits = [kept.get(id(e)) for e in known]
        missing = [e for e, hit in zip(known, hits, strict=True) if hit is None]
        if missing:  # the new elements, dumped in one go (all of them at the first save)
            whole = _adapter(type(holder), leaf)
            made = iter(whole.dump_python(whole.validate_python(missing), mode="json"))
            hits = [hit if hit is not None else (e, next(made))
                    for e, hit in zip(known, hits, strict=True)]
        done = cast("list[tuple[Any, Any]]", hits)  # every element has its JSON form now
        self._json_elements[area] = {id(hit[0]): hit for hit in done}
        return [hit[1] for hit in done]

    def _roll_one(self, now: float) -> str | None:
        """The safety net: the next top-level field in turn counts as touched, one every
        ``FULL_SNAPSHOT_S / len(ROLLING_FIELDS)`` seconds in a pause of editing
        (``ROLL_PAUSE_S``), so every field is frozen again from the session itself at
        least every ``FULL_SNAPSHOT_S`` of a meeting that pauses now and then; without a
        pause a field waits ``FULL_SNAPSHOT_S`` longer at most. Returns that field
        (None: not yet)."""
        assert self._stale is not None
        period = FULL_SNAPSHOT_S / len(ROLLING_FIELDS)
        waited = now - self._full_at
        if waited < period:
            return None
        if now - self._edited_at < ROLL_PAUSE_S and waited < period + FULL_SNAPSHOT_S:
            return None  # in the middle of editing: in the next pause
        field = ROLLING_FIELDS[self._rolled % len(ROLLING_FIELDS)]
        self._stale.add(field)
        self._rolled += 1
        self._full_at = now
        return field

    # --- editing -------------------------------------------------------------------

    def edit(self, label: str, areas: Iterable[str], mutate: Mutation,
             merge_key: str | None = None) -> bool:
        """Apply ``mutate`` as one undoable step; False if it changed nothing.

        Raises ``EditRejected`` (and restores the session) when the result is invalid.
        """
        if self.read_only:
            self.sig_rejected.emit([tr("This session is open read-only.")])
            return False
        areas = tuple(dict.fromkeys(areas))
        printed = not all(unprinted(area) for area in areas)
        watch = bool(self.session.signatures) and "signatures" not in areas and printed
        fingerprint_before = self.fingerprint() if watch else ""
        before = self._share(_snapshot(self.session, areas, self._dumps))
        if printed:  # otherwise the fingerprint stays what it was
            self._forget_printed(areas)
        consent.changed(self.session, areas)
        try:
            mutate(self.session)
            if "consents" in areas:
                stamp_unversioned(self.session)  # a decision counts for the words it was given to
            consent.changed(self.session, areas)  # (kept while mutating: stamping asks)
            # shared with ``before`` first: unchanged parts are then known without
            # comparing them again, and need no second check
            after = {area: _shared(value, before[area])
                     for area, value in _snapshot(self.session, areas, self._dumps).items()}
            found = self._problems(areas, after, before)
        except ValidationError as exc:
            found = [("", p) for p in problems_from(exc)]
        if found:
            _restore(self.session, before, self._dumps)
            consent.changed(self.session, areas)
            problems = [_say(area, p, current_language()) for area, p in found]
            self.sig_rejected.emit(problems)
            raise EditRejected(problems, found)
        if all(after[area] is before[area] for area in areas):
            return False  # equal (``_shared`` gives the old value itself when so)
        self._touched(areas)
        self._last_snapshot.update(after)
        command = EditCommand(self, label, before, after, merge_key)
        self._pending_areas = top_areas(areas)
        self._pending_printed = printed
        self.undo_stack.push(command)  # indexChanged -> _on_index_changed
        if watch:
            self._note_voided(fingerprint_before, label)
        return True

    def _share(self, snapshot: dict[str, Any]) -> dict[str, Any]:
        """``snapshot`` (taken before an edit) sharing the last snapshot's parts. Nearly
        always it equals the last one: compared whole first (in C, a sixth of sharing
        2,000 decisions element by element)."""
        last = self._last_snapshot
        return {area: (value if area not in last else last[area] if value == last[area]
                       else _shared(value, last[area]))
                for area, value in snapshot.items()}

    def fingerprint(self) -> str:
        """``fingerprint(session)``, computed once per state of the session."""
        if self._fingerprint is None:
            self._fingerprint, self._agreement_version = \
                self._agreement.fingerprint_and_version(self.session)
        return self._fingerprint

    def agreement_version(self) -> str:
        """The version of the agreement's words (what its consent round as a whole is
        given to), computed with the fingerprint, once per state."""
        self.fingerprint()
        return self._agreement_version

    def _note_voided(self, fingerprint_before: str, label: str) -> None:
        if self.fingerprint() == fingerprint_before:
            return
        names = []
        for signature in self.session.signatures:
            if signature.fingerprint == fingerprint_before:
                self.voided_by[signature.id] = label
                who = self.session.participant(signature.participant_id)
                names.append(who.name if who else signature.participant_id)
        if names:
            self.sig_signatures_voided.emit(names, label)

    def _problems(self, areas: tuple[str, ...], after: dict[str, Any],
                  before: dict[str, Any]) -> list[tuple[str, Message]]:
        """What is wrong after the edit: (the area it is in, or "", the message)."""
        problems: list[tuple[str, Message]] = []
        for area in areas:
            holder, leaf = _resolve(self.session, area)
            try:
                _validate(type(holder), leaf, after[area], before[area])
            except ValidationError as exc:
                problems += [(area, p) for p in problems_from(exc)]
        # The session was valid before this edit: only the rules the touched areas take
        # part in can be broken now (a full check where an edit can reach everything).
        return problems or [("", p) for p in touched_problems(self.session, areas)]

    def _forget_printed(self, areas: Iterable[str]) -> None:
        """The fingerprint is made again, with the printed parts that ``areas`` reach."""
        self._fingerprint = None
        self._agreement.forget(area for area in areas if not unprinted(area))

    def _apply(self, snapshot: dict[str, Any]) -> None:
        self._pending_printed = not all(unprinted(area) for area in snapshot)
        if self._pending_printed:
            self._forget_printed(snapshot)
        _restore(self.session, snapshot, self._dumps)
        consent.changed(self.session, snapshot)
        self._touched(snapshot)
        self._last_snapshot.update(snapshot)
        self._pending_areas = top_areas(snapshot)

    def _on_index_changed(self, _index: int) -> None:
        self._edited_at = _clock()
        areas, self._pending_areas = self._pending_areas, frozenset()
        if self._pending_printed or not areas:
            self.printed_revision += 1
        self._pending_printed = True  # (a change not made here counts as printed)
        if self.autosaver is not None:
            self.autosaver.changed()
        self.sig_changed.emit(areas)
        self.sig_save_state.emit()

    def set_view(self, **fields: object) -> None:
        """Presentation-only state (current step, projector theme): saved, not undoable."""
        view = self.session.view
        changed = False
        for name, value in fields.items():
            if getattr(view, name) != value:
                setattr(view, name, value)
                changed = True
        if changed:
            self._touched(("view",))
            if self.autosaver is not None:
                self.autosaver.changed()
            self.sig_changed.emit(frozenset({"view"}))

    # --- saving --------------------------------------------------------------------

    def is_modified(self) -> bool:
        """Edits not yet on disk."""
        return self.autosaver is not None and self.autosaver.dirty

    def save_state(self) -> tuple[str, str]:
        """(kind, text) for the status line: kind is saved | saving | error | none."""
        self._shown_state = state = self._save_state()
        return state

    def _save_state(self) -> tuple[str, str]:
        saver = self.autosaver
        if saver is None:
            if self.read_only:
                return "none", tr("Read-only: changes are not saved")
            return "none", tr("Not saved to a file")
        if saver.last_error is not None and saver.dirty:
            return "error", saver.last_error.text(current_language())
        if saver.dirty:
            return "saving", tr("Saving…")
        if saver.last_saved is None:
            return "saved", tr("All changes saved")
        return "saved", tr("Saved {time}",
                            time=locale_format.clock(saver.last_saved, current_language()))

    def flush(self) -> bool:
        """Save now if anything is unsaved; True when everything is on disk."""
        if self.autosaver is None:
            return True
        self._stale = None  # an explicit save freezes the whole session
        return self.autosaver.flush()

    def save_as(self, new_path: Path) -> None:
        """Write to ``new_path`` and continue there (the lock moves with it)."""
        new_lock = SessionLock(new_path)
        new_lock.acquire()
        try:
            if self.autosaver is None:
                self.autosaver = self._autosaver(new_path, BackupStore())
                self.autosaver.changed()
                if not self.autosaver.flush():
                    raise self.autosaver.last_error or SaveError(new_path, "")
                self._timer.start()
            else:
                self.autosaver.save_as(new_path)
        except BaseException:
            new_lock.release()
            raise
        if self._lock is not None:
            self._lock.release()
        self._lock = new_lock
        self.path = new_path
        self.read_only = False
        self.undo_stack.setClean()
        self.sig_save_state.emit()

    def forget(self, traces: Traces) -> None:
        """After "delete everything of them": take the person out of every copy the app
        keeps (backups, recovery copies, this session's PDFs beside it).

        The save that removed them is made first; the cleaning runs on the save worker
        after it, so no backup of an earlier state can be written behind it.
        ``forgotten`` holds the outcome once ``flush()`` returns.
        """
        saver = self.autosaver
        if saver is None:
            return
        self.flush()
        store = saver.backups or BackupStore()
        path = self.path

        def job() -> None:
            self.forgotten = forget_everywhere(traces, path, store, store.recovery)

        saver.run_on_worker(job)

    forgotten: Forgotten | None = None
    """What the last ``forget`` did (set on the worker)."""

    def close(self) -> bool:
        """Save what is unsaved and release the lock; False if the save failed."""
        ok = True
        if self.autosaver is not None:
            self._stale = None  # the last save freezes the whole session
            ok = self.autosaver.close()
        self._timer.stop()
        self._prepare.stop()  # (a timer still running is not to be destroyed later, by
        # whichever thread the garbage collector happens to run on)
        if ok:
            self.autosaver = None  # closed: later edits are not saved behind anyone's back
            self.read_only = True
            self._stop_worker()
        if ok and self._lock is not None:
            self._lock.release()
            self._lock = None
        return ok

    def abandon(self) -> Path | None:
        """Close without a successful save: keep a recovery copy if at all possible.

        Returns the recovery copy's path (in the private data folder), or None.
        """
        self._timer.stop()
        self._prepare.stop()
        copy: Path | None = None
        if self.autosaver is not None:
            self.autosaver.wait(timeout=5.0)  # a save on its way may still succeed
        self._stop_worker()
        if self.autosaver is not None and self.autosaver.dirty:
            try:
                folder = paths.ensure_private_dir(paths.recovery_folder())
                stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
                name = self.path.stem if self.path else "session"
                copy = folder / f"{name}-{stamp}.workshop"
                save_session(self.session, copy)
            except (OSError, SessionFileError):
                copy = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        return copy

    def _stop_worker(self) -> None:
        if self._worker is not None:
            self._worker.close(timeout=5.0)
            self._worker = None

    def _on_tick(self) -> None:
        """Report finished saves and start the next; the status line follows."""
        if self.autosaver is None:
            return
        self.autosaver.tick()
        if self.save_state() != self._shown_state:
            self.sig_save_state.emit()
        if self._ahead and _clock() - self._edited_at >= ROLL_PAUSE_S:
            self._make_ahead()

    def _on_saved(self, _when: dt.datetime) -> None:
        if self.autosaver is not None and not self.autosaver.dirty:
            self.undo_stack.setClean()
        self.sig_save_state.emit()

    def _on_error(self, _error: SaveError) -> None:
        self.sig_save_state.emit()
