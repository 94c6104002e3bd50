"""The participants of a session as an editable table, and the question asked on removal.

The table model reads the live session and writes only through the page's edits; a
last, empty row ("type a name to add a participant…") adds a participant once a name
is typed, so no participant without a name ever exists. After each change the model
works out what happened to its rows (one added, one removed, rows reordered) and tells
the view exactly that, so the selection and an open editor stay where they were.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from workshop.domain.edits import preparation as edits
from workshop.domain.model import MAX_NAME, MAX_TEXT, Participant, Session
from workshop.domain.perspectives import match_perspective, perspective_choices, perspective_label
from workshop.i18n import N_, current_language, tr
from workshop.ui.commands import make_action

COLUMNS: tuple[str, ...] = (
    "present", "name", "organisation", "role", "perspective", "represents", "mandate",
)

PRESENT, NAME, ORGANISATION, ROLE, PERSPECTIVE, REPRESENTS, MANDATE = range(len(COLUMNS))

HEADERS = (N_("Present"), N_("Name"), N_("Organisation"), N_("Role"),
           N_("Perspective / sector"), N_("Represents"), N_("Mandate"))

Edit = Callable[..., bool]

"""``page.try_edit(label, operation, *args)``: one undoable edit of the page; False when
refused or unchanged."""

_TIP_LIMIT = 2000

def plain_tooltip(text: str) -> str:
    """A tooltip that shows user text literally (Qt would render markup in a plain one)."""
    if len(text) > _TIP_LIMIT:
        text = text[:_TIP_LIMIT] + "…"
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"

def one_line(text: str) -> str:
    return " ".join(text.split("\n"))

class ParticipantsModel(QAbstractTableModel):
    """Rows are the session's participants in order, plus the row for a new one."""

    sig_added = Signal(str)
    """A participant was added by typing a name in the new row (their id)."""

    def __init__(self, session: Callable[[], Session], edit: Edit, add: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._edit = edit
        self._add = add
        self._ids: list[str] = [p.id for p in session().participants]
        self._shown = [_row_values(p) for p in session().participants]
        """What each row showed at the last sync, to signal only the rows that changed."""

    # --- reading -------------------------------------------------------------------

    def new_row(self) -> int:
        return len(self._ids)

    def participant(self, row: int) -> Participant | None:
        people = self._session().participants
        return people[row] if 0 <= row < len(people) else None

    def row_of(self, participant_id: str) -> int:
        return self._ids.index(participant_id) if participant_id in self._ids else -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids) + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return tr(HEADERS[section]) if 0 <= section < len(HEADERS) else None
        return "*" if section == len(self._ids) else str(section + 1)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.row() == len(self._ids):
            return base | Qt.ItemFlag.ItemIsEditable if index.column() == NAME else base
        if index.column() == PRESENT:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = index.row(), index.column()
        if row == len(self._ids):
            if column != NAME:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return tr("Type a new name…")
            if role == Qt.ItemDataRole.EditRole:
                return ""
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#707070")
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        person = self.participant(row)
        if person is None:
            return None
        if column == PRESENT:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if person.present else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr("Present") if person.present else tr("Absent")
            return None
        value: str = getattr(person, COLUMNS[column])
        if column == PERSPECTIVE:  # a key is shown in words, in the language of the screen
            value = perspective_label(value, current_language())
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(value[:500])
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(value) if value else None
        if role == Qt.ItemDataRole.ForegroundRole and not person.present:
            return QColor("#707070")
        return None

    # --- writing -------------------------------------------------------------------

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        row, column = index.row(), index.column()
        if row == len(self._ids):
            name = str(value).strip()
            if column != NAME or not name:
                return False
            added = self._add(name)
            if added:
                self.sig_added.emit(added)
            return bool(added)
        person = self.participant(row)
        if person is None:
            return False
        pid = person.id
        if column == PRESENT and role == Qt.ItemDataRole.CheckStateRole:
            present = Qt.CheckState(value) == Qt.CheckState.Checked
            label = tr("Mark {name} present", name=person.name[:80]) if present else \
                tr("Mark {name} absent", name=person.name[:80])
            return self._edit(label, edits.set_participant_field, pid, "present", present)
        if role != Qt.ItemDataRole.EditRole or column == PRESENT:
            return False
        field = COLUMNS[column]
        text = str(value).strip() if field == "name" else str(value)
        if field == "perspective":  # a known perspective, in any language, is kept as its key
            text = match_perspective(text.strip())
        if getattr(person, field) == text:
            return True
        label = tr("Edit {field} of {name}", field=tr(HEADERS[column]).lower(),
                   name=person.name[:80])
        if field == "organisation":  # a rename carries what the organisation owns along
            return self._edit(label, edits.set_organisation, pid, text)
        return self._edit(label, edits.set_participant_field, pid, field, text)

    # --- following the session ------------------------------------------------------

    def sync(self) -> None:
        """Catch up with the session after any change, telling the view precisely what."""
        new = [p.id for p in self._session().participants]
        old = self._ids
        root = QModelIndex()
        if new == old:
            pass
        elif len(new) > len(old) and new[:len(old)] == old:
            # Appended (typed in the new row, or imported): the new row becomes the first
            # of them, so an editor open on it stays on that participant.
            self.beginInsertRows(root, len(old) + 1, len(new))
            self._ids = new
            self.endInsertRows()
        elif len(new) == len(old) + 1 and (k := _single_difference(new, old)) >= 0:
            self.beginInsertRows(root, k, k)
            self._ids = new
            self.endInsertRows()
        elif len(new) + 1 == len(old) and (k := _single_difference(old, new)) >= 0:
            self.beginRemoveRows(root, k, k)
            self._ids = new
            self.endRemoveRows()
        elif sorted(new) == sorted(old):
            self.layoutAboutToBeChanged.emit()
            moved_from, moved_to = [], []
            position = {pid: row for row, pid in enumerate(new)}
            for index in self.persistentIndexList():
                if index.row() < len(old):
                    moved_from.append(index)
                    moved_to.append(self.index(position[old[index.row()]], index.column()))
            self._ids = new
            self.changePersistentIndexList(moved_from, moved_to)
            self.layoutChanged.emit()
        else:
            self.beginResetModel()
            self._ids = new
            self.endResetModel()
        rows = [_row_values(p) for p in self._session().participants]
        last = len(COLUMNS) - 1
        for row, values in enumerate(rows):
            if row >= len(self._shown) or self._shown[row] != values:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        self._shown = rows
        if len(new) != len(old):
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._ids))

def _row_values(person: Participant) -> tuple[object, ...]:
    return tuple(getattr(person, field) for field in COLUMNS)

def _single_difference(longer: list[str], shorter: list[str]) -> int:
    """The index k where ``longer`` equals ``shorter`` with one element inserted, or -1."""
    k = next((i for i, (a, b) in enumerate(zip(longer, shorter, strict=False)) if a != b),
             len(shorter))
    return k if longer[:k] + longer[k + 1:] == shorter else -1

class ParticipantDelegate(QStyledItemDelegate):
    """Line editors, and an editable list of common perspectives (labels shown, keys stored)."""

    def __init__(self, session: Callable[[], Session], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        column = index.column()
        if column == PERSPECTIVE:
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            # Labels shown, keys kept as item data; the facilitator's own perspectives of
            # this session come before "Other", as they typed them.
            choices = perspective_choices(current_language())
            own = list(dict.fromkeys(
                person.perspective for person in self._session().participants
                if person.perspective.strip() and match_perspective(person.perspective)
                == person.perspective and person.perspective not in dict(choices)))
            choices[-1:-1] = [(text, text) for text in own]
            for key, text in choices:
                combo.addItem(one_line(text), key)
            combo.setAccessibleName(tr(HEADERS[column]))
            return combo
        editor = QLineEdit(parent)
        editor.setAccessibleName(tr(HEADERS[column]))
        editor.setFrame(False)
        if index.row() == index.model().rowCount() - 1:
            editor.setPlaceholderText(tr("Name of the new participant"))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex  # noqa: N802
                      ) -> None:
        line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
        if not isinstance(line, QLineEdit) or line.isModified():
            return  # never overwrite what is being typed (Qt calls this on every change)
        line.setMaxLength(MAX_TEXT if index.column() == MANDATE else MAX_NAME)  # the file's
        value = one_line(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        if isinstance(editor, QComboBox):
            editor.setCurrentText(value)
            line.selectAll()
        else:
            line.setText(value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> None:
        text = editor.currentText() if isinstance(editor, QComboBox) else \
            editor.text() if isinstance(editor, QLineEdit) else ""
        original = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if text == one_line(original):
            return  # untouched: keep line breaks the field may hold
        model.setData(index, text, Qt.ItemDataRole.EditRole)

class ParticipantsView(QTableView):
    """The table, operated from the keyboard like a spreadsheet."""

    sig_remove = Signal()
    """Delete was pressed on a participant's row."""
    sig_move = Signal(int)
    """Ctrl+Shift+Up (-1) or Ctrl+Shift+Down (+1) on a participant's row."""

    def __init__(self, model: ParticipantsModel, delegate: ParticipantDelegate,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("participantsTable")
        self.setModel(model)
        self.setItemDelegate(delegate)
        self._model = model
        self._just_added = False
        model.sig_added.connect(self._on_added)
        self.setAccessibleName(tr("Participants"))
        # Moving and removing, from the command registry: keys of the table itself, so
        # Del in a cell's editor stays the editor's.
        make_action("participants.up", self, lambda: self.sig_move.emit(-1))
        make_action("participants.down", self, lambda: self.sig_move.emit(1))
        make_action("participants.remove", self, self._remove_current)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.SelectedClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def fit_columns(self) -> None:
        """Share the width out: names and organisations first, long texts last."""
        header = self.horizontalHeader()
        header.resizeSection(PRESENT, max(header.sectionSizeHint(PRESENT), 70))
        width = max(self.viewport().width() - header.sectionSize(PRESENT), 600)
        shares = {NAME: 0.16, ORGANISATION: 0.18, ROLE: 0.14, PERSPECTIVE: 0.15,
                  REPRESENTS: 0.15}
        for column, share in shares.items():
            # never narrower than its heading ("Vertegenwoordigt" in Dutch)
            header.resizeSection(column, max(int(width * share), header.sectionSizeHint(column)))

    def current_row(self) -> int:
        """The participant row with the cursor, or -1 (none, or the new row)."""
        row = self.currentIndex().row()
        return row if 0 <= row < self._model.new_row() else -1

    def edit_new_row(self) -> None:
        index = self._model.index(self._model.new_row(), NAME)
        self.setFocus()
        self.scrollTo(index)
        self.setCurrentIndex(index)
        self.edit(index)

    def _on_added(self, _participant_id: str) -> None:
        self._just_added = True

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        """Enter after a new name: on to the next new participant (Tab: their details)."""
        again = self._just_added and hint in (QAbstractItemDelegate.EndEditHint.NoHint,
                                              QAbstractItemDelegate.EndEditHint.SubmitModelCache)
        self._just_added = False
        super().closeEditor(editor, hint)
        if again:
            QTimer.singleShot(0, self.edit_new_row)

    def moveCursor(self, action: QAbstractItemView.CursorAction,  # noqa: N802 (Qt's name)
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Tab runs through a row's text cells, then on to the next row's Name.

        Qt's Tab would wrap from the last cell to the Present checkbox of the next row,
        where a name typed next is lost; Present is reached with the arrows or a click.
        """
        index = self.currentIndex()
        cursor = QAbstractItemView.CursorAction
        if index.isValid() and action in (cursor.MoveNext, cursor.MovePrevious):
            row, column = index.row(), index.column()
            last = len(COLUMNS) - 1
            if action == cursor.MoveNext:
                if column >= last:
                    row, column = row + 1, NAME
                else:
                    column = max(column + 1, NAME)
            elif column <= NAME:
                row, column = row - 1, last
            else:
                column -= 1
            if 0 <= row < self._model.rowCount():
                return self._model.index(row, column)
            return index
        return super().moveCursor(action, modifiers)

    def _remove_current(self) -> None:
        if self.current_row() >= 0:
            self.sig_remove.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter opens the cell's editor (or ticks "present"): the table's own editing,
        not a command (moving and removing are the registry's actions)."""
        key, mods = event.key(), event.modifiers()
        editing = self.state() == QAbstractItemView.State.EditingState
        if (not editing and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and mods == Qt.KeyboardModifier.NoModifier):
            index = self.currentIndex()
            if index.isValid() and index.column() == PRESENT:
                state = index.data(Qt.ItemDataRole.CheckStateRole)
                checked = Qt.CheckState(state) == Qt.CheckState.Checked
                self._model.setData(index, Qt.CheckState.Unchecked if checked
                                    else Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
                return
            if index.isValid() and self.edit(index, QAbstractItemView.EditTrigger.EditKeyPressed,
                                             event):
                return
        super().keyPressEvent(event)
