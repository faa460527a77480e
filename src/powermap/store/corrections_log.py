"""Reading the ``corrections`` table, and the hook that corrects every record the store writes.

``corrected_record`` is the one place a record meets its corrections: the store calls it for each
record it writes (ingest, re-extraction, and the refresh after a correction or an undo), so the
rows every reader sees are the corrected ones.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from powermap.ingest import dedup
from powermap.store.corrections import ACTOR_FIELDS, Correction, apply_corrections

COLUMNS = (
    'id, created_at, author, action, kind, content_hash, doc_id, start, "end", actor, before, after, note, '
    "undone_at, undone_by"
)


def actor_lookup(conn: sqlite3.Connection):
    """A function giving a stored actor's fields by id (None when unknown)."""

    def lookup(actor_id: str) -> dict[str, Any] | None:
        row = conn.execute(f"SELECT {', '.join(ACTOR_FIELDS)} FROM actors WHERE id = ?", (actor_id,)).fetchone()
        return dict(zip(ACTOR_FIELDS, tuple(row), strict=True)) if row else None

    return lookup


def active_for(conn: sqlite3.Connection, content_hash: str) -> list[Correction]:
    """The corrections in force for a document (its own and the corpus-wide ones), oldest first."""
    rows = conn.execute(
        f"SELECT {COLUMNS} FROM corrections WHERE undone_at IS NULL AND (content_hash = ? OR content_hash IS NULL) "
        "ORDER BY id",
        (content_hash,),
    ).fetchall()
    return [Correction.from_row(_row(r)) for r in rows]


def corrected_record(
    conn: sqlite3.Connection, record: dict[str, Any], content_hash: str | None = None
) -> tuple[dict[str, Any], list[int]]:
    """``record`` with every correction in force for its text applied, and the ids that found nothing
    (``content_hash``: the text's ``dedup.content_hash``, when the caller has it)."""
    corrections = active_for(conn, content_hash or dedup.content_hash(record["document"]["text"]))
    if not corrections:
        return record, []
    fixed, missed = apply_corrections(record, corrections, actor_lookup(conn))
    return (record if fixed == record else fixed), missed


def iter_corrected_records(conn: sqlite3.Connection, doc_ids: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """The stored (corrected) record of every document, or of ``doc_ids``, in document order.

    The store keeps each document's rows and ``extractions.record`` corrected, so this reads them
    (with the text from ``documents.text``); the pipeline's own record of a corrected document is
    ``extractions.pipeline_record``.
    """
    sql = "SELECT e.record, d.text FROM extractions e JOIN documents d ON d.id = e.doc_id"
    if doc_ids is None:
        rows: Iterator[Any] = iter(conn.execute(sql + " ORDER BY e.doc_id"))
    else:
        rows = (row for doc_id in doc_ids for row in conn.execute(sql + " WHERE e.doc_id = ?", (doc_id,)))
    for record, text in rows:
        found = json.loads(record)
        found["document"]["text"] = text
        yield found


def list_corrections(
    conn: sqlite3.Connection,
    doc_id: str | None = None,
    actor: str | None = None,
    include_undone: bool = False,
    limit: int = 200,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Corrections newest first: of one document (its own and none of the corpus-wide ones), about one
    actor (as the corrected actor, a merge target, a new speaker, source or target), or all."""
    where, params = [], []
    if not include_undone:
        where.append("undone_at IS NULL")
    if doc_id:
        where.append("content_hash = (SELECT content_hash FROM documents WHERE id = ?)")
        params.append(doc_id)
    if actor:
        where.append("(actor = ? OR instr(after, ?) > 0 OR instr(before, ?) > 0)")
        params += [actor, json.dumps(actor), json.dumps(actor)]
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    rows = conn.execute(
        f"SELECT {COLUMNS} FROM corrections {clause} ORDER BY id DESC LIMIT ? OFFSET ?", (*params, limit, offset)
    ).fetchall()
    return [Correction.from_row(_row(r)).to_dict() for r in rows]


def get_correction(conn: sqlite3.Connection, correction_id: int) -> Correction | None:
    row = conn.execute(f"SELECT {COLUMNS} FROM corrections WHERE id = ?", (correction_id,)).fetchone()
    return Correction.from_row(_row(row)) if row else None


def aliases(conn: sqlite3.Connection, actor_id: str) -> list[str]:
    """The aliases people added to an actor (in force)."""
    rows = conn.execute(
        "SELECT after FROM corrections WHERE action = 'alias' AND actor = ? AND undone_at IS NULL ORDER BY id",
        (actor_id,),
    ).fetchall()
    return list(dict.fromkeys(json.loads(r[0])["alias"] for r in rows))


def merged_into(conn: sqlite3.Connection, actor_id: str) -> str | None:
    """The actor ``actor_id`` was merged into, by a merge or by an alias naming it (following later
    ones), else None."""
    seen = {actor_id}
    current = actor_id
    while True:
        row = conn.execute(
            "SELECT json_extract(after, '$.into') FROM corrections WHERE action = 'merge' AND actor = :actor "
            "AND undone_at IS NULL UNION ALL SELECT actor FROM corrections WHERE action = 'alias' "
            "AND undone_at IS NULL AND actor != :actor "
            "AND fold(json_extract(after, '$.alias')) = fold((SELECT name FROM actors WHERE id = :actor)) LIMIT 1",
            {"actor": current},
        ).fetchone()
        if row is None or row[0] in seen:
            return None if current == actor_id else current
        current = row[0]
        seen.add(current)


def _row(row: Any) -> dict[str, Any]:
    keys = [c.strip().strip('"') for c in COLUMNS.split(",")]
    return dict(zip(keys, tuple(row), strict=True))
