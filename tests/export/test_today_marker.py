"""The roadmap's "vandaag" marker stands clear of the year labels of the axis."""

from __future__ import annotations

import datetime as dt

import pytest
from pdfcheck import EXPORTED_AT, positioned_text
from reportlab.lib.pagesizes import A3, A4, landscape

from workshop.export import fonts
from workshop.export.document import Meta, build
from workshop.export.timeline import Bar, Row, Timeline


def _pdf(today: dt.date, page: tuple[float, float], scale: float) -> bytes:
    rows = [Row(group="Pilot (1)"),
            Row(bar=Bar(1, "Actie", dt.date(2026, 3, 1), dt.date(2027, 12, 15), "pilot",
                        "planned"))]
    width = page[0] - 40 * 72 / 25.4
    timeline = Timeline(rows, [], dt.date(2026, 3, 1), dt.date(2027, 12, 15), "nl",
                        label_width=width * 0.3, today=today, today_word="vandaag",
                        scale=scale)
    meta = Meta(kind="roadmap", title="t", author="a", subject="s", language="nl",
                fingerprint="0" * 64, header="h", label="l", exported_at=EXPORTED_AT,
                session_id="s")
    return build([timeline], page, meta)


@pytest.mark.parametrize(("page", "scale"), [(landscape(A4), 1.0), (landscape(A3), 1.4)])
@pytest.mark.parametrize("day", [dt.date(2026, 12, 8), dt.date(2026, 12, 24),
                                 dt.date(2027, 1, 5), dt.date(2027, 1, 20)])
def test_today_touches_no_year(page: tuple[float, float], scale: float,
                               day: dt.date) -> None:
    texts = positioned_text(_pdf(day, page, scale))
    today = [(x, y) for _, x, y, t in texts if t.strip() == "vandaag"]
    assert len(today) == 1
    x, y = today[0]
    size = 6.5 * scale
    left, right = x, x + fonts.string_width("vandaag", size, "bold")
    for _, yx, yy, t in texts:
        if t.strip() in ("2026", "2027") and abs(yy - y) < 4 * scale:
            year_right = yx + fonts.string_width(t.strip(), 7 * scale, "bold")
            assert right + 1 < yx or left > year_right + 1, (t, yx, left, right)
