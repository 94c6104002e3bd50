"""Step 2, the shared ambition: cards, clusters, dots, the statement, goals, consent.

The facilitator types cards as people speak (Enter, next), sorts them into clusters on
the board, lets the table place dots, and writes the statement beside the clusters that
drew the most dots; the table closes with a consent round on the statement.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import ambition as edits
from workshop.domain.labels import THE_TABLE
from workshop.domain.model import AMBITION_SUBJECT, MAX_TEXT, Step
from workshop.i18n import tr
from workshop.ui.commands import COMMANDS, key_hint, make_action
from workshop.ui.consent.round import ConsentRoundWidget
from workshop.ui.document import SessionDocument
from workshop.ui.must import must
from workshop.ui.pages.ambition.board import AmbitionBoard
from workshop.ui.pages.ambition.cards import CardListView
from workshop.ui.pages.ambition.edits import AmbitionEdits
from workshop.ui.pages.ambition.goals import GoalsEditor, TopClusters
from workshop.ui.pages.ambition.picker import ChoicePicker
from workshop.ui.pages.base import Page
from workshop.ui.widgets import BoundTextEdit


class CardEntry(QLineEdit):
    """The always-ready card field: Enter adds; the author is chosen without leaving it."""

    sig_author_step = Signal(int)
    """Ctrl+↑ (-1) / Ctrl+↓ (+1): the previous or next author."""
    sig_author_digit = Signal(int)
    """Alt+0 (the table) … Alt+9: choose the author directly."""
    sig_author_list = Signal()
    """Alt+↓ or F4: open the list of authors."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The command registry's keys, on this field only: its letters and Enter stay typing.
        make_action("entry.author_previous", self, lambda: self.sig_author_step.emit(-1))
        make_action("entry.author_next", self, lambda: self.sig_author_step.emit(1))
        for number, key in enumerate(COMMANDS["entry.author"].keys, start=1):
            make_action("entry.author", self, self._digit(number), keys=[key])
        make_action("entry.author_table", self, lambda: self.sig_author_digit.emit(0))
        make_action("entry.author_list", self, lambda: self.sig_author_list.emit())

    def _digit(self, number: int) -> Callable[[], None]:
        return lambda: self.sig_author_digit.emit(number)


class AmbitionPage(Page):
    """Cards, clusters and dots on the left; statement, goals and consent on the right."""

    tabs: QTabWidget

    step = Step.AMBITION
    areas = frozenset({"ambition", "participants", "consents"})

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.edits = AmbitionEdits(lambda: self.document.session, self.try_edit,
                                   self.sig_message.emit)
        self.author_id: str | None = None
        self._build()

    # --- building ------------------------------------------------------------------

    def _build(self) -> None:
        entry_label = QLabel(tr("New card"))
        self.entry = CardEntry()
        self.entry.setObjectName("cardEntry")
        self.entry.setMaxLength(MAX_TEXT)
        self.entry.setAccessibleName(tr("New card"))
        self.entry.setPlaceholderText(tr("Type a card and press Enter"))
        self.entry.returnPressed.connect(self._add_card)
        self.entry.sig_author_step.connect(self._step_author)
        self.entry.sig_author_digit.connect(self._author_by_digit)
        self.entry.sig_author_list.connect(self._open_author_list)
        entry_label.setBuddy(self.entry)
        by_label = QLabel(tr("by"))
        self.author_combo = QComboBox()
        self.author_combo.setObjectName("authorCombo")
        self.author_combo.setAccessibleName(tr("Author of the next card"))
        self.author_combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.author_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.author_combo.setMinimumContentsLength(15)
        self.author_combo.activated.connect(self._on_author_activated)
        add = QPushButton(tr("Add"))
        add.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        add.clicked.connect(self._add_card)
        row = QHBoxLayout()
        row.addWidget(entry_label)
        row.addWidget(self.entry, 1)
        row.addWidget(by_label)
        row.addWidget(self.author_combo)
        row.addWidget(add)
        self.entry_keys = QLabel(tr(
            "Enter adds the card · {keys}; the author stays for the next cards until you "
            "change it · Tab: the board", keys=key_hint(
                ("entry.author_previous", "entry.author_next"), "entry.author",
                "entry.author_table", "entry.author_list")))
        self.entry_keys.setObjectName("entryKeys")
        self.entry_keys.setWordWrap(True)
        self.entry_keys.setStyleSheet("color: #5b5b5b;")

        self.board = AmbitionBoard(self.document, self.edits, self.sig_message.emit)
        self.board.sig_escape.connect(self.focus_first)
        self.board.sig_current_view.connect(self._on_current_view)
        self.board.sig_highlight.connect(self.sig_highlight)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addLayout(row)
        left_layout.addWidget(self.entry_keys)
        left_layout.addWidget(self.board, 1)

        statement_label = QLabel(tr("Ambition statement"))
        bold = QFont(statement_label.font())
        bold.setBold(True)
        statement_label.setFont(bold)
        self.statement = BoundTextEdit(
            self.document, lambda s: s.ambition.statement,
            edits.set_statement, tr("ambition statement"), key="ambition-statement")
        self.statement.setObjectName("ambitionStatement")
        self.statement.setPlaceholderText(tr(
            "One statement every party recognises itself in, written from the clusters "
            "with the most dots."))
        self.statement.setMinimumHeight(90)
        statement_label.setBuddy(self.statement)
        self.top_clusters = TopClusters()
        self.top_clusters.sig_open.connect(lambda cid: self.board.focus_column(cid, row=0))
        self.goals = GoalsEditor(self.document, self.edits)
        self.goals.sig_highlight.connect(self.sig_highlight)
        self.consent = ConsentRoundWidget(self.document, subject_id=AMBITION_SUBJECT)
        self.consent.sig_message.connect(self.sig_message)
        self.consent.sig_subject.connect(self.sig_highlight)
        self.consent.sig_leave.connect(lambda: self.tabs.setFocus())
        self.consent.set_leave_hint(tr("Esc: back to the tabs"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("ambitionTabs")
        self.tabs.addTab(self.top_clusters, tr("Clusters by dots"))
        self.tabs.addTab(self.goals, tr("Goals"))
        self.tabs.addTab(self.consent, tr("Consent round"))

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addWidget(statement_label)
        right_layout.addWidget(self.statement, 2)
        right_layout.addWidget(self.tabs, 5)

        # Scrolled when it must: on a narrow screen (1024x768) the statement and the tabs
        # go below the board, and their least height (the consent round's ~390 px) left
        # the board ~220 px, too little to drag larger; now the splitter is the
        # facilitator's to move, and what does not fit scrolls.
        self.right_scroll = QScrollArea()
        self.right_scroll.setObjectName("ambitionSide")
        self.right_scroll.setWidget(right)
        self.right_scroll.setWidgetResizable(True)
        self.right_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.right_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("ambitionSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right_scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.statement.installEventFilter(self)
        self.author_picker = ChoicePicker(self, tr("Who wrote the card? (type a name, "
                                                   "Enter)"), tr("Author of the next card"))
        self.author_picker.sig_chosen.connect(self._on_author_picked)
        self.author_picker.sig_cancelled.connect(
            lambda refocus: self.entry.setFocus() if refocus else None)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_orientation()

    def _fit_orientation(self) -> None:
        """Side by side where both halves fit; on a narrow screen (1024x768) the
        statement, goals and consent round go below the board instead of being cut."""
        left, right = must(self.splitter.widget(0)), must(self.right_scroll.widget())
        need = (left.minimumSizeHint().width() + right.minimumSizeHint().width()
                + self.splitter.handleWidth() + 8)
        wanted = Qt.Orientation.Vertical if self.width() < need else Qt.Orientation.Horizontal
        # Side by side the statement and tabs keep their whole width (only the height may
        # scroll, beside its scroll bar); below the board they have the page's width.
        scroll_bar = self.right_scroll.verticalScrollBar().sizeHint().width()
        self.right_scroll.setMinimumWidth(
            0 if wanted == Qt.Orientation.Vertical
            else right.minimumSizeHint().width() + scroll_bar)
        if wanted != self.splitter.orientation():
            self.splitter.setOrientation(wanted)
            narrow = wanted == Qt.Orientation.Vertical
            # The key hints give their lines to the board; they stay as tooltips.
            for hint, owner in ((self.entry_keys, self.entry), (self.board.keys, self.board)):
                hint.setVisible(not narrow)
                owner.setToolTip(hint.text() if narrow else "")
            total = self.height() if narrow else self.width()
            first = total * 2 // 3 if not narrow else total // 2  # the board first
            self.splitter.setSizes([first, total - first])

    # --- showing the session -------------------------------------------------------

    def refresh(self, areas: frozenset[str]) -> None:
        if not areas or "participants" in areas:
            self._refresh_authors()
        if not areas or areas & {"ambition", "participants"}:
            self.board.refresh(areas)
            self.statement.refresh()
            self.top_clusters.refresh(self.session)
            self.goals.refresh(self.session)
            self._update_tab_titles()
        if not areas:
            self._on_current_view(self.board.current_view())

    def _update_tab_titles(self) -> None:
        count = len(self.session.ambition.goals)
        text = tr("Goals ({n})", n=count) if count else tr("Goals")
        if self.tabs.tabText(1) != text:  # (setting it lays out and paints the tabs)
            self.tabs.setTabText(1, text)

    def _refresh_authors(self) -> None:
        present = [p for p in self.session.participants if p.present]
        if self.author_id is not None and self.author_id not in {p.id for p in present}:
            self.author_id = None
        combo = self.author_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(f"0 · {tr(THE_TABLE)}", "")
        for number, p in enumerate(present, start=1):
            combo.addItem(f"{number} · {p.name}" if number <= 9 else p.name, p.id)
        combo.setCurrentIndex(max(0, combo.findData(self.author_id or "")))
        combo.blockSignals(False)

    # --- the author ----------------------------------------------------------------

    def set_author(self, participant_id: str | None) -> None:
        """The author of the next cards (None: the table); stays until changed."""
        self.author_id = participant_id or None
        self.author_combo.setCurrentIndex(max(0, self.author_combo.findData(
            participant_id or "")))

    def _step_author(self, delta: int) -> None:
        count = self.author_combo.count()
        row = (self.author_combo.currentIndex() + delta) % max(1, count)
        self.set_author(str(self.author_combo.itemData(row)) or None)

    def _author_by_digit(self, digit: int) -> None:
        if digit < self.author_combo.count():
            self.set_author(str(self.author_combo.itemData(digit)) or None)
        else:
            self.sig_message.emit(tr("There is no participant number {n}.", n=digit))

    def _open_author_list(self) -> None:
        entries: list[tuple[object, str]] = [
            (str(self.author_combo.itemData(row)) or None, self.author_combo.itemText(row))
            for row in range(self.author_combo.count())]
        at = self.entry.mapTo(self, self.entry.rect().bottomLeft())
        self.author_picker.open(entries, at, current=self.author_id)

    def _on_author_picked(self, key: object) -> None:
        self.set_author(key if isinstance(key, str) else None)
        self.entry.setFocus()

    def _on_author_activated(self, row: int) -> None:
        self.set_author(str(self.author_combo.itemData(row)) or None)
        self.entry.setFocus()

    # --- cards ---------------------------------------------------------------------

    def _add_card(self) -> None:
        card_id = self.edits.add_card(self.entry.text(), self.author_id)
        if card_id is not None:
            self.entry.clear()
            self.board.focus_column(None, card_id=card_id, focus=False)
            self.sig_highlight.emit(card_id)
        self.entry.setFocus()

    def focus_first(self) -> None:
        self.entry.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_item(self, item_id: str) -> bool:
        """The ambition: its statement while there is none, else its consent round."""
        if item_id != AMBITION_SUBJECT:
            return False
        if not self.session.ambition.statement.strip():
            self.statement.setFocus()
            return True
        self.tabs.setCurrentWidget(self.consent)
        self.consent.table.setFocus()
        return True

    def _on_current_view(self, view: object) -> None:
        """Tab goes from the card entry to the column in use, then on to the statement."""
        if isinstance(view, CardListView):
            QWidget.setTabOrder(self.entry, view)
            QWidget.setTabOrder(view, self.board.budget)
            QWidget.setTabOrder(self.board.budget, self.statement)

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent

        if (watched is self.statement and isinstance(event, QEvent)
                and event.type() == QEvent.Type.FocusIn):
            self.sig_highlight.emit(AMBITION_SUBJECT)
        return False
