"""Pages nobody sees are brought up to date when they are shown, not on every edit."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from workshop.domain.model import Card, ConsentRecord, Decision, Session, Step
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import MainWindow
from workshop.ui.pages.ambition.page import AmbitionPage

Factory = Callable[..., SessionDocument]


def test_a_hidden_page_catches_up_when_shown(qtbot: QtBot, make_document: Factory) -> None:
    document = make_document()
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.go_to(Step.AMBITION)
    ambition = window.pages[Step.AMBITION]
    assert isinstance(ambition, AmbitionPage)
    window.go_to(Step.PRINCIPLES)
    principles = window.pages[Step.PRINCIPLES]
    refreshed: list[str] = []
    for name, page in (("ambition", ambition), ("principles", principles)):
        real = page.refresh
        page.refresh = (lambda areas, real=real, name=name:  # type: ignore[method-assign]
                        (refreshed.append(name), real(areas)))

    def add_card(s: Session) -> None:
        s.ambition.cards.append(Card(id="k-later", text="Kaart voor straks"))

    def decide(s: Session) -> None:
        pid = s.participants[0].id
        subject = s.principles[0].id
        s.consents[:] = [r for r in s.consents
                         if not (r.subject_id == subject and r.participant_id == pid)]
        s.consents.append(ConsentRecord(subject_id=subject, participant_id=pid,
                                        decision=Decision.CONCERN))

    assert document.edit("Add card", ("ambition.cards",), add_card)
    assert document.edit("Consent", ("consents",), decide)
    assert refreshed == ["principles"]  # the shown page only; ambition waits
    window.go_to(Step.AMBITION)
    assert refreshed == ["principles", "ambition"]  # once, for both edits
    assert ambition.board.face("k-later") is not None  # what the facilitator sees
    window.go_to(Step.PRINCIPLES)
    assert refreshed == ["principles", "ambition"]  # nothing was missed meanwhile
