"""The relation network: recency-weighted signed edges, camps and bridges, on a known corpus."""

from __future__ import annotations

from datetime import date

import pytest

from powermap.analyse.events import EventFilter
from powermap.analyse.network import build_network

from .analyse_fixtures import DocBuilder, make_store


@pytest.fixture()
def two_camps(tmp_path):
    docs = [
        DocBuilder("2022-01-01").event("russia", "armenia", "057", 5.0),
        DocBuilder("2023-01-01").event("armenia", "russia", "057", 5.0).event("russia", "china", "061", 6.0),
        DocBuilder("2023-01-01").event("china", "armenia", "057", 5.0).event("usa", "azerbaijan", "061", 6.0),
        DocBuilder("2023-01-01").event("russia", "usa", "173", -5.0).event("armenia", "azerbaijan", "190", -10.0),
        DocBuilder("2023-01-01").event("ivanov", "china", "042", 2.0).event("ivanov", "usa", "042", 2.0),
        DocBuilder("2023-01-01").event("sidorov", "ivanov", "042", None, modality="hypothetical"),
    ]
    store, _ids = make_store(tmp_path, docs)
    yield store
    store.close()


def test_analyse_network_recency_weights(two_camps):
    net = build_network(two_camps.reader(), half_life_days=365, reference=date(2023, 1, 1))
    edges = {(e.source, e.target): e for e in net.edges}
    ra = edges[("armenia", "russia")]
    assert ra.events == 2 and ra.documents == 2
    assert ra.weight == pytest.approx(0.5 + 0.5 * 0.5)  # Goldstein 5/10, the 2022 event a half-life older
    assert (ra.first, ra.last) == ("2022-01-01", "2023-01-01")
    assert edges[("armenia", "azerbaijan")].weight == pytest.approx(-1.0)
    assert edges[("armenia", "azerbaijan")].conflict == pytest.approx(1.0)
    assert net.reference == "2023-01-01"
    assert "sidorov" not in {n.id for n in net.nodes}  # a hypothetical event does not count
    flat = build_network(two_camps.reader(), half_life_days=None, weighting="count")
    assert {(e.source, e.target): e.weight for e in flat.edges}[("armenia", "russia")] == 2.0


def test_analyse_network_camps_and_bridges(two_camps):
    net = build_network(two_camps.reader())
    camp = {n.id: n.camp for n in net.nodes}
    assert camp["russia"] == camp["armenia"] == camp["china"]
    assert camp["usa"] == camp["azerbaijan"] != camp["russia"]
    nodes = {n.id: n for n in net.nodes}
    assert nodes["ivanov"].participation == pytest.approx(0.5)
    assert nodes["ivanov"].bridge and not nodes["armenia"].bridge
    assert nodes["russia"].degree == 3 and nodes["russia"].type == "state"
    largest = net.camps[0]
    assert largest.size == len(largest.members) >= 3 and "Russia" in largest.label
    assert net.camps[0].conflict_outside > 0


def test_analyse_network_filters(two_camps):
    conn = two_camps.reader()
    states = build_network(conn, EventFilter(actor_types=frozenset({"state"})))
    assert "ivanov" not in {n.id for n in states.nodes} and "russia" in {n.id for n in states.nodes}
    recent = build_network(conn, EventFilter(since=date(2022, 6, 1)))
    assert {(e.source, e.target): e.events for e in recent.edges}[("armenia", "russia")] == 1
    assert build_network(conn, EventFilter(outlets=frozenset({"Nobody"}))).edges == []
    graph = build_network(conn, directed=True).to_networkx()
    assert graph.has_edge("russia", "armenia") and graph.has_edge("armenia", "russia")
    assert graph.nodes["russia"]["label"] == "Russia"
