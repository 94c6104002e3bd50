"""Finds the files under ``resources/`` whether running from a checkout or a wheel.

In the wheel they are installed as ``workshop/resources``; in a checkout (editable
install) they sit at the top of the repository. Code never builds paths from the cwd.
The demo session ``sessions/demo.workshop`` ships the same way, as
``workshop/sessions/demo.workshop`` (wheel and bundle).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent / "resources"
_CHECKOUT_DEMO = _PACKAGE.parent / "sessions" / "demo.workshop"


def _packaged(*parts: str) -> Traversable:
    """``workshop/<parts>`` as installed: a plain folder beside this file in a wheel or
    the bundle (no ``importlib.resources``, ~9 ms before the first window), and
    through ``importlib.resources`` where the package is not on a file system (a zip)."""
    here = _PACKAGE.joinpath(*parts)
    if here.exists() or (_PACKAGE / "__init__.py").is_file():
        return here
    from importlib import resources

    return resources.files("workshop").joinpath(*parts)


@cache
def resource_root() -> Traversable:
    """Looked up once: the start reads ~40 resources (fonts, icons, catalogues)."""
    packaged = _packaged("resources")
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
    packaged = _packaged("sessions", "demo.workshop")
    if packaged.is_file():
        return packaged
    return _CHECKOUT_DEMO
