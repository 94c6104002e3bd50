"""What a page holds that the session does not, carried across a language switch.

The switch builds every page again in the new language from the session. The session has
everything entered, but not what the facilitator was in the middle of: a card typed and not
yet added, a search, the chosen row of a list, the open tab. ``take`` reads those from the
page built in one language and ``give`` puts them into the page built in the other.

Both pages are made by the same code from the same session, so their widgets come in the
same order: a widget is known by its kind, its object name and its place among those of
the same kind and name. Fields bound to the session (``BoundLineEdit``, ``BoundTextEdit``)
are left out: every key typed there is in the session already; so are the editors inside
lists and tables, spin boxes and combo boxes (Qt's own parts), and read-only fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from workshop.ui.widgets import BoundLineEdit, BoundTextEdit

Key = tuple[str, str, int]
"""A widget's kind, its object name and its place among the page's widgets of both."""


@dataclass
class PageState:
    texts: dict[Key, str] = field(default_factory=dict)
    rows: dict[Key, tuple[int, int]] = field(default_factory=dict)
    tabs: dict[Key, int] = field(default_factory=dict)


def _keyed(page: QWidget, kind: type[QWidget]) -> dict[Key, QWidget]:
    seen: dict[tuple[str, str], int] = {}
    out: dict[Key, QWidget] = {}
    for widget in page.findChildren(kind):
        name = widget.objectName()
        place = seen.get((kind.__name__, name), 0)
        seen[(kind.__name__, name)] = place + 1
        out[(kind.__name__, name, place)] = widget
    return out


def _own(widget: QWidget) -> bool:
    """The page's own widget: not a part of a Qt widget (a combo box's list, a spin box's
    field) nor an editor opened inside a list or table."""
    if widget.objectName().startswith("qt_"):
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractItemView, QAbstractSpinBox, QComboBox)):
            return False
        parent = parent.parentWidget()
    return True


def _a_draft(widget: QWidget) -> bool:
    """A field whose text is the facilitator's and not yet the session's."""
    if isinstance(widget, (BoundLineEdit, BoundTextEdit)):
        return False
    if isinstance(widget, (QLineEdit, QPlainTextEdit)) and widget.isReadOnly():
        return False
    return _own(widget)


def _text(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    assert isinstance(widget, QLineEdit)
    return widget.text()


def take(page: QWidget) -> PageState:
    state = PageState()
    for kind in (QLineEdit, QPlainTextEdit):
        for key, widget in _keyed(page, kind).items():
            if _a_draft(widget) and _text(widget):
                state.texts[key] = _text(widget)
    for key, view in _keyed(page, QAbstractItemView).items():
        assert isinstance(view, QAbstractItemView)
        index = view.currentIndex()
        if _own(view) and index.isValid():
            state.rows[key] = (index.row(), index.column())
    for key, tabs in _keyed(page, QTabWidget).items():
        assert isinstance(tabs, QTabWidget)
        state.tabs[key] = tabs.currentIndex()
    return state


def give(page: QWidget, state: PageState) -> None:
    """Put ``state`` into ``page`` (built afresh, in the other language): the tabs first
    (a tab may build its parts when first shown), then the chosen rows, then the texts
    (a search filters the rows it shows)."""
    for key, tabs in _keyed(page, QTabWidget).items():
        if key in state.tabs and isinstance(tabs, QTabWidget):
            tabs.setCurrentIndex(state.tabs[key])
    for key, view in _keyed(page, QAbstractItemView).items():
        if (key in state.rows and isinstance(view, QAbstractItemView) and _own(view)
                and view.model() is not None):
            row, column = state.rows[key]
            index = view.model().index(row, column, view.rootIndex())
            if index.isValid():
                view.setCurrentIndex(index)
    for kind in (QLineEdit, QPlainTextEdit):
        for key, widget in _keyed(page, kind).items():
            text = state.texts.get(key)
            if text is None or not _a_draft(widget) or _text(widget) == text:
                continue
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(text)
            elif isinstance(widget, QLineEdit):
                widget.setText(text)
