"""Beside the board: the clusters ranked by dots, and the goals on the quadruple aim."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import ambition as edits
from workshop.domain.labels import label
from workshop.domain.model import Goal, QuadrupleAim, Session
from workshop.i18n import current_language, tr
from workshop.ui.document import SessionDocument
from workshop.ui.pages.ambition.edits import AmbitionEdits
from workshop.ui.widgets import BoundTextEdit, EnumComboBox

ID_ROLE = Qt.ItemDataRole.UserRole


def ranked_clusters(session: Session) -> list[tuple[str, str, int, int]]:
    """(id, name, dots, cards) per cluster, most dots first; ties keep the board order."""
    a = session.ambition
    cluster_of = {card.id: card.cluster_id for card in a.cards}
    cards = Counter(cluster_of.values())
    dots: Counter[str | None] = Counter()
    for vote in a.votes:
        dots[cluster_of.get(vote.card_id)] += vote.dots
    rows = [(c.id, c.name, dots[c.id], cards[c.id]) for c in a.clusters]
    order = {c.id: i for i, c in enumerate(a.clusters)}
    return sorted(rows, key=lambda r: (-r[2], order[r[0]]))


def shared_ranks(rows: list[tuple[str, str, int, int]]) -> list[int]:
    """The rank of each of ``ranked_clusters``' rows: clusters with as many dots share it,
    and the next rank counts them (3, 3, 3, then 6), so no tie is decided by the order
    on the board."""
    ranks: list[int] = []
    for place, row in enumerate(rows, start=1):
        tied = place > 1 and row[2] == rows[place - 2][2]
        ranks.append(ranks[-1] if tied else place)
    return ranks


class TopClusters(QTreeWidget):
    """The clusters ranked by dots: what the statement should carry."""

    sig_open = Signal(str)
    """Show this cluster on the board (Enter or double click)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topClusters")
        self.setAccessibleName(tr("Clusters by dots"))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setHeaderLabels([tr("#"), tr("Cluster"), tr("Dots"), tr("Cards")])
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.itemActivated.connect(lambda item, _col: self.sig_open.emit(item.data(0, ID_ROLE)))
        self._shown: list[tuple[str, str, int, int]] = []

    def refresh(self, session: Session) -> None:
        rows = ranked_clusters(session)
        if rows == self._shown:
            return
        ranks = shared_ranks(rows)
        if [r[0] for r in rows] == [r[0] for r in self._shown]:
            # The same clusters in the same order (a card added or moved): only the
            # changed rows are written, so only they are painted again.
            before = zip(shared_ranks(self._shown), self._shown, strict=True)
            for index, (rank, row, (rank_before, row_before)) in enumerate(
                    zip(ranks, rows, before, strict=True)):
                if (rank, row) != (rank_before, row_before):
                    item = self.topLevelItem(index)
                    assert item is not None
                    self._fill(item, rank, row)
            self._shown = rows
            return
        current = self.currentItem()
        current_id = current.data(0, ID_ROLE) if current is not None else None
        self._shown = rows
        self.clear()
        for rank, row in zip(ranks, rows, strict=True):
            item = QTreeWidgetItem()
            item.setData(0, ID_ROLE, row[0])
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight)
            self._fill(item, rank, row)
            self.addTopLevelItem(item)
            if row[0] == current_id:
                self.setCurrentItem(item)

    def _fill(self, item: QTreeWidgetItem, rank: int,
              row: tuple[str, str, int, int]) -> None:
        """The row's texts, and bold for the top three ranks that drew dots (every
        cluster tied at the third rank too)."""
        _cid, name, dots, cards = row
        for column, text in enumerate((str(rank), name or tr("(unnamed cluster)"),
                                       str(dots), str(cards))):
            if item.text(column) != text:
                item.setText(column, text)
        if item.toolTip(1) != name:
            item.setToolTip(1, name)
        bold = rank <= 3 and dots > 0
        if item.font(0).bold() != bold:
            font = item.font(1)
            font.setBold(bold)
            for column in range(4):
                item.setFont(column, font)


class GoalTextEdit(BoundTextEdit):
    """A goal's text (a sentence or two); Ctrl+Del removes the goal."""

    sig_remove = Signal()
    """Remove this goal."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if (event.key() == Qt.Key.Key_Delete
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
            self.sig_remove.emit()
            return
        super().keyPressEvent(event)


class GoalRow(QWidget):
    """One goal: its aim, its text, a remove button."""

    def __init__(self, document: SessionDocument, goal_id: str,
                 remove: Callable[[str], None]) -> None:
        super().__init__()
        self.goal_id = goal_id

        def find(s: Session) -> Goal | None:
            return next((g for g in s.ambition.goals if g.id == goal_id), None)

        self.aim = EnumComboBox(
            document, list(QuadrupleAim),
            lambda s: (g.aim if (g := find(s)) is not None else None),
            edits.set_goal_aim.given(goal_id), tr("Aim of the goal"), allow_none=False)
        self.text = GoalTextEdit(
            document, lambda s: (g.text if (g := find(s)) else ""),
            edits.set_goal_text.given(goal_id), tr("Goal"), key=f"goal-text-{goal_id}")
        self.text.setObjectName("goalText")
        lines = self.text.fontMetrics().lineSpacing()
        self.text.setFixedHeight(int(lines * 2.6) + 10)
        self.text.sig_remove.connect(lambda: remove(goal_id))
        button = QToolButton()
        button.setText("×")
        button.setAutoRaise(True)
        button.setToolTip(tr("Remove this goal (Ctrl+Del)"))
        button.setAccessibleName(tr("Remove this goal"))
        button.clicked.connect(lambda: remove(goal_id))
        top = QHBoxLayout()
        top.addWidget(self.aim)
        top.addStretch(1)
        top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.text)

    def refresh(self) -> None:
        self.aim.refresh()
        self.text.refresh()


class GoalsEditor(QWidget):
    """Optional goals on the quadruple (quintuple) aim: add, edit, remove."""

    sig_highlight = Signal(str)
    """A goal's id: the goal under discussion."""

    def __init__(self, document: SessionDocument, edits: AmbitionEdits,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.edits = edits
        self.rows: dict[str, GoalRow] = {}
        self._order: list[str] = []
        intro = QLabel(tr("Optional: what the ambition should achieve, per aim of the "
                          "quadruple aim (equity makes it quintuple)."))
        intro.setWordWrap(True)
        self.new_aim = QComboBox()
        self.new_aim.setAccessibleName(tr("Aim of the new goal"))
        for aim in QuadrupleAim:
            self.new_aim.addItem(label(aim, current_language()), aim.value)
        self.new_text = QLineEdit()
        self.new_text.setObjectName("newGoal")
        self.new_text.setAccessibleName(tr("New goal"))
        self.new_text.setPlaceholderText(tr("A goal, e.g. fewer falls among people over 75"))
        self.new_text.returnPressed.connect(self._add)
        add = QPushButton(tr("Add goal"))
        add.clicked.connect(self._add)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_aim)
        new_row.addStretch(1)
        new_row.addWidget(add)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(4)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addLayout(self.rows_box)
        holder_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(new_row)
        layout.addWidget(self.new_text)
        layout.addWidget(scroll, 1)

    def _add(self) -> None:
        aim = QuadrupleAim(self.new_aim.currentData())
        if self.edits.add_goal(aim, self.new_text.text()) is not None:
            self.new_text.clear()
        self.new_text.setFocus()

    def _remove(self, goal_id: str) -> None:
        ids = self._order
        index = ids.index(goal_id) if goal_id in ids else 0
        if self.edits.remove_goal(goal_id):
            rest = [g for g in self._order if g != goal_id]
            if rest:
                self.rows[rest[min(index, len(rest) - 1)]].text.setFocus()
            else:
                self.new_text.setFocus()

    def refresh(self, session: Session) -> None:
        ids = [g.id for g in session.ambition.goals]
        for goal_id in [g for g in self.rows if g not in ids]:
            row = self.rows.pop(goal_id)
            row.hide()
            row.setParent(None)
            row.deleteLater()
        for goal_id in ids:
            if goal_id not in self.rows:
                row = GoalRow(self.document, goal_id, self._remove)
                row.text.installEventFilter(self)
                self.rows[goal_id] = row
            else:
                self.rows[goal_id].refresh()
        if ids != self._order:
            for goal_id in ids:
                self.rows_box.removeWidget(self.rows[goal_id])
            for goal_id in ids:
                self.rows_box.addWidget(self.rows[goal_id])
            self._order = ids

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent

        if isinstance(event, QEvent) and event.type() == QEvent.Type.FocusIn:
            for goal_id, row in self.rows.items():
                if row.text is watched:
                    self.sig_highlight.emit(goal_id)
        return False
