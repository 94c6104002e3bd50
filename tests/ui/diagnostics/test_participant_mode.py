"""Participant mode: one person's questions, others' answers hidden, left only on purpose."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QSlider

from workshop.domain import diagnostics as dg
from workshop.domain.model import CollaborationForm, Condition, Session
from workshop.ui.diagnostics.participant_mode import EXIT_KEYS, ParticipantMode
from workshop.ui.document import SessionDocument

Saved = Callable[[SessionDocument], Session]


@pytest.fixture
def mode(document: SessionDocument, qtbot: object) -> ParticipantMode:
    dialog = ParticipantMode(document, "mt-start")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.resize(1366, 768)
    dialog.show()
    return dialog


def _pick(mode: ParticipantMode, qtbot: object, pid: str) -> None:
    for row in range(mode.names.count()):
        if mode.names.item(row).data(Qt.ItemDataRole.UserRole) == pid:
            mode.names.setCurrentRow(row)
    mode.names.setFocus()
    qtbot.keyClick(mode.names, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert mode.participant_id == pid


def test_answers_given_in_participant_mode_are_saved(mode: ParticipantMode, qtbot: object,
                                                     saved: Saved) -> None:
    _pick(mode, qtbot, "p-gerda")
    for condition, value in zip(Condition, (5, 4, 3, 2, 1), strict=True):
        qtbot.mouseClick(mode.score_groups[condition].button(value),  # type: ignore[attr-defined]
                         Qt.MouseButton.LeftButton)
    note = mode.notes[Condition.SHARED_AMBITION]
    note.setText("We willen hetzelfde")
    note.editingFinished.emit()
    mode.sliders["axis-topic"].setValue(80)
    mode.form_boxes[CollaborationForm.CARE_CHAIN].setChecked(True)
    session = saved(mode.document)
    mine = {s.condition: s for s in session.diagnostics.scores
            if s.moment_id == "mt-start" and s.participant_id == "p-gerda"}
    assert [mine[c].score for c in Condition] == [5, 4, 3, 2, 1]
    assert mine[Condition.SHARED_AMBITION].note == "We willen hetzelfde"
    assert dg.marks_by_cell(session, "mt-start")[("p-gerda", "axis-topic")] == 80
    assert dg.forms_by_participant(session, "mt-start")["p-gerda"] == [
        CollaborationForm.CARE_CHAIN, CollaborationForm.NEIGHBOURHOOD_NETWORK]


def test_only_one_participants_answers_are_shown(mode: ParticipantMode, qtbot: object
                                                 ) -> None:
    session = mode.document.session
    _pick(mode, qtbot, "p-anna")
    anna = {s.condition: s.score for s in session.diagnostics.scores
            if s.participant_id == "p-anna"}
    for condition, group in mode.score_groups.items():
        assert group.checkedId() == anna[condition]
    # Nothing on screen names another participant.
    others = [p.name for p in session.participants if p.id != "p-anna"]
    shown = [w.text() for w in mode.questions.findChildren(QLabel)]
    shown += [w.text() for w in mode.questions.findChildren(QLineEdit)]
    shown += [w.text() for w in mode.questions.findChildren(QCheckBox)]
    assert not [t for t in shown for name in others if name in t]
    # Done: the answers disappear before the next person gets the laptop.
    mode.done_with_participant()
    assert mode.participant_id is None
    assert mode.stack.currentIndex() == 0
    assert not mode.questions.findChildren(QSlider)


def test_escape_and_close_do_not_leave(mode: ParticipantMode, qtbot: object) -> None:
    _pick(mode, qtbot, "p-joost")
    qtbot.keyClick(mode, Qt.Key.Key_Escape)  # type: ignore[attr-defined]
    qtbot.keyClick(mode.focusWidget() or mode, Qt.Key.Key_Escape)  # type: ignore[attr-defined]
    mode.close()
    assert mode.isVisible()
    assert mode.participant_id == "p-joost"


def test_the_facilitators_keys_leave(mode: ParticipantMode, qtbot: object) -> None:
    mode.activateWindow()
    modifiers = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert EXIT_KEYS == "Ctrl+Shift+F12"
    with qtbot.waitSignal(mode.finished, timeout=2000):  # type: ignore[attr-defined]
        qtbot.keyClick(mode.names, Qt.Key.Key_F12, modifiers)  # type: ignore[attr-defined]
    assert not mode.isVisible()


def test_opened_from_the_panel_and_the_chart_follows(document: SessionDocument,
                                                     qtbot: object) -> None:
    from workshop.ui.diagnostics.panel import DiagnosticsPanel

    panel = DiagnosticsPanel(document)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    panel.show()
    panel.participant_button.click()
    mode = panel.participant_mode
    assert isinstance(mode, ParticipantMode) and mode.isVisible()
    assert mode.isFullScreen()
    before = sorted(panel.scan_chart.points.getData()[1])
    _pick(mode, qtbot, "p-anna")
    qtbot.mouseClick(mode.score_groups[Condition.SHARED_AMBITION].button(1),  # type: ignore
                     Qt.MouseButton.LeftButton)
    after = sorted(panel.scan_chart.points.getData()[1])
    assert after != before and after.count(1) == before.count(1) + 1
    mode.leave()
    assert not mode.isVisible()
