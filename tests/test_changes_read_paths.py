"""The what-changed report's cheap read paths give what the full computations give."""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from fastapi.testclient import TestClient

from powermap.analyse import periods
from powermap.analyse.changes import changes_report, compare, data_span, plan_windows
from powermap.analyse.changes_camps import discourse_grouping, network_grouping
from powermap.analyse.changes_memo import WindowMemo, window_events
from powermap.analyse.changes_stances import span_statements
from powermap.analyse.discourse import Statement, actor_ties, discourse
from powermap.analyse.events import EventFilter, load_events
from powermap.analyse.network import build_network
from powermap.serve.api import create_app
from powermap.serve.api.change_plans import window_memo
from powermap.store import open_store
from powermap.store.migrations import available, current_version

from .analyse_fixtures import DocBuilder, make_store
from .changes_fixtures import february, march, report

FEB, MAR = periods.span("2019-02"), periods.span("2019-03")


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    store, _ = make_store(tmp_path_factory.mktemp("paths"), february() + march())
    yield store.reader()
    store.close()


def _span_from_every_event(conn, flt: EventFilter) -> tuple[date, date] | None:
    """The publication span of the documents holding counting events, from every event loaded."""
    docs = {e.doc_id for e in load_events(conn, flt).events}
    days = [
        day
        for doc_id, published in conn.execute("SELECT id, published FROM documents")
        if doc_id in docs and (day := periods.parse(published)) is not None
    ]
    return (min(days), max(days)) if days else None


def test_data_span_reads_both_ends_of_the_index_as_counting_every_event_would(tmp_path):
    docs = [
        DocBuilder("2017-05-03").event("russia", "china", "061", 6.0, negated=True),  # counts with negations only
        DocBuilder("2018-01").event("russia", "usa", "173", -5.0),  # a month: its first day
        DocBuilder("2018-06").event("usa", "china", "042", 2.0),
        DocBuilder(None).event("usa", "armenia", "042", 2.0),  # undated: no day
        DocBuilder("2021-01-09").event("armenia", "azerbaijan", "190", -10.0),
        DocBuilder("2022-03-01").stance("ivanov", "trade", True),  # no events
        DocBuilder("2026-02").event("russia", "armenia", "057", 5.0, negated=True),
    ]
    store, _ = make_store(tmp_path, docs)
    conn = store.reader()
    try:
        for flt in (EventFilter(), EventFilter(include_negated=True), replace(EventFilter(), outlets={"Nobody"})):
            assert data_span(conn, flt) == _span_from_every_event(conn, flt)
        assert data_span(conn) == (date(2018, 1, 1), date(2021, 1, 9))
        assert data_span(conn, EventFilter(include_negated=True)) == (date(2017, 5, 3), date(2026, 2, 1))
        assert data_span(conn, replace(EventFilter(), outlets={"Nobody"})) is None
    finally:
        store.close()


def test_camps_without_betweenness_are_the_networks_camps(conn):
    events = window_events(conn, EventFilter(), [FEB, MAR])
    for window in (FEB, MAR):
        found = network_grouping(conn, EventFilter(), window, events=events)
        net = build_network(conn, replace(EventFilter(), since=window.start, until=window.end), half_life_days=None)
        assert found.groups == {n.id: n.camp for n in net.nodes}
        assert found.labels == {c.id: c.label for c in net.camps}
        assert found.activity == {n.id: n.events for n in net.nodes}
        assert len(found.groups) >= 4


def test_coalitions_from_shared_statements_are_the_discourse_coalitions(conn):
    statements = span_statements(conn, [FEB, MAR])
    for window in (FEB, MAR):
        found = discourse_grouping(conn, window, statements=statements)
        alone = discourse_grouping(conn, window)
        full = discourse(conn, since=window.start, until=window.end)
        assert found == alone
        assert found.groups == {m: c.id for c in full.coalitions for m in c.members}
        assert found.labels == {c.id: c.label for c in full.coalitions}
        activity: Counter[str] = Counter()
        for edge in full.affiliation:
            activity[edge.actor] += edge.agree + edge.disagree
        assert found.activity == dict(activity)
        assert found.groups


def test_listed_claims_carry_their_sentence(conn):
    claims = compare(conn, FEB, MAR)["claims"]
    listed = [v for c in claims["changed"] for v in c["series"]] + [v for d in claims["disputed"] for v in d["values"]]
    assert listed
    for value in listed:
        assert value["number"] in value["text"] and value["text"].startswith("The ")
        assert value["text"].endswith(".")


def _ties_pair_by_pair(statements, how: str) -> dict[tuple[str, str], tuple[int, int, float, float]]:
    """DNA's ties by intersecting every pair's (concept, agreement) sets."""
    held: dict[str, set[tuple[str, bool]]] = {}
    for s in statements:
        held.setdefault(s.actor, set()).add((s.concept, s.agree))
    out = {}
    for a in sorted(held):
        for b in sorted(held):
            sa, sb = held[a], held[b]
            if a >= b or not {c for c, _ in sa} & {c for c, _ in sb}:
                continue
            raw = (len(sa & sb), sum(1 for c, q in sa if (c, not q) in sb))
            if how == "average":
                den = (len({c for c, _ in sa}) + len({c for c, _ in sb})) / 2
            elif how == "jaccard":
                den = None
            elif how == "cosine":
                den = math.sqrt(len(sa) * len(sb))
            norm = [
                float(r) if r == 0 or how == "no" else round(r / (den if den is not None else len(sa) + len(sb) - r), 6)
                for r in raw
            ]
            out[(a, b)] = (*raw, *norm)
    return out


def test_actor_ties_counted_concept_by_concept_match_pair_by_pair():
    rng = random.Random(5)
    statements = [
        Statement(i, f"d{i % 7}", f"actor{rng.randrange(12)}", f"concept{rng.randrange(6)}", rng.random() < 0.6, None)
        for i in range(160)
    ]
    for how in ("average", "jaccard", "cosine", "no"):
        found = {
            (t.a, t.b): (t.congruence_raw, t.conflict_raw, t.congruence, t.conflict)
            for t in actor_ties(statements, how)
        }
        assert found == _ties_pair_by_pair(statements, how)
        assert any(v[1] for v in found.values()) and any(v[0] for v in found.values())


def test_a_version_11_store_gets_the_statement_index_and_the_report_reads_it_alone(tmp_path):
    store, _ = make_store(tmp_path / "s", february() + march())
    before = span_statements(store.conn, [FEB, MAR])
    store.conn.execute("DROP INDEX stances_doc_statement")
    store.conn.execute("PRAGMA user_version = 11")
    store.close()
    assert available()[11][1].startswith("0012")
    migrated = open_store(tmp_path / "s")
    try:
        assert current_version(migrated.conn) == len(available())
        seen: list[str] = []
        migrated.conn.set_trace_callback(seen.append)
        assert span_statements(migrated.conn, [FEB, MAR]) == before
        migrated.conn.set_trace_callback(None)
        (sql,) = [s for s in seen if "FROM stances" in s]
        plan = " ".join(r[3] for r in migrated.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "COVERING INDEX stances_doc_statement" in plan
        assert all(s.evidence == "" for s in before) and len(before) >= 8
    finally:
        migrated.close()


def test_a_kept_window_memo_gives_the_report_computed_afresh(conn):
    weeks = plan_windows(conn, by="week")
    assert len(weeks) >= 4
    afresh = changes_report(conn, weeks, memo=WindowMemo(capacity=0))  # nothing kept
    memo = WindowMemo()
    assert changes_report(conn, weeks, memo=memo) == afresh
    kept = len(memo)
    assert kept >= 5 * len(weeks)  # events, statements, claims, camps, coalitions of every week
    assert changes_report(conn, weeks, memo=memo) == afresh  # from what was kept
    assert len(memo) == kept
    months = [compare(conn, FEB, MAR, memo=memo), compare(conn, FEB, MAR, memo=memo)]
    assert months[0] == months[1] == compare(conn, FEB, MAR, memo=WindowMemo(capacity=0))
    overlapping = periods.span("2019-02-15..2019-03-31")  # read together, not per window
    assert compare(conn, FEB, overlapping, memo=memo) == compare(conn, FEB, overlapping, memo=WindowMemo(capacity=0))


def test_the_window_memo_drops_the_least_recently_used_rows_first():
    memo = WindowMemo(capacity=5)
    built: list[str] = []

    def build(name: str, rows: int):
        return lambda: built.append(name) or list(range(rows))

    memo.get(("a",), build("a", 2))
    memo.get(("b",), build("b", 2))
    memo.get(("a",), build("a", 2))  # kept; now the most recently used
    memo.get(("c",), build("c", 2))  # 6 rows > 5: b goes
    memo.get(("a",), build("a", 2))
    memo.get(("b",), build("b", 2))
    memo.get(("big",), build("big", 9))  # larger than the memo: not kept
    memo.get(("big",), build("big", 9))
    assert built == ["a", "b", "c", "b", "big", "big"]
    assert len(memo) == 2


def test_the_api_keeps_one_window_memo_per_store_and_a_write_replaces_it(tmp_path):
    store, _ = make_store(tmp_path / "s", february() + march())
    client = TestClient(create_app(tmp_path / "s", allowed_hosts=["testserver"], warm=False))
    asked = client.get("/api/changes", params={"to": "2019-03"}).json()["comparisons"][0]
    conn = store.reader()
    memo = window_memo(conn)
    assert len(memo) >= 10 and window_memo(conn) is memo  # both months' rows and groupings, kept
    report("2019-03-20", 99).event("china", "usa", "061", 6.0).add_to(store)  # a write: a new state
    again = client.get("/api/changes", params={"to": "2019-03"}).json()["comparisons"][0]
    assert again["after"]["events"] == asked["after"]["events"] + 1
    assert again["before"] == asked["before"]
    fresh = window_memo(conn)
    assert fresh is not memo and len(fresh) >= 10
    conn.close()
    store.close()
