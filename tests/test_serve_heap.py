"""The server's long-lived objects (the analyses kept after the warm-up, the reports computed ahead)
are moved out of the garbage collector's full passes, whose pauses landed in random requests."""

from __future__ import annotations

import gc
import threading

import pytest

from powermap.analyse.events import EventFilter
from powermap.serve.api import change_ahead, heap, relation_queries, term_counts, warm
from powermap.store import open_store

from .workbench_store import build_workbench_store


@pytest.fixture
def store(tmp_path):
    build_workbench_store(tmp_path)
    store = open_store(tmp_path, readonly=True)
    relation_queries.clear_cache()
    yield store
    store.close()
    gc.unfreeze()  # the test process's objects back to the collector


def walked(thing: object) -> bool:
    """Whether a full pass of the collector walks ``thing``."""
    return any(o is thing for o in gc.get_objects())


def test_the_warm_up_moves_the_kept_analyses_out_of_full_passes(store):
    conn = store.reader()
    try:
        warm.warm_then_ahead(store, 0, settle=True)  # the warm-up, without the reports ahead
        network = relation_queries.network(conn, EventFilter())  # kept by the warm-up
        assert gc.get_freeze_count() > 0
        assert not walked(network) and not walked(network.nodes)
        fresh = relation_queries.network(conn, EventFilter(), 2)
        assert walked(fresh.nodes)  # built after it: walked until the next settle
        heap.settle()
        assert not walked(fresh.nodes)
    finally:
        conn.close()


def test_a_finished_pass_of_reports_ahead_settles_the_heap(store, monkeypatch):
    relation_queries.clear_cache()
    settled: list[int] = []
    monkeypatch.setattr(heap, "settle", lambda: settled.append(1) or 0)
    stop = threading.Event()
    loop = threading.Thread(target=change_ahead.keep_ahead, args=(store, 2, None, stop, 0.0, 0.01, True))
    loop.start()
    try:
        for _ in range(3000):
            if settled:
                break
            threading.Event().wait(0.01)
    finally:
        stop.set()
        loop.join(30)
        conn = store.reader()
        counts = relation_queries.kept(conn, term_counts.KEY)
        change_ahead.forget(relation_queries.store_fingerprint(conn)[0])  # the next test computes afresh
        conn.close()
    assert settled
    assert counts is not None  # the pass kept the totals of one-word searches for the state too


def test_only_a_server_of_its_own_process_settles_the_heap(store, monkeypatch):
    """The collector is the process's: an app inside another program (a test) leaves it alone;
    ``powermap serve`` (one process or several) asks for it."""
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    import powermap.serve.api
    from powermap.serve.api import create_app
    from powermap.serve.api.app import app_from_environment
    from powermap.serve.cli.app import app as cli

    settled: list[int] = []
    monkeypatch.setattr(heap, "settle", lambda: settled.append(1) or 0)
    started: list[threading.Thread] = []

    class Recorded(threading.Thread):
        def start(self) -> None:
            started.append(self)
            super().start()

    monkeypatch.setattr(threading, "Thread", Recorded)
    for settle in (False, True):
        TestClient(create_app(store.path, allowed_hosts=["testserver"], ahead_months=0, settle_heap=settle))
        started.pop().join(60)
    assert settled == [1]
    asked: list[bool] = []
    monkeypatch.setattr("uvicorn.run", lambda *args, **kwargs: None)
    monkeypatch.setattr(powermap.serve.api, "create_app", lambda *args, **kwargs: asked.append(kwargs["settle_heap"]))
    assert CliRunner().invoke(cli, ["serve", "--store", str(store.path)]).exit_code == 0
    monkeypatch.setattr(
        "powermap.serve.api.app.create_app", lambda *args, **kwargs: asked.append(kwargs["settle_heap"])
    )
    monkeypatch.setenv("POWERMAP_SERVE_SETTINGS", '{"store": "x", "allowed_hosts": [], "time_limit_ms": 1}')
    app_from_environment()
    assert asked == [True, True]
