"""DNA discourse networks: affiliation, congruence/conflict with normalisations, coalitions."""

from __future__ import annotations

import pytest

from powermap.analyse.discourse import actor_ties, affiliation, discourse, load_statements, read_concepts
from powermap.records import Stance

from .analyse_fixtures import ACTORS, DocBuilder, make_store


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


def _position(doc: DocBuilder, actor: str, words: str, about: str, agree: bool) -> DocBuilder:
    """``actor`` takes a position on ``words`` naming the actor ``about`` (marked as a mention)."""
    before, _, after = words.partition("{}")
    start, end = doc._say((actor,), " backs " if agree else " rejects ", before, (about,), after, ".")
    concept = before + ACTORS[about][0] + after
    doc.stances.append(Stance(actor, concept, agree, doc.text[start:end], start, end))
    return doc


def test_analyse_discourse_camps_by_meaning_across_languages(tmp_path):
    """Two camps state opposite positions in different words and languages; grouped by
    meaning, the wordings become one concept each and the camps two coalitions."""
    camps = {"ivanov": True, "petrov": True, "sidorov": False, "orlova": False}
    us = ["toenadering tot de {}", "closer ties with the {}"]
    china = ["samenwerking met {}", "a partnership with {}"]
    docs = []
    for i, (actor, pro_us) in enumerate(camps.items()):
        doc = DocBuilder(f"2024-01-0{i + 1}", language=("nl", "en")[i % 2])  # one wording per language
        _position(doc, actor, us[i % 2], "usa", pro_us)
        _position(doc, actor, china[i % 2], "china", not pro_us)
        docs.append(doc)
    store, _ = make_store(tmp_path, docs)
    by_label = discourse(store.reader())
    assert not any(t.congruence_raw for t in by_label.ties)  # as extracted, no two actors share a concept
    result = discourse(store.reader(), meaning=True)
    assert len(result.concepts) == 2
    groups = sorted(sorted(c.members) for c in result.coalitions)
    assert groups == [["ivanov", "petrov"], ["orlova", "sidorov"]]
    for coalition in result.coalitions:
        assert len(coalition.agrees) == 1 and len(coalition.disagrees) == 1
        behind = coalition.statements[coalition.agrees[0]]
        assert {e.actor for e in behind} == set(coalition.members) and all(e.agree for e in behind)
        assert all(e.text.startswith(result.names[e.actor]) for e in behind)
    store.close()


def test_analyse_discourse_coalitions_stay_readable():
    """A uniform clique of 24 among 36 actors is one community at resolution 1; capped, no
    coalition holds a third of the actors."""
    from powermap.analyse.communities import capped_communities, signed_communities

    clique = [f"a{i:02d}" for i in range(24)]
    nodes = clique + [f"b{i:02d}" for i in range(12)]
    edges = [(u, v, 1.0) for i, u in enumerate(clique) for v in clique[i + 1 :]]
    plain = signed_communities(nodes, edges)
    assert max(list(plain.values()).count(g) for g in set(plain.values())) == 24
    capped = capped_communities(nodes, edges)
    sizes = [list(capped.values()).count(g) for g in set(capped.values())]
    assert max(sizes) < len(nodes) / 3 and sum(sizes) == 36
    assert capped == capped_communities(nodes, edges)  # deterministic


def test_analyse_discourse_a_lone_opponent_is_shown_against_the_coalition_it_opposes(tmp_path):
    """Two actors against a concept form a coalition; the one actor for it is a camp of one in
    conflict with them, shown beside it and named as its opponent; an actor without ties is not."""
    from powermap.analyse.discourse import readable

    docs = [DocBuilder("2024-03-01").stance(a, "a pact with the North", False) for a in ("petrov", "sidorov")]
    docs.append(DocBuilder("2024-03-02").stance("orlova", "a pact with the North", True))
    docs.append(DocBuilder("2024-03-03").stance("ivanov", "a tax on bridges", True))
    store, _ = make_store(tmp_path, docs)
    result = discourse(store.reader())
    pair = next(c for c in result.coalitions if sorted(c.members) == ["petrov", "sidorov"])
    alone = next(c for c in result.coalitions if c.members == ["orlova"])
    assert pair.opposes == [alone.id] and alone.opposes == [pair.id]
    shown = readable(result.coalitions)
    assert [c.members for c in shown] == [pair.members, ["orlova"]]  # ivanov has no tie: left out
    store.close()


def test_analyse_discourse_an_actor_with_only_conflicts_joins_no_coalition():
    from powermap.analyse.communities import signed_communities

    # two camps in conflict with each other; "loner" disagrees a little with a member of camp a
    # and much with an outsider: sharing camp a's many conflicts is no reason to join it
    camp_a, camp_b = ["a1", "a2", "a3"], ["b1", "b2", "b3"]
    edges = [(u, v, 1.0) for camp in (camp_a, camp_b) for u in camp for v in camp if u < v]
    edges += [(a, b, -1.0) for a in camp_a for b in camp_b]
    edges += [("loner", "a1", -0.2), ("loner", "outsider", -1.0)]
    groups = signed_communities([*camp_a, *camp_b, "loner", "outsider"], edges)
    assert len({groups[n] for n in camp_a}) == 1 and len({groups[n] for n in camp_b}) == 1
    assert [n for n in groups if groups[n] == groups["loner"]] == ["loner"]
