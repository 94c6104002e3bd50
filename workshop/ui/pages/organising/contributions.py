"""Contributions: what each organisation brings (people, money, in kind), with totals.

The entry row is built for dictation: organisation, kind, amount, period, description,
Enter adds and the cursor goes back to the organisation for the next one. In the list,
amount and description are edited in place (Enter or F2), Delete removes a row. The
totals below come from ``workshop.domain.commitments.totals``: per organisation and for
the collaboration, hours and euros per year, in kind apart, one-off amounts apart.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop import locale_format
from workshop.domain.commitments import PartyTotals, totals
from workshop.domain.edits import commitments as edits
from workshop.domain.labels import label
from workshop.domain.model import (
    Contribution,
    ContributionKind,
    Period,
    Session,
    new_id,
)
from workshop.i18n import current_language, tr
from workshop.locale_format import AmountError
from workshop.ui.pages.base import Page
from workshop.ui.pages.organising.common import (
    EnterAdds,
    ItemTable,
    OrganisationCombo,
    cell,
    entry_line,
    format_amount,
    heading,
    muted,
    parse_amount,
)

AREA = "commitments.contributions"
RIGHT = Qt.AlignmentFlag.AlignRight


def amount_text(kind: ContributionKind, amount: Decimal | None) -> str:
    """"120 hours", "€ 5.000", "€ 2.000 (estimated)"; "" without an amount."""
    if amount is None:
        return ""
    if kind is ContributionKind.PEOPLE:
        return tr("{amount} hours", amount=format_amount(amount))
    if kind is ContributionKind.MONEY:
        return locale_format.money(amount, current_language())
    return tr("€ {amount} (estimated)", amount=format_amount(amount))


def one_off_text(party: PartyTotals) -> str:
    parts = []
    if party.one_off_euros:
        parts.append(locale_format.money(party.one_off_euros, current_language()))
    if party.one_off_hours:
        parts.append(tr("{amount} hours", amount=format_amount(party.one_off_hours)))
    if party.one_off_in_kind:
        parts.append(tr("€ {amount} (estimated)", amount=format_amount(party.one_off_in_kind)))
    return "; ".join(parts)


class ContributionsSection(QWidget):
    """Add, edit and remove contributions; the totals per party and overall."""

    HEADERS = ("Organisation", "Kind", "Amount", "Period", "Description")

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.page = page
        self.organisation = OrganisationCombo(tr("Organisation"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Kind of contribution"))
        for kind in ContributionKind:
            self.kind.addItem(label(kind, current_language()), kind.value)
        self.amount = entry_line()
        self.amount.setAccessibleName(tr("Amount"))
        self.amount.setPlaceholderText(tr("Amount"))
        self.amount.setMaximumWidth(140)
        self.amount.setMinimumWidth(  # its placeholder whole ("Omvang")
            self.amount.fontMetrics().horizontalAdvance(self.amount.placeholderText()) + 16)
        self.unit = QLabel()
        self.period = QComboBox()
        self.period.setAccessibleName(tr("Period"))
        for period in Period:
            self.period.addItem(label(period, current_language()), period.value)
        self.period.setCurrentIndex(self.period.findData(Period.YEAR.value))
        self.description = entry_line()
        self.description.setAccessibleName(tr("Description"))
        self.description.setPlaceholderText(tr("E.g. 0.2 FTE, entry fee, room"))
        self.add_button = QPushButton(tr("Add"))
        self.add_button.clicked.connect(self.add_typed)
        EnterAdds(self, self.add_typed, self.organisation, self.kind, self.amount, self.period,
                  self.description)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_unit())
        self._show_unit()

        entry = QHBoxLayout()
        entry.addWidget(self.organisation, 3)
        entry.addWidget(self.kind, 2)
        entry.addWidget(self.amount, 1)
        entry.addWidget(self.unit)
        entry.addWidget(self.period, 1)
        entry.addWidget(self.description, 5)
        entry.addWidget(self.add_button)

        self.table = ItemTable([tr(h) for h in self.HEADERS])
        self.table.setObjectName("contributionsTable")
        self.table.sig_remove.connect(self.remove)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.currentCellChanged.connect(  # the projector lights the party's tile
            lambda *_a: page.sig_highlight.emit(self.table.current_id() or ""))
        self.totals_table = ItemTable([tr("Organisation"), tr("Hours per year"),
                                       tr("Euros per year"), tr("In kind per year (estimated)"),
                                       tr("One-off")])
        self.totals_table.setObjectName("totalsTable")
        self.totals_table.setEditTriggers(ItemTable.EditTrigger.NoEditTriggers)
        self.totals_table.setSelectionMode(ItemTable.SelectionMode.NoSelection)
        self.totals_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Contributions"), tr(
            "What each party brings: people (hours), money and in kind (rooms, data, ICT, "
            "secondment), each per period. Enter adds; Delete removes a row; Enter or F2 "
            "in the list edits amount or description.")))
        layout.addLayout(entry)
        totals_box = QWidget()
        totals_layout = QVBoxLayout(totals_box)
        totals_layout.setContentsMargins(0, 6, 0, 0)
        totals_layout.addWidget(heading(tr("Totals per party and for the collaboration"), tr(
            "Per year: per month counts twelve times, per quarter four times. In kind is an "
            "estimate and is not added to money; one-off amounts are counted apart.")))
        totals_layout.addWidget(self.totals_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(totals_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.problem = muted()
        layout.addWidget(self.problem)

        chain: list[QWidget] = [self.organisation, self.kind, self.amount, self.period,
                                self.description, self.add_button, self.table]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    @property
    def session(self) -> Session:
        return self.page.session

    def _show_unit(self) -> None:
        kind = ContributionKind(self.kind.currentData())
        self.unit.setText(tr("hours") if kind is ContributionKind.PEOPLE else tr("euros"))

    # --- showing ---------------------------------------------------------------------

    def refresh(self) -> None:
        s = self.session
        self.organisation.set_organisations(s.organisations())
        no_parties = not s.organisations()
        self.problem.setText(tr("Add participants with their organisation on the "
                                "Preparation page first.") if no_parties else "")
        rows = []
        for c in s.commitments.contributions:
            rows.append([cell(c.organisation, c.id), cell(label(c.kind, current_language())),
                         cell(format_amount(c.amount), editable=True, align=RIGHT),
                         cell(label(c.period, current_language())),
                         cell(c.description, editable=True)])
        self.table.fill(rows)
        result = totals(s)
        total_rows = [self._total_row(p, p.organisation) for p in result.parties]
        overall = self._total_row(result.overall, tr("All parties together"))
        for item in overall:
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
        self.totals_table.fill([*total_rows, overall])
        self.table.resizeColumnsToContents()
        self.totals_table.resizeColumnsToContents()

    def _total_row(self, p: PartyTotals, name: str) -> list[QTableWidgetItem]:
        return [cell(name, p.organisation or "overall"),
                cell(format_amount(p.hours_per_year) if p.hours_per_year else "", align=RIGHT),
                cell(locale_format.money(p.euros_per_year, current_language())
                     if p.euros_per_year else "", align=RIGHT),
                cell(locale_format.money(p.in_kind_per_year, current_language())
                     if p.in_kind_per_year else "", align=RIGHT),
                cell(one_off_text(p))]

    # --- editing ---------------------------------------------------------------------

    def add_typed(self) -> None:
        organisation = self.organisation.organisation()
        if organisation is None:
            self.page.sig_message.emit(tr("Choose the organisation that brings it."))
            self.organisation.setFocus()
            return
        try:
            amount = parse_amount(self.amount.text())
        except AmountError as error:  # the typed text stays in the field to correct
            self.page.sig_message.emit(error.message(current_language()))
            self.amount.setFocus()
            self.amount.selectAll()
            return
        description = self.description.text().strip()
        if amount is None and not description:
            self.page.sig_message.emit(tr("Type an amount or a description."))
            self.amount.setFocus()
            return
        item = Contribution(id=new_id("c"), organisation=organisation,
                            kind=ContributionKind(self.kind.currentData()), amount=amount,
                            period=Period(self.period.currentData()), description=description)
        if self.page.try_edit(tr("Add a contribution"), edits.add_items, AREA, [item]):
            self.amount.clear()
            self.description.clear()
            self.table.select_id(item.id)
            self.table.scrollToBottom()
            self.organisation.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove(self, item_id: str) -> None:
        self.table.remove_item(self.page.try_edit, tr("Remove a contribution"), AREA, item_id)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        item_id = self.table.id_at(item.row())
        if item_id is None:
            return
        column = item.column()
        text = item.text()
        if column == 2:
            try:
                amount = parse_amount(text)
            except AmountError as error:
                self.page.sig_message.emit(error.message(current_language()))
                self.table.invalidate()
                self.refresh()
                return

            self.page.try_edit(tr("Edit {field}", field=tr("Amount")), edits.set_item_field,
                               AREA, item_id, "amount", amount)
        elif column == 4:
            self.page.try_edit(tr("Edit {field}", field=tr("Description")),
                               edits.set_item_field, AREA, item_id, "description", text.strip())
        self.table.invalidate()
        self.refresh()

    def focus_first(self) -> None:
        self.organisation.setFocus(Qt.FocusReason.OtherFocusReason)

