"""Step 8, signing: what is missing before the table can sign, and who has signed.

The readiness list (``workshop.domain.readiness``) is the point of the page: blocking
findings first, each line taking the facilitator to the step where it is fixed (Enter
or a click; the page emits ``sig_go_to`` and the main window switches). The signatures
list shows, for every participant, whether their signature still counts for the text
as it is now. ``signing_area`` holds "Start signing" (off while anything blocks) and
the PDF buttons: preview, print on paper, export (``workshop.ui.export``).

The page refreshes only while it is shown (the check and the fingerprint cost a few
milliseconds on a large session, and every edit elsewhere would pay them).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.fingerprint import short_fingerprint
from workshop.domain.labels import label
from workshop.domain.model import AGREEMENT_SUBJECT, Step
from workshop.domain.readiness import Finding, blocking, readiness, short
from workshop.i18n import current_language, tr
from workshop.ui.commands import make_action
from workshop.ui.consent.round import ConsentRoundWidget
from workshop.ui.document import SessionDocument
from workshop.ui.export.actions import ExportActions, ExportButtons
from workshop.ui.must import must
from workshop.ui.pages.base import Page
from workshop.ui.pages.roadmap.dates import format_date
from workshop.ui.pages.signing.dialog import still_to_sign

BLOCKING_COLOUR = QColor("#b00020")
WARNING_COLOUR = QColor("#8a5a00")
SIGNED_COLOUR = QColor("#1b7a3a")
KEY_ROLE = Qt.ItemDataRole.UserRole


def format_moment(moment: dt.datetime) -> str:
    return f"{format_date(moment.date())} {moment:%H:%M}"


class _WrappedRows(QStyledItemDelegate):
    """Row heights for the text wrapped at its column's width (the tree asks without one)."""

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt's name)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        view = self.parent()
        assert isinstance(view, QTreeWidget)
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, view.columnWidth(index.column()), 1 << 16)
        return super().sizeHint(sized, index)


class FindingsList(QTreeWidget):
    """The readiness findings; Enter or a click on a line jumps to its step."""

    sig_chosen = Signal(object)
    """A finding was chosen (the ``Finding``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readinessList")
        self.setAccessibleName(tr("What is missing before signing"))
        self.setColumnCount(3)
        self.setHeaderLabels([tr("Type"), tr("Step"), tr("What is missing")])
        self.setRootIsDecorated(False)
        # a finding about a long rule wraps at its words instead of ending in "…"
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # a wider or narrower column wraps anew: the rows take their new heights
        header.sectionResized.connect(lambda *_args: self.scheduleDelayedItemsLayout())
        self.setItemDelegate(_WrappedRows(self))
        self.itemClicked.connect(lambda item, _col: self._choose(item))
        make_action("findings.open", self, lambda: self._choose(self.currentItem()))

    def _choose(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.sig_chosen.emit(item.data(0, KEY_ROLE))



class SigningPage(Page):
    """Readiness check, signatures, and the area where the signing itself happens."""

    tabs: QTabWidget

    step = Step.SIGNING
    areas = frozenset({"details", "participants", "ambition", "interests", "principles",
                       "rules", "consents", "amendments", "step_agreements", "organising",
                       "roadmap", "commitments", "signatures"})

    sig_go_to = Signal(object)
    """Show the place where a finding (a ``Finding``) is fixed: its step, and there its
    item when it names one."""
    sig_start_signing = Signal()
    """The facilitator starts the signing (the signature pad fills ``signing_area``)."""

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self._stale = True
        self._shown_revision = -1
        """``document.printed_revision`` when the page was last filled."""
        self.findings: list[Finding] = []

        self.summary = QLabel()
        self.summary.setObjectName("readinessSummary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.summary.setFont(font)
        self.findings_list = FindingsList()
        self.findings_list.sig_chosen.connect(self._on_finding_chosen)
        hint = QLabel(tr("Enter or a click on a line takes you to the step where it is "
                         "fixed."))
        hint.setWordWrap(True)
        hint.setObjectName("readinessHint")

        self.signatures_heading = QLabel()
        self.signatures_heading.setObjectName("signaturesHeading")
        heading_font = self.signatures_heading.font()
        heading_font.setBold(True)
        self.signatures_heading.setFont(heading_font)
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setObjectName("fingerprint")
        self.fingerprint_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.setToolTip(tr("A signature counts only for the text with "
                                             "this fingerprint; any change to the "
                                             "agreement changes it."))
        self.signatures_list = QTreeWidget()
        self.signatures_list.setObjectName("signaturesList")
        self.signatures_list.setAccessibleName(tr("Signatures"))
        self.signatures_list.setColumnCount(2)
        self.signatures_list.setHeaderLabels([tr("Participant"), tr("Signature")])
        self.signatures_list.setRootIsDecorated(False)
        self.signatures_list.setUniformRowHeights(True)
        self.signatures_list.setAllColumnsShowFocus(True)
        self.signatures_list.header().setStretchLastSection(True)

        self.start_button = QPushButton(tr("Start signing"))
        self.start_button.setObjectName("startSigning")
        self.start_button.clicked.connect(self.sig_start_signing.emit)
        self.start_reason = QLabel()
        self.start_reason.setWordWrap(True)
        self.start_reason.setObjectName("startSigningReason")
        self.signing_box = QGroupBox(tr("Signing"))
        self.signing_box.setObjectName("signingArea")
        self.signing_area = QVBoxLayout(self.signing_box)
        """Filled by the signing module (signature pad, PDF export)."""
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_button)
        start_row.addWidget(self.start_reason, 1)
        self.signing_area.addLayout(start_row)
        self.export_actions = ExportActions(document, self)
        """Preview, paper and PDF export of this document (the File menu uses it too)."""
        self.export_buttons = ExportButtons(self.export_actions)
        self.signing_area.addWidget(self.export_buttons)

        readiness_box = QWidget()
        top = QVBoxLayout(readiness_box)
        top.setContentsMargins(6, 6, 6, 6)
        top.addWidget(self.summary)
        top.addWidget(self.findings_list, 1)
        top.addWidget(hint)

        # The consent round on the agreement as a whole: the table sees the text (the
        # preview, which can go to the projector; the projector's canvas shows it live
        # while the round has the keyboard) and each present participant responds.
        self.agreement_round = ConsentRoundWidget(document, AGREEMENT_SUBJECT)
        self.agreement_round.setObjectName("agreementRound")
        self.agreement_round.sig_message.connect(self.sig_message)
        self.agreement_round.sig_subject.connect(self.sig_highlight)
        self.agreement_round.sig_leave.connect(lambda: self.tabs.tabBar().setFocus())
        self.agreement_round.set_leave_hint(tr("Esc: back to the tabs"))
        explain = QLabel(tr(
            "Read the agreement with the table (Show the agreement: the preview, which "
            "you can put on the projector), then hold the consent round on it as a "
            "whole. Any later change to the text asks for the round again."))
        explain.setWordWrap(True)
        explain.setObjectName("agreementRoundHint")
        self.show_agreement_button = QPushButton(tr("Show the agreement"))
        self.show_agreement_button.setObjectName("showAgreement")
        self.show_agreement_button.setToolTip(tr(
            "The agreement as it will be printed; the preview can be shown on the "
            "projector."))
        self.show_agreement_button.clicked.connect(self._show_agreement)
        agreement_box = QWidget()
        round_layout = QVBoxLayout(agreement_box)
        round_layout.setContentsMargins(6, 6, 6, 6)
        show_row = QHBoxLayout()
        show_row.addWidget(explain, 1)
        show_row.addWidget(self.show_agreement_button)
        round_layout.addLayout(show_row)
        round_layout.addWidget(self.agreement_round, 1)

        signatures_box = QWidget()
        middle = QVBoxLayout(signatures_box)
        middle.setContentsMargins(6, 6, 6, 6)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.signatures_heading, 1)
        heading_row.addWidget(self.fingerprint_label)
        middle.addLayout(heading_row)
        middle.addWidget(self.signatures_list, 1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("signingTabs")
        self.tabs.addTab(readiness_box, tr("1. What is missing"))
        self.tabs.addTab(agreement_box, tr("2. Consent on the agreement"))
        self.tabs.addTab(signatures_box, tr("3. Signatures"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.signing_box)
        self.setTabOrder(self.findings_list, self.start_button)
        self.setTabOrder(self.start_button, self.export_buttons.preview_button)

    # --- Page ------------------------------------------------------------------------

    def refresh(self, areas: frozenset[str]) -> None:
        if not self.isVisible():
            self._stale = True
            return
        if areas and not self._stale and self._shown_revision == self.document.printed_revision:
            return  # only what the agreement does not print changed (cards, dots, scores)
        self._refresh_now()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._refresh_now()

    def focus_first(self) -> None:
        if self._stale:
            self._refresh_now()
        only_the_round = all(f.item_id == AGREEMENT_SUBJECT for f in self.findings)
        if self.findings and only_the_round and blocking(self.findings):
            self.show_item(AGREEMENT_SUBJECT)  # nothing else is missing: the round is next
        elif self.findings_list.topLevelItemCount():
            self.tabs.setCurrentIndex(0)
            if self.findings_list.currentItem() is None:
                self.findings_list.setCurrentItem(must(self.findings_list.topLevelItem(0)))
            self.findings_list.setFocus()
        else:
            self.start_button.setFocus()

    def show_item(self, item_id: str) -> bool:
        """Open the part of the page where ``item_id`` is handled: the consent round on
        the agreement as a whole ("agreement") or a participant's signature."""
        if item_id == AGREEMENT_SUBJECT:
            self.tabs.setCurrentIndex(1)
            self.agreement_round.table.setFocus()
            return True
        for row in range(self.signatures_list.topLevelItemCount()):
            item = self.signatures_list.topLevelItem(row)
            if item is not None and item.data(0, KEY_ROLE) == item_id:
                self.tabs.setCurrentIndex(2)
                self.signatures_list.setCurrentItem(item)
                self.signatures_list.setFocus()
                return True
        return False

    def _on_tab_changed(self, index: int) -> None:
        # The projector shows the agreement's text while its round is open, and who
        # signed otherwise.
        self.sig_highlight.emit(AGREEMENT_SUBJECT if index == 1 else "")

    def _show_agreement(self) -> None:
        self.sig_highlight.emit(AGREEMENT_SUBJECT)
        self.export_actions.preview()

    # --- content -------------------------------------------------------------------

    def _refresh_now(self) -> None:
        self._stale = False
        self._shown_revision = self.document.printed_revision
        self.findings = readiness(self.session, current_language(),
                                  self.document.agreement_version())
        self._show_findings()
        self._show_signatures()
        blocking_count = sum(1 for f in self.findings if f.severity == "blocking")
        unsigned = bool(still_to_sign(self.session, self.document.fingerprint()))
        self.start_button.setEnabled(blocking_count == 0 and unsigned)
        if not unsigned and any(p.present for p in self.session.participants):
            self.start_reason.setText(tr("Everyone present has signed this text."))
        elif blocking_count:
            self.start_reason.setText(tr("Signing can start once the blocking points above "
                                         "are resolved."))
        elif self.findings:
            self.start_reason.setText(tr("Nothing blocks. Check the remaining points with "
                                         "the table, then start."))
        else:
            self.start_reason.setText(tr("Everything is in place."))

    def _show_findings(self) -> None:
        tree = self.findings_list
        current = tree.currentItem()
        current_key = current.data(0, KEY_ROLE) if current is not None else None
        scroll = tree.verticalScrollBar().value()
        tree.setUpdatesEnabled(False)
        tree.clear()
        restore: QTreeWidgetItem | None = None
        for finding in self.findings:
            blocking = finding.severity == "blocking"
            item = QTreeWidgetItem([tr("Blocking") if blocking else tr("To check"),
                                    label(finding.step, current_language()), finding.message])
            item.setData(0, KEY_ROLE, finding)
            item.setToolTip(2, finding.message)
            colour = QBrush(BLOCKING_COLOUR if blocking else WARNING_COLOUR)
            item.setForeground(0, colour)
            font = item.font(0)
            font.setBold(blocking)
            item.setFont(0, font)
            tree.addTopLevelItem(item)
            if finding == current_key:
                restore = item
        if restore is not None:
            tree.setCurrentItem(restore)
        tree.verticalScrollBar().setValue(scroll)
        tree.setUpdatesEnabled(True)
        if not tree.property("sized"):
            metrics = tree.fontMetrics()
            tree.setColumnWidth(0, max(metrics.horizontalAdvance(tr("Blocking")),
                                       metrics.horizontalAdvance(tr("To check"))) + 36)
            lang = current_language()
            tree.setColumnWidth(1, max(metrics.horizontalAdvance(label(s, lang))
                                       for s in Step) + 28)
            tree.setProperty("sized", True)
        blocking_count = sum(1 for f in self.findings if f.severity == "blocking")
        if not self.findings:
            self.summary.setText(tr("Ready to sign: nothing is missing."))
            self.summary.setStyleSheet(f"color: {SIGNED_COLOUR.name()};")
        else:
            self.summary.setText(tr("Before signing — blocking: {blocking} · to check: "
                                    "{warnings}", blocking=blocking_count,
                                    warnings=len(self.findings) - blocking_count))
            self.summary.setStyleSheet(f"color: {BLOCKING_COLOUR.name()};" if blocking_count
                                       else "")

    def _show_signatures(self) -> None:
        s = self.session
        current = self.document.fingerprint()  # once per state, shared with the window
        self.fingerprint_label.setText(tr("Fingerprint of the current text: {fingerprint}",
                                          fingerprint=short_fingerprint(current)))
        by_participant = {g.participant_id: g for g in s.signatures}
        tree = self.signatures_list
        scroll = tree.verticalScrollBar().value()
        tree.clear()
        valid = 0
        for p in s.participants:
            name = f"{p.name} ({p.organisation})" if p.organisation else p.name
            signature = by_participant.get(p.id)
            colour: QColor | None = None
            if signature is not None and signature.fingerprint == current:
                text = tr("signed on {when}", when=format_moment(signature.signed_at))
                colour = SIGNED_COLOUR
                valid += 1
            elif signature is not None:
                text = tr("signed on {when}, but the text changed since: must sign again",
                          when=format_moment(signature.signed_at))
                colour = BLOCKING_COLOUR
            elif not p.present:
                text = tr("absent: cannot sign today")
            else:
                text = tr("not signed yet")
            item = QTreeWidgetItem([short(name, 120), text])
            item.setData(0, KEY_ROLE, p.id)
            item.setToolTip(0, name[:1000])
            if colour is not None:
                item.setForeground(1, QBrush(colour))
            tree.addTopLevelItem(item)
        tree.verticalScrollBar().setValue(scroll)
        if not tree.property("sized"):
            tree.setColumnWidth(0, 360)
            tree.setProperty("sized", True)
        present = sum(1 for p in s.participants if p.present)
        self.signatures_heading.setText(tr(
            "Signatures on the current text: {valid} of {present} participants present",
            valid=valid, present=present))

    def _on_finding_chosen(self, finding: Finding) -> None:
        if finding.step is Step.SIGNING and finding.item_id:
            self.show_item(finding.item_id)
            return
        self.sig_go_to.emit(finding)
