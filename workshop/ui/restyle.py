"""Style sheets set only when they change.

``setStyleSheet`` re-polishes the widget (and its children) even when the sheet is the
same text: about 0.5 ms a call, paid on every edit by labels that show a state (the
save state, the dots left). ``restyle`` skips the call when nothing changes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def restyle(widget: QWidget, sheet: str) -> None:
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
