"""Quote and claim views: who quotes whom, top quotes, disagreeing claims, cited sources."""

from __future__ import annotations

import pytest

from powermap.analyse import communities
from powermap.analyse.claims import cited_sources, disagreeing_claims
from powermap.analyse.quoting import top_quotes, who_quotes_whom

from .analyse_fixtures import DocBuilder, make_store


@pytest.fixture()
def corpus(tmp_path):
    docs = [
        DocBuilder("2023-01-01", source="Outlet A")
        .quote("ivanov", "We keep our word.")
        .quote("ivanov", "Nothing changes.", kind="indirect")
        .claim(4.5, "percent", "Russian GDP growth", ["russia"], "2023", source="IMF")
        .claim(12.0, "count", "border posts", ["armenia"], "2023"),
        DocBuilder("2023-02-01", source="Outlet B")
        .quote("petrov", "The talks are over.")
        .quote("ivanov", "We wait.")
        .claim(3.0, "percent", "russian  gdp growth", ["russia"], "2023", source="Rosstat")
        .claim(12.05, "count", "border posts", ["armenia"], "2023"),
        DocBuilder("2023-03-01", source="Outlet B").claim(
            3.0, "percent", "Russian GDP growth", ["russia"], "2024", source="IMF"
        ),
    ]
    store, ids = make_store(tmp_path, docs)
    yield store, ids
    store.close()


def test_analyse_who_quotes_whom(corpus):
    store, _ = corpus
    links = {(link.outlet, link.speaker): (link.quotes, link.documents) for link in who_quotes_whom(store.reader())}
    assert links == {("Outlet A", "ivanov"): (2, 1), ("Outlet B", "petrov"): (1, 1), ("Outlet B", "ivanov"): (1, 1)}
    only = who_quotes_whom(store.reader(), actor=["petrov"])
    assert [(q.speaker_name, q.quotes) for q in only] == [("Oleg Petrov", 1)]


def test_analyse_top_quotes(corpus):
    store, _ = corpus
    quotes = top_quotes(store.reader(), limit=3)
    assert [q.text for q in quotes] == ["We wait.", "The talks are over.", "We keep our word."]


def test_analyse_disagreeing_claims(corpus):
    store, ids = corpus
    conflicts = disagreeing_claims(store.reader())
    assert len(conflicts) == 1  # 12 vs 12.05 is within 1 %; the 2024 claim is another period
    gdp = conflicts[0]
    assert (gdp.unit, gdp.subject, gdp.period, gdp.low, gdp.high) == ("percent", ["russia"], "2023", 3.0, 4.5)
    assert sorted(v.doc_id for v in gdp.values) == sorted(ids[:2])
    assert gdp.spread == pytest.approx(1.5 / 4.5, abs=1e-6)
    assert len(disagreeing_claims(store.reader(), tolerance=0.001)) == 2


def test_analyse_cited_sources(corpus):
    store, _ = corpus
    assert [(s.source, s.claims, s.documents) for s in cited_sources(store.reader())] == [
        ("IMF", 2, 2),
        ("Rosstat", 1, 1),
    ]


def test_analyse_signed_communities():
    edges = [("a", "b", 1.0), ("b", "c", 1.0), ("a", "c", 1.0), ("d", "e", 1.0), ("c", "d", -1.0)]
    groups = communities.signed_communities(list("abcde"), edges)
    assert groups["a"] == groups["b"] == groups["c"] == 0 and groups["d"] == groups["e"] == 1


def test_analyse_signed_communities_split_a_negative_tie():
    """Two rivals with one friend in common: Louvain on positive ties joins all three, the signed moves do not."""
    edges = [("a", "c", 1.0), ("b", "c", 1.0), ("a", "b", -3.0)]
    assert len(set(communities._louvain(list("abc"), edges, 1, 1.0).values())) == 1
    groups = communities.signed_communities(list("abc"), edges)
    assert groups["a"] != groups["b"]


def test_analyse_signed_communities_ignore_input_order():
    edges = [("a", "b", 2.0), ("b", "c", 1.0), ("c", "d", 2.0), ("d", "e", -1.0), ("e", "f", 2.0), ("a", "f", -2.0)]
    first = communities.signed_communities(list("abcdef"), edges, seed=3)
    again = communities.signed_communities(list("fedcba"), [(v, u, w) for u, v, w in reversed(edges)], seed=3)
    assert first == again
