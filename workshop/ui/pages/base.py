"""What every step page is: a view of the document that edits only through it.

A page is built once per document and language. ``refresh(areas)`` is called after
every change (an edit, an undo, a redo) with the top-level session areas that changed;
a page updates what shows those areas and leaves the rest, including the widget being
typed into, alone. ``focus_first()`` puts the cursor where the next keystroke belongs
when the facilitator arrives on the page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from workshop.domain.model import Session, Step
from workshop.domain.operations import Operation
from workshop.ui.document import SessionDocument
from workshop.ui.editing import try_edit


class Page(QWidget):
    """Base of the step pages."""

    step: Step
    areas: frozenset[str] = frozenset()
    """The session areas this page shows; ``refresh`` runs when one of them changes."""

    sig_message = Signal(str)
    """A short message for the status line (e.g. why an edit was refused)."""
    sig_highlight = Signal(str)
    """The id of the item under discussion (for the projector), or "" for none."""

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName(f"page-{self.step.value}")

    @property
    def session(self) -> Session:
        return self.document.session

    def refresh(self, areas: frozenset[str]) -> None:
        """Show the session's current content for ``areas`` (all when empty)."""
        raise NotImplementedError

    def focus_first(self) -> None:
        """Focus the widget where the next keystroke belongs on arrival."""
        self.setFocus()

    def show_item(self, item_id: str) -> bool:
        """Select and focus ``item_id`` (a participant, an item, a part of the page) where
        it can be changed: where a readiness finding about it is resolved. False when the
        page has no such item."""
        return False

    def try_edit(self, label: str, op: Operation[Any, Any], *args: Any,
                 merge_key: str | None = None, **kwargs: Any) -> bool:
        """``op(session, *args)`` as one edit (``workshop.ui.editing.try_edit``); a refused
        edit is reported on the status line."""
        return try_edit(self.document, label, op, *args, merge_key=merge_key,
                        report=self.sig_message.emit, **kwargs)
