"""The evaluation meeting's link to the signed version, as the facilitator sees it on
the Look back page: found after moving both files, reported when missing (and the
evaluation goes on), found again through the chooser."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog
from pytestqt.qtbot import QtBot
from samples import demo_session
from signed_sessions import two_versions

from workshop.domain.fingerprint import short_fingerprint
from workshop.domain.model import ReviewStatus
from workshop.storage.files import load_session, save_session
from workshop.ui.evaluation.look_back import LookBackPage
from workshop.ui.evaluation.steps import LOOK_BACK
from workshop.ui.main_window import MainWindow


def open_look_back(qtbot: QtBot, path: Path) -> tuple[MainWindow, LookBackPage]:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_session(path)
    steps = window.evaluation_steps
    assert steps.isVisible() and steps.count() == 3
    assert steps.item(0).text() == "E1. Look back\n0 of 10 actions reviewed"
    qtbot.mouseClick(steps.viewport(), Qt.MouseButton.LeftButton,
                     pos=steps.visualItemRect(steps.item(0)).center())
    page = steps.pages[LOOK_BACK]
    assert isinstance(page, LookBackPage)
    assert window.page_stack.currentWidget() is page
    assert window.step_title.text() == "Evaluation 1: Look back"
    return window, page


def test_the_link_survives_moving_both_files(qtbot: QtBot, tmp_path: Path) -> None:
    start, evaluation = two_versions(tmp_path / "laptop")
    moved = tmp_path / "archive" / "2026"
    moved.mkdir(parents=True)
    for path in (start, evaluation):
        shutil.move(path, moved / path.name)
    window, page = open_look_back(qtbot, moved / evaluation.name)
    text = page.link_label.text()
    assert "Version 1 of 12-3-2026" in text or "Version 1 of" in text
    assert str(moved / start.name) in text and "unchanged" in text
    assert page.link_label.property("state") == "ok"
    # The history: every version with its date, fingerprint and file.
    lines = page.history_label.text().splitlines()
    start_fp = short_fingerprint(load_session(moved / start.name).signatures[0].fingerprint)
    assert lines[0] == (f"version 1  2026-03-12  {start_fp}  {moved / start.name}: "
                        "found, unchanged")
    assert lines[1].startswith("version 2  2026-10-01  ")
    assert lines[1].endswith(f"{moved / evaluation.name}: this session")
    window.close()


def test_a_missing_previous_file_is_reported_and_the_evaluation_goes_on(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    start, evaluation = two_versions(tmp_path / "a")
    kept = tmp_path / "elsewhere" / "maart-getekend.workshop"
    kept.parent.mkdir()
    shutil.move(start, kept)
    window, page = open_look_back(qtbot, evaluation)
    assert page.link_label.property("state") == "missing"
    assert "is not found beside this session" in page.link_label.text()
    assert "The evaluation can go on" in page.link_label.text()
    # It goes on: a status set on the page is saved.
    combo = page.reviews.cellWidget(0, 3)
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # done
    assert window.document is not None and window.document.flush()
    on_disk = load_session(evaluation)
    assert on_disk.evaluation is not None
    [review] = on_disk.evaluation.reviews
    assert (review.action_id, review.status) == (on_disk.roadmap.actions[0].id,
                                                 ReviewStatus.DONE)
    # The chooser finds it under its new name and checks its fingerprint.
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(kept), "")))
    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    assert page.link_label.property("state") == "ok"
    assert str(kept) in page.link_label.text()
    window.close()


def test_a_changed_previous_file_is_said_on_the_page(qtbot: QtBot, tmp_path: Path) -> None:
    start, evaluation = two_versions(tmp_path)
    earlier = load_session(start)
    earlier.rules[0].text = "Achteraf veranderd."
    save_session(earlier, start)
    window, page = open_look_back(qtbot, evaluation)
    assert page.link_label.property("state") == "changed"
    assert "HAS CHANGED" in page.link_label.text()
    window.close()


def test_switching_the_language_keeps_the_evaluation_steps(qtbot: QtBot, tmp_path: Path
                                                           ) -> None:
    _start, evaluation = two_versions(tmp_path)
    window, _page = open_look_back(qtbot, evaluation)
    window.switch_language("nl")
    try:
        steps = window.evaluation_steps
        assert steps.isVisible()
        assert steps.item(0).text() == "E1. Terugblikken\n0 van 10 acties besproken"
        steps.show_page(LOOK_BACK)
        page = steps.pages[LOOK_BACK]
        assert isinstance(page, LookBackPage)
        combo = page.reviews.cellWidget(1, 3)
        assert isinstance(combo, QComboBox)
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert steps.item(0).text() == "E1. Terugblikken\n1 van 10 acties besproken"
        # One undo step, like every edit.
        assert window.document is not None
        window.document.undo_stack.undo()
        assert window.document.session.evaluation is not None
        assert window.document.session.evaluation.reviews == []
        assert steps.item(0).text() == "E1. Terugblikken\n0 van 10 acties besproken"
        combo = page.reviews.cellWidget(1, 3)
        assert isinstance(combo, QComboBox) and combo.currentIndex() == 0
        # A step of the meeting leaves the evaluation page; the agreement bar returns.
        window.go_to(window.current_step())
        window.navigator.setCurrentRow(2)
        assert window.page_stack.currentWidget() is window.pages[window.current_step()]
        assert steps.currentRow() == -1 and window.step_bar.isVisibleTo(window)
    finally:
        window.switch_language("en")
    window.close()


def test_an_unsigned_session_asks_first(qtbot: QtBot, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    start = tmp_path / "unsigned.workshop"
    save_session(demo_session(), start)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_session(start)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.No))
    chosen: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda parent, title, proposed, *a: chosen.append(proposed) or (proposed, "")))
    window.evaluation_action.trigger()
    assert asked and asked[0].startswith("Nobody has signed this text.")
    assert not chosen and window.document is not None and window.document.path == start
    # Yes: made anyway, beside it, under the proposed name.
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a: QMessageBox.StandardButton.Yes))
    window.evaluation_action.trigger()
    assert chosen == [str(tmp_path / "unsigned version 2.workshop")]
    assert window.document.path == tmp_path / "unsigned version 2.workshop"
    made = load_session(window.document.path)
    assert made.evaluation is not None and made.evaluation.chain[0].signed == 0
    window.close()
