"""The 1,000-card board re-pours only from what changed, and ends where a fresh pour does."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from canvas_helpers import SceneFactory
from samples import large_session

from workshop.domain.edits.ambition import move_cards
from workshop.domain.model import Card, Cluster, Session
from workshop.ui.canvas.flow import Area, Block, IncrementalFlow, flow
from workshop.ui.canvas.options import CanvasOptions
from workshop.ui.canvas.scene import CanvasScene


def _groups(rng: random.Random, n: int) -> list[tuple[Block, ...]]:
    out = []
    for g in range(n):
        blocks = [Block(("head", g), rng.choice([40.0, 80.0]), True, g, 18.0)]
        blocks += [Block((g, i), rng.uniform(60, 300), False, g, 0.0)
                   for i in range(rng.randint(0, 12))]
        out.append(tuple(blocks))
    return out


def test_incremental_flow_equals_a_fresh_flow_after_any_change() -> None:
    rng = random.Random(7)
    area = Area(56.0, 120.0, 1800.0, 900.0)
    groups = _groups(rng, 20)
    pour = IncrementalFlow()
    for step in range(200):
        g = rng.randrange(len(groups))
        blocks = list(groups[g])
        what = step % 4
        if what == 0:  # add a block
            blocks.insert(rng.randint(1, len(blocks)), Block(("new", step), 120.0, False, g))
        elif what == 1 and len(blocks) > 1:  # remove one
            blocks.pop(rng.randint(1, len(blocks) - 1))
        elif what == 2:  # a heading that grew (renamed)
            blocks[0] = blocks[0]._replace(height=rng.choice([40.0, 80.0, 120.0]))
        else:  # taller text on a card
            if len(blocks) > 1:
                i = rng.randint(1, len(blocks) - 1)
                blocks[i] = blocks[i]._replace(height=rng.uniform(60, 300))
        groups[g] = tuple(blocks)
        if step % 25 == 24:
            area = Area(56.0, 120.0, rng.choice([1000.0, 1300.0, 1800.0]), 900.0)
        got = pour.flow(groups, area, 340.0, 24.0, 14.0, cont_height=50.0)
        want = flow([b for grp in groups for b in grp], area, 340.0, 24.0, 14.0,
                    cont_height=50.0)
        assert got.placements == want.placements
        assert got.continued == want.continued
        assert got.pages == want.pages


def test_one_change_re_pours_from_its_cluster_on_only() -> None:
    groups = _groups(random.Random(3), 20)
    area = Area(0.0, 0.0, 1800.0, 900.0)
    pour = IncrementalFlow()
    pour.flow(groups, area, 340.0, 24.0, 14.0)
    total = sum(len(g) for g in groups)
    assert pour.poured == total
    pour.flow(groups, area, 340.0, 24.0, 14.0)
    assert pour.poured == 0
    groups[15] = (*groups[15], Block("late", 100.0, False, 15))
    pour.flow(groups, area, 340.0, 24.0, 14.0)
    assert 0 < pour.poured <= sum(len(g) for g in groups[15:])


def _layout(scene: CanvasScene) -> tuple[object, ...]:
    canvas = scene.canvas
    return (scene.page_count, scene.page, dict(canvas.placements),
            dict(canvas._cont_places),  # type: ignore[attr-defined]
            {k: t.spec for k, t in canvas.tiles.tiles.items()}, scene.texts())


Change = Callable[[Session], None]


def _add(s: Session) -> None:
    s.ambition.cards.append(Card(id="added", text="Een kaart erbij, met wat meer tekst "
                                 "dan gewoonlijk zodat hij twee regels beslaat",
                                 author_id=s.participants[0].id,
                                 cluster_id=s.ambition.clusters[3].id))


def _move(s: Session) -> None:
    move_cards(s, [s.ambition.cards[10].id], s.ambition.clusters[-2].id)


def _remove(s: Session) -> None:
    del s.ambition.cards[500]


def _rename(s: Session) -> None:
    s.ambition.clusters[5].name = "Een veel langere naam voor dit cluster, over drie regels"


def _unclustered(s: Session) -> None:
    move_cards(s, [s.ambition.cards[20].id], None)


def _new_cluster(s: Session) -> None:
    s.ambition.clusters.insert(2, Cluster(id="c-new", name="Nieuw"))
    move_cards(s, [s.ambition.cards[40].id], "c-new")


@pytest.mark.parametrize("change", [_add, _move, _remove, _rename, _unclustered,
                                    _new_cluster])
def test_board_after_a_change_equals_a_fresh_board(make_scene: SceneFactory,
                                                   change: Change) -> None:
    session = large_session()
    scene = make_scene(session, "ambition", lang="nl")
    scene.set_page(4)
    change(session)
    scene.update_session(session)
    fresh = make_scene(session.model_copy(deep=True), "ambition", lang="nl", page=4)
    assert _layout(scene) == _layout(fresh)


def test_board_after_resizes_equals_a_fresh_board(make_scene: SceneFactory) -> None:
    session = large_session()
    scene = make_scene(session, "ambition", lang="nl")
    for size in [(1024, 768), (1366, 768), (1920, 1080), (1280, 800)]:
        scene.set_output_size(*size)
        _move(session)
        scene.update_session(session)
        scene.set_output_size(*size)  # the same shape again: nothing to do
        fresh = make_scene(session.model_copy(deep=True), "ambition", size=size, lang="nl")
        assert _layout(scene) == _layout(fresh), size
        if size == (1366, 768):
            _add(session)


Size = tuple[int, int]
WALLS: list[Size] = [(1920, 1080), (1366, 768), (1280, 1024)]


def _wall(make_scene: SceneFactory, session: Session, canvas: str
          ) -> tuple[CanvasScene, CanvasOptions, Size]:
    """``canvas`` of ``session`` on the first wall, in Dutch: where the random-edit tests
    start (the scene, its options, the wall's size)."""
    scene = make_scene(session, canvas, lang="nl")
    return scene, scene.options, (1920, 1080)


def _restyle(scene: CanvasScene, options: CanvasOptions, size: Size,
             rng: random.Random) -> Size:
    """``options`` on the scene, and now and then another wall: the wall's size now."""
    scene.set_options(options)
    if rng.random() < 0.3:
        size = rng.choice(WALLS)
        scene.set_output_size(*size)
    return size


def _as_fresh(make_scene: SceneFactory, scene: CanvasScene, session: Session, canvas: str,
              size: Size, options: CanvasOptions, fields: tuple[str, ...],
              layout: Callable[[CanvasScene], tuple[object, ...]], step: int) -> None:
    """The scene shows what a scene built afresh from the same session shows."""
    fresh = make_scene(session.model_copy(deep=True), canvas, size=size,
                       **{f: getattr(options, f) for f in fields})
    fresh.set_page(scene.page)
    assert layout(scene) == layout(fresh), step


def test_board_after_random_edits_equals_a_fresh_board(make_scene: SceneFactory) -> None:
    """The board keeps a card's tile while the card is the same record and the names,
    dots and highlight are those it was made with: after any mix of cards added, moved,
    retyped and removed, names, dots, highlight, anonymity, language, theme and size it
    shows what a board built afresh shows."""
    from workshop.domain.edits.ambition import set_card_text
    from workshop.domain.model import Vote

    rng = random.Random(5)
    session = large_session()
    scene, options, size = _wall(make_scene, session, "ambition")
    for step in range(60):
        cards = session.ambition.cards
        card = rng.choice(cards)
        person = rng.choice(session.participants)
        what = rng.randrange(9)
        if what == 0:
            cards.append(Card(id=f"c{step}", text=f"Kaart {step} " * rng.randint(1, 9),
                              author_id=rng.choice([None, person.id]),
                              cluster_id=rng.choice(session.ambition.clusters).id))
        elif what == 1:
            move_cards(session, [card.id], rng.choice([None, *[
                c.id for c in session.ambition.clusters]]))
        elif what == 2:
            set_card_text(session, card.id, card.text[:40] + rng.choice([" x", " 🙂 ‏שלום"]))
        elif what == 3:
            cards.remove(card)
        elif what == 4:
            person.name = f"{person.name.split(' #')[0]} #{step}"
        elif what == 5:
            session.ambition.votes.append(Vote(participant_id=person.id, card_id=card.id,
                                               dots=rng.randint(1, 3)))
        elif what == 6 and session.ambition.votes:
            session.ambition.votes.pop(rng.randrange(len(session.ambition.votes)))
        else:
            options = options.replace(highlight_id=rng.choice([None, card.id]),
                                      anonymous=rng.random() < 0.3,
                                      lang=rng.choice(["nl", "en"]),
                                      theme=rng.choice(["light", "dark"]))
            size = _restyle(scene, options, size, rng)
        scene.update_session(session)
        if step % 5 == 4:
            _as_fresh(make_scene, scene, session, "ambition", size, options,
                      ("lang", "highlight_id", "anonymous", "theme"), _layout, step)


def _agreement_layout(scene: CanvasScene) -> tuple[object, ...]:
    canvas = scene.canvas
    return (scene.page_count, scene.page, dict(canvas.placements),
            {k: t.spec for k, t in canvas.tiles.tiles.items()}, scene.texts())


@pytest.mark.parametrize("which", ["principles", "rules"])
def test_agreements_after_random_edits_equal_a_fresh_canvas(make_scene: SceneFactory,
                                                             which: str) -> None:
    """The principles' canvas keeps each item's tiles with what they were made of: after
    any mix of decisions, objections, words, names, presence, highlight, language and
    size it shows what a canvas built afresh shows."""
    from samples import demo_session

    from workshop.domain import consent as rounds
    from workshop.domain.model import AgreementItem, Decision, ObjectionResolution

    rng = random.Random(11)
    session = demo_session()
    scene, options, size = _wall(make_scene, session, which)
    for step in range(160):
        items = session.principles if which == "principles" else session.rules
        person = rng.choice(session.participants)
        what = rng.randrange(9)
        if what <= 2 and items:
            rounds.decide(session, rng.choice(items).id, person.id,
                          rng.choice([*Decision, None]))
        elif what == 3 and items:
            rounds.decide_with_note(session, rng.choice(items).id, person.id,
                                    Decision.OBJECTION, f"bezwaar {step}")
        elif what == 4:
            standing = [r for r in session.consents if r.decision is Decision.OBJECTION]
            if standing:
                r = rng.choice(standing)
                rounds.update_current(session, r.subject_id, r.participant_id,
                                      resolution=rng.choice(list(ObjectionResolution)))
        elif what == 5:
            person.present = not person.present
        elif what == 6:
            person.name = f"{person.name.split(' #')[0]} #{step}"
        elif what == 7 and items:
            if rng.random() < 0.5:
                items.insert(rng.randrange(len(items) + 1),
                             AgreementItem(id=f"x{step}", text=f"Nieuw {step} " * 4))
            else:
                items.pop(rng.randrange(len(items)))
        else:
            options = options.replace(
                highlight_id=rng.choice([None, *(i.id for i in items)]),
                lang=rng.choice(["nl", "en"]))
            size = _restyle(scene, options, size, rng)
        scene.update_session(session)
        if step % 8 == 7:
            _as_fresh(make_scene, scene, session, which, size, options,
                      ("lang", "highlight_id"), _agreement_layout, step)


def _roadmap_layout(scene: CanvasScene) -> tuple[object, ...]:
    from workshop.ui.canvas.canvases.roadmap import RoadmapCanvas

    canvas = scene.canvas
    assert isinstance(canvas, RoadmapCanvas)
    return (*_agreement_layout(scene),
            [canvas.today_segments(p) for p in range(scene.page_count)])


def test_roadmap_after_random_edits_equals_a_fresh_canvas(make_scene: SceneFactory) -> None:
    """The roadmap keeps each bar with what it was made of: after any mix of titles,
    dates, states, owners, phases, names, milestones, highlight, grouping, language,
    theme, text size and wall size it shows what a roadmap built afresh shows, the today
    line's gaps around the titles included."""
    import datetime as dt

    from workshop.domain.model import ActionStatus, Milestone, Owner, Phase

    rng = random.Random(5)
    session = large_session()
    scene, options, size = _wall(make_scene, session, "roadmap")
    day = dt.date(2027, 1, 1)
    for step in range(72):
        actions = session.roadmap.actions
        action = rng.choice(actions)
        person = rng.choice(session.participants)
        what = rng.randrange(10)
        if what <= 2:
            action.title = action.title[:40] + rng.choice([" x", " · verder", "é 🙂", ""])
        elif what == 3:
            action.start = day + dt.timedelta(days=rng.randrange(-400, 400))
            action.due = rng.choice([None, action.start + dt.timedelta(days=90)])
        elif what == 4:
            action.status = rng.choice(list(ActionStatus))
            action.phase = rng.choice(list(Phase))
        elif what == 5:
            action.owner = rng.choice([None, Owner(kind="participant", ref=person.id)])
        elif what == 6:
            person.name = f"{person.name.split(' #')[0]} #{step}"
        elif what == 7:
            session.roadmap.milestones.append(Milestone(
                id=f"m{step}", title=f"Mijlpaal {step}",
                date=day + dt.timedelta(days=rng.randrange(0, 700))))
        elif what == 8 and rng.random() < 0.3:
            action.start = action.due = None  # not yet scheduled
        else:
            options = options.replace(
                highlight_id=rng.choice([None, action.id]),
                lang=rng.choice(["nl", "en"]),
                roadmap_by=rng.choice(["phase", "owner"]),
                theme=rng.choice(["light", "dark"]),
                text_scale=rng.choice([1.0, 1.0, 1.25]))
            size = _restyle(scene, options, size, rng)
        scene.update_session(session)
        if step % 8 == 7:
            _as_fresh(make_scene, scene, session, "roadmap", size, options,
                      ("lang", "highlight_id", "roadmap_by", "theme", "text_scale"),
                      _roadmap_layout, step)


def test_interests_after_random_edits_equal_a_fresh_canvas(make_scene: SceneFactory) -> None:
    """The interests' canvas keeps each item's tile with what it was made of: after any
    mix of words, kinds, links, "not for print", names, highlight, language, theme and
    size it shows what a canvas built afresh shows."""
    from workshop.domain.model import InterestItem, InterestKind, InterestLink, LinkKind

    rng = random.Random(3)
    session = large_session()
    scene, options, size = _wall(make_scene, session, "interests")
    for step in range(72):
        items = session.interests.items
        item = rng.choice(items)
        person = rng.choice(session.participants)
        what = rng.randrange(8)
        if what <= 1:
            items.append(InterestItem(id=f"i{step}", participant_id=person.id,
                                      kind=rng.choice(list(InterestKind)),
                                      text=f"Belang {step} " * rng.randint(1, 12)))
        elif what == 2:
            item.text = item.text[:30] + rng.choice([" x", " 🙂 ‏שלום", ""])
            item.kind = rng.choice(list(InterestKind))
        elif what == 3:
            item.private = not item.private
        elif what == 4:
            other = rng.choice(items)
            if other.id != item.id:
                session.interests.links.append(InterestLink(
                    id=f"l{step}", a_id=item.id, b_id=other.id,
                    kind=rng.choice(list(LinkKind))))
        elif what == 5:
            person.name = f"{person.name.split(' #')[0]} #{step}"
        else:
            shown = [i.id for i in items if not i.private]
            options = options.replace(highlight_id=rng.choice([None, *shown[:3]]),
                                      lang=rng.choice(["nl", "en"]),
                                      theme=rng.choice(["light", "dark"]))
            size = _restyle(scene, options, size, rng)
        scene.update_session(session)
        if step % 6 == 5:
            _as_fresh(make_scene, scene, session, "interests", size, options,
                      ("lang", "highlight_id", "theme"), _agreement_layout, step)
