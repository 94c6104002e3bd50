"""Page figures with the large session (40 participants, 360 interests, 2,000+ consents).

Each sample is one keystroke as the facilitator makes it, through the real widgets:
Enter adds an interest on the interests page; 1 or 2 records a decision in the consent
round of the principles page. The sample includes the edit (validation, undo command,
autosave scheduling), the page's refresh and the repaint that follows.

The baseline, in the same run, is the same edit made straight through the document
with no page open: what the edit itself costs. The ratio is what the page adds.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from workshop.ui.document import SessionDocument

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from run import (  # type: ignore[import-not-found]  # noqa: E402
    Context,
    Row,
    Samples,
    benchmark,
    prepared,
    rows,
)

N = 100
GOAL = 2.0
"""The page (its refresh and repaint) may cost at most what the edit itself costs."""


def _rows(name: str, ours: Samples, base: Samples) -> list[Row]:
    return rows(name, ours, base=base, goal=f"<= {GOAL}x the bare edit",
                within=lambda o, b: b is not None and o <= GOAL * b)


def _open(ctx: Context, name: str) -> SessionDocument:
    from workshop.storage.files import load_session, save_session
    from workshop.storage.lock import SessionLock
    from workshop.ui.document import SessionDocument

    path = ctx.tmp / f"{name}.workshop"
    save_session(ctx.session, path)
    lock = SessionLock(path)
    lock.acquire()
    document = SessionDocument(load_session(path), path, lock=lock)
    # What the document does 2 s after opening (the whole session encoded once on the
    # save worker), done before the figures start, as in the other benchmarks: it fell
    # in the middle of the samples (a sample of 116 ms wall, 49 ms of it CPU).
    prepared(document)
    return document


Step = Callable[[int], Callable[[], object]]
"""``step(i)`` prepares sample ``i`` (untimed) and returns the part to time."""


def _paired(app: QApplication, ours: Step, base: Step) -> tuple[Samples, Samples]:
    """Samples of both, interleaved and alternating who goes first, so that the load of
    a shared machine falls on both alike."""
    mine, theirs = Samples.new(), Samples.new()
    for i in range(-3, N):  # three to warm up
        order = ((mine, ours), (theirs, base))
        for bucket, step in order if i % 2 == 0 else reversed(order):
            act = step(i)
            bucket.measure(lambda act=act: (act(), app.processEvents()), keep=i >= 0)
    return mine, theirs


@benchmark("pages")
def _pages(ctx: Context) -> list[Row]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from workshop.domain.model import (
        ConsentRecord,
        Decision,
        InterestItem,
        InterestKind,
        Session,
        new_id,
    )
    from workshop.ui.app import application
    from workshop.ui.pages.interests.page import InterestsPage
    from workshop.ui.pages.items.page import PrinciplesPage

    app = application()  # as the app runs: its garbage collector, its painting

    # --- adding an interest -----------------------------------------------------------
    bare_doc = _open(ctx, "interests-bare")
    pid = bare_doc.session.participants[5].id

    def bare_add(i: int) -> Callable[[], object]:
        item = InterestItem(id=new_id("b"), participant_id=pid,
                            kind=InterestKind.ORGANISATIONAL, text=f"Belang {i}")

        def add(s: Session) -> None:
            s.interests.items.append(item.model_copy())

        return lambda: bare_doc.edit("Add interest", ("interests.items",), add)

    document = _open(ctx, "interests-page")
    page = InterestsPage(document)
    document.sig_changed.connect(page.refresh)
    page.refresh(frozenset())
    page.resize(1366, 700)
    page.show()
    QTest.qWaitForWindowExposed(page)
    page.focus_first()
    QTest.keyClick(page.matrix, Qt.Key.Key_Return)  # into the entry line

    def page_add(i: int) -> Callable[[], object]:
        if i % 10 == 9:
            QTest.keyClick(page.entry, Qt.Key.Key_Tab)  # on to the next cell now and then
        page.entry.setText(f"Belang {i}")
        return lambda: QTest.keyClick(page.entry, Qt.Key.Key_Return)

    ours_add, base_add = _paired(app, page_add, bare_add)
    bare_doc.close()
    added = len(document.session.interests.items) - len(ctx.session.interests.items)
    assert added == N + 3, added
    page.close()
    document.close()

    # --- a decision in the consent round ----------------------------------------------
    bare_doc = _open(ctx, "consent-bare")
    session = bare_doc.session
    subject = session.principles[0].id
    people = [p.id for p in session.participants if p.present]

    def bare_decide(i: int) -> Callable[[], object]:
        person = people[i % len(people)]
        decision = (Decision.CONSENT, Decision.CONCERN)[i % 2]

        def mutate(s: Session) -> None:
            s.consents[:] = [r for r in s.consents
                             if not (r.subject_id == subject and r.participant_id == person)]
            s.consents.append(ConsentRecord(subject_id=subject, participant_id=person,
                                            decision=decision))

        return lambda: bare_doc.edit("Consent", ("consents",), mutate)

    document = _open(ctx, "consent-page")
    principles = PrinciplesPage(document)
    principles.resize(1366, 700)
    principles.refresh(frozenset())
    document.sig_changed.connect(principles.refresh)
    principles.show()
    QTest.qWaitForWindowExposed(principles)
    round_ = principles.round
    round_.table.setFocus()

    def page_decide(i: int) -> Callable[[], object]:
        if round_.note_edit.hasFocus():
            QTest.keyClick(round_.note_edit, Qt.Key.Key_Return)
        if round_.table.currentIndex().row() >= len(round_.model.rows) - 1:
            QTest.keyClick(round_.table, Qt.Key.Key_Home)
        row = round_.model.rows[round_.table.currentIndex().row()]
        key = "1" if row.record is not None and row.record.decision is Decision.CONCERN else "2"
        return lambda: QTest.keyClick(round_.table, key)

    steps = document.undo_stack.count()
    ours_decide, base_decide = _paired(app, page_decide, bare_decide)
    bare_doc.close()
    assert document.undo_stack.count() == steps + N + 3
    principles.close()
    document.close()

    return (_rows("add an interest, interests page (large)", ours_add, base_add)
            + _rows("consent decision, principles page (large)", ours_decide, base_decide))
