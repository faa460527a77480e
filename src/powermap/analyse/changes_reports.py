"""Reported in the period, not yet a trend: the period's notable single reports between two actors.

The dyad test (``changes_dyads``) keeps a dyad reported once or twice from reading as a
shift, as it should; but a reader of the period's news still takes those reports away (a
new alliance joined, exercises cancelled, relations reduced). This part lists them apart,
labelled as single reports, and leaves the significance rule for shifts as it is.

A dyad is listed when its shift is not significant, it has reports in the later window,
all its cooperative/conflictual events there lie on one side, and that side is news: the
dyad was not reported before, or it leaned the other way or was mixed before. Ranked by
the Goldstein magnitude of the period's events, then by the number of documents.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from powermap.analyse.changes_dyads import DyadShift
from powermap.analyse.changes_evidence import event_documents, events_evidence, quotes_between

DEFAULT_REPORTS = 8


def _side_sign(cooperation: int, conflict: int) -> int:
    """+1 all cooperative, -1 all conflictual, 0 mixed or none."""
    if cooperation and not conflict:
        return 1
    if conflict and not cooperation:
        return -1
    return 0


def notable(shifts: list[DyadShift]) -> list[tuple[DyadShift, int, bool]]:
    """The dyads to list, ranked, each with its side (+1/-1) and whether it is newly reported."""
    found = []
    for s in shifts:
        if s.significant or not s.after.documents:
            continue
        sign = _side_sign(s.after.cooperation_events, s.after.conflict_events)
        if not sign:
            continue
        new = not s.before.documents
        if not new and _side_sign(s.before.cooperation_events, s.before.conflict_events) == sign:
            continue  # the same side as before: a steady tie, not news
        found.append((s, sign, new))
    found.sort(key=lambda f: (-abs(f[0].after.goldstein), -f[0].after.documents, f[0].a, f[0].b))
    return found


def single_reports(
    conn: sqlite3.Connection, shifts: list[DyadShift], names: dict[str, str], limit: int, evidence: int
) -> list[dict[str, Any]]:
    """Up to ``limit`` notable single reports (module docstring), each with its evidence."""
    out = []
    for s, sign, new in notable(shifts)[:limit]:
        docs = event_documents(conn, s.after.event_ids)
        out.append(
            {
                "a": s.a,
                "b": s.b,
                "a_name": names.get(s.a, s.a),
                "b_name": names.get(s.b, s.b),
                "side": "cooperation" if sign > 0 else "conflict",
                "new": new,
                "documents": s.after.documents,
                "events": s.after.cooperation_events + s.after.conflict_events,
                "goldstein": s.after.goldstein,
                "before_documents": s.before.documents,
                "before_raw_balance": s.before.raw_balance,
                "significant": False,
                "evidence": events_evidence(conn, s.after.event_ids, sign, evidence)
                + quotes_between(conn, s.a, s.b, docs, evidence),
            }
        )
    return out
