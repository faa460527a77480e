"""The API's per-request queries read through indexes: a page about one document, one actor or a
page of a list never scans a table whose size grows with the corpus (``EXPLAIN QUERY PLAN`` of
every statement a view runs, traced on the workbench store)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

import pytest

from powermap.serve.api import views
from powermap.store import open_store

from .workbench_store import build_workbench_store

#: tables that grow with the corpus (a SCAN of one of them costs what the corpus costs)
GROWING = ("documents", "extractions", "mentions", "quotes", "claims", "events", "stances")
_TABLE = re.compile(r"\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?", re.IGNORECASE)


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plans")
    ids = build_workbench_store(folder)
    store = open_store(folder, readonly=True)
    conn = store.reader()
    yield conn, ids
    conn.close()
    store.close()


def executed(conn: sqlite3.Connection, run: Callable[[], object]) -> list[str]:
    """The statements ``run`` executes on ``conn``, with their values in them."""
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        run()
    finally:
        conn.set_trace_callback(None)
    return statements


def scans(conn: sqlite3.Connection, run: Callable[[], object]) -> list[tuple[str, str]]:
    """(statement, plan line) for every full scan of a growing table in the statements ``run`` executes."""
    statements = executed(conn, run)
    found = []
    for sql in dict.fromkeys(s for s in statements if s.lstrip().upper().startswith("SELECT")):
        tables = {alias or table: table for table, alias in _TABLE.findall(sql)}
        for row in conn.execute("EXPLAIN QUERY PLAN " + sql):  # the traced statement has its values in it
            detail = row[3]
            if detail.startswith("SCAN ") and tables.get(detail.split()[1], detail.split()[1]) in GROWING:
                found.append((" ".join(sql.split())[:120], detail))
    return found


def test_a_document_page_reads_its_facts_by_index(reader):
    conn, ids = reader
    assert scans(conn, lambda: views.document(conn=conn, doc_id=ids[1])) == []


def test_a_documents_record_is_read_by_index(reader):
    conn, ids = reader
    assert scans(conn, lambda: views.extraction(conn=conn, doc_id=ids[1])) == []
