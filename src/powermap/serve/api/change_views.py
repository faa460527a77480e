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

from typing import Annotated, Any

from fastapi import Query

from powermap.analyse import periods
from powermap.analyse.changes import ChangeOptions
from powermap.serve.api import change_ahead, relation_queries
from powermap.serve.api.change_plans import build_report, plan, plan_key, report_key
from powermap.serve.api.views import BadParameter, Conn

#: YYYY, YYYY-Qn, YYYY-MM, YYYY-Www, YYYY-MM-DD, or FIRST..LAST (two days)
LABEL = r"^(\d{4}(-Q[1-4]|-W\d{2}|-\d{2}(-\d{2})?)?|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})?$"
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
