"""Read queries of the stances page and an actor's stances: the stances under a filter, newest
document first, their total, and per concept the counts for and against."""

from __future__ import annotations

import sqlite3
from typing import Any

from powermap.store.quote_queries import walk_pays

#: ``walk_pays``'s ratio for stances: sorting one (its id and document's date from indexes,
#: migration 14: about 1.0 microsecond) against walking a document (about 1.7), measured on 100,000
#: documents: the sort is cheaper up to about 2,900 stances for a page of 50
STANCE_WALK = 0.6


def _rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    return [dict(r) for r in cursor.fetchall()]


def _stances_where(actor: list[str] | None, concept: str | None, agree: bool | None) -> tuple[str, list[object]]:
    where: list[str] = []
    params: list[object] = []
    if actor is not None:
        where.append(f"st.actor IN ({','.join('?' * len(actor))})")
        params += actor
    if concept:  # SQLite's own LIKE (ASCII case folded): no Python call per stance
        where.append("st.concept LIKE '%' || ? || '%'")
        params.append(concept)
    if agree is not None:
        where.append("st.agree = ?")
        params.append(int(agree))
    return ("WHERE " + " AND ".join(where)) if where else "", params


def list_stances(
    conn: sqlite3.Connection,
    actor: list[str] | None = None,
    concept: str | None = None,
    agree: bool | None = None,
    limit: int = 50,
    offset: int = 0,
    total: int | None = None,
) -> list[dict]:
    """Stances under the filters, newest document first: the page's ids from indexes, then its rows.

    When many match (``total``, counted when not given; ``walk_pays``), the documents are walked
    newest first and each one's stances read by its key (``stances_doc_statement``), so the page
    stops after its rows instead of sorting every match by date (every stance of the corpus
    unfiltered: about 0.5 s on 100,000 documents); fewer are sorted with their documents' dates read
    from ``documents_id_published`` (migration 14), an actor's stances from ``stances_actor_doc``,
    without reading a document's row (``STANCE_WALK``)."""
    clause, params = _stances_where(actor, concept, agree)
    if total is None:
        total = count_stances(conn, actor, concept, agree)
    if walk_pays(conn, total, offset + limit, STANCE_WALK):
        joined = (
            "documents d INDEXED BY documents_published_original "
            "CROSS JOIN stances st INDEXED BY stances_doc_statement ON st.doc_id = d.id"
        )
    else:
        by_actor = "INDEXED BY stances_actor_doc" if actor is not None and concept is None and agree is None else ""
        joined = f"stances st {by_actor} JOIN documents d INDEXED BY documents_id_published ON d.id = st.doc_id"
    ids = [
        r[0]
        for r in conn.execute(
            f"SELECT st.id FROM {joined} {clause} ORDER BY d.published DESC, st.id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
    ]
    rows = _rows(
        conn.execute(
            f"""SELECT st.id, st.doc_id, st.start, st."end", st.evidence, st.actor, a.name AS actor_name,
                       st.concept, st.agree, d.title, d.published
                FROM stances st JOIN documents d ON d.id = st.doc_id LEFT JOIN actors a ON a.id = st.actor
                WHERE st.id IN ({",".join("?" * len(ids))}) ORDER BY d.published DESC, st.id""",
            ids,
        )
    )
    for row in rows:
        row["agree"] = bool(row["agree"])
    return rows


def count_stances(
    conn: sqlite3.Connection, actor: list[str] | None = None, concept: str | None = None, agree: bool | None = None
) -> int:
    clause, params = _stances_where(actor, concept, agree)
    return conn.execute(f"SELECT count(*) FROM stances st {clause}", params).fetchone()[0]


def stance_concepts(
    conn: sqlite3.Connection, actor: list[str] | None = None, concept: str | None = None, limit: int = 30
) -> list[dict]:
    """Per concept: how many stances agree and disagree, and how many actors take one. An actor's
    are read from ``stances_actor_concept`` alone (migration 13), not from its stance rows; one
    actor's concepts each have that one actor (not counted: a set of actors per concept to fill)."""
    clause, params = _stances_where(actor, concept, None)
    index = "INDEXED BY stances_actor_concept" if actor is not None else ""
    actors = "1" if actor is not None and len(actor) == 1 else "count(DISTINCT st.actor)"
    return _rows(
        conn.execute(
            f"""SELECT st.concept, sum(st.agree) AS agree, sum(1 - st.agree) AS disagree,
                       {actors} AS actors
                FROM stances st {index} {clause} GROUP BY st.concept ORDER BY count(*) DESC, st.concept LIMIT ?""",
            (*params, limit),
        )
    )
