"""Roadmap typography on the large session (issue 12, item 9): milestone keys never
collide (checked on the layout's boxes), long titles wrap instead of being cut (checked
in the PDF's text), A3 uses its space, owners and today are shown."""

from __future__ import annotations

import datetime as dt
from functools import cache
from itertools import combinations

import pytest
from pdfcheck import EXPORTED_AT, page_texts, squash
from samples import demo_session, large_session

from workshop.domain.model import Session
from workshop.export.roadmap import RoadmapOptions, export_roadmap, roadmap_timeline
from workshop.export.timeline import Marker, Timeline, place_labels, wrap_title


@cache
def large() -> Session:
    return large_session()


def laid_out(session: Session, size: str, lang: str = "nl") -> Timeline:
    timeline, width = roadmap_timeline(
        session, RoadmapOptions(language=lang, size=size), EXPORTED_AT)  # type: ignore[arg-type]
    assert timeline is not None
    timeline.wrap(width, 100_000)
    return timeline


@cache
def large_pdf(size: str, lang: str = "nl") -> list[str]:
    return page_texts(export_roadmap(large(), RoadmapOptions(language=lang, size=size),  # type: ignore[arg-type]
                                     EXPORTED_AT))


@pytest.mark.parametrize("size", ["A4", "A3"])
def test_no_two_milestone_keys_touch_on_the_large_session(size: str) -> None:
    timeline = laid_out(large(), size)
    boxes = timeline.label_boxes()
    road = large().roadmap
    assert len(boxes) == len(road.milestones) + len(road.evaluations) > 12
    for (a, ax0, ay0, ax1, ay1), (b, bx0, by0, bx1, by1) in combinations(boxes, 2):
        assert not (ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1), (a, b)
    for _, x0, _, x1, _ in boxes:
        assert 0 <= x0 < x1 <= timeline.width
    # The large session's milestones are close enough that keys had to be stacked.
    assert timeline.lanes() > 1
    # Every key is on the first page of the chart, none dropped.
    first = squash(large_pdf(size)[0])
    for key, *_ in boxes:
        assert key in first


def test_keys_stay_apart_from_each_other_and_from_the_diamonds() -> None:
    """Ten milestones on the same fortnight: ten keys, ten places, none overprinted."""
    markers = [Marker(f"M{n}", dt.date(2026, 5, 1) + dt.timedelta(days=n), "milestone")
               for n in range(1, 11)]
    boxes = place_labels(markers, lambda d: 100 + (d - dt.date(2026, 5, 1)).days * 3.0)
    assert {b.key for b in boxes} == {m.key for m in markers}
    for a, b in combinations(boxes, 2):
        assert a.lane != b.lane or a.x1 <= b.x0 or b.x1 <= a.x0
    lane0 = [b for b in boxes if b.lane == 0]
    for box in lane0:
        for m in boxes:
            assert not (box.x0 < m.marker_x + 4.2 and m.marker_x - 4.2 < box.x1)


def test_long_titles_wrap_in_the_layout_and_nothing_is_cut() -> None:
    timeline = laid_out(large(), "A4")
    wrapped = 0
    for row in timeline.rows:
        if row.bar is None:
            continue
        lines = timeline.title_lines(row)
        assert " ".join(lines) == " ".join(row.bar.title.split())
        assert all(not line.endswith("…") for line in lines)
        wrapped += len(lines) > 1
    assert wrapped > 50  # on A4 many titles with their owners take two lines


def test_a_very_long_title_comes_back_whole_from_the_pdf() -> None:
    session = demo_session()
    title = ("Gezamenlijk regiobeeld ouderen opstellen met de GGD-monitor, de "
             "huisartsenregistraties en de wijkteams, uitgesplitst per kern en per "
             "leeftijdsgroep, als vertrekpunt voor de keuzes van de bestuurlijke tafel "
             "in het najaar van 2026")
    session.roadmap.actions[0].title = title
    for lang in ("nl", "en"):
        first = page_texts(export_roadmap(session, RoadmapOptions(language=lang),  # type: ignore[arg-type]
                                          EXPORTED_AT))[0]
        assert squash(title) in squash(first)
        assert "…" not in first  # no title on the chart is cut short


def test_a_word_longer_than_the_column_is_broken_not_lost() -> None:
    word = "Ketenzorgprogrammaontwikkelingsbegeleidingstraject" * 3
    lines = wrap_title(f"Start {word} nu", 120)
    assert "".join(lines).replace(" ", "") == f"Start{word}nu"
    assert len(lines) > 2


def test_a3_uses_the_space() -> None:
    a4, a3 = laid_out(large(), "A4"), laid_out(large(), "A3")
    assert a3.width > a4.width * 1.3  # a wider chart
    assert a3.label_width > a4.label_width  # a wider column for the titles
    months = 12 * (a4.last.year - a4.first.year) + a4.last.month - a4.first.month
    assert a3._month_stride(months) < a4._month_stride(months)  # more months named
    # Fewer pages of chart: the action table ("Alle acties") starts sooner.
    def chart_pages(size: str) -> int:
        return next(n for n, text in enumerate(large_pdf(size)) if "Alle acties" in text)
    assert chart_pages("A3") < chart_pages("A4")


def test_owners_and_today_are_on_the_chart_of_the_large_session() -> None:
    session = large()
    first = large_pdf("A4")[0]
    assert "vandaag" in first
    timeline = laid_out(session, "A4")
    shown = [row.bar for row in timeline.rows if row.bar is not None][:8]
    owned = [bar for bar in shown if session.roadmap.actions[bar.number - 1].owner]
    assert len(owned) >= 5
    for bar in shown:
        action = session.roadmap.actions[bar.number - 1]
        assert (" · " in bar.title) == (action.owner is not None)
        assert squash(action.title) in squash(first)
    for bar in owned:
        action = session.roadmap.actions[bar.number - 1]
        owner = bar.title.split(" · ", 1)[1]
        assert squash(owner) in squash(first)
        assert squash(action.title) in squash(first)
