"""The diagnostics panel: typed scores reach the file, the charts follow every change."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from PySide6.QtCore import Qt
from samples import demo_session

from workshop.domain import diagnostics as dg
from workshop.domain.model import CollaborationForm, Condition, Session
from workshop.ui.diagnostics import DiagnosticsPanel
from workshop.ui.document import SessionDocument

Saved = Callable[[SessionDocument], Session]


@pytest.fixture
def panel(document: SessionDocument, qtbot: object) -> DiagnosticsPanel:
    widget = DiagnosticsPanel(document)
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(1366, 700)
    widget.show()
    return widget


def _scores(session: Session, moment_id: str, pid: str) -> dict[Condition, int]:
    return {s.condition: s.score for s in session.diagnostics.scores
            if s.moment_id == moment_id and s.participant_id == pid}


def test_typed_scores_end_up_in_the_saved_file(panel: DiagnosticsPanel, qtbot: object,
                                               saved: Saved) -> None:
    grid = panel.scan_grid
    henk = grid.participant_ids.index("p-henk")
    grid.setCurrentCell(henk, 0)
    grid.setFocus()
    for key in "25341":
        qtbot.keyClick(grid, key)  # type: ignore[attr-defined]
    # Typing moves on after every digit: five digits fill the row.
    session = saved(panel.document)
    assert _scores(session, "mt-start", "p-henk") == dict(zip(Condition, (2, 5, 3, 4, 1),
                                                              strict=True))
    assert grid.item(henk, 1).text() == "5"


def test_delete_clears_and_enter_writes_a_note(panel: DiagnosticsPanel, qtbot: object,
                                               saved: Saved) -> None:
    grid = panel.scan_grid
    anna = grid.participant_ids.index("p-anna")
    grid.setCurrentCell(anna, 1)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Delete)  # type: ignore[attr-defined]
    grid.setCurrentCell(anna, 0)
    qtbot.keyClick(grid, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert panel.note_edit.hasFocus() or panel.note_edit.isEnabled()
    panel.note_edit.setText("Ambitie <b>staat</b> & is helder")
    panel.note_edit.editingFinished.emit()
    session = saved(panel.document)
    mine = {s.condition: s for s in session.diagnostics.scores
            if s.moment_id == "mt-start" and s.participant_id == "p-anna"}
    assert Condition.JUSTICE_TO_INTERESTS not in mine
    assert mine[Condition.SHARED_AMBITION].note == "Ambitie <b>staat</b> & is helder"
    assert grid.item(anna, 0).text().endswith("✎")


def test_arrows_move_without_scoring(panel: DiagnosticsPanel, qtbot: object) -> None:
    grid = panel.scan_grid
    grid.setCurrentCell(0, 0)
    grid.setFocus()
    before = list(panel.document.session.diagnostics.scores)
    qtbot.keyClick(grid, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    qtbot.keyClick(grid, Qt.Key.Key_Right)  # type: ignore[attr-defined]
    assert (grid.currentRow(), grid.currentColumn()) == (1, 1)
    assert panel.document.session.diagnostics.scores == before


def test_the_chart_follows_one_changed_score(panel: DiagnosticsPanel, qtbot: object) -> None:
    chart = panel.scan_chart
    x_before, y_before = (np.array(a) for a in chart.points.getData())
    means_before = np.array(chart.means.getData()[1])
    grid = panel.scan_grid
    gerda = grid.participant_ids.index("p-gerda")
    col = list(Condition).index(Condition.PROFESSIONAL_ORGANISING)
    grid.setCurrentCell(gerda, col)
    qtbot.keyClick(grid, "5")  # type: ignore[attr-defined]  # was 1
    _x_after, y_after = (np.array(a) for a in chart.points.getData())
    assert sorted(y_after) != sorted(y_before)
    assert sum(y_after) == sum(y_before) + 4
    means_after = np.array(chart.means.getData()[1])
    stats = {s.condition: s for s in dg.condition_stats(panel.document.session, "mt-start")}
    assert stats[Condition.PROFESSIONAL_ORGANISING].mean in list(means_after)
    assert list(means_after) != list(means_before)
    assert len(x_before) == len(y_after)


def test_undo_brings_the_chart_back(panel: DiagnosticsPanel, qtbot: object) -> None:
    y_before = sorted(panel.scan_chart.points.getData()[1])
    panel.scan_grid.setCurrentCell(0, 0)
    qtbot.keyClick(panel.scan_grid, "1")  # type: ignore[attr-defined]
    assert sorted(panel.scan_chart.points.getData()[1]) != y_before
    panel.document.undo_stack.undo()
    assert sorted(panel.scan_chart.points.getData()[1]) == y_before


def test_chart_sorts_conditions_by_spread(panel: DiagnosticsPanel) -> None:
    stats = dg.condition_stats(panel.document.session, "mt-start")
    widest = max(stats, key=lambda s: s.spread or 0)
    assert panel.scan_chart.order[0] == widest.condition.value


def test_spectra_marks_and_new_axis(panel: DiagnosticsPanel, qtbot: object,
                                    saved: Saved) -> None:
    panel.tabs.setCurrentIndex(1)
    grid = panel.spectra_grid
    henk = grid.participant_ids.index("p-henk")
    before = len(panel.spectra_chart.points.getData()[0])
    grid.item(henk, 2).setData(Qt.ItemDataRole.EditRole, 85)
    assert len(panel.spectra_chart.points.getData()[0]) == before + 1
    panel.axis_title.setText("Tempo")
    panel.axis_left.setText("Rustig aan")
    panel.axis_right.setText("Snel")
    panel._on_add_axis()
    session = saved(panel.document)
    assert session.diagnostics.axes[-1].title == "Tempo"
    assert dg.marks_by_cell(session, "mt-start")[("p-henk", "axis-participants")] == 85
    assert grid.columnCount() == len(session.diagnostics.axes)
    grid.setCurrentCell(henk, 2)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Delete)  # type: ignore[attr-defined]
    assert ("p-henk", "axis-participants") not in dg.marks_by_cell(
        panel.document.session, "mt-start")


def test_forms_space_toggles_and_the_bars_follow(panel: DiagnosticsPanel, qtbot: object,
                                                 saved: Saved) -> None:
    panel.tabs.setCurrentIndex(2)
    grid = panel.forms_grid
    henk = grid.participant_ids.index("p-henk")
    knowledge = list(CollaborationForm).index(CollaborationForm.KNOWLEDGE_NETWORK)
    assert panel.forms_chart.counts[knowledge] == 0
    grid.setCurrentCell(henk, knowledge)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    assert panel.forms_chart.counts[knowledge] == 1
    session = saved(panel.document)
    assert dg.forms_by_participant(session, "mt-start")["p-henk"] == [
        CollaborationForm.KNOWLEDGE_NETWORK]
    qtbot.keyClick(grid, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    assert "p-henk" not in dg.forms_by_participant(panel.document.session, "mt-start")


def test_new_moment_compares_with_the_previous(panel: DiagnosticsPanel, qtbot: object,
                                               saved: Saved) -> None:
    new_id = panel.new_moment("Evaluatie na zes maanden")
    assert panel.moment_id == new_id and panel.compare_id == "mt-start"
    assert panel.scan_grid.item(0, 0).text() == ""
    earlier = panel.scan_chart.earlier_points.getData()[1]
    assert len(earlier) == 40  # the eight people's five scores at the start
    panel.scan_grid.setCurrentCell(0, 0)
    qtbot.keyClick(panel.scan_grid, "2")  # type: ignore[attr-defined]
    session = saved(panel.document)
    assert [m.label for m in session.diagnostics.moments][-1] == "Evaluatie na zes maanden"
    assert _scores(session, new_id, "p-anna") == {Condition.SHARED_AMBITION: 2}
    assert _scores(session, "mt-start", "p-anna")[Condition.SHARED_AMBITION] == 4


def test_first_score_starts_a_moment(make_document: Callable[..., SessionDocument],
                                     qtbot: object, saved: Saved) -> None:
    session = demo_session()
    session.diagnostics.moments.clear()
    session.diagnostics.scores.clear()
    session.diagnostics.marks.clear()
    session.diagnostics.forms.clear()
    document = make_document(session, name="empty")
    widget = DiagnosticsPanel(document)
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.scan_grid.setCurrentCell(0, 0)
    qtbot.keyClick(widget.scan_grid, "3")  # type: ignore[attr-defined]
    back = saved(document)
    assert len(back.diagnostics.moments) == 1
    assert back.diagnostics.scores[0].score == 3
    # The app names it "start meeting" as a key, so every view says it in its language.
    first = back.diagnostics.moments[0]
    assert (first.key, first.label) == ("start_meeting", "")
    assert widget.moment_box.currentText().startswith("Start meeting (")
    from workshop.ui.canvas.options import CanvasOptions
    from workshop.ui.canvas.scene import CanvasScene

    for lang, words in (("nl", "Startbijeenkomst"), ("en", "Start meeting")):
        scene = CanvasScene(back, "conditions", CanvasOptions(lang=lang), size=(1920, 1080))
        assert any(words in text for text in scene.texts()), (lang, scene.texts())
        scene.clear()
        scene.deleteLater()


def test_ctrl_d_opens_the_diagnostics_of_the_open_session(document: SessionDocument,
                                                          qtbot: object) -> None:
    from workshop.ui.main_window import MainWindow

    window = MainWindow(document)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    assert window.diagnostics_action.shortcut().toString() == "Ctrl+D"
    window.diagnostics_action.trigger()
    dialog = window._diagnostics_window  # type: ignore[attr-defined]
    assert dialog.isVisible()
    assert dialog.panel.document is document
    assert dialog.panel.scan_grid.rowCount() == len(document.session.participants)
