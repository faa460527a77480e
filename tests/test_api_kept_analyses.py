"""The corpus-wide analyses and default pages stay kept while readers ask many other things.

On the 100,000-document store one request in 20 of the timeline, the stances page and the changes
page rebuilt its analysis (7.4 s, 1.4 s, 1.7 s): the requests for different actors, pages and words
in between had pushed them out of the least-recently-used cache. Here the cache is made small and
the responses are not kept, so every request reaches the analyses' cache, as on a large store."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest
from fastapi.testclient import TestClient

from powermap.serve.api import change_plans, create_app, relation_queries, stance_queries
from powermap.serve.api.responses import ResponseCache

from .workbench_store import ACTORS, build_workbench_store

DEFAULT_PAGES = ["/api/timeline", "/api/stances", "/api/network", "/api/events", "/api/claims", "/api/quotes"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kept_analyses")
    build_workbench_store(folder)
    return folder


def counting(monkeypatch, module, name: str) -> list[int]:
    """Count the calls of ``module.name`` (a build the cache should spare)."""
    calls: list[int] = []
    real = getattr(module, name)

    def wrapper(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def test_default_pages_are_not_pushed_out_by_other_requests(folder, monkeypatch):
    relation_queries.clear_cache()
    monkeypatch.setattr(relation_queries, "CACHE_SIZE", 4)
    builds = {
        "timeline": counting(monkeypatch, relation_queries, "_timeline"),
        "coalitions": counting(monkeypatch, relation_queries, "discourse"),
        "stances": counting(monkeypatch, stance_queries, "stance_concepts"),
        "changes": counting(monkeypatch, change_plans, "plan_windows"),
    }
    app = create_app(folder, allowed_hosts=["testserver"], warm=False)
    app.state.powermap = dataclasses.replace(app.state.powermap, responses=ResponseCache(size=0))  # keeps nothing
    client = TestClient(app)
    for path in [*DEFAULT_PAGES, "/api/changes"]:
        assert client.get(path).status_code == 200
    first = {name: len(calls) for name, calls in builds.items()}
    assert all(first.values()), first
    for round_ in range(3):  # a reader clicking from actor to actor and page to page
        for actor in ACTORS:
            assert client.get(f"/api/actors/{actor}", params={"offset": round_}).status_code == 200
            assert client.get("/api/stances", params={"actor": actor, "offset": round_}).status_code == 200
        for offset in range(1, 6):
            assert client.get("/api/events", params={"offset": offset + 10 * round_}).status_code == 200
        for path in [*DEFAULT_PAGES, "/api/changes"]:
            assert client.get(path).status_code == 200
    # built once; the stance concepts again only for the actors' stances, never the default page's
    assert {name: len(calls) for name, calls in builds.items() if name != "stances"} == {
        name: n for name, n in first.items() if name != "stances"
    }
    stances_before = len(builds["stances"])
    assert client.get("/api/stances").status_code == 200
    assert len(builds["stances"]) == stances_before
    assert len(relation_queries._CACHE) - len(relation_queries._PINNED) <= 4  # the others stay bounded


def test_a_write_moves_the_kept_analyses_on(folder, monkeypatch):
    """A pinned result is kept per store state: after a write the page is built again, and the
    earlier state's results are dropped."""
    relation_queries.clear_cache()
    calls = counting(monkeypatch, relation_queries, "_timeline")
    app = create_app(folder, allowed_hosts=["testserver"], warm=False)
    client = TestClient(app)
    assert client.get("/api/timeline").status_code == 200
    assert client.get("/api/timeline", params={"by": "year"}).status_code == 200
    assert len(calls) == 2

    conn = sqlite3.connect(folder / "powermap.db")
    try:
        with conn:
            conn.execute("UPDATE documents SET title = title || ' ' WHERE rowid = 1")  # a write moves the version on
    finally:
        conn.close()
    assert client.get("/api/timeline").status_code == 200
    assert len(calls) == 3
    states = {key[0] for key in relation_queries._CACHE}
    assert len(states) == 1  # the earlier state's results are gone
