"""Canvas figures: the ambition board of the large session (1,000 cards in 25 clusters).

Each sample is one change as the projector meets it: the session changes, the scene
is brought in step (``update_session`` / ``set_output_size``) and the visible page is
painted into a 1920x1080 image, the projector's frame. The baseline, in the same run,
paints 1,000 plain text items of the same texts in a bare QGraphicsScene into the same
image (no layout, no paging): what the cheapest possible board costs per frame.

The garbage collector is set up as the app sets it up (``workshop.ui.gc_policy``: the objects
alive are settled with ``gc.freeze()`` every 5 s); one more row shows adding a card with
the collector left as Python has it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from run import (  # type: ignore[import-not-found]  # noqa: E402
    Context,
    Row,
    Samples,
    benchmark,
    rows,
)

N = 100
FRAME = 0.016  # one frame at 60 Hz
SIZE = (1920, 1080)


def _samples(fn: Callable[[int], object], n: int = N) -> Samples:
    fn(-1)  # warm up
    out = Samples.new()
    for i in range(n):
        out.measure(lambda i=i: fn(i))
    return out


def _rows(name: str, ours: Samples, base: Samples) -> list[Row]:
    return rows(name, ours, FRAME, base=base)


@benchmark("canvas")
def _canvas(ctx: Context) -> list[Row]:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

    from workshop.domain.edits.ambition import move_cards
    from workshop.domain.model import Card
    from workshop.ui.canvas.options import CanvasOptions
    from workshop.ui.canvas.render import ensure_app
    from workshop.ui.canvas.scene import CanvasScene

    ensure_app()
    session = ctx.session.model_copy(deep=True)
    assert len(session.ambition.cards) == 1000
    image = QImage(*SIZE, QImage.Format.Format_RGB32)

    def paint(scene: QGraphicsScene) -> None:
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        scene.render(painter, QRectF(0, 0, *SIZE), scene.sceneRect())
        painter.end()

    # The baseline: the same 1,000 texts as plain items, repainted after adding one.
    bare = QGraphicsScene()
    bare.setSceneRect(QRectF(0, 0, *SIZE))
    bare.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
    for n, card in enumerate(session.ambition.cards):
        item = QGraphicsSimpleTextItem(card.text)
        item.setPos((n % 5) * 360.0, (n // 5) * 40.0 % 1000)
        item.setVisible(n < 30)  # one page's worth visible, like the board
        bare.addItem(item)

    def bare_add(i: int) -> None:
        item = QGraphicsSimpleTextItem(f"Nog een kaart {i}")
        item.setPos(20.0, 20.0)
        bare.addItem(item)
        paint(bare)

    scene = CanvasScene(session, "ambition", CanvasOptions(lang="nl"), size=SIZE)
    pages = scene.page_count
    clusters = [c.id for c in session.ambition.clusters]

    def add_card(i: int) -> None:
        session.ambition.cards.append(Card(
            id=f"bench-{i}", text=f"Nog een kaart van de bank, nummer {i}",
            author_id=session.participants[0].id, cluster_id=clusters[i % len(clusters)]))
        scene.update_session(session)
        paint(scene)

    moving = session.ambition.cards[10].id

    def move_card(i: int) -> None:
        move_cards(session, [moving], clusters[(i + 2) % len(clusters)])
        scene.update_session(session)
        paint(scene)

    sizes = [(1920, 1080), (1024, 768), (1280, 800), (1366, 768)]

    def resize(i: int) -> None:
        scene.set_output_size(*sizes[i % len(sizes)])
        paint(scene)

    # First as Python leaves it: a full garbage-collection pass walks the whole large
    # session (~35 ms) whenever it comes, and lands in some samples.
    import gc

    from workshop.ui.gc_policy import SETTLE_MS, settle_garbage

    gc.collect()
    loose = _samples(lambda i: add_card(2000 + i))
    # Then as the app runs (workshop.ui.gc_policy.calm_garbage_collector): settle_garbage()
    # every SETTLE_MS; each series of 100 below takes less than that, so one settle
    # before each is what the app does at most.
    try:
        series = []
        for fn in (bare_add, add_card, move_card, resize):
            settle_garbage()
            started = time.perf_counter()
            series.append(_samples(fn))
            took = time.perf_counter() - started
            if took > SETTLE_MS / 1000:
                print(f"note: a series took {took:.1f} s, longer than the app settles")
        base, adds, moves, resizes = series
    finally:
        gc.unfreeze()
    scene.clear()
    bare.clear()
    return ([Row("ambition board, pages at 1920x1080 (1,000 cards)", pages, "pages")]
            + _rows("add a card + repaint (1,000-card board)", adds, base)
            + _rows("move a card to another cluster + repaint", moves, base)
            + _rows("re-layout after a resize + repaint", resizes, base)
            + _rows("add a card + repaint, gc not settled", loose, base))
