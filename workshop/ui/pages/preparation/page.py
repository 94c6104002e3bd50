"""Step 1, preparation: the session's details, the participants and the agenda.

Everything the facilitator prepares before the table sits down, and corrects while it
does: who is there (the table is edited in place like a spreadsheet; participants come
in by typing or from the CSV file the secretary made in Excel), with what mandate, and
how long each step may take.

Keys: Ctrl+Shift+N (or Insert) adds a participant: type the name, Enter for the next
one, Tab for their organisation and the rest. In the table, Enter or F2 edits a cell,
Enter or Space on "present" toggles it, Ctrl+Shift+Up/Down moves a participant,
Delete removes one (the page asks what becomes of their cards).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop import locale_format
from workshop.domain.edits import preparation as edits
from workshop.domain.labels import label
from workshop.domain.model import (
    MAX_NAME,
    CollaborationForm,
    Participant,
    Session,
    Step,
    new_id,
)
from workshop.domain.operations import Operation
from workshop.domain.participants import removal_impact
from workshop.i18n import Language, current_language, tr
from workshop.library_language import Switch, apply_switches, parts_touched, switches
from workshop.storage import paths
from workshop.storage.backups import BackupStore
from workshop.storage.forget import held_in_copies, traces_of
from workshop.storage.participants_csv import parse_participants_csv
from workshop.ui.document import SessionDocument
from workshop.ui.language_switch import LibrarySwitchQuestion
from workshop.ui.pages.base import Page
from workshop.ui.pages.preparation.csv_dialog import CsvImportDialog
from workshop.ui.pages.preparation.participants import (
    MANDATE,
    NAME,
    ORGANISATION,
    PRESENT,
    REPRESENTS,
    ParticipantDelegate,
    ParticipantsModel,
    ParticipantsView,
)
from workshop.ui.pages.preparation.parties import PartiesPanel
from workshop.ui.pages.preparation.remove_dialog import RemoveParticipantDialog
from workshop.ui.pages.roadmap.dates import DateEdit, format_date
from workshop.ui.widgets import BoundLineEdit

MAX_CSV_BYTES = 20_000_000
_UNSET = object()


class _DetailsBox(QGroupBox):
    """The session's details: each label beside its field, or above it when the box is
    too narrow for both (a 1024-pixel screen in Dutch left the fields 95 px: "Samen
    gezond o")."""

    FIELD_ROOM = 200

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        form = self.layout()
        if not isinstance(form, QFormLayout):
            return
        labels = [item.widget() for row in range(form.rowCount())
                  if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None]
        widest = max((label.sizeHint().width() for label in labels if label is not None),
                     default=0)
        margins = form.contentsMargins()
        room = (self.contentsRect().width() - margins.left() - margins.right() - widest
                - max(form.horizontalSpacing(), 0))
        policy = (QFormLayout.RowWrapPolicy.WrapAllRows if room < self.FIELD_ROOM
                  else QFormLayout.RowWrapPolicy.WrapLongRows)
        if form.rowWrapPolicy() != policy:
            form.setRowWrapPolicy(policy)


class SessionDateEdit(DateEdit):
    """The meeting's date, saved as soon as the text reads as a date (or is emptied)."""

    def __init__(self, page: PreparationPage) -> None:
        super().__init__()
        self._page = page
        self._known: object = _UNSET
        self._updating = False
        self.setObjectName("sessionDate")
        self.setAccessibleName(tr("Date"))
        self.textChanged.connect(self._on_date_text)
        self.editingFinished.connect(self._on_editing_finished)

    def _on_date_text(self, _text: str) -> None:
        if self._updating:
            return
        try:
            day = self.date_value()
        except ValueError:
            self._page.show_date_state(None, error=False)  # perhaps still typing
            return
        self._known = day
        self._page.try_edit(tr("Edit {field}", field=tr("Date")), edits.set_date, day,
                            merge_key="details.date")
        self._page.show_date_state(day)

    def _on_editing_finished(self) -> None:
        try:
            day = self.date_value()
        except ValueError:
            self._page.show_date_state(None, error=True)
            return
        self._set_text(format_date(day))  # 1-4 becomes 01-04-2026: what was understood

    def _set_text(self, text: str) -> None:
        if text != self.text():
            self._updating = True
            try:
                self.setText(text)
            finally:
                self._updating = False

    def refresh(self) -> None:
        day = self._page.session.details.date
        if day != self._known:  # changed elsewhere (undo, another window): show it
            self._known = day
            self._set_text(format_date(day))
            self._page.show_date_state(day)


class PreparationPage(Page):
    """Session details, participants and agenda."""

    step = Step.PREPARATION
    areas = frozenset({"details", "participants", "agenda", "signatures", "legal"})

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.remove_dialog: RemoveParticipantDialog | None = None
        self.csv_dialog: CsvImportDialog | None = None
        self.library_question: LibrarySwitchQuestion | None = None
        """Open while asking whether unedited library items follow a new language."""
        self.banner = QLabel()
        self.banner.setObjectName("signedBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px;")
        self.banner.hide()
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.setInterval(150)
        self._banner_timer.timeout.connect(self._update_banner)
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self._build_details(), 5)
        top_layout.addWidget(self._build_forms(), 3)
        top_layout.addWidget(self._build_agenda(), 3)
        # The details, forms and agenda scroll when the facilitator drags the handle up
        # to give the participants more room (a 768-pixel screen has little of it).
        top_scroll = QScrollArea()
        top_scroll.setObjectName("preparationTop")
        top_scroll.setWidgetResizable(True)
        top_scroll.setFrameShape(QFrame.Shape.NoFrame)
        top_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        top_scroll.setWidget(top)
        top_scroll.setMinimumHeight(120)
        self._top = top
        self._handle_moved = False
        splitter = self.splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top_scroll)
        splitter.splitterMoved.connect(lambda *_: setattr(self, "_handle_moved", True))
        self.people_tabs = QTabWidget()
        self.people_tabs.setObjectName("peopleTabs")
        self.people_tabs.addTab(self._build_participants(), tr("Participants"))
        self.parties_panel = PartiesPanel(document, self.sig_message.emit)
        scroll = QScrollArea()  # on a 1366x768 laptop the form is taller than the room
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.parties_panel)
        self.people_tabs.addTab(scroll, tr("Parties and signing"))
        splitter.addWidget(self.people_tabs)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self._fitted = False

    # --- building ------------------------------------------------------------------

    def _line(self, field: str, text: str) -> BoundLineEdit:
        edit = BoundLineEdit(self.document,
                             lambda s: str(getattr(s.details, field)),
                             edits.set_detail.given(field),
                             text, key=f"details.{field}")
        edit.setObjectName(f"details-{field}")
        edit.setMaxLength(MAX_NAME)  # a name, a region, a place: one line (the file's limit)
        edit.refresh()
        edit.setCursorPosition(0)  # show the start of a long text
        return edit

    def _build_details(self) -> QGroupBox:
        box = _DetailsBox(tr("Session"))
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name_edit = self._line("name", tr("Name of the collaboration"))
        self.region_edit = self._line("region", tr("Region"))
        self.venue_edit = self._line("venue", tr("Venue"))
        self.facilitator_edit = self._line("facilitator", tr("Facilitator"))
        self.date_edit = SessionDateEdit(self)
        self.date_note = QLabel()
        self.date_note.setObjectName("dateNote")
        self.date_note.setTextFormat(Qt.TextFormat.PlainText)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit, 2)
        date_row.addWidget(self.date_note, 3)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("documentLanguage")
        self.language_combo.setAccessibleName(tr("Language of the documents"))
        self.language_combo.addItem(tr("Dutch"), "nl")
        self.language_combo.addItem(tr("English"), "en")
        self.language_combo.setToolTip(tr("The language of the agreement and the roadmap "
                                          "that the participants sign and take home."))
        self.language_combo.currentIndexChanged.connect(self._on_language_changed)
        form.addRow(tr("Name of the collaboration:"), self.name_edit)
        form.addRow(tr("Region:"), self.region_edit)
        form.addRow(tr("Date:"), date_row)
        form.addRow(tr("Venue:"), self.venue_edit)
        form.addRow(tr("Facilitator:"), self.facilitator_edit)
        form.addRow(tr("Language of the documents:"), self.language_combo)
        return box

    def _build_forms(self) -> QGroupBox:
        box = QGroupBox(tr("Forms of collaboration"))
        layout = QVBoxLayout(box)
        self.forms_list = QListWidget()
        self.forms_list.setObjectName("collaborationForms")
        self.forms_list.setAccessibleName(tr("Forms of collaboration"))
        self.forms_list.setToolTip(tr("Which forms does the table have in mind? Parties "
                                      "often mean different forms without noticing. "
                                      "Space ticks the form under the cursor."))
        for form in CollaborationForm:
            item = QListWidgetItem(label(form, current_language()))
            item.setData(Qt.ItemDataRole.UserRole, form.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.forms_list.addItem(item)
        self.forms_list.itemChanged.connect(self._on_form_changed)
        # every form whole, beside a scroll bar: no sideways scrolling to read an option
        self.forms_list.setMinimumWidth(
            self.forms_list.sizeHintForColumn(0) + 2 * self.forms_list.frameWidth()
            + self.forms_list.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 4)
        self.forms_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.forms_list)
        return box

    def _build_agenda(self) -> QGroupBox:
        box = QGroupBox(tr("Agenda"))
        form = QFormLayout(box)
        self.agenda_spins: dict[Step, QSpinBox] = {}
        for number, step in enumerate(Step, start=1):
            spin = QSpinBox()
            spin.setObjectName(f"agenda-{step.value}")
            spin.setRange(0, 24 * 60)
            spin.setSingleStep(5)
            spin.setSuffix(tr(" min"))
            spin.setAccessibleName(tr("Time box for {step} in minutes",
                                      step=label(step, current_language())))
            spin.valueChanged.connect(lambda value, s=step: self._on_minutes_changed(s, value))
            self.agenda_spins[step] = spin
            form.addRow(tr("{number}. {step}", number=number,
                           step=label(step, current_language())), spin)
        self.agenda_total = QLabel()
        self.agenda_total.setObjectName("agendaTotal")
        form.addRow(self.agenda_total)
        return box

    def _build_participants(self) -> QGroupBox:
        box = QGroupBox(tr("Participants"))
        layout = QVBoxLayout(box)
        bar = QHBoxLayout()
        self.add_button = QPushButton(tr("&Add participant"))
        self.add_button.setToolTip(tr("Add a participant (Ctrl+Shift+N): type the name, "
                                      "Enter for the next one, Tab for the organisation"))
        self.add_button.clicked.connect(self.start_new_participant)
        self.import_button = QPushButton(tr("&Import from CSV…"))
        self.import_button.setToolTip(tr("Add participants from a CSV file saved in Excel, "
                                         "with a preview first"))
        self.import_button.clicked.connect(self.choose_csv)
        self.up_button = QPushButton(tr("Move &up"))
        self.up_button.setToolTip(tr("Move the participant up (Ctrl+Shift+Up)"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(tr("Move do&wn"))
        self.down_button.setToolTip(tr("Move the participant down (Ctrl+Shift+Down)"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button = QPushButton(tr("&Remove…"))
        self.remove_button.setToolTip(tr("Remove the participant (Delete)"))
        self.remove_button.clicked.connect(self.remove_current)
        self.count_label = QLabel()
        self.count_label.setObjectName("participantCount")
        for button in (self.add_button, self.import_button):
            bar.addWidget(button)
        bar.addSpacing(12)
        for button in (self.up_button, self.down_button, self.remove_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout.addLayout(bar)

        self.model = ParticipantsModel(lambda: self.session, self.try_edit,
                                       self._add_participant, self)
        self.table = ParticipantsView(self.model, ParticipantDelegate(lambda: self.session,
                                                                      self))
        self.table.sig_remove.connect(self.remove_current)
        self.table.sig_move.connect(self.move_current)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        for keys in ("Ctrl+Shift+N", "Ins"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.start_new_participant)
        return box

    # --- showing the session ---------------------------------------------------------

    def refresh(self, areas: frozenset[str]) -> None:
        everything = not areas
        details = self.session.details
        if everything or "details" in areas:
            for edit in (self.name_edit, self.region_edit, self.venue_edit,
                         self.facilitator_edit):
                before = edit.text()
                edit.refresh()
                if edit.text() != before and not edit.hasFocus():
                    edit.setCursorPosition(0)  # show the start of a long text
            self.date_edit.refresh()
            index = self.language_combo.findData(details.language)
            if index != self.language_combo.currentIndex():
                self.language_combo.blockSignals(True)
                self.language_combo.setCurrentIndex(index)
                self.language_combo.blockSignals(False)
            chosen = {f.value for f in details.forms}
            self.forms_list.blockSignals(True)
            for row in range(self.forms_list.count()):
                item = self.forms_list.item(row)
                state = (Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in chosen
                         else Qt.CheckState.Unchecked)
                if item.checkState() != state:
                    item.setCheckState(state)
            self.forms_list.blockSignals(False)
        if everything or "participants" in areas:
            self.model.sync()
            people = self.session.participants
            present = sum(1 for p in people if p.present)
            self.count_label.setText(
                tr("1 participant, {present} present", present=present) if len(people) == 1
                else tr("{count} participants, {present} present", count=len(people),
                        present=present))
            self._update_buttons()
        if everything or areas & {"legal", "participants", "details"}:
            self.parties_panel.refresh()
        if everything or "agenda" in areas:
            minutes = {a.step: a.minutes for a in self.session.agenda}
            for step, spin in self.agenda_spins.items():
                value = minutes.get(step, 0)
                if spin.value() != value:
                    spin.blockSignals(True)
                    spin.setValue(value)
                    spin.blockSignals(False)
            total = sum(minutes.get(step, 0) for step in Step)
            self.agenda_total.setText(tr("Total: {hours} h {minutes} min",
                                         hours=total // 60, minutes=total % 60))
        if everything or areas & {"details", "participants", "signatures"}:
            self._banner_timer.start()  # a fingerprint costs ~8 ms: once per burst of typing

    def _update_banner(self) -> None:
        """Warn that any change here voids the signatures already given."""
        if not self.isVisible():
            return  # showEvent catches up
        signatures = self.session.signatures
        valid = 0
        if signatures:
            current = self.document.fingerprint()  # kept by the document per state
            valid = sum(1 for s in signatures if s.fingerprint == current)
        self.banner.setVisible(bool(valid))
        if valid:
            self.banner.setText(tr(
                "{count} participants have signed the agreement. Any change to the details "
                "or the participants changes the agreement, and they would have to sign "
                "again.", count=valid))

    def show_date_state(self, day: dt.date | None, error: bool = False) -> None:
        """Beside the date: the day it means in words, or what is wrong."""
        if error:
            self.date_note.setText(tr("Not a date: type it as 12-03-2026 or 2026-03-12."))
            self.date_note.setStyleSheet("color: #b00020;")
            self.sig_message.emit(self.date_note.text())
        elif day is None:
            self.date_note.setText("" if not self.date_edit.text().strip()
                                   else tr("not a date yet"))
            self.date_note.setStyleSheet("color: #707070;")
        else:
            self.date_note.setText(locale_format.weekday_date(day, current_language()))
            self.date_note.setStyleSheet("color: #1b5e20;")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if not self._handle_moved:  # until the facilitator moves the handle
            QTimer.singleShot(0, self._fit_top)  # after the details chose their layout

    def _fit_top(self) -> None:
        """The details, forms and agenda whole, up to three fifths of the page; the
        participants' tabs the rest."""
        total = sum(self.splitter.sizes())
        if total <= 0 or self._handle_moved:
            return
        top = min(self._top.sizeHint().height(), total * 3 // 5)
        if self.splitter.sizes()[0] != top:
            self.splitter.setSizes([top, total - top])

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._update_banner()  # other steps may have changed what was signed
        if not self._fitted:
            self._fitted = True
            self.table.fit_columns()

    def show_item(self, item_id: str) -> bool:
        """A participant: their row (their presence is in the Present column); "parties":
        the first cell of the parties' organisation, whom they represent or mandate that
        is still empty (the scorecard's findings on the parties)."""
        if item_id == "parties":
            return self._show_first_gap()
        if item_id == "present" and self.session.participants:
            item_id = self.session.participants[0].id
        row = self.model.row_of(item_id)
        if row < 0:
            return False
        index = self.model.index(row, PRESENT)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus()
        return True

    def _show_first_gap(self) -> bool:
        for p in self.session.participants:
            for column, value in ((ORGANISATION, p.organisation), (REPRESENTS, p.represents),
                                  (MANDATE, p.mandate)):
                if not value.strip():
                    index = self.model.index(self.model.row_of(p.id), column)
                    self.table.setCurrentIndex(index)
                    self.table.scrollTo(index)
                    self.table.setFocus()
                    return True
        return False

    def focus_first(self) -> None:
        if self.session.participants:
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, NAME))
            self.table.setFocus()
        else:
            self.name_edit.setFocus()
            self.name_edit.selectAll()

    def _update_buttons(self) -> None:
        row = self.table.current_row()
        count = len(self.session.participants)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(row >= 0)

    # --- details and agenda ------------------------------------------------------------

    def _on_language_changed(self, index: int) -> None:
        code = self.language_combo.itemData(index)
        found = switches(self.session, code) if code != self.session.details.language else []
        if not found:
            self._set_language(code, [])
            return
        # Library items still as the library wrote them may follow: asked, then one edit.
        self.library_question = LibrarySwitchQuestion(
            found, code, lambda switch: self._set_language(code, found if switch else []),
            self)
        self.library_question.open()

    def _set_language(self, code: Language, found: list[Switch]) -> None:
        self.library_question = None

        def mutate(s: Session) -> None:
            s.details.language = code
            if found:
                apply_switches(s, code)

        # Not yet a registered operation: the library's switches live above the domain
        # (workshop.library_language reads the templates).
        self.try_edit(tr("Edit {field}", field=tr("Language of the documents")),
                      Operation(mutate, ("details", *parts_touched(found))))
        self.refresh(frozenset({"details"}))  # the combo shows what the session says

    def _on_form_changed(self, _item: QListWidgetItem) -> None:
        checked = {self.forms_list.item(r).data(Qt.ItemDataRole.UserRole)
                   for r in range(self.forms_list.count())
                   if self.forms_list.item(r).checkState() == Qt.CheckState.Checked}
        forms = [f for f in CollaborationForm if f.value in checked]
        self.try_edit(tr("Edit {field}", field=tr("Forms of collaboration")), edits.set_forms,
                      forms)

    def _on_minutes_changed(self, step: Step, minutes: int) -> None:
        self.try_edit(tr("Time box for {step}", step=label(step, current_language())),
                      edits.set_time_box, step, minutes, merge_key=f"agenda.{step.value}")

    # --- participants ------------------------------------------------------------------

    def _add_participant(self, name: str) -> str:
        pid = new_id("p")
        ok = self.try_edit(tr("Add participant {name}", name=name[:80]),
                           edits.add_participants, [Participant(id=pid, name=name)])
        return pid if ok else ""

    def start_new_participant(self) -> None:
        """Open the name cell of the new row for typing."""
        self.table.edit_new_row()

    def move_current(self, delta: int) -> None:
        row = self.table.current_row()
        target = row + delta
        people = self.session.participants
        if row < 0 or not 0 <= target < len(people):
            return
        person = people[row]
        pid = person.id

        text = (tr("Move {name} up", name=person.name[:80]) if delta < 0
                else tr("Move {name} down", name=person.name[:80]))
        column = max(self.table.currentIndex().column(), 0)
        if self.try_edit(text, edits.move_participant, row, target, merge_key=f"move.{pid}"):
            self.table.setCurrentIndex(self.model.index(self.model.row_of(pid), column))
            self.table.setFocus()

    def remove_current(self) -> None:
        """Remove the participant under the cursor, asking first what becomes of their work."""
        row = self.table.current_row()
        if row < 0:
            return
        person = self.session.participants[row]
        impact = removal_impact(self.session, person.id)
        in_copies: bool | None = False
        if not impact.anything:
            # Nothing of them but their row here: still ask first when the backups hold
            # more of them, since cleaning those cannot be undone.
            in_copies = self._held_in_copies(person.id)
            if in_copies is False:
                self.remove(person.id, hand_over=False)
                return
        dialog = RemoveParticipantDialog(person.name, impact, self, in_copies=in_copies)
        self.remove_dialog = dialog
        pid = person.id

        def answered(result: int) -> None:
            self.window().activateWindow()  # not every window manager does it by itself
            if result and dialog.choice:
                self.remove(pid, hand_over=dialog.choice == "hand_over")
            else:
                self.table.setFocus()
            self.remove_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(answered)
        dialog.open()

    def _held_in_copies(self, participant_id: str) -> bool | None:
        """Whether the copies the app keeps of this session hold them (None: perhaps,
        too many to read them all at once; the search is bounded in time)."""
        saver = self.document.autosaver
        if saver is None:
            return False  # nothing saved, nothing backed up (``SessionDocument.forget``)
        store = saver.backups or BackupStore()
        return held_in_copies(store, store.recovery, self.document.path, self.session.id,
                              participant_id)

    def remove(self, participant_id: str, hand_over: bool) -> bool:
        """Remove a participant as one undoable edit; the cursor stays on that row."""
        person = self.session.participant(participant_id)
        if person is None:
            return False
        row = self.model.row_of(participant_id)
        column = max(self.table.currentIndex().column(), 0)
        name = person.name[:80]
        text = (tr("Remove {name} (cards to the table)", name=name) if hand_over
                else tr("Remove {name} and everything of them", name=name))
        traces = None if hand_over else traces_of(self.session, participant_id)
        if not self.try_edit(text, edits.remove_participant, participant_id, hand_over):
            return False
        if traces is not None:  # forgotten: in the backups and copies too
            self.document.forget(traces)
        row = min(row, len(self.session.participants) - 1)
        self.table.setFocus()
        self.table.setCurrentIndex(self.model.index(max(row, 0), column) if row >= 0
                                   else self.model.index(self.model.new_row(), NAME))
        self.sig_message.emit(
            tr("{name} removed. Ctrl+Z brings them back.", name=name) if hand_over else
            tr("{name} removed, from the backups too. Ctrl+Z brings them back into this "
               "session, not into the backups.", name=name) + " "
            + tr("After Ctrl+Z, the backups made from then on hold them again, as the "
                 "session does."))
        return True

    # --- CSV import ------------------------------------------------------------------

    def choose_csv(self) -> None:
        filename, _ = QFileDialog.getOpenFileName(
            self, tr("Import participants from CSV"), str(paths.documents_folder()),
            tr("CSV files (*.csv *.txt);;All files (*)"))
        if filename:
            self.import_csv(Path(filename))

    def import_csv(self, path: Path) -> CsvImportDialog | None:
        """Read ``path`` and open the preview; the import happens when it is accepted."""
        try:
            if path.stat().st_size > MAX_CSV_BYTES:
                raise OSError(tr("The file is larger than 20 MB; that is no participant list."))
            data = path.read_bytes()
        except OSError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, tr("Import participants"),
                              tr("“{file}” cannot be read: {error}", file=path.name,
                                 error=exc.strerror or str(exc)),
                              QMessageBox.StandardButton.Ok, self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.finished.connect(box.deleteLater)
            box.open()
            return None
        dialog = CsvImportDialog(parse_participants_csv(data), path.name,
                                 self.session.participants, self)
        self.csv_dialog = dialog

        def finished(result: int) -> None:
            self.window().activateWindow()
            if result:
                self._import(dialog.participants())
            else:
                self.table.setFocus()
            self.csv_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def _import(self, people: list[Participant]) -> None:
        if not people:
            return
        first = len(self.session.participants)
        text = (tr("Import 1 participant") if len(people) == 1
                else tr("Import {count} participants", count=len(people)))
        if self.try_edit(text, edits.add_participants, people):
            self.table.setFocus()
            index = self.model.index(first, NAME)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
            self.sig_message.emit(tr("{count} participants imported. Ctrl+Z undoes the import.",
                                     count=len(people)))
