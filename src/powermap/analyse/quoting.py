"""Quote views: which outlet quotes whom, and the most quoted speakers' words.

Near duplicates count once; quotes without a known speaker are left out.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from powermap.analyse.documents import originals_clause

UNKNOWN_OUTLET = "(unknown outlet)"


@dataclass
class QuoteLink:
    """An outlet quoting a speaker: how many quotes, in how many documents."""

    outlet: str
    speaker: str
    speaker_name: str
    quotes: int
    documents: int


@dataclass
class QuoteRow:
    id: int
    doc_id: str
    published: str | None
    speaker: str
    speaker_name: str
    kind: str
    text: str


def who_quotes_whom(conn: sqlite3.Connection, actor: list[str] | None = None) -> list[QuoteLink]:
    """Outlet -> speaker quote counts, most quoted first (``actor``: only these speakers)."""
    where, params = [originals_clause(False), "q.speaker IS NOT NULL"], []
    if actor:
        where.append(f"q.speaker IN ({','.join('?' * len(actor))})")
        params += actor
    rows = conn.execute(
        f"SELECT coalesce(d.source, d.site, '{UNKNOWN_OUTLET}') AS outlet, q.speaker, a.name, count(*), "
        "count(DISTINCT q.doc_id) FROM quotes q JOIN documents d ON d.id = q.doc_id "
        f"JOIN actors a ON a.id = q.speaker WHERE {' AND '.join(where)} "
        "GROUP BY outlet, q.speaker ORDER BY count(*) DESC, outlet, q.speaker",
        params,
    ).fetchall()
    return [QuoteLink(*r) for r in rows]


def top_quotes(conn: sqlite3.Connection, actor: list[str] | None = None, limit: int = 20) -> list[QuoteRow]:
    """Direct quotes of the most quoted speakers, newest first per speaker, one speaker after another."""
    where, params = [originals_clause(False), "q.speaker IS NOT NULL"], []
    if actor:
        where.append(f"q.speaker IN ({','.join('?' * len(actor))})")
        params += actor
    rows = conn.execute(
        "WITH ranked AS (SELECT q.id, q.doc_id, d.published, q.speaker, a.name, q.kind, q.text, "
        "count(*) OVER (PARTITION BY q.speaker) AS n, "
        "row_number() OVER (PARTITION BY q.speaker ORDER BY q.kind = 'direct' DESC, d.published DESC, q.id) AS r "
        "FROM quotes q JOIN documents d ON d.id = q.doc_id JOIN actors a ON a.id = q.speaker "
        f"WHERE {' AND '.join(where)}) "
        "SELECT id, doc_id, published, speaker, name, kind, text FROM ranked "
        "ORDER BY r, n DESC, speaker LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [QuoteRow(*r) for r in rows]
