"""The per-request query time limit, and the one exception to it: a corpus-wide analysis that is
computed once and cached (its cost grows with the corpus, not with what a request asks)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_state = threading.local()


def over(deadline: float) -> Callable[[], bool]:
    """A SQLite progress handler that interrupts the queries of this thread after ``deadline``
    (``time.monotonic``), except inside ``unlimited()``."""
    return lambda: not getattr(_state, "unlimited", False) and time.monotonic() > deadline


@contextmanager
def unlimited() -> Iterator[None]:
    """Queries of this thread run to their end, whatever the request's time limit."""
    before = getattr(_state, "unlimited", False)
    _state.unlimited = True
    try:
        yield
    finally:
        _state.unlimited = before
