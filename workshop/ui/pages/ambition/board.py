"""The card board of the shared ambition: a column per cluster, clustering and dot voting.

Every gesture has a key: the facilitator sorts cards while someone speaks, so moving a
card (Ctrl+arrow, or M and a few letters of the cluster), making a cluster (N), naming
it (Shift+F2) and giving a dot (Space) never need the mouse. Dragging does the same for
the touch screen. All changes are edits of the document; the board only shows the
session and asks for edits through ``edits`` (see ``ambition_edits``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontMetrics,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.labels import THE_TABLE
from workshop.domain.model import Card, Session
from workshop.i18n import current_language, tr
from workshop.ui.commands import COMMANDS, key_hint, make_action
from workshop.ui.document import SessionDocument
from workshop.ui.pages.ambition.cards import (
    CARD_MIME,
    ID_ROLE,
    CardFace,
    CardListView,
    decode_ids,
)
from workshop.ui.pages.ambition.columns import (
    ClusterColumn,
    ClusterNameEdit,
    count_text,
    voter_name,
)
from workshop.ui.pages.ambition.edits import NEW_CLUSTER, AmbitionEdits, dots_used
from workshop.ui.pages.ambition.picker import ChoicePicker
from workshop.ui.restyle import restyle

if TYPE_CHECKING:
    from workshop.ui.pages.ambition.columns import ColumnKey



"""A cluster's id, or None for the cards that are not clustered yet."""


"""A long name is cut in the voter list, so "(2 left)" stays in sight; the tooltip has
it whole."""

class BoardCanvas(QWidget):
    """The columns side by side; a drop on empty space makes a new cluster."""

    def __init__(self, board: AmbitionBoard) -> None:
        super().__init__()
        self.board = board
        self.setAcceptDrops(True)
        self.setObjectName("boardCanvas")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        self.board.accept_card_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        self.board.accept_card_drag(event)
        self.board.autoscroll(self.mapTo(self.board, event.position().toPoint()))

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self.board.drop_cards(event, NEW_CLUSTER)

class AmbitionBoard(QWidget):
    """Voting bar, the columns of cards, and a line of keys."""

    sig_escape = Signal()
    """The facilitator pressed Esc on the board: back to the card entry."""
    sig_current_view = Signal(object)
    """The column whose cards now have the focus (a CardListView), for the tab order."""
    sig_highlight = Signal(str)
    """A card's or cluster's id: the item under discussion."""

    def __init__(self, document: SessionDocument, edits: AmbitionEdits,
                 message: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.edits = edits
        self.message = message
        self.voter_id: str | None = None
        self._faces: dict[str, CardFace] = {}
        self._made_of: dict[str, Card] = {}  # card id -> the record its face was made of
        self._face_inputs: tuple[object, ...] = ()  # what every face was made with
        self._remaining_shown: object = None  # what the voters' list was written for
        self._column_of: dict[str, ColumnKey] = {}
        self.columns: dict[ColumnKey, ClusterColumn] = {}
        self._order: list[ColumnKey] = []
        self._current: ColumnKey = None
        self._key_actions: list[QAction] = []
        metrics = QFontMetrics(self.font())
        self.column_width = max(230, metrics.averageCharWidth() * 36)
        self._build()
        self.picker = ChoicePicker(self, tr("Move to… (type to narrow, Enter moves, Esc "
                                            "cancels)"), tr("Move to cluster"))
        self.picker.sig_chosen.connect(self._on_picked)
        self.picker.sig_cancelled.connect(self._on_pick_cancelled)
        self._picking: tuple[ColumnKey, list[str], int] | None = None
        self.voter_picker = ChoicePicker(self, tr("Who is voting? (type a name, Enter)"),
                                         tr("Who is voting"))
        self.voter_picker.sig_chosen.connect(self._on_voter_picked)
        self.voter_picker.sig_cancelled.connect(
            lambda refocus: self.focus_column(self._current) if refocus else None)

    # --- building ------------------------------------------------------------------

    def _build(self) -> None:
        voting = QHBoxLayout()
        voting.setContentsMargins(0, 0, 0, 0)
        voter_label = QLabel(tr("Dots of"))
        self.voter_combo = QComboBox()
        self.voter_combo.setObjectName("voterCombo")
        self.voter_combo.setAccessibleName(tr("Who is voting"))
        self.voter_combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.voter_combo.setToolTip(tr("Ctrl+↑/↓ on the board, or V: choose who is voting"))
        self.voter_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.voter_combo.setMinimumContentsLength(22)
        self.voter_combo.activated.connect(self._on_voter_activated)
        voter_label.setBuddy(self.voter_combo)
        self.remaining = QLabel()
        self.remaining.setObjectName("dotsLeft")
        self.remaining.setTextFormat(Qt.TextFormat.PlainText)
        budget_label = QLabel(tr("Dots per participant"))
        self.budget = QSpinBox()
        self.budget.setObjectName("voteBudget")
        self.budget.setRange(0, 100)
        self.budget.setKeyboardTracking(False)
        self.budget.setAccessibleName(tr("Dots per participant"))
        self.budget.valueChanged.connect(self._on_budget_changed)
        budget_label.setBuddy(self.budget)
        voting.addWidget(voter_label)
        voting.addWidget(self.voter_combo)
        voting.addWidget(self.remaining)
        voting.addStretch(1)
        voting.addWidget(budget_label)
        voting.addWidget(self.budget)

        self.canvas = BoardCanvas(self)
        self.columns_layout = QHBoxLayout(self.canvas)
        self.columns_layout.setContentsMargins(0, 0, 0, 0)
        self.columns_layout.setSpacing(6)
        self.drop_zone = QPushButton(tr("New cluster\n(N, or drop cards here)"))
        self.drop_zone.setObjectName("newClusterZone")
        self.drop_zone.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Two thirds of a column, or what its longest line needs (Dutch runs longer)
        widest = max(self.drop_zone.fontMetrics().horizontalAdvance(line)
                     for line in self.drop_zone.text().splitlines())
        self.drop_zone.setFixedWidth(max(self.column_width * 2 // 3, widest + 2 * (8 + 2) + 8))
        self.drop_zone.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.drop_zone.setStyleSheet("QPushButton { border: 2px dashed #b0b0b0; color: #5b5b5b;"
                                     " border-radius: 6px; padding: 8px; background: none; }"
                                     " QPushButton:hover { border-color: #1565c0; }")
        self.drop_zone.clicked.connect(
            lambda: self.new_cluster(self.current_view().selected_ids()))
        self.columns_layout.addWidget(self.drop_zone)
        self.columns_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("board")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidget(self.canvas)
        self.canvas.setStyleSheet(
            "QFrame#clusterColumn { background: #f1f1ee; border: 1px solid #dcdcd6;"
            " border-radius: 6px; }"
            " QLineEdit#clusterName { background: transparent;"
            " border: 1px solid transparent; padding: 2px; }"
            " QLineEdit#clusterName:focus { background: white; border: 1px solid #1565c0; }")

        self.keys = QLabel(tr(
            "{keys}. Dots: blue are the voter's, red the others'.", keys=key_hint(
                ("cards.previous_column", "cards.next_column"),
                ("cards.move_left", "cards.move_right"), "cards.move_to", "cards.new_cluster",
                "cards.name_cluster", "cards.edit", "cards.remove", "cards.remove_cluster",
                ("cards.dot", "cards.undot"), ("cards.previous_voter", "cards.next_voter"),
                "cards.back", colon=False)))
        self.keys.setObjectName("boardKeys")
        self.keys.setWordWrap(True)
        self.keys.setStyleSheet("color: #5b5b5b;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(voting)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.keys)

    # --- showing the session -------------------------------------------------------

    @property
    def session(self) -> Session:
        return self.document.session

    def face(self, card_id: str) -> CardFace | None:
        return self._faces.get(card_id)

    def refresh(self, areas: frozenset[str]) -> None:
        s = self.session
        if not areas or "participants" in areas:
            self._refresh_voters()
        ambition = s.ambition
        names = {p.id: p.name for p in s.participants}
        table = tr(THE_TABLE)
        totals: dict[str, int] = {}
        mine: dict[str, int] = {}
        for vote in ambition.votes:
            totals[vote.card_id] = totals.get(vote.card_id, 0) + vote.dots
            if vote.participant_id == self.voter_id:
                mine[vote.card_id] = vote.dots
        # A card is a record never changed once made: while the names and the dots are
        # those the faces were made with, a card that is the same record keeps its face
        # (an edit among 1,000 cards makes the faces of the cards it made).
        inputs = (names, table, totals, mine)
        same = inputs == self._face_inputs
        self._face_inputs = inputs
        made_of = self._made_of if same else {}
        old_faces = self._faces
        faces: dict[str, CardFace] = {}
        made: dict[str, Card] = {}
        ids: dict[ColumnKey, list[str]] = {None: []}
        ids.update((c.id, []) for c in ambition.clusters)
        column_of: dict[str, ColumnKey] = {}
        for card in ambition.cards:
            cid = card.id
            if made_of.get(cid) is card:
                faces[cid] = old_faces[cid]
            else:
                author = names.get(card.author_id, table) if card.author_id else table
                faces[cid] = CardFace(card.text, author, totals.get(cid, 0), mine.get(cid, 0))
            made[cid] = card
            key = card.cluster_id if card.cluster_id in ids else None
            ids[key].append(cid)
            column_of[cid] = key
        self._made_of = made
        self._faces = faces
        self._column_of = column_of
        self._sync_columns([None] + [c.id for c in ambition.clusters])
        for key, column in self.columns.items():
            column.set_ids(ids[key])
            dots = sum(faces[i].dots for i in ids[key])
            column.summary.setText(count_text(len(ids[key]), dots))
            if column.name_edit is not None:
                column.name_edit.refresh()
                if not column.name_edit.hasFocus():
                    column.name_edit.setCursorPosition(0)
        relayout: set[ColumnKey] = set()
        for card_id, face in faces.items():
            before = old_faces.get(card_id)
            if before is not None and before is not face and before != face:
                key = column_of[card_id]
                self.columns[key].model.changed(card_id)
                if before.text != face.text:
                    relayout.add(key)
        for key in relayout:
            self.columns[key].view.scheduleDelayedItemsLayout()
        if self.budget.value() != ambition.vote_budget:
            self.budget.blockSignals(True)
            self.budget.setValue(ambition.vote_budget)
            self.budget.blockSignals(False)
        self._refresh_remaining()

    def _sync_columns(self, order: list[ColumnKey]) -> None:
        for key in [k for k in self.columns if k not in order]:
            column = self.columns.pop(key)
            if column.isAncestorOf(self.focusWidget() or self) or self._current == key:
                self._current = None
                self.focus_column(None, focus=column.isAncestorOf(self.focusWidget() or self))
            column.hide()
            column.setParent(None)
            column.deleteLater()
        for key in order:
            if key not in self.columns:
                self.columns[key] = ClusterColumn(self, key)
        if order != self._order:
            for key in order:
                self.columns_layout.removeWidget(self.columns[key])
            for index, key in enumerate(order):
                self.columns_layout.insertWidget(index, self.columns[key])
                if self.canvas.isVisible():
                    # Shown now, not on the layout's next pass: the keys of a new column
                    # (shortcuts, which act only on a visible list) work at once.
                    self.columns[key].show()
            self._order = list(order)
        if self._current not in self.columns:
            self._current = None
        self._set_tab_stop(self._current)

    def _refresh_voters(self) -> None:
        present = [p for p in self.session.participants if p.present]
        ids = [p.id for p in present]
        if self.voter_id not in ids:
            self.voter_id = ids[0] if ids else None
        combo = self.voter_combo
        combo.blockSignals(True)
        combo.clear()
        self._remaining_shown = None  # the list's texts are written again
        for p in present:
            combo.addItem(voter_name(p.name), p.id)
            combo.setItemData(combo.count() - 1, p.name, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(self.voter_id)))
        combo.blockSignals(False)

    def _refresh_remaining(self) -> None:
        budget = self.session.ambition.vote_budget
        used = dots_used(self.session)
        names = {p.id: p.name for p in self.session.participants}
        shown = (budget, used, names, current_language())
        if shown != self._remaining_shown:  # (a card's edit leaves the list as it was)
            self._remaining_shown = shown
            for row in range(self.voter_combo.count()):
                pid = str(self.voter_combo.itemData(row))
                if pid in names:
                    self.voter_combo.setItemText(row, tr(
                        "{name} ({left} left)", name=voter_name(names[pid]),
                        left=max(0, budget - used.get(pid, 0))))
        if self.voter_id is None:
            self.remaining.setText(tr("Nobody present to vote"))
            return
        left = max(0, budget - used.get(self.voter_id, 0))
        self.remaining.setText(tr("{left} of {budget} dots left", left=left, budget=budget))
        restyle(self.remaining, "font-weight: bold; color: #b00020;" if left == 0
                else "font-weight: bold;")

    def _on_budget_changed(self, value: int) -> None:
        if not self.edits.set_budget(value):
            self.budget.blockSignals(True)
            self.budget.setValue(self.session.ambition.vote_budget)
            self.budget.blockSignals(False)

    # --- the voter -----------------------------------------------------------------

    def set_voter(self, participant_id: str | None) -> None:
        if participant_id == self.voter_id:
            return
        self.voter_id = participant_id
        self.voter_combo.setCurrentIndex(max(0, self.voter_combo.findData(participant_id)))
        self.refresh(frozenset({"ambition"}))

    def cycle_voter(self, delta: int) -> None:
        count = self.voter_combo.count()
        if count == 0:
            self.message(tr("Nobody is present to vote."))
            return
        row = (self.voter_combo.currentIndex() + delta) % count
        self.set_voter(str(self.voter_combo.itemData(row)))

    def _on_voter_activated(self, row: int) -> None:
        self.set_voter(str(self.voter_combo.itemData(row)))
        self.focus_column(self._current)

    # --- focus and columns ---------------------------------------------------------

    def in_sight(self, widget: QWidget) -> bool:
        """Whether ``widget`` (inside the board) lies, at least in part, in the visible
        part of the board's scroll area."""
        viewport = self.scroll_area.viewport()
        if not viewport.isAncestorOf(widget):
            return True
        return QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size()).intersects(
            viewport.rect())

    def current_view(self) -> CardListView:
        return self.columns[self._current if self._current in self.columns else None].view

    def _set_tab_stop(self, key: ColumnKey) -> None:
        for k, column in self.columns.items():
            column.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus if k == key
                                       else Qt.FocusPolicy.ClickFocus)

    def column_focused(self, view: CardListView) -> None:
        if self._current != view.cluster_id or view.focusPolicy() != Qt.FocusPolicy.StrongFocus:
            self._current = view.cluster_id
            self._set_tab_stop(view.cluster_id)
            self.sig_current_view.emit(view)

    def card_current(self, card_id: str) -> None:
        self.sig_highlight.emit(card_id)

    def focus_column(self, key: ColumnKey, card_id: str | None = None, row: int | None = None,
                     focus: bool = True) -> None:
        """Put the focus on a column, on ``card_id`` or at ``row`` (clamped) if given."""
        column = self.columns.get(key) or self.columns.get(None)
        if column is None:
            return
        view = column.view
        self._current = column.key
        self._set_tab_stop(column.key)
        model = column.model
        if card_id is not None:
            row = model.row_of(card_id)
        if row is not None and model.rowCount() > 0:
            row = min(max(row, 0), model.rowCount() - 1)
            index = model.index(row, 0)
            view.selectionModel().setCurrentIndex(
                index, view.selectionModel().SelectionFlag.ClearAndSelect)
            view.scrollTo(index)
        if focus:
            view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll_area.ensureWidgetVisible(column, 0, 0)
        self.sig_current_view.emit(view)

    def focus_cluster_name(self, key: ColumnKey) -> None:
        column = self.columns.get(key)
        if column is None or column.name_edit is None:
            self.message(tr("“Not clustered” has no name to edit; choose a cluster's column."))
            return
        self.scroll_area.ensureWidgetVisible(column, 0, 0)
        column.name_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        column.name_edit.selectAll()
        self.sig_highlight.emit(str(key))

    # --- keys ----------------------------------------------------------------------

    def add_key_actions(self, view: CardListView) -> None:
        """The command registry's keys of the board, on one column of cards (a widget
        shortcut on the list: a card's editor keeps its keys, and the letters here are
        commands, never typing). One set of actions for the whole board, added to every
        column's list: each acts on the list that has the focus. (An action per list and
        command made 26 columns × 25 actions on the first visit of a large board.)"""
        if not self._key_actions:
            self._key_actions = self._make_key_actions()
        view.addActions(self._key_actions)

    def _make_key_actions(self) -> list[QAction]:
        view = self._key_view
        on: dict[str, Callable[[], object]] = {
            "cards.previous_column": lambda: self.step_column(view(), -1),
            "cards.next_column": lambda: self.step_column(view(), 1),
            "cards.move_left": lambda: self.move_by_key(view(), -1),
            "cards.move_right": lambda: self.move_by_key(view(), 1),
            "cards.move_to": lambda: self.open_picker(view()),
            "cards.new_cluster": lambda: self.new_cluster(view().selected_ids()),
            "cards.name_cluster": lambda: self.focus_cluster_name(view().cluster_id),
            "cards.edit": lambda: self.edit_card(view()),
            "cards.remove": lambda: self.remove_cards(view()),
            "cards.remove_cluster": lambda: self.remove_cluster(view()),
            "cards.dot": lambda: self.vote(view(), +1),
            "cards.undot": lambda: self.vote(view(), -1),
            "cards.previous_voter": lambda: self.cycle_voter(-1),
            "cards.next_voter": lambda: self.cycle_voter(1),
            "cards.choose_voter": lambda: self.open_voter_picker(view()),
            "cards.back": lambda: self.sig_escape.emit(),
        }
        made = [make_action(command_id, self, slot) for command_id, slot in on.items()]
        made += [make_action("cards.voter", self, self._voter_number(number), keys=[key])
                 for number, key in enumerate(COMMANDS["cards.voter"].keys, start=1)]
        for action in made:  # the lists' keys, not the board's own (it takes no focus)
            self.removeAction(action)
        return made

    def _key_view(self) -> CardListView:
        """The list a key acts on: the one with the focus (a widget shortcut fires only
        there), else the current column's."""
        focus = QApplication.focusWidget()
        if isinstance(focus, CardListView) and focus.board is self \
                and focus.cluster_id in self.columns:
            return focus
        return self.current_view()

    def _voter_number(self, number: int) -> Callable[[], None]:
        def choose() -> None:
            if number <= self.voter_combo.count():
                self.set_voter(str(self.voter_combo.itemData(number - 1)))
        return choose

    def step_column(self, view: CardListView, delta: int) -> None:
        """←/→: the neighbouring column, at the same height."""
        index = self._order.index(view.cluster_id) + delta
        if 0 <= index < len(self._order):
            self.focus_column(self._order[index], row=max(view.currentIndex().row(), 0))

    def edit_card(self, view: CardListView) -> None:
        index = view.currentIndex()
        if not index.isValid():
            self.message(tr("Choose a card first."))
            return
        view.edit(index)

    def remove_cards(self, view: CardListView) -> None:
        ids, row = view.selected_ids(), view.currentIndex().row()
        if ids and self.edits.remove_cards(ids):
            self.focus_column(view.cluster_id, row=row)

    def remove_cluster(self, view: CardListView) -> None:
        if view.cluster_id is None:
            self.message(tr("“Not clustered” cannot be removed."))
        else:
            self.edits.remove_cluster(view.cluster_id)

    def vote(self, view: CardListView, delta: int) -> None:
        index = view.currentIndex()
        if not index.isValid():
            self.message(tr("Choose a card first."))
            return
        self.edits.vote(self.voter_id, str(index.data(ID_ROLE)), delta)

    def move_by_key(self, view: CardListView, delta: int) -> None:
        """Ctrl+←/→: the selected cards go to the next column; the focus follows them."""
        ids = view.selected_ids()
        if not ids:
            self.message(tr("Choose a card first."))
            return
        index = self._order.index(view.cluster_id) + delta
        if index < 0:
            return
        if index >= len(self._order):
            self.new_cluster(ids)
            return
        target = self._order[index]
        if self.edits.move_cards(ids, target):
            self._select(target, ids)

    def _select(self, key: ColumnKey, ids: list[str]) -> None:
        column = self.columns.get(key)
        if column is None:
            return
        self.focus_column(key, card_id=ids[0])
        selection = column.view.selectionModel()
        for card_id in ids[1:]:
            row = column.model.row_of(card_id)
            if row >= 0:
                selection.select(column.model.index(row, 0), selection.SelectionFlag.Select)

    def new_cluster(self, ids: list[str]) -> None:
        """A new cluster with ``ids`` in it; the focus goes to its name."""
        cluster_id = self.edits.new_cluster(ids)
        if cluster_id is not None and cluster_id in self.columns:
            self.focus_cluster_name(cluster_id)

    def _below_current(self, view: CardListView) -> QPoint:
        rect = view.visualRect(view.currentIndex())
        return view.viewport().mapTo(self, rect.bottomLeft() if rect.isValid()
                                     else QPoint(0, 0))

    def open_picker(self, view: CardListView) -> None:
        """M: move the selected cards to a cluster chosen by typing part of its name."""
        ids = view.selected_ids()
        if not ids:
            self.message(tr("Choose a card first."))
            return
        entries: list[tuple[object, str]] = [
            (key, self.columns[key].title()) for key in self._order if key != view.cluster_id]
        entries.append((NEW_CLUSTER, tr("New cluster")))
        self._picking = (view.cluster_id, ids, view.currentIndex().row())
        self.picker.open(entries, self._below_current(view))

    def _on_picked(self, key: object) -> None:
        picking, self._picking = self._picking, None
        if picking is None:
            return
        source, ids, row = picking
        if key == NEW_CLUSTER:
            self.new_cluster(ids)
            return
        target = key if isinstance(key, str) else None
        if self.edits.move_cards(ids, target):
            name = self.columns[target].title() if target in self.columns else ""
            self.message(tr("Moved to “{cluster}”.", cluster=name))
        self.focus_column(source, row=row)

    def _on_pick_cancelled(self, refocus: bool) -> None:
        picking, self._picking = self._picking, None
        if picking is not None and refocus:
            self.focus_column(picking[0], row=picking[2])

    def open_voter_picker(self, view: CardListView) -> None:
        """V: choose who is voting by typing part of a name."""
        entries: list[tuple[object, str]] = [
            (self.voter_combo.itemData(row), self.voter_combo.itemText(row))
            for row in range(self.voter_combo.count())]
        if not entries:
            self.message(tr("Nobody is present to vote."))
            return
        self.voter_picker.open(entries, self._below_current(view), current=self.voter_id)

    def _on_voter_picked(self, key: object) -> None:
        self.set_voter(key if isinstance(key, str) else None)
        self.focus_column(self._current)

    # --- drag and drop -------------------------------------------------------------

    def accept_card_drag(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        if event.mimeData() is not None and event.mimeData().hasFormat(CARD_MIME):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def drop_cards(self, event: QDropEvent, target: ColumnKey) -> None:
        """Cards dropped on a column (or on empty space: ``NEW_CLUSTER``)."""
        known = self._column_of
        ids = [i for i in decode_ids(event.mimeData()) if i in known]
        if target != NEW_CLUSTER:
            ids = [i for i in ids if known[i] != target]
        if not ids:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        if target == NEW_CLUSTER:
            self.new_cluster(ids)
        elif self.edits.move_cards(ids, target):
            self._select(target, ids)

    def autoscroll(self, pos: QPoint) -> None:
        """While dragging near the left or right edge, scroll the board that way."""
        viewport = self.scroll_area.viewport()
        x = viewport.mapFrom(self, pos).x()
        bar = self.scroll_area.horizontalScrollBar()
        margin = 48
        if x < margin:
            bar.setValue(bar.value() - 24)
        elif x > viewport.width() - margin:
            bar.setValue(bar.value() + 24)

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802
        if (isinstance(watched, ClusterNameEdit) and isinstance(event, QEvent)
                and event.type() == QEvent.Type.FocusIn):
            self.sig_highlight.emit(str(watched.property("cluster_id")))
        return False
