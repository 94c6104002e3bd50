"""The navigator recomputes only the steps an edit can change, and always shows what a
navigator built from scratch for the same session shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from workshop.domain.model import (
    Card,
    ConsentRecord,
    Decision,
    DecisionRule,
    InterestItem,
    InterestKind,
    Participant,
    Session,
    Signature,
)
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import MainWindow, StepNavigator

Factory = Callable[..., SessionDocument]


def _texts(navigator: StepNavigator) -> list[str]:
    return [navigator.item(row).text() for row in range(navigator.count())]


def test_navigator_after_each_kind_of_edit_matches_a_fresh_one(
        qtbot: QtBot, make_document: Factory) -> None:
    document = make_document()
    window = MainWindow(document)
    qtbot.addWidget(window)
    session = document.session
    present = [p.id for p in session.participants if p.present]

    def agree_everything(s: Session) -> None:
        subjects = [i.id for i in s.principles + s.rules] + ["ambition"]
        s.consents[:] = [ConsentRecord(subject_id=subject, participant_id=pid,
                                       decision=Decision.CONSENT)
                         for subject in subjects for pid in present]

    def sign_all(s: Session) -> None:
        s.signatures[:] = [Signature(id=f"sig-{pid}", participant_id=pid,
                                     signed_at=dt.datetime(2026, 12, 7, 10, 0),
                                     fingerprint=document.fingerprint())
                           for pid in present]

    def interests_for_all(s: Session) -> None:
        for pid in present:
            for kind in InterestKind:
                s.interests.items.append(InterestItem(id=f"i-{pid}-{kind.value}",
                                                      participant_id=pid, kind=kind,
                                                      text="Belang"))

    def newcomer(s: Session) -> None:  # present: has no interests, has not signed
        s.participants.append(Participant(id="p-new", name="Nieuwe deelnemer"))

    edits: list[tuple[str, tuple[str, ...], Callable[[Session], object]]] = [
        ("card", ("ambition.cards",), lambda s: s.ambition.cards.append(
            Card(id="k-new", text="Nog een kaart"))),
        ("consent", ("consents",), agree_everything),
        ("interests", ("interests.items",), interests_for_all),
        ("organising", ("organising",),
         lambda s: setattr(s.organising, "decision_rule", DecisionRule.CONSENSUS)),
        ("venue", ("details",), lambda s: setattr(s.details, "venue", "Stadhuis")),
        ("sign", ("signatures",), sign_all),
        ("retitle", ("roadmap.actions",), lambda s: setattr(
            s.roadmap.actions[0], "title", s.roadmap.actions[0].title + " (herzien)")),
        ("minutes", ("agenda",), lambda s: setattr(s.agenda[0], "minutes", 99)),
        ("newcomer", ("participants",), newcomer),
        ("principle", ("principles",), lambda s: setattr(
            s.principles[0], "text", s.principles[0].text + "!")),
    ]
    seen = set()
    for label, areas, mutate in edits:
        assert document.edit(label, areas, mutate), label
        fresh = StepNavigator()
        fresh.show_session(session)
        assert _texts(window.navigator) == _texts(fresh), label
        seen.add(tuple(_texts(fresh)))
    for _ in edits:  # and back, through undo
        document.undo_stack.undo()
        fresh = StepNavigator()
        fresh.show_session(session)
        assert _texts(window.navigator) == _texts(fresh)
    assert len(seen) >= 5  # the edits really changed what the navigator shows
