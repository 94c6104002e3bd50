"""Finds the files under ``resources/`` whether running from a checkout or a wheel.

In the wheel they are installed as ``workshop/resources``; in a checkout (editable
install) they sit at the top of the repository. Code never builds paths from the cwd.
The demo session ``sessions/demo.workshop`` ships the same way, as
``workshop/sessions/demo.workshop`` (wheel and bundle).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent / "resources"
_CHECKOUT_DEMO = Path(__file__).resolve().parent.parent / "sessions" / "demo.workshop"


@cache
def resource_root() -> Traversable:
    """Looked up once: the start reads ~40 resources (fonts, icons, catalogues)."""
    packaged = resources.files("workshop") / "resources"
    if packaged.is_dir():
        return packaged
    return _CHECKOUT


def resource_text(relative: str) -> str:
    node = resource_root()
    for part in relative.split("/"):
        node = node / part
    return node.read_text(encoding="utf-8")


def demo_file() -> Traversable:
    """The demo session as shipped (``sessions/demo.workshop`` in a checkout)."""
    packaged = resources.files("workshop") / "sessions" / "demo.workshop"
    if packaged.is_file():
        return packaged
    return _CHECKOUT_DEMO
