"""The canvases show each kind of change, checked on what the scene shows."""

from __future__ import annotations

import datetime as dt

import pytest
from canvas_helpers import TODAY, SceneFactory, flow_order, tile_showing
from PySide6.QtGui import QColor
from samples import demo_session, large_session

from workshop.domain.edits.ambition import move_cards, set_card_text
from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import (
    Action,
    Card,
    ConsentRecord,
    Decision,
    InterestItem,
    InterestKind,
    Owner,
    Phase,
    Signature,
    Stroke,
    Vote,
)
from workshop.ui.canvas.scene import canvas_names, register_canvas
from workshop.ui.canvas.theme import THEMES


def test_every_step_has_a_canvas(qapp: object) -> None:
    names = canvas_names()
    assert names[:8] == ["preparation", "ambition", "interests", "principles", "rules",
                         "organising", "roadmap", "signing"]
    assert "roadmap-by-owner" in names


def test_card_added_appears(make_scene: SceneFactory) -> None:
    session = demo_session()
    scene = make_scene(session, "ambition")
    text = "Een nieuwe kaart: samen de wijkverpleging versterken."
    assert not any(text in t for t in scene.texts())
    session.ambition.cards.append(Card(id="k-new", text=text, author_id="p-anna",
                                       cluster_id="cl-thuis"))
    scene.update_session(session)
    assert text in scene.texts()
    # Only the new card was laid out (besides headings repeated in a new column).
    changed = scene.canvas.tiles.changed
    assert [k for k in changed if not (isinstance(k, tuple) and k[0] == "continued")] == [
        "k-new"]


def test_vote_changes_dots_and_cluster_total(make_scene: SceneFactory) -> None:
    session = demo_session()
    scene = make_scene(session, "ambition")
    before = scene.to_image(1920, 1080)
    assert "● 9" in scene.texts()  # "Langer en veilig thuis wonen" before the vote
    session.ambition.votes.append(Vote(participant_id="p-gerda", card_id="k-01", dots=1))
    scene.update_session(session)
    assert "● 10" in scene.texts()
    assert tile_showing(scene, "Over vijf jaar").spec.dots == 1
    after = scene.to_image(1920, 1080)
    accent = QColor(THEMES["light"].ink("accent")).rgb()
    card = tile_showing(scene, "Over vijf jaar").sceneBoundingRect().toRect()  # 1:1 at 1080

    def accent_pixels(image: object) -> int:
        return sum(1 for y in range(card.top(), card.bottom())
                   for x in range(card.left(), card.right())
                   if image.pixel(x, y) == accent)  # type: ignore[attr-defined]

    assert accent_pixels(before) == 0 < accent_pixels(after)  # its dot, on the wall


def test_card_clustered_moves_under_its_cluster(make_scene: SceneFactory) -> None:
    session = demo_session()
    scene = make_scene(session, "ambition")
    order = flow_order(scene)
    assert order.index("k-20") > order.index(("head", "__unclustered__"))
    move_cards(session, ["k-20"], "cl-preventie")
    scene.update_session(session)
    order = flow_order(scene)
    assert order.index(("head", "cl-preventie")) < order.index("k-20") < order.index(
        ("head", "cl-mensen"))
    assert ("head", "__unclustered__") not in order
    scene.set_page(scene.canvas.page_of("k-20"))
    assert "Durven stoppen met wat niet werkt." in scene.texts()


def test_interest_added_and_private_never_shown(make_scene: SceneFactory) -> None:
    session = demo_session()
    scene = make_scene(session, "interests")
    shown = "De huisartsen willen zelf de regie houden over de nieuwe werkwijze."
    secret = "Mijn contract loopt af; ik wil deze samenwerking als visitekaartje."
    session.interests.items += [
        InterestItem(id="b-new", participant_id="p-joost", kind=InterestKind.INDIVIDUAL,
                     text=shown),
        InterestItem(id="b-secret", participant_id="p-ruud", kind=InterestKind.INDIVIDUAL,
                     text=secret, private=True),
    ]
    scene.update_session(session)
    assert shown in scene.texts()
    assert not any(secret in t for t in scene.all_texts())


def test_private_interest_absent_from_every_canvas(make_scene: SceneFactory) -> None:
    session = large_session()
    session.interests.items += [
        InterestItem(id=f"b-secret-{n}", participant_id=f"p-{n:03d}", kind=kind,
                     text=f"Geheim {n}: dit mag nooit op de muur.", private=True)
        for n, kind in enumerate(InterestKind)
    ]
    secrets = {i.text for i in session.interests.items if i.private}
    public = {i.text for i in session.interests.items if not i.private}
    secrets -= public  # the same words may also be someone's public interest
    assert len(secrets) >= 3
    for name in canvas_names():
        scene = make_scene(session, name, spotlight_id=None)
        for page in range(scene.page_count):
            scene.set_page(page)
            texts = scene.all_texts()
            assert not [s for s in secrets if any(s in t for t in texts)], name
    private = next(i for i in session.interests.items if i.private and i.text in secrets)
    scene = make_scene(session, "interests", spotlight_id=private.id)
    assert not any(private.text in t for t in scene.all_texts())


def test_consent_given_updates_state(make_scene: SceneFactory) -> None:
    session = demo_session()
    scene = make_scene(session, "rules", highlight_id="sr-aanspreken")
    state = tile_showing(scene, "Open")
    assert state.key == ("state", "sr-aanspreken")
    session.consents.append(ConsentRecord(subject_id="sr-aanspreken", participant_id="p-anna",
                                          decision=Decision.CONSENT))
    scene.update_session(session)
    texts = " ".join(scene.canvas.tiles[("state", "sr-aanspreken")].texts())
    assert "◔ Round in progress" in texts and "Consent: 1" in texts and "Not yet: 7" in texts
    assert "Waiting for:" in texts  # the highlighted item says who still has to speak
    for pid in ("p-joost", "p-fatima", "p-ruud", "p-ingrid", "p-mehmet", "p-els", "p-gerda"):
        session.consents.append(ConsentRecord(subject_id="sr-aanspreken", participant_id=pid,
                                              decision=Decision.CONSENT))
    scene.update_session(session)
    assert "✓ Agreed" in scene.canvas.tiles[("state", "sr-aanspreken")].texts()


def test_highlight_shows_its_page(make_scene: SceneFactory) -> None:
    session = large_session()
    last = session.principles[-1]
    scene = make_scene(session, "principles")
    assert scene.page == 0 and scene.page_count > 1
    assert not any(last.text in t for t in scene.texts())
    scene.set_options(scene.options.replace(highlight_id=last.id))
    assert scene.page == scene.page_count - 1
    tile = scene.canvas.tiles[last.id]
    assert tile.isVisible() and tile.spec.border_width > 3


def test_action_added_on_roadmap(make_scene: SceneFactory) -> None:
    session = demo_session()
    scene = make_scene(session, "roadmap")
    title = "Werkbezoek aan de regio Betuwedal"
    session.roadmap.actions.insert(0, Action(
        id="a-new", title=title, owner=Owner(kind="participant", ref="p-els"),
        start=dt.date(2026, 4, 1), due=dt.date(2026, 5, 1), phase=Phase.ANALYSIS))
    scene.update_session(session)
    assert any(t.startswith(title) for t in scene.texts())
    assert "Today, 12 Mar 2026" in scene.texts()
    by_owner = make_scene(session, "roadmap", roadmap_by="owner")
    assert "Roadmap by owner" in by_owner.texts()
    assert "Els van den Berg (Zorgverzekeraar Rivierzorg)" in " ".join(by_owner.all_texts())


def test_signing_live_and_void(make_scene: SceneFactory) -> None:
    session = demo_session()
    scene = make_scene(session, "signing")
    assert "0 of 8 present participants have signed" in scene.texts()
    session.signatures.append(Signature(
        id="sig-anna", participant_id="p-anna", signed_at=dt.datetime(2026, 3, 12, 16, 5),
        strokes=[Stroke(points=[(10, 10, 0.5), (200, 80, 0.6), (400, 20, 0.5)])],
        fingerprint=fingerprint(session)))
    scene.update_session(session)
    assert "1 of 8 present participants have signed" in scene.texts()
    assert "✓ Signed at 16:05" in tile_showing(scene, "Anna de Vries").texts()
    session.rules[0].text += " Ook tussen de bijeenkomsten."
    scene.update_session(session)
    assert "0 of 8 present participants have signed" in scene.texts()
    assert "✗ Void: the text changed after signing" in tile_showing(
        scene, "Anna de Vries").texts()


def test_a_name_that_turns_its_letters_around_reads_as_typed_on_both(
        make_scene: SceneFactory) -> None:
    """An override (U+202E ... U+202C) inside a name: the PDF dropped it and printed
    "abcdcba", the projector applied it and showed "abcabcd". Both show it as typed."""
    import io
    import re

    from pypdf import PdfReader

    from workshop.export.agreement import AgreementOptions, export_agreement

    session = demo_session()
    session.participants[0].name = "Anna abc\u202edcba\u202c end"
    scene = make_scene(session, "preparation")
    assert "Anna abcdcba end" in scene.all_texts()
    assert not [t for t in scene.all_texts() if "\u202e" in t or "\u202c" in t]
    pdf = export_agreement(session, AgreementOptions(language="en"))
    words = re.sub(r"\s+", "", "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    assert "Annaabcdcbaend" in words


def test_signing_before_anyone_is_present_says_so(make_scene: SceneFactory) -> None:
    """Not "0 of 0 present participants have signed": nobody is there to sign yet."""
    session = demo_session()
    for participant in session.participants:
        participant.present = False
    scene = make_scene(session, "signing")
    assert "Nobody present to sign yet." in scene.texts()
    assert not [t for t in scene.texts() if "of 0" in t]
    session.participants[0].present = True
    scene.update_session(session)
    assert "0 of 1 present participants have signed" in scene.texts()
    assert "Nobody present to sign yet." not in scene.texts()


def test_spotlight_timer_and_pages(make_scene: SceneFactory) -> None:
    session = demo_session()
    scene = make_scene(session, "ambition", spotlight_id="k-03", timer_seconds=754)
    texts = scene.texts()
    assert "Eén aanspreekpunt per wijk voor kwetsbare ouderen." in texts
    assert "12:34" in texts
    assert not any("Valpreventie" in t for t in texts)  # the rest of the board steps back
    scene.set_options(scene.options.replace(timer_seconds=-65))
    assert "+01:05" in scene.texts()
    scene.set_options(scene.options.replace(spotlight_id=None, timer_seconds=None))
    assert any("Valpreventie" in t for t in scene.texts())
    assert not any(":" in t and t[0].isdigit() for t in scene.texts())


def test_large_board_pages_and_says_so(make_scene: SceneFactory) -> None:
    scene = make_scene(large_session(), "ambition")
    assert scene.page_count > 10
    assert f"Page 1 of {scene.page_count}" in scene.texts()
    first = set(scene.texts())
    scene.set_page(3)
    assert f"Page 4 of {scene.page_count}" in scene.texts()
    assert set(scene.texts()) != first
    for tile in scene.visible_tiles():  # nothing hangs off the wall
        rect = tile.sceneBoundingRect()
        assert scene.sceneRect().adjusted(-1, -1, 1, 1).contains(rect), tile.texts()


def test_long_and_hostile_text_is_cut_visibly(make_scene: SceneFactory) -> None:
    session = demo_session()
    set_card_text(session, session.ambition.cards[0].id, "Heel lang verhaal " * 6000)
    session.details.name = "<b>Zorg</b> & <i>welzijn</i> \u202eRTL 🙂"
    scene = make_scene(session, "ambition")
    tile = scene.canvas.tiles["k-01"]
    assert tile.is_cut() and tile.texts()[0].endswith("…")
    assert any("<b>Zorg</b> & <i>welzijn</i>" in t for t in scene.texts())


def test_options_rebuild_in_every_theme_and_language(make_scene: SceneFactory) -> None:
    session = demo_session()
    scene = make_scene(session, "principles")
    assert "Leading principles" in scene.texts()
    scene.set_options(scene.options.replace(lang="nl", theme="contrast", text_scale=1.5))
    assert "Leidende principes" in scene.texts()
    assert scene.backgroundBrush().color() == QColor("#000000")


def test_a_new_canvas_registers(make_scene: SceneFactory) -> None:
    from workshop.ui.canvas import scene as scene_module
    from workshop.ui.canvas.scene import Canvas, Context
    from workshop.ui.canvas.tile import TileSpec

    class Hello(Canvas):
        label = "Hello"

        def build(self, ctx: Context) -> int:
            self.tiles.sync({"hi": TileSpec(width=400, runs=(ctx.run("hi there"),))})
            self.placements = {"hi": (0, ctx.area.x, ctx.area.y)}
            return 1

    register_canvas("test-hello")(Hello)
    try:
        assert "test-hello" in canvas_names()
        assert "hi there" in make_scene(demo_session(), "test-hello").texts()
    finally:
        del scene_module._REGISTRY["test-hello"]


@pytest.mark.parametrize("name", ["preparation", "interests", "organising", "signing"])
def test_spotlight_per_canvas(make_scene: SceneFactory, name: str) -> None:
    item = {"preparation": "p-gerda", "interests": "b-anna-c", "organising": "chair",
            "signing": "p-gerda"}[name]
    scene = make_scene(demo_session(), name, spotlight_id=item, today=TODAY)
    spot = scene._spot["spotlight"]
    assert spot.isVisible() and spot.texts()


def test_overlaps_and_tensions_are_drawn_as_links(make_scene: SceneFactory) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QGraphicsPathItem

    from workshop.domain.model import LinkKind

    session = demo_session()
    scene = make_scene(session, "interests")
    links = session.interests.links
    assert {ln.kind for ln in links} == {LinkKind.OVERLAP, LinkKind.TENSION}
    drawn = [i for i in scene.items() if isinstance(i, QGraphicsPathItem) and i.isVisible()]
    assert len(drawn) == len(links)
    theme = THEMES["light"]
    styles = {(i.pen().color().name(), i.pen().style()) for i in drawn}
    assert styles == {(theme.ink("overlap"), Qt.PenStyle.SolidLine),
                      (theme.ink("tension"), Qt.PenStyle.DashLine)}
    # Each end is also said in words on its card, in the link's colour.
    assert any(t.startswith("↔ Overlap: ") for t in scene.texts())
    assert any(t.startswith("⚡ Tension: ") for t in scene.texts())
    # A link to an item that is not for print is neither drawn nor named.
    ln = next(x for x in links if x.kind is LinkKind.TENSION)
    next(i for i in session.interests.items if i.id == ln.a_id).private = True
    scene.update_session(session)
    drawn = [i for i in scene.items() if isinstance(i, QGraphicsPathItem) and i.isVisible()]
    assert len(drawn) == len(links) - 1
    assert not any(t.startswith("⚡ ") for t in scene.texts())
