"""Soak: 2,000 edits of mixed kinds on the large session, with the main window open.

The edits go through the document (the path every widget takes) while the window shows
the step they belong to, as a facilitator makes them during a meeting: cards added,
moved and retyped, consent decisions, interests added, scores in the scan, actions
retitled, a principle added and removed, now and then a step switched or an undo.
Each sample is the edit, every view's refresh and the repaint. The app's garbage
collector settings are used and its settle timer runs (``processEvents`` runs timers).

Reported: the latency distribution (p50, p99, max; wall and CPU time of the UI thread)
and the memory of the process (resident set size) at the start and the end, beside the
size of the session file, which grows with what the edits add.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from run import (  # type: ignore[import-not-found]  # noqa: E402
    Context,
    Row,
    Samples,
    benchmark,
    prepared,
    settle,
)

EDITS = int(os.environ.get("WORKSHOP_SOAK_EDITS", "2000"))
GOAL = 0.05


def _rss() -> int:
    """Resident set size of this process now, in bytes (Linux; peak elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@benchmark("soak")
def _soak(ctx: Context) -> list[Row]:
    import gc

    from workshop.domain import diagnostics as dg
    from workshop.domain.edits.ambition import move_cards, set_card_text
    from workshop.domain.model import (
        AgreementItem,
        Card,
        Condition,
        ConsentRecord,
        Decision,
        InterestItem,
        InterestKind,
        Session,
        Step,
        new_id,
    )
    from workshop.storage.files import dumps, load_session, save_session
    from workshop.storage.lock import SessionLock
    from workshop.ui.app import application
    from workshop.ui.document import SessionDocument
    from workshop.ui.gc_policy import settle_garbage
    from workshop.ui.main_window import STEPS, MainWindow

    app = application()
    path = ctx.tmp / "soak-large.workshop"
    save_session(ctx.session, path)
    lock = SessionLock(path)
    lock.acquire()
    document = SessionDocument(load_session(path), path, lock=lock)
    window = MainWindow(document)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    for step in STEPS:  # every page built first: that is the first-visit figure
        window.go_to(step)
        settle(app)
    session = document.session
    rng = random.Random(14)
    people = [p.id for p in session.participants]
    present = [p.id for p in session.participants if p.present]
    clusters = [c.id for c in session.ambition.clusters]
    moment = session.diagnostics.moments[-1].id
    conditions = list(Condition)

    def add_card(s: Session) -> None:
        s.ambition.cards.append(Card(id=new_id("card"), text=f"Kaart {rng.random():.6f}",
                                     author_id=rng.choice(people),
                                     cluster_id=rng.choice(clusters)))

    def move_card(s: Session) -> None:  # as the board does (to the bottom of a column)
        move_cards(s, [rng.choice(s.ambition.cards).id], rng.choice(clusters))

    def retype_card(s: Session) -> None:  # as the board's editor does
        card = s.ambition.cards[rng.randrange(len(s.ambition.cards))]
        set_card_text(s, card.id, card.text[:60] + rng.choice("abcdefgh "))

    def decide(s: Session) -> None:
        subject = rng.choice(s.principles + s.rules).id
        pid = rng.choice(present)
        s.consents[:] = [r for r in s.consents
                         if not (r.subject_id == subject and r.participant_id == pid)]
        s.consents.append(ConsentRecord(subject_id=subject, participant_id=pid,
                                        decision=rng.choice(list(Decision)[:2])))

    def add_interest(s: Session) -> None:
        s.interests.items.append(InterestItem(
            id=new_id("i"), participant_id=rng.choice(people),
            kind=rng.choice(list(InterestKind)), text=f"Belang {rng.random():.5f}"))

    def score(s: Session) -> None:
        dg.set_score(s, moment, rng.choice(people), rng.choice(conditions),
                     rng.randint(1, 5))

    def retitle(s: Session) -> None:
        action = rng.choice(s.roadmap.actions)
        action.title = action.title[:50] + rng.choice("xyz ")

    added: list[str] = []

    def add_principle(s: Session) -> None:
        item = AgreementItem(id=new_id("p"), text=f"Principe {rng.random():.4f}")
        added.append(item.id)
        s.principles.append(item)

    def remove_principle(s: Session) -> None:
        gone = added.pop() if added else None
        s.principles[:] = [p for p in s.principles if p.id != gone]
        s.consents[:] = [r for r in s.consents if r.subject_id != gone]  # as the page does

    kinds: list[tuple[str, tuple[str, ...], Callable[[Session], None], Step, int]] = [
        ("add card", ("ambition.cards",), add_card, Step.AMBITION, 20),
        ("move card", ("ambition.cards",), move_card, Step.AMBITION, 15),
        ("retype card", ("ambition.cards",), retype_card, Step.AMBITION, 15),
        ("consent", ("consents",), decide, Step.PRINCIPLES, 20),
        ("add interest", ("interests.items",), add_interest, Step.INTERESTS, 10),
        ("score", dg.set_score.areas(), score, Step.AMBITION, 10),  # as the scan declares
        ("retitle action", ("roadmap.actions",), retitle, Step.ROADMAP, 6),
        ("add principle", ("principles",), add_principle, Step.PRINCIPLES, 2),
        ("remove principle", ("principles", "consents"), remove_principle,
         Step.PRINCIPLES, 2),
    ]
    weights = [k[-1] for k in kinds]
    app.processEvents()
    gc.collect()
    settle_garbage()
    prepared(document)
    rss_start, file_start = _rss(), len(dumps(session))
    samples = Samples.new()
    by_kind: dict[str, Samples] = {}
    for i in range(EDITS):
        name, areas, mutate, step, _ = rng.choices(kinds, weights)[0]
        if window.current_step() is not step and rng.random() < 0.5:
            window.go_to(step)  # the facilitator follows the meeting (not timed)
            settle(app)
        if i % 97 == 96:
            name, act = "undo", document.undo_stack.undo
        else:
            def act(name: str = name, areas: tuple[str, ...] = areas,
                    mutate: Callable[[Session], None] = mutate) -> None:
                document.edit(name, areas, mutate)
        one = Samples.new()
        one.measure(lambda act=act: (act(), app.processEvents()))
        for bucket in (samples, by_kind.setdefault(name, Samples.new())):
            bucket.wall += one.wall
            bucket.cpu += one.cpu
    app.processEvents()
    rss_end, file_end = _rss(), len(dumps(session))
    undo_steps = document.undo_stack.count()
    window.close()
    document.close()

    out = []
    for label, q in (("p50", 50.0), ("p99", 99.0)):
        wall, cpu = samples.percentile(q)
        out.append(Row(f"soak: {EDITS} mixed edits on the large session, {label}", wall, "s",
                       goal=f"< {GOAL * 1000:.0f} ms", ok=wall < GOAL, cpu=cpu))
    wall, cpu = samples.worst()
    out.append(Row(f"soak: {EDITS} mixed edits, max", wall, "s",
                   goal=f"< {GOAL * 1000:.0f} ms", ok=wall < GOAL, cpu=cpu))
    for name, s in sorted(by_kind.items()):
        (med, med_cpu), (worst, worst_cpu) = s.median(), s.worst()
        out.append(Row(f"soak: {name} (n={len(s)}), median / worst in CPU column",
                       med, "s", goal=f"worst {worst * 1000:.1f} ms wall, "
                       f"{worst_cpu * 1000:.1f} ms CPU", cpu=med_cpu))
    out += [
        Row("soak: memory (RSS) at the start", rss_start, "bytes"),
        Row("soak: memory (RSS) at the end", rss_end, "bytes",
            baseline=rss_start),
        Row("soak: session file at the start / end", file_end, "bytes",
            baseline=file_start),
        Row("soak: undo steps kept", undo_steps, "steps"),
    ]
    return out
