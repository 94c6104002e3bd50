"""Every change the app makes to a session, as named operations by step.

One module per part of the session (``ambition``, ``interests``, ``agreement_items``,
``roadmap``...); each function is declared with ``workshop.domain.operations.operation``
and the areas it touches. Importing this package declares them all.
"""

from workshop.domain.edits import (
           agreement_items,
           ambition,
           commitments,
           interests,
           preparation,
           roadmap,
)

__all__ = ["agreement_items", "ambition", "commitments", "interests", "preparation",
           "roadmap"]
