"""The JSON twins' short path (``serve/api/responses.py``): the bytes FastAPI itself would send for
every page and parameter, kept responses that follow the store's writes, pooled connections and a
bounded cache."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from powermap.ingest.model import SourceDocument
from powermap.serve.api import actor_queries, create_app
from powermap.serve.api.app import PAGES
from powermap.serve.api.errors import install_error_handlers
from powermap.serve.api.responses import ResponseCache
from powermap.store import open_store

from .workbench_store import ACTORS, build_workbench_store, record

QUERIES = [
    ("/api", {}),
    ("/api/documents", {}),
    ("/api/documents", {"q": "havenakkoord", "limit": 2}),
    ("/api/documents", {"q": "!!"}),
    ("/api/actors", {}),
    ("/api/actors", {"q": "ida", "type": "person"}),
    ("/api/actors", {"limit": 1, "offset": 1}),
    ("/api/actors/valoria", {"with": "marendia", "by": "month"}),
    ("/api/actors/VAL", {}),
    ("/api/actors/nobody", {}),
    ("/api/quotes", {}),
    ("/api/quotes", {"speaker": "ida_kersten", "q": "dag"}),
    ("/api/events", {}),
    ("/api/events", {"actor": "valoria", "other": "marendia", "cameo": "05"}),
    ("/api/events", {"since": "2031-03", "until": "2031-03-31", "modality": "asserted"}),
    ("/api/events", {"since": "2031-13"}),
    ("/api/claims", {}),
    ("/api/claims", {"disputed": "true", "unit": "percent"}),
    ("/api/stances", {}),
    ("/api/stances", {"actor": "ida_kersten", "agree": "false"}),
    ("/api/network", {}),
    ("/api/network", {"type": ["state", "person"], "min_events": 2}),
    ("/api/timeline", {}),
    ("/api/timeline", {"by": "week"}),
    ("/api/changes", {}),
    ("/api/changes", {"by": "week", "windows": 3, "all": "true"}),
]


@pytest.fixture(scope="module")
def apps(tmp_path_factory):
    """The server's app and a reference that registers every view plainly (FastAPI validates and
    serialises the view's dict with the response model), over the same store."""
    folder = tmp_path_factory.mktemp("responses")
    ids = build_workbench_store(folder)
    app = create_app(folder, allowed_hosts=["testserver"], warm=False)
    reference = FastAPI()
    reference.state.powermap = app.state.powermap
    install_error_handlers(reference)
    for path, _template, view, model, _missing in PAGES:
        reference.add_api_route("/api" + (path if path != "/" else ""), view, response_model=model)
    return TestClient(app), TestClient(reference), ids


def test_every_twin_sends_the_bytes_fastapi_would(apps):
    client, reference, ids = apps
    queries = QUERIES + [(f"/api/documents/{i}", {}) for i in ids] + [(f"/api/actors/{a}", {}) for a in ACTORS]
    for path, params in queries:
        expected = reference.get(path, params=params)
        for _ in range(2):  # the second answer is the kept one
            found = client.get(path, params=params)
            assert (found.status_code, found.content) == (expected.status_code, expected.content), (path, params)
            assert found.headers["content-type"] == expected.headers["content-type"]


def test_kept_responses_follow_the_stores_writes(tmp_path):
    build_workbench_store(tmp_path)
    client = TestClient(create_app(tmp_path, allowed_hosts=["testserver"], warm=False))
    before = client.get("/api/documents").json()
    assert client.get("/api/documents").json() == before
    text = "Marendia en Valoria spraken opnieuw over de haven."
    with open_store(tmp_path) as store:
        store.add(SourceDocument(text=text, input="extra.txt"), record("2031-05-01", "Extra", text), ["test.v1"])
    after = client.get("/api/documents").json()
    assert after["total"] == before["total"] + 1 and after["documents"][0]["title"] == "Extra"


def test_connections_are_reused_and_still_stop_at_the_time_limit(apps):
    client, _reference, ids = apps
    readers = client.app.state.powermap.readers
    with readers.connection(1000) as first:
        pass
    for _ in range(3):
        assert client.get(f"/api/documents/{ids[0]}").status_code == 200
    with readers.connection(1000) as again:
        assert again is first
    endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    with readers.connection(0) as late, pytest.raises(sqlite3.OperationalError, match="interrupted"):
        late.execute(endless)
    with readers.connection(1000) as conn:  # the interrupted connection serves the next request as usual
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == len(ids)


def test_the_cache_keeps_the_newest_within_its_size_and_drops_an_older_state():
    cache = ResponseCache(size=10)
    cache.put(("s1", "a"), b"12345")
    cache.put(("s1", "b"), b"678")
    assert cache.get(("s1", "a")) == b"12345"  # now the most recently used
    cache.put(("s1", "c"), b"9999")
    assert cache.get(("s1", "b")) is None and cache.get(("s1", "a")) == b"12345" and cache.get(("s1", "c"))
    cache.put(("s1", "big"), b"x" * 11)  # larger than the whole cache: not kept, nothing dropped
    assert cache.get(("s1", "big")) is None and cache.get(("s1", "a"))
    cache.put(("s2", "a"), b"new")
    assert cache.get(("s1", "a")) is None and cache.get(("s1", "c")) is None and cache.get(("s2", "a")) == b"new"


def test_a_dyad_period_lists_its_first_documents_and_counts_them_all(tmp_path, monkeypatch):
    monkeypatch.setattr(actor_queries, "DYAD_DOCUMENTS", 2)
    ids = build_workbench_store(tmp_path)
    client = TestClient(create_app(tmp_path, allowed_hosts=["testserver"], warm=False))
    page = client.get("/api/actors/valoria", params={"with": "marendia", "by": "year"}).json()
    (point,) = page["dyad"]["points"]
    assert point["events"] == 4 and point["document_total"] == len(ids) == 3
    assert point["documents"] == ids[:2]
