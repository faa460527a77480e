"""Views: each builds the one dict that both a web page and its JSON twin show.

The views are also the JSON endpoints: their parameters are typed and bounded FastAPI
parameters, so ``/api/openapi.json`` declares every one and a malformed value is a 400. They are
plain functions, which FastAPI runs in its thread pool: a slow query never blocks the event loop.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Path, Query, Request

from powermap.serve.api import fact_queries, fulltext, marks, relation_queries, term_counts
from powermap.store import queries, quote_queries

MAX_OFFSET = 1_000_000
#: a document search's matches counted exactly up to this many; past it the total is this bound
COUNTED = 10_000


class NotFound(LookupError):
    """The thing a URL names is not in the store."""


class BadParameter(ValueError):
    """A parameter of the right shape whose value means nothing (a 13th month): a 400."""


def connection(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for one request (from the server's pool); its queries stop at the
    server's time limit."""
    settings = request.app.state.powermap
    with settings.readers.connection(settings.time_limit_ms) as conn:
        yield conn


Conn = Annotated[sqlite3.Connection, Depends(connection)]
SearchText = Annotated[
    str | None,
    Query(
        max_length=fulltext.MAX_CHARS,
        description=f'words, "a phrase", OR/AND/NOT between terms, word* (the first {fulltext.MAX_TERMS} terms count)',
    ),
]
NamePart = Annotated[str | None, Query(max_length=200, description="an id, a code, or part of a name")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip (paging)")]
DocLimit = Annotated[int, Query(ge=1, le=200, description="rows per page")]
ActorLimit = Annotated[int, Query(ge=1, le=500, description="rows per page")]
QuoteLimit = Annotated[int, Query(ge=1, le=500, description="rows per page")]
DocId = Annotated[str, Path(min_length=1, max_length=64, description="a document id")]
ActorId = Annotated[str, Path(min_length=1, max_length=200, description="an actor id or exact name")]


def index(conn: Conn) -> dict[str, Any]:
    return {
        "counts": queries.corpus_counts(conn),
        "documents": queries.list_documents(conn, limit=10),
        "actors": queries.list_actors(conn, limit=15),
    }


def documents(conn: Conn, q: SearchText = None, limit: DocLimit = 50, offset: Offset = 0) -> dict[str, Any]:
    searched = fulltext.to_fts5(q)
    if _nothing_to_search(q, searched):
        rows, total, exact = [], 0, True
    else:  # a search is kept once it finished under the time limit (ranking reads every match)
        rows, total, exact = relation_queries.cached(
            conn,
            ("documents", searched, limit, offset),
            lambda: _search_page(conn, searched, limit, offset),
            unlimited=False,
        )
    page = paging(rows, limit, offset, total)
    return {"query": q, "searched": searched, "documents": rows, **page, "total_exact": exact}


def document(conn: Conn, doc_id: DocId) -> dict[str, Any]:
    found = queries.get_document(conn, doc_id)
    if found is None:
        raise NotFound(f"no document {doc_id}")
    facts = fact_queries.document_facts(conn, doc_id)
    segments = marks.mark_text(found["text"], marks.fact_spans(facts))
    counts = {"mention": sum(len(a["mentions"]) for a in facts["actors"])}
    counts |= {kind[:-1]: len(facts[kind]) for kind in ("quotes", "claims", "events", "stances")}
    return {"document": found, "facts": facts, "counts": counts, "segments": segments}


def extraction(conn: Conn, doc_id: DocId) -> dict[str, Any]:
    record = queries.get_extraction(conn, doc_id)
    if record is None:
        raise NotFound(f"no extraction for document {doc_id}")
    return record


def actors(
    conn: Conn,
    type: Annotated[str | None, Query(max_length=40, description="person, state, organisation, ...")] = None,
    q: NamePart = None,
    limit: ActorLimit = 200,
    offset: Offset = 0,
) -> dict[str, Any]:
    rows = queries.list_actors(conn, type, q, limit, offset)
    total = queries.count_actors(conn, type, q)
    return {"type": type, "query": q, "actors": rows, **paging(rows, limit, offset, total)}


def quotes(
    conn: Conn, speaker: NamePart = None, q: SearchText = None, limit: QuoteLimit = 100, offset: Offset = 0
) -> dict[str, Any]:
    searched = fulltext.to_fts5(q)
    if _nothing_to_search(q, searched):
        rows, total = [], 0
    else:  # newest first sorts every quote: once per store state (outside the time limit unfiltered)
        rows, total = relation_queries.cached(
            conn,
            ("quotes", speaker, searched, limit, offset),
            lambda: _quote_page(conn, speaker, searched, limit, offset),
            unlimited=speaker is None and searched is None,
            pin=speaker is None and searched is None and (limit, offset) == (100, 0),  # the default page
        )
    return {"speaker": speaker, "query": q, "searched": searched, "quotes": rows, **paging(rows, limit, offset, total)}


def _quote_page(
    conn: Conn, speaker: str | None, searched: str | None, limit: int, offset: int
) -> tuple[list[dict], int]:
    """A page of quotes and their total, the speakers a speaker filter names looked up once."""
    speakers = quote_queries.speaker_ids(conn, speaker) if speaker else None
    if searched and not speaker:  # a search's matches counted once, for the page's path and its total
        total = term_counts.count_quotes(conn, searched)
        return quote_queries.list_quotes(conn, None, searched, limit, offset, None, total), total
    return (
        quote_queries.list_quotes(conn, speaker, searched, limit, offset, speakers),
        quote_queries.count_quotes(conn, speaker, searched, speakers),
    )


def _search_page(conn: Conn, searched: str | None, limit: int, offset: int) -> tuple[list[dict], int, bool]:
    """A page of the documents matching ``searched`` (None: all of them), their total and whether it
    is exact: a common word's total is kept (``term_counts``); another search's matches are counted
    up to ``COUNTED``, past which the total is that bound (counting the 70,000 matches of two common
    words cost about 4.7 CPU-ms a search on 100,000 documents)."""
    kept = term_counts.kept_documents(conn, searched)
    if kept is not None or searched is None:
        total = kept if kept is not None else queries.count_documents(conn, None)
        return queries.list_documents(conn, searched, limit, offset, total), total, True
    counted = queries.count_documents(conn, searched, COUNTED + 1)
    total = min(counted, COUNTED)
    return queries.list_documents(conn, searched, limit, offset, counted), total, counted <= COUNTED


def _nothing_to_search(query: str | None, searched: str | None) -> bool:
    """A query was typed but has no words (only punctuation): it matches nothing."""
    return bool(query and query.strip()) and searched is None


def paging(rows: list, limit: int, offset: int, total: int) -> dict[str, int | None]:
    """The paging fields of a list: where it is, how many rows there are, where the next page starts."""
    more = offset + len(rows) < total and len(rows) == limit and offset + limit <= MAX_OFFSET
    return {"limit": limit, "offset": offset, "total": total, "next_offset": offset + limit if more else None}
