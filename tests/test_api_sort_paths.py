"""The sort paths of the actor page, an actor's stances and a speaker's quotes (migration 14): the
page's ids are sorted from indexes alone (no document's or row's table read per match), and the
pages say what sorting the tables says; a version-13 store migrated answers as a new one."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient

from powermap.serve.api import actor_queries, create_app, relation_queries, stance_queries
from powermap.store import open_store, quote_queries
from powermap.store.migrations import available, current_version
from tests.test_api_query_plans import executed
from tests.test_store_aggregates import undo_sort_paths

from .workbench_store import ACTORS, build_workbench_store

REQUESTS = [
    (f"/api/actors/{actor}", {"limit": limit, "offset": offset})
    for actor in ACTORS
    for limit, offset in ((50, 0), (1, 1))
]
REQUESTS += [
    ("/api/stances", {"actor": actor, "limit": limit, "offset": offset})
    for actor in ACTORS
    for limit, offset in ((50, 0), (1, 1))
]
REQUESTS += [
    ("/api/quotes", {"speaker": actor, "limit": limit, "offset": offset})
    for actor in ACTORS
    for limit, offset in ((100, 0), (1, 1))
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sort_paths")
    build_workbench_store(folder)
    return folder


@pytest.fixture
def sorted_paths(monkeypatch):
    """Every list below sorted (never walked), whatever its size."""
    for module in (actor_queries, stance_queries, quote_queries):
        monkeypatch.setattr(module, "walk_pays", lambda *_: False)


def bodies(folder) -> list[tuple[int, bytes]]:
    relation_queries.clear_cache()
    client = TestClient(create_app(folder, allowed_hosts=["testserver"], warm=False))
    return [(r.status_code, r.content) for r in (client.get(path, params=params) for path, params in REQUESTS)]


def id_steps(conn: sqlite3.Connection, run) -> list[str]:
    """The statements ``run`` executes that sort a page's ids (those selecting one id column)."""
    statements = executed(conn, run)
    return [
        s
        for s in statements
        if s.lstrip().upper().startswith(("SELECT Q.ID FROM", "SELECT ST.ID FROM", "SELECT M.ROWID FROM"))
    ]


def test_an_actors_lists_are_sorted_from_indexes_alone(folder, sorted_paths):
    store = open_store(folder, readonly=True)
    conn = store.reader()
    try:
        for actor in ACTORS:
            steps = id_steps(conn, lambda: actor_queries.mention_contexts(conn, actor))  # noqa: B023
            steps += id_steps(conn, lambda: actor_queries.spoken_quotes(conn, actor))  # noqa: B023
            steps += id_steps(conn, lambda: stance_queries.list_stances(conn, [actor]))  # noqa: B023
            steps += id_steps(conn, lambda: quote_queries.list_quotes(conn, actor, speakers=[actor]))  # noqa: B023
            assert len(steps) == 4
            for sql in steps:
                plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
                searches = [line for line in plan if line.startswith(("SEARCH", "SCAN"))]
                assert len(searches) == 2, plan
                assert all("COVERING INDEX" in line for line in searches), (sql, plan)
                assert any("documents_id_published" in line for line in searches), plan
    finally:
        conn.close()
        store.close()


def test_the_sorted_pages_are_the_tables_sorted(folder, sorted_paths):
    conn = sqlite3.connect(folder / "powermap.db")
    conn.row_factory = sqlite3.Row
    conn.create_function("fold", 1, lambda s: (s or "").lower())
    try:
        for actor in ACTORS:
            for limit, offset in ((50, 0), (1, 0), (1, 1), (2, 1)):
                stances = stance_queries.list_stances(conn, [actor], limit=limit, offset=offset)
                expected = conn.execute(
                    "SELECT st.id FROM stances st JOIN documents d ON d.id = st.doc_id WHERE st.actor = ? "
                    "ORDER BY d.published DESC, st.id LIMIT ? OFFSET ?",
                    (actor, limit, offset),
                ).fetchall()
                assert [r["id"] for r in stances] == [r[0] for r in expected]
                quotes = quote_queries.list_quotes(conn, actor, limit=limit, offset=offset, speakers=[actor])
                expected = conn.execute(
                    "SELECT q.id FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE q.speaker = ? "
                    "ORDER BY d.published DESC, q.doc_id, q.start, q.id LIMIT ? OFFSET ?",
                    (actor, limit, offset),
                ).fetchall()
                assert [r["id"] for r in quotes] == [r[0] for r in expected]
                mentions = actor_queries.mention_contexts(conn, actor, limit, offset)
                expected = conn.execute(
                    'SELECT m.doc_id, m.start, m."end" FROM mentions m JOIN documents d ON d.id = m.doc_id '
                    "WHERE m.actor_id = ? ORDER BY d.published, m.doc_id, m.start, m.rowid LIMIT ? OFFSET ?",
                    (actor, limit, offset),
                ).fetchall()
                assert [(r["doc_id"], r["start"], r["end"]) for r in mentions] == [tuple(r) for r in expected]
            spoken, total = actor_queries.spoken_quotes(conn, actor, limit=2)
            assert [q["id"] for q in spoken] == [
                q["id"] for q in quote_queries.list_quotes(conn, actor, limit=2, speakers=[actor])
            ]
            assert total == len(quote_queries.list_quotes(conn, actor, limit=500, speakers=[actor]))
        assert any(stance_queries.list_stances(conn, [a]) for a in ACTORS)  # the store has lists to compare
        assert any(actor_queries.spoken_quotes(conn, a)[1] for a in ACTORS)
    finally:
        conn.close()


def test_a_version_13_store_migrated_answers_as_a_new_one(folder, tmp_path, sorted_paths):
    expected = bodies(folder)
    assert sum(status == 200 for status, _ in expected) > len(REQUESTS) // 2
    old = tmp_path / "old"
    build_workbench_store(old)
    with open_store(old) as store:
        undo_sort_paths(store.conn)
        store.conn.execute("PRAGMA user_version = 13")
    assert available()[13][1].startswith("0014")
    with open_store(old) as migrated:  # migrates
        assert current_version(migrated.conn) == len(available())
        names = {r[0] for r in migrated.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {
        "documents_id_published",
        "quotes_speaker_doc",
        "stances_actor_doc",
        "mentions_actor_document_start",
    } <= names
    assert not {"quotes_speaker", "stances_actor", "mentions_actor", "mentions_actor_document"} & names
    assert bodies(old) == expected


def test_one_actors_concepts_are_the_counted_ones(folder):
    conn = sqlite3.connect(folder / "powermap.db")
    conn.row_factory = sqlite3.Row
    try:
        for actor in ACTORS:
            expected = conn.execute(
                "SELECT concept, sum(agree) AS agree, sum(1 - agree) AS disagree, count(DISTINCT actor) AS actors "
                "FROM stances WHERE actor = ? GROUP BY concept ORDER BY count(*) DESC, concept",
                (actor,),
            ).fetchall()
            assert stance_queries.stance_concepts(conn, [actor]) == [dict(r) for r in expected]
        assert any(stance_queries.stance_concepts(conn, [a]) for a in ACTORS)
    finally:
        conn.close()
