"""Every change the app makes to a session, as named operations by part of the session.

One module per part (``ambition``, ``interests``, ``agreement_items``, ``commitments``,
``roadmap``, ``preparation``); each function is declared with
``workshop.domain.operations.operation`` and the areas it touches. Three domain modules
declare theirs where they live: ``workshop.domain.consent`` (decisions in a round),
``workshop.domain.diagnostics`` (scores, marks, forms, moments, axes) and
``workshop.domain.evaluation`` (reviews, answers, indicators). Importing this package
declares them all.
"""

from workshop.domain import consent, diagnostics, evaluation
from workshop.domain.edits import (
    agreement_items,
    ambition,
    commitments,
    interests,
    preparation,
    roadmap,
)

__all__ = ["agreement_items", "ambition", "commitments", "consent", "diagnostics",
           "evaluation", "interests", "preparation", "roadmap"]
