"""Dates as a facilitator types them: "1-4", "1-4-2026", "1 april", or nothing.

A plain line edit is faster than a spin box while someone is speaking: type the date
the way it is said, leave it empty for "no date", Up/Down move a day, PgUp/PgDown a
month, Alt+Down (or the calendar button) opens a calendar. Dutch shows dd-mm-jjjj,
English ISO; both languages read both forms (day before month, as in the Netherlands).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QVBoxLayout, QWidget

from workshop import locale_format
from workshop.domain.schedule import add_months
from workshop.i18n import current_language, tr


@cache
def _months() -> dict[str, int]:
    """The first three letters of every Dutch and English month name (CLDR) typed in a
    date: ``mrt`` and ``maa`` (maart), ``mar`` (March), ``okt`` and ``oct``, ``mei`` and
    ``may``. Asked for with the first date typed: CLDR's data takes ~40 ms to read, not
    to be spent before the window shows (the step bar imports this module)."""
    return {
        name.lower()[:3]: number
        for lang in ("nl", "en") for abbreviated in (False, True)
        for number, name in enumerate(locale_format.month_names(lang, abbreviated), start=1)
    }
_INVALID_STYLE = "border: 2px solid #b00020;"


def format_date(day: dt.date | None) -> str:
    """How a date is shown: 12-03-2026 in Dutch, 2026-03-12 in English; "" for none."""
    if day is None:
        return ""
    if current_language() == "nl":
        return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"
    return day.isoformat()


def parse_date(text: str, reference: dt.date | None = None) -> dt.date | None:
    """The date ``text`` means; None for empty text; ``ValueError`` when it means none.

    Without a year, the first such date on or after ``reference`` (the meeting's date
    or today) is meant: in November, "1-3" is next March.
    """
    raw = text.strip().lower().rstrip(".")
    if not raw:
        return None
    parts = [p for p in re.split(r"[\s\-/.,]+", raw) if p]
    if len(parts) == 3 and len(parts[0]) == 4 and parts[0].isdigit():  # ISO order
        parts = [parts[2], parts[1], parts[0]]
    if len(parts) not in (2, 3) or not parts[0].isdigit():
        raise ValueError(text)
    day = int(parts[0])
    if parts[1].isdigit():
        month = int(parts[1])
    elif parts[1][:3] in _months():
        month = _months()[parts[1][:3]]
    else:
        raise ValueError(text)
    if len(parts) == 3:
        if not parts[2].isdigit() or len(parts[2]) not in (2, 4):
            raise ValueError(text)
        year = int(parts[2]) + (2000 if len(parts[2]) == 2 else 0)
        return dt.date(year, month, day)  # ValueError for 31-2
    ref = reference or dt.date.today()
    for year in range(ref.year, ref.year + 9):  # 29-2 waits for a leap year
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= ref:
            return candidate
    raise ValueError(text)


def _calendar_icon() -> QIcon:
    pix = QPixmap(16, 16)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setPen(QColor("#555555"))
    p.drawRect(1, 2, 13, 12)
    p.fillRect(2, 3, 12, 3, QColor("#555555"))
    for x in (4, 7, 10):
        for y in (8, 11):
            p.fillRect(x, y, 2, 2, QColor("#555555"))
    p.end()
    return QIcon(pix)


class DateEdit(QLineEdit):
    """A date or "no date"; ``date_value()`` raises ``ValueError`` for unreadable text."""

    sig_date_chosen = Signal()
    """A date was picked in the calendar (the text is set)."""

    def __init__(self, reference: Callable[[], dt.date] | None = None,
                 parent: QWidget | None = None, *, allow_empty: bool = True) -> None:
        super().__init__(parent)
        self._reference = reference or dt.date.today
        self._allow_empty = allow_empty
        self._popup: QWidget | None = None
        self.setPlaceholderText(tr("no date") if allow_empty else tr("date"))
        self.setToolTip(tr("Type a date such as 1-4-2026, 1-4 or 1 april. Up and Down move "
                           "a day, Page Up and Page Down a month, Alt+Down opens a "
                           "calendar.") + ("\n" + tr("Leave it empty for no date.")
                                           if allow_empty else ""))
        self.setAccessibleDescription(self.toolTip())
        action = QAction(_calendar_icon(), tr("Calendar"), self)
        action.triggered.connect(self.open_calendar)
        self.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
        self.textChanged.connect(self._on_text_changed)
        if parent is None:  # a form's field (a table's cell editor takes its cell's width)
            # Room for a date or the "no date" placeholder, beside the calendar's icon
            metrics = self.fontMetrics()
            words = max(metrics.horizontalAdvance(self.placeholderText()),
                        metrics.horizontalAdvance("00-00-0000"))
            self.setMinimumWidth(words + metrics.height() + 24)

    # --- value ---------------------------------------------------------------------

    def date_value(self) -> dt.date | None:
        day = parse_date(self.text(), self._reference())
        if day is None and not self._allow_empty:
            raise ValueError("")
        return day

    def is_valid(self) -> bool:
        try:
            self.date_value()
        except ValueError:
            return False
        return True

    def set_date(self, day: dt.date | None) -> None:
        self.setText(format_date(day))

    def _on_text_changed(self, _text: str) -> None:
        self.setStyleSheet("" if self.is_valid() or not self.text().strip()
                           else _INVALID_STYLE)

    # --- keyboard ------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier or (
                key == Qt.Key.Key_F4):
            self.open_calendar()
            return
        steps = {Qt.Key.Key_Up: (0, 1), Qt.Key.Key_Down: (0, -1),
                 Qt.Key.Key_PageUp: (1, 0), Qt.Key.Key_PageDown: (-1, 0)}
        if key in steps and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            months, days = steps[Qt.Key(key)]
            try:
                current = self.date_value()
            except ValueError:
                current = None
            if current is None:
                self.set_date(self._reference())
            else:
                try:
                    self.set_date(add_months(current, months) + dt.timedelta(days=days))
                except (OverflowError, ValueError):
                    pass
            self.selectAll()
            return
        super().keyPressEvent(event)

    # --- calendar ------------------------------------------------------------------

    def open_calendar(self) -> None:
        popup = QWidget(self, Qt.WindowType.Popup)
        layout = QVBoxLayout(popup)
        layout.setContentsMargins(0, 0, 0, 0)
        calendar = QCalendarWidget(popup)
        calendar.setGridVisible(True)
        layout.addWidget(calendar)
        try:
            current = self.date_value() or self._reference()
        except ValueError:
            current = self._reference()
        calendar.setSelectedDate(QDate(current.year, current.month, current.day))

        def choose(qdate: QDate) -> None:
            self.set_date(dt.date(qdate.year(), qdate.month(), qdate.day()))
            popup.close()
            self.setFocus()
            self.sig_date_chosen.emit()

        calendar.activated.connect(choose)
        calendar.clicked.connect(choose)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.destroyed.connect(self._on_popup_destroyed)
        popup.show()
        calendar.setFocus()
        self._popup = popup

    def _on_popup_destroyed(self) -> None:
        self._popup = None

    def calendar_popup(self) -> QWidget | None:
        """The open calendar, if any (for tests and accessibility tools)."""
        popup = self._popup
        return popup if popup is not None and popup.isVisible() else None
