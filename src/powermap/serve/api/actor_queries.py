"""Read queries of the actor page: its mentions in their sentences, the names it goes by, its
partners and adversaries, the dyad trend against another actor, and the quotes it speaks.

Relations follow the analyses' counting rules (``analyse.events``: asserted, non-negated events of
original documents between two different known actors), so the page agrees with ``powermap dyad``
and ``powermap network``; the counts per other actor and day are kept at write time (migration 13).
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from functools import lru_cache
from typing import Any

from powermap.analyse import periods
from powermap.analyse.dyads import dyad_trend
from powermap.analyse.events import EventFilter, EventRow, EventSelection, _query, load_events
from powermap.serve.api import fact_queries
from powermap.store.quote_queries import walk_pays

WINDOW = 400  # characters read on either side of a mention before it is cut to its sentence
RELATIONS = 10
#: ``walk_pays``'s ratio for an actor's mentions: sorting one from the indexes (migration 14) costs
#: about what walking a document does (0.55 and 0.65 microseconds), measured on 100,000 documents:
#: the sort is cheaper up to about 1,400 mentions for a page of 50 (before migration 14 the sort read
#: each mention's window of text, and the walk paid from about 400: a ratio of 30)
MENTION_WALK = 2.5
#: ``walk_pays``'s ratio for a speaker's quotes on the actor page: sorting one from the indexes
#: (about 1.1 microseconds) against walking a document and its quotes (about 3.8): the sort is
#: cheaper up to about 2,600 quotes for the page's 20, measured on 100,000 documents
QUOTE_WALK = 0.3
#: documents listed per period of an actor page's dyad trend (the first ones; ``document_total``
#: counts them all): the most mentioned actor's page on 100,000 documents listed 700 KB of ids
DYAD_DOCUMENTS = 20
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*\s+|\n")


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

    The page's mentions are found first, from indexes alone, then their windows of text are read.
    A much mentioned actor (``walk_pays``) is found by walking the documents oldest first
    (``documents_published_original``: migration 11) and each one's mentions by its key, so a page
    stops after its rows instead of sorting every mention of the actor (176,000 for the most
    mentioned actor of the generated corpus); a rarer actor's mentions are sorted with their
    documents' dates, read from ``mentions_actor_document_start`` and ``documents_id_published``
    (migration 14) without reading a mention's or a document's row (``MENTION_WALK``)."""
    joined = (
        "documents d INDEXED BY documents_published_original CROSS JOIN mentions m ON m.doc_id = d.id"
        if walk_pays(conn, count_mentions(conn, actor_id), offset + limit, MENTION_WALK)
        else "mentions m INDEXED BY mentions_actor_document_start "
        "JOIN documents d INDEXED BY documents_id_published ON d.id = m.doc_id"
    )
    order = "ORDER BY d.published, m.doc_id, m.start, m.rowid"
    keys = [
        r[0]
        for r in conn.execute(
            f"SELECT m.rowid FROM {joined} WHERE m.actor_id = ? {order} LIMIT ? OFFSET ?", (actor_id, limit, offset)
        )
    ]
    rows = conn.execute(
        f"""SELECT m.doc_id, m.start, m."end", m.text, d.title, d.path, d.published,
                  substr(d.text, max(1, m.start - ? + 1), m."end" - min(m.start, ?) + ?) AS window,
                  max(0, m.start - ?) AS window_start
           FROM mentions m JOIN documents d ON d.id = m.doc_id
           WHERE m.rowid IN ({",".join("?" * len(keys))}) {order}""",
        (WINDOW, WINDOW, WINDOW, WINDOW, *keys),
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
    cooperation and conflict (Goldstein sums, both positive), first and last day.

    Read from the counts per other actor and day kept at write time (``actor_dyad_days``: migration
    13), about one row per partner and day instead of every event of the actor; from ``events`` (the
    actor's, ``actor_events``) when they are given, or when one of the actor's events has no recorded
    Goldstein score (the codebook's is used then, which the kept sums cannot know)."""
    if events is None:
        kept = conn.execute(
            """SELECT other, sum(events), sum(cooperation), sum(conflict), min(day), max(day), sum(unscored)
               FROM actor_dyad_days WHERE actor = ? GROUP BY other""",
            (actor_id,),
        ).fetchall()
        if not any(row[6] for row in kept):
            return _ranked({row[0]: tuple(row[1:6]) for row in kept}, conn)
        events = actor_events(conn, actor_id)
    tally: dict[str, list[Any]] = {}
    for event in events:
        other = event.target if event.source == actor_id else event.source
        if other == actor_id:
            continue
        day = event.day.isoformat()
        slot = tally.setdefault(other, [0, 0.0, 0.0, day, day])
        slot[0] += 1
        slot[1 if event.goldstein >= 0 else 2] += abs(event.goldstein)
        slot[3], slot[4] = min(slot[3], day), max(slot[4], day)
    return _ranked({other: tuple(slot) for other, slot in tally.items()}, conn)


def _ranked(tally: dict[str, tuple], conn: sqlite3.Connection) -> dict[str, list[dict]]:
    """Partners and adversaries from (events, cooperation, conflict, first day, last day) per other actor."""
    names = fact_queries.actor_names(conn, set(tally))
    rows = [
        {
            "id": other,
            "name": names.get(other, other),
            "events": events,
            "cooperation": round(cooperation, 3),
            "conflict": round(conflict, 3),
            "first": first,
            "last": last,
        }
        for other, (events, cooperation, conflict, first, last) in tally.items()
    ]
    net = {r["id"]: r["cooperation"] - r["conflict"] for r in rows}
    partners = sorted((r for r in rows if net[r["id"]] > 0), key=lambda r: (-net[r["id"]], r["name"]))
    adversaries = sorted((r for r in rows if net[r["id"]] < 0), key=lambda r: (net[r["id"]], r["name"]))
    return {"partners": partners[:RELATIONS], "adversaries": adversaries[:RELATIONS]}


def dyad(
    conn: sqlite3.Connection, a: str, b: str, by: periods.Granularity, events: list[EventRow] | None = None
) -> list[dict]:
    """The trend of events between two actors per period (``analyse.dyads.dyad_trend``), each
    period with its first ``DYAD_DOCUMENTS`` documents and how many there are. ``events``: ``a``'s
    (``actor_events``), when they are loaded already: the dyad's are among them.

    Without them, the counts come from those kept per day (``actor_dyad_days``: migration 13) and
    the documents from the dyad's events' days and documents alone, read from an index
    (``events_dyad_counted``: migration 14), not as events to count one by one (1,467 for the
    largest dyad of 100,000 documents); unless one of the dyad's events has no recorded Goldstein
    score (the codebook's counts then, which the kept sums cannot know)."""
    if events is None:
        kept = conn.execute(
            """SELECT day, events, verbal_cooperation, material_cooperation, verbal_conflict, material_conflict,
                      goldstein, unscored FROM actor_dyad_days
               WHERE actor = ? AND other = ? AND events > 0 ORDER BY day""",
            (a, b),
        ).fetchall()
        if not any(row[7] for row in kept):
            return _kept_dyad(conn, a, b, by, kept)
        selection = load_events(conn, EventFilter(), between=([a], [b]))  # only the dyad's events
    else:
        pair = {(a, b), (b, a)}
        selection = EventSelection([e for e in events if (e.source, e.target) in pair])
    trend = dyad_trend(conn, [a], [b], by=by, selection=selection)
    out = []
    for point in trend.points:
        row = {k: v for k, v in point.__dict__.items() if not k.startswith("_")}
        out.append({**row, "documents": point.documents[:DYAD_DOCUMENTS], "document_total": len(point.documents)})
    return out


#: an ISO day as a ``date`` (days repeat from dyad to dyad)
_day = lru_cache(maxsize=1 << 16)(date.fromisoformat)


@lru_cache(maxsize=1 << 16)
def _period(day: str, by: periods.Granularity) -> str:
    """The label of the period an ISO day falls in (``periods.bucket``), once per day and granularity."""
    return periods.bucket(_day(day), by)


_QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def _kept_dyad(conn: sqlite3.Connection, a: str, b: str, by: periods.Granularity, kept: list) -> list[dict]:
    """``dyad`` from the dyad's counts per day (``kept``) and its events' days and documents."""
    if not kept:
        return []
    points: dict[str, dict[str, Any]] = {}
    for day, events, *quads, goldstein, _ in kept:
        label = _period(day, by)
        point = points.get(label)
        if point is None:
            point = points[label] = {"period": label, **dict.fromkeys(_QUADS, 0), "events": 0, "goldstein": 0.0}
            point["_documents"] = {}
        for name, n in zip(_QUADS, quads, strict=True):
            point[name] += n
        point["events"] += events
        point["goldstein"] += goldstein
    for day, doc_id in _dyad_documents(conn, a, b):
        point = points.get(_period(day, by))
        if point is not None:
            point["_documents"].setdefault(doc_id, None)
    first, last = _day(kept[0][0]), _day(kept[-1][0])
    out = []
    for label in _labels(first, last, by):
        point = points.get(label)
        if point is None:
            out.append({"period": label, **dict.fromkeys(_QUADS, 0), "events": 0, "goldstein": 0.0,
                        "documents": [], "document_total": 0})  # fmt: skip
            continue
        documents = list(point.pop("_documents"))
        point["goldstein"] = round(point["goldstein"], 6)
        out.append({**point, "documents": documents[:DYAD_DOCUMENTS], "document_total": len(documents)})
    return out


def _dyad_documents(conn: sqlite3.Connection, a: str, b: str) -> list[tuple[str, str]]:
    """(day, document) of every event the dyad of ``a`` and ``b`` counts (``analyse.events``'
    rules, a coordinated target included), in the order the analyses read them (day, event id)."""
    between = ((a,), (b,))
    found: list[tuple[str, int, str]] = []
    for target, tables, extra in (
        ("e.target", "events e", None),
        (
            "j.value",
            "events e INDEXED BY events_other_targets, json_each(e.other_targets) j",
            "e.other_targets IS NOT NULL",
        ),
    ):
        sql, params = _query(EventFilter(), None, target, tables, extra, between)
        # the same rows, their day, id and document only (``events_dyad_counted`` holds them)
        narrow = "SELECT e.day AS day, e.id, e.doc_id FROM " + sql.split(" FROM ", 1)[1]
        found += conn.execute(narrow, params).fetchall()
    found.sort(key=lambda r: (r[0], r[1]))
    return [(day, doc_id) for day, _, doc_id in found if day is not None]


def _labels(first: date, last: date, by: periods.Granularity) -> list[str]:
    """``periods.labels``, counted for months and years instead of stepped through (a dyad of 200
    years: 2,600 steps)."""
    if by == "year":
        return [str(year) for year in range(first.year, last.year + 1)]
    if by == "month":
        months = range(first.year * 12 + first.month - 1, last.year * 12 + last.month)
        return [f"{m // 12}-{m % 12 + 1:02d}" for m in months]
    return periods.labels(first, last, by)


def spoken_quotes(conn: sqlite3.Connection, actor_id: str, limit: int = 20) -> tuple[list[dict], int]:
    """The newest quotes ``actor_id`` is the speaker of, and how many there are.

    The page's quotes are found first, from indexes alone, then their rows are read. A frequent
    speaker's (``walk_pays``) are found by walking the documents newest first
    (``documents_published_original``) and each one's quotes by its key, so the page stops after
    its rows instead of sorting every quote of the speaker; a rarer one's are sorted with their
    documents' dates, read from ``quotes_speaker_doc`` and ``documents_id_published`` (migration
    14) without reading a quote's or a document's row (``QUOTE_WALK``)."""
    total = conn.execute("SELECT count(*) FROM quotes WHERE speaker = ?", (actor_id,)).fetchone()[0]
    joined = (
        "documents d INDEXED BY documents_published_original CROSS JOIN quotes q INDEXED BY quotes_doc "
        "ON q.doc_id = d.id"
        if walk_pays(conn, total, limit, QUOTE_WALK)
        else "quotes q INDEXED BY quotes_speaker_doc JOIN documents d INDEXED BY documents_id_published "
        "ON d.id = q.doc_id"
    )
    order = "ORDER BY d.published DESC, q.doc_id, q.start, q.id"
    ids = [
        r[0] for r in conn.execute(f"SELECT q.id FROM {joined} WHERE q.speaker = ? {order} LIMIT ?", (actor_id, limit))
    ]
    rows = conn.execute(
        f"""SELECT q.id, q.doc_id, q.start, q."end", q.text, q.kind, q.cue, q.speaker, a.name AS speaker_name,
                  d.title, d.published
           FROM quotes q JOIN documents d ON d.id = q.doc_id JOIN actors a ON a.id = q.speaker
           WHERE q.id IN ({",".join("?" * len(ids))}) {order}""",
        ids,
    ).fetchall()
    return [dict(r) for r in rows], total
