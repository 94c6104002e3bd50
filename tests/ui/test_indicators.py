"""Goals that can be measured: at the start meeting an indicator with its baseline
(Go → Goals and indicators), at the evaluation its value now, and the trend in the
agreement PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from drive import edit_cell
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from samples import demo_session

from workshop.domain.evaluation import new_evaluation
from workshop.domain.fingerprint import fingerprint
from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.storage.files import load_session, save_session
from workshop.ui.evaluation.indicators import BASELINE, NOW, IndicatorsDialog
from workshop.ui.main_window import MainWindow


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_session(path)
    return window


def test_a_baseline_at_the_start_and_the_trend_at_the_evaluation(qtbot: QtBot,
                                                                 tmp_path: Path) -> None:
    start_path = tmp_path / "start.workshop"
    save_session(demo_session(), start_path)
    window = open_window(qtbot, start_path)
    before = fingerprint(load_session(start_path))
    go = next(a for a in window.menuBar().actions() if a.text() == "&Go").menu()
    next(a for a in go.actions() if a.text() == "Goals and &indicators…").trigger()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, IndicatorsDialog) and w.isVisible())
    editor = dialog.editor
    assert editor.table.isColumnHidden(NOW)  # at the start: the baseline only
    # The third goal (costs): unnecessary A&E visits of elderly living at home.
    editor.goal_box.setFocus()
    qtbot.keyClick(editor.goal_box, Qt.Key.Key_Down)
    qtbot.keyClick(editor.goal_box, Qt.Key.Key_Down)
    qtbot.mouseClick(editor.name_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.name_edit, "SEH-bezoeken 75+ thuiswonend")
    qtbot.keyClicks(editor.unit_edit, "per 1000")
    qtbot.keyClicks(editor.baseline_edit, "4x")  # a typo: said, nothing added
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.message.text() == "“4x” is not a number. Type it like 37,5."
    assert editor.table.rowCount() == 0
    editor.baseline_edit.clear()
    qtbot.keyClicks(editor.baseline_edit, "41,5")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.table.rowCount() == 1
    edit_cell(qtbot, editor.table, 0, BASELINE, "42")  # corrected
    dialog.close()
    assert window.document is not None and window.document.flush()
    start = load_session(start_path)
    [indicator] = start.ambition.goals[2].indicators
    assert (indicator.name, indicator.unit, indicator.baseline, indicator.values) == (
        "SEH-bezoeken 75+ thuiswonend", "per 1000", 42.0, [])
    assert fingerprint(start) != before  # the goals print their indicators
    window.close()

    # Six months on: the value now, and the trend.
    second = tmp_path / "evaluation.workshop"
    save_session(new_evaluation(start, start_path.name, dt.date(2026, 10, 1)), second)
    window = open_window(qtbot, second)
    dialog = IndicatorsDialog(window.document, window)  # type: ignore[arg-type]
    dialog.show()
    editor = dialog.editor
    assert not editor.table.isColumnHidden(NOW)
    assert not editor.table.item(0, BASELINE).flags() & Qt.ItemFlag.ItemIsEditable
    edit_cell(qtbot, editor.table, 0, NOW, "36,9")
    assert editor.table.item(0, 4).text() == "v1: 42 → v2: 36.9"
    dialog.close()
    assert window.document is not None and window.document.flush()
    session = load_session(second)
    pdf = export_agreement(session, AgreementOptions(language="en"))
    out = tmp_path / "v2.pdf"
    out.write_bytes(pdf)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "Goals and indicators" in text
    assert "SEH-bezoeken 75+ thuiswonend (per 1000) v1: 42.0 → v2: 36.9" in text
    window.close()


def test_a_start_meeting_prints_its_indicators(tmp_path: Path) -> None:
    """What the fingerprint covers is printed: a start meeting's indicators too."""
    from workshop.domain.model import Indicator

    session = demo_session()
    session.ambition.goals[0].indicators.append(
        Indicator(id="i-val", name="Valincidenten 75+", unit="per jaar", baseline=310))
    out = tmp_path / "start.pdf"
    out.write_bytes(export_agreement(session, AgreementOptions(language="en")))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "Appendix: goals and indicators" in text
    assert "Valincidenten 75+ (per jaar) v1: 310.0" in text
    assert "changes since version" not in text
