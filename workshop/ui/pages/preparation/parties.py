"""The parties of the agreement: each organisation as a legal entity, and who signs for it.

On the Preparation page beside the participants: pick an organisation on the left,
fill in its legal name, form, seat and KvK number, who represents it, in what function
and on what authority (statutes, a mandate, or subject to the decision of its board:
*onder voorbehoud van besluitvorming*), and whether it signs as a party at all (a client
council is involved and named, not a party). Below: where the agreement is signed and
its considerations, drafted from the session until the facilitator writes them.

Every change is one edit through the document (one undo step per word typed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop import locale_format
from workshop.domain import parties
from workshop.domain.considerations import considerations, draft
from workshop.domain.labels import label
from workshop.domain.model import MAX_TEXT, Authority, LegalForm, Session
from workshop.i18n import current_language, tr
from workshop.locale_format import AmountError
from workshop.ui.document import SessionDocument
from workshop.ui.editing import try_edit

_INVALID_STYLE = "border: 2px solid #b00020;"


class PartiesPanel(QWidget):
    """The organisations as parties, the place of signing and the considerations."""

    def __init__(self, document: SessionDocument, message: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._message = message
        self._updating = False
        self.setObjectName("partiesPanel")

        self.list = QListWidget()
        self.list.setObjectName("partiesList")
        self.list.setAccessibleName(tr("Organisations"))
        self.list.currentRowChanged.connect(lambda _row: self._show_current())

        self.party_check = QCheckBox(tr("Signs the agreement as a party"))
        self.party_check.setToolTip(tr("Untick for a client council, an advisory body or an "
                                       "observer: named as involved, not signing."))
        self.party_check.toggled.connect(lambda on: self._set(
            tr("Signs the agreement as a party"), party=on))
        self.legal_name = self._line("legal_name", tr("Legal name"),
                                     tr("As registered, e.g. Stichting Zorggroep De Linde"))
        self.legal_form = QComboBox()
        self.legal_form.setAccessibleName(tr("Legal form"))
        self.legal_form.addItem(tr("— not chosen —"), "")
        for form in LegalForm:
            self.legal_form.addItem(label(form, current_language()), form.value)
        self.legal_form.currentIndexChanged.connect(self._on_legal_form)
        self.seat = self._line("seat", tr("Seat"), tr("Statutory seat, e.g. Ommeren"))
        self.kvk = QLineEdit()
        self.kvk.setObjectName("party-kvk")
        self.kvk.setAccessibleName(tr("KvK number"))
        self.kvk.setPlaceholderText(tr("8 digits"))
        self.kvk.setMaxLength(20)
        self.kvk.textEdited.connect(self._on_kvk)
        self.kvk_note = QLabel()
        self.kvk_note.setObjectName("kvkNote")
        self.kvk_note.setStyleSheet("color: #b00020;")
        self.kvk_note.setWordWrap(True)
        self.kvk_note.hide()
        self.representative = QComboBox()
        self.representative.setObjectName("party-representative")
        self.representative.setAccessibleName(tr("Represented by"))
        self.representative.currentIndexChanged.connect(self._on_representative)
        self.function = self._line("function", tr("Function"),
                                   tr("e.g. bestuurder, wethouder, directeur"))
        self.authority = QComboBox()
        self.authority.setObjectName("party-authority")
        self.authority.setAccessibleName(tr("Authority to sign"))
        self.authority.addItem(tr("— not chosen —"), "")
        for basis in Authority:
            self.authority.addItem(label(basis, current_language()), basis.value)
        self.authority.currentIndexChanged.connect(self._on_authority)
        self.money = QLineEdit()
        self.money.setObjectName("party-money_mandate")
        self.money.setAccessibleName(tr("Money the signer may commit per year"))
        self.money.setPlaceholderText(tr("euros per year; 0 for none, empty if unknown"))
        self.money.textEdited.connect(self._on_money)
        self.involvement = self._line("involvement", tr("How involved"),
                                      tr("For a non-party, e.g. advises on behalf of clients"))

        rows = QFormLayout()
        rows.addRow(self.party_check)
        rows.addRow(tr("Legal name:"), self.legal_name)
        rows.addRow(tr("Legal form:"), self.legal_form)
        rows.addRow(tr("Seat:"), self.seat)
        rows.addRow(tr("KvK number:"), self.kvk)
        rows.addRow(self.kvk_note)
        rows.addRow(tr("Represented by:"), self.representative)
        rows.addRow(tr("Function:"), self.function)
        rows.addRow(tr("Authority to sign:"), self.authority)
        rows.addRow(tr("Money mandate:"), self.money)
        rows.addRow(tr("How involved:"), self.involvement)
        self.form_box = QGroupBox(tr("The organisation as a party"))
        self.form_box.setLayout(rows)

        self.place = QLineEdit()
        self.place.setObjectName("legal-place")
        self.place.setAccessibleName(tr("Place of signing"))
        self.place.setMaxLength(MAX_TEXT)
        self.place.textEdited.connect(self._on_place)
        self.considerations = QPlainTextEdit()
        self.considerations.setObjectName("legal-considerations")
        self.considerations.setAccessibleName(tr("Considerations"))
        self.considerations.setTabChangesFocus(True)
        self.considerations.textChanged.connect(self._on_considerations)
        self.draft_button = QPushButton(tr("&Draft from the session"))
        self.draft_button.setToolTip(tr("Replace the considerations with a draft made from "
                                        "the region, the ambition and its goals"))
        self.draft_button.clicked.connect(self.draft_considerations)
        text_box = QGroupBox(tr("The agreement's text"))
        text_layout = QFormLayout(text_box)
        text_layout.addRow(tr("Place of signing:"), self.place)
        hint = QLabel(tr("Considerations, one per paragraph (a blank line between). Left "
                         "empty, the agreement drafts them from the session."))
        hint.setWordWrap(True)
        text_layout.addRow(hint)
        text_layout.addRow(self.considerations)
        text_layout.addRow(self.draft_button)

        left = QVBoxLayout()
        left.addWidget(QLabel(tr("Organisations")))
        left.addWidget(self.list, 1)
        right = QVBoxLayout()
        right.addWidget(self.form_box)
        right.addWidget(text_box, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 5)
        self.refresh()

    # --- helpers ---------------------------------------------------------------------

    @property
    def session(self) -> Session:
        return self.document.session

    def current_name(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def _line(self, field: str, text: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"party-{field}")
        edit.setAccessibleName(text)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(MAX_TEXT)
        edit.textEdited.connect(lambda value: self._set(text, merge=True, **{field: value}))
        return edit

    def _set(self, what: str, merge: bool = False, **fields: Any) -> bool:
        name = self.current_name()
        if self._updating or not name:
            return False
        key = f"legal.{name}.{','.join(fields)}" if merge else None
        return try_edit(self.document, tr("Edit {field}", field=what), parties.set_fields,
                        name, merge_key=key, report=self._message, **fields)

    # --- handlers --------------------------------------------------------------------

    def _on_legal_form(self, index: int) -> None:
        value = self.legal_form.itemData(index) or None
        self._set(tr("Legal form"), legal_form=value)

    def _on_authority(self, index: int) -> None:
        value = self.authority.itemData(index) or None
        self._set(tr("Authority to sign"), authority=value)

    def _on_representative(self, index: int) -> None:
        value = self.representative.itemData(index) or None
        self._set(tr("Represented by"), representative_id=value)

    def _on_kvk(self, text: str) -> None:
        if parties.kvk_problem(text):
            self.kvk.setStyleSheet(_INVALID_STYLE)
            self.kvk_note.setText(tr("A KvK number has 8 digits, e.g. 12345678. What you "
                                     "typed is kept here but not saved until it is one."))
            self.kvk_note.show()
            return
        self.kvk.setStyleSheet("")
        self.kvk_note.hide()
        self._set(tr("KvK number"), merge=True, kvk=parties.normalise_kvk(text))

    def _on_money(self, text: str) -> None:
        try:
            value = parties.parse_money(text, current_language())
        except AmountError as error:
            self.money.setStyleSheet(_INVALID_STYLE)
            self.money.setToolTip(error.message(current_language()))
            self._message(error.message(current_language()))
            return
        self.money.setStyleSheet("")
        self.money.setToolTip("")
        self._set(tr("Money mandate"), merge=True, money_mandate=value)

    def _on_place(self, text: str) -> None:
        if self._updating:
            return
        try_edit(self.document, tr("Edit {field}", field=tr("Place of signing")),
                 parties.set_place, text, merge_key="legal.place", report=self._message)

    def _paragraphs(self) -> list[str]:
        text = self.considerations.toPlainText()
        return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]

    def _on_considerations(self) -> None:
        if self._updating:
            return
        paragraphs = self._paragraphs()
        try_edit(self.document, tr("Edit {field}", field=tr("Considerations")),
                 parties.set_considerations, paragraphs, merge_key="legal.considerations",
                 report=self._message)

    def draft_considerations(self) -> None:
        """Put the draft in the field (then it is the facilitator's text to edit)."""
        lang = self.session.details.language
        self.considerations.setPlainText("\n\n".join(draft(self.session, lang)))

    # --- showing the session -------------------------------------------------------

    def refresh(self) -> None:
        self._updating = True
        try:
            current = self.current_name()
            views = parties.party_views(self.session)
            names = [v.name for v in views]
            shown = [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                     for i in range(self.list.count())]
            if shown != names:
                self.list.clear()
                for name in names:
                    item = QListWidgetItem(name)
                    item.setData(Qt.ItemDataRole.UserRole, name)
                    self.list.addItem(item)
                if current in names:
                    self.list.setCurrentRow(names.index(current))
                elif names:
                    self.list.setCurrentRow(0)
            for i, view in enumerate(views):
                text = view.name if view.signs else tr("{name} (involved, not signing)",
                                                       name=view.name)
                if self.list.item(i).text() != text:
                    self.list.item(i).setText(text)
                    self.list.item(i).setToolTip(text)  # whole where the list is narrow
            lang = self.session.details.language
            edited = "\n\n".join(self.session.legal.considerations)
            if self._paragraphs() != list(self.session.legal.considerations) \
                    and not self.considerations.hasFocus():
                self.considerations.setPlainText(edited)
            self.considerations.setPlaceholderText("\n\n".join(
                considerations(self.session, lang)))
            if self.place.text() != self.session.legal.place:
                self.place.setText(self.session.legal.place)
            self.place.setPlaceholderText(self.session.details.venue)
        finally:
            self._updating = False
        self._show_current()

    def _show_current(self) -> None:
        name = self.current_name()
        self.form_box.setEnabled(bool(name))
        if not name:
            return
        self._updating = True
        try:
            org = parties.record(self.session, name)
            self.party_check.setChecked(org.party)
            for edit, value in ((self.legal_name, org.legal_name), (self.seat, org.seat),
                                (self.function, org.function),
                                (self.involvement, org.involvement)):
                if edit.text() != value and not edit.hasFocus():
                    edit.setText(value)
                    edit.setCursorPosition(0)
            rep = parties.default_representative(self.session, name)
            if rep is not None and not org.function:
                self.function.setPlaceholderText(rep.role or tr("e.g. bestuurder, wethouder, "
                                                                "directeur"))
            if not self.kvk.styleSheet() or not self.kvk.hasFocus():
                self.kvk.setText(org.kvk)
                self.kvk.setStyleSheet("")
                self.kvk_note.hide()
            if not self.money.styleSheet() or not self.money.hasFocus():
                mandate = org.money_mandate
                self.money.setText("" if mandate is None
                                   else locale_format.number(mandate, current_language()))
                self.money.setStyleSheet("")
            self.legal_form.setCurrentIndex(max(0, self.legal_form.findData(
                org.legal_form.value if org.legal_form else "")))
            self.authority.setCurrentIndex(max(0, self.authority.findData(
                org.authority.value if org.authority else "")))
            self.representative.clear()
            default = rep.name if rep is not None else tr("nobody")
            self.representative.addItem(tr("{name} (first present)", name=default), "")
            members = [p for p in self.session.participants if p.organisation.strip() == name]
            others = [p for p in self.session.participants if p not in members]
            for p in members + others:
                self.representative.addItem(p.name if p in members
                                            else f"{p.name} ({p.organisation})", p.id)
            self.representative.setCurrentIndex(max(0, self.representative.findData(
                org.representative_id or "")))
        finally:
            self._updating = False
