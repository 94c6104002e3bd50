"""Six months on: the evaluation meeting made from the signed start meeting, through the
real widgets, as a facilitator runs it.

File → New evaluation meeting on the signed start meeting; look back (a status and a
note per action, an indicator with its baseline and its value now); measure again (the
scan taken again in the diagnostics, the change per condition on the page and on the
projector); adjust (one principle amended; Henk Mulder's organisation leaves, Noor
Bakker's joins, through the participants table); every round again, the steps agreed,
signed again on the pad; both PDFs exported from the Signing page. The change appendix
lists exactly those changes, with the scan's numbers; the command line verifies the new
PDF and the chain.

Only the dialogs that block (the file chooser) are answered by replacing their static
functions; everything else is the real widget.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

import pytest
from drive import (
    CTRL,
    activate,
    edit_cell,
    go_to_step,
    press,
    sign_in_turn,
    type_participant,
    type_text,
)
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel
from pytestqt.qtbot import QtBot
from samples import demo_session
from signed_sessions import signed
from test_walkthrough import agree, export_from_signing

from workshop.domain.compare import changes_since_previous
from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import Condition, ReviewStatus, Session, Step
from workshop.storage import paths
from workshop.storage.files import load_session, save_session
from workshop.ui.diagnostics.entry import CONDITIONS
from workshop.ui.evaluation.look_back import LookBackPage
from workshop.ui.evaluation.measure import MeasureAgainPage
from workshop.ui.evaluation.steps import LOOK_BACK, MEASURE_AGAIN
from workshop.ui.main_window import MainWindow
from workshop.ui.pages.ambition.page import AmbitionPage
from workshop.ui.pages.items.page import AgreementItemsPage
from workshop.ui.pages.preparation.page import PreparationPage
from workshop.ui.pages.preparation.participants import NAME
from workshop.ui.pages.signing.page import SigningPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")

STATUSES = [  # action row, steps down in the list (1 done ... 4 dropped), note
    (0, 1, "Regiobeeld vastgesteld in juni"),
    (1, 2, ""),
    (2, 3, "Wacht op data van de zorgverzekeraar"),
    (3, 4, "Past niet meer na het nieuwe contract"),
]
ADDED = " Ook in de uitvoering."
INDICATOR = ("SEH-bezoeken 75+", "per 1000", "41", "37,5")
ANSWER = "Scan herhaald: organiseren vooruit, ambitie minder gedeeld."
JOINING = ("Noor Bakker", "Thuiszorg Betuwe", "Bestuurder")
# The scan taken again: one row per present participant, one digit per condition.
NEW_SCORES = ["44344", "45354", "34443", "45445", "35454", "44353", "54444", "44454"]


def signed_start(path: Path) -> Session:
    """Last spring's start meeting, signed by everyone present (the walkthrough shows
    how it got there through the widgets), saved to ``path``."""
    session = signed(demo_session())
    save_session(session, path)
    return session


def click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    steps = window.evaluation_steps
    activate(qtbot, window)
    qtbot.mouseClick(steps.viewport(), Qt.MouseButton.LeftButton,
                     pos=steps.visualItemRect(steps.item(row)).center())



def look_back(qtbot: QtBot, window: MainWindow) -> None:
    click_row(qtbot, window, 0)
    page = window.evaluation_steps.pages[LOOK_BACK]
    assert isinstance(page, LookBackPage)
    assert page.link_label.property("state") == "ok"
    for row, downs, note in STATUSES:
        combo = page.reviews.cellWidget(row, 3)
        assert isinstance(combo, QComboBox)
        combo.setFocus()
        for _ in range(downs):
            qtbot.keyClick(combo, Qt.Key.Key_Down)
        if note:
            edit_cell(qtbot, page.reviews, row, 4, note)
    assert page.counts_label.text() == "1 done, 1 on track, 1 late, 1 dropped, 6 not reviewed"
    # What the autumn evaluation moment asked, and what the table says to it.
    assert page.moments.item(0, 2).text().startswith("Scan vijf voorwaarden herhalen")
    edit_cell(qtbot, page.moments, 0, 3, ANSWER)
    # An existing indicator for the first goal, with its baseline, and its value now.
    name, unit, baseline, now = INDICATOR
    editor = page.indicators
    qtbot.mouseClick(editor.name_edit, Qt.MouseButton.LeftButton)
    type_text(qtbot, name)
    editor.unit_edit.setFocus()
    type_text(qtbot, unit)
    editor.baseline_edit.setFocus()
    type_text(qtbot, baseline)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.table.rowCount() == 1
    edit_cell(qtbot, editor.table, 0, 3, now)
    assert editor.table.item(0, 4).text() == "v1: 41 → v2: 37.5"


def measure_again(qtbot: QtBot, window: MainWindow) -> None:
    click_row(qtbot, window, 1)
    page = window.evaluation_steps.pages[MEASURE_AGAIN]
    assert isinstance(page, MeasureAgainPage)
    # The projector follows: the change per condition.
    assert window.projector_controls.controller.canvas_name == "conditions_change"
    assert "Take the scan again" in page.compare_label.text()
    qtbot.mouseClick(page.take_button, Qt.MouseButton.LeftButton)
    dialog = window._diagnostics_window
    assert dialog.isVisible() and dialog.panel is not None
    grid = dialog.panel.scan_grid
    assert grid.currentRow() == 0 and grid.currentColumn() == 0
    for digits in NEW_SCORES:
        for digit in digits:
            qtbot.keyClick(grid, getattr(Qt.Key, f"Key_{digit}"))
    dialog.close()
    activate(qtbot, window)


def amend_principle(qtbot: QtBot, window: MainWindow) -> str:
    page = go_to_step(qtbot, window, Step.PRINCIPLES)
    assert isinstance(page, AgreementItemsPage)
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_Home, CTRL)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)  # edit the text
    assert page.text_edit.hasFocus()
    press(qtbot, Qt.Key.Key_End, CTRL)
    type_text(qtbot, ADDED)
    press(qtbot, Qt.Key.Key_Return)
    assert page.table.hasFocus()
    assert window.document is not None
    return window.document.session.principles[1].text


def parties(qtbot: QtBot, window: MainWindow) -> None:
    page = go_to_step(qtbot, window, Step.PREPARATION)
    assert isinstance(page, PreparationPage)
    henk = [p.name for p in window.document.session.participants].index(  # type: ignore
        "Henk Mulder")
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(henk, NAME))
    # Henk's housing corporation was absent at the start and committed nothing; but he
    # is a party of the version this meeting revises: the dialog asks, and handing over
    # (Enter) keeps that record, so the new version says his organisation left.
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    dialog = page.remove_dialog
    assert dialog is not None
    assert "version this meeting revises" in " ".join(
        label.text() for label in dialog.findChildren(QLabel))
    qtbot.keyClick(dialog.hand_over_button, Qt.Key.Key_Return)
    assert "Henk Mulder" not in [p.name for p in window.document.session.participants]
    activate(qtbot, window)
    # Joining: Ctrl+Shift+N, the name, Tab, the organisation, Tab, the role.
    page.table.setFocus()
    type_participant(qtbot, page.table, *JOINING)

def rounds_again(qtbot: QtBot, window: MainWindow) -> None:
    """Nothing of the earlier consents carried over: every round again."""
    ambition = go_to_step(qtbot, window, Step.AMBITION)
    assert isinstance(ambition, AmbitionPage)
    tab_bar = ambition.tabs.tabBar()
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton,
                     pos=tab_bar.tabRect(ambition.tabs.indexOf(ambition.consent)).center())
    table = ambition.consent.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 0)).center())
    press(qtbot, Qt.Key.Key_R)
    for step in (Step.PRINCIPLES, Step.RULES):
        page = go_to_step(qtbot, window, step)
        assert isinstance(page, AgreementItemsPage)
        page.table.setFocus()
        for row in range(len(page.model.rows)):
            press(qtbot, Qt.Key.Key_Home, CTRL) if row == 0 else press(qtbot, Qt.Key.Key_Down)
            assert page.table.currentIndex().row() == row
            press(qtbot, Qt.Key.Key_Right)
            assert page.round.table.hasFocus()
            press(qtbot, Qt.Key.Key_R)
            assert "Agreed" in page.round.outcome_label.text()
            press(qtbot, Qt.Key.Key_Escape)
    for step in (Step.PREPARATION, Step.INTERESTS, Step.ORGANISING, Step.ROADMAP):
        agree(qtbot, window, step)


def sign_again(qtbot: QtBot, window: MainWindow) -> list[str]:
    page = go_to_step(qtbot, window, Step.SIGNING)
    assert isinstance(page, SigningPage)
    page.tabs.setCurrentIndex(1)
    page.agreement_round.table.setFocus()
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_R)  # the agreement as a whole, version 2
    assert "Agreed" in page.agreement_round.outcome_label.text()
    assert page.start_button.isEnabled()
    return sign_in_turn(qtbot, page.start_button)


def nl(value: float, signed: bool = False) -> str:
    return (f"{value:+.1f}" if signed else f"{value:.1f}").replace(".", ",")


def mean(values: list[int]) -> float:
    return statistics.fmean(values)


def test_the_evaluation_meeting_through_the_widgets(qtbot: QtBot, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    folder = paths.ensure_private_dir(paths.documents_folder())
    start_path = folder / "Waalzoom maart 2026.workshop"
    start = signed_start(start_path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_session(start_path)
    assert not window.evaluation_steps.isVisible()  # a start meeting has none

    new_path = folder / "Waalzoom oktober 2026.workshop"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(new_path), "")))
    window.evaluation_action.trigger()
    assert window.document is not None and window.document.path == new_path
    assert window.evaluation_steps.isVisible()
    assert load_session(start_path) == start  # the signed session is only read

    look_back(qtbot, window)
    measure_again(qtbot, window)
    amended = amend_principle(qtbot, window)
    parties(qtbot, window)
    rounds_again(qtbot, window)
    signed = sign_again(qtbot, window)
    present = [p.name for p in window.document.session.participants if p.present]
    assert signed == present and "Noor Bakker" in signed and "Henk Mulder" not in signed

    # The file holds it all.
    assert window.document.flush()
    on_disk = load_session(new_path)
    ev = on_disk.evaluation
    assert ev is not None and ev.version == 2
    assert [(e.version, e.file_name, e.fingerprint) for e in ev.chain] == [
        (1, start_path.name, fingerprint(start))]
    actions = on_disk.roadmap.actions
    assert [(a.evaluation_id, a.note) for a in ev.answers] == [("e-najaar", ANSWER)]
    assert [(r.action_id, r.status, r.note) for r in ev.reviews] == [
        (actions[0].id, ReviewStatus.DONE, STATUSES[0][2]),
        (actions[1].id, ReviewStatus.ON_TRACK, ""),
        (actions[2].id, ReviewStatus.LATE, STATUSES[2][2]),
        (actions[3].id, ReviewStatus.DROPPED, STATUSES[3][2])]
    [indicator] = on_disk.ambition.goals[0].indicators
    assert (indicator.name, indicator.unit, indicator.baseline) == INDICATOR[:2] + (41.0,)
    assert [(v.version, v.value) for v in indicator.values] == [(2, 37.5)]
    current = fingerprint(on_disk)
    assert len(on_disk.signatures) == len(present)
    assert all(g.fingerprint == current for g in on_disk.signatures)

    # The scan again, compared with the start meeting's: computed here from the scores.
    start_moment = ev.start_moment_id
    [new_moment] = [m.id for m in on_disk.diagnostics.moments if m.id != start_moment]
    people = [p.id for p in on_disk.participants]
    typed = {(people[r], CONDITIONS[c]): int(d) for r, digits in enumerate(NEW_SCORES)
             for c, d in enumerate(digits)}
    assert {(s.participant_id, s.condition): s.score for s in on_disk.diagnostics.scores
            if s.moment_id == new_moment} == typed
    expected: dict[Condition, tuple[float, float]] = {}
    for condition in Condition:
        then = [s.score for s in on_disk.diagnostics.scores
                if s.moment_id == start_moment and s.condition is condition]
        now = [v for (_p, c), v in typed.items() if c is condition]
        expected[condition] = (mean(then), mean(now))

    # On the Measure again page and on the projector: the change per condition.
    click_row(qtbot, window, 1)
    page = window.evaluation_steps.pages[MEASURE_AGAIN]
    assert isinstance(page, MeasureAgainPage)
    controller = window.projector_controls.controller
    assert controller.canvas_name == "conditions_change"
    wall = " ".join(controller.scene.all_texts())
    for row, condition in enumerate(Condition):
        then, now = expected[condition]
        cells = [page.table.item(row, c).text() for c in range(1, 4)]
        assert cells == [f"{then:.1f}", f"{now:.1f}", f"{now - then:+.1f}"]
        # The projector speaks the session's language (Dutch): decimal commas.
        assert (f"toen {nl(then)} · nu {nl(now)} · verschil {nl(now - then, True)}"
                in wall)

    # What changed: exactly the principle, the party leaving (its housing corporation,
    # absent at the start, committed nothing), the party joining; not the statuses, not
    # the scan.
    changes = [(c.kind, c.section, c.title) for c in changes_since_previous(on_disk)]
    assert changes == [("removed", "parties", "Henk Mulder"),
                       ("added", "parties", "Noor Bakker"),
                       ("amended", "principles", "")]
    click_row(qtbot, window, 2)
    assert controller.canvas_name == "changes"
    wall = " ".join(controller.scene.all_texts())
    assert "Henk Mulder" in wall and "Noor Bakker" in wall and amended in wall

    agreement_pdf, _roadmap_pdf = export_from_signing(qtbot, window)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(agreement_pdf).pages]
    text = " ".join(pages)
    v1 = fingerprint(start)
    assert (f"Versie 2 van de afspraken. Deze herziet versie 1 van 12 maart 2026, "
            f"vingerafdruk {v1[:4]} {v1[4:8]} {v1[8:12]}") in pages[0]
    head = "Bijlage: wijzigingen sinds versie 1 (12 maart 2026)"
    assert head in text
    appendix = text[text.index(head):]
    listed = appendix[:appendix.index("Terugblik: de routekaart")]
    marks = re.findall(r"• (Toegevoegd|Verwijderd|Gewijzigd)", listed)
    assert marks == ["Verwijderd", "Toegevoegd", "Gewijzigd"]
    assert "Henk Mulder" in listed and "Noor Bakker" in listed and ADDED.strip() in listed
    for title in ("Gezamenlijk regiobeeld ouderen opstellen",):
        assert title in appendix
    assert "afgerond Regiobeeld vastgesteld in juni" in appendix
    assert ANSWER in appendix
    # Henk left and Noor joined by the agreement's own clauses, quoted.
    clauses = {c.kind.value: c.text for c in on_disk.commitments.clauses}
    assert " ".join(clauses["joining"].split())[:60] in listed
    assert " ".join(clauses["leaving"].split())[:60] in listed
    assert "v1: 41,0 → v2: 37,5" in appendix
    for condition in Condition:
        then, now = expected[condition]
        figures = f"{nl(then)} {nl(now)} {nl(now - then, True)}"
        assert figures in appendix, figures

    # The command line: the new PDF is the session's text, version 2 of the chain.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "workshop", "--lang", "en", "verify",
                           str(agreement_pdf), str(new_path)], capture_output=True,
                          text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "The PDF is version 2 of the agreement, the current one." in done.stdout
    done = subprocess.run([sys.executable, "-m", "workshop", "--lang", "en", "check",
                           str(new_path)], capture_output=True, text=True, timeout=120,
                          env=env)
    assert done.returncode == 0, done.stderr
    assert ": found, unchanged" in done.stdout
    assert "Roadmap status: 1 done, 1 on track, 1 late, 1 dropped, 6 not reviewed" \
        in done.stdout
    window.close()
