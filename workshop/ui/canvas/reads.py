"""Which session areas a canvas cannot show, so an edit there need not rebuild it.

A score typed in the five-conditions scan changed only ``diagnostics``; the projector
(and its preview in the window) still rebuilt the canvas of the current step, the
1,000-card board included, for a picture that cannot change. Only the diagnostics
canvases show diagnostics; a test builds every other canvas before and after a change
of the diagnostics and compares what it shows.

The same for the canvases in ``CANVAS_READS``: they show only those areas (with the
scene's header and footer, from ``details``), so the interests' web is not rebuilt for a
card or a decision made while it is on the wall (14 ms on the large session; the
roadmap, 7 ms). A test builds each of them from a session whose every other area is
another session's, and compares what it shows.
"""

from __future__ import annotations

from collections.abc import Set

DIAGNOSTIC_CANVASES = frozenset({"conditions", "spectra", "forms", "conditions_change"})
"""The canvases that show ``session.diagnostics``."""

UNSHOWN_BY_OTHERS = frozenset({"diagnostics"})
"""Areas no other canvas shows."""


CANVAS_READS: dict[str, frozenset[str]] = {
    "interests": frozenset({"interests", "participants", "details"}),
    "roadmap": frozenset({"roadmap", "participants", "ambition", "details"}),
}
"""The only top-level areas these canvases show (others: any area may show)."""


def unaffected(canvas: str, changed: Set[str] | None) -> bool:
    """True when an edit of ``changed`` (top-level areas; None or empty: anything)
    cannot change what ``canvas`` shows."""
    if not changed or canvas in DIAGNOSTIC_CANVASES:
        return False
    reads = CANVAS_READS.get(canvas)
    if reads is not None and not reads & set(changed):
        return True
    return set(changed) <= UNSHOWN_BY_OTHERS
