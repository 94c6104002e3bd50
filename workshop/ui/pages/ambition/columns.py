"""A cluster's column on the board: its name, its cards, its counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QKeyEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
)

from workshop.domain.edits import ambition as edits
from workshop.domain.model import Session
from workshop.i18n import tr
from workshop.ui.pages.ambition.cards import (
    ID_ROLE,
    CardColumnModel,
    CardListView,
)
from workshop.ui.widgets import BoundLineEdit

if TYPE_CHECKING:
    from workshop.ui.pages.ambition.board import AmbitionBoard



ColumnKey = str | None

VOTER_NAME_CHARS = 18

def voter_name(name: str) -> str:
    return name if len(name) <= VOTER_NAME_CHARS else name[:VOTER_NAME_CHARS - 1].rstrip() + "…"

def count_text(cards: int, dots: int) -> str:
    """"3 cards · 5 dots", with singulars where they belong."""
    card_part = tr("1 card") if cards == 1 else tr("{n} cards", n=cards)
    dot_part = tr("1 dot") if dots == 1 else tr("{n} dots", n=dots)
    return tr("{cards} · {dots}", cards=card_part, dots=dot_part)

class ClusterNameEdit(BoundLineEdit):
    """A cluster's name in its column header; Enter or Esc returns to its cards."""

    sig_done = Signal()
    """Naming is finished: focus goes back to the column's cards."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape,
                           Qt.Key.Key_Down):
            self.sig_done.emit()
            return
        super().keyPressEvent(event)

class ClusterColumn(QFrame):
    """One column: the cluster's name (or "Not clustered"), its totals and its cards."""

    def __init__(self, board: AmbitionBoard, key: ColumnKey) -> None:
        super().__init__()
        self.board = board
        self.key = key
        self.setObjectName("clusterColumn")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAcceptDrops(True)
        self.setFixedWidth(board.column_width)
        self.name_edit: ClusterNameEdit | None = None
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        if key is None:
            title = QLabel(tr("Not clustered"))
            title.setObjectName("clusterTitle")
            bold = QFont(title.font())
            bold.setBold(True)
            title.setFont(bold)
            title.setContentsMargins(4, 3, 4, 3)
            header.addWidget(title, 1)
        else:
            cid = key
            self.name_edit = ClusterNameEdit(
                board.document, lambda s: _cluster_name(s, cid),
                edits.set_cluster_name.given(cid), tr("Cluster name"),
                key=f"cluster-name-{cid}")
            self.name_edit.setObjectName("clusterName")
            self.name_edit.setPlaceholderText(tr("Name this cluster (Shift+F2)"))
            self.name_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            bold = QFont(self.name_edit.font())
            bold.setBold(True)
            self.name_edit.setFont(bold)
            self.name_edit.sig_done.connect(lambda: board.focus_column(cid))
            self.name_edit.installEventFilter(board)
            self.name_edit.setProperty("cluster_id", cid)
            remove = QToolButton()
            remove.setText("×")
            remove.setAutoRaise(True)
            remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            remove.setToolTip(tr("Remove this cluster (Shift+Del); its cards go to "
                                 "Not clustered"))
            remove.setAccessibleName(tr("Remove this cluster"))
            remove.clicked.connect(lambda: board.edits.remove_cluster(cid))
            header.addWidget(self.name_edit, 1)
            header.addWidget(remove)
        self.summary = QLabel()
        self.summary.setObjectName("clusterSummary")
        self.summary.setContentsMargins(4, 0, 4, 0)
        self.model = CardColumnModel(board.face, board.edits.set_card_text, self)
        self.view = CardListView(board, key)
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("Cards not clustered") if key is None
                                    else tr("Cards of a cluster"))
        self.view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def title(self) -> str:
        if self.key is None:
            return tr("Not clustered")
        name = _cluster_name(self.board.document.session, self.key)
        return name or tr("(unnamed cluster)")

    def set_ids(self, ids: list[str]) -> None:
        """Show ``ids``; a reset keeps the selected cards selected."""
        selection = self.view.selectionModel()
        selected = [str(i.data(ID_ROLE)) for i in selection.selectedIndexes()]
        current = self.view.currentIndex()
        current_id = str(current.data(ID_ROLE)) if current.isValid() else None
        if not self.model.set_ids(ids):
            for card_id in selected:
                row = self.model.row_of(card_id)
                if row >= 0:
                    selection.select(self.model.index(row, 0),
                                     selection.SelectionFlag.Select)
            row = self.model.row_of(current_id) if current_id else -1
            if row >= 0:
                selection.setCurrentIndex(self.model.index(row, 0),
                                          selection.SelectionFlag.NoUpdate)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        self.board.accept_card_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        self.board.accept_card_drag(event)
        self.board.autoscroll(self.mapTo(self.board, event.position().toPoint()))

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self.board.drop_cards(event, self.key)

def _cluster_name(session: Session, cluster_id: str) -> str:
    return next((c.name for c in session.ambition.clusters if c.id == cluster_id), "")
