"""Signing: the pad records what is drawn; signatures are bound to the text."""

from __future__ import annotations

from collections.abc import Callable

from drive import activate
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from samples import demo_session

from workshop.domain.fingerprint import signature_is_valid
from workshop.domain.model import Session
from workshop.ui.document import SessionDocument
from workshop.ui.pages.signing.dialog import SigningDialog, record_signature, still_to_sign
from workshop.ui.pages.signing.pad import SignaturePad


def _mouse(pad: SignaturePad, kind: QEvent.Type, x: float, y: float) -> None:
    buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease \
        else Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, QPointF(x, y), pad.mapToGlobal(QPointF(x, y)),
                        Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(pad, event)


def draw(pad: SignaturePad, points: list[tuple[float, float]]) -> None:
    _mouse(pad, QEvent.Type.MouseButtonPress, *points[0])
    for x, y in points[1:]:
        _mouse(pad, QEvent.Type.MouseMove, x, y)
    _mouse(pad, QEvent.Type.MouseButtonRelease, *points[-1])


def _tablet(pad: SignaturePad, kind: QEvent.Type, x: float, y: float, pressure: float) -> None:
    device = QPointingDevice.primaryPointingDevice()
    event = QTabletEvent(kind, device, QPointF(x, y), pad.mapToGlobal(QPointF(x, y)),
                         pressure, 0.0, 0.0, 0.0, 0.0, 0.0, Qt.KeyboardModifier.NoModifier,
                         Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton)
    QApplication.sendEvent(pad, event)


def make_pad(qtbot: QtBot) -> SignaturePad:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(1000, 400)  # one pixel per pad unit
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def test_mouse_strokes_are_recorded_in_pad_units(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    draw(pad, [(100, 200), (150, 220), (200, 180), (260, 210)])
    draw(pad, [(400, 100), (420, 300)])
    strokes = pad.strokes()
    assert len(strokes) == 2
    assert strokes[0].points[0] == (100.0, 200.0, 1.0)
    assert strokes[0].points[-1] == (260.0, 210.0, 1.0)
    pad.undo_stroke()
    assert len(pad.strokes()) == 1
    pad.clear()
    assert pad.is_empty()


def test_pen_pressure_is_kept(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    _tablet(pad, QEvent.Type.TabletPress, 50, 50, 0.2)
    _tablet(pad, QEvent.Type.TabletMove, 80, 60, 0.7)
    _tablet(pad, QEvent.Type.TabletRelease, 80, 60, 0.0)
    (stroke,) = pad.strokes()
    assert [p[2] for p in stroke.points] == [0.2, 0.7]


def test_pad_keeps_its_shape_at_any_size(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    pad.resize(500, 600)  # the area is 500 x 200, centred vertically (top at 200)
    draw(pad, [(250, 300), (500, 400)])
    (stroke,) = pad.strokes()
    assert stroke.points[0][:2] == (500.0, 200.0)
    assert stroke.points[1][:2] == (1000.0, 400.0)


def _open_pad(qtbot: QtBot, make_document: Callable[..., SessionDocument]
              ) -> tuple[SessionDocument, SigningDialog]:
    """The signing dialog on the demo with no signature given yet, shown."""
    session = demo_session()
    session.signatures.clear()
    document = make_document(session)
    dialog = SigningDialog(document)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return document, dialog


def test_each_present_participant_signs_in_turn(
        qtbot: QtBot, make_document: Callable[..., SessionDocument],
        saved: Callable[[SessionDocument], Session]) -> None:
    document, dialog = _open_pad(qtbot, make_document)
    present = [p for p in document.session.participants if p.present]
    assert dialog.name.text() == present[0].name
    assert not dialog.sign_button.isEnabled()  # nothing drawn yet
    dialog.pad.resize(1000, 400)
    draw(dialog.pad, [(100, 300), (300, 250), (500, 310)])
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.name.text() == present[1].name
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    draw(dialog.pad, [(100, 100), (900, 300)])
    activate(qtbot, dialog)  # the keys of the dialog act in the active window, as on a desktop
    qtbot.keyClick(dialog.pad, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    on_disk = saved(document)
    signed = {s.participant_id: s for s in on_disk.signatures}
    assert set(signed) == {present[0].id, present[2].id}
    assert all(signature_is_valid(on_disk, s.fingerprint) for s in signed.values())
    assert signed[present[0].id].strokes[0].points[0][:2] == (100.0, 300.0)
    assert [p.id for p in still_to_sign(on_disk)] == [p.id for p in present
                                                      if p.id not in signed]


def test_changing_the_text_voids_signatures_and_says_whose(
        qtbot: QtBot, make_document: Callable[..., SessionDocument],
        saved: Callable[[SessionDocument], Session]) -> None:
    document = make_document(demo_session())
    pad = make_pad(qtbot)
    draw(pad, [(10, 10), (200, 200)])
    for participant in document.session.participants[:3]:
        record_signature(document, participant, pad)
    voided: list[tuple[list[str], str]] = []
    document.sig_signatures_voided.connect(lambda names, label: voided.append((names, label)))

    def amend(s: Session) -> None:
        s.principles[0].text += " (amended)"

    document.edit("Edit principle", ("principles",), amend)
    assert voided and voided[0][1] == "Edit principle"
    names = {document.session.participant(s.participant_id).name  # type: ignore[union-attr]
             for s in document.session.signatures}
    assert set(voided[0][0]) == names
    on_disk = saved(document)
    assert not any(signature_is_valid(on_disk, s.fingerprint) for s in on_disk.signatures)
    document.undo_stack.undo()  # the old text back: the signatures count again
    assert all(signature_is_valid(document.session, s.fingerprint)
               for s in document.session.signatures)


def test_esc_with_a_signature_drawn_asks_for_a_second_esc(
        qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    """Esc closed the pad at once, losing a signature drawn and not yet given: the
    first Esc says what a second one does; Ctrl+Enter still gives it."""
    document, dialog = _open_pad(qtbot, make_document)
    activate(qtbot, dialog)
    first = dialog.name.text()
    dialog.pad.resize(1000, 400)
    draw(dialog.pad, [(100, 300), (300, 250), (500, 310)])
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and "Esc again" in dialog.instruction.text()
    assert first in dialog.instruction.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [g.participant_id for g in document.session.signatures] == [
        next(p.id for p in document.session.participants if p.name == first)]
    assert "Esc again" not in dialog.instruction.text()  # the next one's turn, afresh
    draw(dialog.pad, [(100, 100), (900, 300)])  # the next one draws, then Esc twice
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(document.session.signatures) == 1
