"""The steps of the meeting and the states a step can be in, without the models.

The window shows the step list before the session, and before pydantic and the models
are imported (``workshop.ui.startup``): what the list needs lives here, in a module that
imports only the standard library and the catalogue. ``workshop.domain.model``,
``labels`` and ``progress`` use these very objects.
"""

from __future__ import annotations

from enum import Enum

from workshop.i18n import N_, Language, tr


class Step(str, Enum):
    PREPARATION = "preparation"
    AMBITION = "ambition"
    INTERESTS = "interests"
    PRINCIPLES = "principles"
    RULES = "rules"
    ORGANISING = "organising"
    ROADMAP = "roadmap"
    SIGNING = "signing"


STEP_LABELS: dict[Enum, str] = {  # labels.py merges it into every label
    Step.PREPARATION: N_("Preparation"),
    Step.AMBITION: N_("Shared ambition"),
    Step.INTERESTS: N_("Interests"),
    Step.PRINCIPLES: N_("Leading principles"),
    Step.RULES: N_("Rules of play"),
    Step.ORGANISING: N_("Organising and deciding"),
    Step.ROADMAP: N_("Roadmap"),
    Step.SIGNING: N_("Signing"),
}


def step_label(step: Step, lang: Language) -> str:
    """The step's name in ``lang`` (``labels.label`` gives the same)."""
    return tr(STEP_LABELS[step], lang)


class StepState(str, Enum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    FILLED = "filled"
    """Complete, but the table has not agreed it (or the content changed since)."""
    AGREED = "agreed"


STATE_LABELS = {
    StepState.NOT_STARTED: N_("not started"),
    StepState.IN_PROGRESS: N_("in progress"),
    StepState.FILLED: N_("filled in"),
    StepState.AGREED: N_("agreed"),
}
