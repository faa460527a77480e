"""The what-changed page (``/changes``) and its JSON twin: ``powermap changes`` over the web.

The windows are chosen as the command chooses them (``analyse.changes.plan_windows``): two
periods (``from``/``to``, or ``to`` alone and the period before it), or the last ``windows``
calendar periods ``by`` day, week, month, quarter or year (default: the last two months of
the data). The comparison is a corpus-wide analysis, computed once per store state and
question (``relation_queries.cached``), not under the request's time limit; what each window
reads and groups is kept for the store's current state (``analyse.changes_memo``, ``window_memo``),
so a reader walking from period to period, or a page of the last N periods, reads and groups each
window once. The newest months' reports (``to=MONTH``, with and without ``by=week``) are computed
ahead in the background after the warm-up and kept per store state (``change_ahead``).
"""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Query

from powermap.analyse import periods
from powermap.analyse.changes import ChangeOptions, changes_report, data_span, plan_windows
from powermap.analyse.changes_memo import WindowMemo
from powermap.serve.api import change_ahead, relation_queries
from powermap.serve.api.views import BadParameter, Conn

#: YYYY, YYYY-Qn, YYYY-MM, YYYY-Www, YYYY-MM-DD, or FIRST..LAST (two days)
LABEL = r"^(\d{4}(-Q[1-4]|-W\d{2}|-\d{2}(-\d{2})?)?|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})?$"
PERIOD_DAYS = {"day": 1, "week": 7, "month": 31, "quarter": 92, "year": 366}  # at most
_MEMOS: dict[str, tuple[tuple, WindowMemo]] = {}  # store file -> (its state, the windows kept in it)
_MEMO_LOCK = threading.Lock()
PeriodLabel = Annotated[
    str | None, Query(pattern=LABEL, description="YYYY, YYYY-Qn, YYYY-MM, YYYY-Www, YYYY-MM-DD or FIRST..LAST")
]


def changes(
    conn: Conn,
    from_: Annotated[PeriodLabel, Query(alias="from", description="the earlier period (with to)")] = None,
    to: Annotated[PeriodLabel, Query(description="the later period; alone: it and the period before it")] = None,
    by: Annotated[
        str | None,
        Query(pattern=r"^(day|week|month|quarter|year)?$", description="cut the data into periods (default month)"),
    ] = None,
    windows: Annotated[
        int, Query(ge=2, le=12, description="with by: the last N periods, each against the one before")
    ] = 2,
    all: Annotated[bool, Query(description="list dyads whose shift is not significant too")] = False,
    alpha: Annotated[float, Query(ge=0.001, le=0.5, description="false discovery rate for a dyad's shift")] = 0.05,
) -> dict[str, Any]:
    for name, value in (("from", from_), ("to", to)):
        if value:
            try:
                periods.span(value)
            except periods.PeriodError as err:
                raise BadParameter(f"{name}: {err}") from None
    by = by or None
    if by is None and not to:
        by = "month"  # nothing asked: the last periods of the data
    filters = {"from": from_ or None, "to": to or None, "by": by, "windows": windows, "all": all, "alpha": alpha}

    # the span of the data is read from every event: once per store state, outside the time limit
    # for the periods a client cannot multiply (the last ``windows`` ones), under it otherwise
    asked = plan_key(from_, to, by, windows)
    default = asked == plan_key(None, None, "month", 2)  # the page asked without parameters
    kept = change_ahead.lookup(conn, asked)  # the months computed ahead (``change_ahead``)
    planned, problem = kept or relation_queries.cached(
        conn, asked, lambda: plan(conn, from_, to, by, windows), unlimited=not (from_ or to), pin=default
    )
    if problem is not None:
        return {"filters": filters, "note": problem, "windows": [], "comparisons": []}
    if by is not None:
        planned = planned[-windows:]
    if len(planned) < 2:
        note = "the data cover one period only: nothing to compare (try a finer by)"
        return {"filters": filters, "note": note, "windows": [], "comparisons": []}
    options = ChangeOptions(alpha=alpha, show_all=all)
    key = report_key(planned, options)
    report = change_ahead.lookup(conn, key)
    if report is None:
        report = relation_queries.cached(
            conn, key, lambda: build_report(conn, planned, options), pin=default and options == ChangeOptions()
        )
    return {"filters": filters, "note": None, **report}


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
