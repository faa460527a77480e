"""actors.v1 linking on sentences written for these tests (Dutch and English)."""

from __future__ import annotations

from datetime import date

from .actors_fixtures import mentions


def test_linking_spellings_of_one_person_make_one_actor(nl):
    text = "Poetin sprak gisteren. Later zei Vladimir Putin iets anders, en Poutine zweeg daarna."
    found = nl(text, date(2024, 5, 1))
    assert mentions(found, "vladimir_putin") == ["Poetin", "Poutine", "Vladimir Putin"]
    assert len([a for a in found.persons() if a.mentions]) == 1


def test_linking_transliterated_names_not_spelled_as_in_the_base(nl):
    text = "De filosoof Alexandre Douguine schreef een boek. Volgens Doegin heeft het Westen gefaald."
    found = nl(text, date(2024, 5, 1))
    assert mentions(found, "aleksandr_dugin") == ["Alexandre Douguine", "Doegin"]


def test_linking_capital_as_government_and_as_place(nl):
    text = "Moskou is van plan de gasprijs te verhogen. De minister reisde vorige week naar Moskou."
    found = nl(text, date(2024, 5, 1))
    assert mentions(found, "russia") == ["Moskou"]
    assert mentions(found, "moscow") == ["Moskou"]
    assert found.actors["moscow"].type == "place"


def test_linking_places_listed_after_a_preposition(nl):
    found = nl("Zij woont afwisselend in Londen, Parijs of Berlijn.", date(2024, 5, 1))
    assert {"london", "paris", "berlin"} <= set(found.actors)
    assert "france" not in found.actors


def test_linking_metonyms_adjectives_and_compounds(nl):
    text = "Het Kremlin reageerde boos. De Russische economie groeit. Een EU-land en de BRICS-landen zwijgen."
    found = nl(text, date(2024, 5, 1))
    assert mentions(found, "russia") == ["Het Kremlin", "Russische"]
    assert mentions(found, "european_union") == ["EU"]
    assert mentions(found, "brics") == ["BRICS"]


def test_linking_genitive_and_closed_compound(nl):
    found = nl("Het Kremlinbeleid en Chinaś markt, maar ook Ruslands invloed.", date(2024, 5, 1))
    assert mentions(found, "russia") == ["Kremlin", "Rusland"]


def test_linking_role_phrase_resolves_through_dated_roles(nl):
    text = "Gisteren sprak de Russische president over de oorlog."
    assert mentions(nl(text, date(2010, 6, 1)), "dmitry_medvedev") == ["de Russische president"]
    assert mentions(nl(text, date(2023, 6, 1)), "vladimir_putin") == ["de Russische president"]
    text = "Ook de Chinese minister van Buitenlandse Zaken was aanwezig."
    assert mentions(nl(text, date(2021, 6, 1)), "wang_yi") == ["de Chinese minister van Buitenlandse Zaken"]
    assert "china" not in nl(text, date(2021, 6, 1)).actors


def test_linking_role_with_name_is_one_mention_and_keeps_compound_state(nl):
    text = "VS-president Joe Biden belde met de Duitse bondskanselier Olaf Scholz."
    found = nl(text, date(2022, 6, 1))
    assert mentions(found, "joe_biden") == ["VS-president Joe Biden"]
    assert mentions(found, "united_states") == ["VS"]
    assert mentions(found, "olaf_scholz") == ["de Duitse bondskanselier Olaf Scholz"]
    assert "germany" not in found.actors


def test_linking_unknown_person_surname_and_role_from_apposition(nl):
    text = (
        "Dat zegt Karel Veldkamp, hoogleraar geschiedenis aan de Universiteit Utrecht. "
        "Volgens Veldkamp is de situatie ernstig. De historicus verwacht weinig."
    )
    found = nl(text, date(2024, 5, 1))
    person = found.actors["karel_veldkamp"]
    assert person.type == "person" and not person.in_kb
    assert sorted(person.mentions.values()) == ["Karel Veldkamp", "Veldkamp"]
    assert person.role and person.role.startswith("hoogleraar geschiedenis")


def test_linking_description_resolves_to_person_with_that_role(nl):
    text = "Dat zegt Karel Veldkamp, de Oost-Europa-historicus van de universiteit. De Oost-Europa-historicus twijfelt."
    found = nl(text, date(2024, 5, 1))
    assert "De Oost-Europa-historicus" in mentions(found, "karel_veldkamp")


def test_linking_copular_sentence_gives_the_role(nl):
    found = nl("Gisteren sprak Anna Brouwersma. Anna Brouwersma is econoom bij een grote bank.", None)
    assert found.actors["anna_brouwersma"].role.startswith("econoom")


def test_linking_government_phrases(nl):
    text = "De Chinese regering zweeg, maar de regering in Beijing liet later van zich horen."
    found = nl(text, date(2024, 5, 1))
    assert mentions(found, "china") == ["De Chinese regering", "de regering in Beijing"]


def test_linking_unnamed_officials_are_document_actors(nl):
    text = "Een anonieme Chinese regeringsfunctionaris was kritisch, net als sommige Chinese functionarissen."
    found = nl(text, date(2024, 5, 1))
    singular = found.actors["chinese_official"]
    plural = found.actors["chinese_officials"]
    assert (singular.type, plural.type) == ("person", "group")
    assert list(singular.mentions.values()) == ["Een anonieme Chinese regeringsfunctionaris"]
    assert list(plural.mentions.values()) == ["sommige Chinese functionarissen"]


def test_linking_ids_are_stable_across_documents(nl):
    a = nl("Volgens Karel Veldkamp is het ernstig.", date(2024, 5, 1))
    b = nl("Karel Veldkamp gaf gisteren een lezing over Poetin.", date(2024, 5, 1))
    assert "karel_veldkamp" in a.actors and "karel_veldkamp" in b.actors
    assert "vladimir_putin" in b.actors


def test_linking_name_containing_a_state_is_its_own_actor(nl):
    found = nl("Hij stapte over naar de partij Groen Nederland Verbond en sprak over Nederland.", None)
    assert mentions(found, "netherlands") == ["Nederland"]


def test_linking_portfolio_is_not_an_actor(nl):
    found = nl("Zij werd minister van Buitenlandse Zaken in het nieuwe kabinet.", None)
    assert not [a for a in found.actors.values() if a.mentions]


def test_linking_sentence_initial_word_is_not_a_name(nl):
    found = nl("Tegelijkertijd daalde de export. Bovendien groeide de import.", None)
    assert not [a for a in found.actors.values() if a.mentions]


def test_resolve_pronoun_and_description_for_other_stages(nl):
    text = "De Nederlandse premier Mark Rutte was boos. Hij zei dat de Nederlandse premier niet zou komen."
    found = nl(text, date(2023, 1, 10))
    he = text.index("Hij")
    assert found.resolve(he, he + 3) == "mark_rutte"
    second = text.rindex("de Nederlandse premier")
    assert found.resolve(second, second + len("de Nederlandse premier")) == "mark_rutte"
    assert found.resolve(0, 2) is None or found.resolve(0, 2) == "mark_rutte"


def test_english_role_titles_and_capitals(en):
    text = "Russian President Vladimir Putin met officials in Beijing. Washington said the Kremlin was wrong."
    found = en(text, date(2023, 3, 1))
    assert "Vladimir Putin" in " ".join(mentions(found, "vladimir_putin"))
    assert mentions(found, "beijing") == ["Beijing"]
    assert mentions(found, "united_states") == ["Washington"]
    assert mentions(found, "russia") == ["the Kremlin"]


def test_english_unknown_person_and_surname(en):
    text = "Analyst Maria Holloway said the deal would fail. Holloway added that the EU was divided."
    found = en(text, None)
    assert sorted(found.actors["maria_holloway"].mentions.values()) == ["Holloway", "Maria Holloway"]
    assert mentions(found, "european_union") == ["EU"]


def test_fuzzy_matching_finds_a_misspelled_full_name(nl):
    assert nl.fuzzy("Vladimir Poetiin") == "vladimir_putin"
    assert nl.fuzzy("Karel Veldkamp") is None


def test_resolve_subject_pronoun_prefers_the_previous_subject(nl):
    """*Merkel prijst het plan van Macron. Zij beweert ...*: the subject pronoun of a main clause
    goes to the subject of the sentence before (given a parse), not to the person named last."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = ["Angela", "Merkel", "prijst", "het", "plan", "van", "Emmanuel", "Macron", ".",
             "Hij", "beweert", "dat", "het", "werkt", "."]  # fmt: skip
    heads = [2, 0, 2, 4, 2, 6, 4, 6, 2, 10, 10, 13, 13, 10, 10]
    deps = ["nsubj", "flat", "ROOT", "det", "obj", "case", "nmod", "flat", "punct",
            "nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"]  # fmt: skip
    spaces = [True] * len(words)
    spaces[7] = spaces[8 + 5] = False
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps)
    text = doc.text
    parsed = nl(text, date(2019, 5, 1), doc)
    he = text.index("Hij")
    assert parsed.resolve(he, he + 3) == "angela_merkel"
    assert nl(text, date(2019, 5, 1)).resolve(he, he + 3) == "emmanuel_macron"  # no parse: the last person


def test_english_apposition_role_makes_an_unknown_name_a_person(en):
    """Even when the NER calls the name an organisation (a common error on unfamiliar names)."""
    import spacy

    text = '"We will wait," said Zorana Velikova, a senior fellow at the Baltic Institute.'
    doc = spacy.blank("en")(text)
    name = doc.char_span(text.index("Zorana"), text.index("Zorana") + len("Zorana Velikova"), label="ORG")
    inst = doc.char_span(text.index("the Baltic"), text.index("Institute") + len("Institute"), label="ORG")
    doc.ents = [name, inst]
    found = en(text, date(2024, 5, 1), doc)
    person = next(a for a in found.actors.values() if a.name == "Zorana Velikova")
    assert person.type == "person" and "fellow" in (person.role or "")


def test_english_economic_acronyms_and_prepositions_are_no_actors(en):
    text = "Poland spent 4 percent of its GDP on defence. The bloc is split between hawks and doves."
    found = en(text, date(2024, 5, 1))
    assert "gdp" not in found.actors
    assert [t for a in found.actors.values() for t in a.mentions.values() if "between" in t] == []


def test_definite_descriptions_of_bodies_link_back(nl, en):
    text = (
        "De Verdragsorganisatie voor Collectieve Veiligheid vergaderde. De organisatie zweeg. "
        '"Nee", zei een diplomaat tegen de zakenkrant The Financial Times. Later schreef de Britse krant meer. '
        "Het ministerie van Defensie zweeg."
    )
    found = nl(text, date(2024, 5, 1))
    assert mentions(found, "csto") == ["De organisatie", "Verdragsorganisatie voor Collectieve Veiligheid"]
    # "de zakenkrant The Financial Times" is a name of its own, not a reference back
    assert mentions(found, "financial_times") == ["The Financial Times", "de Britse krant"]
    english = "The International Energy Agency published data. The agency said demand fell. The council met."
    found = en(english, date(2024, 5, 1))
    assert mentions(found, "international_energy_agency") == ["International Energy Agency", "The agency"]
    assert not [a for a in found.actors.values() if "The council" in a.mentions.values()]


def test_surname_alone_links_a_recent_head_of_government(nl):
    text = "Johnson en Merkel zwegen."
    assert mentions(nl(text, date(2024, 6, 1)), "boris_johnson") == ["Johnson"]  # left office in 2022
    assert mentions(nl(text, date(2024, 6, 1)), "angela_merkel") == ["Merkel"]  # left in 2021
    assert mentions(nl(text, date(2035, 6, 1)), "angela_merkel") == []  # too long ago to be sure


def _with_ents(text: str, ents: list[tuple[str, str]], lang: str = "nl"):
    """A Doc of ``text`` whose entities are set by hand (each ``(words, label)`` found in order),
    so these tests check the linker, not one NER model."""
    import spacy

    doc = spacy.blank(lang)(text)
    spans, pos = [], 0
    for words, label in ents:
        start = text.index(words, pos)
        spans.append(doc.char_span(start, start + len(words), label=label))
        pos = start + len(words)
    doc.ents = spans
    return doc


def test_person_after_a_title_in_one_capitalised_run(nl):
    """*Minister van Defensie Jan Vermeulen*: the NER splits the run into a body and a person."""
    text = "Minister van Defensie Jan Vermeulen bezocht de University of Southern Utah."
    doc = _with_ents(text, [("Defensie", "ORG"), ("Jan Vermeulen", "PER"), ("Southern Utah", "PER")])
    found = nl(text, date(2024, 5, 1), doc)
    assert mentions(found, "jan_vermeulen") == ["Jan Vermeulen"] and found.actors["jan_vermeulen"].type == "person"
    assert "southern_utah" not in found.actors  # a piece of a longer name, not a person


def test_title_before_a_name_stays_in_its_sentence(nl):
    text = "De coalitie reageerde verdeeld. Partijleider Anna Kowalska eiste een debat."
    found = nl(text, date(2024, 5, 1))
    person = next(a for a in found.actors.values() if a.name == "Anna Kowalska")
    assert "verdeeld" not in (person.role or "")


def test_linking_titles_before_a_name_with_particles(en):
    text = (
        "Saudi Crown Prince Mohammed bin Salman met the delegation. "
        '"We are neutral," Saudi Foreign Minister Prince Faisal bin Farhan told reporters.'
    )
    doc = _with_ents(text, [("Mohammed bin Salman", "PERSON"), ("Prince Faisal bin Farhan", "PERSON")], "en")
    found = en(text, date(2024, 6, 1), doc=doc)
    assert mentions(found, "mohammed_bin_salman") == ["Saudi Crown Prince Mohammed bin Salman"]
    faisal = [a for a in found.persons() if a.name == "Faisal bin Farhan"]
    assert [list(a.mentions.values()) for a in faisal] == [["Saudi Foreign Minister Prince Faisal bin Farhan"]]
    assert faisal[0].country == "SAU"
    assert not any(a.name in ("Crown Prince", "Prince Faisal") for a in found.actors.values() if a.mentions)


def test_linking_a_run_of_titles_is_no_actor(en):
    text = "The Crown Prince spoke first. Later the Foreign Minister answered."
    doc = _with_ents(text, [], "en")
    found = en(text, date(2024, 6, 1), doc=doc)
    assert not [a for a in found.actors.values() if a.mentions]


def test_linking_namesake_in_the_base_of_another_country(nl):
    # the base knows a Senegalese Abdoulaye Diop; the phrase names a Malian minister
    text = "Volgens de Malinese minister van Buitenlandse Zaken Abdoulaye Diop is de beslissing definitief."
    found = nl(text, date(2024, 3, 1))
    diop = [a for a in found.persons() if a.name == "Abdoulaye Diop" and a.mentions]
    assert len(diop) == 1 and diop[0].country == "MLI" and not diop[0].in_kb


def test_linking_general_as_role_gives_country(nl):
    found = nl("De Nigerese generaal Abdourahamane Tiani eiste het vertrek van de troepen.", date(2024, 3, 1))
    tiani = [a for a in found.persons() if a.name == "Abdourahamane Tiani"]
    assert tiani and tiani[0].country == "NER"
    assert list(tiani[0].mentions.values()) == ["De Nigerese generaal Abdourahamane Tiani"]


def test_linking_person_of_a_body_split_from_one_organisation_entity(nl):
    text = "De analist Jorien Vlasblom van de Hanzeatische Denktank zegt dat de druk groeit."
    doc = _with_ents(text, [("Jorien Vlasblom van de Hanzeatische Denktank", "ORG")])
    found = nl(text, date(2024, 3, 1), doc=doc)
    assert [a.type for a in found.actors.values() if a.name == "Jorien Vlasblom"] == ["person"]
    assert [a.type for a in found.actors.values() if a.name == "Hanzeatische Denktank"] == ["organisation"]


def test_linking_regional_organisation_name_and_abbreviation(nl):
    text = "Drie landen verlaten de Economische Gemeenschap van West-Afrikaanse Staten (ECOWAS) per direct."
    found = nl(text, date(2024, 3, 1))
    assert mentions(found, "ecowas") == ["ECOWAS", "Economische Gemeenschap van West-Afrikaanse Staten"]
    assert "africa" not in {a for a in found.actors if found.actors[a].mentions}


def test_linking_counted_group_with_thousands_separator(nl):
    found = nl("De junta eiste dat alle 1.500 Franse soldaten vertrekken.", date(2024, 3, 1))
    groups = [list(a.mentions.values()) for a in found.actors.values() if a.type == "group" and a.mentions]
    assert groups == [["alle 1.500 Franse soldaten"]]


def test_linking_dateline_city_is_where_the_story_was_filed(en):
    text = "Talks stall\n\nCAIRO, May 2, 2024 - Egypt and Qatar pressed for a deal. Cairo also hosted the talks."
    found = en(text, date(2024, 5, 2))
    assert mentions(found, "egypt") == ["Cairo", "Egypt"]  # the dateline's CAIRO is no mention of Egypt
    assert mentions(found, "cairo") == ["CAIRO"]


def test_linking_junta_of_a_state_is_its_government(nl):
    found = nl("De militaire junta van Mali kondigde het vertrek aan. De Nigerese junta zweeg.", date(2024, 3, 1))
    assert mentions(found, "mali") == ["De militaire junta van Mali"]
    assert mentions(found, "niger") == ["De Nigerese junta"]


def test_linking_head_word_of_a_body_named_before(nl, en):
    found = nl("De Europese Commissie bevroor de fondsen. Later gaf de Commissie toe.", date(2024, 2, 1))
    assert mentions(found, "european_commission") == ["Commissie", "Europese Commissie"]
    found = en("The European Commission froze the funds. The Commission later agreed.", date(2024, 2, 1))
    assert mentions(found, "european_commission") == ["Commission", "European Commission"]


def test_linking_role_before_a_name_in_apposition_makes_a_person(en):
    text = "Orban spoke. His chief of staff, Toma Veszter, said more."
    doc = _with_ents(text, [("Orban", "PERSON"), ("Toma Veszter", "ORG")], "en")
    found = en(text, date(2024, 2, 1), doc=doc)
    assert [a.type for a in found.actors.values() if a.name == "Toma Veszter"] == ["person"]


def test_linking_seas_straits_and_baltic_states(nl, en):
    found = nl("De vrede in de Straat van Taiwan en op de Zwarte Zee is broos.", date(2024, 2, 1))
    assert mentions(found, "taiwan_strait") == ["Straat van Taiwan"] and "taiwan" not in found.actors
    assert mentions(found, "black_sea") == ["Zwarte Zee"]
    found = en("Poland and the Baltic states accused Hungary.", date(2024, 2, 1))
    assert mentions(found, "baltic_states") == ["Baltic states"]


def test_linking_romanised_given_names_keep_their_hyphenated_part(nl):
    found = nl("Gisteren sprak de voorzitter Tsai Mok-ha met de Sovjet-historicus Kees Brandt.", date(2024, 5, 1))
    texts = {t for a in found.actors.values() for t in a.mentions.values()}
    assert any(t.endswith("Tsai Mok-ha") for t in texts)
    assert not any("historicus" in t for t in texts)


def test_linking_sentence_initial_article_before_an_abbreviation(en):
    """*The EU* is the European Union, not a second entry the base once held as *The European Union*."""
    found = en("The EU froze funds for Hungary. The UN stayed silent.", date(2024, 2, 1))
    assert mentions(found, "european_union") == ["EU"]
    assert mentions(found, "united_nations") == ["UN"]
    assert not any(i.startswith("the_") for i in found.actors)


def test_linking_adjective_before_a_known_body_is_no_name(nl, en):
    found = nl("Ankara eist dat Zweden optreedt tegen de Koerdische PKK.", date(2024, 1, 1))
    assert mentions(found, "pkk") == ["PKK"]
    assert [a for a in found.actors.values() if a.mentions and a.name.startswith("Koerdisch")] == []
    found = en("Ankara wants Sweden to act against the Kurdish PKK.", date(2024, 1, 1))
    assert mentions(found, "pkk") == ["PKK"] and "kurdish" not in found.actors


def test_linking_military_rank_before_a_name_is_a_title(en):
    found = en("Ostland's junta leader, Colonel Tamo Velda, met the envoy.", date(2024, 1, 1))
    assert [a.name for a in found.persons() if a.mentions] == ["Tamo Velda"]
