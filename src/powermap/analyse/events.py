"""Loading events for analysis: which events count, and which date each one gets.

Counting rules (every trend, network and export of events follows them):

- **Asserted, non-negated events only**, by default. An event the text negates ("did not
  sign") or does not assert (``intended``, ``hypothetical``, ``demanded``) did not happen as
  coded; ``EventFilter(include_negated=True, modalities=...)`` takes them in.
- **Near duplicates count once**: events of a document stored as a near duplicate of
  another (a syndicated copy) are left out unless ``include_duplicates``.
- **Both actors known, and different**: events without a source or target, and
  self-directed ones, are left out of dyads and networks.
- **The event's date** (``EventRow.day``): the event's own ``date`` when it names at least
  a month (``2022-03`` -> 2022-03-01); when it names only a year, the document's
  ``published`` date if that falls in the same year, else 1 January of that year; when it
  is null, the document's ``published`` date. An event with neither is *undated*: it counts
  in no time series and no period-filtered network (``EventSelection.undated`` says how many).
- **Goldstein score**: the record's value, else the CAMEO codebook's for the code (or its
  base or root code).
"""

from __future__ import annotations

import csv
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from powermap.analyse import periods
from powermap.analyse.documents import originals_clause

ASSERTED: frozenset[str] = frozenset({"asserted"})
#: an event of an original document (``documents.originals_clause`` without joining the documents); the
#: near duplicates listed by their own index (migration 1): left to itself, SQLite read the whole
#: publication-date index for them, 4-5 ms on 100,000 documents in every event query
_ORIGINAL_EVENT = (
    "e.doc_id NOT IN (SELECT id FROM documents INDEXED BY documents_near_duplicate WHERE near_duplicate_of IS NOT NULL)"
)
MODALITIES: frozenset[str] = frozenset({"asserted", "intended", "hypothetical", "demanded"})


@dataclass(frozen=True)
class EventFilter:
    """Which events an analysis counts (see the module docstring for the defaults).

    Args:
        since (date | None): first day counted (inclusive).
        until (date | None): last day counted (inclusive).
        modalities (frozenset[str]): modalities counted; default asserted only.
        include_negated (bool): count negated events too.
        include_duplicates (bool): count events of near-duplicate documents too.
        actor_types (frozenset[str] | None): count only events whose source and target both
            have one of these types (``state``, ``person``, ...).
        outlets (frozenset[str] | None): count only documents whose ``source`` or ``site`` is one of these.
    """

    since: date | None = None
    until: date | None = None
    modalities: frozenset[str] = ASSERTED
    include_negated: bool = False
    include_duplicates: bool = False
    actor_types: frozenset[str] | None = None
    outlets: frozenset[str] | None = None


@dataclass(slots=True)
class EventRow:
    id: int
    doc_id: str
    source: str
    target: str
    cameo: str
    quad_class: int | None
    goldstein: float
    day: date


@dataclass
class EventSelection:
    """The events that count, and how many were left out for having no date."""

    events: list[EventRow] = field(default_factory=list)
    undated: int = 0


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    """CAMEO code -> Goldstein score, from ``codebooks/cameo.tsv``."""
    text = resources.files("powermap.codebooks").joinpath("cameo.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return {row["code"]: float(row["goldstein"]) for row in csv.DictReader(lines, delimiter="\t") if row["goldstein"]}


def goldstein_of(cameo: str, recorded: float | None) -> float:
    """The recorded Goldstein score, else the codebook's for the code, its base or its root (0 if none)."""
    if recorded is not None:
        return float(recorded)
    table = goldstein_table()
    for code in (cameo, cameo[:3], cameo[:2]):
        if code in table:
            return table[code]
    return 0.0


@lru_cache(maxsize=1 << 16)
def event_day(event_date: str | None, published: str | None) -> date | None:
    """The date an event counts on (rules in the module docstring); memoised, dates repeat a lot."""
    n = periods.precision(event_date)
    if n >= 2:
        return periods.parse(event_date)
    pub = periods.parse(published)
    if n == 1:
        year = int(event_date[:4])  # type: ignore[index]
        return pub if pub is not None and pub.year == year else date(year, 1, 1)
    return pub


def load_events(
    conn: sqlite3.Connection,
    flt: EventFilter | None = None,
    actors: list[str] | None = None,
    between: tuple[list[str], list[str]] | None = None,
) -> EventSelection:
    """The events that count under ``flt``, oldest first.

    Args:
        conn: a connection to the store.
        flt: the filter (default: ``EventFilter()``).
        actors: if given, only events whose source or target is one of these ids.
        between: if given (two sets of ids), only events from one set to the other, either way
            (a dyad's events, read by the ``events_dyad`` index instead of all of both actors').
    """
    pair = (tuple(sorted(between[0])), tuple(sorted(between[1]))) if between is not None else None
    return _load(conn, flt or EventFilter(), tuple(sorted(actors)) if actors is not None else None, pair)


def _load(
    conn: sqlite3.Connection,
    flt: EventFilter,
    actors: tuple[str, ...] | None,
    between: tuple[tuple[str, ...], tuple[str, ...]] | None = None,
) -> EventSelection:
    out = EventSelection()
    keep = out.events.append
    # with a span of days, the dated events are read by the day index (``events_day``) and the
    # undated ones counted apart: ``(day IS NULL OR day >= ?)`` read every event of the store
    spanned = flt.since is not None or flt.until is not None
    table = "events e INDEXED BY events_day" if spanned and actors is None and between is None else "events e"
    rows = list(conn.execute(*_query(flt, actors, "e.target", table, None, between)))
    # an action aimed at coordinated targets (*prees Finland en Zweden*) is one dyad per target
    expanded = "events e INDEXED BY events_other_targets, json_each(e.other_targets) j"  # migration 0004
    extra = list(conn.execute(*_query(flt, actors, "j.value", expanded, "e.other_targets IS NOT NULL", between)))
    if spanned:
        undated = replace(flt, since=None, until=None)
        for target, tables, where in (
            ("e.target", table, "e.day IS NULL"),
            ("j.value", expanded, "e.day IS NULL AND e.other_targets IS NOT NULL"),
        ):
            sql, params = _query(undated, actors, target, tables, where, between)
            out.undated += conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    if extra:
        rows = sorted(rows + extra, key=lambda r: (r[7] is not None, r[7] or "", r[0]))
    for eid, doc_id, source, target, cameo, quad, goldstein, when in rows:
        if when is None:
            out.undated += 1
            continue
        score = goldstein if goldstein is not None else goldstein_of(cameo, None)
        keep(EventRow(eid, doc_id, source, target, cameo, quad, float(score), _DATES[when]))
    return out


def _query(
    flt: EventFilter,
    actors: tuple[str, ...] | None,
    target: str,
    source_tables: str,
    extra: str | None,
    between: tuple[tuple[str, ...], tuple[str, ...]] | None = None,
) -> tuple[str, list[object]]:
    """The SQL (and parameters) selecting events by ``flt``, with ``target`` as the target column."""
    where = [
        # without an outlet filter the documents are not joined: an event of a near duplicate is
        # left out by the (few) near duplicates' ids, not by reading every event's document
        originals_clause(flt.include_duplicates)
        if flt.outlets is not None or flt.include_duplicates
        else _ORIGINAL_EVENT,
        "e.source IS NOT NULL",
        f"{target} IS NOT NULL",
        f"e.source != {target}",
    ]
    if extra:
        where.append(extra)
    params: list[object] = []
    if not flt.include_negated:
        where.append("e.negated = 0")
    if flt.modalities != MODALITIES:
        where.append(f"e.modality IN ({','.join('?' * len(flt.modalities))})")
        params += sorted(flt.modalities)
    if actors is not None:
        marks = ",".join("?" * len(actors))
        where.append(f"(e.source IN ({marks}) OR {target} IN ({marks}))")
        params += list(actors) * 2
    if between is not None:
        a, b = (",".join("?" * len(side)) for side in between)
        where.append(f"((e.source IN ({a}) AND {target} IN ({b})) OR (e.source IN ({b}) AND {target} IN ({a})))")
        params += [*between[0], *between[1], *between[1], *between[0]]
    if flt.outlets is not None:
        marks = ",".join("?" * len(flt.outlets))
        where.append(f"(d.source IN ({marks}) OR d.site IN ({marks}))")
        params += sorted(flt.outlets) * 2
    joins = ""
    if flt.actor_types is not None:
        marks = ",".join("?" * len(flt.actor_types))
        joins = f" JOIN actors a1 ON a1.id = e.source JOIN actors a2 ON a2.id = {target}"
        where.append(f"a1.type IN ({marks}) AND a2.type IN ({marks})")
        params += sorted(flt.actor_types) * 2
    day = "e.day"  # event_day_sql("e.date", "d.published"), kept in the row at write time (migration 10)
    if flt.since is not None:  # undated events are counted apart (``_load``)
        where.append(f"{day} >= ?")
        params.append(flt.since.isoformat())
    if flt.until is not None:
        where.append(f"{day} <= ?")
        params.append(flt.until.isoformat())
    documents = " JOIN documents d ON d.id = e.doc_id" if flt.outlets is not None else ""
    sql = (
        f"SELECT e.id, e.doc_id, e.source, {target}, e.cameo, e.quad_class, e.goldstein, {day} AS day "
        f"FROM {source_tables}{documents}{joins} WHERE {' AND '.join(where)} "
        "ORDER BY day, e.id"
    )
    return sql, params


class _DateCache(dict):
    """ISO day string -> ``date``, parsed once per distinct day."""

    def __missing__(self, key: str) -> date:
        value = self[key] = date.fromisoformat(key)
        return value


_DATES = _DateCache()


def as_date(day: str | None) -> date | None:
    """An ISO day from SQL (``event_day_sql``, ``first_day_sql``) as a ``date``; None stays None."""
    return _DATES[day] if day is not None else None


_D4 = "[0-9][0-9][0-9][0-9]"


def _valid_day(expr: str) -> str:
    """``expr`` (a ``YYYY-MM-DD`` string) if it is a real calendar day, else NULL."""
    return f"(CASE WHEN date({expr}, '+0 days') = {expr} AND {expr} >= '0001' THEN {expr} END)"


def first_day_sql(column: str) -> str:
    """SQL for ``periods.parse``: the first day a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` value covers."""
    day, month, year = (
        _valid_day(f"substr({column}, 1, 10)"),
        _valid_day(f"{column} || '-01'"),
        _valid_day(f"{column} || '-01-01'"),
    )
    return (
        f"(CASE WHEN {column} GLOB '{_D4}-[0-9][0-9]-[0-9][0-9]*' THEN {day} "
        f"WHEN {column} GLOB '{_D4}-[0-9][0-9]' THEN {month} WHEN {column} GLOB '{_D4}' THEN {year} END)"
    )


def published_span_sql(column: str, since: date | None, until: date | None) -> tuple[str, list[str]]:
    """A condition on the raw ``column`` (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD...``) that every value whose
    first day (``first_day_sql``) lies in ``since``-``until`` meets, so that an index on the column can
    narrow the rows before ``first_day_sql`` decides (from the month of ``since``, before the day
    after ``until``); ``("1", [])`` without bounds."""
    where, params = [], []
    if since is not None:
        where.append(f"{column} >= ?")
        # a year alone (``2025``) counts from 1 January, a month from its first day
        params.append(since.isoformat()[: 4 if (since.month, since.day) == (1, 1) else 7])
    if until is not None and until < date.max:
        where.append(f"{column} < ?")
        params.append((until + timedelta(days=1)).isoformat())
    return (" AND ".join(where) or "1"), params


def event_day_sql(event_date: str, published: str) -> str:
    """SQL for ``event_day``: the ISO day an event counts on, or NULL when undated (rules in the module docstring).

    Exact for the date shapes the record schema allows (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``).
    """
    pub, january = first_day_sql(published), _valid_day(f"{event_date} || '-01-01'")
    return (
        f"(CASE WHEN {event_date} GLOB '{_D4}-[0-9][0-9]*' THEN {first_day_sql(event_date)} "
        f"WHEN {event_date} GLOB '{_D4}' THEN (CASE WHEN substr({pub}, 1, 4) = {event_date} THEN {pub} "
        f"ELSE {january} END) ELSE {pub} END)"
    )
