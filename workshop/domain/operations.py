"""Edits as named domain operations that say which session areas they touch.

An operation is a pure function ``op(session, *args)`` that changes the session in
place, declared with the areas it may change::

    @operation("interests.items", "interests.links")
    def remove_interest(session: Session, item_id: str) -> None: ...

Areas are the dotted paths the document snapshots for undo (``"participants"``,
``"ambition.cards"``...; see ``workshop.ui.document``). Where the area follows from an
argument (the agreement items of ``"principles"`` or of ``"rules"``), ``areas`` is a
function of the same arguments as the operation (without the session).

Every operation is registered in ``REGISTRY`` under its module and name, so a test can
apply each one and fail when it changes anything outside what it declares
(``tests/domain/test_operations_areas.py``). The UI runs them through
``workshop.ui.editing.try_edit``; nothing in the pages lists areas by hand. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, ParamSpec, TypeVar

from workshop.domain.model import Session

P = ParamSpec("P")
R = TypeVar("R")

AreasOf = Callable[..., tuple[str, ...]]


class Operation(Generic[P, R]):
    """A change of a session with the areas it touches; call it like the function."""

    def __init__(self, function: Callable[..., R], areas: tuple[str, ...] | AreasOf) -> None:
        self.function = function
        self._areas = areas
        self.name = f"{function.__module__.rsplit('.', 1)[-1]}.{function.__name__}"
        self.__doc__ = function.__doc__
        self.__name__ = function.__name__
        self.__module__ = function.__module__

    def __call__(self, session: Session, *args: Any, **kwargs: Any) -> R:
        return self.function(session, *args, **kwargs)

    def areas(self, *args: Any, **kwargs: Any) -> tuple[str, ...]:
        """The areas this operation may change when given ``args``."""
        if callable(self._areas):
            return tuple(self._areas(*args, **kwargs))
        return self._areas

    def bound(self, *args: Any, **kwargs: Any) -> Callable[[Session], R]:
        """``session -> op(session, *args)``: the ``mutate`` of ``document.edit``."""
        return lambda session: self.function(session, *args, **kwargs)

    def given(self, *first: Any) -> Operation[Any, R]:
        """This operation with its first arguments given (a field bound to one goal's
        text: ``set_goal_text.given(goal_id)``, then called with the text alone). Not
        registered: it is the same operation."""
        function = self.function
        derived: Operation[Any, R] = Operation(
            lambda session, *rest, **kwargs: function(session, *first, *rest, **kwargs),
            lambda *rest, **kwargs: self.areas(*first, *rest, **kwargs))
        derived.name = ":".join([self.name, *map(str, first)])
        return derived

    def __repr__(self) -> str:
        return f"<operation {self.name}>"


REGISTRY: dict[str, Operation[Any, Any]] = {}
"""Every operation, by ``"<module>.<name>"`` (``"interests.remove_interest"``)."""


def operation(*areas: str, areas_of: AreasOf | None = None
              ) -> Callable[[Callable[..., R]], Operation[Any, R]]:
    """Declare ``function`` an operation touching ``areas`` (or ``areas_of(*args)``)."""
    if bool(areas) == (areas_of is not None):
        raise TypeError("give the areas, or a function of the arguments that says them")

    def register(function: Callable[..., R]) -> Operation[Any, R]:
        op: Operation[Any, R] = Operation(function, areas_of if areas_of else tuple(areas))
        if op.name in REGISTRY:
            raise ValueError(f"operation {op.name} is declared twice")
        REGISTRY[op.name] = op
        return op

    return register
