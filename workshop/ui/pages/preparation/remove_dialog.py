"""The dialog that removes a participant and, if asked, forgets them everywhere."""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.participants import RemovalImpact
from workshop.i18n import tr


class RemoveParticipantDialog(QDialog):
    """Asks what becomes of what a participant contributed; answered from the keyboard.

    ``choice`` is "hand_over" or "delete" after ``accept``.
    """

    def __init__(self, name: str, impact: RemovalImpact, parent: QWidget | None = None,
                 *, in_copies: bool | None = False) -> None:
        """``in_copies``: whether backups or recovery copies hold them (None: perhaps,
        not all were searched; ``workshop.storage.forget.held_in_copies``)."""
        super().__init__(parent)
        self.choice = ""
        self.setWindowTitle(tr("Remove participant"))
        self.setObjectName("removeParticipantDialog")
        short = name if len(name) <= 120 else name[:120] + "…"
        layout = QVBoxLayout(self)
        heading = QLabel(tr("Remove {name} from the session?", name=short))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(self._plain(heading))
        facts = self._facts(impact)
        if facts:
            layout.addWidget(self._plain(QLabel(tr("Of them, the session holds:") + "\n"
                                                + "\n".join(f"•  {f}" for f in facts))))
        if in_copies is not False:
            self.copies_note = self._plain(QLabel(
                tr("Backups or recovery copies of this session hold them, from earlier "
                   "states.") if in_copies else
                tr("Backups or recovery copies of this session may hold them: there were "
                   "too many to search them all just now.")))
            self.copies_note.setObjectName("copiesNote")
            layout.addWidget(self.copies_note)
        personal = (impact.votes or impact.interests or impact.consents or impact.diagnostics
                    or impact.signature)
        hand_over = [tr("Hand over to the table: their cards stay, with “the table” as "
                        "author.")]
        if impact.actions:
            if impact.organisation and impact.organisation_stays:
                hand_over.append(tr("The actions they own go to {organisation}.",
                                    organisation=impact.organisation[:120]))
            else:
                hand_over.append(tr("The actions they own lose their owner (nobody else of "
                                    "their organisation takes part)."))
        if personal:
            hand_over.append(tr("Interests, votes, consent decisions, scores and a signature "
                                "are personal: they cannot be handed over and are deleted."))
        if impact.earlier_version:
            hand_over.append(tr("The articles of the version this meeting revises keep "
                                "them: the record that they signed it and left."))
        layout.addWidget(self._plain(QLabel(" ".join(hand_over))))
        delete = tr("Delete everything of them: their cards go too, with the votes on them, "
                    "and their actions lose their owner. Nothing of them stays in the "
                    "session file.")
        layout.addWidget(self._plain(QLabel(delete)))
        self.forget_note = self._plain(QLabel(tr(
            "Deleting also takes them out of every backup and recovery copy the app keeps, "
            "and deletes the PDFs exported from this session beside it. That part cannot "
            "be undone.")))
        self.forget_note.setObjectName("forgetNote")
        layout.addWidget(self.forget_note)
        orphaned, organisation = impact.orphaned_organisation_actions, impact.organisation[:120]
        if orphaned:
            layout.addWidget(self._plain(QLabel(
                tr("Either way, 1 action owned by {organisation} loses its owner: nobody else "
                   "of that organisation takes part.", organisation=organisation)
                if orphaned == 1 else
                tr("Either way, {count} actions owned by {organisation} lose their owner: "
                   "nobody else of that organisation takes part.", count=orphaned,
                   organisation=organisation))))
        voided = impact.signatures_voided
        if voided:
            warning = QLabel(
                tr("The agreement lists its participants, so the signature given so far no "
                   "longer counts after this change.") if voided == 1 else
                tr("The agreement lists its participants, so the {count} signatures given so "
                   "far no longer count after this change.", count=voided))
            warning.setStyleSheet("color: #b00020;")
            layout.addWidget(self._plain(warning))
        layout.addWidget(self._plain(QLabel(tr("You can undo this with Ctrl+Z."))))
        buttons = QDialogButtonBox()
        self.hand_over_button = QPushButton(tr("&Hand over to the table"))
        self.delete_button = QPushButton(tr("&Delete everything of them"))
        buttons.addButton(self.hand_over_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.hand_over_button.clicked.connect(lambda: self._choose("hand_over"))
        self.delete_button.clicked.connect(lambda: self._choose("delete"))
        buttons.rejected.connect(self.reject)
        self.hand_over_button.setDefault(True)
        self.hand_over_button.setAutoDefault(True)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(560, self.screen().availableGeometry().width()))
        self.hand_over_button.setFocus()

    @staticmethod
    def _plain(label: QLabel) -> QLabel:
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    @staticmethod
    def _facts(impact: RemovalImpact) -> list[str]:
        n = impact
        facts = [
            (n.cards, tr("1 card they wrote") if n.cards == 1
             else tr("{count} cards they wrote", count=n.cards)),
            (n.votes, tr("1 vote") if n.votes == 1 else tr("{count} votes", count=n.votes)),
            (n.interests, tr("1 interest") if n.interests == 1
             else tr("{count} interests", count=n.interests)),
            (n.links, tr("1 link to an interest of someone else") if n.links == 1
             else tr("{count} links to interests of others", count=n.links)),
            (n.consents, tr("1 consent decision") if n.consents == 1
             else tr("{count} consent decisions", count=n.consents)),
            (n.diagnostics, tr("1 score, mark or form choice") if n.diagnostics == 1
             else tr("{count} scores, marks and form choices", count=n.diagnostics)),
            (int(n.signature), tr("their signature")),
            (n.actions, tr("1 action they own") if n.actions == 1
             else tr("{count} actions they own", count=n.actions)),
            (n.earlier_version, tr("their entry as a party in the version this meeting "
                                   "revises")),
        ]
        return [text for amount, text in facts if amount]

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
