"""Step 3, interests per type: who wants what, personally, for the organisation, together.

The keyboard flow follows the conversation round the table: arrows choose a cell of the
matrix (participant x type); typing starts an interest there; Enter adds it and keeps the
cursor for the next; Tab moves on to the next type and, after the collective one, to the
next participant. The interests of the current cell are listed beside the matrix, where
they are edited (F2), removed (Del), marked "not for print" (P) or linked (L) to an
interest of another participant as an overlap or a tension.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import interests as edits
from workshop.domain.labels import label
from workshop.domain.model import (
    MAX_TEXT,
    InterestItem,
    InterestKind,
    InterestLink,
    LinkKind,
    Step,
    new_id,
)
from workshop.i18n import current_language, tr
from workshop.ui.commands import key_hint
from workshop.ui.document import EditRejected, SessionDocument
from workshop.ui.editing import try_edit
from workshop.ui.pages.base import Page
from workshop.ui.pages.interests.entry import (
    _PLAIN,
    EntryLine,
    FilterLine,
    ItemsList,
    LongTextDelegate,
    _hint,
)
from workshop.ui.pages.interests.links import LinkDialog, LinksView
from workshop.ui.pages.interests.links_model import LinksModel
from workshop.ui.pages.interests.matrix import (
    KINDS,
    InterestMatrixModel,
    InterestMatrixView,
    lock_pixmap,
    muted,
)


class InterestsPage(Page):
    """The matrix participant x type, the current cell's interests, and the links."""

    step = Step.INTERESTS
    areas = frozenset({"interests", "participants"})

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self._current: tuple[str, InterestKind] | None = None
        self._filling = False
        self.link_dialog: LinkDialog | None = None

        self.filter_edit = FilterLine()
        self.filter_edit.setObjectName("interestFilter")
        self.filter_edit.setPlaceholderText(tr("Filter participants (Ctrl+F)"))
        self.filter_edit.setToolTip(tr("Type part of a name, an organisation or a role."))
        self.filter_edit.setAccessibleName(tr("Filter participants"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(  # the whole placeholder, beside the clear button
            self.filter_edit.fontMetrics().horizontalAdvance(self.filter_edit.placeholderText())
            + 40)
        self.counts_label = QLabel()
        self.counts_label.setTextFormat(_PLAIN)
        self.counts_label.setWordWrap(True)
        self.matrix_model = InterestMatrixModel(self)
        self.matrix = InterestMatrixView()
        self.matrix.setModel(self.matrix_model)
        self.empty_label = QLabel()
        self.empty_label.setTextFormat(_PLAIN)
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("interestsEmpty")
        self.target_label = QLabel()
        self.target_label.setObjectName("interestTarget")
        self.target_label.setTextFormat(_PLAIN)
        bold = QFont(self.target_label.font())
        bold.setBold(True)
        self.target_label.setFont(bold)
        self.entry = EntryLine()
        self.entry.setMaxLength(MAX_TEXT)  # Qt's default of 32767 would cut a paste
        self.entry.setObjectName("interestEntry")
        self.entry.setPlaceholderText(tr("Type an interest and press Enter"))
        self.entry.setAccessibleName(tr("New interest"))

        self.items_title = QLabel()
        self.items_title.setTextFormat(_PLAIN)
        self.items_title.setWordWrap(True)
        self.items_title.setFont(bold)
        self.items_list = ItemsList()
        self.items_list.setItemDelegate(LongTextDelegate(self.items_list))
        self.items_list.setObjectName("cellInterests")
        self.items_list.setAccessibleName(tr("Interests in this cell"))
        self.items_list.setWordWrap(True)
        self.items_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.items_list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.private_button = QPushButton(tr("Not for print (P)"))
        self.private_button.setCheckable(True)
        self.link_button = QPushButton(tr("Link… (L)"))
        self.remove_button = QPushButton(tr("Remove (Del)"))
        self.links_title = QLabel()
        self.links_title.setTextFormat(_PLAIN)
        self.links_title.setFont(bold)
        self.links_model = LinksModel(self)
        self.links_view = LinksView()
        self.links_view.setItemDelegate(LongTextDelegate(self.links_view))
        self.links_view.setObjectName("interestLinks")
        self.links_view.setAccessibleName(tr("Overlaps and tensions"))
        self.links_view.setModel(self.links_model)
        self.links_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.links_view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.links_view.setWordWrap(True)
        self.links_view.setUniformItemSizes(False)
        self.links_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.links_view.setAlternatingRowColors(True)
        self.links_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.remove_link_button = QPushButton(tr("Remove link (Del)"))
        for button in (self.private_button, self.link_button, self.remove_button,
                       self.remove_link_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # every button has its key

        self._lay_out()
        self._connect()
        self.setTabOrder(self.filter_edit, self.matrix)
        self.setTabOrder(self.matrix, self.items_list)
        self.setTabOrder(self.items_list, self.links_view)
        self.setTabOrder(self.links_view, self.entry)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._focus_filter)

    # --- building ------------------------------------------------------------------

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 2)
        top.addWidget(self.counts_label, 3)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.matrix, 1)
        left_layout.addWidget(self.empty_label, 1)
        left_layout.addWidget(self.target_label)
        left_layout.addWidget(self.entry)
        left_layout.addWidget(_hint(tr("Enter adds · Tab next type · Shift+Tab previous · "
                                       "↑↓ other participant · Esc back to the matrix")))
        cell = QWidget()
        cell_layout = QVBoxLayout(cell)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        cell_layout.addWidget(self.items_title)
        cell_layout.addWidget(self.items_list, 1)
        # two buttons a row: the matrix keeps the width its Dutch headings need (1024x768)
        item_buttons = QGridLayout()
        for place, button in enumerate((self.private_button, self.link_button,
                                        self.remove_button)):
            item_buttons.addWidget(button, place // 2, place % 2)
        item_buttons.setColumnStretch(2, 1)
        cell_layout.addLayout(item_buttons)
        cell_layout.addWidget(_hint(key_hint(
            "interests.edit", "interests.private", "interests.link", "interests.remove",
            "interests.back", colon=False)))
        links = QWidget()
        links_layout = QVBoxLayout(links)
        links_layout.setContentsMargins(0, 0, 0, 0)
        links_layout.addWidget(self.links_title)
        links_layout.addWidget(self.links_view, 1)
        link_buttons = QHBoxLayout()
        link_buttons.addWidget(self.remove_link_button)
        link_buttons.addWidget(_hint(key_hint("links.note", "links.overlap", "links.tension",
                                              colon=False)), 1)
        links_layout.addLayout(link_buttons)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(cell)
        right.addWidget(links)
        right.setChildrenCollapsible(False)
        right.setSizes([220, 380])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([700, 350])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.setContentsMargins(0, 0, 0, 0)

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self.filter_edit.sig_leave.connect(self._focus_matrix)
        self.matrix.selectionModel().currentChanged.connect(self._on_cell_changed)
        self.matrix_model.modelReset.connect(self._on_matrix_reset)
        self.matrix.sig_start_entry.connect(self._start_entry)
        self.matrix.sig_open_items.connect(self._focus_items)
        self.entry.returnPressed.connect(self._add_from_entry)
        self.entry.sig_move.connect(self._on_entry_move)
        self.entry.sig_escape.connect(self._focus_matrix)
        self.items_list.currentItemChanged.connect(self._on_item_selected)
        self.items_list.itemChanged.connect(self._on_item_text_edited)
        self.items_list.sig_remove.connect(self._remove_item)
        self.items_list.sig_toggle_private.connect(self._toggle_private)
        self.items_list.sig_link.connect(self._open_link_dialog)
        self.items_list.sig_escape.connect(self._focus_matrix)
        self.private_button.clicked.connect(self._toggle_private)
        self.link_button.clicked.connect(self._open_link_dialog)
        self.remove_button.clicked.connect(self._remove_item)
        self.links_model.sig_note_edited.connect(self._edit_link_note)
        self.links_view.sig_remove.connect(self._remove_link)
        self.links_view.sig_kind.connect(self._set_link_kind)
        self.links_view.sig_escape.connect(self._focus_matrix)
        self.remove_link_button.clicked.connect(self._remove_link)

    def _on_matrix_reset(self) -> None:
        """Rows changed (filter, participants): stay on the same cell when it is there."""
        if self._current is not None:
            self._select_cell(*self._current)

    # --- showing -------------------------------------------------------------------

    def refresh(self, areas: frozenset[str]) -> None:
        if areas and not areas & self.areas:
            return
        session = self.session
        self.matrix_model.update(session)
        self._restore_cell()
        self._update_links()
        self._fill_items()
        items = session.interests.items
        self.counts_label.setText(tr(
            "Interests: {count} · not for print: {private} · links: {links}",
            count=len(items), private=sum(i.private for i in items),
            links=len(session.interests.links)))
        self._update_empty_state()

    def _update_links(self) -> None:
        keep = self._selected_link_id()
        visible = set(self.matrix_model.participant_ids()) \
            if self.filter_edit.text().strip() else None
        self.links_model.update(self.session, visible)
        self.links_title.setText(tr("Overlaps and tensions ({count})",
                                    count=self.links_model.rowCount()))
        if keep:
            self._select_link(keep)

    def _update_empty_state(self) -> None:
        has_rows = self.matrix_model.rowCount() > 0
        if not self.session.participants:
            self.empty_label.setText(tr("No participants yet. Add them in step 1, "
                                        "Preparation (Ctrl+1)."))
        elif not has_rows:
            self.empty_label.setText(tr("No participant matches “{text}”. Esc in the filter "
                                        "shows everyone.", text=self.filter_edit.text()))
        self.empty_label.setVisible(not has_rows)
        self.matrix.setVisible(has_rows)
        self.entry.setEnabled(self._current is not None)

    def show_item(self, item_id: str) -> bool:
        """A participant: their first type without an interest, ready to type."""
        if self.matrix_model.row_of(item_id) < 0:
            return False
        have = {i.kind for i in self.session.interests.items if i.participant_id == item_id}
        kind = next((k for k in KINDS if k not in have), KINDS[0])
        self._select_cell(item_id, kind)
        self.matrix.setFocus()
        return True

    def _restore_cell(self) -> None:
        """Keep the current cell across updates; else the first visible participant."""
        model = self.matrix_model
        if self._current is not None and model.row_of(self._current[0]) >= 0:
            self._select_cell(*self._current)
            return
        first = model.participant(0)
        if first is None:
            self._current = None
            self._show_target()
        else:
            self._select_cell(first.id, InterestKind.INDIVIDUAL)

    def _select_cell(self, participant_id: str, kind: InterestKind) -> None:
        row = self.matrix_model.row_of(participant_id)
        if row < 0:
            return
        index = self.matrix_model.index(row, 1 + KINDS.index(kind))
        if self.matrix.currentIndex() != index:
            self.matrix.selectionModel().setCurrentIndex(
                index, self.matrix.selectionModel().SelectionFlag.ClearAndSelect)
        else:
            self._current = (participant_id, kind)
        self.matrix.scrollTo(index)

    def _on_cell_changed(self, current: object, _previous: object) -> None:
        index = self.matrix.currentIndex()
        if not index.isValid():
            return
        row = self.matrix_model.participant(index.row())
        if row is None:
            return
        self._current = (row.id, self.matrix_model.kind_of(index.column()))
        self._show_target()
        self._fill_items()
        self.sig_highlight.emit("")

    def _show_target(self) -> None:
        if self._current is None:
            self.target_label.setText(tr("No cell chosen"))
            self.items_title.setText(tr("Interests in this cell"))
            self.entry.setEnabled(False)
            return
        pid, kind = self._current
        person = self.session.participant(pid)
        name = person.name if person else "?"
        self.target_label.setText(tr("New interest for {name} — {kind}", name=name,
                                     kind=label(kind, current_language())))
        self.items_title.setText(tr("{name} — {kind}", name=name,
                                    kind=label(kind, current_language())))
        self.entry.setEnabled(True)

    def _fill_items(self) -> None:
        keep = self._selected_item_id()
        self._filling = True
        try:
            self.items_list.clear()
            if self._current is not None:
                grey = muted(self.palette())
                lock = QIcon(lock_pixmap(14, grey))
                for item in self.matrix_model.items(*self._current):
                    entry = QListWidgetItem(item.text)
                    entry.setData(Qt.ItemDataRole.UserRole, item.id)
                    entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsEditable)
                    if item.private:
                        entry.setIcon(lock)
                        font = QFont(self.items_list.font())
                        font.setItalic(True)
                        entry.setFont(font)
                        entry.setForeground(QBrush(grey))
                        entry.setToolTip(tr("Not for print: never on the projector or in a "
                                            "PDF. P makes it printable again."))
                        entry.setData(Qt.ItemDataRole.AccessibleTextRole,
                                      tr("Not for print: {text}", text=item.text))
                    self.items_list.addItem(entry)
                    if item.id == keep:
                        self.items_list.setCurrentItem(entry)
        finally:
            self._filling = False
        self._on_item_selected(self.items_list.currentItem(), None)

    def _selected_item_id(self) -> str:
        entry = self.items_list.currentItem()
        return str(entry.data(Qt.ItemDataRole.UserRole)) if entry is not None else ""

    def _selected_item(self) -> InterestItem | None:
        item_id = self._selected_item_id()
        return next((i for i in self.session.interests.items if i.id == item_id), None)

    def _on_item_selected(self, entry: QListWidgetItem | None, _previous: object) -> None:
        if self._filling:
            return
        item = self._selected_item()
        item_id = item.id if item is not None else ""
        self.matrix_model.set_current_item(item_id)
        self.links_model.set_current_item(item_id)
        for button in (self.private_button, self.link_button, self.remove_button):
            button.setEnabled(item is not None)
        self.private_button.setChecked(item is not None and item.private)
        self.sig_highlight.emit(item_id if item is not None and not item.private else "")

    def _selected_link_id(self) -> str:
        index = self.links_view.currentIndex()
        return self.links_model.link_id(index.row()) if index.isValid() else ""

    def _select_link(self, link_id: str) -> None:
        row = self.links_model.row_of(link_id)
        if row >= 0:
            self.links_view.setCurrentIndex(self.links_model.index(row, 0))

    # --- moving around -------------------------------------------------------------

    def focus_first(self) -> None:
        """The matrix, at the first participant without interests (individual)."""
        having = {i.participant_id for i in self.session.interests.items}
        for pid in self.matrix_model.participant_ids():
            if pid not in having:
                self._select_cell(pid, InterestKind.INDIVIDUAL)
                break
        else:
            if self._current is None:
                self._restore_cell()
        self._focus_matrix()

    def _focus_matrix(self) -> None:
        if self.matrix_model.rowCount():
            self.matrix.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _focus_items(self) -> None:
        if self.items_list.count():
            if self.items_list.currentRow() < 0:
                self.items_list.setCurrentRow(0)
            self.items_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_filter_changed(self, text: str) -> None:
        self.matrix_model.set_filter(text, self.session)
        self._restore_cell()
        self._update_links()
        self._update_empty_state()

    def _start_entry(self, text: str) -> None:
        if self._current is None:
            return
        self.entry.setFocus(Qt.FocusReason.OtherFocusReason)
        if text:
            self.entry.insert(text)

    def _on_entry_move(self, kinds: int, participants: int) -> None:
        if self.entry.text().strip() and not self._add_from_entry():
            return
        if self._current is None:
            return
        rows = self.matrix_model.rowCount()
        pid, kind = self._current
        row = self.matrix_model.row_of(pid)
        column = KINDS.index(kind) + kinds
        row += participants + column // len(KINDS)
        column %= len(KINDS)
        participant = self.matrix_model.participant(row % rows)
        if participant is not None:
            self._select_cell(participant.id, KINDS[column])

    # --- editing -------------------------------------------------------------------

    def _add_from_entry(self) -> bool:
        text = self.entry.text().strip()
        if not text or self._current is None:
            return False
        pid, kind = self._current
        item = InterestItem(id=new_id("b"), participant_id=pid, kind=kind, text=text)
        if self.try_edit(tr("Add interest"), edits.add_interest, item):
            self.entry.clear()
            return True
        return False

    def _on_item_text_edited(self, entry: QListWidgetItem) -> None:
        if self._filling:
            return
        item_id = str(entry.data(Qt.ItemDataRole.UserRole))
        text = entry.text().strip()
        if not self.try_edit(tr("Edit interest"), edits.set_interest_text, item_id, text):
            self._fill_items()  # refused (empty) or unchanged: show what is kept

    def _remove_item(self) -> None:
        item_id = self._selected_item_id()
        if not item_id:
            return
        row = self.items_list.currentRow()
        links = sum(item_id in (link.a_id, link.b_id) for link in self.session.interests.links)
        if not self.try_edit(tr("Remove interest"), edits.remove_interest, item_id):
            return
        self.sig_message.emit(
            tr("Interest and its {links} link(s) removed. Ctrl+Z brings them back.",
               links=links) if links else tr("Interest removed. Ctrl+Z brings it back."))
        if self.items_list.count():
            self.items_list.setCurrentRow(min(row, self.items_list.count() - 1))
        else:
            self._focus_matrix()

    def _toggle_private(self) -> None:
        item = self._selected_item()
        if item is None:
            return
        item_id, private = item.id, not item.private
        self.try_edit(tr("Mark interest not for print") if private
                      else tr("Mark interest printable"), edits.set_interest_private, item_id,
                      private)
        self.sig_message.emit(tr("Not for print: never on the projector or in a PDF.")
                              if private else tr("This interest may be printed again."))

    def _open_link_dialog(self) -> None:
        item_id = self._selected_item_id()
        if not item_id:
            self.sig_message.emit(tr("Choose an interest first, then press L."))
            return
        dialog = LinkDialog(self.session, item_id, self._create_link, self)
        dialog.finished.connect(self._on_link_dialog_finished)
        self.link_dialog = dialog
        dialog.open()

    def _on_link_dialog_finished(self, _result: int) -> None:
        dialog, self.link_dialog = self.link_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.window().activateWindow()  # back from the dialog, on the interest linked
        self.items_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _create_link(self, a_id: str, b_id: str, kind: LinkKind, note: str) -> str | None:
        """Add the link; a message when it cannot be made (the dialog stays open)."""
        session = self.session
        for link in session.interests.links:
            if {link.a_id, link.b_id} == {a_id, b_id}:
                self._select_link(link.id)
                return tr("These two interests are already linked ({kind}).",
                          kind=label(link.kind, current_language()))
        link = InterestLink(id=new_id("l"), a_id=a_id, b_id=b_id, kind=kind, note=note)
        refused: list[EditRejected] = []
        try_edit(self.document, tr("Link interests"), edits.add_link, link,
                 on_rejected=refused.append)
        for exc in refused:
            owners = {i.participant_id for i in session.interests.items
                      if i.id in (a_id, b_id)}
            person = session.participant(next(iter(owners))) if len(owners) == 1 else None
            message = (tr("Both interests are {name}'s: a link joins interests of two "
                          "different participants. Choose an interest of someone else.",
                          name=person.name) if person is not None else exc.problems[0])
            self.sig_message.emit(message)
            return message
        self._select_link(link.id)
        self.sig_message.emit(tr("Marked as {kind}.", kind=label(kind, current_language())))
        return None

    def _edit_link_note(self, link_id: str, note: str) -> None:
        self.try_edit(tr("Edit link note"), edits.set_link_note, link_id, note)

    def _set_link_kind(self, kind: LinkKind) -> None:
        link_id = self._selected_link_id()
        if not link_id:
            return
        self.try_edit(tr("Change link kind"), edits.set_link_kind, link_id, kind)

    def _remove_link(self) -> None:
        link_id = self._selected_link_id()
        if not link_id:
            return
        row = self.links_view.currentIndex().row()
        if self.try_edit(tr("Remove link"), edits.remove_link, link_id):
            self.sig_message.emit(tr("Link removed. Ctrl+Z brings it back."))
            count = self.links_model.rowCount()
            if count:
                self.links_view.setCurrentIndex(self.links_model.index(min(row, count - 1), 0))
