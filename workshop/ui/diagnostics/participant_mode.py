"""Participant mode: the laptop goes round the table, one participant at a time.

The screen shows a list of names to pick from, then only that participant's own
questions (the five conditions, the spectra, the forms) with their own answers: nobody
sees anyone else's answers. "Done" goes back to the list for the next person.

Only the facilitator leaves: ``EXIT_KEYS`` (Ctrl+Shift+F12). Escape, Alt+F4 and the
window's close button do nothing here, so a participant cannot end up in the
facilitator's workspace by accident.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop.domain import diagnostics as dg
from workshop.domain.labels import axis_texts, label
from workshop.domain.model import CollaborationForm, Condition, Session
from workshop.domain.operations import Operation
from workshop.i18n import current_language, tr
from workshop.ui.document import SessionDocument
from workshop.ui.editing import try_edit

EXIT_KEYS = "Ctrl+Shift+F12"


class ParticipantMode(QDialog):
    """Full-window questions for one participant; leaves only with ``EXIT_KEYS``."""

    def __init__(self, document: SessionDocument, moment_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("participantMode")
        self.setWindowTitle(tr("Your view of the collaboration"))
        self.setModal(True)
        self.document = document
        self.moment_id = moment_id
        self.participant_id: str | None = None
        self._leaving = False
        self.stack = QStackedWidget()

        # who are you?
        pick = QWidget()
        pick_layout = QVBoxLayout(pick)
        heading = QLabel(tr("Who are you? Choose your name to give your answers."))
        heading.setObjectName("participantHeading")
        heading.setWordWrap(True)
        self.names = QListWidget()
        self.names.setObjectName("participantNames")
        self.names.itemActivated.connect(self._on_name_activated)
        pick_layout.addWidget(heading)
        pick_layout.addWidget(self.names, 1)
        pick_layout.addWidget(QLabel(tr("Press Enter or double-click your name.")))
        self.stack.addWidget(pick)

        # your questions
        self.questions = QWidget()
        self.stack.addWidget(self.questions)
        self.score_groups: dict[Condition, QButtonGroup] = {}
        self.notes: dict[Condition, QLineEdit] = {}
        self.sliders: dict[str, QSlider] = {}
        self.form_boxes: dict[CollaborationForm, QCheckBox] = {}

        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        footer = QLabel(tr("Your answers are saved as you give them. Only you see them "
                           "here; the room sees the totals."))
        footer.setWordWrap(True)
        layout.addWidget(footer)
        QShortcut(QKeySequence(EXIT_KEYS), self, self.leave)
        self._fill_names()
        self.setStyleSheet("QLabel, QRadioButton, QCheckBox, QListWidget, QPushButton "
                           "{ font-size: 15pt; } #participantHeading { font-size: 20pt; "
                           "font-weight: bold; } QGroupBox { font-size: 15pt; "
                           "font-weight: bold; }")

    @property
    def session(self) -> Session:
        return self.document.session

    # --- leaving only on purpose ------------------------------------------------------

    def leave(self) -> None:
        """Back to the facilitator (the deliberate key combination)."""
        self._leaving = True
        self.accept()

    def reject(self) -> None:
        """Escape must not leave: a participant might press it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._leaving:
            super().closeEvent(event)
        else:
            event.ignore()

    # --- choosing who answers ---------------------------------------------------------

    def _fill_names(self) -> None:
        self.names.clear()
        answered = dg.respondents(self.session, self.moment_id)
        for p in self.session.participants:
            if not p.present:
                continue
            text = p.name + ("  ✓" if p.id in answered else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.names.addItem(item)
        if self.names.count():
            self.names.setCurrentRow(0)
        self.stack.setCurrentIndex(0)
        self.names.setFocus()

    def _on_name_activated(self, item: QListWidgetItem) -> None:
        self.show_participant(item.data(Qt.ItemDataRole.UserRole))

    def show_participant(self, participant_id: str) -> None:
        """Build the questions for ``participant_id`` alone, with their own answers."""
        self.participant_id = participant_id
        old = self.questions
        self.questions = self._build_questions(participant_id)
        self.stack.insertWidget(1, self.questions)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.stack.setCurrentWidget(self.questions)
        first = next(iter(self.score_groups.values()), None)
        if first is not None:
            first.buttons()[0].setFocus()

    def done_with_participant(self) -> None:
        """Hide this participant's answers and go back to the names."""
        self.participant_id = None
        old = self.questions
        self.questions = QWidget()
        self.stack.insertWidget(1, self.questions)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.score_groups, self.notes, self.sliders, self.form_boxes = {}, {}, {}, {}
        self._fill_names()

    def _build_questions(self, pid: str) -> QWidget:
        s = self.session
        person = s.participant(pid)
        scores = dg.scores_by_cell(s, self.moment_id)
        marks = dg.marks_by_cell(s, self.moment_id)
        forms = dg.forms_by_participant(s, self.moment_id).get(pid, [])
        self.score_groups, self.notes, self.sliders, self.form_boxes = {}, {}, {}, {}

        inner = QWidget()
        col = QVBoxLayout(inner)
        hello = QLabel(tr("Your answers, {name}", name=person.name if person else pid))
        hello.setObjectName("participantHeading")
        hello.setTextFormat(Qt.TextFormat.PlainText)
        col.addWidget(hello)

        scan = QGroupBox(tr("How well does the collaboration do on each condition? "
                            "1 = poorly, 5 = very well"))
        grid = QGridLayout(scan)
        for row, condition in enumerate(Condition):
            grid.addWidget(QLabel(label(condition, current_language())), row, 0)
            group = QButtonGroup(scan)
            mine = scores.get((pid, condition))
            for value in range(1, 6):
                button = QRadioButton(str(value))
                button.setAccessibleName(tr("{condition}: {score}",
                                            condition=label(condition, current_language()),
                                            score=value))
                group.addButton(button, value)
                grid.addWidget(button, row, value)
                if mine is not None and mine.score == value:
                    button.setChecked(True)
            group.idClicked.connect(lambda v, c=condition: self._on_score(c, v))
            note = QLineEdit(mine.note if mine is not None else "")
            note.setPlaceholderText(tr("Why? (optional)"))
            note.editingFinished.connect(lambda c=condition: self._on_note(c))
            grid.addWidget(note, row, 6)
            self.score_groups[condition] = group
            self.notes[condition] = note
        col.addWidget(scan)

        spectra = QGroupBox(tr("Where do you see this collaboration on each axis?"))
        sgrid = QGridLayout(spectra)
        for row, axis in enumerate(s.diagnostics.axes):
            title, left, right = axis_texts(axis, current_language())
            name = QLabel(title)
            name.setTextFormat(Qt.TextFormat.PlainText)
            sgrid.addWidget(name, row, 0)
            for c, text in ((1, left), (3, right)):
                end = QLabel(text)
                end.setTextFormat(Qt.TextFormat.PlainText)
                sgrid.addWidget(end, row, c)
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, 100)
            slider.setAccessibleName(title)
            mark = marks.get((pid, axis.id))
            slider.setValue(50 if mark is None else mark)
            slider.valueChanged.connect(lambda v, a=axis.id: self._on_mark(a, v))
            sgrid.addWidget(slider, row, 2)
            self.sliders[axis.id] = slider
        sgrid.setColumnStretch(2, 1)
        col.addWidget(spectra)

        choose = QGroupBox(tr("Which form is this collaboration to you? One or more."))
        fgrid = QGridLayout(choose)
        for i, form in enumerate(CollaborationForm):
            box = QCheckBox(label(form, current_language()))
            box.setChecked(form in forms)
            box.toggled.connect(lambda _on: self._on_forms())
            fgrid.addWidget(box, i // 2, i % 2)
            self.form_boxes[form] = box
        col.addWidget(choose)

        done = QPushButton(tr("Done: hand the laptop on"))
        done.setObjectName("participantDone")
        done.clicked.connect(self.done_with_participant)
        row_done = QHBoxLayout()
        row_done.addStretch(1)
        row_done.addWidget(done)
        col.addLayout(row_done)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    # --- answers ----------------------------------------------------------------------

    def _edit(self, label_text: str, op: Operation[Any, Any], *args: Any,
              merge_key: str | None = None) -> None:
        # A refusal: the document reports it on the facilitator's status line.
        try_edit(self.document, label_text, op, *args, merge_key=merge_key)

    def _on_score(self, condition: Condition, value: int) -> None:
        pid, mid = self.participant_id, self.moment_id
        if pid is None:
            return
        note = self.notes[condition].text() if condition in self.notes else None
        self._edit(tr("Score"), dg.set_score, mid, pid, condition, value, note)

    def _on_note(self, condition: Condition) -> None:
        pid, mid = self.participant_id, self.moment_id
        group = self.score_groups.get(condition)
        if pid is None or group is None or group.checkedId() < 1:
            return
        note = self.notes[condition].text()
        score = group.checkedId()
        self._edit(tr("Note with a score"), dg.set_score, mid, pid, condition, score, note,
                   merge_key=f"note:{mid}:{pid}:{condition.value}")

    def _on_mark(self, axis_id: str, value: int) -> None:
        pid, mid = self.participant_id, self.moment_id
        if pid is None:
            return
        self._edit(tr("Mark on a spectrum"), dg.set_mark, mid, pid, axis_id, value,
                   merge_key=f"mark:{mid}:{pid}:{axis_id}")

    def _on_forms(self) -> None:
        pid, mid = self.participant_id, self.moment_id
        if pid is None:
            return
        chosen = [f for f, box in self.form_boxes.items() if box.isChecked()]
        self._edit(tr("Form of collaboration"), dg.set_forms, mid, pid, chosen)
