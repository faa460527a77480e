"""Group actors, camps, followers and language names, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from .actors_fixtures import mentions, parsed

D = date(2024, 5, 1)


def test_groups_demonym_counts_for_the_group_not_the_state(nl):
    text = "Rusland voerde sancties in. De meeste Russische miljardairs haalden hun geld naar huis."
    found = nl(text, D)
    assert mentions(found, "russian_oligarchs") == ["De meeste Russische miljardairs"]
    assert mentions(found, "russia") == ["Rusland"]
    assert found.actors["russian_oligarchs"].type == "group"


def test_groups_synonym_heads_and_bare_mentions_make_one_group(nl):
    text = (
        "Sommige Russische oligarchen vluchtten naar Londen. Andere oligarchen bleven. "
        "Enkele miljardairs steunden het Kremlin."
    )
    found = nl(text, D)
    expected = ["Andere oligarchen", "Enkele miljardairs", "Sommige Russische oligarchen"]
    assert mentions(found, "russian_oligarchs") == expected


def test_groups_bare_group_takes_the_dominant_state_and_qualifier(nl):
    text = "Rusland viel aan. Moskou ontkende. Militaire bloggers waren kritisch over het Russische leger."
    found = nl(text, D)
    assert mentions(found, "russian_military_bloggers") == ["Militaire bloggers"]
    assert found.actors["russian_military_bloggers"].name == "Russian military bloggers"


def test_groups_complement_gives_the_nationality(nl):
    found = nl("Frankrijk zweeg, maar de liberale oppositie in Hongarije protesteerde.", D)
    assert "hungarian_liberal_opposition" in found.actors


def test_groups_followers_of_a_person(nl):
    found = nl("Donald Trump sprak in Ohio. De trumpisten juichten.", D)
    assert mentions(found, "trumpists") == ["trumpisten"]
    assert found.actors["trumpists"].country == "USA"


def test_groups_pro_camp_is_a_group_not_the_state(nl):
    text = "In Rusland strijden twee richtingen. Het Russische leger volgt de ‘pro-Chinese’ lijn niet."
    found = nl(text, D)
    assert mentions(found, "russian_pro_chinese_camp") == ["pro-Chinese"]
    assert "china" not in found.actors


def test_groups_language_name_is_not_the_state(nl, en):
    found = nl("Een artikel van Poetin (in het Russisch), 3 mei 2023.", D)
    assert "russia" not in found.actors
    found = en("The decree was published in Russian. It was signed in Russian hands.", D)
    assert mentions(found, "russia") == ["Russian"]


def test_groups_english_officials_and_separatists(en):
    text = "Chinese officials said on Monday that pro-Russian separatists had attacked."
    found = en(text, D)
    assert mentions(found, "chinese_officials") == ["Chinese officials"]
    assert "china" not in found.actors
    seps = [a for a in found.actors.values() if a.type == "group" and "separatists" in a.name]
    assert [a.name for a in seps] == ["Pro-Russian separatists"]
    assert "russia" not in found.actors


def test_english_capital_government_place_role_and_possessive(en):
    text = (
        "Beijing said on Monday that it would stay neutral. Xi Jinping received guests in Beijing. "
        "Sergey Lavrov, Russia's foreign minister, met the Russian president."
    )
    found = en(text, date(2023, 1, 15))
    assert mentions(found, "china") == ["Beijing"]
    assert mentions(found, "beijing") == ["Beijing"]
    assert mentions(found, "sergey_lavrov") == ["Russia's foreign minister", "Sergey Lavrov"]
    assert mentions(found, "vladimir_putin") == ["the Russian president"]
    assert "russia" not in found.actors


def test_description_introduces_the_role_of_the_last_person(nl):
    text = "Volgens Karel Veldkamp is dat logisch. “Het is een val”, zegt de hoogleraar Rusland en Oekraïne."
    found = nl(text, D)
    assert mentions(found, "karel_veldkamp") == ["Karel Veldkamp", "de hoogleraar"]


def test_groups_head_with_a_glued_footnote_number(nl):
    """A footnote marker that lost its superscript (*zakenlui11*) does not hide the head noun;
    a name with digits (*G20*) stays whole."""
    text = "Het geld ging naar Duitse zakenlui11 en de G20 zweeg."
    found = nl(text, D)
    assert mentions(found, "german_business_leaders") == ["Duitse zakenlui"]
    assert mentions(found, "g20") == ["G20"]


def test_groups_definite_broader_description_takes_up_the_narrower_group(nl, en):
    text = (
        "De oligarchen in Rusland verloren hun jachten. Later kregen de meest regeringsgetrouwe zakenlui "
        "nieuwe bedrijven, terwijl een groep bedrijfsleiders protesteerde."
    )
    found = nl(text, date(2024, 5, 1))
    groups = {a.name: sorted(a.mentions.values()) for a in found.actors.values() if a.type == "group"}
    assert groups["Russian oligarchs"] == ["De oligarchen", "de meest regeringsgetrouwe zakenlui"]
    assert groups["Russian business leaders"] == ["een groep bedrijfsleiders"]  # indefinite: a new group
    found = en("The rebels took the town. The fighters then moved north.", date(2024, 5, 1))
    rebels = [sorted(a.mentions.values()) for a in found.actors.values() if a.type == "group"]
    assert rebels == [["The fighters", "The rebels"]]


def test_groups_coordinated_or_other_nationality_description_is_a_group_of_its_own(nl):
    text = (
        "De Russische oligarchen zwegen. De ambtenaren en zakenlui die vrede willen, spraken wel. "
        "Ook de Chinese zakenlui spraken."
    )
    found = nl(text, date(2024, 5, 1))
    oligarchs = [sorted(a.mentions.values()) for a in found.actors.values() if a.name == "Russian oligarchs"]
    assert oligarchs == [["De Russische oligarchen"]]


def test_groups_after_a_bloc_modifier_have_no_nationality(nl, en):
    found = en("Russia sent more troops. Western officials are alarmed and EU diplomats met.", date(2024, 1, 1))
    names = {a.name: a.country for a in found.actors.values() if a.type == "group"}
    assert names.get("Western officials", "absent") is None and names.get("EU diplomats", "absent") is None
    found = nl("Rusland stuurt troepen. Westerse functionarissen zijn bezorgd.", date(2024, 1, 1))
    assert mentions(found, "western_officials") == ["Westerse functionarissen"]


def test_linking_runs_joined_by_a_conjunction_inside_one_entity(en):
    import spacy

    text = "Beijing's Belt and Road projects financed ports."
    doc = spacy.blank("en")(text)
    doc.ents = [doc.char_span(10, 23, label="FAC")]
    found = en(text, date(2024, 1, 1), doc=doc)
    names = {a.name for a in found.actors.values() if a.mentions}
    assert "Belt" not in names and "Road" not in names


def test_groups_general_people_nouns_are_groups(nl, en):
    found = nl("Noorwegen koos een nieuwe koers. De kiezers bleven thuis, maar de vakbonden protesteerden.", D)
    assert mentions(found, "norwegian_voters") == ["De kiezers"]
    assert mentions(found, "norwegian_trade_unions") == ["de vakbonden"]
    found = en("Peru held a vote. Many residents stayed home while international observers watched.", D)
    assert mentions(found, "peruvian_residents") == ["Many residents"]
    assert mentions(found, "peruvian_international_observers") == ["international observers"]


def test_groups_general_head_needs_a_qualifier_or_nationality(nl, en):
    found = nl("Chili en Peru tekenden. De twee landen handelen veel, net als regionale landen.", D)
    groups = [a for a in found.actors.values() if a.type == "group"]
    assert [sorted(a.mentions.values()) for a in groups] == [["regionale landen"]]
    found = en("Peru and Chile signed. Both countries trade, and so do Chilean firms.", D)
    groups = [a for a in found.actors.values() if a.type == "group"]
    assert [sorted(a.mentions.values()) for a in groups] == [["Chilean firms"]]


def test_groups_dutch_state_name_before_a_plural_is_no_phrase(nl):
    found = nl("De oorlog in Peru dwong landen in de regio tot keuzes.", D)
    assert not [a for a in found.actors.values() if a.type == "group"]
    assert mentions(found, "peru") == ["Peru"]


def test_groups_mention_takes_the_complement_and_relative_clause_of_its_head(nl, en):
    text = "Chili stemde. De boeren uit het zuiden protesteerden, net als kiezers die twijfelden aan Peru."
    found = nl(text, D, doc=parsed("nl", text))
    assert mentions(found, "chilean_farmers") == ["De boeren uit het zuiden"]
    assert mentions(found, "chilean_voters") == ["kiezers die twijfelden aan Peru"]
    assert mentions(found, "peru") == ["Peru"]  # the name inside stays a mention of its own
    text = "Chile voted. Students from the north marched, and so did Chilean firms including two banks."
    found = en(text, D, doc=parsed("en", text))
    assert mentions(found, "chilean_students") == ["Students from the north"]
    assert mentions(found, "chilean_companies") == ["Chilean firms"]  # an example list is no complement


def test_groups_a_preposition_is_no_adjective_before_the_head(nl):
    found = nl("Chili stemde. De minister sprak tegen activisten.", D)
    assert mentions(found, "chilean_activists") == []


def test_groups_counted_inhabitants_are_the_population_not_the_state(nl, en):
    text = (
        "De Canadezen kozen een parlement. Wel bleek dat de meeste Canadezen thuisbleven "
        "en enkele Canadezen protesteerden."
    )
    found = nl(text, D, doc=parsed("nl", text))
    assert mentions(found, "canadian_population") == ["de meeste Canadezen", "enkele Canadezen"]
    assert mentions(found, "canada") == ["Canadezen"]  # *de Canadezen* stay the state
    text = "The Americans voted. Few Americans stayed home, and US officials counted."
    found = en(text, D, doc=parsed("en", text))
    assert mentions(found, "american_population") == ["Few Americans"]
    assert mentions(found, "united_states") == ["Americans"]


def test_groups_parse_decides_the_word_before_the_head(nl):
    text = "Chili zweeg. Volgens de krant kunnen regeringen niets doen, maar veertig regeringen protesteerden."
    found = nl(text, D, doc=parsed("nl", text))
    groups = [sorted(a.mentions.values()) for a in found.actors.values() if a.type == "group"]
    assert groups == [["veertig regeringen"]]  # *kunnen* is a verb, *veertig* a number


def test_groups_families_with_the_name_before_or_after_the_noun(nl, en):
    found = en("The Okafor family left Leeds. The police met the family of Ana Ruiz.", D)
    assert mentions(found, "okafor_family") == ["The Okafor family"]
    assert mentions(found, "ruiz_family") == ["the family of Ana Ruiz"]
    assert mentions(found, "ana_ruiz") == ["Ana Ruiz"]  # the person named after *of* stays
    found = nl("De familie Jansen vertrok. Het gezin van Piet de Vries bleef.", D)
    assert mentions(found, "jansen_family") == ["De familie Jansen"]
    assert "jansen" not in found.actors  # a family name, no person
    assert mentions(found, "vries_family") == ["Het gezin van Piet de Vries"]


def test_groups_an_adjective_before_a_qualifier_belongs_to_the_phrase(nl):
    text = "Chili zweeg. Hij steunde toen brute rechtse generaals in het noorden."
    found = nl(text, D, doc=parsed("nl", text))
    groups = [sorted(a.mentions.values()) for a in found.actors.values() if a.type == "group"]
    assert groups == [["brute rechtse generaals in het noorden"]]


def test_group_complement_needs_a_relative_word_not_any_w_tag():
    """A clause the parse hangs on the head as relative counts only when a relative word opens
    it: an English wh-tag (``WP``) does, a Dutch verb tag (``WW|...``) does not."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from powermap.extract.actors.group_mentions import complement_end

    def built(words: list[str], tags: list[str], heads: list[int], deps: list[str]) -> Doc:
        return Doc(Vocab(), words=words, tags=tags, heads=heads, deps=deps, pos=["X"] * len(words))

    english = built(["Farmers", "who", "protested", "left"], ["NNS", "WP", "VBD", "VBD"], [3, 2, 0, 3],
                    ["nsubj", "nsubj", "relcl", "ROOT"])  # fmt: skip
    assert complement_end(english, 0, len("Farmers")) == len("Farmers who protested")
    # a misparse: the main verb hung on the subject as its relative clause
    dutch = built(["Boeren", "protesteerden", "luid"], ["N|soort|mv|basis", "WW|pv|verl|mv", "ADJ|vrij|basis|zonder"],
                  [0, 0, 1], ["ROOT", "acl:relcl", "advmod"])  # fmt: skip
    assert complement_end(dutch, 0, len("Boeren")) == len("Boeren")
