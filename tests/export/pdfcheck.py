"""Reading the PDFs back as a user would: their text, their fonts, their pages."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject
from samples import demo_session

from workshop.domain.model import (
    AgreementItem,
    InterestItem,
    InterestKind,
    Owner,
    Participant,
    Session,
)
from workshop.export import bidi, fonts

FURNITURE = 15 * 72 / 25.4
"""Header and footer live within 15 mm of the page edge; the body never does."""

EXPORTED_AT = dt.datetime(2026, 3, 12, 16, 45, tzinfo=dt.timezone.utc)


def squash(text: str) -> str:
    """Text without any whitespace: line breaks and wrapping differ, letters do not."""
    return re.sub(r"\s+", "", text)


def printed(text: str) -> str:
    """What user text becomes on paper: invisible characters out, unknown glyphs as U+FFFD."""
    return "".join(chunk for _, chunk in fonts.runs(text))


def comes_back(text: str, extracted: str) -> bool:
    """``text`` as printed is in the extracted text.

    Right-to-left text is compared word by word after NFKC (which maps Arabic
    presentation forms back to letters): pypdf returns right-to-left runs in logical
    order but cuts them at punctuation, in its own order.
    """
    if not bidi.has_rtl(text):
        return squash(printed(text)) in extracted
    plain = unicodedata.normalize("NFKC", extracted)
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", fonts.clean(text)))
    return all(word in plain for word in words)


def _page_body(page: Any) -> str:
    """One page's text, header and footer left out, whitespace removed."""
    parts: list[str] = []
    top = float(page.mediabox.height) - FURNITURE

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        y = cm[5] + tm[5] * cm[3] + tm[4] * cm[1]
        if FURNITURE < y < top:
            parts.append(text)

    page.extract_text(visitor_text=visit)
    return squash("".join(parts))


def body_text(data: bytes) -> str:
    """The text of every page, header and footer left out, whitespace removed."""
    reader = PdfReader(io.BytesIO(data))
    return "".join(_page_body(page) for page in reader.pages)


def outline(data: bytes) -> list[tuple[int, str, int]]:
    """The bookmarks in reading order: (level from 0, title, page number from 1)."""
    reader = PdfReader(io.BytesIO(data))
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, str(item.title),
                              reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def article_text(data: bytes, word: str) -> str:
    """The body text of the agreement's articles, from the heading of the first
    (``word`` is "Artikel" or "Article") up to the first heading after the last; found
    through the bookmarks, which the articles' headings make. Whitespace removed."""
    marks = outline(data)
    numbered = [i for i, (_, title, _) in enumerate(marks)
                if re.match(rf"{word} \d+\. ", title)]
    assert numbered, f"no “{word} 1.” in the bookmarks"
    first, last = numbered[0], numbered[-1]
    start_page, start_title = marks[first][2], marks[first][1]
    end = marks[last + 1] if last + 1 < len(marks) else None
    reader = PdfReader(io.BytesIO(data))
    pages = [_page_body(page) for page in reader.pages]
    stop_page = end[2] if end is not None else len(pages)
    if end is not None:
        until = pages[stop_page - 1].find(squash(end[1]))
        assert until >= 0, end[1]
        pages[stop_page - 1] = pages[stop_page - 1][:until]
    text = "".join(pages[start_page - 1:stop_page])
    at = text.find(squash(start_title))
    assert at >= 0, start_title
    return text[at:]


def page_texts(data: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def page_fonts(data: bytes) -> list[dict[str, bool]]:
    """Per page, every font resource of the page (or of a form on it): base name ->
    embedded (its font descriptor carries a /FontFile, /FontFile2 or /FontFile3)."""
    reader = PdfReader(io.BytesIO(data))

    def resolve(obj: Any) -> Any:
        return obj.get_object() if isinstance(obj, IndirectObject) else obj

    def walk(resources: Any, found: dict[str, bool]) -> None:
        resources = resolve(resources)
        if not isinstance(resources, DictionaryObject):
            return
        for font in resolve(resources.get("/Font", DictionaryObject())).values():
            font = resolve(font)
            descriptor = font.get("/FontDescriptor")
            if font.get("/Subtype") == "/Type0":
                descendant = resolve(resolve(font["/DescendantFonts"])[0])
                descriptor = descendant.get("/FontDescriptor")
            descriptor = resolve(descriptor) if descriptor is not None else None
            embedded = descriptor is not None and any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            name = str(font.get("/BaseFont"))
            found[name] = found.get(name, True) and embedded
        for xobject in resolve(resources.get("/XObject", DictionaryObject())).values():
            walk(resolve(xobject).get("/Resources"), found)

    pages: list[dict[str, bool]] = []
    for page in reader.pages:
        found: dict[str, bool] = {}
        walk(page.get("/Resources"), found)
        pages.append(found)
    return pages


def fonts_of(data: bytes) -> dict[str, bool]:
    """Every font used on any page (or in a form on it): base name -> embedded
    (everywhere it is used)."""
    found: dict[str, bool] = {}
    for page in page_fonts(data):
        for name, embedded in page.items():
            found[name] = found.get(name, True) and embedded
    return found


HOSTILE = [
    "<b>not bold</b> & <i>not italic</i> &amp; &lt; 5 > 3",
    "<para>a paragraph tag</para>",
    '<font name="Courier" color="red">a font tag</font>',
    "<br/><img src='x.png'/> <a href='http://x'>link</a> <!-- comment -->",
    "Emoji 👍🏽 and 🎉 and 🫠 and ❤️ in text",
    "العربية: نحن نعمل معا",
    "עברית: אנחנו עובדים יחד",
    "zero\u200bwidth\u200d joiner\ufeff bom\u202e rtl override\u202c end",
    "control \x00\x01\x07\x1b chars\x7f and\ttab and\nnew line",
    "Ελληνικά και Кириллица, Łódź, Ærøskøbing, İstanbul",
]


def hostile_session(participants: int = 200) -> Session:
    """Every field a user can type, filled with text that must print as typed."""
    s = demo_session()
    people = list(s.participants)
    for i in range(participants - len(people)):
        text = HOSTILE[i % len(HOSTILE)]
        people.append(Participant(
            id=f"p-x{i:03d}", name=f"Deelnemer {i} {text}",
            organisation=f"Org {i % 17} {HOSTILE[(i + 3) % len(HOSTILE)]}".strip(),
            role=HOSTILE[(i + 1) % len(HOSTILE)], represents=HOSTILE[(i + 2) % len(HOSTILE)],
            present=i % 9 != 0,
        ))
    s.participants = people
    long_principle = " ".join(f"woord{i}" for i in range(2_800))[:10_000]
    assert len(long_principle) == 10_000  # the most a principle holds
    s.principles = [
        *s.principles,
        *(AgreementItem(id=f"pr-h{i}", text=t, source=HOSTILE[(i + 5) % len(HOSTILE)])
          for i, t in enumerate(HOSTILE)),
        AgreementItem(id="pr-long", text=long_principle),
        AgreementItem(id="pr-word", text="x" * 3000),
    ]
    s.rules = [*s.rules, *(AgreementItem(id=f"sr-h{i}", text=t) for i, t in enumerate(HOSTILE))]
    s.interests.items = [
        *s.interests.items,
        *(InterestItem(id=f"b-h{i}", participant_id=people[-1 - i].id,
                       kind=list(InterestKind)[i % 3], text=t)
          for i, t in enumerate(HOSTILE)),
    ]
    s.ambition.statement = " ".join(HOSTILE)
    s.details.venue = HOSTILE[0]
    s.details.name = "Samenwerking <b>&amp;</b> العربية"
    for i, t in enumerate(HOSTILE):
        action = s.roadmap.actions[i].model_copy(update={"title": t, "description": t})
        s.roadmap.actions[i] = action
    s.roadmap.actions[0] = s.roadmap.actions[0].model_copy(
        update={"owner": Owner(kind="participant", ref="p-x005")})
    s.organising.cadence = HOSTILE[1]
    return Session.model_validate(s.model_dump())


def positioned_text(data: bytes) -> list[tuple[int, float, float, str]]:
    """Every piece of text drawn: (page number from 1, x, y of its baseline, text)."""
    reader = PdfReader(io.BytesIO(data))
    found: list[tuple[int, float, float, str]] = []
    for number, page in enumerate(reader.pages, 1):
        def visit(text: str, cm: list[float], tm: list[float], *_: Any,
                  number: int = number) -> None:
            if not text.strip():
                return
            x = cm[4] + tm[4] * cm[0] + tm[5] * cm[2]
            y = cm[5] + tm[5] * cm[3] + tm[4] * cm[1]
            found.append((number, x, y, text))

        page.extract_text(visitor_text=visit)
    return found
