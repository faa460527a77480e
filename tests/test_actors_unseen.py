"""Rules added for actors on unseen news (issue 17), each on a sentence written for the test."""

from __future__ import annotations

from datetime import date

from powermap.extract.actors.candidates import capitalised_runs
from powermap.extract.actors.lexicon import lexicon

from .actors_fixtures import mentions
from .test_actors_linking import _with_ents

DAY = date(2024, 5, 1)


def test_an_abbreviated_state_before_a_role_and_a_name_is_a_mention_of_its_own(en):
    text = "The deal was signed by US Secretary of State Antony Blinken in Oslo."
    doc = _with_ents(text, [("US", "GPE"), ("Antony Blinken", "PERSON")], "en")
    found = en(text, DAY, doc)
    assert mentions(found, "united_states") == ["US"]
    assert mentions(found, "antony_blinken") == ["Secretary of State Antony Blinken"]


def test_a_possessive_state_before_a_role_and_a_name_is_a_mention_of_its_own(en):
    text = "France's President Emmanuel Macron arrived late."
    found = en(text, DAY)
    assert mentions(found, "france") == ["France"]
    assert mentions(found, "emmanuel_macron") == ["President Emmanuel Macron"]


def test_a_state_adjective_before_a_role_stays_in_the_persons_mention(en):
    found = en("The French President Emmanuel Macron arrived late.", DAY)
    assert "france" not in found.actors
    assert mentions(found, "emmanuel_macron") == ["The French President Emmanuel Macron"]


def test_a_surname_in_a_headline_joins_the_person_named_in_full_later(en):
    text = "Talks with Minister Okafor stall. On Monday, Minister Grace Okafor left the talks early."
    found = en(text, DAY)
    persons = [a for a in found.actors.values() if a.type == "person"]
    assert [p.name for p in persons] == ["Grace Okafor"]
    assert len(persons[0].mentions) == 2


def test_a_fuller_name_with_a_middle_name_is_the_same_person(en):
    text = "Tomasz Wieslaw Brandt was born in Gdansk. Tomasz Brandt later led the union."
    doc = _with_ents(text, [("Tomasz Wieslaw Brandt", "PERSON"), ("Gdansk", "GPE"), ("Tomasz Brandt", "PERSON")], "en")
    found = en(text, DAY, doc)
    persons = [a for a in found.actors.values() if a.type == "person"]
    assert len(persons) == 1 and len(persons[0].mentions) == 2


def test_a_state_word_opening_an_organisation_entity_is_part_of_its_name(en):
    text = "The base is used by the US Coast Guard and the US Consulate, said Deutsche Post."
    doc = _with_ents(text, [("the US Coast Guard", "ORG"), ("the US Consulate", "ORG"), ("Deutsche Post", "ORG")], "en")
    found = en(text, DAY, doc)
    names = {a.name for a in found.actors.values()}
    assert {"US Coast Guard", "US Consulate", "Deutsche Post"} <= names
    assert "united_states" not in found.actors and "germany" not in found.actors


def test_a_state_before_a_role_noun_is_no_organisation_name(en):
    text = "US President Joe Biden spoke in Warsaw."
    doc = _with_ents(text, [("US President", "ORG"), ("Joe Biden", "PERSON"), ("Warsaw", "GPE")], "en")
    found = en(text, DAY, doc)
    assert "us_president" not in found.actors


def test_an_article_after_and_opens_a_second_name():
    runs = [c.text for c in capitalised_runs("He met the Coast Guard and the US Consulate.", lexicon("en"))]
    assert runs == ["Coast Guard", "US Consulate"]


def test_an_abbreviation_in_capitals_is_no_edge_word():
    runs = [c.text for c in capitalised_runs("It was built by the US Navy in May.", lexicon("en"))]
    assert "US Navy" in runs


def test_a_time_zone_is_no_actor(en):
    text = "The crash happened at 2140 GMT near Bristol."
    found = en(text, DAY, _with_ents(text, [("GMT", "ORG"), ("Bristol", "GPE")], "en"))
    assert "gmt" not in found.actors


def test_a_doctrine_is_no_actor(en):
    text = "Their aim was to end Peronism in the unions."
    found = en(text, DAY, _with_ents(text, [("Peronism", "ORG")], "en"))
    assert "peronism" not in found.actors


def test_a_battle_or_a_day_is_no_actor(nl):
    text = "Hij sprak over de Slag om Arnhem en over Veteranen Dag in Wageningen."
    found = nl(text, DAY, _with_ents(text, [("Slag", "ORG"), ("Arnhem", "LOC"), ("Veteranen Dag", "MISC")]))
    assert "slag" not in found.actors and "veteranen_dag" not in found.actors


def test_a_name_after_an_indefinite_article_is_a_thing_not_an_actor(en, nl):
    text = "She was hit by a Skoda Octavia near Leeds."
    found = en(text, DAY, _with_ents(text, [("Skoda Octavia", "ORG"), ("Leeds", "GPE")], "en"))
    assert not any(a.name.startswith("Skoda") for a in found.actors.values())
    text = "De patiënt had een BMR van 1800 volgens Jansen."
    found = nl(text, DAY, _with_ents(text, [("BMR", "ORG"), ("Jansen", "PER")]))
    assert "bmr" not in found.actors


def test_a_word_after_dutch_opening_quotes_or_a_cut_opens_a_sentence():
    from powermap.extract.actors.candidates import is_initial

    text = "Hij zei: ,,Containerschepen varen zonder licht."
    assert is_initial(text, text.index("Containerschepen"))
    text = 'He said: "We stay [...] Sadly, nothing changed."'
    assert is_initial(text, text.index("Sadly"))


def test_a_state_adjective_before_an_institution_noun_is_a_body_of_that_state(nl, en):
    found = nl("De Noorse douane hield de vrachtwagen aan. Later liet de douane hem gaan.", DAY)
    assert mentions(found, "norwegian_customs") == ["De Noorse douane", "de douane"]
    assert found.actors["norwegian_customs"].type == "organisation"
    assert "norway" not in found.actors
    found = en("According to Norwegian media the truck was held.", DAY)
    assert mentions(found, "norwegian_media") == ["Norwegian media"]
    assert found.actors["norwegian_media"].type == "media"


def test_an_institution_of_two_words_after_a_state_adjective(nl):
    found = nl("De Zweedse centrale bank verhoogde de rente.", DAY)
    assert mentions(found, "swedish_central_bank") == ["De Zweedse centrale bank"]


def test_a_description_links_to_the_person_it_titled_before(nl):
    text = (
        "De Braziliaanse oppositieleider Paulo Ferreira, parlementsvoorzitter sinds januari, keerde gisteren "
        "terug. Op het vliegveld sprak hij "
        "met Anna Lopes. President Carlos Mendes had gedreigd de oppositieleider op te pakken."
    )
    found = nl(text, DAY)
    assert "de oppositieleider" in mentions(found, "paulo_ferreira")
    assert mentions(found, "anna_lopes") == ["Anna Lopes"]


def test_a_capital_after_a_part_of_a_city_is_the_city(nl, en):
    found = nl("Duizenden mensen liepen door het centrum van Oslo. Oslo reageerde boos.", DAY)
    assert mentions(found, "oslo") == ["Oslo"]
    assert mentions(found, "norway") == ["Oslo"]
    found = en("Protests spread to the outskirts of Oslo.", DAY)
    assert mentions(found, "oslo") == ["Oslo"] and "norway" not in found.actors


def test_a_known_person_modifying_a_compound_is_a_mention_but_an_unknown_modifier_is_no_actor(nl):
    text = "Karel Dijkgraaf schreef het verslag. Het Dijkgraaf-rapport kwam gisteren uit. Een Pieterse-fan lachte."
    found = nl(text, DAY)
    assert mentions(found, "karel_dijkgraaf") == ["Dijkgraaf", "Karel Dijkgraaf"]
    assert not any(a.name.startswith("Pieterse") for a in found.actors.values())


def test_a_states_name_right_before_a_group_head_is_its_nationality(en):
    found = en("The appeals by United Kingdom diplomats grew louder in Oslo.", DAY)
    groups = [a for a in found.actors.values() if a.type == "group"]
    named = [(g.name, sorted(g.mentions.values())) for g in groups]
    assert named == [("British diplomats", ["United Kingdom diplomats"])]
    assert mentions(found, "united_kingdom") == ["United Kingdom"]


def test_an_actor_renamed_later_goes_by_its_former_name_before_the_renaming(en):
    assert en("Swaziland held elections.", date(2013, 9, 20)).actors["eswatini"].name == "Swaziland"
    assert en("Swaziland held elections.", date(2023, 9, 29)).actors["eswatini"].name == "Eswatini"


def test_an_organisation_entity_with_a_preposition_inside_is_one_name(en):
    text = "On Monday the Canadian Commission on Arctic Fisheries (CCAF) objected."
    doc = _with_ents(text, [("Monday", "DATE"), ("the Canadian Commission on Arctic Fisheries (CCAF", "ORG")], "en")
    found = en(text, DAY, doc)
    assert [a.name for a in found.actors.values()] == ["Canadian Commission on Arctic Fisheries"]


def test_an_entity_that_starts_inside_a_longer_run_is_no_name_of_its_own(en):
    text = "She teaches at the Hartley School of Public Policy of Ridgeway University in Maine."
    doc = _with_ents(text, [("Public Policy of Ridgeway University", "ORG"), ("Maine", "GPE")], "en")
    found = en(text, DAY, doc)
    assert "public_policy_of_ridgeway_university" not in found.actors


def test_a_title_or_the_words_before_a_title_are_no_name(en):
    text = "She met the Harbour and Fisheries Commissioner Lena Dahl. He will name a new Coastal Security Advisor."
    ents = [("Harbour and Fisheries", "ORG"), ("Lena Dahl", "PERSON"), ("Coastal Security Advisor", "ORG")]
    doc = _with_ents(text, ents, "en")
    found = en(text, DAY, doc)
    assert mentions(found, "lena_dahl") == ["Lena Dahl"]
    assert not any(a.name.endswith(("Commissioner", "Security")) for a in found.actors.values())


def test_a_bare_plural_names_no_new_group_but_takes_up_one_named_before(en):
    found = en("The ministry will send more troops to the border near Oslo.", DAY)
    assert not any(a.type == "group" for a in found.actors.values())
    found = en("Norwegian diplomats met on Monday. Later, diplomats said the talks failed.", DAY)
    assert mentions(found, "norwegian_diplomats") == ["Norwegian diplomats", "diplomats"]


def test_a_states_name_with_an_inhabitant_ending_is_a_mention_of_the_state(nl, en):
    assert mentions(nl("Veel IJslanders stemden tegen.", DAY), "iceland") == ["IJslanders"]
    assert mentions(en("Many Icelanders voted against it.", DAY), "iceland") == ["Icelanders"]
