"""Actors of event arguments (issue 18, seventh pass), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from .actors_fixtures import mentions
from .actors_fixtures import parsed as parsed_text
from .test_events_roles import STATES, run

D = date(2024, 5, 1)


def test_institution_named_only_later_is_that_states_body(nl):
    text = "Zijn advocaten klaagden de douane aan. De Chileense douane zweeg."
    found = nl(text, D, doc=parsed_text("nl", text))
    assert sorted(mentions(found, "chilean_customs")) == ["De Chileense douane", "de douane"]


def test_events_a_region_whose_states_act_together_is_a_source():
    # Europa veroordeelde Polen .
    actors = {**STATES, "Europa": ("europe", "place")}
    found, _ = run([
        ("Europa", "Europa", "PROPN", "nsubj", 1), ("veroordeelde", "veroordelen", "VERB", "ROOT", 1),
        ("Polen", "Polen", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
    ], actors)  # fmt: skip
    assert found == [("europe", "polen", "111")]


def _last_pronoun(found, text: str, word: str = "hij") -> str | None:
    at = text.rindex(f" {word} ") + 1
    return found.resolve(at, at + len(word))


def test_pronoun_subject_follows_a_chain_of_pronoun_subjects_back(nl):
    text = "Jan de Wit opende het congres. Ook sprak hij met burgemeester Piet Smit. En hij vertrok daarna."
    found = nl(text, D, doc=parsed_text("nl", text))
    person = found.person_by_name("Jan de Wit")
    assert person is not None and _last_pronoun(found, text) == person.id


def test_pronoun_subject_reads_only_the_last_of_two_sentences_the_parse_ran_together(nl):
    text = (
        "Volgens de bond noemde Piet Smit het plan een 'gok' van de VS. Karel Verhoeven zegt dat hij de enige"
        " baas is. Zelf krijgt hij steun van de bond."
    )
    doc = parsed_text("nl", text)
    assert len(list(doc.sents)) == 2  # the parser runs the first two sentences together
    found = nl(text, D, doc=doc)
    person = found.person_by_name("Karel Verhoeven")
    assert person is not None and _last_pronoun(found, text) == person.id


def test_relational_group_with_an_owner_is_named_after_the_owner(nl, en):
    text = "Chili stemde. Chili won. Ook de buurlanden van Peru protesteerden."
    found = nl(text, D, doc=parsed_text("nl", text))
    groups = [a for a in found.actors.values() if a.type == "group"]
    assert [g.name for g in groups] == ["Peru's neighbouring countries"] and groups[0].country is None
    assert mentions(found, "peru") == ["Peru"]  # the owner stays a mention of its own
    text = "Chile voted. Chile won. The neighbouring countries of Peru protested."
    found = en(text, D, doc=parsed_text("en", text))
    assert [a.name for a in found.actors.values() if a.type == "group"] == ["Peru's neighbouring countries"]


def test_a_region_adjective_before_a_group_head_names_the_group_without_a_nationality(nl):
    text = "Chili stemde. Chili won. De Europese diplomaten zwegen."
    found = nl(text, D, doc=parsed_text("nl", text))
    groups = [a for a in found.actors.values() if a.type == "group"]
    assert [g.name for g in groups] == ["European diplomats"] and groups[0].country is None


def test_institution_coordinated_with_a_states_institution_is_that_states(nl):
    text = "Haar juristen klaagden de kustwacht en de nationale politie aan. De Chileense kustwacht zweeg."
    found = nl(text, D, doc=parsed_text("nl", text))
    assert mentions(found, "chilean_police") == ["de nationale politie"]
    assert found.actors["chilean_police"].country == "CHL"
