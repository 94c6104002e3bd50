"""Diagnostics in the workspace: five conditions scan, expectation spectra, forms.

``DiagnosticsPanel(document)`` holds the entry grids and their live charts;
``ParticipantMode`` is the full-window view for a laptop handed round the table.
"""

from __future__ import annotations

from typing import Any

__all__ = ["DiagnosticsPanel"]


def __getattr__(name: str) -> Any:
    if name == "DiagnosticsPanel":  # loaded on first use: it brings pyqtgraph
        from workshop.ui.diagnostics.panel import DiagnosticsPanel

        return DiagnosticsPanel
    raise AttributeError(name)
