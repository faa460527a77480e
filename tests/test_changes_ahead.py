"""The what-changed reports computed ahead in the background (``serve/api/change_ahead.py``): a
request for a calendar month is answered from them, byte for byte what a fresh computation gives; a
write stops the pass and the next state is computed; ``--ahead-months 0`` turns it off."""

from __future__ import annotations

import threading

import pytest
import uvicorn
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import powermap.serve.api
from powermap.analyse.changes import ChangeOptions
from powermap.serve.api import change_ahead, change_plans, create_app
from powermap.serve.api.relation_queries import store_fingerprint
from powermap.serve.cli.app import app as cli

from .analyse_fixtures import make_store
from .changes_fixtures import february, march, report

#: what the page asks of each month: it against the one before, and its last two weeks
ASKED = [{"to": "2019-03"}, {"to": "2019-03", "by": "week"}, {"to": "2019-02"}, {"to": "2019-02", "by": "week"}]


@pytest.fixture
def store(tmp_path):
    store, _ = make_store(tmp_path / "s", february() + march())
    yield store
    _forget(store)
    store.close()


def _forget(store) -> None:
    """Drop what the pass kept for ``store`` (the next server computes afresh)."""
    conn = store.reader()
    change_ahead.forget(store_fingerprint(conn)[0])
    conn.close()


@pytest.fixture
def builds(monkeypatch) -> list[tuple]:
    """The comparisons computed from now on (the windows of each)."""
    built: list[tuple] = []
    original = change_plans.changes_report

    def counting(conn, planned, *args, **kwargs):
        built.append(tuple(w.label for w in planned))
        return original(conn, planned, *args, **kwargs)

    monkeypatch.setattr(change_plans, "changes_report", counting)
    return built


def _client(store) -> TestClient:
    return TestClient(create_app(store.path, allowed_hosts=["testserver"], warm=False))


def _kept_report(conn, to: str, by: str | None = None):
    planned, _ = change_plans.plan(conn, None, to, by, 2)
    return change_ahead.lookup(conn, change_plans.report_key(planned[-2:], ChangeOptions(alpha=0.05, show_all=False)))


def test_after_the_pass_a_month_is_answered_from_what_was_kept_byte_for_byte(store, builds):
    conn = store.reader()
    assert change_ahead.natural_months(conn, 36) == ["2019-03", "2019-02"]
    assert change_ahead.reports_kept(conn) == 0
    assert change_ahead.run_pass(conn, 36)
    assert change_ahead.reports_kept(conn) == 4
    assert sorted(builds) == [("2019-01", "2019-02"), ("2019-02", "2019-03"), ("2019-W08", "2019-W09"),
                              ("2019-W12", "2019-W13")]  # fmt: skip
    builds.clear()
    client = _client(store)
    kept = [client.get("/api/changes", params=p) for p in ASKED]
    same_windows = client.get("/api/changes", params={"to": "2019-03", "by": "month"})  # plans 2019-02, 2019-03
    assert builds == [] and all(r.status_code == 200 for r in kept) and same_windows.status_code == 200
    assert kept[0].json()["comparisons"][0]["dyads"][0]["a"] == "armenia"

    _forget(store)
    fresh = [_client(store).get("/api/changes", params=p) for p in ASKED]  # a new server: no kept bytes
    assert len(builds) == 4
    assert [r.content for r in fresh] == [r.content for r in kept]
    conn.close()


def test_the_pass_keeps_only_the_newest_months_asked(store, builds):
    conn = store.reader()
    assert change_ahead.run_pass(conn, 1)
    assert sorted(builds) == [("2019-02", "2019-03"), ("2019-W12", "2019-W13")]
    assert _kept_report(conn, "2019-03") is not None and _kept_report(conn, "2019-02") is None
    conn.close()


class WriteOnSecondStep(change_ahead.Activity):
    """Between the pass's steps: a document arrives before the second one."""

    def __init__(self, store) -> None:
        super().__init__()
        self.store, self.steps = store, 0

    def wait_quiet(self, stop: threading.Event, quiet_s: float = 0.0) -> None:
        self.steps += 1
        if self.steps == 2:
            report("2019-03-20", 99).event("china", "usa", "061", 6.0).add_to(self.store)


def test_a_write_during_the_pass_stops_it_and_the_next_pass_computes_the_new_state(store, builds):
    conn = store.reader()
    before = change_plans.build_report(conn, *_march(conn))["comparisons"][0]["after"]["events"]
    builds.clear()
    assert not change_ahead.run_pass(conn, 36, WriteOnSecondStep(store))
    assert builds == [("2019-02", "2019-03")]  # the first step only
    assert _kept_report(conn, "2019-03") is None  # kept for the state before the write, not this one
    assert not change_ahead._KEPT.get(store_fingerprint(conn)[0])  # and dropped with it

    assert change_ahead.run_pass(conn, 36)
    assert len(builds) == 5
    builds.clear()
    data = _client(store).get("/api/changes", params={"to": "2019-03"}).json()
    assert builds == [] and data["comparisons"][0]["after"]["events"] == before + 1
    conn.close()


def _march(conn) -> tuple[list, ChangeOptions]:
    planned, _ = change_plans.plan(conn, None, "2019-03", None, 2)
    return planned, ChangeOptions(alpha=0.05, show_all=False)


def test_the_background_loop_computes_each_stable_state_and_stops(store):
    conn = store.reader()
    stop = threading.Event()
    loop = threading.Thread(target=change_ahead.keep_ahead, args=(store, 36, None, stop, 0.0, 0.01))
    loop.start()
    try:
        _wait_for(lambda: _kept_report(conn, "2019-02", "week") is not None)
        report("2019-03-21", 98).event("china", "usa", "061", 6.0).add_to(store)
        _wait_for(lambda: _kept_report(conn, "2019-02", "week") is not None)  # kept again, for the new state
        assert _kept_report(conn, "2019-03")["comparisons"][0]["after"]["documents"] == 7
    finally:
        stop.set()
        loop.join(30)
    assert not loop.is_alive()
    conn.close()


def _wait_for(found, tries: int = 3000) -> None:
    """Until ``found()`` (bounded: a broken loop fails the test instead of hanging it)."""
    for _ in range(tries):
        if found():
            return
        threading.Event().wait(0.01)
    raise AssertionError("the background pass did not keep the report")


def test_ahead_months_0_turns_the_pass_off(store, monkeypatch):
    started: list[threading.Thread] = []

    class Recorded(threading.Thread):  # the warm-up may end before threading.enumerate() would see it
        def start(self) -> None:
            started.append(self)
            super().start()

    monkeypatch.setattr(threading, "Thread", Recorded)
    create_app(store.path, allowed_hosts=["testserver"], ahead_months=0)
    (warming,) = [t for t in started if t.name == "powermap-warm"]
    warming.join(60)
    assert not warming.is_alive()  # the warm-up only, no loop after it
    conn = store.reader()
    assert _kept_report(conn, "2019-03") is None and change_ahead.reports_kept(conn) == 0
    conn.close()


def test_the_serve_option_reaches_the_app(store, monkeypatch):
    asked: list[int] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    monkeypatch.setattr(powermap.serve.api, "create_app", lambda *args, **kwargs: asked.append(kwargs["ahead_months"]))
    for extra in (["--ahead-months", "0"], []):
        result = CliRunner().invoke(cli, ["serve", "--store", str(store.path), *extra])
        assert result.exit_code == 0, result.output
    assert asked == [0, change_ahead.MONTHS]


def test_a_request_for_the_report_the_pass_is_computing_waits_for_it(store, monkeypatch):
    """The pass is held inside its first report until the request for it waits on it: the request gets
    the pass's report, computed once."""
    original, built, gate, inside = change_plans.changes_report, [], threading.Event(), threading.Event()

    def held(conn, planned, *args, **kwargs):
        built.append(threading.current_thread().name)
        if len(built) == 1:
            inside.set()
            gate.wait(30)
        return original(conn, planned, *args, **kwargs)

    monkeypatch.setattr(change_plans, "changes_report", held)
    conn, pass_conn = store.reader(), store.reader()
    passing = threading.Thread(target=change_ahead.run_pass, args=(pass_conn, 1), name="pass")
    passing.start()
    assert inside.wait(30)
    (building,) = change_ahead._KEPT[store_fingerprint(conn)[0]].building.values()
    waits = building.wait
    monkeypatch.setattr(building, "wait", lambda *args: gate.set() or waits(*args))  # the request waits: let go
    data = _client(store).get("/api/changes", params={"to": "2019-03"}).json()
    passing.join(30)
    assert gate.is_set() and built[:1] == ["pass"] and built.count("pass") == 2 and len(built) == 2
    assert data["comparisons"][0]["after"]["label"] == "2019-03"
    conn.close()
    pass_conn.close()
