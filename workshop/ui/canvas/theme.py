"""Colours and type of the projected canvases, and the WCAG contrast they guarantee.

Every colour a canvas draws with comes from a ``Theme``: *surfaces* (what is painted
behind) and *inks* (text, outlines, dots, link lines, the today line). The promise is
simple enough to test exhaustively: every ink on every surface of a theme has a
contrast ratio of at least 7:1 (WCAG 2.x AAA for text), so no combination a canvas
happens to use can fall short. Pure Python: no Qt here.

Type sizes are in *logical pixels* of a canvas that is always 1080 units high (see
``scene.LOGICAL_HEIGHT``); on a 1920x1080 projector one unit is one pixel, on
1024x768 one unit is 768/1080 = 0.711 pixel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ThemeName = Literal["light", "dark", "contrast"]
THEME_NAMES: tuple[ThemeName, ...] = ("light", "dark", "contrast")

FONT_FALLBACK = "DejaVu Sans"
"""The family when the app's bundled fonts are not there: a widely installed sans."""


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of ``#rrggbb``."""
    value = hex_colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"expected #rrggbb, got {hex_colour!r}")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1.0 (none) to 21.0 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    light, dark = max(la, lb), min(la, lb)
    return (light + 0.05) / (dark + 0.05)


MIN_CONTRAST = 7.0


@dataclass(frozen=True)
class Theme:
    name: ThemeName
    surfaces: dict[str, str] = field(hash=False)
    """page, card, raised (highlight), agreed, progress, objected, open, bar."""
    inks: dict[str, str] = field(hash=False)
    """text, muted, accent (dots, highlight, today), overlap, tension, void."""

    def surface(self, role: str) -> str:
        return self.surfaces[role]

    def ink(self, role: str) -> str:
        return self.inks[role]

    def pairs(self) -> list[tuple[str, str, str, str]]:
        """Every (ink role, surface role, ink, surface) this theme can draw."""
        return [(i, s, ink, surface) for i, ink in self.inks.items()
                for s, surface in self.surfaces.items()]


THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light",
        surfaces={
            "page": "#ffffff",
            "card": "#f3efe6",
            "raised": "#fff3b8",
            "agreed": "#dcefdc",
            "progress": "#dde8f6",
            "objected": "#f8dedb",
            "open": "#ececec",
            "bar": "#e2e9f3",
        },
        inks={
            "text": "#111111",
            "muted": "#3a3a3a",
            "accent": "#083c78",
            "overlap": "#06481f",
            "tension": "#7e0f0f",
            "void": "#7e0f0f",
        },
    ),
    "dark": Theme(
        name="dark",
        surfaces={
            "page": "#0f1216",
            "card": "#1d222a",
            "raised": "#2f2a10",
            "agreed": "#123020",
            "progress": "#152840",
            "objected": "#3b1717",
            "open": "#24272c",
            "bar": "#1c2938",
        },
        inks={
            "text": "#f4f4f4",
            "muted": "#d0d0d0",
            "accent": "#9ccbff",
            "overlap": "#8ee6ab",
            "tension": "#ffb4b4",
            "void": "#ffb4b4",
        },
    ),
    "contrast": Theme(
        name="contrast",
        surfaces={
            "page": "#000000",
            "card": "#000000",
            "raised": "#000000",
            "agreed": "#002b00",
            "progress": "#00203f",
            "objected": "#3a0000",
            "open": "#000000",
            "bar": "#000000",
        },
        inks={
            "text": "#ffffff",
            "muted": "#ffff00",
            "accent": "#ffff00",
            "overlap": "#00ffff",
            "tension": "#ff9a9a",
            "void": "#ff9a9a",
        },
    ),
}


def theme(name: str) -> Theme:
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r}; use one of {', '.join(THEMES)}") from None


# --- type ------------------------------------------------------------------------

TextRole = Literal["title", "statement", "heading", "body", "meta", "spotlight", "timer"]

TYPE_SIZES: dict[str, float] = {
    "title": 56.0,
    "statement": 48.0,
    "heading": 36.0,
    "body": 30.0,
    "meta": 28.0,
    "spotlight": 72.0,
    "timer": 52.0,
}
"""Pixel sizes at 1080 output lines and text scale 1. Titles >= 48, everything else >= 28."""

BOLD_ROLES = frozenset({"title", "heading", "timer", "statement"})
TITLE_ROLES = frozenset({"title", "timer"})
"""Roles held to the title minimum (48 px at 1080 lines); all others to the body minimum."""

MIN_TITLE_PX = 48.0
MIN_BODY_PX = 28.0
