"""Right-to-left text in a left-to-right document, without a shaping engine.

reportlab draws characters left to right, one glyph per character. For Arabic and
Hebrew that is wrong twice: the letters come out in reverse order, and Arabic letters
stand alone instead of joining. ``visual`` fixes both for one line of text:

- **Joining** (Arabic): each letter is replaced by its contextual presentation form
  (isolated, initial, medial, final; lam-alef ligatures), the forms that Unicode's
  Arabic Presentation Forms blocks hold and Noto Sans Arabic draws. The table is read
  from ``unicodedata``: every presentation form's decomposition names its base letter
  and its position, so no hand-made table can be wrong.
- **Order**: every run of right-to-left text (from a strong right-to-left character to
  the last one before a strong left-to-right character) is reversed, keeping numbers
  inside it left to right, combining marks after their letter, and mirroring brackets.
  The paragraph direction is left to right, as Workshop's documents are Dutch or
  English.

This is the convention PDF text extraction expects (it reverses right-to-left runs
back), so search and copy give the text as typed. ``visual`` works on one line:
text that wraps is broken into lines in logical order first (``fonts.wrap``: the
timeline, the signature blocks, ``blocks.LogicalParagraph`` for user text in
paragraphs and cells), so a run longer than one line keeps its first words on the first
line. Contextual forms beyond Unicode's presentation forms (some Persian and Urdu
ligatures, optional ligatures) are not used.
"""

from __future__ import annotations

import unicodedata
from functools import cache

EXPLICIT_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""The characters that set a direction by hand: embeddings, overrides and isolates."""

_WITHOUT_CONTROLS = dict.fromkeys(map(ord, EXPLICIT_CONTROLS))


def without_controls(text: str) -> str:
    """``text`` without its explicit direction controls. The PDF drops them (with every
    invisible character) and the projector drops them here, so a text that turns its own
    letters around ("abc" + U+202E + "dcba") reads the same in both, as typed; a
    signed document's words cannot be shown in an order they were not written in."""
    return text if text.isascii() else text.translate(_WITHOUT_CONTROLS)

_FORM_NAMES = ("isolated", "final", "initial", "medial")
_ALEFS = {"\u0622", "\u0623", "\u0625", "\u0627"}
_LAM = "\u0644"
_TATWEEL = "\u0640"
_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))


@cache
def _tables() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """Presentation forms by base letter, and lam-alef ligatures by alef."""
    forms: dict[str, dict[str, str]] = {}
    lam_alef: dict[str, dict[str, str]] = {}
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)):
        decomposition = unicodedata.decomposition(chr(code)).split()
        if len(decomposition) < 2 or decomposition[0].strip("<>") not in _FORM_NAMES:
            continue
        form = decomposition[0].strip("<>")
        base = "".join(chr(int(x, 16)) for x in decomposition[1:])
        if len(base) == 1:
            forms.setdefault(base, {}).setdefault(form, chr(code))
        elif len(base) == 2 and base[0] == _LAM and base[1] in _ALEFS:
            lam_alef.setdefault(base[1], {}).setdefault(form, chr(code))
    return forms, lam_alef


def _joins_next(ch: str) -> bool:
    """The letter connects to the letter after it (dual-joining, or tatweel)."""
    if ch == _TATWEEL:
        return True
    f = _tables()[0].get(ch, {})
    return "initial" in f or "medial" in f


def _joins_prev(ch: str) -> bool:
    if ch == _TATWEEL:
        return True
    f = _tables()[0].get(ch, {})
    return "final" in f or "medial" in f


def _transparent(ch: str) -> bool:
    return unicodedata.category(ch) == "Mn"


def shape_arabic(text: str) -> str:
    """Arabic letters in their contextual presentation forms (logical order kept)."""
    forms, lam_alef = _tables()
    letters = [i for i, ch in enumerate(text) if not _transparent(ch)]
    out: list[str] = []
    skip: set[int] = set()
    for n, i in enumerate(letters):
        ch = text[i]
        if i in skip:
            continue
        prev = text[letters[n - 1]] if n > 0 else None  # after a ligature: its alef
        nxt_index = letters[n + 1] if n + 1 < len(letters) else None
        nxt = text[nxt_index] if nxt_index is not None else None
        after = text[i + 1:nxt_index] if nxt_index is not None else text[i + 1:]
        joined_prev = prev is not None and _joins_next(prev) and _joins_prev(ch)
        if ch == _LAM and nxt in lam_alef and nxt_index is not None:
            ligature = lam_alef[nxt]
            form = "final" if joined_prev and "final" in ligature else "isolated"
            if form in ligature:
                out.append(ligature[form] + after)
                skip.add(nxt_index)
                continue
        if ch not in forms:
            out.append(ch + after)
            continue
        joined_next = nxt is not None and _joins_prev(nxt) and _joins_next(ch)
        form = ("medial" if joined_prev and joined_next else "final" if joined_prev
                else "initial" if joined_next else "isolated")
        available = forms[ch]
        out.append(available.get(form) or available.get("isolated", ch))
        out.append(after)
    head = text[:letters[0]] if letters else text
    return head + "".join(out)


def _direction(ch: str) -> str:
    return unicodedata.bidirectional(ch)


def has_rtl(text: str) -> bool:
    return any(_direction(ch) in ("R", "AL") for ch in text)


def _clusters(text: str) -> list[str]:
    """Characters with their combining marks attached."""
    out: list[str] = []
    for ch in text:
        if out and unicodedata.category(ch) in ("Mn", "Me"):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _reverse_run(run: str) -> str:
    """Reverse a right-to-left run; numbers inside it keep their own order."""
    clusters = _clusters(run)
    groups: list[str] = []
    numeric_prev = False
    for k, c in enumerate(clusters):
        kind = _direction(c[0])
        digit = kind in ("EN", "AN")
        separator = (kind in ("CS", "ES", "ET") and numeric_prev and k + 1 < len(clusters)
                     and _direction(clusters[k + 1][0]) in ("EN", "AN"))
        if (digit or separator) and numeric_prev:
            groups[-1] += c
        else:
            groups.append(c if digit or len(c) > 1 else _MIRROR.get(c, c))
        numeric_prev = digit or separator
    return "".join(reversed(groups))


def visual(line: str) -> str:
    """One line in the order to draw it left to right, Arabic joined."""
    if not has_rtl(line):
        return line
    line = shape_arabic(line)
    out: list[str] = []
    i, n = 0, len(line)
    while i < n:
        if _direction(line[i]) not in ("R", "AL"):
            out.append(line[i])
            i += 1
            continue
        # The run ends at the last right-to-left character before a strong
        # left-to-right one; neutrals after it stay outside.
        end = i
        j = i
        while j < n and _direction(line[j]) != "L":
            if _direction(line[j]) in ("R", "AL"):
                end = j
            j += 1
        while end + 1 < n and unicodedata.category(line[end + 1]) in ("Mn", "Me"):
            end += 1
        out.append(_reverse_run(line[i:end + 1]))
        i = end + 1
    return "".join(out)
