"""Read queries over the store that the API, the web pages and the CLI share.

Each function takes a read-only connection and returns plain dicts, so one query serves
the JSON API, the HTML page and the command line alike.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

SNIPPET = 80


def _rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    return [dict(r) for r in cursor.fetchall()]


def list_documents(conn: sqlite3.Connection, query: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    """Documents newest first, or those matching a full-text query, best first."""
    columns = (
        "d.id, d.title, d.published, d.language, d.url, d.path, d.source, d.near_duplicate_of, length(d.text) AS chars"
    )
    if query:
        return _rows(
            conn.execute(
                f"""SELECT {columns}, snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet
                    FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
                    WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?""",
                (query, limit, offset),
            )
        )
    return _rows(
        conn.execute(
            f"SELECT {columns} FROM documents d ORDER BY d.published DESC, d.rowid DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
    )


def get_document(conn: sqlite3.Connection, doc_id: str) -> dict | None:
    row = conn.execute(
        """SELECT id, title, published, published_basis, language, url, path, source, author, site, input,
                  near_duplicate_of, similarity, ingested_at, pipeline_version, text
           FROM documents WHERE id = ?""",
        (doc_id,),
    ).fetchone()
    return dict(row) if row else None


def get_extraction(conn: sqlite3.Connection, doc_id: str) -> dict | None:
    row = conn.execute("SELECT record FROM extractions WHERE doc_id = ?", (doc_id,)).fetchone()
    return json.loads(row[0]) if row else None


def list_actors(
    conn: sqlite3.Connection, actor_type: str | None = None, name: str | None = None, limit: int = 100
) -> list[dict]:
    """Actors with their mention and document counts, most mentioned first."""
    where, params = [], []
    if actor_type:
        where.append("a.type = ?")
        params.append(actor_type)
    if name:
        where.append("(a.name LIKE ? OR a.id = ? OR a.code = ?)")
        params += [f"%{name}%", name, name]
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    return _rows(
        conn.execute(
            f"""SELECT a.id, a.name, a.type, a.country, a.code, a.wikidata, a.role,
                       count(m.doc_id) AS mentions, count(DISTINCT m.doc_id) AS documents
                FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id {clause}
                GROUP BY a.id ORDER BY mentions DESC, a.name LIMIT ?""",
            (*params, limit),
        )
    )


def get_actor(conn: sqlite3.Connection, actor_id: str, limit: int = 500) -> dict | None:
    """An actor with every mention in the corpus (document, offsets, surrounding text)."""
    row = conn.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if not row:
        return None
    mentions = _rows(
        conn.execute(
            f"""SELECT m.doc_id, m.start, m."end", m.text, d.title, d.published,
                       substr(d.text, max(1, m.start - {SNIPPET} + 1), m."end" - m.start + 2 * {SNIPPET}) AS context,
                       max(0, m.start - {SNIPPET}) AS context_start
                FROM mentions m JOIN documents d ON d.id = m.doc_id
                WHERE m.actor_id = ? ORDER BY d.published, m.doc_id, m.start LIMIT ?""",
            (actor_id, limit),
        )
    )
    quotes = list_quotes(conn, speaker=actor_id, limit=50)
    return {**dict(row), "mentions": mentions, "quotes": quotes}


def list_quotes(
    conn: sqlite3.Connection, speaker: str | None = None, query: str | None = None, limit: int = 100
) -> list[dict]:
    """Quotes with their speaker, by speaker (id or name) and/or full-text query."""
    joins, where, params = "", [], []
    if query:
        joins = "JOIN quotes_fts f ON f.rowid = q.id"
        where.append("quotes_fts MATCH ?")
        params.append(query)
    if speaker:
        where.append("(q.speaker = ? OR a.name LIKE ?)")
        params += [speaker, f"%{speaker}%"]
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    return _rows(
        conn.execute(
            f"""SELECT q.id, q.doc_id, q.start, q."end", q.text, q.kind, q.cue, q.speaker,
                       a.name AS speaker_name, d.title, d.published
                FROM quotes q {joins} LEFT JOIN actors a ON a.id = q.speaker JOIN documents d ON d.id = q.doc_id
                {clause} ORDER BY d.published DESC, q.doc_id, q.start LIMIT ?""",
            (*params, limit),
        )
    )


def corpus_counts(conn: sqlite3.Connection) -> dict[str, int]:
    out = {}
    for table in ("documents", "actors", "mentions", "quotes", "claims", "events", "stances"):
        out[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return out
