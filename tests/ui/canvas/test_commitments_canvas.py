"""The commitments and scorecard canvases: what the room reads on the wall."""

from __future__ import annotations

from decimal import Decimal

from canvas_helpers import SceneFactory, reading_order, tile_showing
from samples import demo_session

from workshop.domain.model import (
    Commitments,
    ConsentRecord,
    Contribution,
    ContributionKind,
    Decision,
    Owner,
    Period,
    Role,
    RoleKind,
    Session,
)
from workshop.domain.scorecard import scorecard
from workshop.i18n import set_language, tr
from workshop.ui.canvas.scene import canvas_names
from workshop.ui.projector_controls import EXTRA_CANVASES

HOSTILE = "<b>bold</b> &amp; 😀"


def small() -> Session:
    s = demo_session()
    orgs = s.organisations()
    s.commitments = Commitments(
        contributions=[
            Contribution(id="c1", organisation=orgs[0], kind=ContributionKind.PEOPLE,
                         amount=16, period=Period.MONTH, description="programme manager"),
            Contribution(id="c2", organisation=orgs[0], kind=ContributionKind.MONEY,
                         amount=2500, period=Period.QUARTER, description=HOSTILE),
            Contribution(id="c3", organisation=orgs[1], kind=ContributionKind.MONEY,
                         amount=5000, period=Period.ONE_OFF, description="entry fee"),
        ],
        roles=[Role(id="r1", kind=RoleKind.CHAIR, holder=Owner(kind="participant",
                                                                 ref="p-anna"),
                    term="two years, then rotating"),
               Role(id="r2", kind=RoleKind.REPRESENTATIVE,
                    holder=Owner(kind="organisation", ref=orgs[4]),
                    represents=orgs[5:7], mandate="up to € 10,000")])
    return s


def test_both_canvases_are_registered_and_in_the_projector_menu() -> None:
    assert {"commitments", "scorecard"} <= set(canvas_names())
    assert {"commitments", "scorecard"} <= set(EXTRA_CANVASES)


def test_contributions_totals_and_roles_are_on_the_wall(make_scene: SceneFactory) -> None:
    s = small()
    orgs = s.organisations()
    scene = make_scene(s, "commitments")
    texts = reading_order(scene)
    joined = "\n".join(texts)
    assert orgs[0] in texts and orgs[1] in texts
    assert "• 16 hours per month: programme manager" in texts
    assert f"• € 2,500 per quarter: {HOSTILE}" in texts  # plain text, as typed
    assert "• € 5,000 once: entry fee" in texts
    # Per year: 16 x 12 hours; 2,500 x 4 euros; the one-off apart.
    assert "Together: € 10,000 per year · 192 hours per year" in texts
    # All parties together, one total a line (none cut off at a line's end).
    together = texts.index("All parties together")
    assert texts[together + 1:together + 4] == [
        "€ 10,000 per year", "192 hours per year", "€ 5,000 once"]
    assert orgs[2] in texts and "Brings nothing yet" in texts
    # The bars' values.
    assert "€ 10,000" in texts and "192 hours" in texts
    # The roles.
    assert "Chair: Anna de Vries (Waalzoom Ziekenhuis)" in texts
    assert f"Representative: {orgs[4]}" in texts
    assert f"for {orgs[5]}, {orgs[6]} · mandate: up to € 10,000" in joined


def test_the_wall_follows_an_edit_and_speaks_dutch(make_scene: SceneFactory) -> None:
    s = small()
    scene = make_scene(s, "commitments", lang="nl")
    texts = reading_order(scene)
    assert "• 16 uur per maand: programme manager" in texts
    assert "Samen: € 10.000 per jaar · 192 uur per jaar" in texts
    assert "Voorzitter: Anna de Vries (Waalzoom Ziekenhuis)" in texts
    s2 = s.model_copy(deep=True)
    s2.commitments.contributions[2].amount = 7500
    scene.update_session(s2)
    assert "• € 7.500 eenmalig: entry fee" in reading_order(scene)


def test_the_bars_grow_with_the_amounts(make_scene: SceneFactory) -> None:
    s = small()
    scene = make_scene(s, "commitments")
    euros = scene.canvas.bars["euros"].path().boundingRect()  # type: ignore[attr-defined]
    hours = scene.canvas.bars["hours"].path().boundingRect()  # type: ignore[attr-defined]
    assert euros.width() > 0 and hours.width() > 0
    s.commitments.contributions[1].amount = 0  # no yearly money left: no euro bars
    scene.update_session(s.model_copy(deep=True))
    assert scene.canvas.bars["euros"].path().isEmpty()  # type: ignore[attr-defined]


def test_the_scorecard_names_what_is_missing(make_scene: SceneFactory) -> None:
    s = small()
    s.commitments.clauses = []
    # The principles and rules agreed, so that the clauses are on the wall's first page.
    items = {i.id for i in s.principles + s.rules}
    s.consents = [r for r in s.consents if r.subject_id not in items] + [
        ConsentRecord(subject_id=i, participant_id=p.id, decision=Decision.CONSENT)
        for i in items for p in s.participants if p.present]
    card = scorecard(s, "en")
    scene = make_scene(s, "scorecard")
    texts = reading_order(scene)
    assert f"{card.score} of {card.total} parts complete" in texts
    assert "✗ Closing clauses" in texts
    clauses = card.part("clauses")
    assert clauses.missing[0] in texts
    # Every party that brings nothing is a missing contribution, named on the wall.
    contributions = card.part("contributions")
    assert not contributions.ok
    assert contributions.missing[0] in texts
    assert "✓ Roles" in texts or "✗ Roles" in texts
    tile = tile_showing(scene, "✗ Closing clauses")
    assert tile.isVisible()


def test_the_scorecard_of_an_empty_session_fits_one_page(make_scene: SceneFactory) -> None:
    scene = make_scene(Session(), "scorecard")
    texts = reading_order(scene)
    assert "0 of 11 parts complete" in texts
    assert scene.page_count == 1
    assert sum(t.startswith("✗ ") for t in texts) == 11


def test_the_scorecard_speaks_the_rooms_language(make_scene: SceneFactory) -> None:
    set_language("en")  # the facilitator's window in English, the room in Dutch
    s = small()
    s.commitments.roles = []
    scene = make_scene(s, "scorecard", lang="nl")
    texts = reading_order(scene)
    assert "✗ Rollen" in texts
    missing = scorecard(s, "nl").part("roles").missing[0]
    assert missing in texts
    assert tr("Roles") == "Roles"  # the window's language is left as it was


def test_the_item_under_discussion_is_lit(make_scene: SceneFactory) -> None:
    s = small()
    plain = make_scene(s, "commitments")
    lit = make_scene(s, "commitments", highlight_id="r2")
    role = "Representative: " + s.organisations()[4]
    assert tile_showing(lit, role).spec.border_width > tile_showing(plain, role).spec.border_width


def test_one_number_on_the_wall_in_the_app_and_in_the_pdf(make_scene: SceneFactory) -> None:
    """The GGD's one-off data (in kind, € 8,000) is not added to the insurer's money;
    € 12.25 is € 12.25 everywhere, never rounded to one decimal."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "export"))
    from pdfcheck import EXPORTED_AT, body_text

    from workshop.domain.commitments import totals
    from workshop.export.agreement import AgreementOptions, export_agreement
    from workshop.ui.canvas.canvases.commitments import total_line
    from workshop.ui.pages.organising.contributions import amount_text

    s = demo_session()
    s.commitments.contributions[0].amount = Decimal("12.25")
    set_language("nl")
    ggd = totals(s).party("GGD Waalzoom-Betuwe")
    assert ggd is not None
    assert total_line(ggd, "nl") == "480 uur per jaar · in natura ongeveer € 8.000 eenmalig"
    overall = total_line(totals(s).overall, "nl")
    assert "€ 75.000 eenmalig · in natura ongeveer € 8.000 eenmalig" in overall
    assert "€ 83.000" not in overall
    texts = reading_order(make_scene(s, "commitments", lang="nl"))
    assert "• € 12,25 per jaar: Aandeel in de programmaondersteuning (naar rato)" in texts
    pdf = body_text(export_agreement(s, AgreementOptions(language="nl"), EXPORTED_AT))
    assert "€12,25" in pdf and "€12,2Geld" not in pdf
    assert amount_text(ContributionKind.MONEY, 12.25) == "€ 12,25"
