"""The signing page: the readiness list follows the session, each line leads to its
step, signatures say whether they still count, and "Start signing" waits for nothing
to block."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout
from pytestqt.qtbot import QtBot
from samples import demo_session, large_session

from workshop.domain import readiness as readiness_module
from workshop.domain.fingerprint import fingerprint, signature_is_valid
from workshop.domain.model import (
    AGREEMENT_SUBJECT,
    AMBITION_SUBJECT,
    ConsentRecord,
    Contribution,
    ContributionKind,
    Decision,
    InterestItem,
    InterestKind,
    ObjectionResolution,
    Owner,
    Session,
    Signature,
    Step,
)
from workshop.domain.progress import AGREED_BY_FACILITATOR, agree_step
from workshop.i18n import set_language
from workshop.ui.document import SessionDocument
from workshop.ui.pages.signing.page import SigningPage


def _open(qtbot: QtBot, document: SessionDocument) -> SigningPage:
    page = SigningPage(document)
    document.sig_changed.connect(page.refresh)
    page.refresh(frozenset())
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.focus_first()
    return page


def _lines(page: SigningPage) -> list[tuple[str, str, str]]:
    tree = page.findings_list
    return [tuple(tree.topLevelItem(i).text(c) for c in range(3))  # type: ignore[misc]
            for i in range(tree.topLevelItemCount())]


def _messages(page: SigningPage) -> list[str]:
    return [line[2] for line in _lines(page)]


def _signatures(page: SigningPage) -> dict[str, str]:
    tree = page.signatures_list
    return {tree.topLevelItem(i).text(0): tree.topLevelItem(i).text(1)
            for i in range(tree.topLevelItemCount())}


def _ready(s: Session) -> None:
    """Everything agreed, everyone heard, every action owned and dated."""
    for p in s.participants:
        p.present = True
    subjects = [AMBITION_SUBJECT, AGREEMENT_SUBJECT] + [i.id for i in s.principles + s.rules]
    s.consents = [ConsentRecord(subject_id=sub, participant_id=p.id, decision=Decision.CONSENT)
                  for sub in subjects for p in s.participants]
    heard = {i.participant_id for i in s.interests.items}
    s.interests.items += [InterestItem(id=f"i-{p.id}", participant_id=p.id,
                                       kind=InterestKind.COLLECTIVE, text="Samen sterker")
                          for p in s.participants if p.id not in heard]
    for action in s.roadmap.actions:
        action.owner = action.owner or Owner(kind="organisation", ref="GGZ Dijkland")
    # Present now, the housing corporation signs as a party: it brings something too.
    if not any(c.id == "c-won" for c in s.commitments.contributions):
        s.commitments.contributions.append(Contribution(
            id="c-won", organisation="Woonstichting Waalborg", kind=ContributionKind.PEOPLE,
            amount=12, description="Wooncoach"))
    for step in AGREED_BY_FACILITATOR:
        agree_step(s, step, dt.datetime(2026, 3, 12, 16, 0))


ALL = ("participants", "consents", "interests", "roadmap", "commitments", "step_agreements")


def test_the_demo_lists_what_is_missing(qtbot: QtBot, document: SessionDocument) -> None:
    page = _open(qtbot, document)
    lines = _lines(page)
    assert lines[0][0] == "Blocking"
    assert ("Blocking", "Signing", "The agreement as a whole has had no consent round yet.") \
        in lines
    assert ("To check", "Preparation", "Henk Mulder is absent and cannot sign today.") in lines
    assert ("To check", "Roadmap",
            "Nobody owns the action “Afspraken opnemen in de jaarplannen 2027”.") in lines
    assert ("To check", "Organising and deciding",
            "The table has not agreed the step “Organising and deciding” yet.") in lines
    assert page.summary.text() == "Before signing — blocking: 7 · to check: 6"
    assert not page.start_button.isEnabled()
    assert page.findings_list.hasFocus()  # focus_first: the first line
    assert page.findings_list.currentItem() is page.findings_list.topLevelItem(0)
    assert isinstance(page.signing_area, QVBoxLayout)
    assert page.signing_area.parentWidget() is page.signing_box
    assert page.start_button.parentWidget() is page.signing_box


def test_findings_appear_and_disappear(qtbot: QtBot, document: SessionDocument) -> None:
    page = _open(qtbot, document)
    document.edit("all in order", ALL, _ready)
    assert _lines(page) == []
    assert page.summary.text() == "Ready to sign: nothing is missing."
    assert page.start_button.isEnabled()

    # an objection against a rule blocks; resolving it by amending clears it
    rule = document.session.rules[2]
    ruud = document.session.participants[3]

    def object_(s: Session) -> None:
        at = next(i for i, r in enumerate(s.consents) if r.subject_id == rule.id
                  and r.participant_id == ruud.id)
        s.consents[at] = s.consents[at].model_copy(update={"decision": Decision.OBJECTION})

    document.edit("object", ("consents",), object_)
    # The printed outcome of the rule changed, so the round on the whole is asked again.
    again = ("Blocking", "Signing", "The agreement changed after its consent round as a "
             "whole: hold the round again on the text as it is now.")
    assert _lines(page) == [("Blocking", "Rules of play",
                             f"An objection stands against the rule of play “{rule.text[:59]}…” "
                             f"({ruud.name})."), again]
    assert not page.start_button.isEnabled()
    document.edit("amend", ("consents",), lambda s: s.consents.__setitem__(
        slice(None), [r.model_copy(update={"resolution": ObjectionResolution.AMENDED})
                      if r.decision is Decision.OBJECTION else r for r in s.consents]))
    assert _lines(page) == [again]
    document.edit("all in order", ALL, _ready)
    assert _lines(page) == []

    # an action loses its owner and its due date: two warnings, signing still possible
    def vague(s: Session) -> None:
        s.roadmap.actions[0].owner = None
        s.roadmap.actions[0].due = None

    document.edit("vague", ("roadmap",), vague)
    title = document.session.roadmap.actions[0].title
    assert _messages(page) == [again[2],
                               f"Nobody owns the action “{title}”.",
                               f"The action “{title}” has no due date.",
                               "The step “Roadmap” changed after the table agreed it: agree "
                               "it again."]
    assert not page.start_button.isEnabled()
    assert page.summary.text() == "Before signing — blocking: 1 · to check: 3"

    # a participant marked absent; a new participant without interests; then undo both
    document.edit("absent", ("participants", "consents"), lambda s: setattr(
        s.participants[0], "present", False))
    assert "Anna de Vries is absent and cannot sign today." in _messages(page)
    document.undo_stack.undo()
    assert "Anna de Vries is absent and cannot sign today." not in _messages(page)
    document.undo_stack.undo()
    assert _lines(page) == []
    document.undo_stack.redo()
    assert len(_lines(page)) == 4


def test_a_line_leads_to_its_step(qtbot: QtBot, document: SessionDocument) -> None:
    page = _open(qtbot, document)
    tree = page.findings_list
    row = next(i for i, line in enumerate(_lines(page)) if line[1] == "Roadmap")
    with qtbot.waitSignal(page.sig_go_to) as jump:
        tree.setCurrentItem(tree.topLevelItem(row))
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert jump.args[0].step is Step.ROADMAP
    # by keyboard from the top: Down to the next line, Enter
    tree.setCurrentItem(tree.topLevelItem(0))
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.sig_go_to) as jump:
        qtbot.keyClick(tree, Qt.Key.Key_Enter)
    assert jump.args[0].step is Step.PRINCIPLES
    # and by mouse
    rect = tree.visualItemRect(tree.topLevelItem(row))
    with qtbot.waitSignal(page.sig_go_to) as jump:
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert jump.args[0].step is Step.ROADMAP


def test_start_signing(qtbot: QtBot, document: SessionDocument) -> None:
    page = _open(qtbot, document)
    with qtbot.assertNotEmitted(page.sig_start_signing):
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)  # disabled
    document.edit("all in order", ALL, _ready)
    page.focus_first()
    assert page.start_button.hasFocus()  # nothing to fix: focus on the next step
    with qtbot.waitSignal(page.sig_start_signing):
        qtbot.keyClick(page.start_button, Qt.Key.Key_Space)
    # Everyone present signed (as the pad records it): nobody is left to sign, so the
    # button no longer opens an empty pad, and says why
    from workshop.domain.model import Stroke
    from workshop.ui.pages.signing.dialog import record_signature
    from workshop.ui.pages.signing.pad import SignaturePad

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.set_strokes([Stroke(points=[(1.0, 1.0, 1.0), (50.0, 50.0, 1.0)])])
    for person in [p for p in document.session.participants if p.present]:
        assert record_signature(document, person, pad) == ""
    assert not page.start_button.isEnabled()
    assert page.start_reason.text() == "Everyone present has signed this text."


def test_signatures_and_their_validity(qtbot: QtBot,
                                       make_document: Callable[..., SessionDocument]) -> None:
    session = demo_session()
    _ready(session)
    session.participants[-1].present = False
    current = fingerprint(session)
    when = dt.datetime(2026, 3, 12, 16, 45)
    session.signatures = [
        Signature(id="sig-anna", participant_id="p-anna", signed_at=when, fingerprint=current),
        Signature(id="sig-joost", participant_id="p-joost", signed_at=when,
                  fingerprint="0" * 64),
    ]
    document = make_document(session)
    page = _open(qtbot, document)
    shown = _signatures(page)
    assert shown["Anna de Vries (Waalzoom Ziekenhuis)"] == "signed on 2026-03-12 16:45"
    assert shown["Joost Bakker (Huisartsencoöperatie Waalzoom)"] == (
        "signed on 2026-03-12 16:45, but the text changed since: must sign again")
    assert shown["Fatima El Amrani (Zorggroep De Linde)"] == "not signed yet"
    assert shown["Henk Mulder (Woonstichting Waalborg)"] == "absent: cannot sign today"
    assert page.signatures_heading.text() == (
        "Signatures on the current text: 1 of 8 participants present")
    assert page.fingerprint_label.text().endswith(
        f"{current[:4]} {current[4:8]} {current[8:12]}")

    # a printed word changes: Anna's signature no longer counts
    document.edit("amend", ("principles",), lambda s: setattr(
        s.principles[0], "text", s.principles[0].text + " En we houden ons eraan."))
    assert not signature_is_valid(document.session, current)
    assert _signatures(page)["Anna de Vries (Waalzoom Ziekenhuis)"].endswith(
        "must sign again")
    document.undo_stack.undo()
    assert _signatures(page)["Anna de Vries (Waalzoom Ziekenhuis)"] == (
        "signed on 2026-03-12 16:45")


def test_refreshes_only_while_shown(qtbot: QtBot, document: SessionDocument,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    page = _open(qtbot, document)
    calls: list[int] = []
    real = readiness_module.readiness
    monkeypatch.setattr("workshop.ui.pages.signing.page.readiness",
                        lambda s, *more: calls.append(1) or real(s, *more))
    page.hide()
    document.edit("all in order", ALL, _ready)
    document.edit("absent", ("participants", "consents"), lambda s: setattr(
        s.participants[0], "present", False))
    assert calls == []
    page.show()
    assert calls == [1]
    assert _messages(page) == [
        "The agreement changed after its consent round as a whole: hold the round again on "
        "the text as it is now.",
        "Anna de Vries is absent and cannot sign today.",
        "The step “Preparation” changed after the table agreed it: agree it again.",
        "Waalzoom Ziekenhuis commits to contributions or plans but does not sign: its "
        "representative is absent."]


def test_what_the_agreement_does_not_print_leaves_the_page_as_it_is(
        qtbot: QtBot, document: SessionDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    """Shown, the page checks the agreement again after each change it prints (and
    after its undo); cards, dots and scores changing (a phone adding a card while the
    table signs) leave it as it is: nothing it shows is made of them."""
    from workshop.domain.edits.ambition import add_card, vote
    from workshop.domain.model import Card

    page = _open(qtbot, document)
    calls: list[int] = []
    real = readiness_module.readiness
    monkeypatch.setattr("workshop.ui.pages.signing.page.readiness",
                        lambda s, *more: calls.append(1) or real(s, *more))
    lines = _lines(page)
    person = document.session.participants[0].id
    document.edit("card", add_card.areas(), lambda s: add_card(
        s, Card(id="k-phone", text="Van een telefoon", author_id=person)))
    document.edit("budget", ("ambition.vote_budget",),
                  lambda s: setattr(s.ambition, "vote_budget", 9))
    document.edit("dot", vote.areas(), lambda s: vote(s, person, "k-phone", 1))
    document.undo_stack.undo()
    assert calls == [] and _lines(page) == lines
    document.edit("no statement", ("ambition.statement",),
                  lambda s: setattr(s.ambition, "statement", ""))
    assert calls == [1]
    assert ("Blocking", "Shared ambition", "There is no ambition statement yet.") in _lines(page)
    document.undo_stack.undo()
    assert calls == [1, 1] and _lines(page) == lines


def test_hostile_text(qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    session = demo_session()
    session.participants[1].name = ("<b>Joost</b> \u202eRTL 🙂 " + "x" * 300)[:300]
    session.interests.items = [i for i in session.interests.items
                               if i.participant_id != "p-joost"]
    kept = {i.id for i in session.interests.items}
    session.interests.links = [link for link in session.interests.links
                               if {link.a_id, link.b_id} <= kept]
    page = _open(qtbot, make_document(session))
    message = next(m for m in _messages(page) if "interests of" in m)
    assert message.startswith("No interests of <b>Joost</b> \u202eRTL 🙂 x")
    assert len(message) < 120


def test_dutch(qtbot: QtBot, document: SessionDocument) -> None:
    set_language("nl")
    page = _open(qtbot, document)
    assert ("Nakijken", "Voorbereiding", "Henk Mulder is afwezig en kan vandaag niet tekenen.") \
        in _lines(page)
    assert page.start_button.text() == "Ondertekening starten"
    assert page.summary.text() == "Vóór het ondertekenen — blokkerend: 7 · nakijken: 6"
    buttons = page.export_buttons
    assert [buttons.preview_button.text(), buttons.paper_button.text(),
            buttons.export_button.text()] == [
        "Voorbeeld afspraken…", "Op papier afdrukken…", "Afspraken en routekaart exporteren…"]


def test_pdf_buttons_sit_in_the_signing_area(qtbot: QtBot, document: SessionDocument) -> None:
    """Preview and paper work before anything is signed, even while points block."""
    page = _open(qtbot, document)
    assert not page.start_button.isEnabled()  # the demo still has blocking points
    area = page.signing_area
    widgets = [area.itemAt(i).widget() for i in range(area.count())]
    assert page.export_buttons in widgets
    for button in (page.export_buttons.preview_button, page.export_buttons.paper_button,
                   page.export_buttons.export_button):
        assert button.isVisible() and button.isEnabled()


def test_large_session_fingerprints_once_an_edit(
        qtbot: QtBot, make_document: Callable[..., SessionDocument],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The page follows every edit of the large session, and the agreement is rendered
    for its fingerprint once per edit, shared with the window (the time it takes is in
    ``tests/bench/run.py``)."""
    from workshop.domain.fingerprint import AgreementCache

    document = make_document(large_session(), name="large")
    page = _open(qtbot, document)
    renders: list[int] = []
    real = AgreementCache.fingerprint_and_version

    def counted(self: AgreementCache, session: Session) -> tuple[str, str]:
        renders.append(1)
        return real(self, session)

    monkeypatch.setattr(AgreementCache, "fingerprint_and_version", counted)
    for i in range(10):
        shown = page.fingerprint_label.text()
        document.edit("rename", ("roadmap",), lambda s, i=i: setattr(
            s.roadmap.actions[0], "title", f"Actie {i}"))
        assert page.fingerprint_label.text() != shown  # refreshed: the text changed
    assert len(renders) == 10, renders  # once an edit, shared by the page and the window


def test_the_agreements_round_says_where_esc_goes(qtbot: QtBot,
                                                   document: SessionDocument) -> None:
    """The round on the whole agreement has no list beside it (the principles' round
    does): its key hint names the tabs, where Esc takes the focus."""
    page = _open(qtbot, document)
    page.tabs.setCurrentIndex(1)
    round_ = page.agreement_round
    round_.table.setFocus()
    qtbot.waitUntil(round_.table.hasFocus)
    assert round_.keys_label.text().endswith("Esc: back to the tabs")
    assert "list" not in round_.keys_label.text()
    qtbot.keyClick(round_.table, Qt.Key.Key_Escape)
    assert page.tabs.tabBar().hasFocus()
