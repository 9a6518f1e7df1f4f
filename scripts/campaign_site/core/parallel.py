"""Per-plan work on every core: with thousands of plans, rendering their pages and feeds is most
of our own build time.

Workers are forked, so they share the loaded data and the renderer without pickling them; only the
results come back. With few items, or one core, everything runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
Item = TypeVar("Item")
PARALLEL_FROM = 200
"""Below this many items, starting worker processes costs more than it saves."""

_task: Callable[[Any], object] | None = None
_items: list[Any] = []


def _run(bounds: tuple[int, int]) -> list[object]:
    assert _task is not None
    return [_task(item) for item in _items[bounds[0]:bounds[1]]]


def map_all(task: Callable[[Item], T], items: list[Item]) -> list[T]:
    """`[task(i) for i in items]`, in order, split over the machine's cores when there are many items."""
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [task(item) for item in items]
    global _task, _items
    _task, _items = task, items
    try:
        size = -(-len(items) // (workers * 4))
        chunks = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return [result for chunk in pool.map(_run, chunks) for result in chunk]  # type: ignore[misc]
    finally:
        _task, _items = None, []
