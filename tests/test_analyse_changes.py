"""`changes` on a generated store whose true shifts are known: found, and noise not reported."""

from __future__ import annotations

from datetime import date

import pytest

from powermap.analyse import periods
from powermap.analyse.changes import ChangeOptions, compare, plan_windows
from powermap.analyse.changes_dyads import dyad_shifts
from powermap.analyse.dyads import dyad_trend
from powermap.analyse.events import EventFilter, load_events
from powermap.analyse.network import build_network
from powermap.analyse.periods import PeriodError, Window

from .analyse_fixtures import DocBuilder, make_store
from .changes_fixtures import february, march

FEB, MAR = periods.span("2019-02"), periods.span("2019-03")


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    store, _ = make_store(tmp_path_factory.mktemp("changes"), february() + march())
    yield store.reader()
    store.close()


@pytest.fixture(scope="module")
def result(conn):
    return compare(conn, FEB, MAR)


def test_changes_finds_the_true_shift_and_only_it(result):
    assert [(d["a"], d["b"]) for d in result["dyads"]] == [("armenia", "russia")]
    shift = result["dyads"][0]
    assert shift["significant"] and shift["direction"] == "toward conflict"
    assert shift["before"]["documents"] == shift["after"]["documents"] == 6
    assert shift["before"]["balance"] > 0.5 and shift["after"]["balance"] < -0.5 and shift["q"] <= 0.05
    assert result["dyads_significant"] == 1 and result["dyads_seen"] == 8
    assert result["dyads_tested"] == 4  # the pairs reported six times in each month


def test_changes_evidence_carries_the_change(result):
    evidence = result["dyads"][0]["evidence"]
    assert len(evidence["after"]) == 3 and all(e["quad_class"] == 4 for e in evidence["after"])
    assert all(e["document"]["published"].startswith("2019-03") for e in evidence["after"])
    assert len({e["document"]["doc_id"] for e in evidence["after"]}) == 3  # one per document
    assert all(e["quad_class"] in (1, 2) for e in evidence["before"])
    assert [q["speaker"] for q in evidence["quotes"]] == ["armenia"]
    assert "Russia" in evidence["quotes"][0]["text"]


def test_changes_noise_is_tested_but_not_reported(conn):
    events = load_events(conn, EventFilter(since=FEB.start, until=MAR.end)).events
    shifts, _ = dyad_shifts(events, FEB, MAR)
    by_pair = {(s.a, s.b): s for s in shifts}
    once, twice = by_pair[("china", "usa")], by_pair[("armenia", "china")]
    assert once.after.documents == 1 and not once.significant and abs(once.z) < 1 and not once.testable
    assert twice.before.documents == twice.after.documents == 1 and not twice.significant and not twice.testable
    assert not by_pair[("china", "russia")].significant  # stable
    shown = compare(conn, FEB, MAR, ChangeOptions(show_all=True, parts=("dyads",), limit=50))
    assert {(d["a"], d["b"]) for d in shown["dyads"]} >= {("china", "usa"), ("armenia", "china")}


def test_changes_one_report_with_many_events_counts_once(tmp_path):
    docs = [DocBuilder("2019-02-10").event("usa", "china", "057", 5.0)]
    loud = DocBuilder("2019-03-10")
    for _ in range(8):
        loud.event("usa", "china", "190", -10.0)
    store, _ = make_store(tmp_path, [*docs, loud])
    shifts, _ = dyad_shifts(load_events(store.reader()).events, FEB, MAR)
    assert shifts[0].after.events == 8 and shifts[0].after.documents == 1 and not shifts[0].significant
    store.close()


def test_changes_camps_stances_and_claims(result):
    moved = {m["actor"]: m for m in result["camps"]}
    assert set(moved) == {"armenia"}
    assert {x["actor"] for x in moved["armenia"]["left"]} == {"russia", "china"}
    assert {x["actor"] for x in moved["armenia"]["joined"]} == {"usa", "azerbaijan"}
    evidence = moved["armenia"]["evidence"]  # its new partners in March, then the old ones in February
    assert [e["document"]["published"][:7] for e in evidence] == ["2019-03"] * 3 + ["2019-02"] * 3
    assert {e["target"] for e in evidence[:3]} <= {"usa", "azerbaijan"}
    stances = {(s["actor"], s["concept"]): s for s in result["stances"]}
    assert stances[("petrov", "alliance with China")]["change"] == "reversed"
    assert stances[("ivanov", "sanctions")]["change"] == "appeared"
    assert stances[("ivanov", "trade")]["change"] == "vanished"
    assert ("sidorov", "sanctions") not in stances  # one document is not a stance change
    assert stances[("ivanov", "sanctions")]["evidence"][0]["text"].startswith("Pavel Ivanov supports")
    changed = result["claims"]["changed"]
    assert [(c["about"], c["from"]["value"], c["to"]["value"]) for c in changed] == [("trade share", 35.0, 33.0)]
    assert [v["as_of"] for v in changed[0]["series"]] == ["2018", "2019", "2019-03"]
    disputed = result["claims"]["disputed"]
    assert [(c["about"], c["as_of"]) for c in disputed] == [("GDP growth", "2019")]
    assert {v["source"]: v["value"] for v in disputed[0]["values"]} == {"Rosstat": 3.0, "IMF": 4.5}
    assert "4.5 percent" in disputed[0]["values"][1]["text"]  # the claim's sentence


def test_changes_history_is_not_news(conn, result):
    assert result["after"]["events"] == 6 * 6 + 2  # the 1969 clash is in no window
    net = build_network(conn, EventFilter())
    assert net.params["historical_left_out"] == 1
    usa_russia = {(e.source, e.target): e for e in net.edges}[("russia", "usa")]
    assert usa_russia.first == "2019-02-11"
    with_history = build_network(conn, EventFilter(), include_history=True)
    assert {(e.source, e.target): e for e in with_history.edges}[("russia", "usa")].first == "1969-01-01"


def test_network_reference_is_asked_for_never_the_newest_document(conn):
    flat = build_network(conn, EventFilter())
    assert flat.reference is None and flat.half_life_days is None and flat.params["decay"] == "off"
    ra = {(e.source, e.target): e for e in flat.edges}[("armenia", "russia")]
    assert ra.cooperation == pytest.approx(6 * 0.5) and ra.conflict == pytest.approx(6 * 1.0)
    until = build_network(conn, EventFilter(until=date(2019, 3, 31)), half_life_days=30)
    assert until.reference == "2019-03-31" and until.half_life_days == 30
    chosen = build_network(conn, EventFilter(), half_life_days=30, reference=date(2020, 3, 31))
    older = {(e.source, e.target): e for e in chosen.edges}[("armenia", "russia")]
    assert chosen.reference == "2020-03-31" and older.conflict < 6 * 0.01


def test_dyad_trend_by_quarter(conn):
    trend = dyad_trend(conn, ["russia"], ["armenia"], by="quarter")
    assert [(p.period, p.events, p.material_conflict) for p in trend.points] == [("2019-Q1", 12, 6)]


def test_plan_windows_follow_the_data(conn):
    assert [w.label for w in plan_windows(conn, by="month")] == ["2019-02", "2019-03"]
    assert [w.label for w in plan_windows(conn, end="2019-03")] == ["2019-02", "2019-03"]
    weeks = plan_windows(conn, by="week")
    assert weeks[0].label == "2019-W07" and weeks[-1].label == "2019-W11"
    sliding = plan_windows(conn, days=14, step=7)
    assert sliding[-1].end == date(2019, 3, 16) and all(w.days == 14 for w in sliding)
    assert sliding[0].start <= date(2019, 2, 11)
    with pytest.raises(PeriodError):
        plan_windows(conn)
    with pytest.raises(PeriodError):
        plan_windows(conn, start="2019-04", end="2019-03")


def test_periods_labels_spans_and_windows():
    assert periods.span("2019-Q1") == Window("2019-Q1", date(2019, 1, 1), date(2019, 3, 31))
    assert periods.span("2019-W11") == Window("2019-W11", date(2019, 3, 11), date(2019, 3, 17))
    assert periods.span("2019-02").end == date(2019, 2, 28) and periods.span("2020-02").end == date(2020, 2, 29)
    assert periods.span("2019-03-01..2019-03-10").days == 10
    assert periods.bucket(date(2019, 11, 5), "quarter") == "2019-Q4"
    assert periods.labels(date(2019, 2, 1), date(2019, 8, 1), "quarter") == ["2019-Q1", "2019-Q2", "2019-Q3"]
    assert periods.previous(periods.span("2019-Q1"), "quarter").label == "2018-Q4"
    assert periods.previous(periods.span("2019-W01"), "week").label == "2018-W52"
    assert periods.previous(periods.span("2019-03-11..2019-03-20")).label == "2019-03-01..2019-03-10"
    assert periods.granularity_of("2019-W03") == "week" and periods.granularity_of("2019") == "year"
    for bad in ("2019-13", "2019-Q5", "March", "2019-03-10..2019-03-01", "2019-W60"):
        with pytest.raises(PeriodError):
            periods.span(bad)
    with pytest.raises(PeriodError):
        periods.sliding(date(2019, 1, 1), date(2019, 2, 1), 0, 1)


def test_camp_move_needs_the_actors_own_ties_to_move():
    from powermap.analyse.changes_camps import Grouping, moves

    labels = {0: "A camp", 1: "B camp"}
    activity = dict.fromkeys(("x", "a1", "a2", "b1", "b2"), 5)
    before = Grouping({"x": 0, "a1": 0, "a2": 0, "b1": 1, "b2": 1}, labels, activity, {"x": {"a1": 1.0}})
    # the partition puts x with the b's, but x's ties still lie with the a's: no move
    reshuffled = Grouping({"x": 1, "a1": 0, "a2": 0, "b1": 1, "b2": 1}, labels, activity, {"x": {"a1": 0.5}})
    assert moves(before, reshuffled, {}) == []
    moved = Grouping({"x": 1, "a1": 0, "a2": 0, "b1": 1, "b2": 1}, labels, activity, {"x": {"a1": -1.0, "b1": 1.0}})
    [move] = moves(before, moved, {})
    assert move["actor"] == "x" and [p["actor"] for p in move["joined"]] == ["b1", "b2"]
    assert moves(before, moved, {}, min_activity=6) == []


def test_no_period_labels_when_the_first_day_is_after_the_last():
    from datetime import date

    assert periods.labels(date(2026, 3, 1), date(2025, 1, 1), "month") == []
    assert periods.labels(date(2025, 1, 30), date(2025, 2, 2), "month") == ["2025-01", "2025-02"]
