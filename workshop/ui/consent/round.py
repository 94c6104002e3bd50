"""The consent round: each present participant's consent, concern or objection, live.

One widget serves the ambition statement, every principle and rule, and the agreement
as a whole (``set_subject``). It is built for the pace of a meeting: the facilitator
walks down the table with the arrow keys and records what each person says with one
key (1/2/3, or the Dutch initials I/B/Z), which moves on to the next person; a concern
or an objection opens the note at once, because that is where its reason goes. Each
decision is one undoable edit of ``consents``; the outcome is always derived
(``workshop.domain.consent``), never stored.

The widget keeps itself up to date from ``document.sig_changed``; ``refresh()`` may also
be called by the page that embeds it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.consent import (
    amendments_of,
    decide,
    earlier_records,
    outcome_of,
    records_for,
    rest_consent,
    standing_objections,
    subject_exists,
    subject_version,
    update_current,
)
from workshop.domain.model import (
    AGREEMENT_SUBJECT,
    MAX_TEXT,
    ConsentRecord,
    Decision,
    ObjectionResolution,
    Session,
)
from workshop.domain.operations import Operation
from workshop.i18n import current_language, tr
from workshop.ui.consent.model import OUTCOME_COLOURS, _RoundModel, _Row, decision_text, enum_label
from workshop.ui.document import SessionDocument
from workshop.ui.editing import try_edit

_WATCHED = frozenset({"consents", "participants", "principles", "rules", "ambition",
                      "amendments"})

_TEXT_AREAS = frozenset({"principles", "rules", "ambition"})

"""Areas that hold the words of a round's subject (and much else)."""

# The keys of a decision: digits work on every keyboard; the Dutch initials
# (instemming, bedenking, bezwaar) are accepted in both languages and shown in Dutch.
DECISION_KEYS: dict[Qt.Key, Decision] = {
    Qt.Key.Key_1: Decision.CONSENT,
    Qt.Key.Key_I: Decision.CONSENT,
    Qt.Key.Key_2: Decision.CONCERN,
    Qt.Key.Key_B: Decision.CONCERN,
    Qt.Key.Key_3: Decision.OBJECTION,
    Qt.Key.Key_Z: Decision.OBJECTION,
}

_KEY_CAPTIONS = {
    "nl": {Decision.CONSENT: "1 / I", Decision.CONCERN: "2 / B", Decision.OBJECTION: "3 / Z"},
    "en": {Decision.CONSENT: "1", Decision.CONCERN: "2", Decision.OBJECTION: "3"},
}

CLEAR_KEYS = (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace)

NOTE_KEYS = (Qt.Key.Key_N, Qt.Key.Key_Return, Qt.Key.Key_Enter)

RESOLUTION_KEYS = {
    Qt.Key.Key_A: ObjectionResolution.AMENDED,
    Qt.Key.Key_W: ObjectionResolution.WITHDRAWN,
}

REST_KEY = Qt.Key.Key_R

LEAVE_KEYS = (Qt.Key.Key_Escape, Qt.Key.Key_Left)

class _RoundTable(QTableView):
    """The participants of the round; the decision keys act on the current row."""

    def __init__(self, owner: ConsentRoundWidget) -> None:
        super().__init__(owner)
        self._owner = owner

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods & ~Qt.KeyboardModifier.ShiftModifier:
            super().keyPressEvent(event)  # Ctrl/Alt combinations belong to the window
            return
        if self._owner.handle_key(Qt.Key(event.key())):
            event.accept()
            return
        if event.text() and event.text().isprintable():
            event.accept()  # no type-ahead jumps: a stray letter must not move the round
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        # Narrow (a laptop, the round beside a list): the note matters more than the
        # organisation, which the name's tooltip still gives.
        self.setColumnHidden(1, event.size().width() < 560)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        if self._owner.subject_id:
            self._owner.sig_subject.emit(self._owner.subject_id)

class _NoteEdit(QLineEdit):
    """The note of the current participant; Enter moves on, Esc goes back to the list."""

    def __init__(self, owner: ConsentRoundWidget) -> None:
        super().__init__(owner)
        self._owner = owner

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._owner.finish_note(advance=True)
            return
        if event.key() == Qt.Key.Key_Escape:
            self._owner.finish_note(advance=False)
            return
        super().keyPressEvent(event)

class ConsentRoundWidget(QWidget):
    """A consent round on one subject: a principle's or rule's id, the ambition or the
    agreement as a whole."""

    sig_subject = Signal(str)
    """The subject under discussion, for the projector: sent when it is set and when the
    facilitator enters the round."""
    sig_message = Signal(str)
    """A short message for the status line (a refused edit, a key that does not apply)."""
    sig_leave = Signal()
    """Esc or Left in the list: the embedding page takes the focus back."""

    def __init__(self, document: SessionDocument, subject_id: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentRound")
        self.document = document
        self.subject_id = ""
        self._stale = False
        self._shown_version = ""
        self._note_pid: str | None = None
        self._build()
        document.sig_changed.connect(self._on_document_changed)
        self.set_subject(subject_id)

    # --- building ------------------------------------------------------------------

    def set_leave_hint(self, hint: str) -> None:
        """The key hint's last part: where Esc takes the focus, which the embedding page
        decides (the list of principles, the tabs of the signing step...)."""
        self.keys_label.setText(tr("↑↓ Home End: choose a participant · Enter or N: note")
                                + " · " + hint)

    def _build(self) -> None:
        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("consentOutcome")
        font = self.outcome_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.outcome_label.setFont(font)
        self.tally_label = QLabel()
        self.tally_label.setObjectName("consentTally")
        self.tally_label.setWordWrap(True)
        self.objection_label = QLabel()
        self.objection_label.setObjectName("consentObjections")
        self.objection_label.setTextFormat(Qt.TextFormat.PlainText)  # names are user text
        self.objection_label.setWordWrap(True)
        self.objection_label.setStyleSheet("color: #b00020;")

        self.history_label = QLabel()
        self.history_label.setObjectName("consentHistory")
        self.history_label.setTextFormat(Qt.TextFormat.PlainText)
        self.history_label.setWordWrap(True)
        self.history_label.setStyleSheet("color: #5a4500;")
        self.history_label.hide()

        self.model = _RoundModel()
        self.table = _RoundTable(self)
        self.table.setObjectName("consentTable")
        self.table.setAccessibleName(tr("Consent round"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 150)
        header.resizeSection(1, 140)
        # Wide enough for every decision, measured once (sized to its contents, the column
        # would be measured over all rows at every decision). A resolved objection's longer
        # words are elided there and whole in the tooltip: the note needs the room more.
        responses = [decision_text(None)] + [enum_label(d) for d in Decision]
        metrics = self.table.fontMetrics()
        padding = 2 * self.table.style().pixelMetric(
            QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 16
        header.resizeSection(2, max(
            [metrics.horizontalAdvance(t) for t in responses]
            + [header.fontMetrics().horizontalAdvance(str(self.model.headerData(
                2, Qt.Orientation.Horizontal))) + 8]) + padding)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

        lang = current_language()
        captions = _KEY_CAPTIONS.get(lang, _KEY_CAPTIONS["en"])
        self.decision_buttons: dict[Decision, QPushButton] = {}
        buttons = QGridLayout()
        buttons.setHorizontalSpacing(4)
        buttons.setVerticalSpacing(4)
        for column, decision in enumerate(Decision):
            button = self._button(tr("{keys}: {decision}", keys=captions[decision],
                                     decision=enum_label(decision)),
                                  lambda d=decision: self.record(d))
            button.setObjectName(f"decide-{decision.value}")
            self.decision_buttons[decision] = button
            buttons.addWidget(button, 0, column)
        self.clear_button = self._button(tr("0: Clear"), lambda: self.record(None))
        buttons.addWidget(self.clear_button, 0, 3)
        self.amended_button = self._button(
            tr("A: {resolution}", resolution=enum_label(ObjectionResolution.AMENDED)),
            lambda: self.resolve(ObjectionResolution.AMENDED))
        self.withdrawn_button = self._button(
            tr("W: {resolution}", resolution=enum_label(ObjectionResolution.WITHDRAWN)),
            lambda: self.resolve(ObjectionResolution.WITHDRAWN))
        self.rest_button = self._button(tr("R: Everyone else consents"), self.rest_consents)
        buttons.addWidget(self.amended_button, 1, 0, 1, 2)
        buttons.addWidget(self.withdrawn_button, 1, 2)
        buttons.addWidget(self.rest_button, 1, 3)

        self.note_label = QLabel()
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_edit = _NoteEdit(self)
        self.note_edit.setObjectName("consentNote")
        self.note_edit.setMaxLength(MAX_TEXT)
        self.note_edit.setAccessibleName(tr("Note"))
        self.note_edit.textEdited.connect(self._on_note_edited)
        self.note_label.setBuddy(self.note_edit)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_label)
        note_row.addWidget(self.note_edit, 1)

        self.keys_label = QLabel()
        self.set_leave_hint(tr("Esc: back to the list"))
        self.keys_label.setObjectName("consentKeys")
        self.keys_label.setWordWrap(True)
        self.keys_label.setStyleSheet("color: palette(placeholder-text);")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.outcome_label)
        layout.addWidget(self.tally_label)
        layout.addWidget(self.objection_label)
        layout.addWidget(self.history_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(note_row)
        layout.addWidget(self.keys_label)
        self.setFocusProxy(self.table)

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys keep working in the list

        def clicked() -> None:
            slot()  # type: ignore[operator]
            if not self.note_edit.hasFocus():
                self.table.setFocus()

        button.clicked.connect(clicked)
        return button

    # --- subject and refresh -------------------------------------------------------

    def set_subject(self, subject_id: str) -> None:
        """Hold the round on ``subject_id`` ("" for none)."""
        changed = subject_id != self.subject_id
        self.subject_id = subject_id
        self._note_pid = None
        self.refresh()
        if changed:
            self._go_to_first_open_row()
            self.sig_subject.emit(subject_id)

    def _on_document_changed(self, areas: frozenset[str]) -> None:
        if (areas and areas <= _TEXT_AREAS and self.subject_id != AGREEMENT_SUBJECT
                and subject_version(self.document.session, self.subject_id)
                == self._shown_version):
            return  # cards, goals' order, another item: not the words of this round
        # The agreement as a whole is about everything it prints: any change but the
        # view may have changed its words.
        if (not areas or areas & _WATCHED
                or (self.subject_id == AGREEMENT_SUBJECT and areas - {"view"})):
            if not self.isVisible():
                # Shown again, it refreshes (``showEvent``): a decision refreshed every
                # round of the session (the agreement's version costs a rendering of
                # the whole agreement; the others, their table and tally).
                self._stale = True
                return
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _agreement(self) -> str | None:
        """The agreement's version from the document's cache (for that subject only)."""
        return (self.document.agreement_version() if self.subject_id == AGREEMENT_SUBJECT
                else None)

    def refresh(self) -> None:
        """Show the session's current decisions on the subject."""
        self._stale = False
        session = self.document.session
        active = bool(self.subject_id) and subject_exists(session, self.subject_id)
        self._shown_version = (subject_version(session, self.subject_id, self._agreement())
                               if active else "")
        records = {r.participant_id: r for r in records_for(session, self.subject_id,
                                                            self._agreement())
                   } if active else {}
        self._show_history(session, active)
        rows = [_Row(p.id, p.name, p.organisation, p.present, records.get(p.id))
                for p in session.participants if p.present or p.id in records]
        current = self.current_participant_id()
        self.model.set_rows(rows)
        if current is not None and self.current_participant_id() != current:
            self._select_participant(current)
        present = {p.id for p in session.participants if p.present}
        self._show_outcome(list(records.values()), present, active)
        for widget in (self.table, self.note_edit, self.clear_button, self.amended_button,
                       self.withdrawn_button, self.rest_button,
                       *self.decision_buttons.values()):
            widget.setEnabled(active)
        self._show_note()

    def _show_outcome(self, records: list[ConsentRecord], present: set[str],
                      active: bool) -> None:
        if not active:
            self.outcome_label.setText(tr("No item chosen for a consent round."))
            self.outcome_label.setStyleSheet("")
            self.tally_label.setText("")
            self.objection_label.hide()
            return
        outcome = outcome_of(records, present)
        self.outcome_label.setText(tr("Outcome: {outcome}", outcome=enum_label(outcome)))
        self.outcome_label.setStyleSheet(f"color: {OUTCOME_COLOURS[outcome].name()};")
        self.outcome_label.setProperty("outcome", outcome.value)
        counts = {d: 0 for d in Decision}
        resolved = 0
        for record in records:
            if record.participant_id in present:
                counts[record.decision] += 1
                resolved += (record.decision is Decision.OBJECTION
                             and record.resolution is not ObjectionResolution.STANDING)
        spoken = {r.participant_id for r in records}
        parts = [tr("{decision}: {count}", decision=enum_label(d), count=n)
                 for d, n in counts.items()]
        if resolved:
            parts[-1] = tr("{decision}: {count} ({resolved} resolved)",
                           decision=enum_label(Decision.OBJECTION),
                           count=counts[Decision.OBJECTION], resolved=resolved)
        parts.append(tr("Not yet: {count}", count=len(present - spoken)))
        if not present:
            parts = [tr("Nobody is marked present.")]
        self.tally_label.setText(" · ".join(parts))
        standing = standing_objections(records)
        if standing:
            names = ", ".join(self._name(r.participant_id) for r in standing)
            self.objection_label.setText(tr(
                "Objection standing: {names}. When the text has been amended, press A; "
                "when the objection is withdrawn, press W.", names=names))
            self.objection_label.show()
        else:
            self.objection_label.hide()

    def _show_history(self, session: Session, active: bool) -> None:
        """Decisions given to an earlier version of the text: who objected, what changed."""
        earlier = earlier_records(session, self.subject_id, self._agreement()) if active \
            else []
        if not earlier:
            self.history_label.hide()
            return
        lines = []
        amendments = amendments_of(session, self.subject_id)
        objectors = [r for r in earlier if r.decision is Decision.OBJECTION]
        if amendments:
            last = amendments[-1]
            lines.append(tr("Amended after an objection: “{before}” became “{after}”.",
                            before=_short(last.before, 80), after=_short(last.after, 80)))
        if objectors:
            lines.append(tr("Objected to an earlier version: {names}.", names=", ".join(
                f"{self._name(r.participant_id)}" + (f" (“{_short(r.note, 60)}”)"
                                                     if r.note.strip() else "")
                for r in objectors)))
        lines.append(tr("{count} decisions were given to an earlier version of the text and "
                        "no longer count: hold the round again on the words as they are now.",
                        count=len(earlier)) if len(earlier) != 1 else
                     tr("1 decision was given to an earlier version of the text and no longer "
                        "counts: hold the round again on the words as they are now."))
        self.history_label.setText("\n".join(lines))
        self.history_label.show()

    def _name(self, participant_id: str) -> str:
        person = self.document.session.participant(participant_id)
        return person.name if person is not None else participant_id

    # --- the current participant ---------------------------------------------------

    def current_participant_id(self) -> str | None:
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.rows):
            return self.model.rows[row].participant_id
        return None

    def _current_row(self) -> _Row | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _select_row(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _select_participant(self, participant_id: str) -> None:
        for row, entry in enumerate(self.model.rows):
            if entry.participant_id == participant_id:
                self._select_row(row)
                return

    def _go_to_first_open_row(self) -> None:
        for row, entry in enumerate(self.model.rows):
            if entry.record is None and entry.present:
                self._select_row(row)
                return
        self._select_row(0)

    def _advance(self) -> None:
        self._select_row(self.table.currentIndex().row() + 1)

    def _on_current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._note_pid = None
        self._show_note()

    def _show_note(self) -> None:
        entry = self._current_row()
        if entry is None:
            self.note_label.setText(tr("Note:"))
            self.note_edit.setEnabled(False)
            if not self.note_edit.hasFocus():
                self.note_edit.setText("")
            return
        self.note_label.setText(tr("Note of {name}:", name=_short(entry.name)))
        has_record = entry.record is not None
        self.note_edit.setEnabled(has_record and self.table.isEnabled())
        self.note_edit.setPlaceholderText(
            "" if has_record else tr("Record a decision first (1, 2 or 3)"))
        value = entry.record.note if entry.record is not None else ""
        if not (self.note_edit.hasFocus() and self._note_pid == entry.participant_id):
            if self.note_edit.text() != value:
                self.note_edit.setText(value)
                self.note_edit.setCursorPosition(0)

    # --- keys ----------------------------------------------------------------------

    def handle_key(self, key: Qt.Key) -> bool:
        """Act on a key pressed in the list; False when the key is not ours."""
        if key in DECISION_KEYS:
            self.record(DECISION_KEYS[key])
        elif key in CLEAR_KEYS:
            self.record(None)
        elif key in NOTE_KEYS:
            self.open_note()
        elif key in RESOLUTION_KEYS:
            self.resolve(RESOLUTION_KEYS[key])
        elif key == REST_KEY:
            self.rest_consents()
        elif key in LEAVE_KEYS:
            self.sig_leave.emit()
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._select_row(0 if key == Qt.Key.Key_Home else len(self.model.rows) - 1)
        else:
            return False
        return True

    # --- edits ---------------------------------------------------------------------

    def _edit(self, text: str, op: Operation[Any, Any], *args: Any,
              merge_key: str | None = None, **changes: Any) -> bool:
        return try_edit(self.document, text, op, *args, merge_key=merge_key,
                        report=self.sig_message.emit, **changes)

    def record(self, decision: Decision | None) -> None:
        """Record (or with None clear) the current participant's decision.

        Consent moves on to the next participant; a concern or an objection opens the
        note, because its reason belongs there.
        """
        entry = self._current_row()
        if entry is None or not self.subject_id:
            return
        subject, pid = self.subject_id, entry.participant_id

        if decision is None:
            text = tr("Clear the decision of {name}", name=_short(entry.name))
        else:
            text = tr("{name}: {decision}", name=_short(entry.name), decision=enum_label(decision))
        self._edit(text, decide, subject, pid, decision)
        if decision is Decision.CONSENT:
            self._advance()
        elif decision is not None:
            self.open_note()

    def resolve(self, resolution: ObjectionResolution) -> None:
        """Mark the current participant's objection resolved (again: standing again)."""
        entry = self._current_row()
        record = entry.record if entry is not None else None
        if entry is None or record is None or record.decision is not Decision.OBJECTION:
            self.sig_message.emit(tr("Only an objection can be resolved."))
            return
        new = (ObjectionResolution.STANDING if record.resolution is resolution
               else resolution)
        subject, pid = self.subject_id, entry.participant_id
        self._edit(tr("Objection of {name}: {resolution}", name=_short(entry.name),
                      resolution=enum_label(new)), update_current, subject, pid,
                   resolution=new)

    def rest_consents(self) -> None:
        """Everyone present who has not spoken consents: one edit."""
        if not self.subject_id:
            return
        subject = self.subject_id
        self._edit(tr("Everyone else consents"), rest_consent, subject)

    # --- the note ------------------------------------------------------------------

    def open_note(self) -> None:
        entry = self._current_row()
        if entry is None:
            return
        if entry.record is None:
            self.sig_message.emit(tr("Record a decision for {name} first: 1, 2 or 3.",
                                     name=_short(entry.name)))
            return
        self._note_pid = entry.participant_id
        self._show_note()
        self.note_edit.setFocus()
        self.note_edit.end(False)

    def _on_note_edited(self, text: str) -> None:
        entry = self._current_row()
        if entry is None or entry.record is None:
            return
        self._note_pid = entry.participant_id
        subject, pid = self.subject_id, entry.participant_id
        self._edit(tr("Note of {name}", name=_short(entry.name)), update_current, subject, pid,
                   note=text, merge_key=f"consent-note:{subject}:{pid}")

    def finish_note(self, advance: bool) -> None:
        """Leave the note (it is saved as typed); Enter also moves to the next person."""
        self._note_pid = None
        self.table.setFocus()
        if advance:
            self._advance()
        self._show_note()

def _short(text: str, limit: int = 60) -> str:
    """User text in a message: one line, not endless."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
