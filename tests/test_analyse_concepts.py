"""Concepts found by meaning: the label guard, grouping, labels, the concept file and the cache.

Mechanism tests use a toy embedder (each text's vector from the topic words it contains), so
they test grouping and labelling, not the model; ``test_concepts_by_meaning_across_languages``
runs the real multilingual-e5 model on phrases written for it.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from powermap.analyse.concept_file import ConceptFileError, read_concept_file
from powermap.analyse.concept_text import (
    event_code_names,
    is_event_code_name,
    is_fragment,
    is_position,
    stop_words,
    trim_fragment,
    words,
)
from powermap.analyse.concept_words import actor_position, bare_actor, is_clause, parts_of_speech
from powermap.analyse.concepts import ConceptStatement, group_statements
from powermap.analyse.embeddings import EmbeddingCache, e5_embed
from powermap.codebooks.cameo import cameo_codes

TOPICS = ("bridge", "brug", "tax", "belasting", "school", "vaccine")
SAME = {"brug": "bridge", "belasting": "tax"}  # the toy model's "translations"


def toy_embed(texts):
    """A vector per text: one axis per topic word it contains (a word and its translation share one)."""
    axes = sorted({SAME.get(t, t) for t in TOPICS})
    rows = []
    for text in texts:
        v = np.full(len(axes) + 1, 0.05)
        for word in text.lower().replace("-", " ").split():
            for topic in TOPICS:
                if word.startswith(topic):
                    v[axes.index(SAME.get(topic, topic))] += 1.0
        rows.append(v / np.linalg.norm(v))
    return np.asarray(rows, dtype=np.float32)


def statement(i, text, actor="a", agree=True, language="en", evidence=None, entities=()):
    evidence = evidence or f"Someone said something about {text} today."
    holder = actor.title()
    return ConceptStatement(i, f"doc{i % 3}", actor, text, evidence, agree, language, holder, frozenset(entities))


def test_concepts_guard_event_code_names():
    name = next(iter(cameo_codes().values())).name
    assert is_event_code_name(name) and is_event_code_name(name.upper())
    assert not is_position(name, "en")
    assert is_position("a new bridge over the river", "en")
    assert len(event_code_names()) > 100


@pytest.mark.parametrize(
    ("text", "language", "fragment"),
    [
        ("de bouw van een nieuwe brug in het", "nl", True),  # ends inside a phrase
        ("is een goed idee volgens", "nl", True),  # begins with a verb form
        ("dat hij op steun kan rekenen als", "nl", True),
        ("the plan that they would", "en", True),
        ("een tweede brug over de rivier", "nl", False),
        ("hun steun voor de nieuwe belasting", "nl", False),  # a possessive may open a phrase
        ("the new school tax", "en", False),
        ("one two three four five six seven eight nine", "en", True),  # too long to be a label
    ],
)
def test_concepts_guard_fragments(text, language, fragment):
    assert is_fragment(text, language) is fragment


def test_concepts_trim_fragment_keeps_the_phrase_inside():
    assert trim_fragment("de bouw van een nieuwe brug in het", "nl") == "de bouw van een nieuwe brug"
    assert trim_fragment("dat ze het", "nl") is None


def test_concepts_stop_words_come_from_spacy():
    from spacy.lang.nl.stop_words import STOP_WORDS

    assert stop_words("nl") == frozenset(w.casefold() for w in STOP_WORDS)
    assert "the" in stop_words("xx")  # a language spaCy lacks falls back to English


def test_concepts_group_by_meaning_and_label_with_characteristic_words(tmp_path):
    statements = [
        statement(1, "the new bridge over the river", "ann"),
        statement(2, "een nieuwe brug over de rivier", "bob", language="nl"),
        statement(3, "the bridge toll", "cy", agree=False),
        statement(4, "the new tax on sugar", "ann"),
        statement(5, "de belasting op suiker", "dan", language="nl"),
        statement(6, "make statement, not specified below", "eve", evidence="Eve wants more vaccine doses."),
        statement(7, "the vaccine doses for", "fay"),  # a fragment: the phrase inside stands for it
    ]
    found = group_statements(statements, embed=toy_embed, listed=[])
    groups = {frozenset(s.id for s in statements if found.of_statement[s.id] == c.label) for c in found.concepts}
    assert groups == {frozenset({1, 2, 3}), frozenset({4, 5}), frozenset({6, 7})}
    bridge = next(c for c in found.concepts if 1 in [s.id for s in statements if found.of_statement[s.id] == c.label])
    assert "bridge" in bridge.words and "brug" in bridge.words
    assert (bridge.statements, bridge.actors, bridge.agree, bridge.languages) == (3, 3, 2, ["en", "nl"])
    for c in found.concepts:  # stop words never label a concept; no label is a code name or a fragment
        assert not set(c.words) & (stop_words("en") | stop_words("nl"))
        assert not is_event_code_name(c.label) and not is_fragment(c.label.replace(",", ""), "en")


def test_concepts_names_keep_close_texts_apart():
    statements = [
        statement(1, "a tax on the school", entities={"north"}),
        statement(2, "a tax on the schools", entities={"north"}),
        statement(3, "a tax on school buses", entities={"south"}),
        statement(4, "the new bridge"),
        statement(5, "the vaccine"),
    ]
    found = group_statements(statements, embed=toy_embed, listed=[])
    assert found.of_statement[1] == found.of_statement[2] != found.of_statement[3]


def test_concepts_listed_labels_and_pins(tmp_path):
    path = tmp_path / "concepts.yaml"
    path.write_text(
        "concepts:\n  - label: School reform\n    terms: [school reform, hervorming van de school]\n",
        encoding="utf-8",
    )
    statements = [
        statement(1, "Vaccine policy", "ann"),  # a listed label: stays in it
        statement(2, "the vaccine mandate", "bob"),
        statement(3, "the new school", "cy"),
        statement(4, "een betere school", "dan", language="nl"),
    ]
    found = group_statements(statements, read_concept_file(path), embed=toy_embed, listed=["Vaccine policy"])
    assert found.of_statement[1] == found.of_statement[2] == "Vaccine policy"
    assert found.of_statement[3] == found.of_statement[4] == "School reform"
    sources = {c.label: c.source for c in found.concepts}
    assert sources == {"Vaccine policy": "listed", "School reform": "pinned"}


def test_concepts_file_renames_merges_and_drops(tmp_path):
    statements = [
        statement(1, "the bridge toll", "ann"),
        statement(2, "the bridge toll again", "bob"),
        statement(3, "the tax on sugar", "cy"),
        statement(4, "the sugar tax", "dan"),
        statement(5, "the school vaccine", "eve"),
        statement(6, "the school vaccine plan", "fay"),
    ]
    proposed = group_statements(statements, embed=toy_embed, listed=[])
    bridge, tax, vaccine = (proposed.of_statement[i] for i in (1, 3, 5))
    path = tmp_path / "concepts.yaml"
    reversed_words = ", ".join(reversed(bridge.split(", ")))  # word order does not matter
    path.write_text(
        f'concepts:\n  - label: Public spending\n    merge: ["{reversed_words}", "{tax}"]\ndrop: ["{vaccine}"]\n',
        encoding="utf-8",
    )
    found = group_statements(statements, read_concept_file(path), embed=toy_embed, listed=[])
    assert found.of_statement == dict.fromkeys((1, 2, 3, 4), "Public spending")
    assert [(c.label, c.statements, c.source) for c in found.concepts] == [("Public spending", 4, "renamed")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("concepts:\n  - terms: [a]\n", "needs a 'label'"),
        ("concepts:\n  - label: X\n", "give 'terms'"),
        ("concepts:\n  - label: X\n    terms: [a]\n    colour: red\n", "unknown key"),
        ("concept: []\n", "unknown key"),
        ("concepts: {a: b}\n", "must be a list"),
        ("concepts: [\n", "concepts.yaml"),
    ],
)
def test_concepts_file_errors_name_the_problem(tmp_path, text, message):
    path = tmp_path / "concepts.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConceptFileError, match=message):
        read_concept_file(path)


def test_concepts_embedding_cache_embeds_each_text_once(tmp_path):
    calls: list[list[str]] = []

    def counting(texts):
        calls.append(list(texts))
        return toy_embed(texts)

    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    first = cache.embed(["the bridge", "the tax", "the bridge"], counting)
    cache.close()
    again = EmbeddingCache(tmp_path / "cache.sqlite")  # a new run reads the file

    def failing(texts):
        raise AssertionError(f"embedded again: {texts}")

    second = again.embed(["the tax", "the bridge"], failing)
    again.close()
    assert calls == [["the bridge", "the tax"]]
    assert np.allclose(first[1], second[0]) and np.allclose(first[0], first[2])


def test_concepts_by_meaning_across_languages():
    """The real model: a Dutch and an English wording of one position are one concept;
    positions on different things are not."""
    texts = [
        ("de bouw van een tweede brug over de Waal", "nl"),
        ("building a second bridge over the Waal", "en"),
        ("een hogere belasting op suikerhoudende dranken", "nl"),
        ("a higher tax on sugary drinks", "en"),
        ("verplichte vaccinatie van verpleegkundigen", "nl"),
        ("mandatory vaccination for nurses", "en"),
    ]
    statements = [statement(i, text, f"actor{i}", language=lang) for i, (text, lang) in enumerate(texts)]
    found = group_statements(statements, embed=e5_embed, listed=[])
    concept = found.of_statement
    assert concept[0] == concept[1] and concept[2] == concept[3] and concept[4] == concept[5]
    assert len({concept[0], concept[2], concept[4]}) == 3


def test_concepts_on_the_seed_corpus_are_positions(seed_store):
    """On the seed articles (read from ../shared, never copied): every concept a reader sees is
    a position, no event code name and no piece cut out of a clause."""
    import json

    from .conftest import SEED_FILES, run_cli

    if not SEED_FILES:
        pytest.skip("../shared/corpus is not here")
    result = run_cli(
        "concepts", "--propose", "--min-statements", "1", "--limit", "1000", "--json", "--store", str(seed_store)
    )
    assert result.returncode == 0, result.stderr
    concepts = json.loads(result.stdout)
    assert concepts
    for c in concepts:
        assert not is_event_code_name(c["label"])
        if c["source"] == "found":
            assert not is_fragment(c["label"].replace(",", " "), c["languages"][0]), c["label"]


def test_concepts_an_evidence_sentence_is_never_a_label():
    said = "The mayor said the new school will open in May."
    statements = [statement(1, "make statement, not specified below", "ann", evidence=said)]
    statements += [statement(i, f"the bridge toll number {i}", f"p{i}") for i in range(2, 5)]
    found = group_statements(statements, embed=toy_embed, listed=[])
    label = found.of_statement[1]
    assert label != said and not is_event_code_name(label)
    concept = next(c for c in found.concepts if c.label == label)
    assert concept.phrase is None and concept.examples == [said]


@pytest.mark.parametrize(
    ("text", "language", "position"),
    [
        ("mensen", "nl", False),  # one common word names nothing in particular
        ("mensen en geld", "nl", False),  # nothing but the commonest words
        ("people", "en", False),
        ("the time of the year", "en", False),
        ("klimaatbeleid", "nl", True),  # rarer words name a position
        ("tariffs", "en", True),
        ("economische samenwerking", "nl", True),  # one rarer word is enough in a phrase
        ("a second referendum", "en", True),
    ],
)
def test_concepts_guard_generic_words(text, language, position):
    assert is_position(text, language) is position


def test_concepts_a_common_word_naming_an_actor_stays_a_position():
    assert not is_position("america", "en")
    assert is_position("america", "en", names_actor=True)


def test_concepts_generic_text_stands_aside_for_its_evidence():
    said = "Ann wants the bridge toll scrapped."
    generic = ConceptStatement(1, "d", "ann", "people", said, True, "en", "Ann")
    assert generic.about == said and not generic.names_position
    named = ConceptStatement(2, "d", "ann", "america", said, True, "en", "Ann", text_entities=frozenset({"usa"}))
    assert named.about == "america" and named.names_position


def test_concepts_common_words_label_a_group_only_after_rarer_ones():
    from powermap.analyse.concept_words import characteristic_words as _characteristic_words

    top = _characteristic_words({0: ["people want the toll", "people hate the toll"], 1: ["a new school"]}, frozenset())
    assert top[0].index("toll") < top[0].index("people")


def test_concepts_a_shared_rare_word_draws_a_text_to_a_group():
    """Two phrases a little below the threshold join when they share a rare word (a name of the
    position), and stay apart when they do not."""
    from collections import Counter

    from powermap.analyse.concepts import _cluster

    angle = np.arccos(0.45)  # cosine 0.45: under the 0.5 threshold, within the bonus of it
    vectors = {
        "an orderly exit": np.array([1.0, 0.0], dtype=np.float32),
        "the exit deal": np.array([np.cos(angle), np.sin(angle)], dtype=np.float32),
    }
    order = list(vectors)
    weight = Counter(order)
    apart = _cluster(order, weight, vectors, [], 0.5)
    assert apart["an orderly exit"] != apart["the exit deal"]
    shared = {"an orderly exit": {"exit"}, "the exit deal": {"exit"}}
    together = _cluster(order, weight, vectors, [], 0.5, keywords=shared)
    assert together["an orderly exit"] == together["the exit deal"]


def test_concepts_the_word_most_texts_share_leads_the_label():
    from powermap.analyse.concept_words import characteristic_words as _characteristic_words

    groups = {0: ["a toll on the bridge", "the bridge toll", "a bridge for bikes"], 1: ["bridge repairs"] * 5}
    top = _characteristic_words(groups, stop_words("en"))
    assert top[0][0] == "bridge"  # common in the other group too, but held by every text of this one


def _tagged_words(text, language):
    from powermap.annotate.registry import get_annotator

    return {t.text.casefold(): t.pos_ for t in get_annotator(language)(text)}


def test_concepts_labels_are_noun_phrase_words_never_verbs_or_clauses():
    """Groups whose texts mix verbs and adverbs with nouns are labelled by the nouns; a phrase
    holding a verb (a clause) never stands as a label; no label is a fragment or verb-only."""
    rows = [
        ("closing the village school quickly", "The mayor wants to be closing the village school quickly, he said."),
        ("quickly closing schools", "Parents fear the council is quickly closing schools in the valley."),
        ("build a bridge", "The minister promised to build a bridge over the river."),
        ("de brug snel afbreken", "De wethouder wil de brug snel afbreken, zei hij gisteren."),
        ("snel afbreken van bruggen", "Bewoners vrezen dat de gemeente het snel afbreken van bruggen doorzet."),
        ("vaccine for everyone", "The doctors asked for a vaccine for everyone in the town."),
    ]
    statements = [
        statement(i, text, actor=f"a{i}", language="nl" if text[0] in "ds" else "en", evidence=evidence)
        for i, (text, evidence) in enumerate(rows)
    ]
    concepts = group_statements(statements, embed=toy_embed, listed=[]).concepts
    tags = {}
    for (_, evidence), s in zip(rows, statements, strict=True):
        tags.update(_tagged_words(evidence, s.language))
    assert concepts
    for concept in concepts:
        label_words = [w for w in words(concept.label) if w not in stop_words("en") | stop_words("nl")]
        assert label_words, concept.label
        assert not is_fragment(concept.label.replace(",", ""), "en"), concept.label
        assert not any(tags.get(w) in {"VERB", "AUX", "ADV"} for w in label_words), concept.label
    labels = {c.label for c in concepts}
    assert "build a bridge" not in labels and "de brug snel afbreken" not in labels
    assert any("school" in label or "schools" in label for label in labels)


def test_concepts_a_stance_on_an_actor_alone_is_for_or_against_it():
    """A concept text that is an actor's name and nothing else becomes *for/against <name>*, one
    concept in both languages; a phrase about the actor stays a phrase."""
    surfaces = {"freedonia": {"fd"}, "de regering van freedonia": {"fd_gov"}, "sylvania": {"sy"}}
    assert bare_actor("Freedonia", "en", surfaces) == "fd"
    assert bare_actor("het Freedonia", "nl", surfaces) == "fd"
    assert bare_actor("sanctions against Freedonia", "en", surfaces) is None
    assert bare_actor("Freedonia and Sylvania", "en", surfaces) is None
    statements = [
        dataclasses.replace(statement(1, "Freedonia", actor="x", language="en"), on_actor="Freedonia"),
        dataclasses.replace(statement(2, "freedonia", actor="y", language="nl", agree=False), on_actor="Freedonia"),
        statement(3, "a new tax on Freedonia", actor="z"),
    ]
    concepts = {c.label: c for c in group_statements(statements, embed=toy_embed, listed=[]).concepts}
    on_actor = concepts[actor_position("Freedonia")]
    assert on_actor.statements == 2 and on_actor.source == "actor" and on_actor.languages == ["en", "nl"]


def test_concepts_an_actor_named_alone_joins_a_given_concept_close_to_its_name():
    """A stance naming an actor alone goes to a listed concept close in meaning to that name
    (as before), not to a concept *for/against <actor>* of its own."""
    bridge = dataclasses.replace(statement(1, "Bridgeland", actor="x"), on_actor="Bridgeland")
    other = dataclasses.replace(statement(2, "Freedonia", actor="y"), on_actor="Freedonia")
    concepts = {
        c.label: c for c in group_statements([bridge, other], embed=toy_embed, listed=["a new bridge"]).concepts
    }
    assert concepts["a new bridge"].statements == 1
    assert actor_position("Bridgeland") not in concepts and actor_position("Freedonia") in concepts


def test_concepts_file_renames_a_for_or_against_concept(tmp_path):
    path = tmp_path / "concepts.yaml"
    path.write_text('concepts:\n  - label: Freedonia and its government\n    rename: "for/against Freedonia"\n')
    named = dataclasses.replace(statement(1, "Freedonia", actor="x"), on_actor="Freedonia")
    grouping = group_statements([named], concept_file=read_concept_file(path), embed=toy_embed, listed=[])
    assert [c.label for c in grouping.concepts] == ["Freedonia and its government"]


def test_concepts_what_is_left_of_a_clause_is_no_label():
    """A subject and an object whose verb was cut away (*de gemeente geen geld*) are no position;
    a noun phrase with a preposition inside (*geld voor de haven*) is one."""
    evidence = [
        ("De wethouder zei dat de gemeente geen geld voor de haven zal geven.", "nl"),
        ("The mayor said the council would give the harbour no money this year.", "en"),
    ]
    pos = parts_of_speech(evidence)
    assert is_clause("de gemeente geen geld", pos)
    assert is_clause("the harbour no money", pos)
    assert not is_clause("geld voor de haven", pos)
    assert not is_clause("money for the harbour", pos)
