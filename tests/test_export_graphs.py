"""GEXF 1.3 and GraphML exports: read back with networkx, GEXF checked against the 1.3 specification."""

from __future__ import annotations

import networkx as nx
import pytest

from powermap.analyse.discourse import discourse
from powermap.analyse.network import build_network
from powermap.serve.export.gexf import NEGATIVE, POSITIVE, write_gexf
from powermap.serve.export.graphml import write_graphml

from .analyse_fixtures import make_store, sample_docs
from .gexf_spec import GEXF, VIZ, problems


@pytest.fixture()
def store(tmp_path):
    store, _ = make_store(tmp_path / "store", sample_docs())
    yield store
    store.close()


def test_export_network_graphml_round_trip(store, tmp_path):
    net = build_network(store.reader())
    graph = net.to_networkx()
    back = nx.read_graphml(write_graphml(graph, tmp_path / "net.graphml"))
    assert set(back.nodes) == set(graph.nodes) == {"russia", "armenia", "azerbaijan", "usa", "china"}
    assert back.number_of_edges() == len(net.edges) == 5
    for u, v, data in graph.edges(data=True):
        assert back.edges[u, v]["weight"] == pytest.approx(data["weight"])
        assert back.edges[u, v]["first"] == data["first"]
    for node, data in graph.nodes(data=True):
        assert (back.nodes[node]["camp"], back.nodes[node]["code"]) == (data["camp"], data["code"])


def test_export_network_gexf_13_with_a_drawing(store, tmp_path):
    net = build_network(store.reader())
    graph = net.to_networkx()
    path = write_gexf(graph, tmp_path / "net.gexf")
    assert problems(path) == []
    back = nx.read_gexf(path)
    assert set(back.nodes) == set(graph.nodes) and back.number_of_edges() == 5
    edge_colours = _edge_colours(path)  # networkx does not read an edge's viz
    for u, v, data in graph.edges(data=True):
        edge = back.edges[u, v]
        assert edge["weight"] == pytest.approx(abs(data["weight"]))  # layouts need |weight|
        assert edge["signed_weight"] == pytest.approx(data["weight"])
        colour = edge_colours.get((u, v), edge_colours.get((v, u)))
        assert colour == (POSITIVE if data["weight"] > 0 else NEGATIVE)
        assert edge["events"] == data["events"] and edge["first"] == data["first"]
    colours = {}
    for node, data in graph.nodes(data=True):
        viz = back.nodes[node]["viz"]
        assert back.nodes[node]["camp"] == data["camp"] and back.nodes[node]["code"] == data["code"]
        assert viz["size"] > 0 and {"x", "y"} <= set(viz["position"])
        colours.setdefault(data["camp"], set()).add(tuple(viz["color"][c] for c in "rgb"))
    assert all(len(c) == 1 for c in colours.values())  # one colour per camp
    assert len(set().union(*colours.values())) == len(colours)  # different camps, different colours
    strongest = max(graph.nodes, key=lambda n: sum(abs(d["weight"]) for *_, d in graph.edges(n, data=True)))
    assert back.nodes[strongest]["viz"]["size"] == max(d["viz"]["size"] for _, d in back.nodes(data=True))


def _edge_colours(path):
    from lxml import etree

    edges = etree.parse(str(path)).getroot().iter(f"{{{GEXF}}}edge")
    return {
        (e.get("source"), e.get("target")): tuple(int(e.find(f"{{{VIZ}}}color").get(c)) for c in "rgb") for e in edges
    }


def test_export_gexf_layout_is_fixed_by_its_seed(store, tmp_path):
    graph = build_network(store.reader()).to_networkx()
    first = nx.read_gexf(write_gexf(graph, tmp_path / "a.gexf"))
    again = nx.read_gexf(write_gexf(graph, tmp_path / "b.gexf"))
    assert {n: d["viz"]["position"] for n, d in first.nodes(data=True)} == {
        n: d["viz"]["position"] for n, d in again.nodes(data=True)
    }


def test_export_gexf_drops_zero_edges_and_keeps_the_top_n():
    graph = nx.Graph()
    graph.add_node("a", label="A", camp=0)
    graph.add_node("b", label="B", camp=0)
    graph.add_node("c", label="C", camp=1)
    graph.add_node("d", label="D", camp=1)
    graph.add_edge("a", "b", weight=0.0)
    graph.add_edge("a", "c", weight=-3.0)
    graph.add_edge("b", "d", weight=1.0)
    graph.add_edge("c", "d", weight=2.0)
    from powermap.serve.export.gexf import drawable

    assert {tuple(sorted(e)) for e in drawable(graph).edges} == {("a", "c"), ("b", "d"), ("c", "d")}
    top = drawable(graph, top_edges=2)
    assert {tuple(sorted(e)) for e in top.edges} == {("a", "c"), ("c", "d")}  # |-3| and 2 beat 1
    assert set(top.nodes) == {"a", "c", "d"}


def test_export_discourse_gexf(store, tmp_path):
    result = discourse(store.reader())
    path = write_gexf(result.to_networkx(), tmp_path / "discourse.gexf")
    assert problems(path) == []
    back = nx.read_gexf(path)
    assert set(back.nodes) == {"ivanov", "petrov"}
    edge = back.edges["ivanov", "petrov"]
    assert (edge["conflict_raw"], edge["congruence_raw"]) == (2, 0)
    assert edge["signed_weight"] == pytest.approx(-1.0)  # two conflicts over two concepts each (average activity)
    assert back.nodes["ivanov"]["label"] == "Pavel Ivanov"


def test_gexf_check_finds_problems(tmp_path):
    bad = tmp_path / "bad.gexf"
    bad.write_text(
        '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3"><graph>'
        '<nodes><node id="a"><viz:color r="300" g="0" b="0"/></node></nodes>'
        '<edges><edge id="0" source="a" target="z" weight="heavy"/></edges></graph></gexf>',
        encoding="utf-8",
    )
    found = problems(bad)
    assert any("viz:color" in p for p in found) and any("not a node" in p for p in found)
    assert any("weight" in p for p in found)
