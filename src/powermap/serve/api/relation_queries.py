"""The kept analyses (``cached``: once per store state) and the corpus-wide queries of the network,
timeline and actor pages: the relation network, an actor's place in it, the corpus over time and its
discourse coalitions. The actor page's own queries are in ``actor_queries``.

The network follows the analyses' counting rules (``analyse.events``: asserted, non-negated events
of original documents between two different known actors), so the pages agree with ``powermap
network``.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from powermap.analyse import periods
from powermap.analyse.discourse import Discourse, discourse
from powermap.analyse.events import EventFilter, first_day_sql
from powermap.analyse.network import Network, build_network
from powermap.serve.api import fact_queries, limits
from powermap.store import Store

log = logging.getLogger("powermap.serve")
_CACHE: dict[tuple, Any] = {}
_CACHE_LOCK = threading.Lock()
_BUILDING: dict[tuple, threading.Lock] = {}
_PINNED: set[tuple] = set()  # kept until the store changes, whatever else is asked
_STATES: dict[str, tuple] = {}  # a store's file -> the newest fingerprint seen
CACHE_SIZE = 256  # results kept besides the pinned ones


_REQUEST_STATES: dict[int, tuple] = {}  # id of a request's connection -> its fingerprint, read once


def store_fingerprint(conn: sqlite3.Connection) -> tuple:
    """What changes whenever the facts an analysis reads change (a cache key): the store's file,
    its id and the version every write moves on (``store_state``, kept by triggers: migration 8),
    one row read instead of counting tables on every request; read once per request
    (``request_state``), where a request's kept parts looked it up 4-5 times."""
    found = _REQUEST_STATES.get(id(conn))
    return found if found is not None else _read_fingerprint(conn)


def _read_fingerprint(conn: sqlite3.Connection) -> tuple:
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    return (path, *tuple(conn.execute("SELECT store_id, version FROM store_state").fetchone()))


@contextmanager
def request_state(conn: sqlite3.Connection) -> Iterator[tuple]:
    """The store's fingerprint read once for one request on ``conn`` (its connection, used by it
    alone meanwhile): every ``store_fingerprint(conn)`` until the request ends answers it, so the
    request's kept parts are keyed by one state even when a write lands while it is answered."""
    state = _REQUEST_STATES[id(conn)] = _read_fingerprint(conn)
    try:
        yield state
    finally:
        _REQUEST_STATES.pop(id(conn), None)


def cached(
    conn: sqlite3.Connection, key: tuple, build: Callable[[], Any], unlimited: bool = True, pin: bool = False
) -> Any:
    """``build()``'s result, computed once per store state and ``key``: the corpus-wide analyses
    (network, coalitions, timeline) every page view would otherwise redo. With ``unlimited`` the
    build runs outside the request's time limit (its cost grows with the corpus, not with the
    request; only for keys a client cannot multiply); otherwise under it, and a build stopped by it
    is not kept. Either way it runs once: requests that need it meanwhile wait for it.

    The least recently used result goes first when ``CACHE_SIZE`` are kept, except a pinned
    one: a default page or corpus-wide analysis (a key no client parameter varies, so a few per
    store), kept until the store changes. Requests for many different actors, pages or words used
    to push the timeline, the coalitions and the default pages out (seconds each to build again on
    100,000 documents). Entries of an earlier state of the same store go when a newer one is kept."""
    fingerprint = store_fingerprint(conn)
    full = (fingerprint, *key)
    with _CACHE_LOCK:
        if full in _CACHE:
            _CACHE[full] = _CACHE.pop(full)  # most recently used last
            return _CACHE[full]
        building = _BUILDING.setdefault(full, threading.Lock())
    with building:
        with _CACHE_LOCK:
            if full in _CACHE:
                return _CACHE[full]
        try:
            if unlimited:
                with limits.unlimited():
                    value = build()
            else:
                value = build()
        except BaseException:
            with _CACHE_LOCK:
                _BUILDING.pop(full, None)
            raise
        with _CACHE_LOCK:
            _keep(fingerprint, full, value, pin)
            _BUILDING.pop(full, None)
    return value


def kept(conn: sqlite3.Connection, key: tuple) -> Any | None:
    """What ``cached`` keeps under ``key`` for the store's current state, or None (nothing is built)."""
    with _CACHE_LOCK:
        return _CACHE.get((store_fingerprint(conn), *key))


def _keep(fingerprint: tuple, full: tuple, value: Any, pin: bool) -> None:
    """Keep ``value`` under ``full`` (the caller holds ``_CACHE_LOCK``)."""
    if _STATES.get(fingerprint[0]) != fingerprint:  # the store moved on: its earlier results are of no use
        _STATES[fingerprint[0]] = fingerprint
        for stale in [k for k in _CACHE if k[0][0] == fingerprint[0] and k[0] != fingerprint]:
            del _CACHE[stale]
            _PINNED.discard(stale)
    if pin:
        _PINNED.add(full)
    else:
        evictable = [k for k in _CACHE if k not in _PINNED]
        for dropped in evictable[: max(0, len(evictable) - CACHE_SIZE + 1)]:
            del _CACHE[dropped]
    _CACHE[full] = value


def clear_cache() -> None:
    """Forget every kept result (tests; a server never needs to: keys carry the store state)."""
    with _CACHE_LOCK:
        _CACHE.clear()
        _PINNED.clear()
        _STATES.clear()


def network(conn: sqlite3.Connection, flt: EventFilter, min_events: int = 1) -> Network:
    """The relation network under ``flt`` (``analyse.network.build_network``), built once per store state."""
    default = flt == EventFilter() and min_events == 1  # the actor pages' network place reads it
    return cached(
        conn, ("network", flt, min_events), lambda: build_network(conn, flt, min_events=min_events), pin=default
    )


def network_place(conn: sqlite3.Connection, actor_id: str) -> dict | None:
    """Where an actor sits in the whole corpus's relation network: its camp, degree, strength,
    betweenness, participation and whether it bridges camps; None when it has no counted event."""
    built = network(conn, EventFilter())
    node = next((n for n in built.nodes if n.id == actor_id), None)
    if node is None:
        return None
    camp = next((c for c in built.camps if c.id == node.camp), None)
    return {
        "camp": node.camp,
        "camp_label": camp.label if camp else None,
        "camps": len(built.camps),
        "degree": node.degree,
        "strength": node.strength,
        "betweenness": node.betweenness,
        "participation": node.participation,
        "bridge": node.bridge,
        "rank": 1 + sum(1 for n in built.nodes if n.degree > node.degree),
        "nodes": len(built.nodes),
    }


def granularity(conn: sqlite3.Connection) -> periods.Granularity:
    """``week`` for a corpus spanning under half a year, ``month`` up to five years, else ``year``
    (read from every document: once per store state)."""
    return cached(conn, ("granularity",), lambda: _granularity(conn), pin=True)


def _granularity(conn: sqlite3.Connection) -> periods.Granularity:
    day = first_day_sql("published")
    row = conn.execute(f"SELECT min({day}), max({day}) FROM documents").fetchone()
    if not row[0]:
        return "month"
    span = (date.fromisoformat(row[1]) - date.fromisoformat(row[0])).days
    return "week" if span < 183 else "month" if span < 5 * 366 else "year"


def timeline(conn: sqlite3.Connection, by: periods.Granularity) -> list[dict]:
    """The corpus per period: documents, events by quad class, quotes, stances, the most mentioned actors."""
    return cached(conn, ("timeline", by), lambda: _timeline(conn, by), pin=True)


def _timeline(conn: sqlite3.Connection, by: periods.Granularity) -> list[dict]:
    day = first_day_sql("d.published")
    per: dict[str, dict[str, Any]] = {}

    def slot(value: str) -> dict[str, Any]:
        label = periods.bucket(date.fromisoformat(value), by)
        return per.setdefault(
            label,
            {
                "period": label,
                "documents": 0,
                "events": 0,
                "cooperation": 0,
                "conflict": 0,
                "quotes": 0,
                "stances": 0,
                "actors": Counter(),
            },
        )

    for value, n in conn.execute(f"SELECT {day} AS day, count(*) FROM documents d WHERE day IS NOT NULL GROUP BY day"):
        slot(value)["documents"] += n
    for value, quad, n in conn.execute(
        f"SELECT {day} AS day, e.quad_class, count(*) FROM events e JOIN documents d ON d.id = e.doc_id "
        "WHERE day IS NOT NULL AND e.negated = 0 GROUP BY day, e.quad_class"
    ):
        s = slot(value)
        s["events"] += n
        if quad in (1, 2, 3, 4):
            s["cooperation" if quad <= 2 else "conflict"] += n
    for table in ("quotes", "stances"):
        for value, n in conn.execute(
            f"SELECT {day} AS day, count(*) FROM {table} x JOIN documents d ON d.id = x.doc_id "
            "WHERE day IS NOT NULL GROUP BY day"
        ):
            slot(value)[table] += n
    for value, actor, n in conn.execute(
        f"SELECT {day} AS day, m.actor_id, count(*) FROM mentions m JOIN documents d ON d.id = m.doc_id "
        "WHERE day IS NOT NULL GROUP BY day, m.actor_id"
    ):
        slot(value)["actors"][actor] += n
    top = {a for s in per.values() for a, _ in s["actors"].most_common(3)}
    names = _names(conn, top)
    out = []
    for label in sorted(per):
        s = per[label]
        s["actors"] = [{"id": a, "name": names.get(a, a), "mentions": n} for a, n in s["actors"].most_common(3)]
        out.append(s)
    return out


def _names(conn: sqlite3.Connection, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {r[0]: r[1] for r in conn.execute(f"SELECT id, name FROM actors WHERE id IN ({marks})", sorted(ids))}


def corpus_discourse(conn: sqlite3.Connection) -> Discourse:
    """The whole corpus's discourse network and coalitions (``analyse.discourse``), once per store state."""
    return cached(conn, ("discourse",), lambda: discourse(conn), pin=True)


def warm(store: Store) -> None:
    """Compute the corpus-wide analyses the pages show (network, coalitions, timeline) and the alias
    index ahead of the first request; a store that cannot be read yet is left to the requests."""
    try:
        conn = store.reader()
    except sqlite3.Error:
        return
    try:
        fact_queries.alias_index()
        network_place(conn, "")
        corpus_discourse(conn)
        timeline(conn, granularity(conn))
    except Exception:  # best effort: a request computes (and reports) it again
        log.warning("could not compute the analyses ahead of the first request", exc_info=True)
    finally:
        conn.close()
