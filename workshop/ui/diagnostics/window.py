"""The diagnostics window the facilitator opens from the workspace (Diagnostics, Ctrl+D).

A non-modal window owned by the main window, so the steps stay usable beside it. It
follows the main window's document: a session opened, closed or the language switched
(``sig_document_changed``) rebuilds the panel, or closes the window when no session is
open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMainWindow, QVBoxLayout, QWidget

from workshop.i18n import tr
from workshop.ui.document import SessionDocument
from workshop.ui.window_place import resize_on_screen

if TYPE_CHECKING:  # the panel (and pyqtgraph) load when the window first opens
    from workshop.ui.diagnostics.panel import DiagnosticsPanel

_ATTRIBUTE = "_diagnostics_window"


class DiagnosticsWindow(QDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("diagnosticsWindow")
        self.setModal(False)
        resize_on_screen(self, 1300, 720)
        self.panel: DiagnosticsPanel | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)

    def show_document(self, document: SessionDocument | None) -> None:
        if self.panel is not None:
            self._layout.removeWidget(self.panel)
            self.panel.deleteLater()
            self.panel = None
        if document is None:
            self.hide()
            return
        from workshop.ui.diagnostics.panel import DiagnosticsPanel

        self.setWindowTitle(tr("Diagnostics: {name}", name=document.session.details.name))
        self.panel = DiagnosticsPanel(document, self)
        self._layout.addWidget(self.panel)


def show_diagnostics(window: QMainWindow) -> DiagnosticsWindow | None:
    """Open (or raise) the diagnostics of ``window``'s session; None without a session."""
    document: SessionDocument | None = getattr(window, "document", None)
    if document is None:
        return None
    dialog: DiagnosticsWindow | None = getattr(window, _ATTRIBUTE, None)
    if dialog is None:
        dialog = DiagnosticsWindow(window)
        setattr(window, _ATTRIBUTE, dialog)
        signal = getattr(window, "sig_document_changed", None)
        if signal is not None:
            signal.connect(lambda doc: dialog.show_document(doc) if dialog.isVisible()
                           or doc is None else dialog.show_document(None))
    if dialog.panel is None or dialog.panel.document is not document:
        dialog.show_document(document)
    was_visible = dialog.isVisible()
    dialog.show()
    if was_visible:
        dialog.raise_()  # already open behind the workspace: bring it forward
    dialog.activateWindow()
    if dialog.panel is not None:
        dialog.panel.scan_grid.setFocus()
    return dialog
