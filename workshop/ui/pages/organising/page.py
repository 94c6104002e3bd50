"""Step 6, organising and deciding: how the collaboration will run once the room empties.

Five tabs: the choices (below), and the commitments: roles, contributions, each
organisation's year-plan translation and the closing clauses (``commitments_*``
modules). Ctrl+Tab and Ctrl+Shift+Tab switch tabs.

The choices are one form, top to bottom, in the order the conversation usually goes:
how decisions are made, who chairs, how often the table meets and along which annual
calendar, who sits at the table, where the money comes from and how the collaboration
evaluates itself. Each choice has a one-line explanation for the facilitator and a note for what the
table said in its own words. Every field is bound to the session through the document,
so each change is one undo step (a run of typing merges into one).
"""

from __future__ import annotations

from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import organising as edits
from workshop.domain.labels import label
from workshop.domain.model import (
    ChairKind,
    DecisionRule,
    EvaluationKind,
    Financing,
    Representation,
    Step,
)
from workshop.i18n import N_, current_language, tr
from workshop.ui.document import SessionDocument
from workshop.ui.pages.base import Page
from workshop.ui.pages.organising.clauses import ClausesSection
from workshop.ui.pages.organising.common import heading, muted
from workshop.ui.pages.organising.contributions import ContributionsSection
from workshop.ui.pages.organising.roles import RolesSection
from workshop.ui.pages.organising.year_plans import YearPlansSection
from workshop.ui.widgets import BoundLineEdit, BoundTextEdit, EnumComboBox

E = TypeVar("E", bound=Enum)

_OTHER = N_("Describe the arrangement in the note.")

EXPLAIN: dict[Enum, str] = {
    DecisionRule.CONSENT: N_("A proposal passes when nobody has an overriding objection; "
                             "concerns are recorded."),
    DecisionRule.CONSENSUS: N_("A proposal passes only when everyone agrees: the strongest "
                               "support, but slow with many parties."),
    DecisionRule.MAJORITY_PER_PERSPECTIVE: N_("Each perspective (sector) has one vote, so "
                                              "no large party can outvote the rest."),
    DecisionRule.OTHER: _OTHER,
    ChairKind.INDEPENDENT: N_("Someone without an interest of their own chairs and guards "
                              "the process and the weaker parties."),
    ChairKind.ROTATING: N_("The partners take turns: shared ownership, but agree on how the "
                           "chair is handed over."),
    ChairKind.PROGRAMME_MANAGER: N_("The programme manager prepares and chairs: efficient; "
                                    "the executives stay in charge of decisions."),
    ChairKind.OTHER: _OTHER,
    Representation.WHOLE_SYSTEM: N_("Every party that matters for the task is at the table: "
                                    "broad support, larger meetings."),
    Representation.REPRESENTATIVES_PER_SECTOR: N_("One executive speaks for each sector: a "
                                                  "smaller table that needs a mandate and "
                                                  "feedback to the rest."),
    Representation.OTHER: _OTHER,
    EvaluationKind.KPIS: N_("Agreed indicators (for example on the quadruple aim), measured "
                            "at set moments."),
    EvaluationKind.PROCESS: N_("A look at how the collaboration works, for example twice a "
                               "year with the five conditions."),
    EvaluationKind.BOTH: N_("Indicators for the results and a process evaluation for the "
                            "collaboration itself."),
    EvaluationKind.OTHER: _OTHER,
    Financing.OWN_MEANS: N_("Each partner pays from its own budget, for example in "
                            "proportion to its size."),
    Financing.REGIONAL_FUNDS: N_("Regional or transformation funds, subsidies."),
    Financing.ENTRY_FEE: N_("A fixed contribution per partner for taking part."),
    Financing.IN_KIND: N_("Staff time, rooms or facilities instead of money."),
}
"""One line per choice that helps the facilitator explain it to the table."""

NOTE_LINES = 3


class OrganisingPage(Page):
    """Decision rule, chair, cadence, annual calendar, representation, financing,
    evaluation: each with a note."""

    step = Step.ORGANISING
    areas = frozenset({"organising", "commitments", "participants"})

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self._bound: list[BoundLineEdit | BoundTextEdit | EnumComboBox] = []
        self._explained: list[tuple[EnumComboBox, QLabel]] = []
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(24)
        self._grid.setVerticalSpacing(6)
        self._grid.setColumnStretch(0, 2)
        self._grid.setColumnStretch(1, 5)
        self._row = 0

        self.decision_rule = self._choice(
            tr("Decision rule"), tr("How does this table take decisions?"), "decision_rule",
            list(DecisionRule))
        self.decision_rule_note = self._note("decision_rule_note", tr("Decision rule: note"))
        self._end_section()
        self.chair = self._choice(tr("Chair"), tr("Who leads the meetings and guards the "
                                                  "process?"), "chair", list(ChairKind))
        self.chair_note = self._note("chair_note", tr("Chair: note"))
        self._end_section()
        self.cadence = BoundLineEdit(
            document, lambda s: s.organising.cadence,
            edits.set_organising.given("cadence"), tr("Meeting cadence"))
        self.cadence.setPlaceholderText(tr("For example: the executives six times a year, "
                                           "the working groups monthly"))
        self._field(tr("Meeting cadence"), tr("How often do the executives meet, and the "
                                              "working groups?"), self.cadence, note=False)
        self._end_section()
        self.annual_calendar = BoundTextEdit(
            document, lambda s: s.organising.annual_calendar,
            edits.set_organising.given("annual_calendar"), tr("Annual calendar"))
        self.annual_calendar.setPlaceholderText(tr("Fixed moments in the year, for example: "
                                                   "March year plan, September budgets"))
        self._fit_lines(self.annual_calendar, NOTE_LINES + 1)
        self._field(tr("Annual calendar"), tr("Fixed moments in the year, in step with the "
                                              "budget and planning cycles of the "
                                              "organisations."), self.annual_calendar,
                    note=False)
        self._end_section()
        self.representation = self._choice(
            tr("Representation"), tr("Who sits at the table, and on whose behalf?"),
            "representation", list(Representation))
        self.representation_note = self._note("representation_note",
                                              tr("Representation: note"))
        self._end_section()
        self.financing: dict[Financing, QCheckBox] = {}
        boxes = QWidget()
        boxes_layout = QHBoxLayout(boxes)
        boxes_layout.setContentsMargins(0, 0, 0, 0)
        for kind in Financing:
            box = QCheckBox(label(kind, current_language()))
            box.setToolTip(tr(EXPLAIN[kind]))
            box.setAccessibleDescription(tr(EXPLAIN[kind]))
            box.toggled.connect(lambda checked, k=kind: self._on_financing_toggled(k, checked))
            self.financing[kind] = box
            boxes_layout.addWidget(box)
        boxes_layout.addStretch(1)
        self._field(tr("Financing"), tr("Where do the money and the time come from? Tick "
                                        "all that apply."), boxes)
        self.financing_note = self._note("financing_note", tr("Financing: note"))
        self._end_section()
        self.evaluation = self._choice(
            tr("Evaluation"), tr("How and when does the collaboration look at itself?"),
            "evaluation", list(EvaluationKind))
        self.evaluation_note = self._note("evaluation_note", tr("Evaluation: note"))

        content = QWidget()
        content.setObjectName("organisingForm")
        outer = QVBoxLayout(content)
        outer.addLayout(self._grid)
        outer.addStretch(1)
        content.setMaximumWidth(1200)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        combos = [self.decision_rule, self.chair, self.representation, self.evaluation]
        width = max(c.sizeHint().width() for c in combos)
        for combo in combos:  # one width, so the explanations line up
            combo.setFixedWidth(width)
        self.roles = RolesSection(self)
        self.contributions = ContributionsSection(self)
        self.year_plans = YearPlansSection(self)
        self.clauses = ClausesSection(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("organisingTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.scroll_area, tr("Choices"))
        self.tabs.addTab(self.roles, tr("Roles"))
        self.tabs.addTab(self.contributions, tr("Contributions"))
        self.tabs.addTab(self.year_plans, tr("Into each organisation's plans"))
        self.tabs.addTab(self.clauses, tr("Closing clauses"))
        for index in range(self.tabs.count()):
            self.tabs.setTabToolTip(index, tr("Ctrl+Tab and Ctrl+Shift+Tab switch tabs"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        order: list[QWidget] = [self.decision_rule, self.decision_rule_note, self.chair,
                                self.chair_note, self.cadence, self.annual_calendar,
                                self.representation, self.representation_note,
                                *self.financing.values(), self.financing_note,
                                self.evaluation, self.evaluation_note]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        for widget in order:
            widget.installEventFilter(self)  # keep the focused field in view

    # --- building ------------------------------------------------------------------

    def _field(self, title: str, explanation: str, widget: QWidget, note: bool = True
               ) -> None:
        """A heading with its explanation at the left, ``widget`` at the right (and the
        note below it when ``note``)."""
        self._grid.addWidget(heading(title, explanation, beside=True), self._row, 0,
                             2 if note else 1, 1)
        self._grid.addWidget(widget, self._row, 1)
        self._row += 1

    def _choice(self, title: str, explanation: str, field: str, values: list[E]
                ) -> EnumComboBox:
        combo = EnumComboBox(self.document, values,
                             lambda s: getattr(s.organising, field),
                             edits.set_organising.given(field), title)
        for row in range(combo.count()):
            value = combo.itemData(row)
            explained = next((tr(EXPLAIN[v]) for v in values if v.value == value), "")
            if explained:
                combo.setItemData(row, explained, Qt.ItemDataRole.ToolTipRole)
        line = muted()
        line.setObjectName(f"explain-{field}")
        column = QWidget()
        stack = QVBoxLayout(column)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(2)
        pick = QHBoxLayout()
        pick.setSpacing(12)  # the explanation is not part of the list's arrow
        pick.addWidget(combo)
        pick.addWidget(line, 1)
        stack.addLayout(pick)
        self._field(title, explanation, column)
        combo.currentIndexChanged.connect(lambda _i: self._explain(combo, line, values))
        self._explain(combo, line, values)
        self._bound.append(combo)
        return combo

    def _explain(self, combo: EnumComboBox, line: QLabel, values: list[Any]) -> None:
        value = combo.currentData()
        line.setText(next((tr(EXPLAIN[v]) for v in values if v.value == value), ""))

    def _note(self, field: str, accessible: str) -> BoundTextEdit:
        note = BoundTextEdit(self.document,
                             lambda s: getattr(s.organising, field),
                             edits.set_organising.given(field), accessible)
        note.setPlaceholderText(tr("Note: what the table agreed, in its own words"))
        self._fit_lines(note, NOTE_LINES)
        self._grid.addWidget(note, self._row, 1)
        self._row += 1
        self._bound.append(note)
        return note

    def _fit_lines(self, edit: BoundTextEdit, lines: int) -> None:
        metrics = edit.fontMetrics()
        margins = edit.contentsMargins()
        height = (lines * metrics.lineSpacing() + 2 * int(edit.document().documentMargin())
                  + margins.top() + margins.bottom())
        edit.setFixedHeight(height)

    def _end_section(self) -> None:
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        self._grid.addWidget(rule, self._row, 0, 1, 2)
        self._row += 1

    # --- showing and editing -------------------------------------------------------

    def refresh(self, areas: frozenset[str]) -> None:
        if not areas or areas & {"commitments", "participants"}:
            for section in self.sections():
                section.refresh()
        if areas and "organising" not in areas:
            return
        for widget in (*self._bound, self.cadence, self.annual_calendar):
            widget.refresh()
        chosen = set(self.session.organising.financing)
        for kind, box in self.financing.items():
            if box.isChecked() != (kind in chosen):
                box.blockSignals(True)
                box.setChecked(kind in chosen)
                box.blockSignals(False)

    def sections(self) -> tuple[RolesSection, ContributionsSection, YearPlansSection,
                                ClausesSection]:
        """The commitment tabs, in tab order."""
        return (self.roles, self.contributions, self.year_plans, self.clauses)

    def show_section(self, section: QWidget) -> None:
        """Bring a tab forward and put the cursor where its next keystroke belongs."""
        self.tabs.setCurrentWidget(section)
        self.focus_first()

    def show_part(self, key: str) -> None:
        """Open the tab where a scorecard part (``ScorePart.key``, also a readiness
        finding's ``item_id``) is filled in; other keys leave the tab as it is."""
        tabs: dict[str, QWidget] = {"decision_making": self.scroll_area, "roles": self.roles,
                                    "contributions": self.contributions,
                                    "year_plans": self.year_plans, "clauses": self.clauses}
        if key in tabs:
            self.tabs.setCurrentWidget(tabs[key])

    def show_item(self, item_id: str) -> bool:
        """A scorecard part: its tab, with the cursor where it is filled in."""
        before = self.tabs.currentWidget()
        self.show_part(item_id)
        if self.tabs.currentWidget() is before and item_id not in (
                "decision_making", "roles", "contributions", "year_plans", "clauses"):
            return False
        self.focus_first()
        return True

    def focus_first(self) -> None:
        current = self.tabs.currentWidget()
        if current is self.scroll_area:
            self.decision_rule.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            current.focus_first()  # type: ignore[attr-defined]

    def _on_tab_changed(self, _index: int) -> None:
        if self.isVisible():
            self.focus_first()

    def _on_financing_toggled(self, kind: Financing, checked: bool) -> None:
        if not self.try_edit(tr("Edit {field}", field=tr("Financing")), edits.set_financing,
                             kind, checked):
            self.refresh(frozenset({"organising"}))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self.scroll_area.ensureWidgetVisible(watched, 0, 40)
        return super().eventFilter(watched, event)

