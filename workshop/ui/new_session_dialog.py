"""The question a new session starts with: its name and the language of its documents.

The language decides what the participants sign and take home (the agreement, the
roadmap, the projector's words and the library texts), so it is chosen here rather than
discovered later; it defaults to the app's language and can be changed on the
Preparation page. Answered from the keyboard: type the name, Tab, arrows, Enter.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.model import MAX_TEXT
from workshop.i18n import Language, current_language, tr


class NewSessionDialog(QDialog):
    """Name and document language of a new session; read them after ``accepted``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newSessionDialog")
        self.setWindowTitle(tr("New session"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("newSessionName")
        self.name_edit.setMaxLength(MAX_TEXT)
        self.name_edit.setAccessibleName(tr("Name of the collaboration"))
        self.name_edit.setPlaceholderText(tr("New collaboration"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("newSessionLanguage")
        self.language_combo.setAccessibleName(tr("Language of the documents"))
        self.language_combo.addItem(tr("Dutch"), "nl")
        self.language_combo.addItem(tr("English"), "en")
        self.language_combo.setCurrentIndex(self.language_combo.findData(current_language()))
        note = QLabel(tr("The language of the agreement and the roadmap that the "
                         "participants sign and take home, of the projector and of the "
                         "texts from the library. You can change it later on the "
                         "Preparation page."))
        note.setWordWrap(True)
        form = QFormLayout()
        name_label = QLabel(tr("&Name of the collaboration:"))
        name_label.setBuddy(self.name_edit)
        language_label = QLabel(tr("&Language of the documents:"))
        language_label.setBuddy(self.language_combo)
        form.addRow(name_label, self.name_edit)
        form.addRow(language_label, self.language_combo)
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(tr("Create"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(520, self.screen().availableGeometry().width()))
        self.name_edit.setFocus()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def language(self) -> Language:
        return "en" if self.language_combo.currentData() == "en" else "nl"
