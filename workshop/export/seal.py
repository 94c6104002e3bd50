"""The seal that lets ``workshop verify`` tell an exported PDF from a changed one.

Every PDF Workshop writes carries three keys in its document information dictionary:

- ``/WorkshopFingerprint``: the agreement fingerprint the PDF was made from;
- ``/WorkshopManifest``: base64 of a JSON manifest (what was exported, when, in which
  language, with which options, and every signature as printed: valid or void);
- ``/WorkshopSeal (sha256:<64 hex digits>)``: SHA-256 over the whole file, computed
  with these 64 digits set to ``0``.

Sealing writes the PDF with the 64 zeros in place, hashes the bytes, and writes the
digest over the zeros. The digest has a fixed length, so no offset in the file moves
and the PDF stays valid. Checking reverses it: find the one seal, put the zeros back,
hash, compare. Any changed, added or removed byte anywhere, the digest included,
makes the check fail. The idea is the ``/ByteRange`` of PDF signatures, without the
certificate: the seal proves that a file is what Workshop wrote, not who wrote it. A
person who edits a PDF and recomputes the seal is caught by ``verify`` with the
session, which rebuilds the PDF from the session and compares it byte for byte.

The manifest is base64 and the seal hex, so neither needs PDF string escaping and
both can be read from the raw bytes without a PDF parser. User text cannot imitate
the seal: inside a PDF string every ``(`` is escaped, and page content is compressed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

SEAL_KEY = "WorkshopSeal"
MANIFEST_KEY = "WorkshopManifest"
FINGERPRINT_KEY = "WorkshopFingerprint"
MANIFEST_FORMAT = "workshop-pdf"
MANIFEST_VERSION = 1
PLACEHOLDER = "sha256:" + "0" * 64

_SEAL = re.compile(rb"/WorkshopSeal\s*\(sha256:([0-9a-f]{64})\)")
_MANIFEST = re.compile(rb"/WorkshopManifest\s*\(([A-Za-z0-9+/=]*)\)")


def encode_manifest(manifest: dict[str, Any]) -> str:
    text = json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def _digest(data: bytes, start: int, end: int) -> str:
    h = hashlib.sha256()
    h.update(data[:start])
    h.update(b"0" * (end - start))
    h.update(data[end:])
    return h.hexdigest()


def seal(data: bytes) -> bytes:
    """Write the digest into the placeholder of a freshly written PDF."""
    found = list(_SEAL.finditer(data))
    if len(found) != 1 or found[0].group(1) != b"0" * 64:
        raise ValueError("the PDF has no single empty Workshop seal")
    start, end = found[0].span(1)
    digest = _digest(data, start, end).encode("ascii")
    return data[:start] + digest + data[end:]


@dataclass(frozen=True)
class SealCheck:
    found: bool
    """The file has exactly one Workshop seal."""
    intact: bool
    """The bytes are exactly those Workshop wrote."""
    manifest: dict[str, Any] | None
    """The manifest, read only when the seal holds (else it cannot be trusted)."""


def check_seal(data: bytes) -> SealCheck:
    found = list(_SEAL.finditer(data))
    if len(found) != 1:
        return SealCheck(False, False, None)
    start, end = found[0].span(1)
    if _digest(data, start, end) != found[0].group(1).decode("ascii"):
        return SealCheck(True, False, None)
    manifests = list(_MANIFEST.finditer(data))
    manifest: dict[str, Any] | None = None
    if len(manifests) == 1:
        try:
            loaded = json.loads(base64.b64decode(manifests[0].group(1), validate=True))
        except (binascii.Error, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            loaded = None
        if isinstance(loaded, dict) and loaded.get("format") == MANIFEST_FORMAT:
            manifest = loaded
    return SealCheck(True, True, manifest)
