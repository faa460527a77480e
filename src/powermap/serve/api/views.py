"""Views: each builds the one dict that both a web page and its JSON twin show."""

from __future__ import annotations

import sqlite3
from typing import Any

from powermap.store import queries


class NotFound(LookupError):
    """The thing a URL names is not in the store."""


def index(conn: sqlite3.Connection) -> dict[str, Any]:
    return {
        "counts": queries.corpus_counts(conn),
        "documents": queries.list_documents(conn, limit=10),
        "actors": queries.list_actors(conn, limit=15),
    }


def documents(conn: sqlite3.Connection, q: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    return {"query": q, "documents": queries.list_documents(conn, q, limit, offset), "limit": limit, "offset": offset}


def document(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any]:
    found = queries.get_document(conn, doc_id)
    if found is None:
        raise NotFound(f"no document {doc_id}")
    record = queries.get_extraction(conn, doc_id) or {}
    spans = sorted(
        [(m["start"], m["end"], "mention", a["id"], a["name"]) for a in record.get("actors", []) for m in a["mentions"]]
    )
    return {"document": found, "extraction": record, "segments": _segments(found["text"], spans)}


def extraction(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any]:
    record = queries.get_extraction(conn, doc_id)
    if record is None:
        raise NotFound(f"no extraction for document {doc_id}")
    return record


def actors(conn: sqlite3.Connection, type: str | None = None, q: str | None = None, limit: int = 200) -> dict[str, Any]:
    return {"type": type, "query": q, "actors": queries.list_actors(conn, type, q, limit)}


def actor(conn: sqlite3.Connection, actor_id: str) -> dict[str, Any]:
    found = queries.get_actor(conn, actor_id)
    if found is None:
        raise NotFound(f"no actor {actor_id}")
    return {"actor": found}


def quotes(conn: sqlite3.Connection, speaker: str | None = None, q: str | None = None, limit: int = 100) -> dict:
    return {"speaker": speaker, "query": q, "quotes": queries.list_quotes(conn, speaker, q, limit)}


def _segments(text: str, spans: list[tuple]) -> list[dict[str, Any]]:
    """The text cut into plain and highlighted pieces (non-overlapping, earliest span wins)."""
    out, cursor = [], 0
    for start, end, kind, ref, label in spans:
        if start < cursor:
            continue
        if start > cursor:
            out.append({"text": text[cursor:start]})
        out.append({"text": text[start:end], "kind": kind, "ref": ref, "label": label})
        cursor = end
    out.append({"text": text[cursor:]})
    return out
