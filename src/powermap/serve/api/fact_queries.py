"""Read queries over the extracted facts for the web workbench: one document's facts, and events,
claims and stances across the corpus, filtered, paged, counted and faceted.

Every function takes a read-only connection and returns plain dicts (the API's JSON). Rows keep
their store ``id`` and their span (``doc_id``, ``start``, ``end``), so a page can point at the
sentence a fact comes from and a correction can name the fact.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from powermap.analyse import periods
from powermap.kb import DATA as KB_DATA
from powermap.store.queries import fold

FACET_SIZE = 10
#: the day an event counts on, kept in the row at write time (migration 10: ``event_day_sql`` of its
#: date and its document's publication date), indexed with the id in page order
EVENT_DAY = "e.day"


def _rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    return [dict(r) for r in cursor.fetchall()]


def actor_candidates(conn: sqlite3.Connection, query: str) -> list[dict]:
    """The stored actors ``query`` names, by the first rule that finds any: the id; a CAMEO actor
    code or, for a state, its ISO alpha-3 code; the name (case and accents ignored); an alias of the
    knowledge base (read from its alias table alone: the base itself is never loaded for a page)."""
    text = query.strip()
    rules = (
        ("SELECT * FROM actors WHERE id = ?", (text,)),
        ("SELECT * FROM actors WHERE code = ? OR (type = 'state' AND country = ?)", (text.upper(),) * 2),
        ("SELECT * FROM actors WHERE fold(name) = fold(?)", (text,)),
    )
    for sql, params in rules:
        rows = _rows(conn.execute(sql + " ORDER BY id LIMIT 50", params))
        if rows:
            return rows
    ids = sorted(alias_index().get(fold(text), ()))[:50]
    marks = ",".join("?" * len(ids))
    return _rows(conn.execute(f"SELECT * FROM actors WHERE id IN ({marks}) ORDER BY id", ids)) if ids else []


def actor_ids(conn: sqlite3.Connection, query: str | None) -> list[str] | None:
    """The actor ids a filter names (``actor_candidates``), else the ids whose name contains it;
    None for no filter, [] when nothing answers."""
    if not query or not query.strip():
        return None
    found = [a["id"] for a in actor_candidates(conn, query)]
    if found:
        return found
    rows = conn.execute(
        "SELECT id FROM actors WHERE fold(name) LIKE '%' || fold(?) || '%' ORDER BY id LIMIT 50", (query.strip(),)
    )
    return [r[0] for r in rows]


@cache
def known_aliases() -> dict[str, list[tuple[str, str]]]:
    """The knowledge base's aliases by actor id: (alias, kind), from its table alone."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with (KB_DATA / "aliases.tsv").open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and not line.startswith("#") and parts[0] != "id":
                out[parts[0]].append((parts[1], parts[2] if len(parts) > 2 else ""))
    return dict(out)


@cache
def alias_index() -> dict[str, set[str]]:
    """Folded alias -> the actor ids of the knowledge base it names."""
    out: dict[str, set[str]] = defaultdict(set)
    for actor_id, names in known_aliases().items():
        for name, _kind in names:
            out[fold(name)].add(actor_id)
    return dict(out)


# -- one document
def document_facts(conn: sqlite3.Connection, doc_id: str) -> dict[str, list[dict]]:
    """The stored actors (with their mentions), quotes, claims, events and stances of one document."""
    mentions = _rows(
        conn.execute(
            """SELECT m.actor_id, m.start, m."end", m.text, a.name, a.type
               FROM mentions m JOIN actors a ON a.id = m.actor_id WHERE m.doc_id = ? ORDER BY m.start""",
            (doc_id,),
        )
    )
    actors: dict[str, dict] = {}
    for m in mentions:
        slot = actors.setdefault(
            m["actor_id"], {"id": m["actor_id"], "name": m["name"], "type": m["type"], "mentions": []}
        )
        slot["mentions"].append({"start": m["start"], "end": m["end"], "text": m["text"]})
    quotes = _rows(
        conn.execute(
            """SELECT q.id, q.start, q."end", q.text, q.kind, q.cue, q.speaker, a.name AS speaker_name
               FROM quotes q LEFT JOIN actors a ON a.id = q.speaker WHERE q.doc_id = ? ORDER BY q.start""",
            (doc_id,),
        )
    )
    claims = _rows(
        conn.execute(
            """SELECT id, start, "end", text, value, unit, about, subject, period, source
               FROM claims WHERE doc_id = ? ORDER BY start""",
            (doc_id,),
        )
    )
    for c in claims:
        c["subject"] = json.loads(c["subject"] or "[]")
    events = _rows(
        conn.execute(
            """SELECT e.id, e.start, e."end", e.sentence, e.source, s.name AS source_name, e.target,
                      t.name AS target_name, e.cameo, e.plover, e.goldstein, e.negated, e.modality, e.date
               FROM events e LEFT JOIN actors s ON s.id = e.source LEFT JOIN actors t ON t.id = e.target
               WHERE e.doc_id = ? ORDER BY e.start, e.id""",
            (doc_id,),
        )
    )
    for e in events:
        e["negated"] = bool(e["negated"])
    stances = _rows(
        conn.execute(
            """SELECT st.id, st.start, st."end", st.evidence, st.actor, a.name AS actor_name, st.concept, st.agree
               FROM stances st LEFT JOIN actors a ON a.id = st.actor WHERE st.doc_id = ? ORDER BY st.start, st.id""",
            (doc_id,),
        )
    )
    for st in stances:
        st["agree"] = bool(st["agree"])
    ordered = sorted(actors.values(), key=lambda a: (-len(a["mentions"]), a["name"]))
    return {"actors": ordered, "quotes": quotes, "claims": claims, "events": events, "stances": stances}


# -- events
@dataclass
class EventQuery:
    """The events page's filters. ``actor``/``other``: ids (None: any); with both, the events
    between them in either direction (a dyad)."""

    actor: list[str] | None = None
    other: list[str] | None = None
    cameo: str | None = None
    plover: str | None = None
    since: str | None = None
    until: str | None = None
    modality: str | None = None
    language: str | None = None
    where: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)

    def __post_init__(self) -> None:
        def among(column: str, ids: list[str]) -> str:
            self.params.extend(ids)
            return f"{column} IN ({','.join('?' * len(ids))})"

        if self.actor is not None and self.other is not None:
            one = f"({among('e.source', self.actor)} AND {among('e.target', self.other)})"
            two = f"({among('e.source', self.other)} AND {among('e.target', self.actor)})"
            self.where.append(f"({one} OR {two})")
        else:
            for ids in (self.actor, self.other):
                if ids is not None:
                    self.where.append(f"({among('e.source', ids)} OR {among('e.target', ids)})")
        for column, value, op in (
            ("e.cameo", self.cameo, "LIKE"),
            ("upper(e.plover)", self.plover, "="),
            ("e.modality", self.modality, "="),
            ("d.language", self.language, "="),
        ):
            if value:
                self.where.append(f"{column} {op} ?")
                self.params.append(f"{value}%" if op == "LIKE" else value)
        for bound, end, op in ((self.since, False, ">="), (self.until, True, "<=")):
            day = periods.bound(bound, end=end)
            if day is not None:
                self.where.append(f"{EVENT_DAY} {op} ?")
                self.params.append(day.isoformat())

    @property
    def clause(self) -> str:
        return ("WHERE " + " AND ".join(self.where)) if self.where else ""


_EVENT_FROM = "FROM events e JOIN documents d ON d.id = e.doc_id"
EVENT_FACETS = ("cameo", "plover", "modality", "language", "source", "target", "month")


def list_events(conn: sqlite3.Connection, flt: EventQuery, limit: int = 50, offset: int = 0) -> list[dict]:
    """Events under ``flt``, by the day they count on (newest first), with their actors' names.

    Filtered by one actor alone, the page's ids are read from the actor's events as source and as
    target in page order (``events_source_day``, ``events_target_day``: migration 11), the first
    ``offset + limit`` of each, instead of sorting every event of the actor. Unfiltered, the page's
    ids are read from the day index alone (``events_day``), and only the page's rows are read and
    joined: reading every skipped row with its document and actors cost 3.5-5.5 ms a page on
    100,000 documents, the index 0.5."""
    clause, params = flt.clause, flt.params
    single = one_actor(flt)
    if not flt.where:
        clause = "WHERE e.id IN (SELECT id FROM events INDEXED BY events_day ORDER BY day DESC, id LIMIT ? OFFSET ?)"
        params = [limit, offset]
        offset = 0
    elif single is not None:
        head = (
            "SELECT * FROM (SELECT id, day FROM events INDEXED BY events_{0}_day WHERE {0} = ? "
            "ORDER BY day DESC, id LIMIT ?)"
        )
        clause = (
            f"WHERE e.id IN (SELECT id FROM ({head.format('source')} UNION {head.format('target')}) "
            "ORDER BY day DESC, id LIMIT ? OFFSET ?)"
        )
        params = [single, offset + limit, single, offset + limit, limit, offset]
    rows = _rows(
        conn.execute(
            f"""SELECT e.id, e.doc_id, e.start, e."end", e.sentence, e.source, s.name AS source_name, e.target,
                       t.name AS target_name, e.cameo, e.plover, e.goldstein, e.quad_class, e.negated, e.modality,
                       e.date, {EVENT_DAY} AS day, d.title, d.language
                {_EVENT_FROM} LEFT JOIN actors s ON s.id = e.source LEFT JOIN actors t ON t.id = e.target
                {clause} ORDER BY day DESC, e.id LIMIT ? OFFSET ?""",
            (*params, limit, 0 if single is not None else offset),
        )
    )
    for row in rows:
        row["negated"] = bool(row["negated"])
    return rows


def one_actor(flt: EventQuery) -> str | None:
    """The actor id when ``flt`` selects the events of one actor and nothing else, else None."""
    alone = flt.other is None and len(flt.where) == 1
    return flt.actor[0] if alone and flt.actor is not None and len(flt.actor) == 1 else None


def kept_event_facets(
    conn: sqlite3.Connection, actor_id: str, names: dict[str, str]
) -> tuple[int, dict[str, list[dict]]]:
    """``event_facets`` of one actor's events, read from the counts kept at write time
    (``actor_event_facets``: migration 11) instead of counted over every event of the actor."""
    values: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for facet, value, n in conn.execute(
        "SELECT facet, value, n FROM actor_event_facets WHERE actor_id = ? AND n > 0", (actor_id,)
    ):
        values[facet].append((value, n))
    total = sum(n for _, n in values.pop("*", []))
    out: dict[str, list[dict]] = {}
    for facet in EVENT_FACETS:
        ranked = sorted(values.get(facet, []), key=lambda vn: (-vn[1], vn[0]))[
            : FACET_SIZE if facet != "month" else 120
        ]
        out[facet] = [{"value": v, "count": n, "label": names.get(v, v)} for v, n in ranked]
    out["month"].sort(key=lambda f: f["value"])
    return total, out


def event_facets(conn: sqlite3.Connection, flt: EventQuery, names: dict[str, str]) -> tuple[int, dict[str, list[dict]]]:
    """How many events ``flt`` selects, and their counts per value of each facet, largest first
    (``FACET_SIZE`` values; months: up to 120, in order).

    One pass over the filtered events, counted here: seven ``GROUP BY`` queries read every event
    row seven times (the most mentioned actor's 150,000 events: 4-12 s on 100,000 documents).
    ``names``: CAMEO code -> name, for the labels of the CAMEO facet.
    """
    facets = EVENT_FACETS
    counters: list[Counter] = [Counter() for _ in facets]
    total = 0
    rows = conn.execute(
        "SELECT substr(e.cameo, 1, 2), e.plover, e.modality, d.language, e.source, e.target, "
        f"substr({EVENT_DAY}, 1, 7) {_EVENT_FROM} {flt.clause}",
        flt.params,
    )
    for row in rows:
        total += 1
        for counter, value in zip(counters, row, strict=True):
            counter[value] += 1
    out: dict[str, list[dict]] = {}
    for facet, counter in zip(facets, counters, strict=True):
        counter.pop(None, None)
        ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[: FACET_SIZE if facet != "month" else 120]
        out[facet] = [{"value": v, "count": n, "label": names.get(v, v)} for v, n in ranked]
    out["month"].sort(key=lambda f: f["value"])
    return total, out


def actor_names(conn: sqlite3.Connection, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {r[0]: r[1] for r in conn.execute(f"SELECT id, name FROM actors WHERE id IN ({marks})", sorted(ids))}


# -- claims
#: claims listed per measure (the earliest first; ``claim_total`` counts them all): a page stays
#: small however many documents report a measure (on 100,000 documents, 10 MB for 20 measures)
MEASURE_CLAIMS = 20


def claim_measures(
    conn: sqlite3.Connection, about: str | None = None, unit: str | None = None, disputed: bool = False
) -> list[dict]:
    """Claims grouped by the measure they give a value for (``about``, case and spacing folded,
    ``unit`` and ``period``), the measures reported by most documents first; each group lists its
    claims side by side with their documents and cited sources (the first ``MEASURE_CLAIMS``).
    ``disputed``: only measures whose values differ."""
    where, params = ["c.about IS NOT NULL"], []
    if about:
        where.append("(fold(c.about) LIKE '%' || fold(?) || '%' OR fold(c.text) LIKE '%' || fold(?) || '%')")
        params += [about, about]
    if unit:
        where.append("lower(c.unit) = lower(?)")
        params.append(unit)
    rows = conn.execute(
        f"""SELECT c.id, c.doc_id, c.start, c."end", c.text, c.value, c.unit, c.about, c.period, c.source,
                   d.title, d.published, d.source AS outlet
            FROM claims c JOIN documents d ON d.id = c.doc_id WHERE {" AND ".join(where)}
            ORDER BY d.published, c.id""",
        params,
    ).fetchall()
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        groups[(" ".join(r["about"].casefold().split()), r["unit"], r["period"] or "")].append(dict(r))
    out = []
    for (_about, unit_, period), claims in groups.items():
        values = sorted({c["value"] for c in claims})
        docs = {c["doc_id"] for c in claims}
        if disputed and len(values) < 2:
            continue
        out.append(
            {
                "about": claims[0]["about"],
                "unit": unit_,
                "period": period or None,
                "documents": len(docs),
                "low": values[0],
                "high": values[-1],
                "disputed": len(values) > 1,
                "claims": claims[:MEASURE_CLAIMS],
                "claim_total": len(claims),
            }
        )
    out.sort(key=lambda g: (-g["documents"], -g["claim_total"], g["about"].casefold()))
    return out
