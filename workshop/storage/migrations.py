"""Migrations from older file formats, one function per version step.

``MIGRATIONS[n]`` turns a version-n document (a plain dict) into version n+1. Each
migration is pure (dict in, dict out) and has a fixture file and a test.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from workshop.domain.perspectives import key_of_label, perspective_label
from workshop.i18n import Language

Document = dict[str, Any]


def _v0_to_v1(doc: Document) -> Document:
    """Version 0 (the prototype of spring 2026) kept the details at the top level.

    v0 differences: ``title``/``region``/``date``/``venue``/``facilitator`` at the top
    level instead of under ``details``; participants spelled ``organization``; cards
    carried ``author`` as a participant's id or the string ``"table"``; principles and
    rules were plain strings.
    """
    out: Document = {"format": doc.get("format"), "schema_version": 1}
    if "id" in doc:
        out["id"] = doc["id"]
    out["details"] = {
        "name": doc.get("title", ""),
        "region": doc.get("region", ""),
        "date": doc.get("date"),
        "venue": doc.get("venue", ""),
        "facilitator": doc.get("facilitator", ""),
        "language": doc.get("language", "nl"),
    }
    participants = []
    for p in doc.get("participants", []):
        p = dict(p)
        if "organization" in p:
            p["organisation"] = p.pop("organization")
        participants.append(p)
    out["participants"] = participants
    cards = []
    for c in doc.get("cards", []):
        c = dict(c)
        author = c.pop("author", None)
        c["author_id"] = None if author in (None, "", "table") else author
        c["cluster_id"] = c.pop("cluster", None)
        cards.append(c)
    out["ambition"] = {
        "cards": cards,
        "clusters": doc.get("clusters", []),
        "statement": doc.get("ambition", ""),
    }
    for key in ("principles", "rules"):
        out[key] = [
            {"id": f"{key[0]}-{index + 1}", "text": text, "source": ""}
            for index, text in enumerate(doc.get(key, []))
        ]
    return out


def _v1_to_v2(doc: Document) -> Document:
    """Version 2 added ``commitments`` (contributions, roles, year plans, clauses).

    Nothing to convert: a version-1 file simply has no commitments, and the model's
    default (all lists empty) applies. The step exists so that a Workshop that only
    knows version 1 says "made by a newer version" for a version-2 file.
    """
    return dict(doc)


def _v3_consent_versions(doc: Document) -> Document:
    """Version 3 records which text each consent decision was given to
    (``consents[].version``) and keeps amendments and the steps the table agreed.

    A version-2 decision has no version: it was given to the text as it is, and the
    loader stamps it with that text's version after validation
    (``workshop.domain.consent.stamp_unversioned``), which needs the whole session."""
    return dict(doc)


def _v3_perspective_keys(doc: Document) -> Document:
    """Version 3 stores a participant's perspective as a key ("hospital"), not as words.

    Until version 2 a perspective picked from the list was stored as its label in the
    language of the screen at that moment ("Hospital", "Ziekenhuis"), so it stayed
    English in a Dutch agreement. Such a label becomes its key, printed from now on in
    the agreement's language. Anything else is the facilitator's own text and stays.
    A signature belongs to the words printed: in a session with signatures only labels
    already in the agreement's language become keys (they print the same words); a
    label in the other language stays as it was signed.
    """
    details = doc.get("details")
    found = details.get("language") if isinstance(details, dict) else None
    language: Language = "en" if found == "en" else "nl"
    signed = bool(doc.get("signatures"))
    out = dict(doc)
    people = doc.get("participants")
    if not isinstance(people, list):
        return out  # the model's validation names the problem
    participants = []
    for p in people:
        value = p.get("perspective") if isinstance(p, dict) else None
        key = key_of_label(value) if isinstance(value, str) else None
        if key is not None and (not signed or perspective_label(key, language) == value):
            p = {**p, "perspective": key}
        participants.append(p)
    out["participants"] = participants
    return out


_START_MEETING = ("Start meeting", "Startbijeenkomst")
"""The name version 2 gave the first measurement moment, in the language of the screen."""


def _v3_moment_keys(doc: Document) -> Document:
    """Version 3 names the first measurement moment by a key (``Moment.key``).

    Version 2 stored "Start meeting" or "Startbijeenkomst" as the moment's label, in the
    language of the screen when the first score was typed. That name becomes the key
    "start_meeting", shown in the language of the screen, projector or PDF. A name the
    facilitator typed stays. Diagnostics are not part of what is signed.
    """
    diagnostics = doc.get("diagnostics")
    if not isinstance(diagnostics, dict) or not isinstance(diagnostics.get("moments"), list):
        return dict(doc)
    moments = []
    for moment in diagnostics["moments"]:
        if (isinstance(moment, dict) and moment.get("label") in _START_MEETING
                and moment.get("key") is None):
            moment = {**moment, "label": "", "key": "start_meeting"}
        moments.append(moment)
    return {**doc, "diagnostics": {**diagnostics, "moments": moments}}


# Fields that version 3 holds to MAX_NAME: (path of a list or object, key), "*" for
# every element of a list. Everything else that is text is held to MAX_TEXT.
_SHORT_FIELDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("details",), "name"), (("details",), "region"), (("details",), "venue"),
    (("details",), "facilitator"),
    (("participants", "*"), "name"), (("participants", "*"), "organisation"),
    (("participants", "*"), "role"), (("participants", "*"), "perspective"),
    (("participants", "*"), "represents"),
    (("roadmap", "actions", "*"), "title"), (("roadmap", "milestones", "*"), "title"),
    (("roadmap", "evaluations", "*"), "title"),
    (("roadmap", "actions", "*", "owner"), "ref"),
    (("commitments", "contributions", "*"), "organisation"),
    (("commitments", "year_plans", "*"), "organisation"),
    (("commitments", "roles", "*", "holder"), "ref"),
)
_MAX_NAME = 300
_MAX_TEXT = 10_000
"""Version 3's limits (``workshop.domain.model``), written out: a migration must keep
converting the same way when the model's limits move on."""


def _cut(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _objects_at(doc: Any, path: tuple[str, ...]) -> list[dict[str, Any]]:
    found: list[Any] = [doc]
    for part in path:
        step: list[Any] = []
        for node in found:
            if part == "*":
                step.extend(node if isinstance(node, list) else [])
            elif isinstance(node, dict) and part in node:
                step.append(node[part])
        found = step
    return [node for node in found if isinstance(node, dict)]


def _cut_long_texts(node: Any) -> Any:
    if isinstance(node, str):
        return _cut(node, _MAX_TEXT)
    if isinstance(node, list):
        return [_cut_long_texts(item) for item in node]
    if isinstance(node, dict):
        return {key: _cut_long_texts(value) for key, value in node.items()}
    return node


def _v3_text_limits(doc: Document) -> Document:
    """Version 3 holds names and titles to 300 characters and every text to 10,000.

    Version 2 accepted 1,000,000 characters anywhere, which no field can edit without
    freezing. A longer text in an old file is cut (ending in "…") so the file opens;
    the app keeps the file as it was in its backups before the first save.
    """
    out = _cut_long_texts(doc)
    assert isinstance(out, dict)
    for path, key in _SHORT_FIELDS:
        for node in _objects_at(out, path):
            if isinstance(node.get(key), str):
                node[key] = _cut(node[key], _MAX_NAME)
    for role in _objects_at(out, ("commitments", "roles", "*")):
        if isinstance(role.get("represents"), list):
            role["represents"] = [_cut(r, _MAX_NAME) if isinstance(r, str) else r
                                  for r in role["represents"]]
    return out


def _v3_organisations(doc: Document) -> Document:
    """Version 3: the parties are organisations (``legal.organisations``).

    Each organisation its participants name becomes a party, represented by its first
    participant present (else its first participant) in the function of that person's
    role. What no version-2 file knows (legal name, form, seat, KvK number, authority,
    money mandate) stays empty, for the scorecard to name. No considerations and no
    place: the agreement drafts them from the session until someone writes them.
    """
    out = dict(doc)
    people = [p for p in doc.get("participants", []) if isinstance(p, dict)]
    names: list[str] = []
    for p in people:
        name = str(p.get("organisation", "")).strip()
        if name and name not in names:
            names.append(name)
    organisations = []
    for name in names:
        members = [p for p in people if str(p.get("organisation", "")).strip() == name]
        present = [p for p in members if p.get("present", True)]
        signer = (present or members)[0]
        organisations.append({"name": name, "representative_id": signer.get("id"),
                              "function": signer.get("role", "")})
    out["legal"] = {"organisations": organisations, "considerations": [], "place": ""}
    return out


def _v2_to_v3(doc: Document) -> Document:
    """Version 3: consent decisions with the version of their words, choices stored as
    keys, the text limits of issue 11, the parties as organisations. Each conversion is
    its own pure function."""
    for step in (_v3_consent_versions, _v3_perspective_keys, _v3_moment_keys,
                 _v3_text_limits, _v3_organisations):
        doc = step(doc)
    return doc


def _exact_text(value: Any) -> Any:
    """A float amount of schema 3 as the decimal text it printed: ``12.25`` -> "12.25",
    ``75000.0`` -> "75000". The text is the float's shortest form (``repr``), which is
    the number the facilitator typed and the fingerprint wrote. Anything but a finite
    number is left as it is, for the model's validation to name."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if not math.isfinite(value) or abs(value) >= 1e20:
        return value  # no amount: the model refuses it with its reason
    exact = Decimal(repr(value))
    if exact == exact.to_integral_value():
        exact = exact.quantize(Decimal(1))
    return format(exact, "f")


def _v3_to_v4(doc: Document) -> Document:
    """Version 4 keeps money and hours exact: a contribution's ``amount`` is decimal text
    ("12.25"), no longer a JSON number read as a binary float (issue 12, item 12).

    Nothing else changes: the money mandate was already decimal text in version 3.
    """
    out = dict(doc)
    commitments = doc.get("commitments")
    if not isinstance(commitments, dict) or not isinstance(
            commitments.get("contributions"), list):
        return out
    contributions = []
    for c in commitments["contributions"]:
        if isinstance(c, dict) and "amount" in c:
            c = {**c, "amount": _exact_text(c["amount"])}
        contributions.append(c)
    out["commitments"] = {**commitments, "contributions": contributions}
    return out


MIGRATIONS: dict[int, Callable[[Document], Document]] = {
    0: _v0_to_v1, 1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4,
}


def migrate(doc: Document, found: int, target: int) -> Document:
    """Apply the migrations from ``found`` up to ``target`` in order."""
    for version in range(found, target):
        step = MIGRATIONS.get(version)
        if step is None:
            raise KeyError(version)
        doc = step(doc)
        doc["schema_version"] = version + 1
    return doc
