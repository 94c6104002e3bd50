"""At 1024x768, in Dutch (the longer) and in English, no word of the app is cut: labels,
buttons, check boxes, the placeholders of empty fields, the chosen option of a combo box,
options to tick and every column and row header show their whole text (issue 11.8).

What may be cut, and is not checked here: long text the facilitator or the table typed,
shown in one table cell (an action's title, a finding about a long rule); such a cell
elides with "…" and its tooltip holds the whole text. Word-wrapped labels grow in height,
so only one-line labels are measured.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from workshop.domain.model import Session, SessionDetails
from workshop.i18n import set_language
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import STEPS, MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")


def rich(text: str) -> bool:
    return bool(GuiQt.mightBeRichText(text))  # type: ignore[attr-defined]


def _plain(text: str) -> str:
    """The text as painted: one '&' marks the mnemonic and is not drawn."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _shown(widget: QWidget, page: QWidget) -> bool:
    """Visible, and at least partly inside what its scroll area shows (if any)."""
    if not widget.isVisibleTo(page) or widget.width() <= 0:
        return False
    if isinstance(widget, QAbstractScrollArea):  # its viewport covers it
        widget = widget.viewport()
    return not widget.visibleRegion().isEmpty()


def _widest(widget: QWidget, text: str) -> int:
    """The width of the longest line of ``text`` (a button or label of two lines)."""
    return max(widget.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))


def _label(label: QLabel) -> str | None:
    text = _plain(label.text()) if label.buddy() is not None else label.text()
    if not text or label.wordWrap() or rich(text):
        return None
    room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    need = _widest(label, text)
    return f"{need} px in {room}" if need > room else None


def _button(button: QAbstractButton) -> str | None:
    text = _plain(button.text())
    if not text or (isinstance(button, QToolButton) and button.toolButtonStyle()
                    == Qt.ToolButtonStyle.ToolButtonIconOnly):
        return None
    if isinstance(button, QCheckBox | QRadioButton):
        # indicator, spacing and text: what the style asks, as the button's size hint
        need = button.sizeHint().width()
        room = button.width()
    else:
        icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
        need = _widest(button, text) + icon
        margin = button.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
        room = button.contentsRect().width() - margin
    return f"{need} px in {room}" if need > room else None


def _placeholder(field: QLineEdit) -> str | None:
    text = field.placeholderText()
    if not text or field.text():
        return None
    frame = field.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, field)
    margins = field.textMargins()
    room = (field.contentsRect().width() - 2 * frame - 2 * 2  # QLineEdit's own 2 px
            - margins.left() - margins.right())
    need = field.fontMetrics().horizontalAdvance(text)
    return f"{need} px in {room}" if need > room else None


def _combo(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    need = combo.fontMetrics().horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        need += combo.iconSize().width() + 4
    return f"{need} px in {field.width()}" if need > field.width() else None


def _headers(header: QHeaderView) -> list[str]:
    """Each section is wide (or, for rows, tall) enough for its words, and a column that
    starts inside the view also ends inside it."""
    found = []
    model = header.model()
    if model is None:
        return found
    horizontal = header.orientation() == Qt.Orientation.Horizontal
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    metrics = header.fontMetrics()
    view = header.parentWidget()
    visible = header.viewport().width() if horizontal else header.viewport().height()
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
            continue
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if text is None or str(text) == "":
            continue
        lines = str(text).split("\n")
        size = header.sectionSize(section)
        if horizontal:
            need = max(metrics.horizontalAdvance(line) for line in lines) + 2 * margin
            if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
                need += metrics.height() + margin
        else:
            need = metrics.horizontalAdvance(max(lines, key=len)) + 2 * margin
            size = header.width()
        name = f"header “{text}” of {type(view).__name__} {view.objectName()!r}"
        if size < need:
            found.append(f"{name}: {size} px for {need}")
        start = header.sectionViewportPosition(section)
        if horizontal and 0 <= start < visible < start + header.sectionSize(section):
            found.append(f"{name}: cut at the view's right edge "
                         f"({visible - start} of {header.sectionSize(section)} px shown)")
    return found


def _list_items(view: QListView) -> list[str]:
    """A list of options to tick shows each option whole, without scrolling
    sideways."""
    found = []
    model = view.model()
    room = view.viewport().width()
    for row in range(model.rowCount(view.rootIndex())):
        index = model.index(row, view.modelColumn(), view.rootIndex())
        if view.isRowHidden(row) or index.data(Qt.ItemDataRole.CheckStateRole) is None:
            continue  # a list of the user's own things (cards) is no option list
        if index.data(Qt.ItemDataRole.ToolTipRole) == index.data():
            continue  # the user's own long name: elided, whole in the tooltip
        need = view.visualRect(index).left() + view.horizontalOffset() + \
            view.sizeHintForIndex(index).width()
        if need > room:
            found.append(f"option “{index.data()}” of {view.objectName()!r}: "
                         f"{need} px in {room}")
    return found


def _tabs(bar: QTabBar) -> list[str]:
    found = []
    for index in range(bar.count()):
        text = _plain(bar.tabText(index))
        if bar.tabRect(index).width() < bar.fontMetrics().horizontalAdvance(text):
            found.append(f"tab “{text}”: {bar.tabRect(index).width()} px")
    return found


def clipped(page: QWidget) -> list[str]:
    """Every visible word on ``page`` that does not fit the room it is given."""
    found: list[str] = []
    for widget in [page, *page.findChildren(QWidget)]:
        if not _shown(widget, page):
            continue
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        problem = None
        text = ""
        if isinstance(widget, QLabel):
            problem, text = _label(widget), widget.text()
        elif isinstance(widget, QAbstractButton) and not isinstance(
                widget.parentWidget(), QTabBar):
            problem, text = _button(widget), widget.text()
        elif isinstance(widget, QLineEdit):
            problem, text = _placeholder(widget), widget.placeholderText()
        elif isinstance(widget, QComboBox):
            problem, text = _combo(widget), widget.currentText()
        elif isinstance(widget, QHeaderView):
            found += _headers(widget)
        elif isinstance(widget, QListView) and widget.viewMode() == QListView.ViewMode.ListMode:
            found += _list_items(widget)
        elif isinstance(widget, QTabBar):
            found += _tabs(widget)
        if problem:
            found.append(f"{name} “{text}”: {problem}")
    return found


def test_the_helper_sees_a_cut_label(qtbot: QtBot) -> None:
    """The measure itself: a label narrower than its words is reported, a wide one not."""
    holder = QWidget()
    qtbot.addWidget(holder)
    label = QLabel("Vertegenwoordigt", holder)
    holder.resize(400, 100)
    holder.show()
    label.setFixedWidth(40)
    assert clipped(holder) and "Vertegenwoordigt" in clipped(holder)[0]
    label.setFixedWidth(label.sizeHint().width())
    assert clipped(holder) == []


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("start", ["demo", "new"])
def test_no_word_is_cut_at_1024x768(qtbot: QtBot, make_document: Callable[..., SessionDocument],
                                    lang: str, start: str) -> None:
    """On the demo, and on a new session (its empty pages show other words: the empty
    board's "New cluster" zone in full view)."""
    set_language(lang)  # type: ignore[arg-type]
    window = MainWindow(make_document(
        Session(details=SessionDetails(name="Nieuw", language=lang)) if start == "new"
        else None))
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    found: dict[str, list[str]] = {}
    for step in STEPS:
        window.go_to(step)
        QApplication.processEvents()
        QApplication.processEvents()  # rows and columns fitted to the new widths
        page = window.pages[step]
        tabs = page.findChildren(QTabBar)
        # every tab of the page, as the facilitator would open it
        for bar in tabs or [None]:
            for index in range(bar.count() if bar is not None else 1):
                if bar is not None:
                    if not bar.isVisibleTo(page):
                        continue
                    bar.setCurrentIndex(index)
                    QApplication.processEvents()
                    QApplication.processEvents()
                for problem in clipped(page):
                    found.setdefault(step.value, [])
                    if problem not in found[step.value]:
                        found[step.value].append(problem)
            if bar is not None:
                bar.setCurrentIndex(0)
    for problem in clipped(window.step_list) if hasattr(window, "step_list") else []:
        found.setdefault("step list", []).append(problem)
    assert found == {}, "\n".join(f"{step}: {p}" for step, ps in found.items() for p in ps)
    window.close()



def test_a_long_word_in_the_interests_matrix_breaks_with_a_hyphen(qapp: object) -> None:
    """A word wider than its column ("Ouderenpsychiatrie" at 1024x768) breaks at a soft
    hyphen, drawn as '-' at the line's end; shorter words wrap only between words."""
    from PySide6.QtGui import QFont

    from workshop.ui.pages.interests.matrix import text_layout

    text = "Ouderenpsychiatrie overeind houden"
    layout, _height = text_layout(text, QFont(), 70)
    laid = layout.text()
    lines = [laid[line.textStart():line.textStart() + line.textLength()]
             for line in (layout.lineAt(i) for i in range(layout.lineCount()))]
    assert len(lines) >= 3, lines
    assert lines[0].endswith("\u00ad") and not lines[0].startswith("\u00ad")  # "Ouderen…-"
    for line in lines[:-1]:
        assert line.endswith(("\u00ad", " ")), lines  # never cut without a hyphen
    assert "".join(lines).replace("\u00ad", "") == text
    assert "\u00ad" not in text_layout("overeind houden", QFont(), 200)[0].text()
