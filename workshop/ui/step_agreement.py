"""The line under every step page that tells "filled" from "agreed".

Steps with consent rounds (ambition, principles, rules) are agreed through those rounds;
the line says how far they are. Steps without (preparation, interests, organising,
roadmap) are agreed by the table in words, and the facilitator records it here with
"The table agrees this step" (Ctrl+Shift+Return, or Go → The table agrees this step).
That record counts for the step's content as it is: a later change makes the step
"filled" again and the line says so.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from workshop.domain.consent import outcome_of, records_by_subject
from workshop.domain.labels import label
from workshop.domain.model import Outcome, Session, Step
from workshop.domain.progress import (
    AGREED_BY_FACILITATOR,
    STATE_LABELS,
    StepState,
    agree_step,
    agreed_by_table,
    step_agreement,
    step_state,
    withdraw_step_agreement,
)
from workshop.i18n import current_language, tr
from workshop.ui.commands import COMMANDS
from workshop.ui.document import SessionDocument
from workshop.ui.editing import try_edit
from workshop.ui.pages.roadmap.dates import format_date

AGREE_KEYS = COMMANDS["go.agree"].keys[0]


def _moment(at: dt.datetime) -> str:
    """As the Signing page says when someone signed."""
    return f"{format_date(at.date())} {at:%H:%M}"


def describe(session: Session, step: Step) -> str:
    """One line: where the step stands, in the words the facilitator needs. (The state
    is asked for only where the line uses it: the signing step's would fingerprint the
    whole agreement.)"""
    if step in AGREED_BY_FACILITATOR:
        state = step_state(session, step)
        agreement = step_agreement(session, step)
        if state is StepState.AGREED and agreement is not None:
            return tr("Agreed by the table on {when}.", when=_moment(agreement.at))
        if agreement is not None and not agreed_by_table(session, step):
            return tr("Changed after the table agreed it ({when}): agree it again when the "
                      "table does.", when=_moment(agreement.at))
        if state is StepState.NOT_STARTED:
            return tr("Not started.")
        if state is StepState.IN_PROGRESS:
            return tr("In progress: not everything is filled in yet. The table agrees the "
                      "step when it is ready.")
        return tr("Filled in, not yet agreed by the table.")
    if step is Step.AMBITION:
        state = step_state(session, step)
        if state is StepState.AGREED:
            return tr("Agreed: the consent round on the ambition passed.")
        if state is StepState.FILLED:
            return tr("Filled in: hold the consent round on the ambition.")
        return tr(STATE_LABELS[state]).capitalize() + "."
    if step in (Step.PRINCIPLES, Step.RULES):
        items = session.principles if step is Step.PRINCIPLES else session.rules
        if not items:
            return tr("Not started.")
        grouped = records_by_subject(session, agreement="-")
        present = {p.id for p in session.participants if p.present}
        agreed = sum(1 for i in items
                     if outcome_of(grouped.get(i.id, []), present) is Outcome.AGREED)
        return tr("Agreed through their consent rounds: {agreed} of {total}.",
                  agreed=agreed, total=len(items))
    return ""


class StepAgreementBar(QWidget):
    """State of the current step, and the facilitator's "the table agrees this step"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepAgreementBar")
        self.document: SessionDocument | None = None
        self.step = Step.PREPARATION
        self.state_label = QLabel()
        self.state_label.setObjectName("stepState")
        self.state_label.setWordWrap(True)
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.agree_button = QPushButton()
        self.agree_button.setObjectName("agreeStep")
        self.agree_button.clicked.connect(self.toggle)
        # The bar keeps its height from step to step (the button is hidden on the steps
        # the table agrees through consent rounds; the state may take two lines): a bar
        # that changed height resized the step's page at every switch, which laid the
        # whole page out and painted it twice.
        policy = self.agree_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.agree_button.setSizePolicy(policy)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.state_label, 1)
        layout.addWidget(self.agree_button)
        self.state_label.setMinimumHeight(2 * self.state_label.fontMetrics().lineSpacing())

    def show_step(self, document: SessionDocument | None, step: Step) -> None:
        self.document = document
        self.step = step
        self.refresh()

    def refresh(self) -> None:
        document = self.document
        if document is None:
            return
        session = document.session
        step = self.step
        self.state_label.setText(describe(session, step))
        own = step in AGREED_BY_FACILITATOR
        self.agree_button.setVisible(own)
        if not own:
            return
        state = step_state(session, step)
        agreed = state is StepState.AGREED
        self.agree_button.setText(tr("Withdraw the table's agreement") if agreed
                                  else tr("The table agrees this step"))
        self.agree_button.setToolTip(tr("Records that the table agrees this step as it is "
                                        "now ({keys}).", keys=AGREE_KEYS))
        self.agree_button.setEnabled(not document.read_only and (
            agreed or state is not StepState.NOT_STARTED))
        self.agree_button.setProperty("agreed", agreed)

    def toggle(self) -> None:
        """Agree the step as it is now, or withdraw that agreement."""
        document = self.document
        step = self.step
        if document is None or step not in AGREED_BY_FACILITATOR:
            return
        session = document.session
        if step_state(session, step) is StepState.AGREED:
            try_edit(document, tr("Withdraw the agreement of “{step}”",
                                  step=label(step, current_language())),
                     withdraw_step_agreement, step)
        elif step_state(session, step) is StepState.NOT_STARTED:
            return
        else:
            try_edit(document, tr("The table agrees “{step}”",
                                  step=label(step, current_language())), agree_step,
                     step, dt.datetime.now().replace(microsecond=0))
        self.refresh()
