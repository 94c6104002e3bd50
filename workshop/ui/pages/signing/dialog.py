"""Each present participant signs in turn, on the laptop or a touch screen.

The dialog shows whose turn it is (name and organisation under the pad) and stores the
signature as vector strokes with the time and the fingerprint of the agreement at that
moment, one undoable edit per signature. Participants whose signature is still valid
are skipped; a void signature is replaced by the new one.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import signing
from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import Participant, Session, new_id
from workshop.i18n import tr
from workshop.ui.commands import make_action
from workshop.ui.document import SessionDocument
from workshop.ui.editing import try_edit
from workshop.ui.pages.signing.pad import SignaturePad


def still_to_sign(session: Session, current: str | None = None) -> list[Participant]:
    """Present participants without a signature valid for the current text, in order.
    ``current``: the session's fingerprint when the caller has it (the document's)."""
    current = current if current is not None else fingerprint(session)
    signed = {s.participant_id for s in session.signatures if s.fingerprint == current}
    return [p for p in session.participants if p.present and p.id not in signed]


def record_signature(document: SessionDocument, participant: Participant,
                     pad: SignaturePad, when: dt.datetime | None = None) -> str:
    """Store ``pad``'s strokes as ``participant``'s signature of the current text; why it
    was refused, or ""."""
    strokes = pad.strokes()
    signed_at = (when or dt.datetime.now()).replace(microsecond=0)
    refused: list[str] = []
    try_edit(document, tr("Signature of {name}", name=participant.name), signing.sign,
             participant.id, strokes, signed_at, new_id("sig"), report=refused.append)
    return refused[0] if refused else ""


class SigningDialog(QDialog):
    """Signing in turn: pad, name and organisation, clear, undo, skip, sign."""

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(tr("Signing"))
        self.setObjectName("signingDialog")
        self.resize(900, 520)
        self._queue = still_to_sign(document.session, document.fingerprint())
        self._index = 0
        self._warned = False
        """Esc was pressed once with a signature drawn and not given (``reject``)."""
        self.progress = QLabel()
        self._instruction_text = tr("Please sign above the line with the mouse, a pen or "
                                    "your finger.")
        self.instruction = QLabel(self._instruction_text)
        self.instruction.setWordWrap(True)
        self.pad = SignaturePad()
        self.pad.sig_changed.connect(self._update_buttons)
        self.name = QLabel()
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.organisation = QLabel()
        self.organisation.setTextFormat(Qt.TextFormat.PlainText)
        self.organisation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button = QPushButton(tr("Undo stroke"))
        self.undo_button.clicked.connect(self.pad.undo_stroke)
        self.skip_button = QPushButton(tr("Skip"))
        self.skip_button.setToolTip(tr("This participant signs later"))
        self.skip_button.clicked.connect(self.skip)
        self.sign_button = QPushButton(tr("Sign (Ctrl+Enter)"))
        self.sign_button.setDefault(True)
        self.sign_button.clicked.connect(self.sign)
        make_action("signing.sign", self, self.sign)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.pad.undo_stroke)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.sign_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.instruction)
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.name)
        layout.addWidget(self.organisation)
        layout.addLayout(buttons)
        self._show_current()

    def current(self) -> Participant | None:
        return self._queue[self._index] if self._index < len(self._queue) else None

    def _show_current(self) -> None:
        participant = self.current()
        if participant is None:
            self.accept()
            return
        self.progress.setText(tr("Signature {number} of {total}", number=self._index + 1,
                                 total=len(self._queue)))
        self.name.setText(participant.name)
        self.instruction.setText(self._instruction_text)  # not the last one's note
        self.organisation.setText(" — ".join(x for x in (participant.organisation,
                                                         participant.role) if x))
        self.pad.clear()
        self.pad.setFocus()
        self._update_buttons()

    def reject(self) -> None:
        """Esc (or closing) with a signature drawn and not given: the first time it only
        says what a second Esc would do, so a signature is never lost by a stray key."""
        participant = self.current()
        if participant is not None and not self.pad.is_empty() and not self._warned:
            self._warned = True
            self.instruction.setText(tr(
                "{name}'s signature is drawn but not given: Ctrl+Enter gives it; Esc again "
                "stops without it.", name=participant.name))
            return
        super().reject()

    def _update_buttons(self) -> None:
        self._warned = False  # the ink changed: a later Esc asks again
        has_ink = not self.pad.is_empty()
        self.sign_button.setEnabled(has_ink)
        self.clear_button.setEnabled(has_ink)
        self.undo_button.setEnabled(has_ink)

    def sign(self) -> None:
        participant = self.current()
        if participant is None or self.pad.is_empty():
            return
        refused = record_signature(self.document, participant, self.pad)
        if refused:
            self.instruction.setText(refused)
            return
        self._index += 1
        self._show_current()

    def skip(self) -> None:
        self._index += 1
        self._show_current()
