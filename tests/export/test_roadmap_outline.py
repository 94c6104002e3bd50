"""The roadmap opens with its bookmarks pane (/PageMode /UseOutlines): the timeline, the
milestones, all actions and each organisation's page are bookmarked there, in the PDF's
language, each opening the page its section starts on."""

from __future__ import annotations

import io

import pytest
from pdfcheck import EXPORTED_AT, hostile_session, outline, page_texts, squash
from pypdf import PdfReader
from samples import demo_session

from workshop.domain.model import Session
from workshop.export import fonts
from workshop.export.roadmap import GroupBy, PageSize, RoadmapOptions, export_roadmap
from workshop.i18n import Language, tr


def sections(session: Session, lang: Language) -> list[tuple[int, str]]:
    """The roadmap's sections in order: (outline level, title)."""
    out = [(0, tr("Timeline", lang))]
    if session.roadmap.milestones or session.roadmap.evaluations:
        out.append((1, tr("Milestones and evaluation moments", lang)))
    out.append((0, tr("All actions", lang)))
    out += [(0, tr("Commitments of {organisation}", lang, organisation=org))
            for org in session.organisations()]
    if any(a.owner is None for a in session.roadmap.actions):
        out.append((0, tr("Actions without an owner", lang)))
    return out


@pytest.mark.parametrize(("lang", "size", "group_by"),
                         [("nl", "A4", "phase"), ("en", "A4", "owner"), ("nl", "A3", "phase")])
def test_the_roadmap_has_a_bookmark_per_section(lang: Language, size: PageSize,
                                                group_by: GroupBy) -> None:
    s = demo_session()
    data = export_roadmap(s, RoadmapOptions(language=lang, size=size, group_by=group_by),
                          EXPORTED_AT)
    catalog = PdfReader(io.BytesIO(data)).trailer["/Root"]
    assert catalog["/PageMode"] == "/UseOutlines"
    marks = outline(data)
    assert [(level, title) for level, title, _ in marks] == sections(s, lang)
    pages = [page for _, _, page in marks]
    assert pages == sorted(pages) and pages[0] == 1
    texts = [squash(t) for t in page_texts(data)]
    assert squash(tr("Roadmap", lang).upper()) in texts[0]  # the timeline's page
    for _, title, page in marks[1:]:
        assert squash(title) in texts[page - 1], (title, page)  # its heading is there
    organisations = [p for _, t, p in marks if t.startswith(
        tr("Commitments of {organisation}", lang, organisation=""))]
    assert len(set(organisations)) == len(organisations)  # a page each


def test_organisations_named_in_any_script_are_bookmarked_as_printed() -> None:
    s = hostile_session(60)
    data = export_roadmap(s, RoadmapOptions(language="en"), EXPORTED_AT)
    titles = [title for _, title, _ in outline(data)]
    expected = [" ".join(fonts.clean(tr("Commitments of {organisation}", "en",
                                         organisation=org)).split())
                for org in s.organisations()]
    assert [t for t in titles if t.startswith("Commitments of ")] == expected
    assert any("العربية" in t for t in expected)
