"""What the first import of PySide6 costs every later import, and how Workshop avoids it.

Importing PySide6 replaces ``__import__``: after every later import of a module, its
"feature" hook reads that module's source (``inspect.getsource``) to see whether it
mentions PySide6, for the opt-in ``from __feature__ import snake_case`` syntax. That is
a source read and a search per module: about 40-60 ms of CPU for pydantic, the domain
and the storage modules at start, and as much again for the app's own Qt modules.

Workshop never uses ``__feature__``, so:

- ``skip_feature_scan()`` answers the hook's question without reading the source for
  every module imported after it (``workshop.ui`` calls it as soon as PySide6 is in:
  the session's models, imported after the first window, are spared the scan too).
  Modules keep working as before; only the ``__feature__`` switches (which nothing
  here selects) would no longer apply to them.
"""

from __future__ import annotations

import sys


def skip_feature_scan() -> bool:
    """Tell PySide6's import hook that no later module uses ``__feature__``.

    True when the hook was found and answered; False (nothing changed) on a PySide6
    whose hook looks different, or where Qt cannot load (the command line's Qt-free
    parts import from ``workshop.ui`` too)."""
    try:
        import PySide6.QtCore  # noqa: F401 - installs the hook this answers
    except ImportError:
        return False

    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    setattr(feature, "_mod_uses_pyside", _uses_no_feature)  # noqa: B010 - a private hook, untyped
    return True


def _uses_no_feature(_module: object) -> bool:
    return False
