"""Into each organisation's own plans: what it will do internally, and by when.

Most of what a network achieves is carried out inside the member organisations, so each
organisation translates the agreement into its own year plan. Entry: organisation, what,
by when; Enter adds and the cursor goes back to "what" for the next item of the same
organisation. The list shows the items grouped per organisation; text and date are
edited in place (Enter or F2), Delete removes.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.commitments import organisations_without_year_plan
from workshop.domain.edits import commitments as edits
from workshop.domain.model import Session, YearPlanItem, new_id
from workshop.i18n import tr
from workshop.ui.pages.base import Page
from workshop.ui.pages.organising.common import (
    EnterAdds,
    ItemTable,
    OrganisationCombo,
    cell,
    entry_line,
    heading,
    muted,
)
from workshop.ui.pages.roadmap.dates import DateEdit, format_date, parse_date

AREA = "commitments.year_plans"


class YearPlansSection(QWidget):
    """Per organisation: its year-plan items with a due date."""

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.page = page
        self.organisation = OrganisationCombo(tr("Organisation"))
        self.text = entry_line()
        self.text.setAccessibleName(tr("What the organisation will do internally"))
        self.text.setPlaceholderText(
            tr("What it will do internally, e.g. programme in 2027 year plan"))
        self.due = DateEdit(self.reference_date)
        self.due.setAccessibleName(tr("By when"))
        self.due.setMaximumWidth(170)
        self.add_button = QPushButton(tr("Add"))
        self.add_button.clicked.connect(self.add_typed)
        EnterAdds(self, self.add_typed, self.organisation, self.text, self.due)
        entry = QHBoxLayout()
        entry.addWidget(self.organisation, 2)
        entry.addWidget(self.text, 5)
        entry.addWidget(self.due, 1)
        entry.addWidget(self.add_button)

        self.table = ItemTable([tr("Organisation"), tr("What it will do internally"),
                                tr("By when")])
        self.table.setObjectName("yearPlansTable")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.sig_remove.connect(self.remove)
        self.table.itemChanged.connect(self._on_item_changed)
        self.missing = muted()
        self.missing.setObjectName("yearPlansMissing")

        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Into each organisation's plans"), tr(
            "What each organisation will do inside its own organisation to carry out the "
            "agreement, and by when: its year-plan translation. It is printed on that "
            "organisation's page of the roadmap.")))
        layout.addLayout(entry)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.missing)
        chain: list[QWidget] = [self.organisation, self.text, self.due, self.add_button,
                                self.table]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    @property
    def session(self) -> Session:
        return self.page.session

    def reference_date(self) -> dt.date:
        return self.session.details.date or dt.date.today()

    def items_in_order(self, session: Session) -> list[YearPlanItem]:
        """Grouped per organisation (in the session's order), in entry order within."""
        order = {name: i for i, name in enumerate(session.organisations())}
        items = session.commitments.year_plans
        return sorted(items, key=lambda y: order.get(y.organisation, len(order)))

    def refresh(self) -> None:
        s = self.session
        self.organisation.set_organisations(s.organisations())
        rows = [[cell(y.organisation, y.id), cell(y.text, editable=True),
                 cell(format_date(y.due), editable=True)] for y in self.items_in_order(s)]
        self.table.fill(rows)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.table.setColumnWidth(2, max(self.table.columnWidth(2), 120))
        without = organisations_without_year_plan(s)
        self.missing.setText(tr("Without a year-plan item yet: {organisations}",
                                organisations=", ".join(without)) if without else "")

    def add_typed(self) -> None:
        organisation = self.organisation.organisation()
        text = self.text.text().strip()
        if organisation is None:
            self.page.sig_message.emit(tr("Choose the organisation that will do it."))
            self.organisation.setFocus()
            return
        if not text:
            self.page.sig_message.emit(tr("Type what the organisation will do."))
            self.text.setFocus()
            return
        try:
            due = self.due.date_value()
        except ValueError:
            self.page.sig_message.emit(tr("That is not a date: {text}",
                                          text=self.due.text()[:40]))
            self.due.setFocus()
            return
        item = YearPlanItem(id=new_id("y"), organisation=organisation, text=text, due=due)
        if self.page.try_edit(tr("Add a year-plan item"), edits.add_items, AREA, [item]):
            self.text.clear()
            self.due.clear()
            self.table.select_id(item.id)
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove(self, item_id: str) -> None:
        self.table.remove_item(self.page.try_edit, tr("Remove a year-plan item"), AREA, item_id)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        item_id = self.table.id_at(item.row())
        if item_id is None:
            return
        text = item.text()
        if item.column() == 1:
            if text.strip():
                self.page.try_edit(tr("Edit {field}", field=tr("Year-plan item")),
                                   edits.set_item_field, AREA, item_id, "text", text.strip())
        elif item.column() == 2:
            try:
                due = parse_date(text, self.reference_date())
            except ValueError:
                self.page.sig_message.emit(tr("That is not a date: {text}", text=text[:40]))
            else:
                self.page.try_edit(tr("Edit {field}", field=tr("By when")), edits.set_item_field,
                                   AREA, item_id, "due", due)
        self.table.invalidate()
        self.refresh()

    def focus_first(self) -> None:
        self.organisation.setFocus(Qt.FocusReason.OtherFocusReason)
