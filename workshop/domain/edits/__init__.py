"""Every change the app makes to a session, as named operations by part of the session.

One module per part (``ambition``, ``interests``, ``agreement_items``, ``commitments``,
``roadmap``, ``preparation``, ``organising``, ``signing``); each function is declared with
``workshop.domain.operations.operation`` and the areas it touches. Five domain modules
declare theirs where they live: ``workshop.domain.consent`` (decisions in a round),
``workshop.domain.diagnostics`` (scores, marks, forms, moments, axes),
``workshop.domain.evaluation`` (reviews, answers, indicators),
``workshop.domain.parties`` (the legal details of the signing parties) and
``workshop.domain.progress`` (the table agreeing a step). Importing this
package declares them all; ``all_operations()`` lists them.
"""

from typing import Any

from workshop.domain import consent, diagnostics, evaluation, parties, progress
from workshop.domain.edits import (
    agreement_items,
    ambition,
    commitments,
    interests,
    organising,
    preparation,
    roadmap,
    signing,
)
from workshop.domain.operations import REGISTRY, Operation

__all__ = ["agreement_items", "all_operations", "ambition", "commitments", "consent",
           "diagnostics", "evaluation", "interests", "organising", "parties", "preparation",
           "progress", "roadmap", "signing"]


def all_operations() -> dict[str, Operation[Any, Any]]:
    """Every operation by name (this package's import declared them all)."""
    return dict(REGISTRY)
