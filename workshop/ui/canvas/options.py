"""What the facilitator chooses about the projection (never part of the session's content)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from workshop.domain.model import Session
from workshop.i18n import LANGUAGES, Language
from workshop.ui.canvas.theme import THEME_NAMES, ThemeName

RoadmapGrouping = Literal["phase", "owner"]


@dataclass(frozen=True)
class CanvasOptions:
    """Presentation choices; a new value for every change (``options.replace(...)``).

    ``page`` None means "automatic": the first page, or the page that holds the
    highlighted item. ``timer_seconds`` None hides the time-box timer; negative values
    mean the time box is over. ``today`` None means the real date (tests pass one).
    ``anonymous`` hides who wrote what (card authors; diagnostics use it for scores).
    """

    theme: ThemeName = "light"
    lang: Language = "nl"
    text_scale: float = 1.0
    spotlight_id: str | None = None
    highlight_id: str | None = None
    timer_seconds: float | None = None
    anonymous: bool = False
    page: int | None = None
    today: dt.date | None = None
    roadmap_by: RoadmapGrouping = "phase"
    room: tuple[str, str, str] | None = None
    """The open room's join address (with its token), short address and code."""

    def __post_init__(self) -> None:
        if self.theme not in THEME_NAMES:
            raise ValueError(f"unknown theme {self.theme!r}")
        if self.lang not in LANGUAGES:
            raise ValueError(f"unknown language {self.lang!r}")
        if not 0.25 <= self.text_scale <= 4.0:
            raise ValueError("text_scale must lie between 0.25 and 4")
        if self.roadmap_by not in ("phase", "owner"):
            raise ValueError(f"unknown roadmap grouping {self.roadmap_by!r}")

    def replace(self, **changes: object) -> CanvasOptions:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def from_session(cls, session: Session, **overrides: object) -> CanvasOptions:
        """The projector as the session last had it: its theme, text scale and language."""
        base = cls(theme=session.view.projector_theme, lang=session.details.language,
                   text_scale=session.view.projector_text_scale)
        return base.replace(**overrides) if overrides else base

    def effective_today(self) -> dt.date:
        return self.today if self.today is not None else dt.date.today()
