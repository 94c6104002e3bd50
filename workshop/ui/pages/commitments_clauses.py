"""Closing clauses: nature, duration, entry into force, joining, leaving, costs,
confidentiality, calling each other to account, amendments.

The facilitator adds clauses from the template library (Ctrl+L: the texts in the
session's language, since that is what is printed and signed, each with a note on what
it is for) or writes a new one, then edits the text while the table talks. The list
order is the printed order: Ctrl+Shift+Up/Down moves, Delete removes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.model import MAX_TEXT, Clause, ClauseKind, Session, new_id
from workshop.i18n import Language, tr
from workshop.labels import label
from workshop.templates import ClauseTemplate, clause_templates
from workshop.ui.pages.agreement_items import _TextDelegate
from workshop.ui.pages.base import Page
from workshop.ui.pages.commitments_common import (
    ItemTable,
    cell,
    heading,
    move_by_id,
    muted,
    remove_by_id,
)
from workshop.ui.pages.roadmap_rows import fold

AREA = "commitments.clauses"
LIBRARY_SHORTCUT = "Ctrl+L"
KEY_ROLE = Qt.ItemDataRole.UserRole
SHOWN_CHARS = 600
"""Of a hostile 100,000-character clause, the list shows this much; the editor has it all."""


def _kind(value: str) -> ClauseKind:
    try:
        return ClauseKind(value)
    except ValueError:
        return ClauseKind.OTHER


class ClausePicker(QDialog):
    """The clause library by kind, each with its note; Enter adds, Esc closes."""

    def __init__(self, templates: tuple[ClauseTemplate, ...], lang: Language,
                 used: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clausePicker")
        self.setWindowTitle(tr("Closing clauses from the library"))
        self.resize(1000, 640)
        self._templates = templates
        self._lang = lang
        language = tr("Dutch") if lang == "nl" else tr("English")
        note = QLabel(tr("Texts are added in the session's language ({language}): that is "
                         "the text that is printed and signed. You can amend them afterwards.",
                         language=language))
        note.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search the library: words or kind"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.tree = QTreeWidget()
        self.tree.setObjectName("clauseTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("Text"), tr("What it is for")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 340)
        # Whole texts, wrapped, as the principles' library shows them.
        self.tree.setItemDelegateForColumn(0, _TextDelegate(self.tree))
        self.tree.setItemDelegateForColumn(1, _TextDelegate(self.tree))
        header.sectionResized.connect(lambda *_args: self.tree.doItemsLayout())
        self.tree.itemDoubleClicked.connect(lambda item, _c: self._accept_item(item))
        groups: dict[ClauseKind, QTreeWidgetItem] = {}
        for template in templates:
            kind = _kind(template.theme)
            group = groups.get(kind)
            if group is None:
                group = QTreeWidgetItem([label(kind), ""])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(group)
                groups[kind] = group
            text = template.text(lang)
            what_for = template.note()  # for the facilitator: in the UI's language
            child = QTreeWidgetItem([text, what_for])
            child.setData(0, KEY_ROLE, template.key)
            child.setToolTip(0, text)
            child.setToolTip(1, what_for)
            if template.key in used:
                child.setFlags(Qt.ItemFlag.NoItemFlags)
                child.setText(0, tr("✓ {text}", text=text))
                child.setToolTip(0, tr("Already in the list"))
            group.addChild(child)
        self.tree.expandAll()
        buttons = QDialogButtonBox()
        self.add_button = buttons.addButton(tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setDefault(True)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = muted(tr("Type to search · ↑↓ choose · Enter adds · Ctrl+click adds several "
                        "at once · Esc closes"))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self._filter("")
        self.search.setFocus()

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802
        """Up and Down in the search field move through the list."""
        if watched is self.search and isinstance(event, QKeyEvent) and \
                event.type() == QKeyEvent.Type.KeyPress and event.key() in (
                    Qt.Key.Key_Up, Qt.Key.Key_Down):
            items = self._choosable()
            if items:
                current = self.tree.currentItem()
                i = items.index(current) if current in items else -1
                i = max(0, min(len(items) - 1, i + (1 if event.key() == Qt.Key.Key_Down
                                                     else -1)))
                self.tree.setCurrentItem(items[i])
                self.tree.scrollToItem(items[i])
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _choosable(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                child = group.child(j)
                if not child.isHidden() and child.flags() & Qt.ItemFlag.ItemIsEnabled:
                    out.append(child)
        return out

    def _filter(self, text: str) -> None:
        words = fold(text).split()
        by_key = {t.key: t for t in self._templates}
        first: QTreeWidgetItem | None = None
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            visible = 0
            for j in range(group.childCount()):
                child = group.child(j)
                t = by_key[child.data(0, KEY_ROLE)]
                kind = _kind(t.theme)
                haystack = fold(" ".join((t.text("nl"), t.text("en"), t.note("nl"),
                                          t.note("en"), label(kind, "nl"), label(kind, "en"))))
                hidden = not all(w in haystack for w in words)
                child.setHidden(hidden)
                if not hidden:
                    visible += 1
                    if first is None and child.flags() & Qt.ItemFlag.ItemIsEnabled:
                        first = child
            group.setHidden(visible == 0)
        self.tree.clearSelection()
        if first is not None:
            self.tree.setCurrentItem(first)
        self.add_button.setEnabled(first is not None)

    def _accept_item(self, item: QTreeWidgetItem) -> None:
        if item.data(0, KEY_ROLE) and item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.tree.clearSelection()
            self.tree.setCurrentItem(item)
            self.accept()

    def selected_templates(self) -> list[ClauseTemplate]:
        chosen = {item.data(0, KEY_ROLE) for item in self.tree.selectedItems()
                  if not item.isHidden()}
        current = self.tree.currentItem()
        if not chosen and current is not None and not current.isHidden():
            chosen = {current.data(0, KEY_ROLE)}
        return [t for t in self._templates if t.key in chosen]


class _NewClauseEdit(QLineEdit):
    def __init__(self, section: ClausesSection) -> None:
        super().__init__()
        self._section = section
        self.setMaxLength(MAX_TEXT)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._section.add_typed()
            return
        super().keyPressEvent(event)


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
            self.new_kind.addItem(label(kind), kind.value)
        self.new_kind.setCurrentIndex(self.new_kind.findData(ClauseKind.OTHER.value))
        self.new_edit = _NewClauseEdit(self)
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
            self.kind.addItem(label(kind), kind.value)
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

        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
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
        rows = [[cell(label(c.kind), c.id), cell(c.text, limit=SHOWN_CHARS)]
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
            self.note.setText(tr("What it is for: {note}", note=template.note())
                              if template else "")
        finally:
            self._updating = False

    # --- editing ---------------------------------------------------------------------

    def _edit_selected(self, what: str, change: object, merge_key: str | None = None
                       ) -> bool:
        item_id = self.table.current_id()
        if item_id is None:
            return False

        def mutate(s: Session) -> None:
            for c in s.commitments.clauses:
                if c.id == item_id:
                    change(c)  # type: ignore[operator]

        return self.page.try_edit(tr("Edit {field}", field=what), (AREA,), mutate,
                                  f"{AREA}:{item_id}:{merge_key}" if merge_key else None)

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
        self._edit_selected(tr("Text of the clause"), lambda c: setattr(c, "text", text),
                            "text")

    def _on_kind_changed(self, _index: int) -> None:
        if self._updating:
            return
        kind = ClauseKind(self.kind.currentData())
        self._edit_selected(tr("Kind of clause"), lambda c: setattr(c, "kind", kind))

    def add_typed(self) -> None:
        text = self.new_edit.text().strip()
        if not text:
            return
        clause = Clause(id=new_id("cl"), kind=ClauseKind(self.new_kind.currentData()),
                        text=text)

        def mutate(s: Session) -> None:
            s.commitments.clauses.append(clause)

        if self.page.try_edit(tr("Add a clause"), (AREA,), mutate):
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
            self.add_templates(self.picker.selected_templates())

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

        def mutate(s: Session) -> None:
            s.commitments.clauses.extend(new)

        if self.page.try_edit(tr("Add clauses from the library"), (AREA,), mutate):
            self.table.select_id(new[0].id)

    def start_editing(self) -> None:
        if self.selected() is None:
            return
        self.text.setFocus()
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def remove(self, item_id: str) -> None:
        row = self.table.currentRow()
        self.page.try_edit(tr("Remove a clause"), (AREA,),
                           lambda s: remove_by_id(s.commitments.clauses, item_id))
        if self.table.rowCount():
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), 0)

    def move_item(self, item_id: str, delta: int) -> None:
        self.page.try_edit(tr("Move a clause"), (AREA,),
                           lambda s: move_by_id(s.commitments.clauses, item_id, delta))
        self.table.select_id(item_id)

    def focus_first(self) -> None:
        if self.table.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.library_button.setFocus(Qt.FocusReason.OtherFocusReason)
