"""Leading principles and rules of play: a list of items, each with its consent round.

Both steps work the same way, so one base page serves both; the subclasses say which
list of the session they show and which words they use. The facilitator adds items
from the template library (in the session's language, since that text is printed and
signed) or types new ones, amends them while the table talks, reorders and removes
them, and holds the consent round of the selected item beside the list.

Keys: Enter in the "new item" field adds it; in the list, Enter or F2 edits the text,
Ctrl+Shift+Up/Down moves, Delete removes, Right goes to the consent round (Esc or Left
comes back); Ctrl+L opens the library.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.consent import (
    earlier_records,
    records_by_subject,
    records_for,
    standing_objections,
)
from workshop.domain.edits import agreement_items as edits
from workshop.domain.labels import label
from workshop.domain.model import (
    MAX_TEXT,
    AgreementItem,
    Session,
    Step,
    new_id,
)
from workshop.domain.templates import Template, principle_templates, rule_templates
from workshop.i18n import N_, current_language, tr
from workshop.ui.commands import key_hint, make_action
from workshop.ui.consent.round import ConsentRoundWidget
from workshop.ui.document import SessionDocument
from workshop.ui.pages.base import Page
from workshop.ui.pages.items.model import _ItemRow, _ItemsModel, _one_line, state_text
from workshop.ui.pages.items.templates import LIBRARY_SHORTCUT, TemplatePicker
from workshop.ui.pages.library import TextDelegate

"""Of a hostile 100,000-character item, the list shows this much; the editor has it all."""

class _ItemsTable(QTableView):
    def __init__(self, page: AgreementItemsPage) -> None:
        super().__init__(page)
        self._page = page
        # The list's keys, from the command registry; they act while the list has the
        # focus (the items are edited below it, never in the table).
        for command_id, slot in (("items.edit", lambda: page.start_editing()),
                                 ("items.up", lambda: page.move_selected(-1)),
                                 ("items.down", lambda: page.move_selected(1)),
                                 ("items.remove", lambda: page.remove_selected()),
                                 ("items.round", lambda: page.enter_round())):
            make_action(command_id, self, slot)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.resizeRowsToContents)

    def fit_rows(self, model: QAbstractTableModel) -> None:
        """Rows fit their text, sized here rather than by the header's ResizeToContents,
        which measures every row again when one consent changes one row's state."""
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().sectionResized.connect(self._fit_timer.start)
        model.modelReset.connect(self.resizeRowsToContents)
        model.dataChanged.connect(self._on_rows_changed)
        model.rowsInserted.connect(self._on_rows_inserted)
        self.resizeRowsToContents()

    def _on_rows_changed(self, first: QModelIndex, last: QModelIndex,
                         _roles: list[int]) -> None:
        if first.column() == last.column() == 0:
            return  # only the rows' numbers: their heights stay
        for row in range(first.row(), last.row() + 1):
            self.resizeRowToContents(row)

    def _on_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.resizeRowToContents(row)

class _ItemTextEdit(QPlainTextEdit):
    """The selected item's text: Enter saves, Ctrl+Enter saves and resolves the objection,
    Shift+Enter breaks the line, Esc puts back what is saved; leaving the field saves."""

    def __init__(self, page: AgreementItemsPage) -> None:
        super().__init__(page)
        self._page = page
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods == Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
                return
            if mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier):
                resolve = mods == Qt.KeyboardModifier.ControlModifier
                self._page.commit_text(resolve=resolve or None)
                self._page.table.setFocus()
                return
        if key == Qt.Key.Key_Escape:
            self._page.revert_text()
            self._page.table.setFocus()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self._page.commit_text(resolve=None)

class _NewItemEdit(QLineEdit):
    def __init__(self, page: AgreementItemsPage) -> None:
        super().__init__(page)
        self._page = page
        self.setMaxLength(MAX_TEXT)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._page.add_typed()
            return
        if event.key() == Qt.Key.Key_Down and self._page.model.rows:
            self._page.table.setFocus()
            return
        super().keyPressEvent(event)

class AgreementItemsPage(Page):
    """A list of agreement items (principles or rules) with a consent round per item."""

    items_attr: ClassVar[str]
    id_prefix: ClassVar[str]
    TEXTS: ClassVar[dict[str, str]]
    """Message ids (marked with N_) for everything that names the kind of item."""

    @staticmethod
    def templates() -> tuple[Template, ...]:
        raise NotImplementedError

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self._editor_id: str | None = None
        self.picker: TemplatePicker | None = None
        self._build()

    def items(self, session: Session | None = None) -> list[AgreementItem]:
        items: list[AgreementItem] = getattr(session or self.session, self.items_attr)
        return items

    def _t(self, key: str, **fields: object) -> str:
        return tr(self.TEXTS[key], **fields)

    # --- building ------------------------------------------------------------------

    def _build(self) -> None:
        intro = QLabel(self._t("intro"))
        intro.setWordWrap(True)
        self.new_edit = _NewItemEdit(self)
        self.new_edit.setObjectName("newItem")
        self.new_edit.setPlaceholderText(self._t("new_placeholder"))
        self.new_edit.setAccessibleName(self._t("new_placeholder"))
        self.library_button = QPushButton(tr("From the library… ({key})", key=LIBRARY_SHORTCUT))
        self.library_button.setObjectName("libraryButton")
        self.library_button.clicked.connect(self.open_library)
        shortcut = QShortcut(QKeySequence(LIBRARY_SHORTCUT), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.open_library)
        add_row = QVBoxLayout()  # the field its own row: its Dutch placeholder shows whole
        add_row.addWidget(self.new_edit)
        add_row.addWidget(self.library_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.empty_label = QLabel(self._t("none"))
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text);")
        self.model = _ItemsModel((tr("No."), self._t("column"), tr("Consent round")))
        self.table = _ItemsTable(self)
        self.table.setObjectName("itemsTable")
        self.table.setAccessibleName(label(self.step, current_language()))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # the state as wide as its words, so the item's own text keeps the room
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setItemDelegateForColumn(1, TextDelegate(self.table))
        self.table.fit_rows(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.table.doubleClicked.connect(lambda _index: self.start_editing())

        self.up_button = QPushButton(tr("Move up"))
        self.up_button.setToolTip("Ctrl+Shift+↑")
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(tr("Move down"))
        self.down_button.setToolTip("Ctrl+Shift+↓")
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.setToolTip(tr("Delete; Ctrl+Z brings it back"))
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        move_row = QHBoxLayout()
        move_row.addWidget(self.up_button)
        move_row.addWidget(self.down_button)
        move_row.addWidget(self.remove_button)
        move_row.addStretch(1)
        list_keys = QLabel(key_hint("items.edit", ("items.up", "items.down"), "items.remove",
                                    "items.round"))
        list_keys.setWordWrap(True)
        list_keys.setStyleSheet("color: palette(placeholder-text);")

        self.editor_label = QLabel(self._t("editor"))
        self.text_edit = _ItemTextEdit(self)
        self.text_edit.setObjectName("itemText")
        self.text_edit.setAccessibleName(self._t("editor"))
        self.text_edit.setFixedHeight(self.text_edit.fontMetrics().lineSpacing() * 4 + 12)
        self.editor_label.setBuddy(self.text_edit)
        self.resolve_check = QCheckBox()
        self.resolve_check.setObjectName("resolveByAmending")
        self.resolve_check.hide()
        self.source_edit = QLineEdit()
        self.source_edit.setObjectName("itemSource")
        self.source_edit.setMaxLength(MAX_TEXT)
        self.source_edit.setAccessibleName(tr("Source"))
        self.source_edit.setPlaceholderText(tr("Where the idea comes from (optional)"))
        self.source_edit.editingFinished.connect(self.commit_source)
        source_label = QLabel(tr("Source:"))
        source_label.setBuddy(self.source_edit)
        source_row = QHBoxLayout()
        source_row.addWidget(source_label)
        source_row.addWidget(self.source_edit, 1)
        editor_keys = QLabel(tr("Enter saves · Shift+Enter: new line · Esc: back to the saved "
                                "text"))
        editor_keys.setWordWrap(True)
        editor_keys.setStyleSheet("color: palette(placeholder-text);")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(intro)
        left_layout.addLayout(add_row)
        left_layout.addWidget(self.empty_label)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(move_row)
        left_layout.addWidget(list_keys)
        left_layout.addWidget(self.editor_label)
        left_layout.addWidget(self.text_edit)
        left_layout.addWidget(self.resolve_check)
        left_layout.addLayout(source_row)
        left_layout.addWidget(editor_keys)

        round_title = QLabel(tr("Consent round"))
        font = round_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        round_title.setFont(font)
        self.subject_label = QLabel()
        self.subject_label.setObjectName("roundSubject")
        self.subject_label.setTextFormat(Qt.TextFormat.PlainText)
        self.subject_label.setWordWrap(True)
        self.round = ConsentRoundWidget(self.document)
        self.round.sig_message.connect(self.sig_message)
        self.round.sig_leave.connect(self.table.setFocus)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(round_title)
        right_layout.addWidget(self.subject_label)
        right_layout.addWidget(self.round, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 11)
        splitter.setStretchFactor(1, 9)
        splitter.setSizes([550, 450])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        QWidget.setTabOrder(self.new_edit, self.library_button)
        QWidget.setTabOrder(self.library_button, self.table)
        QWidget.setTabOrder(self.table, self.text_edit)
        QWidget.setTabOrder(self.text_edit, self.resolve_check)
        QWidget.setTabOrder(self.resolve_check, self.source_edit)
        QWidget.setTabOrder(self.source_edit, self.round.table)
        QWidget.setTabOrder(self.round.table, self.round.note_edit)

    # --- refresh -------------------------------------------------------------------

    def refresh(self, areas: frozenset[str]) -> None:
        session = self.session
        items = self.items(session)
        # principles and rules only: the agreement's own round (and the rendering of the
        # whole agreement its version takes) is not asked for
        grouped = records_by_subject(session, agreement="-")
        present = {p.id for p in session.participants if p.present}
        rows = []
        for item in items:
            outcome, state = state_text(grouped.get(item.id, []), present)
            rows.append(_ItemRow(item.id, item.text, item.source, outcome, state))
        previous = self.selected_id()
        previous_row = self.table.currentIndex().row()
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        if previous is not None and self.model.row_of(previous) >= 0:
            if self.selected_id() != previous:
                self._select(previous)
        elif rows:
            self._select(rows[max(0, min(previous_row, len(rows) - 1))].id)
        self._show_selected()

    def selected_id(self) -> str | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row].id if 0 <= row < len(self.model.rows) else None

    def selected_item(self) -> AgreementItem | None:
        item_id = self.selected_id()
        return next((i for i in self.items() if i.id == item_id), None)

    def show_item(self, item_id: str) -> bool:
        """An item: selected, with the keyboard in its consent round."""
        if self.model.row_of(item_id) < 0:
            return False
        self._select(item_id)
        self.round.table.setFocus()
        return True

    def _select(self, item_id: str) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 1))
            self.table.scrollTo(self.model.index(row, 1))

    def _on_current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_selected()
        self.sig_highlight.emit(self.selected_id() or "")

    def _show_selected(self) -> None:
        """Editor, round and headline follow the selected item."""
        item = self.selected_item()
        has = item is not None
        for widget in (self.text_edit, self.source_edit, self.up_button, self.down_button,
                       self.remove_button):
            widget.setEnabled(has)
        if item is None:
            self._editor_id = None
            self.text_edit.setPlainText("")
            self.source_edit.setText("")
            self.subject_label.setText(self._t("choose"))
            self.resolve_check.hide()
            self.round.set_subject("")
            return
        editing = self.text_edit.hasFocus() and self._editor_id == item.id
        if not editing and self.text_edit.toPlainText() != item.text:
            self.text_edit.setPlainText(item.text)
        if not (self.source_edit.hasFocus() and self._editor_id == item.id):
            if self.source_edit.text() != item.source:
                self.source_edit.setText(item.source)
        if self._editor_id != item.id:
            self.resolve_check.setChecked(False)
        self._editor_id = item.id
        self.subject_label.setText(_one_line(item.text, 400))
        self._show_resolve_offer(item)
        if self.round.subject_id != item.id:
            self.round.set_subject(item.id)

    def _objectors(self, item_id: str) -> list[str]:
        records = records_for(self.session, item_id)
        names = []
        for record in standing_objections(records):
            person = self.session.participant(record.participant_id)
            names.append(person.name if person is not None else record.participant_id)
        return names

    def _show_resolve_offer(self, item: AgreementItem) -> None:
        names = self._objectors(item.id)
        if names:
            self.resolve_check.setText(tr(
                "When saving, mark the objection of {names} as resolved by amending "
                "(Ctrl+Enter)", names=_one_line(", ".join(names), 200)))
            self.resolve_check.show()
        else:
            self.resolve_check.setChecked(False)
            self.resolve_check.hide()

    def focus_first(self) -> None:
        if self.model.rows:
            if self.selected_id() is None:
                self._select(self.model.rows[0].id)
            self.table.setFocus()
            self.sig_highlight.emit(self.selected_id() or "")
        else:
            self.new_edit.setFocus()

    # --- adding --------------------------------------------------------------------

    def add_typed(self) -> None:
        text = self.new_edit.text().strip()
        if not text:
            return
        item = AgreementItem(id=new_id(self.id_prefix), text=text)
        if self.try_edit(self._t("add"), edits.add_items, self.items_attr, [item]):
            self.new_edit.clear()
            self._select(item.id)

    def open_library(self) -> None:
        if self.picker is not None:
            self.picker.raise_()
            self.picker.activateWindow()
            return
        used = {i.template_key for i in self.items() if i.template_key}
        self.picker = TemplatePicker(self.templates(), self.session.details.language, used,
                                     self._t("library_title"), self)
        self.picker.accepted.connect(self._on_library_accepted)
        self.picker.finished.connect(self._on_library_finished)
        self.picker.open()

    def _on_library_accepted(self) -> None:
        if self.picker is not None:
            self.add_templates(self.picker.selected_templates())

    def _on_library_finished(self, _result: int) -> None:
        picker, self.picker = self.picker, None
        if picker is not None:
            picker.deleteLater()
        self.activateWindow()  # not every window manager gives the activation back
        if self.model.rows:
            self.table.setFocus()
        else:
            self.new_edit.setFocus()

    def add_templates(self, templates: list[Template]) -> None:
        """Add the templates' texts in the session's language, as one edit."""
        if not templates:
            return
        lang = self.session.details.language
        new = [AgreementItem(id=new_id(self.id_prefix), text=t.text(lang), source=t.source,
                             template_key=t.key) for t in templates]
        if self.try_edit(self._t("add_templates"), edits.add_items, self.items_attr, new):
            self._select(new[0].id)

    # --- editing -------------------------------------------------------------------

    def start_editing(self) -> None:
        if self.selected_item() is None:
            return
        self.text_edit.setFocus()
        self.text_edit.moveCursor(self.text_edit.textCursor().MoveOperation.End)

    def commit_text(self, resolve: bool | None) -> None:
        """Save the editor's text; ``resolve`` None follows the checkbox.

        Amending an item whose objection stands may mark that objection resolved by
        amending, in the same undoable edit.
        """
        item = next((i for i in self.items() if i.id == self._editor_id), None)
        if item is None:
            return
        item_id = item.id
        raw = self.text_edit.toPlainText()
        if resolve is None:
            resolve = self.resolve_check.isVisible() and self.resolve_check.isChecked()
        objectors = self._objectors(item.id)
        resolve = resolve and bool(objectors)
        if raw == item.text and not resolve:
            return
        text = raw.strip()
        if not text:
            self.sig_message.emit(self._t("empty"))
            self.revert_text()
            return
        attr = self.items_attr
        had_round = bool(records_for(self.session, item_id))
        if resolve:  # the objection is resolved by the new words; the round starts again
            done = self.try_edit(self._t("edit_resolve"), edits.amend_text, attr, item_id,
                                 text, dt.datetime.now().replace(microsecond=0))
        else:
            done = self.try_edit(self._t("edit"), edits.set_text, attr, item_id, text)
        if done:
            self.resolve_check.setChecked(False)
            if had_round and earlier_records(self.session, item_id):
                self.sig_message.emit(tr(
                    "The text changed after its consent round: the decisions given to the "
                    "earlier words are kept as history; hold the round again."))
        else:
            self.revert_text()

    def revert_text(self) -> None:
        item = next((i for i in self.items() if i.id == self._editor_id), None)
        if item is not None and self.text_edit.toPlainText() != item.text:
            self.text_edit.setPlainText(item.text)

    def commit_source(self) -> None:
        item_id = self._editor_id
        item = next((i for i in self.items() if i.id == item_id), None)
        value = self.source_edit.text().strip()
        if item is None or value == item.source:
            return
        attr = self.items_attr
        self.try_edit(self._t("source"), edits.set_source, attr, item_id, value)
        if self.source_edit.hasFocus():
            self.table.setFocus()

    def move_selected(self, delta: int) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        row = self.model.row_of(item_id)
        target = row + delta
        if not 0 <= target < len(self.model.rows):
            return
        attr = self.items_attr
        if self.try_edit(self._t("move"), edits.move_item, attr, item_id, delta):
            self._select(item_id)

    def remove_selected(self) -> None:
        """Remove the item and its consent records in one undoable edit."""
        item = self.selected_item()
        if item is None:
            return
        item_id, attr = item.id, self.items_attr
        if self.try_edit(self._t("remove"), edits.remove_item, attr, item_id):
            self.sig_message.emit(self._t("removed", text=_one_line(item.text, 60)))
            if not self.model.rows:
                self.new_edit.setFocus()

    def enter_round(self) -> None:
        if self.selected_id() is not None:
            self.round.table.setFocus()

class PrinciplesPage(AgreementItemsPage):
    """Step 4: the leading principles (*leidende principes*)."""

    step = Step.PRINCIPLES
    areas = frozenset({"principles", "consents", "participants", "details"})
    items_attr = "principles"
    id_prefix = "pr"
    TEXTS: ClassVar[dict[str, str]] = {
        "intro": N_("The yardstick the collaboration holds itself to. Start from the library "
                    "or write your own, then hold a consent round on each principle."),
        "new_placeholder": N_("Write a new principle and press Enter"),
        "column": N_("Principle"),
        "none": N_("No principles yet. Write one above or pick some from the library."),
        "choose": N_("Choose a principle in the list to hold its consent round."),
        "editor": N_("Text of the selected principle (printed as shown):"),
        "empty": N_("A principle needs words. To remove it, press Delete in the list."),
        "add": N_("Add a principle"),
        "add_templates": N_("Add principles from the library"),
        "edit": N_("Edit a principle"),
        "edit_resolve": N_("Amend a principle and resolve the objection"),
        "source": N_("Edit the source of a principle"),
        "move": N_("Move a principle"),
        "remove": N_("Remove a principle"),
        "removed": N_("Removed the principle “{text}”. Ctrl+Z brings it back."),
        "library_title": N_("Library of leading principles"),
    }

    @staticmethod
    def templates() -> tuple[Template, ...]:
        return principle_templates()

class RulesPage(AgreementItemsPage):
    """Step 5: the rules of play (*spelregels voor gedrag*)."""

    step = Step.RULES
    areas = frozenset({"rules", "consents", "participants", "details"})
    items_attr = "rules"
    id_prefix = "sr"
    TEXTS: ClassVar[dict[str, str]] = {
        "intro": N_("How we behave at the table: information, calling each other to account, "
                    "learning, confidentiality. Start from the library or write your own, "
                    "then hold a consent round on each rule."),
        "new_placeholder": N_("Write a new rule and press Enter"),
        "column": N_("Rule"),
        "none": N_("No rules yet. Write one above or pick some from the library."),
        "choose": N_("Choose a rule in the list to hold its consent round."),
        "editor": N_("Text of the selected rule (printed as shown):"),
        "empty": N_("A rule needs words. To remove it, press Delete in the list."),
        "add": N_("Add a rule"),
        "add_templates": N_("Add rules from the library"),
        "edit": N_("Edit a rule"),
        "edit_resolve": N_("Amend a rule and resolve the objection"),
        "source": N_("Edit the source of a rule"),
        "move": N_("Move a rule"),
        "remove": N_("Remove a rule"),
        "removed": N_("Removed the rule “{text}”. Ctrl+Z brings it back."),
        "library_title": N_("Library of rules of play"),
    }

    @staticmethod
    def templates() -> tuple[Template, ...]:
        return rule_templates()
