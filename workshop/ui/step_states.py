"""The state of each step for the navigator, recomputed only for the steps an edit
can have changed.

``step_state`` of every step on every edit cost about 6 ms on the large session (the
consent outcomes of every principle and rule, three times over), for an edit of a card
that cannot change any of them. Each step's state reads a few areas of the session
(``STEP_READS``); an edit recomputes the steps whose areas it touched. The signing
step reads the fingerprint, which every printed area changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from workshop.domain.model import Session, Step
from workshop.domain.progress import StepState, step_state

STEP_READS: dict[Step, frozenset[str] | None] = {
    # steps the table agrees through the facilitator: their content and that agreement
    Step.PREPARATION: frozenset({"participants", "details", "agenda", "step_agreements"}),
    Step.AMBITION: frozenset({"ambition", "consents", "participants"}),
    Step.INTERESTS: frozenset({"interests", "participants", "step_agreements"}),
    Step.PRINCIPLES: frozenset({"principles", "consents", "participants"}),
    Step.RULES: frozenset({"rules", "consents", "participants"}),
    Step.ORGANISING: frozenset({"organising", "commitments", "step_agreements"}),
    Step.ROADMAP: frozenset({"roadmap", "step_agreements"}),
    Step.SIGNING: None,  # signatures against the fingerprint: every printed area
}
"""The top-level areas each step's state is derived from (``workshop.domain.progress``);
None: every area the agreement prints."""

_KNOWN = frozenset().union(*(r for r in STEP_READS.values() if r)) | {
    "agenda", "commitments", "diagnostics", "signatures", "view", "amendments"}
"""Areas this module has looked at; an edit of any other area recomputes every step."""


class StepStates:
    """The last computed state of each step, brought up to date after an edit."""

    def __init__(self) -> None:
        self._states: dict[Step, StepState] = {}

    def update(self, session: Session, areas: Iterable[str] = (),
               current: Callable[[], str] | None = None) -> dict[Step, StepState]:
        """The states after an edit of ``areas`` (top-level names; none: everything).
        ``current`` gives the session's fingerprint when the signing step needs it."""
        from workshop.domain.fingerprint import unprinted

        touched = frozenset(a.split(".", 1)[0] for a in areas)
        everything = not touched or not touched <= _KNOWN
        for step, reads in STEP_READS.items():
            if step in self._states and not everything:
                if reads is None:
                    if all(unprinted(area) for area in areas) and "signatures" not in touched:
                        continue
                elif not reads & touched:
                    continue
            known = current() if step is Step.SIGNING and current is not None else None
            self._states[step] = step_state(session, step, known)
        return dict(self._states)

    def forget(self) -> None:
        """Another session is shown: the next update computes every step."""
        self._states.clear()
