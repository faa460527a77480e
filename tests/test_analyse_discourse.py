"""DNA discourse networks: affiliation, congruence/conflict with normalisations, coalitions."""

from __future__ import annotations

import pytest

from powermap.analyse.discourse import actor_ties, affiliation, discourse, load_statements, read_concepts

from .analyse_fixtures import DocBuilder, make_store


@pytest.fixture()
def abc(tmp_path):
    """ivanov: +c1 +c2 (twice); petrov: +c1 -c2; sidorov: -c2."""
    docs = [
        DocBuilder("2023-01-01").stance("ivanov", "concept one", True).stance("ivanov", "concept two", True),
        DocBuilder("2023-02-01").stance("ivanov", "concept two", True).stance("petrov", "concept one", True),
        DocBuilder("2023-03-01").stance("petrov", "concept two", False).stance("sidorov", "concept two", False),
    ]
    store, _ = make_store(tmp_path, docs)
    yield store
    store.close()


def _ties(statements, how):
    return {(t.a, t.b): t for t in actor_ties(statements, how)}


def test_analyse_discourse_affiliation(abc):
    statements = load_statements(abc.reader())
    assert len(statements) == 6
    edges = {(e.actor, e.concept): e for e in affiliation(statements)}
    assert (edges[("ivanov", "concept two")].agree, edges[("ivanov", "concept two")].weight) == (2, 2)
    assert edges[("petrov", "concept two")].combine == 2 and edges[("petrov", "concept one")].combine == 1


@pytest.mark.parametrize(
    ("how", "ip", "ps", "is_"),
    [
        # (congruence, conflict) for ivanov-petrov, petrov-sidorov, ivanov-sidorov
        ("no", (1, 1), (1, 0), (0, 1)),
        ("average", (0.5, 0.5), (2 / 3, 0), (0, 2 / 3)),
        ("jaccard", (1 / 3, 1 / 3), (0.5, 0), (0, 0.5)),
        ("cosine", (0.5, 0.5), (2**-0.5, 0), (0, 2**-0.5)),
    ],
)
def test_analyse_discourse_normalisations(abc, how, ip, ps, is_):
    ties = _ties(load_statements(abc.reader()), how)
    for pair, (cong, conf) in ((("ivanov", "petrov"), ip), (("petrov", "sidorov"), ps), (("ivanov", "sidorov"), is_)):
        assert ties[pair].congruence == pytest.approx(cong, abs=1e-6)
        assert ties[pair].conflict == pytest.approx(conf, abs=1e-6)
        assert ties[pair].subtract == pytest.approx(cong - conf, abs=1e-6)


def test_analyse_discourse_coalitions(tmp_path):
    docs = []
    for hawk in ("ivanov", "petrov"):
        docs.append(
            DocBuilder("2024-01-01")
            .stance(hawk, "rapprochement with the West", False)
            .stance(hawk, "alliance with China", True)
        )
    for dove in ("sidorov", "orlova"):
        docs.append(
            DocBuilder("2024-02-01")
            .stance(dove, "rapprochement with the West", True)
            .stance(dove, "alliance with China", False)
        )
    store, _ = make_store(tmp_path, docs)
    result = discourse(store.reader())
    groups = sorted(sorted(c.members) for c in result.coalitions)
    assert groups == [["ivanov", "petrov"], ["orlova", "sidorov"]]
    hawks = next(c for c in result.coalitions if "ivanov" in c.members)
    assert hawks.positions == {"alliance with China": 1.0, "rapprochement with the West": 0.0}
    store.close()


def test_analyse_discourse_concepts_file(abc, tmp_path):
    path = tmp_path / "concepts.tsv"
    path.write_text("# test concepts\nconcept one\tFirst concept\n", encoding="utf-8")
    mapping = read_concepts(path)
    statements = load_statements(abc.reader(), mapping)
    assert {s.concept for s in statements} == {"First concept"} and len(statements) == 2
