"""Migrations from older file formats, one function per version step.

``MIGRATIONS[n]`` turns a version-n document (a plain dict) into version n+1. Each
migration is pure (dict in, dict out) and has a fixture file and a test.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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
    """Version 3: each engineer's conversion in its own pure function, in order."""
    return _v3_organisations(doc)


MIGRATIONS: dict[int, Callable[[Document], Document]] = {
    0: _v0_to_v1, 1: _v1_to_v2, 2: _v2_to_v3}


def migrate(doc: Document, found: int, target: int) -> Document:
    """Apply the migrations from ``found`` up to ``target`` in order."""
    for version in range(found, target):
        step = MIGRATIONS.get(version)
        if step is None:
            raise KeyError(version)
        doc = step(doc)
        doc["schema_version"] = version + 1
    return doc
