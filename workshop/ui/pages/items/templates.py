"""Picking principles or rules from the library of templates (Ctrl+L)."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QTreeWidgetItem,
    QWidget,
)

from workshop.domain.templates import Template, theme_label
from workshop.i18n import N_, Language, current_language
from workshop.ui.pages.library import LibraryPicker

LIBRARY_SHORTCUT = "Ctrl+L"

class TemplatePicker(LibraryPicker):
    """The principles' or rules' library by theme, each with its source."""

    SECOND_COLUMN = N_("Source")
    SECOND_WIDTH = 220
    SEARCH_PLACEHOLDER = N_("Search the library: words, theme or source")
    HINT = N_("Type to search · ↑↓ choose · Enter adds · Ctrl+click or Shift+↑↓ "
              "adds several at once · Esc closes")
    STEPS: ClassVar[dict[Qt.Key, int]] = {
        Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5, Qt.Key.Key_PageDown: 5}
    SHIFT_EXTENDS = True

    def __init__(self, templates: tuple[Template, ...], lang: Language, used: set[str],
                 title: str, parent: QWidget | None = None) -> None:
        super().__init__(templates, lang, used, title, parent)
        self.setObjectName("templatePicker")
        self.resize(900, 600)
        self.search.setObjectName("templateSearch")
        self.tree.setObjectName("templateTree")

    def group_of(self, template: Template) -> str:
        return theme_label(template.theme, current_language())

    def _child(self, template: Template) -> QTreeWidgetItem:
        child = QTreeWidgetItem([template.text(self._lang), template.source])
        child.setToolTip(0, template.text("en" if self._lang == "nl" else "nl"))
        return child

    def haystack(self, template: Template) -> str:
        return " ".join((template.text_nl, template.text_en, theme_label(template.theme, "nl"),
                         theme_label(template.theme, "en"), template.source))
