"""The roadmap PDF: landscape A4 or A3, the timeline, the table, a page per organisation."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pdfcheck import EXPORTED_AT, body_text, page_texts, squash
from pypdf import PdfReader
from samples import demo_session

from workshop.domain.fingerprint import fingerprint, owner_label, short_fingerprint
from workshop.export.roadmap import RoadmapOptions, commitments, export_roadmap


@pytest.mark.parametrize(("size", "points"), [("A4", (842, 595)), ("A3", (1191, 842))])
def test_landscape_pages_with_number_and_fingerprint(size: str, points: tuple[int, int]
                                                     ) -> None:
    session = demo_session()
    data = export_roadmap(session, RoadmapOptions(language="en", size=size),  # type: ignore[arg-type]
                          EXPORTED_AT)
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == points
    texts = page_texts(data)
    short = short_fingerprint(fingerprint(session))
    for n, text in enumerate(texts, 1):
        assert f"Page {n} of {len(texts)}" in text and short in text
    meta = reader.metadata
    assert meta is not None and meta["/WorkshopFingerprint"] == fingerprint(session)
    assert reader.trailer["/Root"]["/Lang"] == "en"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_one_page_per_organisation_with_what_it_committed_to(lang: str) -> None:
    session = demo_session()
    data = export_roadmap(session, RoadmapOptions(language=lang), EXPORTED_AT)  # type: ignore[arg-type]
    heading = {"nl": "Toezeggingen van {org}", "en": "Commitments of {org}"}[lang]
    pages = [squash(t) for t in page_texts(data)]
    for org in session.organisations():
        title = squash(heading.format(org=org))
        mine = [text for text in pages if title in text]
        assert len(mine) == 1, org  # its own page, once
        page = mine[0]
        for index in commitments(session, org):
            assert squash(session.roadmap.actions[index].title) in page
        others = [a.title for i, a in enumerate(session.roadmap.actions)
                  if i not in commitments(session, org)]
        assert not any(squash(t) in page for t in others), org


def test_timeline_grouped_by_owner_names_the_owners() -> None:
    session = demo_session()
    data = export_roadmap(session, RoadmapOptions(language="en", group_by="owner"),
                          EXPORTED_AT)
    first = squash(page_texts(data)[0])
    people = {p.id: p for p in session.participants}
    for action in session.roadmap.actions:
        if action.owner is None or not (action.start or action.due):
            continue
        if action.owner.kind == "organisation":
            assert squash(action.owner.ref) in first
            continue
        # A person stands under their organisation, with their name on the bar.
        person = people[action.owner.ref]
        group = squash(person.organisation)
        assert re.search(group + r"\(\d+\)", first), group
        assert squash(owner_label(session, action.owner)) not in first
        bar = first.index(squash(action.title)[:30])
        assert any(m.start() < bar for m in re.finditer(group + r"\(\d+\)", first))
    assert "Milestonesandevaluations" in first


def test_table_shows_owner_dates_phase_and_status() -> None:
    session = demo_session()
    text = body_text(export_roadmap(session, RoadmapOptions(language="en"), EXPORTED_AT))
    for head in ("Action", "Owner", "Start", "Due", "Phase", "Status"):
        assert head in text
    assert "Onhold" in text or "Inprogress" in text


def test_the_timeline_marks_today_and_names_owners() -> None:
    """Exported within the roadmap's span, the day of export is marked; each bar names
    its owner. The export's own date keeps a rebuilt PDF identical for verify."""
    session = demo_session()
    during = dt.datetime(2026, 9, 20, 10, 0, tzinfo=dt.timezone.utc)
    first = squash(page_texts(export_roadmap(session, RoadmapOptions(language="en"),
                                             during))[0])
    assert "today" in first
    assert squash("Pilot valpreventie in Ommeren · GGD Waalzoom-Betuwe") in first
    after = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)
    assert "today" not in squash(page_texts(export_roadmap(
        session, RoadmapOptions(language="en"), after))[0])
