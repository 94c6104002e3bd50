"""A canvas that cannot show an edited area is not rebuilt for it, and really cannot:
every canvas but the diagnostics ones shows the same before and after the diagnostics
change."""

from __future__ import annotations

import datetime as dt

import pytest
from canvas_helpers import SceneFactory
from samples import demo_session

from workshop.domain import diagnostics as dg
from workshop.domain.model import Card, CollaborationForm, Condition, Session
from workshop.ui.canvas.reads import CANVAS_READS, DIAGNOSTIC_CANVASES, unaffected
from workshop.ui.canvas.scene import canvas_names
from workshop.ui.document import SessionDocument
from workshop.ui.projector import ProjectorController


def _rescored(session: Session) -> Session:
    changed = session.model_copy(deep=True)
    moment = dg.add_moment(changed, "Later", dt.datetime(2026, 6, 1, 10, 0))
    for n, person in enumerate(changed.participants):
        dg.set_score(changed, moment.id, person.id, list(Condition)[n % 5], 1 + n % 5)
        dg.set_mark(changed, moment.id, person.id, changed.diagnostics.axes[0].id, n % 5)
        dg.set_forms(changed, moment.id, person.id, [list(CollaborationForm)[n % 3]])
    return changed


@pytest.mark.parametrize("canvas", [c for c in canvas_names() if c not in DIAGNOSTIC_CANVASES])
def test_other_canvases_do_not_show_the_diagnostics(make_scene: SceneFactory,
                                                    canvas: str) -> None:
    session = demo_session()
    changed = _rescored(session)
    assert changed.diagnostics != session.diagnostics
    before = make_scene(session, canvas)
    after = make_scene(changed, canvas)
    assert sorted(after.all_texts()) == sorted(before.all_texts())
    assert unaffected(canvas, {"diagnostics"})


def test_the_diagnostics_canvases_do(make_scene: SceneFactory) -> None:
    session = demo_session()
    changed = _rescored(session)
    for canvas in DIAGNOSTIC_CANVASES:
        before = make_scene(session, canvas)
        after = make_scene(changed, canvas)
        assert sorted(after.all_texts()) != sorted(before.all_texts()), canvas
        assert not unaffected(canvas, {"diagnostics"})


def test_the_projector_rebuilds_for_a_card_not_for_a_score(qapp: object) -> None:
    session = demo_session()
    document = SessionDocument(session, autosave=False)
    projector = ProjectorController()
    projector.attach(document)
    assert projector.scene.canvas_name == session.view.current_step.value
    builds: list[object] = []
    real = projector.scene.update_session
    projector.scene.update_session = lambda s: (builds.append(s), real(s))  # type: ignore[method-assign]
    moment = session.diagnostics.moments[0].id
    person = session.participants[0].id
    old = dg.scores_by_cell(session, moment).get((person, list(Condition)[0]))
    new = 1 + (old.score % 5 if old else 0)
    assert document.edit("Score", ("diagnostics",), lambda s: dg.set_score(
        s, moment, person, list(Condition)[0], new))
    projector._apply_session()
    assert builds == []
    document.edit("Card", ("ambition.cards",),
                  lambda s: s.ambition.cards.append(Card(id="k-x", text="Nieuw")))
    projector._apply_session()
    assert builds == [session]
    projector.close()


@pytest.mark.parametrize("canvas", sorted(CANVAS_READS))
def test_a_canvas_shows_only_the_areas_it_reads(make_scene: SceneFactory, canvas: str) -> None:
    """Every area the canvas does not read is taken from another session at once: what
    it shows stays the same. And it does show each area it reads: taken from the other
    session, that area changes what it shows (so this test can fail)."""
    from samples import large_session

    session, other = demo_session(), large_session()
    reads = CANVAS_READS[canvas]
    unread = [f for f in Session.model_fields if f not in reads]
    mixed = session.model_copy(update={f: getattr(other, f) for f in unread})
    assert all(getattr(mixed, f) != getattr(session, f) for f in unread
               if getattr(other, f) != getattr(session, f))
    before = sorted(make_scene(session, canvas).all_texts())
    assert sorted(make_scene(mixed, canvas).all_texts()) == before
    assert unaffected(canvas, set(unread))
    shown = session.model_copy(update={f: getattr(other, f) for f in reads})
    assert sorted(make_scene(shown, canvas).all_texts()) != before
    for area in reads:
        assert not unaffected(canvas, {area, *unread})
