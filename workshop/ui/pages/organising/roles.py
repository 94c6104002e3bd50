"""Roles: chair, portfolio holders per roadmap theme, secretary or programme office, and
who speaks for whom with which mandate.

At the top a kind and Enter add a role; the cursor goes to its holder (a participant or
an organisation, picked as the roadmap picks an action's owner: type part of a name).
The form beside the list edits the selected role; each field is its own undo step and a
run of typing in one field merges into one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import commitments as edits
from workshop.domain.fingerprint import owner_label
from workshop.domain.labels import label
from workshop.domain.model import MAX_TEXT, Role, RoleKind, Session, new_id
from workshop.i18n import N_, current_language, tr
from workshop.ui.must import must
from workshop.ui.pages.base import Page
from workshop.ui.pages.organising.common import (
    EnterAdds,
    ItemTable,
    cell,
    edit_selected,
    heading,
    list_and_editor,
    muted,
)
from workshop.ui.pages.roadmap.actions import OwnerCombo
from workshop.ui.pages.roadmap.actions_model import owner_choices, owner_from_key, owner_key
from workshop.ui.pages.roadmap.rows import one_line

AREA = "commitments.roles"

EXPLAIN: dict[RoleKind, str] = {
    RoleKind.CHAIR: N_("Leads the meetings and guards the process; agree on the term."),
    RoleKind.PORTFOLIO_HOLDER: N_("An executive who carries one theme of the roadmap on "
                                  "behalf of the table."),
    RoleKind.SECRETARY: N_("Prepares the meetings, keeps the minutes and the agreements."),
    RoleKind.PROGRAMME_OFFICE: N_("Supports the programme: planning, progress, "
                                  "communication."),
    RoleKind.REPRESENTATIVE: N_("Speaks for a group of parties, with a mandate: for "
                                "example one alderman for fifteen municipalities."),
}


def role_summary(session: Session, role: Role) -> str:
    """Theme, represented parties and term in one line, for the list."""
    parts = []
    if role.theme.strip():
        parts.append(role.theme.strip())
    if role.represents:
        parts.append(tr("for {organisations}", organisations=", ".join(role.represents)))
    if role.term.strip():
        parts.append(role.term.strip())
    return " · ".join(parts)


class RolesSection(QWidget):
    """The list of roles and the form of the selected one."""

    holder: OwnerCombo

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.page = page
        self._choices = owner_choices(page.session)
        self._organisations: list[str] | None = None
        self._updating = False

        self.new_kind = QComboBox()  # the kind of a new role; Enter adds it
        self.new_kind.setAccessibleName(tr("Kind of role"))
        for kind in RoleKind:
            self.new_kind.addItem(label(kind, current_language()), kind.value)
            self.new_kind.setItemData(self.new_kind.count() - 1, tr(EXPLAIN[kind]),
                                      Qt.ItemDataRole.ToolTipRole)
        EnterAdds(self, self.add_role, self.new_kind)
        self.add_button = QPushButton(tr("Add role"))
        self.add_button.clicked.connect(self.add_role)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_kind, 1)
        add_row.addWidget(self.add_button)
        add_row.addStretch(2)

        # the last heading on two lines: beside the role's form the table is narrow
        self.table = ItemTable([tr("Role"), tr("Holder"),
                                tr("Theme, parties, term").replace(", ", ",\n", 1)])
        self.table.setObjectName("rolesTable")
        # the three share the width, so none runs off the right edge at 1024x768 (a longer
        # role or name elides, whole in its tooltip)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.sig_remove.connect(self.remove)
        self.table.sig_move.connect(self.move_item)
        self.table.sig_activated.connect(lambda _id: self.holder.setFocus())
        self.table.setEditTriggers(ItemTable.EditTrigger.NoEditTriggers)
        self.table.currentCellChanged.connect(lambda *_a: self._show_selected())
        self.table.currentCellChanged.connect(  # the projector lights the role's tile
            lambda *_a: page.sig_highlight.emit(self.table.current_id() or ""))

        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Role"))
        for kind in RoleKind:
            self.kind.addItem(label(kind, current_language()), kind.value)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.explanation = muted()
        self.holder = OwnerCombo(page.session)
        self.holder.setAccessibleName(tr("Holder"))
        self._holder_slot = QVBoxLayout()
        self._holder_slot.setContentsMargins(0, 0, 0, 0)
        self._holder_slot.addWidget(self.holder)
        holder_box = QWidget()
        holder_box.setLayout(self._holder_slot)
        self._connect_holder()
        self.theme = self._line("theme", tr("Theme"),
                                tr("The roadmap theme this portfolio holder carries"))
        self.term = self._line("term", tr("Term"), tr("For example: two years, then rotating"))
        self.represents = QListWidget()
        self.represents.setAccessibleName(tr("Speaks for"))
        self.represents.setMaximumHeight(150)
        self.represents.itemChanged.connect(self._on_represents_changed)
        self.mandate = self._line("mandate", tr("Mandate"),
                                  tr("What the representative may decide alone"))

        form_box = QWidget()
        outer = QVBoxLayout(form_box)
        outer.setContentsMargins(8, 0, 0, 0)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("Role"), self.kind)
        form.addRow("", self.explanation)
        form.addRow(tr("Holder"), holder_box)
        form.addRow(tr("Theme"), self.theme)
        form.addRow(tr("Term"), self.term)
        form.addRow(tr("Speaks for"), self.represents)
        form.addRow(tr("Mandate"), self.mandate)
        self.form_box = form_box

        splitter = list_and_editor(self.table, form_box)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Roles"), tr(
            "Who chairs, who carries which theme, who supports, who speaks for whom. Choose "
            "a role and press Enter to add it; Delete removes, Ctrl+Shift+Up/Down moves.")))
        layout.addLayout(add_row)
        layout.addWidget(splitter, 1)
        self._chain()

    def _chain(self) -> None:
        chain: list[QWidget] = [self.new_kind, self.add_button, self.table, self.kind,
                                self.holder, self.theme, self.term, self.represents,
                                self.mandate]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _line(self, field: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(MAX_TEXT)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda text: self._set_field(field, text, accessible))
        return edit

    @property
    def session(self) -> Session:
        return self.page.session

    def selected(self, session: Session | None = None) -> Role | None:
        item_id = self.table.current_id()
        s = session or self.session
        return next((r for r in s.commitments.roles if r.id == item_id), None)

    # --- showing ---------------------------------------------------------------------

    def refresh(self) -> None:
        s = self.session
        choices = owner_choices(s)
        if choices != self._choices:
            self._choices = choices
            self._replace_holder()
        rows = []
        for r in s.commitments.roles:
            holder = owner_label(s, r.holder) if r.holder else tr("— nobody yet —")
            rows.append([cell(label(r.kind, current_language()), r.id), cell(holder),
                         cell(role_summary(s, r))])
        self.table.fill(rows)
        if self.table.current_id() is None and rows:
            self.table.setCurrentCell(0, 0)
        self._show_selected()

    def _replace_holder(self) -> None:
        old = self.holder
        self.holder = OwnerCombo(self.session)
        self.holder.setAccessibleName(tr("Holder"))
        self._holder_slot.replaceWidget(old, self.holder)
        had_focus = old.hasFocus()
        old.hide()
        old.deleteLater()
        self._connect_holder()
        self._chain()
        if had_focus:
            self.holder.setFocus()

    def _connect_holder(self) -> None:
        self.holder.activated.connect(lambda _i: self._commit_holder())
        must(self.holder.lineEdit()).textEdited.connect(lambda _t: self._commit_holder(typed=True))

    def _show_selected(self) -> None:
        role = self.selected()
        self.form_box.setEnabled(role is not None)
        self._updating = True
        try:
            kind = role.kind if role else RoleKind.CHAIR
            self.kind.setCurrentIndex(self.kind.findData(kind.value))
            self.explanation.setText(tr(EXPLAIN[kind]))
            key = owner_key(role.holder) if role else ""
            if self.holder.currentData() != key or not self.holder.hasFocus():
                if not self.holder.hasFocus():
                    self.holder.set_key(key)
            for edit, value in ((self.theme, role.theme if role else ""),
                                (self.term, role.term if role else ""),
                                (self.mandate, role.mandate if role else "")):
                if edit.text() != value:
                    edit.setText(value)
            organisations = self.session.organisations()
            chosen = set(role.represents) if role else set()
            extra = [o for o in (role.represents if role else []) if o not in organisations]
            names = organisations + extra
            if names != self._organisations or any(
                    (self.represents.item(i).checkState() == Qt.CheckState.Checked)
                    != (names[i] in chosen) for i in range(self.represents.count())):
                self._organisations = names
                self.represents.clear()
                for name in names:
                    item = QListWidgetItem(one_line(name, 100))
                    item.setData(Qt.ItemDataRole.UserRole, name)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                                  | Qt.ItemFlag.ItemIsSelectable)
                    item.setCheckState(Qt.CheckState.Checked if name in chosen
                                       else Qt.CheckState.Unchecked)
                    self.represents.addItem(item)
            is_portfolio = kind is RoleKind.PORTFOLIO_HOLDER
            self.theme.setPlaceholderText(
                tr("The roadmap theme this portfolio holder carries") if is_portfolio
                else tr("Optional: a theme or field"))
        finally:
            self._updating = False

    # --- editing ---------------------------------------------------------------------

    def _edit_selected(self, what: str, field: str, value: object,
                       merge_key: str | None = None) -> bool:
        return edit_selected(self.page.try_edit, self.table, AREA, what, field, value,
                             merge_key)

    def _set_field(self, field: str, text: str, what: str) -> None:
        if not self._updating:
            self._edit_selected(what, field, text, field)

    def _on_kind_changed(self, _index: int) -> None:
        if self._updating:
            return
        kind = RoleKind(self.kind.currentData())
        self.explanation.setText(tr(EXPLAIN[kind]))
        self._edit_selected(tr("Role"), "kind", kind)

    def _commit_holder(self, typed: bool = False) -> None:
        """The holder the text names (typing: each keystroke, merged into one step)."""
        if self._updating or self.selected() is None:
            return
        key = self.holder.chosen_key()
        if key is None:
            self.page.sig_message.emit(tr("Nobody of that name is at the table."))
            return
        owner = owner_from_key(key)
        self._edit_selected(tr("Holder"), "holder", owner,
                            "holder" if typed else None)

    def _on_represents_changed(self, _item: QListWidgetItem) -> None:
        if self._updating:
            return
        chosen = [str(self.represents.item(i).data(Qt.ItemDataRole.UserRole))
                  for i in range(self.represents.count())
                  if self.represents.item(i).checkState() == Qt.CheckState.Checked]
        self._edit_selected(tr("Speaks for"), "represents", chosen)

    def add_role(self) -> None:
        role = Role(id=new_id("role"), kind=RoleKind(self.new_kind.currentData()))
        if self.page.try_edit(tr("Add a role"), edits.add_items, AREA, [role]):
            self.table.select_id(role.id)
            self._show_selected()
            self.holder.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove(self, item_id: str) -> None:
        self.table.remove_item(self.page.try_edit, tr("Remove a role"), AREA, item_id)

    def move_item(self, item_id: str, delta: int) -> None:
        self.table.move_item(self.page.try_edit, tr("Move a role"), AREA, item_id, delta)

    def focus_first(self) -> None:
        self.new_kind.setFocus(Qt.FocusReason.OtherFocusReason)
