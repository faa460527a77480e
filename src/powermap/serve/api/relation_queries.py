"""Read queries for the actor, network and timeline pages: an actor's relations, aliases and
mentions in their sentences, the relation network (cached per store state), and the corpus over time.

Relations follow the analyses' counting rules (``analyse.events``: asserted, non-negated events of
original documents between two different known actors), so the pages agree with ``powermap dyad``
and ``powermap network``.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date
from typing import Any

from powermap.analyse import periods
from powermap.analyse.discourse import Discourse, discourse
from powermap.analyse.dyads import dyad_trend
from powermap.analyse.events import EventFilter, EventRow, EventSelection, first_day_sql, load_events
from powermap.analyse.network import Network, build_network
from powermap.serve.api import fact_queries, limits
from powermap.store import Store

log = logging.getLogger("powermap.serve")
WINDOW = 400  # characters read on either side of a mention before it is cut to its sentence
RELATIONS = 10
WALK_FROM = 5_000  # mentions of an actor from which its page walks the documents in order
#: documents listed per period of an actor page's dyad trend (the first ones; ``document_total``
#: counts them all): the most mentioned actor's page on 100,000 documents listed 700 KB of ids
DYAD_DOCUMENTS = 20
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*\s+|\n")
_CACHE: dict[tuple, Any] = {}
_CACHE_LOCK = threading.Lock()
_BUILDING: dict[tuple, threading.Lock] = {}
CACHE_SIZE = 256


def store_fingerprint(conn: sqlite3.Connection) -> tuple:
    """What changes whenever the facts an analysis reads change (a cache key): the store's file,
    its id and the version every write moves on (``store_state``, kept by triggers: migration 8),
    one row read instead of counting tables on every request."""
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    return (path, *tuple(conn.execute("SELECT store_id, version FROM store_state").fetchone()))


def cached(conn: sqlite3.Connection, key: tuple, build: Callable[[], Any], unlimited: bool = True) -> Any:
    """``build()``'s result, computed once per store state and ``key``: the corpus-wide analyses
    (network, coalitions, timeline) every page view would otherwise redo. With ``unlimited`` the
    build runs outside the request's time limit (its cost grows with the corpus, not with the
    request; only for keys a client cannot multiply); otherwise under it, and a build stopped by it
    is not kept. Either way it runs once: requests that need it meanwhile wait for it. The least
    recently used result goes first when ``CACHE_SIZE`` are kept."""
    full = (store_fingerprint(conn), *key)
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
            while len(_CACHE) >= CACHE_SIZE:
                _CACHE.pop(next(iter(_CACHE)))
            _CACHE[full] = value
            _BUILDING.pop(full, None)
    return value


def network(conn: sqlite3.Connection, flt: EventFilter, min_events: int = 1) -> Network:
    """The relation network under ``flt`` (``analyse.network.build_network``), built once per store state."""
    return cached(conn, ("network", flt, min_events), lambda: build_network(conn, flt, min_events=min_events))


def sentence_around(text: str, start: int, end: int, offset: int) -> tuple[str, int]:
    """The sentence of ``text`` (a window starting at document offset ``offset``) holding the span
    ``start``-``end`` (document offsets): its text and its document offset."""
    lo, hi = start - offset, end - offset
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, max(lo, 0)):
        begin = match.end()
    found = _SENTENCE_END.search(text, max(hi, 0))
    stop = found.start() + len(found.group().rstrip()) if found else len(text)
    return text[begin:stop], offset + begin


def mention_contexts(conn: sqlite3.Connection, actor_id: str, limit: int = 50, offset: int = 0) -> list[dict]:
    """An actor's mentions (oldest document first), each with the sentence it stands in.

    An actor mentioned more than ``WALK_FROM`` times is read by walking the documents oldest first
    (``documents_published_original``: migration 11) and each one's mentions by its key, so a page
    stops after its rows instead of sorting every mention of the actor (176,000 for the most
    mentioned actor of the generated corpus); a rarer actor's mentions are sorted, which is cheaper
    than walking documents that do not mention it."""
    joined = (
        "documents d INDEXED BY documents_published_original CROSS JOIN mentions m ON m.doc_id = d.id"
        if count_mentions(conn, actor_id) > WALK_FROM
        else "mentions m JOIN documents d ON d.id = m.doc_id"
    )
    rows = conn.execute(
        f"""SELECT m.doc_id, m.start, m."end", m.text, d.title, d.path, d.published,
                  substr(d.text, max(1, m.start - ? + 1), m."end" - min(m.start, ?) + ?) AS window,
                  max(0, m.start - ?) AS window_start
           FROM {joined}
           WHERE m.actor_id = ? ORDER BY d.published, m.doc_id, m.start LIMIT ? OFFSET ?""",
        (WINDOW, WINDOW, WINDOW, WINDOW, actor_id, limit, offset),
    ).fetchall()
    out = []
    for r in rows:
        context, context_start = sentence_around(r["window"], r["start"], r["end"], r["window_start"])
        row = {k: r[k] for k in ("doc_id", "start", "end", "text", "title", "path", "published")}
        out.append({**row, "context": context, "context_start": context_start})
    return out


def count_mentions(conn: sqlite3.Connection, actor_id: str) -> int:
    """How many times the corpus mentions ``actor_id`` (kept at write time in ``actor_counts``)."""
    row = conn.execute("SELECT mentions FROM actor_counts WHERE actor_id = ?", (actor_id,)).fetchone()
    return row[0] if row else 0


def aliases(conn: sqlite3.Connection, actor_id: str) -> list[dict]:
    """The names an actor goes by: the forms the corpus mentions it with (most frequent first) and
    the knowledge base's aliases."""
    rows = conn.execute(  # counted at write time (``actor_mention_texts``: migration 11)
        "SELECT text, n FROM actor_mention_texts WHERE actor_id = ? AND n > 0 ORDER BY n DESC, text LIMIT 40",
        (actor_id,),
    ).fetchall()
    out = [{"name": r[0], "kind": "mentioned", "count": r[1]} for r in rows]
    seen = {a["name"].casefold() for a in out}
    for alias, kind in fact_queries.known_aliases().get(actor_id, []):
        if alias.casefold() not in seen:
            seen.add(alias.casefold())
            out.append({"name": alias, "kind": kind or "alias", "count": 0})
    return out[:80]


def actor_events(conn: sqlite3.Connection, actor_id: str) -> list[EventRow]:
    """The counted events ``actor_id`` is the source or a target of (``analyse.events.load_events``)."""
    return load_events(conn, EventFilter(), actors=[actor_id]).events


def relations(conn: sqlite3.Connection, actor_id: str, events: list[EventRow] | None = None) -> dict[str, list[dict]]:
    """The actors ``actor_id`` has events with: partners (more cooperation than conflict, the widest
    margin first) and adversaries (more conflict than cooperation, likewise), each with its events,
    cooperation and conflict (Goldstein sums, both positive), first and last day. ``events``: the
    actor's (``actor_events``), when they are loaded already."""
    tally: dict[str, dict[str, Any]] = defaultdict(lambda: {"events": 0, "cooperation": 0.0, "conflict": 0.0})
    days: dict[str, list[date]] = defaultdict(list)
    for event in actor_events(conn, actor_id) if events is None else events:
        other = event.target if event.source == actor_id else event.source
        if other == actor_id:
            continue
        slot = tally[other]
        slot["events"] += 1
        slot["cooperation" if event.goldstein >= 0 else "conflict"] += abs(event.goldstein)
        days[other].append(event.day)
    names = _names(conn, set(tally))
    rows = [
        {
            "id": other,
            "name": names.get(other, other),
            "events": slot["events"],
            "cooperation": round(slot["cooperation"], 3),
            "conflict": round(slot["conflict"], 3),
            "first": min(days[other]).isoformat(),
            "last": max(days[other]).isoformat(),
        }
        for other, slot in tally.items()
    ]
    net = {r["id"]: r["cooperation"] - r["conflict"] for r in rows}
    partners = sorted((r for r in rows if net[r["id"]] > 0), key=lambda r: (-net[r["id"]], r["name"]))
    adversaries = sorted((r for r in rows if net[r["id"]] < 0), key=lambda r: (net[r["id"]], r["name"]))
    return {"partners": partners[:RELATIONS], "adversaries": adversaries[:RELATIONS]}


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
    return cached(conn, ("granularity",), lambda: _granularity(conn))


def _granularity(conn: sqlite3.Connection) -> periods.Granularity:
    day = first_day_sql("published")
    row = conn.execute(f"SELECT min({day}), max({day}) FROM documents").fetchone()
    if not row[0]:
        return "month"
    span = (date.fromisoformat(row[1]) - date.fromisoformat(row[0])).days
    return "week" if span < 183 else "month" if span < 5 * 366 else "year"


def dyad(
    conn: sqlite3.Connection, a: str, b: str, by: periods.Granularity, events: list[EventRow] | None = None
) -> list[dict]:
    """The trend of events between two actors per period (``analyse.dyads.dyad_trend``), each
    period with its first ``DYAD_DOCUMENTS`` documents and how many there are. ``events``: ``a``'s
    (``actor_events``), when they are loaded already: the dyad's are among them."""
    if events is None:  # only the dyad's events are read (not both actors' own: 150,000 rows for the top one)
        selection = load_events(conn, EventFilter(), between=([a], [b]))
    else:
        pair = {(a, b), (b, a)}
        selection = EventSelection([e for e in events if (e.source, e.target) in pair])
    trend = dyad_trend(conn, [a], [b], by=by, selection=selection)
    out = []
    for point in trend.points:
        row = {k: v for k, v in point.__dict__.items() if not k.startswith("_")}
        out.append({**row, "documents": point.documents[:DYAD_DOCUMENTS], "document_total": len(point.documents)})
    return out


def timeline(conn: sqlite3.Connection, by: periods.Granularity) -> list[dict]:
    """The corpus per period: documents, events by quad class, quotes, stances, the most mentioned actors."""
    return cached(conn, ("timeline", by), lambda: _timeline(conn, by))


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


def spoken_quotes(conn: sqlite3.Connection, actor_id: str, limit: int = 20) -> tuple[list[dict], int]:
    """The newest quotes ``actor_id`` is the speaker of, and how many there are."""
    rows = conn.execute(
        """SELECT q.id, q.doc_id, q.start, q."end", q.text, q.kind, q.cue, q.speaker, a.name AS speaker_name,
                  d.title, d.published
           FROM quotes q JOIN actors a ON a.id = q.speaker JOIN documents d ON d.id = q.doc_id
           WHERE q.speaker = ? ORDER BY d.published DESC, q.doc_id, q.start LIMIT ?""",
        (actor_id, limit),
    ).fetchall()
    total = conn.execute("SELECT count(*) FROM quotes WHERE speaker = ?", (actor_id,)).fetchone()[0]
    return [dict(r) for r in rows], total


def corpus_discourse(conn: sqlite3.Connection) -> Discourse:
    """The whole corpus's discourse network and coalitions (``analyse.discourse``), once per store state."""
    return cached(conn, ("discourse",), lambda: discourse(conn))


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
