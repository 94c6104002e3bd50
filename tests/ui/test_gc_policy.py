"""The app's garbage-collector policy (``workshop.ui.gc_policy``): young objects are
walked only when they are few; many are settled (frozen), never walked in an edit."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from workshop.ui.gc_policy import YOUNG_WALK_LIMIT, collect_young, young_objects


@pytest.fixture
def quiet_collector() -> Iterator[None]:
    """Automatic collection off and everything alive settled, as the app runs; the
    collector as it was afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


class Node:
    def __init__(self) -> None:
        self.other: object = None


def test_many_young_objects_are_settled_even_when_the_count_says_few(
        quiet_collector: None) -> None:
    # Settled objects that die lower the collector's own count of young objects
    # (``gc.get_count()``): it says "few" while the youngest generation holds many.
    old = [Node() for _ in range(30_000)]
    gc.freeze()
    edits = [Node() for _ in range(5_000)]  # what a few seconds of edits keep
    del old
    settled = gc.get_freeze_count()
    assert gc.get_count()[0] < 5_000  # the misleading count
    assert young_objects() >= 5_000 > YOUNG_WALK_LIMIT

    collect_young()

    assert gc.get_freeze_count() >= settled + 5_000  # settled, not walked
    assert young_objects() < YOUNG_WALK_LIMIT
    assert len(edits) == 5_000 and all(n.other is None for n in edits)  # alive


def test_few_young_objects_are_walked_and_their_cycles_freed(quiet_collector: None) -> None:
    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle: reference counting alone never frees it
    gone = weakref.ref(a)
    del a, b
    assert young_objects() <= YOUNG_WALK_LIMIT
    settled = gc.get_freeze_count()

    collect_young()

    assert gone() is None
    assert gc.get_freeze_count() == settled
