"""Counts in the PDFs agree with their noun: "1 bijdrage heeft", "2 bijdragen hebben"."""

from __future__ import annotations

import re

import pytest
from pdfcheck import EXPORTED_AT, page_texts
from samples import demo_session

from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.export.roadmap import RoadmapOptions, export_roadmap

ONE = {
    "nl": ["1 bijdrage heeft geen bedrag", "1 actie van de organisatie"],
    "en": ["1 contribution has no amount", "1 action held by"],
}
WRONG = {
    "nl": [r"(?<!\d)1 bijdragen", r"(?<!\d)1 acties"],
    "en": [r"(?<!\d)1 contributions", r"(?<!\d)1 actions"],
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_one_takes_the_singular(lang: str) -> None:
    """The demo has one contribution without an amount and an organisation with one
    action on the roadmap."""
    session = demo_session()
    agreement = export_agreement(session, AgreementOptions(language=lang),  # type: ignore[arg-type]
                                 EXPORTED_AT)
    roadmap = export_roadmap(session, RoadmapOptions(language=lang), EXPORTED_AT)  # type: ignore[arg-type]
    text = " ".join(" ".join(t.split()) for t in page_texts(agreement) + page_texts(roadmap))
    for wrong in WRONG[lang]:
        assert re.search(wrong, text) is None, wrong
    for right in ONE[lang]:
        assert right in text
    # The plural still reads as one.
    assert re.search(r"(?<!\d)[2-9] (acties van de|actions held by)", text)
