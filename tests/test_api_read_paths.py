"""The API's read paths for a large store (migration 11 and the walks in page order) answer what
the general queries answer: the same bytes over HTTP for every request, whichever path a size
threshold picks; full-text pages past the ranked matches go on newest first."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient

from powermap.serve.api import actor_queries, create_app, fact_queries, relation_queries, stance_queries
from powermap.store import queries, quote_queries

from .workbench_store import ACTORS, build_workbench_store

REQUESTS = [
    ("/api/events", {"actor": actor, "limit": limit, "offset": offset})
    for actor in (*ACTORS, "VAL", "nobody")
    for limit, offset in ((50, 0), (1, 1), (2, 3))
]
REQUESTS += [(f"/api/actors/{actor}", {"limit": 1, "offset": offset}) for actor in ACTORS for offset in (0, 1, 2)]
REQUESTS += [
    ("/api/quotes", {"q": word, "limit": 1, "offset": offset})
    for word in ("dag", "landen OR sancties", "steunt", "niets")
    for offset in (0, 1)
]
REQUESTS += [("/api/quotes", {"speaker": "ida"}), ("/api/quotes", {"speaker": "ida_kersten", "q": "dag"})]
REQUESTS += [("/api/documents", {"q": word}) for word in ("valoria", "haven*", "niets")]
REQUESTS += [("/api/stances", {"actor": actor, "limit": 1, "offset": offset}) for actor in ACTORS for offset in (0, 1)]
REQUESTS += [("/api/stances", {"limit": limit, "offset": offset}) for limit, offset in ((50, 0), (1, 1), (2, 1))]


def bodies(folder) -> list[tuple[int, bytes]]:
    """Every request's status and body from a fresh server (nothing kept from an earlier one)."""
    relation_queries._CACHE.clear()
    client = TestClient(create_app(folder, allowed_hosts=["testserver"], warm=False))
    return [(r.status_code, r.content) for r in (client.get(path, params=params) for path, params in REQUESTS)]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("read_paths")
    build_workbench_store(folder)
    return folder


def test_every_path_answers_the_same_bytes(folder, monkeypatch):
    monkeypatch.setattr(fact_queries, "one_actor", lambda flt: None)  # counted facets, sorted rows
    monkeypatch.setattr(stance_queries, "walk_pays", lambda *_: False)  # stances sorted
    monkeypatch.setattr(actor_queries, "walk_pays", lambda *_: False)  # an actor's mentions and quotes sorted
    monkeypatch.setattr(quote_queries, "walk_pays", lambda *_: False)  # a speaker's and a search's quotes sorted
    expected = bodies(folder)
    assert all(status in (200, 404) for status, _ in expected)
    assert sum(status == 200 for status, _ in expected) > len(REQUESTS) - 5
    monkeypatch.undo()
    assert bodies(folder) == expected  # one actor's kept facets and events by its day indexes
    monkeypatch.setattr(stance_queries, "walk_pays", lambda *_: True)  # stances by the walk
    monkeypatch.setattr(actor_queries, "walk_pays", lambda *_: True)  # an actor's mentions and quotes likewise
    monkeypatch.setattr(quote_queries, "walk_pays", lambda *_: True)  # a speaker's and a search's quotes likewise
    assert bodies(folder) == expected


def test_search_pages_past_the_ranked_matches_go_on_newest_first(folder, monkeypatch):
    client = TestClient(create_app(folder, allowed_hosts=["testserver"], warm=False))
    everything = client.get("/api/documents", params={"q": "valoria"}).json()
    assert everything["total"] == 3
    monkeypatch.setattr(queries, "RANKED", 1)
    relation_queries._CACHE.clear()
    client = TestClient(create_app(folder, allowed_hosts=["testserver"], warm=False))
    pages = [client.get("/api/documents", params={"q": "valoria", "limit": 1, "offset": i}).json() for i in range(4)]
    assert [p["total"] for p in pages] == [3] * 4
    found = [d["id"] for p in pages for d in p["documents"]]
    assert sorted(found) == sorted(d["id"] for d in everything["documents"])  # each once
    one_page = client.get("/api/documents", params={"q": "valoria", "limit": 3}).json()
    assert [d["id"] for d in one_page["documents"]] == found
    stored = [r[0] for r in in_store_order(folder)]
    assert found[1:] == [d for d in reversed(stored) if d in found[1:]]  # after the ranked one: newest stored first


def in_store_order(folder) -> list[tuple[str]]:
    conn = sqlite3.connect(folder / "powermap.db")
    try:
        return conn.execute("SELECT id FROM documents ORDER BY rowid").fetchall()
    finally:
        conn.close()


def test_a_dyad_read_from_the_actors_events_is_the_dyad_read_alone(folder):
    conn = sqlite3.connect(folder / "powermap.db")
    try:
        for a in ACTORS:
            events = actor_queries.actor_events(conn, a)
            for b in ACTORS:
                for by in ("day", "month"):
                    assert actor_queries.dyad(conn, a, b, by, events) == actor_queries.dyad(conn, a, b, by)
        assert actor_queries.dyad(conn, "valoria", "marendia", "month")  # the store has a dyad to compare
    finally:
        conn.close()


def test_unfiltered_event_pages_are_the_events_sorted_by_day(folder):
    """The page's ids read from the day index alone are the rows a full sort gives, offsets included."""
    conn = sqlite3.connect(folder / "powermap.db")
    conn.row_factory = sqlite3.Row
    try:
        total = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        assert total >= 3
        for limit, offset in ((50, 0), (1, 0), (1, 1), (2, 1), (2, total - 1), (5, total)):
            page = fact_queries.list_events(conn, fact_queries.EventQuery(), limit, offset)
            full = conn.execute(
                "SELECT e.id, title FROM events e JOIN documents d ON d.id = e.doc_id ORDER BY e.day DESC, e.id "
                "LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
            assert [(r["id"], r["title"]) for r in page] == [(r["id"], r["title"]) for r in full]
    finally:
        conn.close()
