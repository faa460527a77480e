"""Read queries of the quote list (API, web page and command line): quotes newest document first,
by speaker and/or a full-text search of the quoted words, and their total."""

from __future__ import annotations

import sqlite3
from typing import Any

#: ``walk_pays``'s ratio for a search's quotes: sorting one match (its quote's row and document's
#: date: about 2.8 microseconds) against walking a document newest first and testing its quotes
#: against the matches (read once: about 1), measured on 100,000 documents: a two-word search of
#: 3,200 quotes took 9.0 ms sorted, 3.9 walked; the sort is cheaper up to about 1,900 matches for a
#: page of 100 (a fixed 5,000 matches decided it before)
SEARCH_WALK = 2.7
#: ``walk_pays``'s ratio for a speaker's quotes: sorting one (its id and document's date from
#: indexes, migration 14: about 1 microsecond) against walking a document (about 3: the walk reads
#: each quote's row for its speaker), measured on 100,000 documents: the sort is cheaper up to
#: about 5,500 quotes for a page of 100
SPEAKER_WALK = 0.3


def _rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    return [dict(r) for r in cursor.fetchall()]


def walk_pays(conn: sqlite3.Connection, total: int, wanted: int, ratio: float = 1.5) -> bool:
    """Whether walking the documents in date order (``documents_published_original``) until ``wanted``
    of ``total`` matching rows are found costs less than sorting all ``total`` by date: the walk
    reads about ``wanted`` x documents / ``total`` documents, the sort looks every match's document
    up, which costs about ``ratio`` walked documents (each caller passes the ratio measured for its
    rows on 100,000 documents: ``SPEAKER_WALK``, ``stance_queries.STANCE_WALK``,
    ``actor_queries.QUOTE_WALK`` and ``MENTION_WALK``)."""
    documents = conn.execute("SELECT rows FROM table_rows WHERE name = 'documents'").fetchone()
    return total > 0 and ratio * total * total >= wanted * (documents[0] if documents else 0)


def speaker_ids(conn: sqlite3.Connection, speaker: str) -> list[str]:
    """The speaking actors a speaker filter names: its id, or part of the name (case and accents
    ignored), each looked up by the speaker index (listing every distinct speaker first read the
    whole index)."""
    rows = conn.execute(
        "SELECT id FROM actors a WHERE (id = ? OR fold(name) LIKE '%' || fold(?) || '%') "
        "AND EXISTS (SELECT 1 FROM quotes WHERE speaker = a.id)",
        (speaker, speaker),
    )
    return [r[0] for r in rows]


def _quotes_where(query: str | None, speakers: list[str] | None, walk: bool = False) -> tuple[str, list[object]]:
    where: list[str] = []
    params: list[object] = []
    if query:
        # walking the documents, a test on each quote (else a loop over the matches for each document)
        where.append(f"{'+' if walk else ''}q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(query)
    if speakers is not None:
        where.append(f"q.speaker IN ({','.join('?' * len(speakers))})")
        params += speakers
    return (f"WHERE {' AND '.join(where)}" if where else ""), params


def list_quotes(
    conn: sqlite3.Connection,
    speaker: str | None = None,
    query: str | None = None,
    limit: int = 100,
    offset: int = 0,
    speakers: list[str] | None = None,
    matches: int | None = None,
) -> list[dict]:
    """Quotes with their speaker, by speaker (id, or part of the name: case and accents ignored;
    ``speakers``: the ids ``speaker_ids`` found for it, when looked up already) and/or a full-text
    query on the quoted words (``matches``: how many quotes it matches, when counted already).

    The page's ids come from indexes first, then its rows are read. Unfiltered, the documents are
    walked newest first by their index and their quotes by theirs (a page sorts one date's quotes,
    not all of them: on 100,000 documents about 175 ms -> a few ms); so too for words many quotes
    hold (the matches are read once; a rare word's are sorted), and for the speakers of many quotes
    (``walk_pays``). Fewer are sorted with their documents' dates read from
    ``documents_id_published``, a speaker's from ``quotes_speaker_doc`` (migration 14), without
    reading a document's row."""
    if speaker and speakers is None:
        speakers = speaker_ids(conn, speaker)
    if not speaker:
        speakers = None
    if speakers is not None:
        walk = not query and walk_pays(conn, _spoken(conn, speakers), offset + limit, SPEAKER_WALK)
    else:
        found = matches if matches is not None else count_matches(conn, query) if query else 0
        walk = not query or walk_pays(conn, found, offset + limit, SEARCH_WALK)
    clause, params = _quotes_where(query, speakers, walk)
    if walk:  # the walk reads the page's ids from the indexes alone (``quotes_doc_start``: migration 13)
        joined = (
            "documents d INDEXED BY documents_published_original "
            "CROSS JOIN quotes q INDEXED BY quotes_doc_start ON d.id = q.doc_id"
        )
    else:
        by_speaker = "INDEXED BY quotes_speaker_doc" if speakers is not None and not query else ""
        joined = f"quotes q {by_speaker} JOIN documents d INDEXED BY documents_id_published ON d.id = q.doc_id"
    order = "ORDER BY d.published DESC, q.doc_id, q.start, q.id"
    ids = [
        r[0]
        for r in conn.execute(f"SELECT q.id FROM {joined} {clause} {order} LIMIT ? OFFSET ?", (*params, limit, offset))
    ]
    return _rows(
        conn.execute(
            f"""SELECT q.id, q.doc_id, q.start, q."end", q.text, q.kind, q.cue, q.speaker,
                       a.name AS speaker_name, d.title, d.published
                FROM quotes q JOIN documents d ON d.id = q.doc_id LEFT JOIN actors a ON a.id = q.speaker
                WHERE q.id IN ({",".join("?" * len(ids))}) {order}""",
            ids,
        )
    )


def count_matches(conn: sqlite3.Connection, query: str) -> int:
    """How many quotes a full-text query matches (each a row of ``quotes_fts``, kept in step by triggers)."""
    return conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", (query,)).fetchone()[0]


def _spoken(conn: sqlite3.Connection, speakers: list[str]) -> int:
    marks = ",".join("?" * len(speakers))
    return conn.execute(f"SELECT count(*) FROM quotes WHERE speaker IN ({marks})", speakers).fetchone()[0]


def count_quotes(
    conn: sqlite3.Connection, speaker: str | None = None, query: str | None = None, speakers: list[str] | None = None
) -> int:
    """How many quotes ``list_quotes`` pages through (a search alone: its matches, each a quote of
    ``quotes_fts``, kept in step by triggers, counted without reading the quotes)."""
    if query and not speaker:
        return count_matches(conn, query)
    if speaker and speakers is None:
        speakers = speaker_ids(conn, speaker)
    clause, params = _quotes_where(query, speakers if speaker else None)
    return conn.execute(f"SELECT count(*) FROM quotes q {clause}", params).fetchone()[0]
