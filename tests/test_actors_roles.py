"""Role phrases whose holder is unknown, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from .actors_fixtures import mentions, parsed

D = date(2024, 5, 1)


def test_roles_unknown_holder_is_a_document_person_with_the_complement(nl, en):
    text = "Oslo riep de Peruaanse ambassadeur in Oslo op het matje."
    found = nl(text, D, doc=parsed("nl", text))
    assert mentions(found, "peruvian_ambassador") == ["de Peruaanse ambassadeur in Oslo"]
    assert found.actors["peruvian_ambassador"].type == "person"
    assert found.actors["peruvian_ambassador"].country == "PER"
    text = "Chile summoned the Peruvian ambassador to Chile on Monday."
    found = en(text, D, doc=parsed("en", text))
    assert mentions(found, "peruvian_ambassador") == ["the Peruvian ambassador to Chile"]
    assert "Chile" in mentions(found, "chile")  # the name inside the complement stays a mention


def test_roles_unknown_holder_joins_the_named_holder(en):
    text = "The Peruvian ambassador complained. Later, Peruvian Ambassador Ana Quispe Ruiz left Chile."
    found = en(text, D, doc=parsed("en", text))
    people = [a for a in found.actors.values() if a.type == "person"]
    assert len(people) == 1 and "The Peruvian ambassador" in people[0].mentions.values()


def test_roles_a_predicate_or_a_title_is_no_person(en):
    text = "She once served as the Peruvian ambassador. Peruvian Ambassador to Chile Ana Quispe Ruiz spoke."
    found = en(text, D, doc=parsed("en", text))
    assert "peruvian_ambassador" not in found.actors


def test_institution_without_a_state_takes_up_the_one_named_or_the_dominant_state(nl):
    text = "De Chileense douane hield hem vast. Zijn advocaten klaagden de douane aan."
    found = nl(text, D, doc=parsed("nl", text))
    assert mentions(found, "chilean_customs") == ["De Chileense douane", "de douane"]
    text = "Chili stemde. Chili won. Het hooggerechtshof oordeelde anders. De ambassade in Lima zweeg."
    found = nl(text, D, doc=parsed("nl", text))
    assert mentions(found, "chilean_supreme_court") == ["Het hooggerechtshof"]
    assert "chilean_embassy" not in found.actors  # an embassy in a capital is another state's


def test_roles_title_with_a_place_complement_before_a_name(en):
    text = "Peruvian Ambassador to Chile Ana Quispe Ruiz said the talks failed."
    found = en(text, D, doc=parsed("en", text))
    person = [a for a in found.actors.values() if a.name == "Ana Quispe Ruiz"]
    assert person and list(person[0].mentions.values()) == ["Peruvian Ambassador to Chile Ana Quispe Ruiz"]
    assert "Chile" in mentions(found, "chile")


def test_regime_named_after_its_leader_is_the_leaders_state(nl, en):
    found = nl("Donald Trump sprak. Het Trump-regime viel. Het regime van president Donald Trump wankelde.", D)
    assert mentions(found, "united_states") == ["Het Trump-regime", "Het regime van president Donald Trump"]
    assert mentions(found, "donald_trump") == ["Donald Trump", "Donald Trump", "Trump"]
    found = en("Donald Trump spoke. The Trump administration said no.", D)
    assert mentions(found, "united_states") == ["The Trump administration"]


def test_person_nouns_of_news_descriptions_link_to_the_person(nl, en):
    found = nl("Carlos Mendes keerde terug naar Lima. De oppositievoorman riep op tot protest.", D)
    person = [a for a in found.actors.values() if a.name == "Carlos Mendes"]
    assert person and "De oppositievoorman" in person[0].mentions.values()
    found = en("Carlos Mendes returned to Lima. The warlord called for calm.", D)
    person = [a for a in found.actors.values() if a.name == "Carlos Mendes"]
    assert person and "The warlord" in person[0].mentions.values()


def test_role_of_a_state_is_its_holder(nl, en):
    found = nl("Volgens de president van de VS is het rapport goed.", date(2019, 5, 1))
    assert mentions(found, "donald_trump") == ["de president van de VS"]
    assert mentions(found, "united_states") == ["VS"]
    found = en("He met the president of the US Donald Trump.", date(2019, 5, 1))
    assert "the president of the US" not in mentions(found, "donald_trump")  # a title before the name
