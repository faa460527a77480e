"""Dyadic trends: events between two actors (or one against all) per day, week or month.

Each point counts events by CAMEO quad class (1 verbal cooperation, 2 material
cooperation, 3 verbal conflict, 4 material conflict), sums their Goldstein scores and lists
the documents behind it. Which events count and on which date: ``analyse.events``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from powermap.analyse import periods
from powermap.analyse.events import EventFilter, EventRow, EventSelection, load_events


@dataclass
class DyadPoint:
    """One period of a dyad: counts per quad class, the Goldstein sum, the documents behind it."""

    period: str
    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    events: int = 0
    goldstein: float = 0.0
    documents: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._seen = set(self.documents)

    def add(self, event: EventRow) -> None:
        name = _QUAD_FIELDS.get(event.quad_class or 0)
        if name:
            setattr(self, name, getattr(self, name) + 1)
        self.events += 1
        self.goldstein = round(self.goldstein + event.goldstein, 6)
        if event.doc_id not in self._seen:
            self._seen.add(event.doc_id)
            self.documents.append(event.doc_id)


_QUAD_FIELDS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}


@dataclass
class DyadTrend:
    """A dyad's series. ``b`` is None for one actor against all others."""

    a: list[str]
    b: list[str] | None
    by: str
    directed: bool
    points: list[DyadPoint]
    undated: int = 0

    def totals(self) -> DyadPoint:
        """All points summed into one (period ``total``)."""
        total = DyadPoint("total")
        for p in self.points:
            for name in (*_QUAD_FIELDS.values(), "events"):
                setattr(total, name, getattr(total, name) + getattr(p, name))
            total.goldstein = round(total.goldstein + p.goldstein, 6)
            fresh = [d for d in p.documents if d not in total._seen]
            total._seen.update(fresh)
            total.documents += fresh
        return total


def dyad_trend(
    conn: sqlite3.Connection,
    a: list[str],
    b: list[str] | None = None,
    by: periods.Granularity = "month",
    flt: EventFilter | None = None,
    directed: bool = False,
    fill: bool = True,
    selection: EventSelection | None = None,
) -> DyadTrend:
    """The trend of events between actor set ``a`` and actor set ``b`` (or everyone else).

    Args:
        conn: a connection to the store.
        a: actor ids on one side (see ``actors.resolve``).
        b: actor ids on the other side; None for ``a`` against all others.
        by: ``day``, ``week`` (ISO), ``month`` or ``year``.
        flt: which events count (default: asserted, non-negated, originals only).
        directed: only events with ``a`` as source (and ``b`` as target); else both directions.
        fill: include empty periods between the first and last point, so a chart's x axis is even.
        selection: events already loaded under ``flt`` (a report reuses one load for many dyads).
    """
    if by not in periods.GRANULARITIES:
        raise ValueError(f"unknown granularity {by!r}; use one of {', '.join(periods.GRANULARITIES)}")
    side_a, side_b = set(a), set(b) if b is not None else None
    if selection is None:
        selection = load_events(conn, flt, actors=sorted(side_a | (side_b or set())))
    points: dict[str, DyadPoint] = {}
    for event in selection.events:
        if not _in_dyad(event, side_a, side_b, directed):
            continue
        label = periods.bucket(event.day, by)
        points.setdefault(label, DyadPoint(label)).add(event)
    ordered = [points[k] for k in sorted(points)]
    if fill and selection.events and ordered:
        days = [e.day for e in selection.events if _in_dyad(e, side_a, side_b, directed)]
        ordered = [points.get(label) or DyadPoint(label) for label in periods.labels(min(days), max(days), by)]
    return DyadTrend(
        sorted(side_a), sorted(side_b) if side_b is not None else None, by, directed, ordered, selection.undated
    )


def _in_dyad(event: EventRow, a: set[str], b: set[str] | None, directed: bool) -> bool:
    if b is None:
        forward = event.source in a and event.target not in a
        backward = event.target in a and event.source not in a
    else:
        forward = event.source in a and event.target in b
        backward = event.source in b and event.target in a
    return forward or (backward and not directed)
