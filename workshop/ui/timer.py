"""The time box of the current step: start, pause, reset, and a visible overrun.

Each step keeps its own elapsed time while the facilitator moves between steps. The
clock is injectable so tests do not sleep.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from workshop.domain.steps import Step
from workshop.i18n import tr


def format_seconds(seconds: float) -> str:
    """``754`` -> ``"12:34"``; negative values (overrun) get a plus sign."""
    total = int(abs(seconds) + 0.5) if seconds < 0 else int(seconds + 0.999)
    sign = "+" if seconds < 0 else ""
    return f"{sign}{total // 60:02d}:{total % 60:02d}"


class StepClock:
    """Elapsed time per step; no Qt, so it is trivially testable."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._elapsed: dict[Step, float] = {}
        self._running_since: float | None = None
        self.step = Step.PREPARATION

    def elapsed(self, step: Step | None = None) -> float:
        step = step or self.step
        spent = self._elapsed.get(step, 0.0)
        if step is self.step and self._running_since is not None:
            spent += self._clock() - self._running_since
        return spent

    @property
    def running(self) -> bool:
        return self._running_since is not None

    def start(self) -> None:
        if self._running_since is None:
            self._running_since = self._clock()

    def pause(self) -> None:
        if self._running_since is not None:
            self._elapsed[self.step] = self.elapsed()
            self._running_since = None

    def reset(self) -> None:
        self._elapsed[self.step] = 0.0
        if self._running_since is not None:
            self._running_since = self._clock()

    def switch(self, step: Step) -> None:
        """Move to another step; a running clock keeps running for the new step."""
        if step is self.step:
            return
        running = self.running
        self.pause()
        self.step = step
        if running:
            self.start()


class TimeBoxTimer(QWidget):
    """Remaining time of the current step's time box, with its controls."""

    sig_tick = Signal(float)
    """Remaining seconds (negative when over time), about every second."""

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = StepClock(clock)
        self._minutes = 0
        self._display = QLabel()
        self._display.setObjectName("timeBoxDisplay")
        self._display.setMinimumWidth(self._display.fontMetrics().horizontalAdvance("+000:00"))
        font = self._display.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self._display.setFont(font)
        self.start_button = QPushButton(tr("Start"))
        self.start_button.setToolTip(tr("Start or pause the time box (Ctrl+T)"))
        self.start_button.clicked.connect(self.toggle)
        self.reset_button = QPushButton(tr("Reset"))
        self.reset_button.clicked.connect(self.reset)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("Time box")))
        layout.addWidget(self._display)
        layout.addWidget(self.start_button)
        layout.addWidget(self.reset_button)
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.update_display)
        self._timer.start()
        self.update_display()

    def set_step(self, step: Step, minutes: int) -> None:
        self.clock.switch(step)
        self._minutes = minutes
        self.update_display()

    def set_minutes(self, minutes: int) -> None:
        self._minutes = minutes
        self.update_display()

    def remaining(self) -> float:
        return self._minutes * 60 - self.clock.elapsed()

    def toggle(self) -> None:
        if self.clock.running:
            self.clock.pause()
        else:
            self.clock.start()
        self.update_display()

    def reset(self) -> None:
        self.clock.reset()
        self.update_display()

    def update_display(self) -> None:
        remaining = self.remaining()
        self._display.setText(format_seconds(remaining))
        over = remaining < 0
        self._display.setStyleSheet("color: #b00020;" if over else "")
        self._display.setToolTip(tr("Over time") if over else tr("Remaining"))
        self.start_button.setText(tr("Pause") if self.clock.running else tr("Start"))
        self.sig_tick.emit(remaining)
