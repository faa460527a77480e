"""Mention boundaries and document-level linking of names, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from powermap.extract.actors.candidates import capitalised_runs
from powermap.extract.actors.lexicon import lexicon

from .actors_fixtures import mentions, parsed
from .test_actors_linking import _with_ents

DAY = date(2024, 5, 1)


def runs(text: str, language: str = "nl") -> list[str]:
    return [c.text for c in capitalised_runs(text, lexicon(language))]


def test_a_run_does_not_start_with_a_preposition():
    assert runs("Volgens Mulder is het plan mislukt.") == ["Mulder"]
    assert runs("Het kabinet vergaderde. Over Jansen werd niet gesproken.") == ["Jansen"]


def test_a_run_ends_after_a_possessive():
    assert runs("We visited Anna Berg's Oslo office.", "en") == ["Anna Berg's", "Oslo"]


def test_a_contraction_or_an_apostrophe_plural_is_no_name(en, nl):
    found = en("Later she said: I'm not leaving and We've seen enough.", DAY)
    assert not any("'" in a.name for a in found.actors.values())
    found = nl("Ze printten stapels A4'tjes voor de vergadering in Gouda.", DAY)
    assert not any("'" in a.name for a in found.actors.values())


def test_two_person_entities_in_one_run_are_two_persons(nl):
    text = "Het rapport stelde dat Mulder Jansen niet had geholpen."
    doc = _with_ents(text, [("Mulder", "PER"), ("Jansen", "PER")])
    found = nl(text, DAY, doc)
    names = sorted(a.name for a in found.actors.values())
    assert names == ["Jansen", "Mulder"]


def test_coordinated_full_names_are_two_persons_when_the_ner_says_so(en):
    text = "The talks between Anna Berg and Jean-Luc Le Roux ended without a deal."
    doc = _with_ents(text, [("Anna Berg", "PER"), ("Jean-Luc Le Roux", "PER")], "en")
    found = en(text, DAY, doc)
    assert {"Anna Berg", "Jean-Luc Le Roux"} <= {a.name for a in found.actors.values()}


def test_a_genitive_of_a_person_named_in_full_is_that_person(nl):
    text = "Karel Mulderink sprak in Utrecht. Mulderinks plan kreeg weinig steun."
    found = nl(text, DAY)
    person = next(a for a in found.actors.values() if a.name == "Karel Mulderink")
    assert sorted(person.mentions.values()) == ["Karel Mulderink", "Mulderinks"]
    assert len([a for a in found.actors.values() if a.type == "person"]) == 1


def test_a_first_name_alone_is_the_one_person_named_in_full_with_it(nl):
    text = "Maria Okonkwo-Baptiste leidde de missie. Later zei Maria dat het werk klaar was."
    found = nl(text, DAY)
    persons = [a for a in found.actors.values() if a.type == "person"]
    assert len(persons) == 1 and sorted(persons[0].mentions.values()) == ["Maria", "Maria Okonkwo-Baptiste"]
    text = "Maria Okonkwo sprak met Maria Dube. Later zei Maria dat het werk klaar was."
    found = nl(text, DAY)
    full = [a for a in found.actors.values() if a.name in ("Maria Okonkwo", "Maria Dube")]
    assert len(full) == 2 and not any("Maria" in a.mentions.values() for a in full)  # ambiguous: neither


def test_a_capital_after_a_city_noun_is_the_city(nl, en):
    found = nl("De delegatie reisde daarna door naar de hoofdstad Oslo.", DAY)
    assert mentions(found, "oslo") == ["Oslo"] and mentions(found, "norway") == []
    found = en("Protests spread to the capital Oslo on Monday.", DAY)
    assert mentions(found, "oslo") == ["Oslo"]


def test_a_compound_with_a_non_actor_head_is_no_actor(nl):
    found = nl("Het museum toonde foto's uit de Tweede Kernoorlog en de Vredesconferentie.", DAY)
    assert not any("oorlog" in a.name.lower() or "conferentie" in a.name.lower() for a in found.actors.values())


def test_an_adjective_the_ner_marks_as_misc_is_no_actor(nl):
    text = "Zij kochten Noorse zalm en Goudse kaas op de markt."
    doc = _with_ents(text, [("Noorse", "MISC"), ("Goudse", "MISC")])
    found = nl(text, DAY, doc)
    assert "Goudse" not in {a.name for a in found.actors.values()}


def test_a_run_does_not_cross_aan_or_op_but_keeps_van_and_voor():
    text = "Zij studeerde Talen aan de Universiteit Utrecht en werkte bij de Raad voor Vluchtelingen."
    assert runs(text) == ["Talen", "Universiteit Utrecht", "Raad voor Vluchtelingen"]


def test_a_capitalised_preposition_inside_a_run_starts_a_new_name():
    """A heading without a full stop runs into the next sentence: *Handelsbeleid Volgens Mulder*."""
    assert runs("Handelsbeleid Volgens Mulder is het beleid mislukt.") == ["Handelsbeleid", "Mulder"]


def test_a_run_of_two_persons_already_named_is_both(nl):
    text = "Karel Mulderink en Piet Jansenius spraken. Het rapport stelt dat Mulderink Jansenius niet steunde."
    found = nl(text, DAY)
    by_name = {a.name: sorted(a.mentions.values()) for a in found.actors.values()}
    assert by_name["Karel Mulderink"] == ["Karel Mulderink", "Mulderink"]
    assert by_name["Piet Jansenius"] == ["Jansenius", "Piet Jansenius"]
    assert "Mulderink Jansenius" not in by_name


def test_two_full_names_joined_by_and_are_two_persons(en):
    text = "The ministers, Anna Berg and Jean-Luc Le Roux, met in Oslo."
    found = en(text, DAY)
    assert {"Anna Berg", "Jean-Luc Le Roux"} <= {a.name for a in found.actors.values()}


def test_a_possessive_common_word_is_no_actor_with_ner(en):
    text = "He said, 'Let's meet again next week.' The talks went on."
    doc = _with_ents(text, [], "en")
    found = en(text, DAY, doc)
    assert "Let" not in {a.name for a in found.actors.values()}


def test_a_state_adjective_opening_a_body_name_is_part_of_it(nl, en):
    found = nl("Volgens het Noorse Nationale Leger was de oefening geslaagd.", DAY)
    assert "Noorse Nationale Leger" in {a.name for a in found.actors.values()}
    found = en("A spokesman for the Danish Ministry of Foreign Affairs declined to comment.", DAY)
    assert "Danish Ministry of Foreign Affairs" in {a.name for a in found.actors.values()}
    found = nl("De Noorse regering zweeg.", DAY)
    assert mentions(found, "norway") == ["De Noorse regering"]  # a lower-case noun: the state


def test_a_middle_initial_stays_inside_the_name(en):
    assert "John R. Smithson" in runs("The minister, John R. Smithson, resigned.", "en")
    found = en("Kofi Annan spoke first. Later Kofi A. Annan left.", DAY)
    assert mentions(found, "kofi_annan") == ["Kofi A. Annan", "Kofi Annan"]


def test_a_state_abbreviation_opening_a_body_name_is_part_of_it(en):
    found = en("Officials said the UK Border Force searched the ship.", DAY)
    assert "UK Border Force" in {a.name for a in found.actors.values()}


def test_an_adjective_the_ner_marks_as_norp_before_a_noun_is_no_actor(en):
    text = "Several Middle Eastern airlines cancelled flights."
    doc = _with_ents(text, [("Middle Eastern", "NORP")], "en")
    assert "Middle Eastern" not in {a.name for a in en(text, DAY, doc).actors.values()}


def test_a_calendar_word_does_not_hide_a_medium(nl):
    found = nl("Dat schreef een verslaggever van The Monday Gazette gisteren.", DAY)
    assert any(a.name == "The Monday Gazette" and a.type == "media" for a in found.actors.values())
    found = nl("De Olympische Winterspelen begonnen in maart.", DAY)
    assert not any("spelen" in a.name.lower() for a in found.actors.values())


def test_a_holiday_is_no_actor(nl):
    found = nl("Voor Kerst moet er een akkoord liggen, zei Jansen.", DAY)
    assert "Kerst" not in {a.name for a in found.actors.values()}


def test_a_misc_name_before_a_function_word_is_still_a_name(nl):
    text = "Zij werkt aan de University of Northern Texas in Denton."
    doc = _with_ents(text, [("University of Northern Texas", "MISC")])
    assert "University of Northern Texas" in {a.name for a in nl(text, DAY, doc).actors.values()}


def test_capitalised_words_before_a_place_name_make_a_name_of_their_own(en):
    found = en("Pipelines across the Southern Caucasus were closed last week.", DAY)
    names = {a.name for a in found.actors.values()}
    assert "Southern Caucasus" in names and "Southern" not in names


def test_boundaries_a_parsed_adjective_before_its_noun_is_no_name(nl):
    text = "Op de markt werden Leidse en Haarlemmer koekjes duurder, zeggen de Liberale gelederen."
    found = nl(text, date(2024, 5, 1), doc=parsed("nl", text))
    names = {a.name for a in found.actors.values() if a.mentions}
    assert not names & {"Leidse", "Haarlemmer", "Liberale"}


def test_boundaries_an_abbreviation_defined_in_parentheses(nl, en):
    text = "De Raad voor Kustvisserij Zeeland (RKZ) vergaderde. Later stemde de RKZ tegen het plan."
    found = nl(text, date(2024, 5, 1))
    body = [a for a in found.actors.values() if a.name == "Raad voor Kustvisserij Zeeland"]
    assert body and sorted(body[0].mentions.values()) == ["De Raad voor Kustvisserij Zeeland", "RKZ", "de RKZ"]
    assert "rkz" not in found.actors
    found = en("The new low emission quarter (LEQ) opened. Critics said the LEQ costs too much.", date(2024, 5, 1))
    assert not [a for a in found.actors.values() if "LEQ" in a.mentions.values()]


def test_boundaries_a_new_body_takes_its_article_and_a_known_body_its_noun(nl, en):
    found = nl("Volgens het Kustvisserij Platform Zeeland daalt de vangst.", date(2024, 5, 1))
    body = [a for a in found.actors.values() if a.name == "Kustvisserij Platform Zeeland"]
    assert body and list(body[0].mentions.values()) == ["het Kustvisserij Platform Zeeland"]
    found = en("Analysts say the Hamas movement rejected the plan.", date(2024, 5, 1))
    hamas = [a for a in found.actors.values() if a.in_kb and "Hamas" in a.name]
    assert hamas and list(hamas[0].mentions.values()) == ["the Hamas movement"]


def test_boundaries_a_body_named_by_its_first_word_after_its_full_name(en):
    found = en("Okapi Airlines lost its permit. Officials said Okapi flew arms, and Okapi denied it.", date(2024, 5, 1))
    body = [a for a in found.actors.values() if a.name == "Okapi Airlines"]
    assert body and sorted(body[0].mentions.values()) == ["Okapi", "Okapi", "Okapi Airlines"]
    assert not [a for a in found.actors.values() if a.name == "Okapi"]


def test_boundaries_a_name_inside_a_common_nouns_phrase_is_no_actor(en):
    from powermap.extract.actors.candidates import Candidate
    from powermap.extract.actors.found import DocActors
    from powermap.extract.actors.names import parsed_adjective
    from powermap.extract.actors.state import LinkState

    text = "Critics said the planned BalkanStream gas pipeline would cross the bay."
    doc = parsed("en", text)
    state = LinkState(en.res, DocActors(text, en.kb, en.lex, date(2024, 5, 1), doc), doc)
    start = text.index("BalkanStream")
    assert parsed_adjective(state, Candidate(start, start + 12, "BalkanStream", "ORG", False))
    start = text.index("Critics")
    assert not parsed_adjective(state, Candidate(start, start + 7, "Critics", None, True))


def test_boundaries_a_persons_name_read_as_an_adjective_stays_the_person(nl):
    text = "Tomi Verhaar was sterk. Tomi placht te zeggen dat het regent."
    doc = parsed("nl", text)
    found = nl(text, date(2024, 5, 1), doc=doc)
    person = [a for a in found.actors.values() if a.name == "Tomi Verhaar"]
    assert person and sorted(person[0].mentions.values()) == ["Tomi", "Tomi Verhaar"]
