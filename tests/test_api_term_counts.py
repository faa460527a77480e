"""The total of a one-word document or quote search from the index's kept count of rows per word
(``serve/api/term_counts.py``) is the count of its matches, before and after writes (a document
added, one deleted), and a search is never answered from the counts of an earlier store state."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient

from powermap.ingest.model import SourceDocument
from powermap.serve.api import create_app, relation_queries, term_counts
from powermap.store import open_store, queries, quote_queries

from .workbench_store import build_workbench_store, record


def words(folder, index: str = "documents_fts") -> dict[str, int]:
    """Every word of a full-text index, with the count of its rows matching it (counted)."""
    conn = sqlite3.connect(folder / "powermap.db")
    try:
        conn.execute(f"CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, {index}, 'row')")
        found = [r[0] for r in conn.execute("SELECT term FROM temp.v") if r[0].isascii() and r[0].isalnum()]
        match = f"SELECT count(*) FROM {index} WHERE {index} MATCH ?"
        return {w: conn.execute(match, (f'"{w}"',)).fetchone()[0] for w in found}
    finally:
        conn.close()


def totals(client: TestClient, asked: list[str], page: str = "/api/documents") -> dict[str, int]:
    """The total each word's search reports (every other one asked in capitals)."""
    return {w: client.get(page, params={"q": w.upper() if i % 2 else w}).json()["total"] for i, w in enumerate(asked)}


def keep(folder) -> dict[str, dict[str, int]]:
    """What the warm-up and the pass ahead do: the counts kept for the store's current state."""
    with open_store(folder, readonly=True) as store:
        conn = store.reader()
        try:
            return term_counts.keep(conn)
        finally:
            conn.close()


@pytest.fixture
def folder(tmp_path, monkeypatch):
    build_workbench_store(tmp_path)
    monkeypatch.setattr(term_counts, "COMMON", 1)  # every word of the small store is a common one
    relation_queries.clear_cache()
    return tmp_path


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """The searches whose matches are counted from now on."""
    found: list[str] = []
    documents, quotes = queries.count_documents, quote_queries.count_matches
    monkeypatch.setattr(queries, "count_documents", lambda conn, q=None, *a: found.append(q) or documents(conn, q, *a))
    monkeypatch.setattr(quote_queries, "count_matches", lambda conn, q: found.append(q) or quotes(conn, q))
    return found


def test_one_word_totals_come_from_the_kept_counts_and_equal_the_matches(folder, counted):
    expected, spoken = words(folder), words(folder, "quotes_fts")
    assert len(expected) > 20 and max(expected.values()) > 1 and spoken
    client = TestClient(create_app(folder, allowed_hosts=["testserver"], warm=False))
    keep(folder)
    counted.clear()
    assert totals(client, list(expected)) == expected
    assert totals(client, list(spoken), "/api/quotes") == spoken
    assert counted == []  # every one-word total from the kept counts
    assert client.get("/api/documents", params={"q": "valoria haven*"}).json()["total"] >= 1
    assert counted  # a search of several terms counts its matches


def test_after_a_write_the_totals_are_counted_until_the_new_counts_are_kept(folder, counted):
    client = TestClient(create_app(folder, allowed_hosts=["testserver"], warm=False))
    keep(folder)
    text = "Valoria en Marendia praten opnieuw over de haven van Valoria."
    with open_store(folder) as store:
        store.add(SourceDocument(text=text, input="new.txt", title="Nieuw", published="2031-12-01"),
                  record("2031-12-01", "Nieuw", text), ["test.v1"])  # fmt: skip
        with store.transaction() as c:  # and the oldest document goes
            c.execute("DELETE FROM documents WHERE rowid = (SELECT min(rowid) FROM documents)")
    expected = words(folder)
    counted.clear()
    assert totals(client, list(expected)) == expected  # counted: the kept counts are of a state gone by
    assert len(counted) == len(expected)
    kept = keep(folder)
    assert kept["documents_fts"] == {w: n for w, n in expected.items() if n >= 1}  # the index's own counts
    assert kept["quotes_fts"] == {w: n for w, n in words(folder, "quotes_fts").items() if n >= 1}
    counted.clear()
    assert totals(client, list(expected)) == expected
    assert counted == []


def test_a_search_counts_its_matches_up_to_a_bound_and_says_so(folder, monkeypatch):
    """Past ``views.COUNTED`` matches a search of several words reports the bound and ``total_exact``
    false (JSON and page); under it, and for a common word whose count is kept, the exact total."""
    from powermap.serve.api import views

    client = TestClient(create_app(folder, allowed_hosts=["testserver"], warm=False))
    everything = client.get("/api/documents", params={"q": "valoria OR marendia"}).json()
    assert everything["total"] >= 2 and everything["total_exact"]
    monkeypatch.setattr(views, "COUNTED", 1)
    relation_queries.clear_cache()
    client = TestClient(create_app(folder, allowed_hosts=["testserver"], warm=False))
    bounded = client.get("/api/documents", params={"q": "valoria OR marendia", "limit": 1}).json()
    assert (bounded["total"], bounded["total_exact"], bounded["next_offset"]) == (1, False, None)
    assert bounded["documents"][0] == everything["documents"][0]  # the same best match
    assert "of more than 1" in client.get("/documents", params={"q": "valoria OR marendia"}).text
    keep(folder)  # a common word's total stays exact
    word = max(words(folder).items(), key=lambda item: item[1])
    found = client.get("/api/documents", params={"q": word[0]}).json()
    assert (found["total"], found["total_exact"]) == (word[1], True)
