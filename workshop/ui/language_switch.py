"""Switching the document's language: the offer to let unedited library items follow.

The question is window-modal but does not block (``open``), so the facilitator answers
it from the keyboard (Enter: switch them too, Esc: keep them) and the session changes
once, as one undoable edit, when it is answered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from workshop.i18n import Language, tr
from workshop.library_language import Switch


def _what(found: list[Switch]) -> str:
    counts = {part: sum(1 for s in found if s.part == part)
              for part in ("principles", "rules", "clauses")}
    words = {
        "principles": (tr("1 leading principle"), tr("{count} leading principles")),
        "rules": (tr("1 rule of play"), tr("{count} rules of play")),
        "clauses": (tr("1 closing clause"), tr("{count} closing clauses")),
    }
    lines = []
    for part, count in counts.items():
        one, many = words[part]
        if count:
            lines.append("•  " + (one if count == 1 else many.format(count=count)))
    return "\n".join(lines)


class LibrarySwitchQuestion(QMessageBox):
    """"N items from the library are still as the library wrote them: switch them too?"

    ``on_answer(switch)`` is called once, with True for "switch them too".
    """

    def __init__(self, found: list[Switch], lang: Language,
                 on_answer: Callable[[bool], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("librarySwitchQuestion")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(tr("Language of the documents"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        language = tr("English") if lang == "en" else tr("Dutch")
        self.setText(tr("These items from the library are still word for word as the library "
                        "wrote them, in the other language. Switch them to {language} as "
                        "well?", language=language)
                     + "\n\n" + _what(found))
        self.setInformativeText(tr("Items you edited stay as they are. You can undo this "
                                   "with Ctrl+Z."))
        self.switch_button = self.addButton(tr("Switch them too"),
                                            QMessageBox.ButtonRole.AcceptRole)
        self.keep_button = self.addButton(tr("Keep them as they are"),
                                          QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.switch_button)
        self.setEscapeButton(self.keep_button)
        self._on_answer = on_answer
        self._answered = False
        self.finished.connect(self._on_finished)

    def _on_finished(self, _result: int) -> None:
        if not self._answered:
            self._answered = True
            self._on_answer(self.clickedButton() is self.switch_button)
