"""Key filters on the widget that has the keyboard, not on the whole application.

An event filter on the application sees every event of every object, and in Python
each one is a call into Python with two new wrappers (the object and the event). Two
such filters (the room's letters, the paste limits) cost half of a step switch on the
large session: the switch shows and hides some thousand widgets, and every Show, Hide,
Paint and LayoutRequest went through both (tests/bench: workspace, soak).

Both only ever act on key presses, and a key press goes to the focus widget, then up
its parents to its window while it is ignored. So a filter given to ``follow_focus``
sits on the focus widget, moved along with it (``QApplication.focusChanged``), and on
the windows given (a key sent to a window itself, or one a widget passed up).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget


class _FocusFollower(QObject):
    """Moves its filters from the widget that lost the keyboard to the one that got it."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._filters: list[tuple[QObject, tuple[QObject, ...]]] = []
        app.focusChanged.connect(self._moved)

    def add(self, event_filter: QObject, fixed: tuple[QObject, ...]) -> None:
        self._filters.append((event_filter, fixed))
        for target in (*fixed, QApplication.focusWidget()):
            if target is not None:
                target.installEventFilter(event_filter)

    def _moved(self, old: QWidget | None, new: QWidget | None) -> None:
        self._filters = [(f, fixed) for f, fixed in self._filters if shiboken6.isValid(f)]
        for event_filter, fixed in self._filters:
            if old is not None and shiboken6.isValid(old) and not any(
                    old is target for target in fixed):
                old.removeEventFilter(event_filter)
            if new is not None and shiboken6.isValid(new):
                new.installEventFilter(event_filter)  # (once: Qt moves it to the front)


def follow_focus(event_filter: QObject, *fixed: QObject) -> None:
    """Keep ``event_filter`` on the focus widget, whichever it is, and on ``fixed``
    (windows) for as long as it lives. Its ``eventFilter`` must act on key events only:
    it sees nothing else of the application."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "a QApplication first"
    follower = getattr(app, "_workshop_focus_follower", None)
    if follower is None or not shiboken6.isValid(follower):
        follower = _FocusFollower(app)
        app._workshop_focus_follower = follower  # type: ignore[attr-defined]
    follower.add(event_filter, fixed)
