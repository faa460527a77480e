"""Read queries over the store that the API, the web pages and the CLI share.

Each function takes a read-only connection and returns plain dicts, so one query serves
the JSON API, the HTML page and the command line alike.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from typing import TYPE_CHECKING, Any

from powermap.store.quote_queries import count_quotes, list_quotes

if TYPE_CHECKING:
    from powermap.records import ExtractionRecord

__all__ = ["count_quotes", "list_quotes"]  # the quote list's queries live in ``quote_queries``

SNIPPET = 80
#: matches of a full-text search ranked by relevance (the ones stored last); the rest follow newest first
RANKED = 2_000


def fold(text: str | None) -> str:
    """Lower case without accents: the ``fold()`` SQL function the store registers on its connections."""
    text = unicodedata.normalize("NFKD", text or "").lower()
    return "".join(c for c in text if not unicodedata.combining(c))


def _rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    return [dict(r) for r in cursor.fetchall()]


def list_documents(
    conn: sqlite3.Connection, query: str | None = None, limit: int = 50, offset: int = 0, total: int | None = None
) -> list[dict]:
    """Documents newest first, or those matching a full-text query, best first (``total``: how many
    match, when counted already)."""
    columns = (
        "d.id, d.title, d.published, d.language, d.url, d.path, d.source, d.near_duplicate_of, length(d.text) AS chars"
    )
    if query:
        return _matching_documents(conn, columns, query, limit, offset, total)
    return _rows(
        conn.execute(
            f"SELECT {columns} FROM documents d ORDER BY d.published DESC, d.rowid DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
    )


def _matching_documents(
    conn: sqlite3.Connection, columns: str, query: str, limit: int, offset: int, total: int | None = None
) -> list[dict]:
    """The documents matching ``query``, best first; past ``RANKED`` matches, the ``RANKED`` stored last
    best first, then the others newest stored first (ranking every match of a common word read
    tens of thousands of documents' statistics: about 120 CPU-ms on 100,000 documents)."""
    select = f"""SELECT {columns}, snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet
                 FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
                 WHERE documents_fts MATCH ?"""
    row = (
        conn.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            (query, RANKED - 1),
        ).fetchone()
        if total is None or total > RANKED
        else None
    )
    if row is None:  # no more than RANKED matches: all of them ranked
        return _rows(conn.execute(f"{select} ORDER BY rank LIMIT ? OFFSET ?", (query, limit, offset)))
    out: list[dict] = []
    if offset < RANKED:
        ranked = f"{select} AND documents_fts.rowid >= ? ORDER BY rank LIMIT ? OFFSET ?"
        out = _rows(conn.execute(ranked, (query, row[0], min(limit, RANKED - offset), offset)))
    if len(out) < limit:
        rest = f"{select} AND documents_fts.rowid < ? ORDER BY documents_fts.rowid DESC LIMIT ? OFFSET ?"
        out += _rows(conn.execute(rest, (query, row[0], limit - len(out), max(0, offset - RANKED))))
    return out


def count_documents(conn: sqlite3.Connection, query: str | None = None, bound: int | None = None) -> int:
    """How many documents ``list_documents`` pages through (at most ``bound`` matches counted)."""
    if query and bound is not None:
        return conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?)", (query, bound)
        ).fetchone()[0]
    if query:
        return conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (query,)).fetchone()[0]
    return conn.execute("SELECT count(*) FROM documents").fetchone()[0]


def get_document(conn: sqlite3.Connection, doc_id: str) -> dict | None:
    row = conn.execute(
        """SELECT id, title, published, published_basis, language, url, path, source, author, site, input,
                  near_duplicate_of, similarity, ingested_at, pipeline_version, text
           FROM documents WHERE id = ?""",
        (doc_id,),
    ).fetchone()
    return dict(row) if row else None


def get_extraction(conn: sqlite3.Connection, doc_id: str) -> dict | None:
    row = conn.execute(
        "SELECT e.record, d.text FROM extractions e JOIN documents d ON d.id = e.doc_id WHERE e.doc_id = ?", (doc_id,)
    ).fetchone()
    return read_record(*row) if row else None


def record_json(record: ExtractionRecord | dict) -> str:
    """The record as stored: JSON without the document's text, which the documents table holds
    (its key stays, as null, so the record reads back in the order it was written)."""
    data = dict(record) if isinstance(record, dict) else record.to_dict()
    data["document"] = {**data["document"], "text": None}
    return json.dumps(data, ensure_ascii=False)


def read_record(stored: str, text: str) -> dict:
    """The full record from its stored JSON and the document's text."""
    data = json.loads(stored)
    data["document"]["text"] = text
    return data


def _actors_where(actor_type: str | None, name: str | None) -> tuple[str, list[object]]:
    where: list[str] = []
    params: list[object] = []
    if actor_type:
        where.append("a.type = ?")
        params.append(actor_type)
    if name:
        where.append("(a.id = ? OR a.code = ? OR fold(a.name) LIKE '%' || fold(?) || '%')")
        params += [name, name, name]
    return (f"WHERE {' AND '.join(where)}" if where else ""), params


def list_actors(
    conn: sqlite3.Connection, actor_type: str | None = None, name: str | None = None, limit: int = 100, offset: int = 0
) -> list[dict]:
    """Mentioned actors with their mention and document counts, most mentioned first (the counts
    are kept at write time in ``actor_counts``: migration 8).

    ``name`` matches an id or CAMEO code exactly, or part of the name (case and accents ignored).
    """
    clause, params = _actors_where(actor_type, name)
    clause = (clause + " AND" if clause else "WHERE") + " c.mentions > 0"
    return _rows(
        conn.execute(
            f"""SELECT a.id, a.name, a.type, a.country, a.code, a.wikidata, a.role, c.mentions, c.documents
                FROM actor_counts c JOIN actors a ON a.id = c.actor_id {clause}
                ORDER BY c.mentions DESC, a.name LIMIT ? OFFSET ?""",
            (*params, limit, offset),
        )
    )


def count_actors(conn: sqlite3.Connection, actor_type: str | None = None, name: str | None = None) -> int:
    """How many actors ``list_actors`` pages through (those mentioned at least once)."""
    clause, params = _actors_where(actor_type, name)
    clause = (clause + " AND" if clause else "WHERE") + " c.mentions > 0"
    return conn.execute(
        f"SELECT count(*) FROM actor_counts c JOIN actors a ON a.id = c.actor_id {clause}", params
    ).fetchone()[0]


#: the actors a person gave an alias (``powermap correct alias``), by the alias, case and accents ignored
ALIAS_MATCH = (
    "SELECT * FROM actors WHERE id IN (SELECT actor FROM corrections WHERE action = 'alias' AND undone_at IS NULL "
    "AND fold(json_extract(after, '$.alias')) = fold(?))"
)


class AmbiguousActor(LookupError):
    """A look-up that names several stored actors equally well; ``candidates`` lists them."""

    def __init__(self, query: str, candidates: list[dict]) -> None:
        names = ", ".join(f"{c['id']} ({c['name']}, {c['type']})" for c in candidates[:10])
        super().__init__(f"{query!r} names {len(candidates)} actors: {names}; give one of these ids")
        self.candidates = candidates


def actor_candidates(conn: sqlite3.Connection, query: str) -> list[dict]:
    """The stored actors ``query`` names, by the first rule that finds any: the actor id; a CAMEO
    actor code (RUSGOV) or, for a state, its ISO 3166 alpha-3 code (RUS); the name, case and
    accents ignored, where an alias a person added (``powermap correct alias``) comes first; an
    alias of the knowledge base in any language (Moskou for Russia), else a
    person of the base by full name or surname in any spelling (Poetin)."""
    query = query.strip()
    rules = (
        ("SELECT * FROM actors WHERE id = ?", (query,)),
        ("SELECT * FROM actors WHERE code = ? OR (type = 'state' AND country = ?)", (query.upper(),) * 2),
        (ALIAS_MATCH, (query,)),
        ("SELECT * FROM actors WHERE fold(name) = fold(?)", (query,)),
    )
    for sql, params in rules:
        rows = _rows(conn.execute(sql + " ORDER BY id LIMIT 50", params))
        if rows:
            return rows
    from powermap.kb import load_kb  # the base is loaded only when a query is no stored id, code or name

    kb = load_kb()
    ids = sorted({aid for alias, aid, _kind in kb.aliases if fold(alias) == fold(query)} or kb.by_key(query))
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    return _rows(conn.execute(f"SELECT * FROM actors WHERE id IN ({marks}) ORDER BY id", ids))


def find_actor(conn: sqlite3.Connection, query: str) -> dict | None:
    """The one stored actor ``query`` names (see ``actor_candidates``); None when none does.

    Raises:
        AmbiguousActor: when the query names several actors equally well.
    """
    found = actor_candidates(conn, query)
    if len(found) > 1:
        raise AmbiguousActor(query, found)
    return found[0] if found else None


def actor_mentions(conn: sqlite3.Connection, actor_id: str, width: int = SNIPPET, limit: int = 500) -> list[dict]:
    """Every stored mention of an actor with ``width`` characters of text on either side.

    ``context`` starts at offset ``context_start`` of the document text.
    """
    return _rows(
        conn.execute(
            """SELECT m.doc_id, m.start, m."end", m.text, d.title, d.path, d.published,
                      substr(d.text, max(1, m.start - ? + 1), m."end" - min(m.start, ?) + ?) AS context,
                      max(0, m.start - ?) AS context_start
               FROM mentions m JOIN documents d ON d.id = m.doc_id
               WHERE m.actor_id = ? ORDER BY d.published, m.doc_id, m.start LIMIT ?""",
            (width, width, width, width, actor_id, limit),
        )
    )


def get_actor(conn: sqlite3.Connection, actor_id: str, limit: int = 500) -> dict | None:
    """An actor with every mention in the corpus and the quotes it is the speaker of."""
    found = find_actor(conn, actor_id)
    if found is None:
        return None
    mentions = actor_mentions(conn, found["id"], limit=limit)
    return {**found, "mentions": mentions, "quotes": list_quotes(conn, speaker=found["id"], limit=50)}


def list_claims(
    conn: sqlite3.Connection, about: str | None = None, unit: str | None = None, limit: int = 100
) -> list[dict]:
    """Quantitative claims, by words in what they measure or their text, and by unit."""
    where: list[str] = []
    params: list[object] = []
    if unit:
        where.append("lower(c.unit) = lower(?)")
        params.append(unit)
    if about:
        where.append("(fold(c.about) LIKE '%' || fold(?) || '%' OR fold(c.text) LIKE '%' || fold(?) || '%')")
        params += [about, about]
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    rows = _rows(
        conn.execute(
            f"""SELECT c.doc_id, c.start, c."end", c.text, c.value, c.unit, c.about, c.subject, c.period, c.source,
                       d.published
                FROM claims c JOIN documents d ON d.id = c.doc_id {clause}
                ORDER BY c.doc_id, c.start LIMIT ?""",
            (*params, limit),
        )
    )
    for row in rows:
        row["subject"] = json.loads(row["subject"] or "[]")
    return rows


COUNTED_TABLES = ("documents", "actors", "mentions", "quotes", "claims", "events", "stances")


def corpus_counts(conn: sqlite3.Connection, near_duplicates: bool = False) -> dict[str, int]:
    """Rows per table (and near-duplicate documents), all from one snapshot.

    The rows per table are kept at write time in ``table_rows`` (migration 8), so this reads one
    row per table instead of counting them. One SELECT with a subquery per table: SQLite runs a
    statement inside one read transaction, so the counts agree with each other even while an
    ingest commits documents beside it.
    """
    parts = [f"(SELECT rows FROM table_rows WHERE name = '{table}') AS {table}" for table in COUNTED_TABLES]
    if near_duplicates:
        parts.append("(SELECT count(*) FROM documents WHERE near_duplicate_of IS NOT NULL) AS near_duplicates")
    row = conn.execute("SELECT " + ", ".join(parts)).fetchone()
    return {key: int(value) for key, value in zip(row.keys(), tuple(row), strict=True)}


# -- events, stances and the texts concept mining reads (the `events`, `stances`, `concepts` commands)
#: an actor given as id, exact name, CAMEO actor code or part of its name
ACTOR_MATCH = "(a.id = ? OR lower(a.name) = lower(?) OR a.code = ? OR lower(a.name) LIKE lower(?))"


def _actor_match(query: str) -> list[object]:
    """The parameters of one ``ACTOR_MATCH``, in its order."""
    return [query, query, query.upper(), f"%{query}%"]


def query_events(
    conn: sqlite3.Connection,
    source: str | None = None,
    target: str | None = None,
    cameo: str | None = None,
    since: str | None = None,
    limit: int = 100,
) -> list[dict]:
    """Stored events filtered by source/target (actor id, name or CAMEO actor code; a target
    also matches the event's coordinated ``other_targets``), CAMEO code prefix and earliest date."""
    sql = (
        'SELECT e.doc_id, e.start, e."end", e.source, s.name, e.target, t.name, e.cameo, e.plover, '
        "e.goldstein, e.negated, e.modality, e.reported, e.other_targets, e.date, e.sentence FROM events e "
        "LEFT JOIN actors s ON s.id = e.source LEFT JOIN actors t ON t.id = e.target WHERE 1=1"
    )
    params: list[object] = []
    if source:
        sql += f" AND e.source IN (SELECT a.id FROM actors a WHERE {ACTOR_MATCH})"
        params += _actor_match(source)
    if target:
        sql += (
            f" AND (e.target IN (SELECT a.id FROM actors a WHERE {ACTOR_MATCH}) OR EXISTS (SELECT 1 FROM "
            f"json_each(e.other_targets) j WHERE j.value IN (SELECT a.id FROM actors a WHERE {ACTOR_MATCH})))"
        )
        params += _actor_match(target) * 2
    if cameo:
        sql += " AND e.cameo LIKE ?"
        params.append(f"{cameo}%")
    if since:
        sql += " AND e.date >= ?"
        params.append(since)
    sql += " ORDER BY e.date, e.doc_id, e.start LIMIT ?"
    params.append(limit)
    keys = ("doc_id", "start", "end", "source", "source_name", "target", "target_name", "cameo", "plover",
            "goldstein", "negated", "modality", "reported", "other_targets", "date", "sentence")  # fmt: skip
    rows = [dict(zip(keys, row, strict=True)) for row in conn.execute(sql, params)]
    for row in rows:
        row["negated"] = bool(row["negated"])
        row["reported"] = bool(row["reported"])
        row["other_targets"] = json.loads(row["other_targets"]) if row["other_targets"] else []
    return rows


def query_stances(
    conn: sqlite3.Connection, actor: str | None = None, concept: str | None = None, limit: int = 100
) -> list[dict]:
    """Stored stances filtered by actor (id or name) and concept (substring)."""
    sql = (
        'SELECT st.doc_id, st.start, st."end", st.actor, a.name, st.concept, st.agree, st.evidence '
        "FROM stances st LEFT JOIN actors a ON a.id = st.actor WHERE 1=1"
    )
    params: list[object] = []
    if actor:
        sql += f" AND st.actor IN (SELECT a.id FROM actors a WHERE {ACTOR_MATCH})"
        params += _actor_match(actor)
    if concept:
        sql += " AND lower(st.concept) LIKE lower(?)"
        params.append(f"%{concept}%")
    sql += " ORDER BY st.concept, st.actor LIMIT ?"
    params.append(limit)
    keys = ("doc_id", "start", "end", "actor", "actor_name", "concept", "agree", "evidence")
    rows = [dict(zip(keys, row, strict=True)) for row in conn.execute(sql, params)]
    for row in rows:
        row["agree"] = bool(row["agree"])
    return rows


def document_texts(conn: sqlite3.Connection, language: str | None = None) -> list[tuple[str, str | None]]:
    """(text, language) of every stored document, or of those in ``language``."""
    sql = "SELECT text, language FROM documents" + (" WHERE language = ?" if language else "")
    return [(row[0], row[1]) for row in conn.execute(sql, [language] if language else [])]
