"""How a what-changed request is planned and keyed (``change_views.changes``), shared with the
pass that computes the newest months ahead (``change_ahead``): the windows a request plans, the keys
its plan and report are kept under, and the store's window memo."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

from powermap.analyse import periods
from powermap.analyse.changes import ChangeOptions, changes_report, data_span, plan_windows
from powermap.analyse.changes_memo import WindowMemo
from powermap.serve.api import relation_queries
from powermap.serve.api.views import Conn

PERIOD_DAYS = {"day": 1, "week": 7, "month": 31, "quarter": 92, "year": 366}  # at most
_MEMOS: dict[str, tuple[tuple, WindowMemo]] = {}  # store file -> (its state, the windows kept in it)
_MEMO_LOCK = threading.Lock()


def plan_key(from_: str | None, to: str | None, by: str | None, windows: int) -> tuple:
    """The key a request's windows are kept under (``plan``)."""
    return ("changes-plan", from_ or None, to or None, by, windows)


def plan(conn: Conn, from_: str | None, to: str | None, by: str | None, windows: int) -> tuple[list, str | None]:
    """The windows a request plans (with ``by``: from the first one its last ``windows`` need), or
    none and why."""
    try:
        return plan_windows(conn, _first_needed(conn, from_, to, by, windows), to or None, by), None
    except periods.PeriodError as err:  # no dated events, or the earlier period after the later one
        return [], str(err)


def report_key(planned: list, options: ChangeOptions) -> tuple:
    """The key a comparison of ``planned`` windows is kept under, per store state."""
    return ("changes", tuple(planned), options)


def build_report(conn: Conn, planned: list, options: ChangeOptions) -> dict[str, Any]:
    """The comparison of ``planned`` windows (``changes_report``), with the store's window memo."""
    return changes_report(conn, planned, options, window_memo(conn))


def window_memo(conn: Conn) -> WindowMemo:
    """What the comparisons read and grouped per window in the store's current state: one memo per
    store, replaced (not kept beside) when a write moves the state on, so an ingest that writes while
    pages are read leaves one memo, not one per document."""
    state = relation_queries.store_fingerprint(conn)
    with _MEMO_LOCK:
        kept = _MEMOS.get(state[0])
        if kept is None or kept[0] != state:
            kept = _MEMOS[state[0]] = (state, WindowMemo())
        return kept[1]


def _first_needed(conn: Conn, from_: str | None, to: str | None, by: str | None, windows: int) -> str | None:
    """The ``from`` to cut periods from: with ``by``, no earlier than the last ``windows`` periods
    need (``from=1000&by=day`` cuts a few days, not a million; the result is the same).

    Raises:
        periods.PeriodError: the first day comes after the last one.
    """
    if by is None:
        return from_ or None
    found = data_span(conn)
    last = periods.span(to).end if to else found[1] if found else None
    first = periods.span(from_).start if from_ else found[0] if found else None
    if last is None or first is None:
        return from_ or None
    if first > last:  # periods.windows has no periods to cut (and fails on it)
        raise periods.PeriodError(f"{from_ or first.isoformat()} comes after {to or last.isoformat()}")
    earliest = last - timedelta(days=PERIOD_DAYS[by] * (windows + 1))
    return max(first, earliest).isoformat()
