"""Links between interests (overlap or tension): the list of a cell's links and the dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.labels import label
from workshop.domain.model import (
    MAX_TEXT,
    LinkKind,
    Session,
)
from workshop.i18n import current_language, tr
from workshop.ui.commands import make_action
from workshop.ui.pages.interests.entry import _PLAIN, _hint
from workshop.ui.pages.interests.matrix import (
    lock_pixmap,
    muted,
)

CreateLink = Callable[[str, str, LinkKind, str], "str | None"]

class LinksView(QListView):
    """The overlaps and tensions: F2 note, O overlap, T tension, Del remove."""

    sig_remove = Signal()
    sig_kind = Signal(object)
    """Set the selected link's kind (a LinkKind)."""
    sig_escape = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The links' keys, from the command registry (keys of the list itself: the
        # note's editor keeps its own).
        make_action("links.note", self, self._edit_current)
        make_action("links.overlap", self, lambda: self.sig_kind.emit(LinkKind.OVERLAP))
        make_action("links.tension", self, lambda: self.sig_kind.emit(LinkKind.TENSION))
        make_action("links.remove", self, lambda: self.sig_remove.emit())
        make_action("links.back", self, lambda: self.sig_escape.emit())

    def _edit_current(self) -> None:
        current = self.currentIndex()
        if current.isValid() and self.state() != QAbstractItemView.State.EditingState:
            self.edit(current)

class LinkDialog(QDialog):
    """Pick the other interest by typing a few letters, choose overlap or tension."""

    def __init__(self, session: Session, source_id: str, create: CreateLink,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkDialog")
        self.setWindowTitle(tr("Link two interests"))
        self.source_id = source_id
        self._create = create
        source = next(i for i in session.interests.items if i.id == source_id)
        owner = session.participant(source.participant_id)
        owner_name = owner.name if owner else "?"
        intro = QLabel(tr("Mark an overlap or a tension between “{text}” ({name}) and "
                          "an interest of another participant:",
                          text=source.text[:300], name=owner_name))
        intro.setTextFormat(_PLAIN)
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Type a name, an organisation or a few words…"))
        self.search.setAccessibleName(tr("Find the other interest"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.candidates = QListWidget()
        self.candidates.setObjectName("linkCandidates")
        self.candidates.setAccessibleName(tr("Interests to link with"))
        self.candidates.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.candidates.setWordWrap(True)
        self.candidates.setTextElideMode(Qt.TextElideMode.ElideNone)
        grey = muted(self.palette())
        lock = QIcon(lock_pixmap(14, grey))
        own: list[QListWidgetItem] = []
        for item in session.interests.items:
            if item.id == source_id:
                continue
            person = session.participant(item.participant_id)
            name = person.name if person else "?"
            entry = QListWidgetItem(tr("{name} · {kind}: {text}", name=name,
                                       kind=label(item.kind, current_language()),
                                       text=item.text[:300]))
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            key = " ".join((name, person.organisation if person else "",
                            label(item.kind, current_language()), item.text)).casefold()
            entry.setData(Qt.ItemDataRole.UserRole + 1, key)
            if item.private:
                entry.setIcon(lock)
            if item.participant_id == source.participant_id:
                entry.setForeground(QBrush(grey))
                entry.setToolTip(tr("Also {name}'s: a link joins interests of two "
                                    "different participants.", name=name))
                own.append(entry)
            else:
                self.candidates.addItem(entry)
        for entry in own:  # the owner's other interests last: they cannot be linked
            self.candidates.addItem(entry)
        self.overlap = QRadioButton(label(LinkKind.OVERLAP, current_language()))
        self.tension = QRadioButton(label(LinkKind.TENSION, current_language()))
        self.overlap.setChecked(True)
        kinds = QHBoxLayout()
        kinds.addWidget(self.overlap)
        kinds.addWidget(self.tension)
        kinds.addStretch(1)
        explain = _hint(tr("Overlap: both want the same. Tension: serving one interest "
                           "costs the other."))
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_TEXT)
        self.note.setPlaceholderText(tr("Note (optional): what the table said about it"))
        self.note.setAccessibleName(tr("Note"))
        self.message = QLabel()
        self.message.setObjectName("linkMessage")
        self.message.setTextFormat(_PLAIN)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("Link"))
        ok.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.candidates, 1)
        layout.addLayout(kinds)
        layout.addWidget(explain)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        # The two kinds are one stop (arrows choose); Tab from either goes to the note.
        self.setTabOrder(self.search, self.overlap)
        self.setTabOrder(self.overlap, self.tension)
        self.setTabOrder(self.tension, self.note)
        self.search.textChanged.connect(self._on_search_changed)
        self.resize(640, 520)
        self._on_search_changed("")
        self.search.setFocus()

    def _on_search_changed(self, text: str) -> None:
        words = text.casefold().split()
        first = None
        for row in range(self.candidates.count()):
            entry = self.candidates.item(row)
            key = entry.data(Qt.ItemDataRole.UserRole + 1)
            hidden = not all(word in key for word in words)
            entry.setHidden(hidden)
            if not hidden and first is None:
                first = entry
        current = self.candidates.currentItem()
        if (current is None or current.isHidden()) and first is not None:
            self.candidates.setCurrentItem(first)
        self.message.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Arrows in the search field move through the list: the hands stay on the keys.
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
                                    Qt.Key.Key_PageDown)):
            self.candidates.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def chosen_id(self) -> str:
        entry = self.candidates.currentItem()
        if entry is None or entry.isHidden():
            return ""
        return str(entry.data(Qt.ItemDataRole.UserRole))

    def accept(self) -> None:
        other = self.chosen_id()
        if not other:
            self._say(tr("Choose the other interest in the list first."))
            return
        kind = LinkKind.TENSION if self.tension.isChecked() else LinkKind.OVERLAP
        problem = self._create(self.source_id, other, kind, self.note.text().strip())
        if problem:
            self._say(problem)
            return
        super().accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.search.setFocus()
