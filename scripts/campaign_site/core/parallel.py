"""Per-plan work on every core: with thousands of plans, rendering their pages and feeds is most
of our own build time.

Workers are forked, so they share the loaded data and the renderer without pickling them; only the
results come back. With few items, or one core, everything runs in this process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
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


def _workers() -> int:
    return min(os.cpu_count() or 1, 8)


def forks(count: int) -> bool:
    """True when `map_all` would split `count` items over worker processes."""
    return count >= PARALLEL_FROM and _workers() >= 2 and "fork" in multiprocessing.get_all_start_methods()


def map_all(task: Callable[[Item], T], items: list[Item]) -> list[T]:
    """`[task(i) for i in items]`, in order, split over the machine's cores when there are many items."""
    workers = _workers()
    if not forks(len(items)):
        return [task(item) for item in items]
    global _task, _items
    _task, _items = task, items
    try:
        size = -(-len(items) // (workers * 4))
        chunks = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            try:
                return [result for chunk in pool.map(_run, chunks) for result in chunk]  # type: ignore[misc]
            except BaseException:  # a stopped build (`mkdocs serve`, a newer save) waits only for the work handed out
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    finally:
        _task, _items = None, []


Logged = list[tuple[str, int, str]]
"""Messages as (logger name, level, text)."""


class _Kept(logging.Handler):
    def __init__(self, kept: Logged) -> None:
        super().__init__(logging.DEBUG)
        self.kept = kept

    def emit(self, record: logging.LogRecord) -> None:
        self.kept.append((record.name, record.levelno, record.getMessage()))


@contextmanager
def kept_messages(name: str) -> Iterator[Logged]:
    """What the loggers under `name` log inside the block, kept instead of printed: a worker's messages
    come back with its results and are logged again in the main process (`log_again`), where they count
    (MkDocs' `--strict` counts the warnings logged in its own process)."""
    logger = logging.getLogger(name)
    kept: Logged = []
    handlers, propagate = logger.handlers, logger.propagate
    logger.handlers, logger.propagate = [_Kept(kept)], False
    try:
        yield kept
    finally:
        logger.handlers, logger.propagate = handlers, propagate


def log_again(messages: Logged) -> None:
    """Log messages kept by `kept_messages` as if they were logged here."""
    for name, level, text in messages:
        logging.getLogger(name).log(level, "%s", text)
