"""On paper every page carries an initials box (paraaf); no body text runs into it."""

from __future__ import annotations

import pytest
from pdfcheck import EXPORTED_AT, hostile_session, positioned_text
from reportlab.lib.units import mm
from samples import demo_session

from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.export.document import INITIALS_BOTTOM, INITIALS_TOP
from workshop.i18n import tr

FOOTER_RULE = 13 * mm


@pytest.mark.parametrize(("lang", "hostile"), [("nl", False), ("en", False), ("nl", True)])
def test_no_body_text_stands_beside_the_initials_box(lang: str, hostile: bool) -> None:
    """Between the footer rule and the top of the box there is only the box's label:
    the last line of a page (a table's "€ 50.000") stands above the box."""
    session = hostile_session(40) if hostile else demo_session()
    data = export_agreement(session, AgreementOptions(language=lang, paper=True),  # type: ignore[arg-type]
                            EXPORTED_AT)
    texts = positioned_text(data)
    word = tr("Initials", lang)  # type: ignore[arg-type]
    labels = [t for t in texts if t[3].strip() == word]
    assert labels and all(INITIALS_BOTTOM < y < INITIALS_TOP for _, _, y, _ in labels)
    pages = {n for n, *_ in texts}
    assert {n for n, *_ in labels} == pages  # one box on every page
    # A baseline below the box's top puts the line beside or into the box.
    beside = [(n, round(y / mm, 1), text[:30]) for n, _, y, text in texts
              if FOOTER_RULE < y < INITIALS_TOP + 1 and text.strip() != word]
    assert beside == []
