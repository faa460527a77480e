"""GEXF and GraphML exports read back with networkx and compared."""

from __future__ import annotations

import networkx as nx
import pytest

from powermap.analyse.discourse import discourse
from powermap.analyse.network import build_network
from powermap.serve.export.gexf import write_gexf
from powermap.serve.export.graphml import write_graphml

from .analyse_fixtures import make_store, sample_docs


@pytest.fixture()
def store(tmp_path):
    store, _ = make_store(tmp_path / "store", sample_docs())
    yield store
    store.close()


@pytest.mark.parametrize(("write", "read"), [(write_gexf, nx.read_gexf), (write_graphml, nx.read_graphml)])
def test_export_network_round_trip(store, tmp_path, write, read):
    net = build_network(store.reader())
    graph = net.to_networkx()
    back = read(write(graph, tmp_path / f"net.{write.__name__}"))
    assert set(back.nodes) == set(graph.nodes) == {"russia", "armenia", "azerbaijan", "usa", "china"}
    assert back.number_of_edges() == graph.number_of_edges() == len(net.edges) == 5
    for u, v, data in graph.edges(data=True):
        assert back.edges[u, v]["weight"] == pytest.approx(data["weight"])
        assert back.edges[u, v]["events"] == data["events"]
        assert back.edges[u, v]["first"] == data["first"]
    for node, data in graph.nodes(data=True):
        assert back.nodes[node]["camp"] == data["camp"]
        assert back.nodes[node]["bridge"] == data["bridge"]
        assert back.nodes[node]["code"] == data["code"]


@pytest.mark.parametrize(("write", "read"), [(write_gexf, nx.read_gexf), (write_graphml, nx.read_graphml)])
def test_export_discourse_round_trip(store, tmp_path, write, read):
    result = discourse(store.reader())
    graph = result.to_networkx()
    back = read(write(graph, tmp_path / "discourse.graph"))
    assert set(back.nodes) == {"ivanov", "petrov"}
    edge = back.edges["ivanov", "petrov"]
    assert (edge["conflict_raw"], edge["congruence_raw"]) == (2, 0)
    assert edge["weight"] == pytest.approx(-1.0)  # two conflicts over two concepts each (average activity)
    assert back.nodes["ivanov"]["label"] == "Pavel Ivanov"
