"""The template library dialog, shared by the principles and rules (templates with a
theme and a source) and the closing clauses (templates with a kind and a note).

Type to search (accents and case ignored, in both languages), Up and Down choose,
Enter adds, Ctrl+click adds several at once, Esc closes. Also the delegate that shows
whole texts wrapped, with a muted source line below, in these lists and in the list of
principles and rules.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.templates import Template
from workshop.i18n import Language, tr
from workshop.ui.must import must

KEY_ROLE = Qt.ItemDataRole.UserRole
"""A library row's template key."""
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The muted line TextDelegate shows below the text (a source), if any."""


def search_fold(text: str) -> str:
    """Lower case without accents, so "cliënt" is found by typing "client"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class TextDelegate(QStyledItemDelegate):
    """Wrapped text, with the item's source below in a smaller, muted line (if any).

    Item views elide by default; a principle is a sentence and must be read whole.
    """

    PAD = 4
    FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap)

    _KEPT = 5_000

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._rects: dict[tuple[str, str, int, str], tuple[QRect, QRect]] = {}
        """Measured texts: the rows are sized to their contents and Qt measures every
        row again after each change, also when one consent changes one row's state."""

    def _source_font(self, option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(font.pointSizeF() * 0.9)
        return font

    def _width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        view = self._view
        if isinstance(view, QTreeView):
            indent = view.indentation() if index.parent().isValid() else 0
            return view.columnWidth(index.column()) - indent
        assert isinstance(view, QTableView)
        # The cell is painted one pixel narrower than its column when the grid shows; a
        # line that just fits the column would wrap when painted and overlap the next row.
        return view.columnWidth(index.column()) - (1 if view.showGrid() else 0)

    def _layout(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
                width: int) -> tuple[str, str, QRect, QRect]:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        source = str(index.data(SOURCE_ROLE) or "")
        inner = max(20, width - 2 * self.PAD)
        if source:
            source = tr("Source: {source}", source=source)
        key = (text, source, inner, option.font.key())
        rects = self._rects.get(key)
        if rects is None:
            text_rect = QFontMetrics(option.font).boundingRect(QRect(0, 0, inner, 100_000),
                                                               self.FLAGS, text)
            source_rect = QRect()
            if source:
                source_rect = QFontMetrics(self._source_font(option)).boundingRect(
                    QRect(0, 0, inner, 100_000), self.FLAGS, source)
            if len(self._rects) >= self._KEPT:
                self._rects.clear()
            rects = self._rects[key] = (text_rect, source_rect)
        return text, source, QRect(rects[0]), QRect(rects[1])

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        _text, source, text_rect, source_rect = self._layout(opt, index, self._width(index))
        height = text_rect.height() + 2 * self.PAD + (source_rect.height() + 2 if source else 0)
        return QSize(option.rect.width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, source, text_rect, source_rect = self._layout(opt, index, opt.rect.width())
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (QPalette.ColorGroup.Normal if opt.state & QStyle.StateFlag.State_Enabled
                 else QPalette.ColorGroup.Disabled)
        text_colour = opt.palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                        else QPalette.ColorRole.Text)
        painter.save()
        painter.setPen(text_colour)
        painter.setFont(opt.font)
        left, top = opt.rect.left() + self.PAD, opt.rect.top() + self.PAD
        inner = opt.rect.width() - 2 * self.PAD
        painter.drawText(QRect(left, top, inner, text_rect.height()), self.FLAGS, text)
        if source:
            muted = QColor(text_colour)
            muted.setAlphaF(0.7)
            painter.setPen(muted)
            painter.setFont(self._source_font(opt))
            painter.drawText(QRect(left, top + text_rect.height() + 2, inner,
                                   source_rect.height()), self.FLAGS, source)
        painter.restore()


class LibraryPicker(QDialog):
    """Search the library and add one or more templates (Enter adds, Esc closes).

    Templates are grouped under a heading (``group_of``), each row a text and a second
    column (``columns``); what the search looks in is ``haystack``.
    """

    SECOND_COLUMN: ClassVar[str]
    """Message id of the second column's header."""
    SECOND_WIDTH: ClassVar[int]
    SEARCH_PLACEHOLDER: ClassVar[str]
    HINT: ClassVar[str]
    STEPS: ClassVar[dict[Qt.Key, int]] = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
    """How far a key in the search field moves the current row."""
    SHIFT_EXTENDS = False
    """Whether Shift with those keys adds the row to the selection."""

    def __init__(self, templates: Sequence[Template], lang: Language, used: set[str],
                 title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._templates = tuple(templates)
        self._lang = lang
        language = tr("Dutch") if lang == "nl" else tr("English")
        note = QLabel(tr("Texts are added in the session's language ({language}): that is "
                         "the text that is printed and signed. You can amend them afterwards.",
                         language=language))
        note.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr(self.SEARCH_PLACEHOLDER))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("Text"), tr(self.SECOND_COLUMN)])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, self.SECOND_WIDTH)
        self.tree.setItemDelegateForColumn(0, TextDelegate(self.tree))
        self.tree.setItemDelegateForColumn(1, TextDelegate(self.tree))
        header.sectionResized.connect(lambda *_args: self.tree.doItemsLayout())
        self.tree.itemDoubleClicked.connect(lambda item, _col: self._accept_item(item))
        bold = QFont(self.tree.font())
        bold.setBold(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for template in self._templates:
            heading = self.group_of(template)
            group = groups.get(heading)
            if group is None:
                group = QTreeWidgetItem([heading, ""])
                group.setFont(0, bold)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(group)
                groups[heading] = group
            child = self._child(template)
            child.setData(0, KEY_ROLE, template.key)
            if template.key in used:
                child.setFlags(Qt.ItemFlag.NoItemFlags)
                child.setToolTip(0, tr("Already in the list"))
                child.setText(0, tr("✓ {text}", text=template.text(lang)))
            group.addChild(child)
        self.tree.expandAll()
        buttons = QDialogButtonBox()
        self.add_button = buttons.addButton(tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setDefault(True)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel(tr(self.HINT))
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self._filter("")
        self.search.setFocus()

    # --- what the kinds of library differ in ---------------------------------------------

    def group_of(self, template: Template) -> str:
        """The heading the template is listed under."""
        raise NotImplementedError

    def _child(self, template: Template) -> QTreeWidgetItem:
        """The template's row: its text in the session's language and the second column."""
        raise NotImplementedError

    def haystack(self, template: Template) -> str:
        """What the search looks in (both languages)."""
        raise NotImplementedError

    # --- choosing --------------------------------------------------------------------

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802
        """Up and Down in the search field move through the list."""
        if watched is self.search and isinstance(event, QKeyEvent) and \
                event.type() == QKeyEvent.Type.KeyPress and event.key() in self.STEPS:
            self._step(event.key(), event.modifiers())
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _choosable(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            group = must(self.tree.topLevelItem(i))
            for j in range(group.childCount()):
                child = must(group.child(j))
                if not child.isHidden() and child.flags() & Qt.ItemFlag.ItemIsEnabled:
                    out.append(child)
        return out

    def _step(self, key: int, mods: Qt.KeyboardModifier) -> None:
        items = self._choosable()
        if not items:
            return
        current = self.tree.currentItem()
        index = items.index(current) if current in items else -1
        new = items[max(0, min(len(items) - 1, index + self.STEPS[Qt.Key(key)]))]
        if self.SHIFT_EXTENDS and mods & Qt.KeyboardModifier.ShiftModifier:
            new.setSelected(True)
            self.tree.setCurrentItem(new, 0, self.tree.selectionModel().SelectionFlag.NoUpdate)
        else:
            self.tree.setCurrentItem(new)
        self.tree.scrollToItem(new)

    def _filter(self, text: str) -> None:
        words = search_fold(text).split()
        by_key = {t.key: t for t in self._templates}
        first: QTreeWidgetItem | None = None
        for i in range(self.tree.topLevelItemCount()):
            group = must(self.tree.topLevelItem(i))
            visible = 0
            for j in range(group.childCount()):
                child = must(group.child(j))
                haystack = search_fold(self.haystack(by_key[child.data(0, KEY_ROLE)]))
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
            self.tree.scrollToItem(first)
        self.add_button.setEnabled(first is not None)

    def _accept_item(self, item: QTreeWidgetItem) -> None:
        if item.data(0, KEY_ROLE) and item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.tree.clearSelection()
            self.tree.setCurrentItem(item)
            self.accept()

    def selected_templates(self) -> list[Template]:
        """The chosen templates in library order (the current one if none is selected)."""
        chosen = {item.data(0, KEY_ROLE) for item in self.tree.selectedItems()
                  if not item.isHidden()}
        current = self.tree.currentItem()
        if not chosen and current is not None and not current.isHidden():
            chosen = {current.data(0, KEY_ROLE)}
        return [t for t in self._templates if t.key in chosen and t.key]
