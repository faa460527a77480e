"""The evidence behind a change: the events and quotes that carry it, with their documents.

Every item names its document (id, title, publication date, outlet, URL) and the exact
span, so a page or a briefing can link to it (``/documents/{doc_id}`` in the web UI).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

_EVENT_SQL = (
    "SELECT e.id, e.doc_id, e.sentence, e.cameo, e.quad_class, e.goldstein, e.source, e.target, e.date, "
    'e.start, e."end", d.title, d.published, d.source, d.url FROM events e JOIN documents d ON d.id = e.doc_id '
    "WHERE e.id IN ({marks})"
)


def document_ref(doc_id: str, title: str | None, published: str | None, outlet: str | None, url: str | None) -> dict:
    return {"doc_id": doc_id, "title": title, "published": published, "outlet": outlet, "url": url}


def events_evidence(conn: sqlite3.Connection, event_ids: Iterable[int], sign: int, limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` of the events, one per document, those whose polarity is ``sign`` first
    (most extreme Goldstein score first); ``sign`` 0 takes them in date order."""
    ids = sorted(set(event_ids))
    if not ids or limit <= 0:
        return []
    rows = []
    for chunk in range(0, len(ids), 900):
        part = ids[chunk : chunk + 900]
        rows += conn.execute(_EVENT_SQL.format(marks=",".join("?" * len(part))), part).fetchall()

    def polarity(row) -> int:
        quad, score = row[4], row[5] or 0.0
        if quad in (1, 2):
            return 1
        if quad in (3, 4):
            return -1
        return (score > 0) - (score < 0)

    if sign:
        rows.sort(key=lambda r: (polarity(r) != sign, -sign * (r[5] or 0.0), r[12] or "", r[0]))
    else:
        rows.sort(key=lambda r: (r[12] or "", r[0]))
    out, seen = [], set()
    for r in rows:
        if r[1] in seen:
            continue
        seen.add(r[1])
        out.append(
            {
                "kind": "event",
                "id": r[0],
                "text": r[2],
                "cameo": r[3],
                "quad_class": r[4],
                "goldstein": r[5],
                "source": r[6],
                "target": r[7],
                "date": r[8],
                "start": r[9],
                "end": r[10],
                "document": document_ref(r[1], r[11], r[12], r[13], r[14]),
            }
        )
        if len(out) >= limit:
            break
    return out


def quotes_between(
    conn: sqlite3.Connection, a: str, b: str, doc_ids: Iterable[str], limit: int
) -> list[dict[str, Any]]:
    """Quotes in ``doc_ids`` by one of the two actors whose words name the other one."""
    docs = sorted(set(doc_ids))
    if not docs or limit <= 0:
        return []
    marks = ",".join("?" * len(docs))
    rows = conn.execute(
        'SELECT DISTINCT q.id, q.doc_id, q.text, q.speaker, q.kind, q.start, q."end", d.title, d.published, '
        "d.source, d.url FROM quotes q JOIN documents d ON d.id = q.doc_id "
        'JOIN mentions m ON m.doc_id = q.doc_id AND m.start >= q.start AND m."end" <= q."end" '
        f"WHERE q.doc_id IN ({marks}) AND ((q.speaker = ? AND m.actor_id = ?) OR (q.speaker = ? AND m.actor_id = ?)) "
        "ORDER BY d.published DESC, q.id LIMIT ?",
        [*docs, a, b, b, a, limit],
    ).fetchall()
    return [
        {
            "kind": "quote",
            "id": r[0],
            "text": r[2],
            "speaker": r[3],
            "quote_kind": r[4],
            "start": r[5],
            "end": r[6],
            "document": document_ref(r[1], r[7], r[8], r[9], r[10]),
        }
        for r in rows
    ]


def event_documents(conn: sqlite3.Connection, event_ids: Iterable[int]) -> list[str]:
    """The documents of the events, in id order."""
    ids = sorted(set(event_ids))
    out: set[str] = set()
    for chunk in range(0, len(ids), 900):
        part = ids[chunk : chunk + 900]
        out.update(
            r[0]
            for r in conn.execute(f"SELECT DISTINCT doc_id FROM events WHERE id IN ({','.join('?' * len(part))})", part)
        )
    return sorted(out)
