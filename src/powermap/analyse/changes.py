"""What changed between two windows of time: dyads, camps, coalitions, stances and claims.

``compare(conn, before, after)`` returns one plain dict (JSON-ready, what ``powermap changes
--json`` prints and a web page renders):

- ``dyads``: dyads whose cooperation/conflict balance moved, with a test that weighs how
  much was reported (``changes_dyads``) and the events and quotes that carry the change
  (``changes_evidence``);
- ``reports``: the period's notable single reports, listed apart from the shifts and
  not tested (``changes_reports``): reported in the period, not yet a trend;
- ``camps`` and ``coalitions``: actors that changed camp in the event network or coalition
  in the discourse network (``changes_camps``);
- ``stances``: stances that appeared, vanished or reversed (``changes_stances``);
- ``claims``: measures whose value changed over time or that sources dispute at one time
  (``changes_claims``).

Windows are spans of event dates (``periods``), never of ingest dates; events dated to
history (``periods.historical_event_ids``) count in no window. ``series`` compares each
window of a sequence (calendar periods or sliding windows) with the one before it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from powermap.analyse import changes_memo as kept
from powermap.analyse import periods
from powermap.analyse.actors import load_actors
from powermap.analyse.changes_camps import moves
from powermap.analyse.changes_claims import claim_changes
from powermap.analyse.changes_dyads import DEFAULT_ALPHA, DEFAULT_PRIOR_STRENGTH, DyadShift, Side, dyad_shifts
from powermap.analyse.changes_evidence import event_documents, events_evidence, quotes_between
from powermap.analyse.changes_memo import WindowMemo
from powermap.analyse.changes_reports import DEFAULT_REPORTS, single_reports
from powermap.analyse.changes_stances import stance_changes
from powermap.analyse.claims import DEFAULT_TOLERANCE
from powermap.analyse.events import EventFilter, EventRow, _query, as_date, first_day_sql
from powermap.analyse.periods import Window

PARTS: tuple[str, ...] = ("dyads", "camps", "coalitions", "stances", "claims")


@dataclass(frozen=True)
class ChangeOptions:
    """How ``compare`` weighs and trims.

    Args:
        flt: which events count (modality, negation, outlets, actor types); its dates are ignored.
        prior_strength: documents' worth of the shrinkage prior (``changes_dyads``).
        alpha: false discovery rate under which a dyad's shift is significant.
        show_all: list dyads that are not significant too (they are always counted).
        min_documents: documents (stances) or events and statements (camps, coalitions) an
            actor needs in a window to be reported as changed.
        tolerance: relative difference under which two claimed values are the same.
        evidence: items of evidence per change and window.
        limit: changes listed per part.
        reports: notable single reports listed (``changes_reports``); 0 lists none.
        concepts: concept mapping for stances and coalitions (``discourse.read_concepts``).
        parts: which of ``PARTS`` to compute.
        seed: community detection seed.
    """

    flt: EventFilter = field(default_factory=EventFilter)
    prior_strength: float = DEFAULT_PRIOR_STRENGTH
    alpha: float = DEFAULT_ALPHA
    show_all: bool = False
    min_documents: int = 2
    tolerance: float = DEFAULT_TOLERANCE
    evidence: int = 3
    limit: int = 15
    reports: int = DEFAULT_REPORTS
    concepts: dict[str, str] | None = None
    parts: tuple[str, ...] = PARTS
    seed: int = 1


def compare(
    conn: sqlite3.Connection,
    before: Window,
    after: Window,
    options: ChangeOptions | None = None,
    events: list[EventRow] | None = None,
    memo: WindowMemo | None = None,
) -> dict[str, Any]:
    """Everything that changed from ``before`` to ``after`` (module docstring), as a plain dict.

    ``events``: the counting events of a span holding both windows, when loaded already; ``memo``:
    what was read and built for either window before (``changes_memo``, one per store state)."""
    opts = options or ChangeOptions()
    unknown = set(opts.parts) - set(PARTS)
    if unknown:
        raise ValueError(f"unknown parts {', '.join(sorted(unknown))}; use some of {', '.join(PARTS)}")
    memo = memo if memo is not None else WindowMemo()
    names = {a.id: a.name for a in load_actors(conn).values()}
    if events is None:
        events = kept.events(conn, memo, opts.flt, before, after)
    result: dict[str, Any] = {
        "before": _window_summary(before, events),
        "after": _window_summary(after, events),
        "method": _method(opts),
    }
    if "dyads" in opts.parts:
        shifts, pi = dyad_shifts(events, before, after, opts.prior_strength, opts.alpha)
        shown = [s for s in shifts if s.significant or opts.show_all][: opts.limit]
        result["dyads_seen"] = len(shifts)
        result["dyads_tested"] = sum(s.testable for s in shifts)
        result["dyads_significant"] = sum(s.significant for s in shifts)
        result["cooperation_share"] = pi
        result["dyads"] = [dyad_entry(conn, s, names, opts.evidence) for s in shown]
        result["reports"] = single_reports(conn, shifts, names, opts.reports, opts.evidence)
    if "camps" in opts.parts:
        first, second = (kept.camps(conn, memo, opts.flt, opts.seed, w, events) for w in (before, after))
        result["camps"] = moves(first, second, names, opts.min_documents, opts.limit)
        for move in result["camps"]:
            move["evidence"] = _camp_evidence(conn, move, events, before, after, opts.evidence)
    statements = (
        kept.statements(conn, memo, opts.concepts, before, after) if {"coalitions", "stances"} & set(opts.parts) else []
    )
    if "coalitions" in opts.parts:
        first, second = (kept.coalitions(conn, memo, opts.concepts, opts.seed, w, statements) for w in (before, after))
        result["coalitions"] = moves(first, second, names, opts.min_documents, opts.limit)
    if "stances" in opts.parts:
        first_count, second_count = (kept.stance_tally(memo, opts.concepts, w, statements) for w in (before, after))
        result["stances"] = stance_changes(
            conn,
            before,
            after,
            names,
            opts.concepts,
            opts.min_documents,
            opts.evidence,
            opts.limit,
            statements,
            (first_count, second_count),
        )
    if "claims" in opts.parts:
        claims = kept.claims(conn, memo, before, after)
        result["claims"] = claim_changes(conn, [before, after], opts.tolerance, opts.limit, claims)
    return result


def series(
    conn: sqlite3.Connection,
    windows: list[Window],
    options: ChangeOptions | None = None,
    memo: WindowMemo | None = None,
) -> list[dict[str, Any]]:
    """``compare`` for each window against the one before it, each window read and grouped once
    (``memo``: kept from earlier comparisons of this store state, else a new one)."""
    opts = options or ChangeOptions()
    if len(windows) < 2:
        return []
    memo = memo if memo is not None else WindowMemo()
    return [compare(conn, windows[i - 1], windows[i], opts, memo=memo) for i in range(1, len(windows))]


def data_span(conn: sqlite3.Connection, flt: EventFilter | None = None) -> tuple[date, date] | None:
    """The first and last publication day of the documents that hold counting events, or None.

    The news period, not the span of every date events carry: an article of March 2019 may
    date an event to 2018 or plan one for 2030, and a sequence of windows should not run
    over a decade of empty months for that. (Such events still count in a window that
    ``--from``/``--to`` ask for, unless they are dated to history.)

    Read from both ends of the publication-date index (``documents_published_original``,
    migration 11): the first day of a well-formed ``published`` value never falls as the
    value sorts higher, so the first document from either end that holds a dated counting
    event (``load_events``' conditions) gives the bound, without reading every event.
    """
    flt = flt or EventFilter()
    day = first_day_sql("doc.published")
    holds = " OR ".join(
        f"EXISTS ({sql})"
        for sql, _ in (
            _query(flt, None, "e.target", "events e", "e.doc_id = doc.id AND e.day IS NOT NULL"),
            _query(flt, None, "j.value", "events e, json_each(e.other_targets) j",
                   "e.doc_id = doc.id AND e.day IS NOT NULL AND e.other_targets IS NOT NULL"),
        )
    )  # fmt: skip
    params = _query(flt, None, "e.target", "events e", None)[1]
    bounds = []
    for order in ("ASC", "DESC"):
        row = conn.execute(
            f"SELECT {day} FROM documents doc WHERE doc.published IS NOT NULL AND {day} IS NOT NULL "
            f"AND ({holds}) ORDER BY doc.published {order} LIMIT 1",
            params * 2,
        ).fetchone()
        bounds.append(as_date(row[0]) if row else None)
    first, last = bounds
    return (first, last) if first is not None and last is not None else None


def _window_summary(window: Window, events: list[EventRow]) -> dict[str, Any]:
    inside = [e for e in events if window.contains(e.day)]
    return {
        "label": window.label,
        "from": window.start.isoformat(),
        "to": window.end.isoformat(),
        "events": len(inside),
        "documents": len({e.doc_id for e in inside}),
    }


def _side(side: Side) -> dict[str, Any]:
    return {
        "events": side.events,
        "documents": side.documents,
        "cooperation_events": side.cooperation_events,
        "conflict_events": side.conflict_events,
        "goldstein": side.goldstein,
        "balance": side.balance,
        "raw_balance": side.raw_balance,
    }


def dyad_entry(conn: sqlite3.Connection, shift: DyadShift, names: dict[str, str], evidence: int) -> dict[str, Any]:
    sign = 1 if shift.shift > 0 else -1 if shift.shift < 0 else 0
    after_events = events_evidence(conn, shift.after.event_ids, sign, evidence)
    before_events = events_evidence(conn, shift.before.event_ids, -sign, evidence)
    docs = event_documents(conn, shift.after.event_ids)
    return {
        "a": shift.a,
        "b": shift.b,
        "a_name": names.get(shift.a, shift.a),
        "b_name": names.get(shift.b, shift.b),
        "direction": shift.direction,
        "shift": shift.shift,
        "z": shift.z,
        "p": shift.p,
        "q": shift.q,
        "significant": shift.significant,
        "testable": shift.testable,
        "before": _side(shift.before),
        "after": _side(shift.after),
        "evidence": {
            "after": after_events,
            "before": before_events,
            "quotes": quotes_between(conn, shift.a, shift.b, docs, evidence),
        },
    }


def _camp_evidence(
    conn: sqlite3.Connection, move: dict[str, Any], events: list[EventRow], before: Window, after: Window, limit: int
) -> list[dict[str, Any]]:
    """The events behind a camp move: with the partners joined (after), then with those left (before)."""
    out = []
    for window, key in ((after, "joined"), (before, "left")):
        partners = {p["actor"] for p in move[key]}
        ids = [
            e.id
            for e in events
            if window.contains(e.day)
            and (
                (e.source == move["actor"] and e.target in partners)
                or (e.target == move["actor"] and e.source in partners)
            )
        ]
        out += events_evidence(conn, ids, 1, limit)
    return out


def _method(opts: ChangeOptions) -> dict[str, Any]:
    return {
        "dyad_test": "documents as the sample; Beta shrinkage toward the overall cooperation share; "
        "z on the posterior difference; Benjamini-Hochberg q over the dyads whose report counts "
        "could reach p <= alpha (independent filtering)",
        "prior_strength": opts.prior_strength,
        "alpha": opts.alpha,
        "min_documents": opts.min_documents,
        "tolerance": opts.tolerance,
        "modalities": sorted(opts.flt.modalities),
        "include_negated": opts.flt.include_negated,
        "history": "events dated two or more years before publication are left out",
    }


def plan_windows(
    conn: sqlite3.Connection,
    start: str | None = None,
    end: str | None = None,
    by: str | None = None,
    days: int | None = None,
    step: int | None = None,
    flt: EventFilter | None = None,
) -> list[Window]:
    """The windows a command asks for, in order (``compare`` the last two, or ``series`` them all).

    - ``start`` and ``end`` (period labels) without ``by``/``days``: those two windows;
    - ``end`` alone: it and the period before it (same granularity, or as many days);
    - ``by`` (day, week, month, quarter, year): the calendar periods from ``start`` (else
      the first event) to ``end`` (else the last event);
    - ``days`` (and ``step``, default ``days``): sliding windows over the same span.

    Raises:
        periods.PeriodError: a label names no span, or there is nothing to cut into windows.
    """
    first, last = (periods.span(start) if start else None), (periods.span(end) if end else None)
    if by is None and days is None:
        if last is None:
            raise periods.PeriodError("name the later period (--to), or cut the data with --by or --days")
        if first is None:
            first = periods.previous(last, periods.granularity_of(last.label))
        if first.start > last.start:
            raise periods.PeriodError(f"{first.label} comes after {last.label}")
        return [first, last]
    found = data_span(conn, flt)
    lo = first.start if first else found[0] if found else None
    hi = last.end if last else found[1] if found else None
    if lo is None or hi is None:
        raise periods.PeriodError("the store holds no dated events to cut into windows")
    if days is not None:
        return periods.sliding(lo, hi, days, step or days)
    if by not in periods.GRANULARITIES:
        raise periods.PeriodError(f"unknown granularity {by!r}; use one of {', '.join(periods.GRANULARITIES)}")
    return periods.windows(lo, hi, by)  # type: ignore[arg-type]


def changes_report(
    conn: sqlite3.Connection,
    windows: list[Window],
    options: ChangeOptions | None = None,
    memo: WindowMemo | None = None,
) -> dict:
    """The JSON twin of ``powermap changes``: the windows and each one compared with the one before."""
    return {
        "windows": [{"label": w.label, "from": w.start.isoformat(), "to": w.end.isoformat()} for w in windows],
        "comparisons": series(conn, windows, options, memo),
    }
