"""Closing clauses: nature, duration, entry into force, joining, leaving, costs,
confidentiality, calling each other to account, amendments.

The facilitator adds clauses from the template library (Ctrl+L: the texts in the
session's language, since that is what is printed and signed, each with a note on what
it is for) or writes a new one, then edits the text while the table talks. The list
order is the printed order: Ctrl+Shift+Up/Down moves, Delete removes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import commitments as edits
from workshop.domain.labels import label
from workshop.domain.model import Clause, ClauseKind, Session, new_id
from workshop.domain.templates import ClauseTemplate, Template, clause_templates
from workshop.i18n import N_, Language, current_language, tr
from workshop.ui.pages.base import Page
from workshop.ui.pages.library import LibraryPicker
from workshop.ui.pages.organising.common import (
    EnterAdds,
    ItemTable,
    cell,
    edit_selected,
    entry_line,
    heading,
    list_and_editor,
    muted,
)

AREA = "commitments.clauses"
LIBRARY_SHORTCUT = "Ctrl+L"
SHOWN_CHARS = 600
"""Of a hostile 100,000-character clause, the list shows this much; the editor has it all."""


def _kind(value: str) -> ClauseKind:
    try:
        return ClauseKind(value)
    except ValueError:
        return ClauseKind.OTHER


class ClausePicker(LibraryPicker):
    """The clause library by kind, each with its note; Enter adds, Esc closes."""

    SECOND_COLUMN = N_("What it is for")
    SECOND_WIDTH = 340
    SEARCH_PLACEHOLDER = N_("Search the library: words or kind")
    HINT = N_("Type to search · ↑↓ choose · Enter adds · Ctrl+click adds several at once · "
              "Esc closes")

    def __init__(self, templates: tuple[ClauseTemplate, ...], lang: Language,
                 used: set[str], parent: QWidget | None = None) -> None:
        super().__init__(templates, lang, used, tr("Closing clauses from the library"), parent)
        self.setObjectName("clausePicker")
        self.resize(1000, 640)
        self.tree.setObjectName("clauseTree")

    def group_of(self, template: Template) -> str:
        return label(_kind(template.theme), current_language())

    def _child(self, template: Template) -> QTreeWidgetItem:
        assert isinstance(template, ClauseTemplate)
        text = template.text(self._lang)
        what_for = template.note(current_language())  # for the facilitator: the UI's
        child = QTreeWidgetItem([text, what_for])
        child.setToolTip(0, text)
        child.setToolTip(1, what_for)
        return child

    def haystack(self, template: Template) -> str:
        assert isinstance(template, ClauseTemplate)
        kind = _kind(template.theme)
        return " ".join((template.text("nl"), template.text("en"), template.note("nl"),
                         template.note("en"), label(kind, "nl"), label(kind, "en")))


class ClausesSection(QWidget):
    """The closing clauses in printed order, and the text of the selected one."""

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.page = page
        self.picker: ClausePicker | None = None
        self._updating = False

        self.new_kind = QComboBox()
        self.new_kind.setAccessibleName(tr("Kind of the new clause"))
        for kind in ClauseKind:
            self.new_kind.addItem(label(kind, current_language()), kind.value)
        self.new_kind.setCurrentIndex(self.new_kind.findData(ClauseKind.OTHER.value))
        self.new_edit = entry_line()
        EnterAdds(self, self.add_typed, self.new_edit)
        self.new_edit.setAccessibleName(tr("New clause"))
        self.new_edit.setPlaceholderText(tr("Write a new clause and press Enter"))
        self.library_button = QPushButton(tr("From the library… ({key})",
                                             key=LIBRARY_SHORTCUT))
        self.library_button.setObjectName("clauseLibraryButton")
        self.library_button.clicked.connect(self.open_library)
        shortcut = QShortcut(QKeySequence(LIBRARY_SHORTCUT), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.open_library)
        add_row = QHBoxLayout()
        add_row.addWidget(self.library_button)
        add_row.addWidget(self.new_kind)
        add_row.addWidget(self.new_edit, 1)

        self.table = ItemTable([tr("Kind"), tr("Clause")])
        self.table.setObjectName("clausesTable")
        self.table.setEditTriggers(ItemTable.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.sig_remove.connect(self.remove)
        self.table.sig_move.connect(self.move_item)
        self.table.sig_activated.connect(lambda _id: self.start_editing())
        self.table.currentCellChanged.connect(lambda *_a: self._show_selected())

        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Kind of clause"))
        for kind in ClauseKind:
            self.kind.addItem(label(kind, current_language()), kind.value)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.text = QPlainTextEdit()
        self.text.setObjectName("clauseText")
        self.text.setAccessibleName(tr("Text of the clause"))
        self.text.setTabChangesFocus(True)
        self.text.textChanged.connect(self._on_text_changed)
        self.note = muted()
        self.note.setObjectName("clauseNote")
        editor = QWidget()
        outer = QVBoxLayout(editor)
        outer.setContentsMargins(8, 0, 0, 0)
        form = QFormLayout()
        outer.addLayout(form)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("Kind"), self.kind)
        form.addRow(tr("Text"), self.text)
        form.addRow("", self.note)
        self.editor = editor

        splitter = list_and_editor(self.table, editor)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Closing clauses"), tr(
            "How long the agreement runs, how parties join and leave, costs, "
            "confidentiality, how parties call each other to account, amendments. They are "
            "printed before the signatures, in this order: Ctrl+Shift+Up/Down moves, Delete "
            "removes, Enter edits the text.")))
        layout.addLayout(add_row)
        layout.addWidget(splitter, 1)
        chain: list[QWidget] = [self.library_button, self.new_kind, self.new_edit,
                                self.table, self.kind, self.text]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    @property
    def session(self) -> Session:
        return self.page.session

    def selected(self) -> Clause | None:
        item_id = self.table.current_id()
        return next((c for c in self.session.commitments.clauses if c.id == item_id), None)

    # --- showing ---------------------------------------------------------------------

    def refresh(self) -> None:
        rows = [[cell(label(c.kind, current_language()), c.id), cell(c.text, limit=SHOWN_CHARS)]
                for c in self.session.commitments.clauses]
        self.table.fill(rows)
        if self.table.current_id() is None and rows:
            self.table.setCurrentCell(0, 0)
        self.table.resizeColumnToContents(0)
        self.table.resizeRowsToContents()
        self._show_selected()

    def _show_selected(self) -> None:
        clause = self.selected()
        self.editor.setEnabled(clause is not None)
        self._updating = True
        try:
            kind = clause.kind if clause else ClauseKind.OTHER
            self.kind.setCurrentIndex(self.kind.findData(kind.value))
            text = clause.text if clause else ""
            if self.text.toPlainText() != text and not (
                    self.text.hasFocus() and self.text.styleSheet()):
                self.text.setPlainText(text)
                self.text.setStyleSheet("")
            template = next((t for t in clause_templates()
                             if clause and t.key == clause.template_key), None)
            self.note.setText(tr("What it is for: {note}", note=template.note(current_language()))
                              if template else "")
        finally:
            self._updating = False

    # --- editing ---------------------------------------------------------------------

    def _edit_selected(self, what: str, field: str, value: object,
                       merge_key: str | None = None) -> bool:
        return edit_selected(self.page.try_edit, self.table, AREA, what, field, value,
                             merge_key)

    def _on_text_changed(self) -> None:
        if self._updating:
            return
        text = self.text.toPlainText()
        if not text.strip():
            self.text.setStyleSheet("border: 2px solid #b00020;")
            self.text.setToolTip(tr("A clause needs text; Delete in the list removes it."))
            return
        self.text.setStyleSheet("")
        self.text.setToolTip("")
        self._edit_selected(tr("Text of the clause"), "text", text,
                            "text")

    def _on_kind_changed(self, _index: int) -> None:
        if self._updating:
            return
        kind = ClauseKind(self.kind.currentData())
        self._edit_selected(tr("Kind of clause"), "kind", kind)

    def add_typed(self) -> None:
        text = self.new_edit.text().strip()
        if not text:
            return
        clause = Clause(id=new_id("cl"), kind=ClauseKind(self.new_kind.currentData()),
                        text=text)
        if self.page.try_edit(tr("Add a clause"), edits.add_items, AREA, [clause]):
            self.new_edit.clear()
            self.table.select_id(clause.id)

    def open_library(self) -> None:
        if self.picker is not None:
            self.picker.raise_()
            return
        used = {c.template_key for c in self.session.commitments.clauses if c.template_key}
        self.picker = ClausePicker(clause_templates(), self.session.details.language, used,
                                   self)
        self.picker.accepted.connect(self._on_library_accepted)
        self.picker.finished.connect(self._on_library_finished)
        self.picker.open()

    def _on_library_accepted(self) -> None:
        if self.picker is not None:
            self.add_templates([t for t in self.picker.selected_templates()
                                if isinstance(t, ClauseTemplate)])

    def _on_library_finished(self, _result: int) -> None:
        picker, self.picker = self.picker, None
        if picker is not None:
            picker.deleteLater()
        self.activateWindow()
        if self.table.rowCount():
            self.table.setFocus()
        else:
            self.new_edit.setFocus()

    def add_templates(self, templates: list[ClauseTemplate]) -> None:
        """The templates' texts in the session's language, as one edit."""
        if not templates:
            return
        lang = self.session.details.language
        new = [Clause(id=new_id("cl"), kind=_kind(t.theme), text=t.text(lang),
                      template_key=t.key) for t in templates]
        if self.page.try_edit(tr("Add clauses from the library"), edits.add_items, AREA, new):
            self.table.select_id(new[0].id)

    def start_editing(self) -> None:
        if self.selected() is None:
            return
        self.text.setFocus()
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def remove(self, item_id: str) -> None:
        self.table.remove_item(self.page.try_edit, tr("Remove a clause"), AREA, item_id)

    def move_item(self, item_id: str, delta: int) -> None:
        self.table.move_item(self.page.try_edit, tr("Move a clause"), AREA, item_id, delta)

    def focus_first(self) -> None:
        if self.table.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.library_button.setFocus(Qt.FocusReason.OtherFocusReason)
