"""A request reads the store's fingerprint (its state: the cache keys) once, however many kept
parts it looks up, and a write between two requests is seen by the next one."""

from __future__ import annotations

from fastapi.testclient import TestClient

from powermap.ingest.model import SourceDocument
from powermap.serve.api import create_app, relation_queries
from powermap.store import open_store

from .workbench_store import ACTORS, build_workbench_store, record


def test_each_request_reads_the_store_state_once(tmp_path, monkeypatch):
    build_workbench_store(tmp_path)
    reads: list[int] = []
    real = relation_queries._read_fingerprint
    monkeypatch.setattr(relation_queries, "_read_fingerprint", lambda conn: reads.append(1) or real(conn))
    relation_queries.clear_cache()
    client = TestClient(create_app(tmp_path, allowed_hosts=["testserver"], warm=False))
    actor = next(iter(ACTORS))
    for path, params in [
        ("/api/changes", {}),  # the plan, the windows and the report: each a kept part
        (f"/api/actors/{actor}", {}),
        ("/api/stances", {"actor": actor}),
        ("/api/quotes", {"q": "dag"}),
        (f"/actors/{actor}", {}),  # the HTML page likewise
    ]:
        reads.clear()
        assert client.get(path, params=params).status_code == 200, path
        assert len(reads) == 1, path
    before = client.get(f"/api/actors/{actor}").json()
    with open_store(tmp_path) as store:  # a write: the next request sees the new state
        text = f"{ACTORS[actor][0]} sprak opnieuw met de pers."
        store.add(SourceDocument(text=text, input="new.txt", title="Nieuw", published="2031-12-01"),
                  record("2031-12-01", "Nieuw", text), ["test.v1"])  # fmt: skip
    after = client.get(f"/api/actors/{actor}").json()
    assert after["total"] == before["total"] + 1
    assert not relation_queries._REQUEST_STATES  # nothing left behind
