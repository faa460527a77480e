"""The total of a one-word document search from the index's kept count of documents per word
(``serve/api/term_counts.py``) is the count of its matches, before and after writes (a document
added, one deleted), and a search is never answered from the counts of an earlier store state."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient

from powermap.ingest.model import SourceDocument
from powermap.serve.api import create_app, relation_queries, term_counts
from powermap.store import open_store, queries

from .workbench_store import build_workbench_store, record


def words(folder) -> dict[str, int]:
    """Every word of the documents' index, with the count of documents matching it (counted)."""
    conn = sqlite3.connect(folder / "powermap.db")
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, documents_fts, 'row')")
        found = [r[0] for r in conn.execute("SELECT term FROM temp.v") if r[0].isascii() and r[0].isalnum()]
        match = "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?"
        return {w: conn.execute(match, (f'"{w}"',)).fetchone()[0] for w in found}
    finally:
        conn.close()


def totals(client: TestClient, asked: list[str]) -> dict[str, int]:
    return {
        w: client.get("/api/documents", params={"q": w.upper() if i % 2 else w}).json()["total"]
        for i, w in enumerate(asked)
    }


@pytest.fixture
def folder(tmp_path, monkeypatch):
    build_workbench_store(tmp_path)
    monkeypatch.setattr(term_counts, "COMMON", 1)  # every word of the small store is a common one
    relation_queries.clear_cache()
    return tmp_path


def test_one_word_totals_come_from_the_kept_counts_and_equal_the_matches(folder, monkeypatch):
    expected = words(folder)
    assert len(expected) > 20 and max(expected.values()) > 1
    client = TestClient(create_app(folder, allowed_hosts=["testserver"], warm=False))
    with open_store(folder, readonly=True) as store:
        conn = store.reader()
        term_counts.keep(conn)  # what the warm-up and the pass ahead do
        conn.close()
    counted: list[str] = []
    real = queries.count_documents
    monkeypatch.setattr(queries, "count_documents", lambda conn, q=None: counted.append(q) or real(conn, q))
    assert totals(client, list(expected)) == expected
    assert counted == []  # every one-word total from the kept counts
    assert client.get("/api/documents", params={"q": "valoria haven*"}).json()["total"] >= 1
    assert counted  # a search of several terms counts its matches


def test_after_a_write_the_totals_are_counted_until_the_new_counts_are_kept(folder, monkeypatch):
    client = TestClient(create_app(folder, allowed_hosts=["testserver"], warm=False))
    with open_store(folder, readonly=True) as store:
        conn = store.reader()
        term_counts.keep(conn)
        conn.close()
    text = "Valoria en Marendia praten opnieuw over de haven van Valoria."
    with open_store(folder) as store:
        store.add(SourceDocument(text=text, input="new.txt", title="Nieuw", published="2031-12-01"),
                  record("2031-12-01", "Nieuw", text), ["test.v1"])  # fmt: skip
        with store.transaction() as c:  # and the oldest document goes
            c.execute("DELETE FROM documents WHERE rowid = (SELECT min(rowid) FROM documents)")
    expected = words(folder)
    assert totals(client, list(expected)) == expected  # counted: the kept counts are of a state gone by
    with open_store(folder, readonly=True) as store:
        conn = store.reader()
        assert term_counts.keep(conn) == {w: n for w, n in expected.items() if n >= 1}  # the index's own counts
        conn.close()
    monkeypatch.setattr(queries, "count_documents", lambda *_: pytest.fail("counted"))
    assert totals(client, list(expected)) == expected
