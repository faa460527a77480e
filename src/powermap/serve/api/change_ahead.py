"""The what-changed reports of the calendar months, computed ahead in the background.

A reader of ``/changes`` asks a month (``to=2024-03``: it against the month before; ``by=month``
plans the same two windows) or the last two weeks of one (``to=2024-03&by=week``); each is a
comparison nobody asked before (community detection, the windows' rows, the comparison: about 200
CPU-ms on 100,000 documents). After the server's warm-up (``warm.py``) a background pass computes
both for the newest ``months`` calendar months of the data, newest first, planned and keyed exactly as
the request plans and keys them (``change_plans.plan``, ``change_plans.report_key``), and keeps them
for the store's current state; ``change_plans.changes`` answers from them (the same dict, so the
same bytes).

How it stays out of the way:

- it starts only once the store state (``store_fingerprint``: every write moves it on) has not
  moved for ``STABLE_S`` seconds, and looks again before and after each report: a write stops the
  pass and drops what it kept (a report computed across it too), and the pass starts over, for the
  new state, once that has been stable as long; an ingest writing every few seconds keeps it from
  starting at all (the state is read once a second, ``POLL_S``);
- one report is one step, and before each it waits until no request has been answered for
  ``QUIET_S`` seconds (``Activity``, counted by a middleware): a request never waits for the pass,
  except a request for the very report the pass is computing, which waits for that one;
- ``months`` (``powermap serve --ahead-months``, default ``MONTHS``; 0 turns it off) bounds the
  work and what is kept: two reports per month, dropped when the state moves on.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from powermap.analyse.changes import ChangeOptions, data_span
from powermap.serve.api import change_plans, heap, term_counts
from powermap.serve.api.relation_queries import store_fingerprint
from powermap.store import Store

log = logging.getLogger("powermap.serve")
MONTHS = 120  # the newest ten years of months: about 0.3 MiB and 0.15 CPU-s a report, two a month
STABLE_S = 5.0  # the state has not moved for this long before a pass starts
QUIET_S = 0.5  # no request answered for this long before each step
POLL_S = 1.0  # how often the state is looked at between passes
#: the parameter sets of each month ``to`` that the pass computes: the month against the one before,
#: and its last two weeks (the page's form: ``to`` alone, or ``to`` with ``by``)
ASKED: tuple[str | None, ...] = (None, "week")
_KEPT: dict[str, Kept] = {}  # store file -> what the pass computed for its latest state
_KEPT_LOCK = threading.Lock()


@dataclass
class Kept:
    """What the pass computed for one store state: plans and reports by the request's keys."""

    state: tuple
    values: dict[tuple, Any] = field(default_factory=dict)
    building: dict[tuple, threading.Event] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


class Activity:
    """Requests being answered, and when the last one ended (the pass steps in the gaps)."""

    def __init__(self) -> None:
        self._active = 0
        self._last = 0.0
        self._changed = threading.Condition()

    def enter(self) -> None:
        with self._changed:
            self._active += 1

    def leave(self) -> None:
        with self._changed:
            self._active -= 1
            self._last = time.monotonic()
            self._changed.notify_all()

    def wait_quiet(self, stop: threading.Event, quiet_s: float = QUIET_S) -> None:
        """Return once no request is answered and none ended in the last ``quiet_s`` (or on ``stop``)."""
        with self._changed:
            while not stop.is_set():
                rest = self._last + quiet_s - time.monotonic()
                if self._active == 0 and rest <= 0:
                    return
                self._changed.wait(max(rest, 0.05) if self._active == 0 else 0.5)


class CountRequests:
    """ASGI middleware: every HTTP request is counted in ``activity`` while it is answered."""

    def __init__(self, app: Any, activity: Activity) -> None:
        self.app = app
        self.activity = activity

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.activity.enter()
        try:
            await self.app(scope, receive, send)
        finally:
            self.activity.leave()


def lookup(conn: sqlite3.Connection, key: tuple) -> Any | None:
    """What the pass kept under ``key`` for the store's current state, or None; a request for the
    report the pass is computing waits for it."""
    state = store_fingerprint(conn)
    with _KEPT_LOCK:
        kept = _KEPT.get(state[0])
    if kept is None or kept.state != state:
        return None
    with kept.lock:
        if key in kept.values:
            return kept.values[key]
        building = kept.building.get(key)
    if building is None:
        return None
    building.wait()
    with kept.lock:
        return kept.values.get(key)


def reports_kept(conn: sqlite3.Connection) -> int:
    """How many reports the pass keeps for the store's current state."""
    state = store_fingerprint(conn)
    with _KEPT_LOCK:
        kept = _KEPT.get(state[0])
    if kept is None or kept.state != state:
        return 0
    with kept.lock:
        return sum(1 for key in kept.values if key[0] == "changes")


def forget(path: str) -> None:
    """Drop what the pass kept for the store file ``path``."""
    with _KEPT_LOCK:
        _KEPT.pop(path, None)


def natural_months(conn: sqlite3.Connection, months: int) -> list[str]:
    """The newest ``months`` calendar months of the data (``data_span``), newest first."""
    found = data_span(conn)
    if found is None or months < 1:
        return []
    first, last = found
    year, month, out = last.year, last.month, list[str]()
    while (year, month) >= (first.year, first.month) and len(out) < months:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out


def run_pass(
    conn: sqlite3.Connection,
    months: int,
    activity: Activity | None = None,
    stop: threading.Event | None = None,
) -> bool:
    """Compute the reports of the newest ``months`` months for the store's current state (module
    docstring); False when a write (what it kept is dropped) or ``stop`` ended it first."""
    stop = stop or threading.Event()
    state = store_fingerprint(conn)
    kept = Kept(state)
    with _KEPT_LOCK:
        _KEPT[state[0]] = kept
    options = ChangeOptions(alpha=0.05, show_all=False)  # the page's defaults
    counted = False
    for to in natural_months(conn, months):
        for by in ASKED:
            if activity is not None:
                activity.wait_quiet(stop)
            if stop.is_set():
                return False
            if not counted:  # the totals of one-word searches for this state (after a write: not kept yet)
                term_counts.keep(conn)
                counted = True
            if store_fingerprint(conn) != state or not _step(conn, kept, to, by, options):
                _drop_stale(state[0], store_fingerprint(conn))
                return False
    return True


def _drop_stale(path: str, state: tuple) -> None:
    """Drop what was kept for the store file ``path`` unless it is for ``state`` (it could not be used)."""
    with _KEPT_LOCK:
        kept = _KEPT.get(path)
        if kept is not None and kept.state != state:
            del _KEPT[path]


def _step(conn: sqlite3.Connection, kept: Kept, to: str, by: str | None, options: ChangeOptions) -> bool:
    """One report (and its plan) kept; False when the state moved on while it was computed."""
    plan_key = change_plans.plan_key(None, to, by, 2)
    full, problem = change_plans.plan(conn, None, to, by, 2)
    planned = full[-2:] if by is not None else full
    if problem is not None or len(planned) < 2:
        return True  # a note, not a report: the request writes it itself
    key = change_plans.report_key(planned, options)
    with kept.lock:
        done = key in kept.values
        building = kept.building.setdefault(key, threading.Event())
    try:
        report = None if done else change_plans.build_report(conn, planned, options)
        if store_fingerprint(conn) != kept.state:
            return False
        with kept.lock:
            kept.values[plan_key] = (full, problem)
            if report is not None:
                kept.values[key] = report
    finally:
        with kept.lock:
            kept.building.pop(key, None)
        building.set()
    return True


def keep_ahead(
    store: Store,
    months: int = MONTHS,
    activity: Activity | None = None,
    stop: threading.Event | None = None,
    stable_s: float = STABLE_S,
    poll_s: float = POLL_S,
    settle: bool = False,
) -> None:
    """Run ``run_pass`` whenever the store state has been stable ``stable_s`` seconds and was not
    computed yet, until ``stop`` or the store's file is gone (the background thread's loop; best
    effort, like the warm-up); with ``settle``, ``heap.settle`` after each finished pass."""
    stop = stop or threading.Event()
    try:
        conn = store.reader()
    except sqlite3.Error:
        return
    seen: tuple | None = None
    since = done_for = None
    try:
        while not stop.wait(poll_s) and store.db_path.exists():  # a store deleted under it: nothing to keep
            try:
                state = store_fingerprint(conn)
            except sqlite3.Error:
                continue
            now = time.monotonic()
            if state != seen:
                seen, since = state, now
                _drop_stale(state[0], state)  # a write: what was kept is for a state gone by
            if state == done_for or since is None or now - since < stable_s:
                continue
            started, cpu = time.monotonic(), time.thread_time()
            try:
                finished = run_pass(conn, months, activity, stop)
            except Exception:  # a request computes (and reports) it again
                log.warning("could not compute the what-changed reports ahead", exc_info=True)
                finished = True
            took = f"{time.thread_time() - cpu:.1f} CPU-s, {time.monotonic() - started:.1f} s"
            log.info("what-changed reports ahead: %s (%s)", "done" if finished else "stopped by a write", took)
            if finished:
                done_for = state
                if settle:
                    heap.settle()  # the reports (and the analyses built for this state) out of full passes
    finally:
        conn.close()
