"""What a comparison reads and builds per window, kept for the next comparison of the same window.

A report compares a window with the one before it, and a sequence (``--by month``), a reader
walking month by month, or a page asking the last N periods meets each window twice: its events,
statements and claims, its camps and coalitions (the community detections that cost most of a
comparison) and its stances counted per actor and concept are the same both times. ``WindowMemo``
keeps them, keyed by the window's days and the options they depend on, and hands the same objects
back (nothing downstream changes them).

Two windows that do not overlap are read one by one and their rows put together in the order a
read of both would give; overlapping windows (``--from 2019 --to 2019-03``) are read together, as
before. A memo belongs to one store state: ``powermap changes`` makes one per run, the web API one
per store state (``change_views``), so a write never meets rows kept from before it. It holds at
most ``capacity`` rows (events, statements, claims, grouped actors, counted stances), dropping the least recently
used windows first.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from powermap.analyse import periods
from powermap.analyse.changes_camps import Grouping, discourse_grouping, network_grouping
from powermap.analyse.changes_claims import load_claims
from powermap.analyse.changes_stances import Tally, span_statements, tally
from powermap.analyse.discourse import Statement
from powermap.analyse.events import EventFilter, EventRow, load_events
from powermap.analyse.periods import Window

#: rows kept at most: about 70 MiB (a month of the 100,000-document store: about 1,000 events, 2,400
#: statements, 1,400 claims and their groupings, 6,400 rows, 4.3 MiB measured with tracemalloc)
CAPACITY = 100_000


class WindowMemo:
    """Per-window rows and groupings, least recently used dropped first (module docstring)."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self._kept: OrderedDict[tuple, tuple[Any, int]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: tuple, build: Callable[[], Any]) -> Any:
        """The kept value of ``key``, else ``build()``'s (kept when it fits)."""
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key][0]
        value = build()  # outside the lock: two requests may build one window; both get the same answer
        weight = max(1, len(value.groups) if isinstance(value, Grouping) else len(value))
        with self._lock:
            if key not in self._kept and weight <= self.capacity:
                self._kept[key] = (value, weight)
                self._size += weight
                while self._size > self.capacity:
                    _, (_, dropped) = self._kept.popitem(last=False)
                    self._size -= dropped
        return value

    def __len__(self) -> int:
        return len(self._kept)


def _apart(before: Window, after: Window) -> bool:
    return before.end < after.start or after.end < before.start


def _concepts_key(concepts: dict[str, str] | None) -> tuple | None:
    return tuple(sorted(concepts.items())) if concepts is not None else None


def window_events(conn: sqlite3.Connection, flt: EventFilter, windows: list[Window]) -> list[EventRow]:
    """The events counting under ``flt`` dated inside the windows' overall span, history left out."""
    first, last = min(w.start for w in windows), max(w.end for w in windows)
    events = load_events(conn, replace(flt, since=first, until=last)).events
    past = periods.historical_event_ids(conn, first, last)  # only those of the span
    return [e for e in events if e.id not in past]


def events(
    conn: sqlite3.Connection, memo: WindowMemo, flt: EventFilter, before: Window, after: Window
) -> list[EventRow]:
    """The counting events of both windows, history left out, oldest first (``window_events``)."""
    if not _apart(before, after):
        return window_events(conn, flt, [before, after])
    first, second = sorted((before, after), key=lambda w: w.start)
    parts = [memo.get(("events", flt, w.start, w.end), partial(window_events, conn, flt, [w])) for w in (first, second)]
    return parts[0] + parts[1]


def statements(
    conn: sqlite3.Connection, memo: WindowMemo, concepts: dict[str, str] | None, before: Window, after: Window
) -> list[Statement]:
    """The statements of both windows, without their text (``changes_stances.span_statements``)."""
    if not _apart(before, after):
        return span_statements(conn, [before, after], concepts)
    key = _concepts_key(concepts)
    parts = [
        memo.get(("statements", key, w.start, w.end), partial(span_statements, conn, [w], concepts))
        for w in (before, after)
    ]
    return sorted(parts[0] + parts[1], key=lambda s: s.id)


def claims(conn: sqlite3.Connection, memo: WindowMemo, before: Window, after: Window) -> list[dict[str, Any]]:
    """The claims published in either window (``changes_claims.load_claims``), in id order."""
    if not _apart(before, after):
        return load_claims(conn, [before, after])
    parts = [memo.get(("claims", w.start, w.end), partial(load_claims, conn, [w])) for w in (before, after)]
    return sorted(parts[0] + parts[1], key=lambda c: c["id"])


def camps(
    conn: sqlite3.Connection, memo: WindowMemo, flt: EventFilter, seed: int, window: Window, rows: list[EventRow]
) -> Grouping:
    """The window's camps (``changes_camps.network_grouping``) from ``rows``, events of a span holding it."""
    return memo.get(
        ("camps", flt, seed, window.start, window.end), lambda: network_grouping(conn, flt, window, seed, rows)
    )


def coalitions(
    conn: sqlite3.Connection,
    memo: WindowMemo,
    concepts: dict[str, str] | None,
    seed: int,
    window: Window,
    rows: list[Statement],
) -> Grouping:
    """The window's coalitions (``changes_camps.discourse_grouping``) from ``rows``, statements of a span holding it."""
    key = ("coalitions", _concepts_key(concepts), seed, window.start, window.end)
    return memo.get(key, lambda: discourse_grouping(conn, window, concepts, seed, rows))


def stance_tally(memo: WindowMemo, concepts: dict[str, str] | None, window: Window, rows: list[Statement]) -> Tally:
    """The window's stances counted in documents (``changes_stances.tally``) from ``rows``, statements of a
    span holding it."""
    return memo.get(("stances", _concepts_key(concepts), window.start, window.end), lambda: tally(rows, window))
