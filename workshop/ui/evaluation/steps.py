"""The evaluation's own steps, listed above the meeting's steps in an evaluation
meeting's workspace: look back, measure again, what changed. Adjusting and signing are
the usual steps below them.

The list installs itself in the main window's side panel and follows its document;
a page it shows goes into the window's page stack like a step's page, and choosing a
step of the meeting again leaves it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMainWindow, QWidget

from workshop.domain.compare import changes_since_previous
from workshop.domain.evaluation import review_counts, revised, scan_pair
from workshop.i18n import N_, tr
from workshop.ui.document import SessionDocument

LOOK_BACK, MEASURE_AGAIN, CHANGES = "look_back", "measure_again", "changes"
EVALUATION_STEPS: tuple[tuple[str, str], ...] = (
    (LOOK_BACK, N_("Look back")),
    (MEASURE_AGAIN, N_("Measure again")),
    (CHANGES, N_("What changed")),
)
CANVASES = {MEASURE_AGAIN: "conditions_change", CHANGES: "changes"}
"""What the projector shows while the page is open."""


def _page_factory(kind: str) -> Callable[[SessionDocument, QMainWindow], QWidget]:
    if kind == LOOK_BACK:
        from workshop.ui.evaluation.look_back import LookBackPage

        return LookBackPage
    from workshop.ui.evaluation.measure import ChangesPage, MeasureAgainPage

    return MeasureAgainPage if kind == MEASURE_AGAIN else ChangesPage


class EvaluationSteps(QListWidget):
    """Shown only when the open session is an evaluation meeting."""

    sig_shown = Signal(str)
    """An evaluation page was shown (its kind)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__()
        self.setObjectName("evaluationSteps")
        self.setAccessibleName(tr("Steps of the evaluation"))
        self.window_ = window
        self.document: SessionDocument | None = None
        self.pages: dict[str, QWidget] = {}
        self._own_canvas = False
        self._followed: SessionDocument | None = None
        for _kind, _title in EVALUATION_STEPS:
            self.addItem(QListWidgetItem())
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemActivated.connect(lambda item: self.show_page(self._kind_of(item)))
        self.itemClicked.connect(lambda item: self.show_page(self._kind_of(item)))
        window.sig_document_changed.connect(self.attach)  # type: ignore[attr-defined]
        window.navigator.currentRowChanged.connect(self._on_step_chosen)  # type: ignore
        self.hide()

    def _kind_of(self, item: QListWidgetItem) -> str:
        return EVALUATION_STEPS[self.row(item)][0]

    def attach(self, document: SessionDocument | None) -> None:
        if self._followed is not None:
            try:
                self._followed.sig_changed.disconnect(self._on_document_changed)
            except RuntimeError:
                pass  # already gone with its document
            self._followed = None
        self.document = document
        self.pages = {}  # the window deleted them with its page stack
        self._own_canvas = False
        previous = revised(document.session) if document is not None else None
        self.setVisible(previous is not None)
        if document is None or previous is None:
            return
        document.sig_changed.connect(self._on_document_changed)
        self._followed = document
        self.show_states()
        self.setFixedHeight(self.sizeHintForRow(0) * len(EVALUATION_STEPS)
                            + 2 * self.frameWidth() + 6 * len(EVALUATION_STEPS))

    def _on_document_changed(self, areas: frozenset[str]) -> None:
        if areas - {"view"}:
            self.show_states()

    def show_states(self) -> None:
        """Each step with where it stands, like the meeting's steps below."""
        if self.document is None:
            return
        s = self.document.session
        counts = review_counts(s)
        total = len(s.roadmap.actions)
        states = [
            tr("{reviewed} of {total} actions reviewed", reviewed=total - counts.get(None, 0),
               total=total),
            tr("measured again") if scan_pair(s) else tr("not measured yet"),
            tr("{count} changes", count=len(changes_since_previous(s))),
        ]
        for row, ((_kind, title), state) in enumerate(zip(EVALUATION_STEPS, states,
                                                          strict=True)):
            self.item(row).setText(tr("E{number}. {step}\n{state}", number=row + 1,
                                      step=tr(title), state=state))

    def page(self, kind: str) -> QWidget:
        assert self.document is not None
        if kind not in self.pages:
            page = _page_factory(kind)(self.document, self.window_)
            self.window_.page_stack.addWidget(page)  # type: ignore[attr-defined]
            self.pages[kind] = page
        return self.pages[kind]

    def show_page(self, kind: str) -> QWidget | None:
        if self.document is None or revised(self.document.session) is None:
            return None
        w = self.window_
        page = self.page(kind)
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            refresh()
        w.page_stack.setCurrentWidget(page)  # type: ignore[attr-defined]
        number = [k for k, _t in EVALUATION_STEPS].index(kind)
        self.setCurrentRow(number)
        w.step_title.setText(tr("Evaluation {number}: {step}",  # type: ignore[attr-defined]
                                number=number + 1, step=tr(EVALUATION_STEPS[number][1])))
        w.step_bar.hide()  # type: ignore[attr-defined]
        navigator = w.navigator  # type: ignore[attr-defined]
        navigator.blockSignals(True)
        navigator.setCurrentRow(-1)
        navigator.blockSignals(False)
        controller = w.projector_controls.controller  # type: ignore[attr-defined]
        canvas = CANVASES.get(kind)
        if canvas is not None:
            controller.set_canvas(canvas)
            self._own_canvas = True
        elif self._own_canvas:
            controller.set_canvas(None)
            self._own_canvas = False
        focus = getattr(page, "focus_first", None)
        if focus is not None:
            focus()
        self.sig_shown.emit(kind)
        return page

    def _on_step_chosen(self, row: int) -> None:
        if row < 0:
            return
        self.setCurrentRow(-1)
        self.window_.step_bar.show()  # type: ignore[attr-defined]
        if self._own_canvas:
            self.window_.projector_controls.controller.set_canvas(None)  # type: ignore
            self._own_canvas = False
