"""The knowledge-base import from ../shared/data (issue 17): bodies, alias filters, dated offices.

Each rule is tested on entries and sentences written for the test (an invented state, Zembla).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from powermap.kb import KBActor, KBRole, KnowledgeBase, load_kb
from powermap.kb.build import Builder, Entry
from powermap.kb.common_words import common_words, count_words, is_common
from powermap.kb.countryinfo import FILE, FILE_DATE, office_roles, role_of, singular
from powermap.kb.import_orgs import OrgImporter, body_type, import_rules
from powermap.kb.import_places import import_places, read_places
from powermap.kb.phoenix import SplitRules, split_bodies, titlecase

from .actors_fixtures import mentions

RULES = SplitRules(
    country_words=frozenset({"ZEMBLA", "ZEMBLAN", "ZB"}),
    function_words=frozenset({"OF", "THE", "AND", "FOR"}),
    person_words=frozenset({"spokesman", "official"}),
    cue_words=frozenset({"AGENCY", "AUTHORITY", "COMMITTEE", "SERVICE"}),
    common=frozenset({"action", "now", "the"}),
)


def _names(bodies):
    return [[" ".join(n) for n in b.names] for b in bodies]


def test_an_entry_splits_into_bodies_with_the_abbreviations_they_spell():
    raw = [
        "NATIONAL_HARBOUR_AUTHORITY_",
        "+CENTRAL_WEATHER_AGENCY_",
        "+CWA_",
        "+NHA",
        "+ZEMBLAN_NATIONAL_HARBOUR_AUTHORITY",
        "+HARBOUR_AUTHORITY_SPOKESMAN",
    ]
    bodies = split_bodies(raw, RULES)
    assert _names(bodies) == [
        ["NATIONAL HARBOUR AUTHORITY", "ZEMBLAN NATIONAL HARBOUR AUTHORITY"],
        ["CENTRAL WEATHER AGENCY"],
    ]
    assert [b.abbrs for b in bodies] == [["NHA"], ["CWA"]]
    assert bodies[0].main(RULES) == ["ZEMBLAN", "NATIONAL", "HARBOUR", "AUTHORITY"]


def test_a_name_that_is_another_name_with_more_words_is_dropped_but_a_fuller_name_is_kept():
    raw = [
        "GREEN_DAWN_FRONT",
        "+GREEN_DAWN_FRONT_LINKED_CELL",
        "+EXILE-BASED_GREEN_DAWN_FRONT",
        "+GREEN_DAWN_FRONT_ARMY",
    ]
    assert _names(split_bodies(raw, RULES)) == [["GREEN DAWN FRONT", "GREEN DAWN FRONT ARMY"]]


def test_an_abbreviation_that_spells_no_name_stays_only_when_the_entry_is_one_body():
    assert split_bodies(["ZEMBLA_POSTAL_SERVICE", "+ZPX"], RULES)[0].abbrs == ["ZPX"]
    two = split_bodies(["ZEMBLA_POSTAL_SERVICE", "+RIVER_TRANSPORT_AGENCY", "+ZPX"], RULES)
    assert [b.abbrs for b in two] == [[], []]


def test_a_one_word_common_word_is_no_abbreviation():
    bodies = split_bodies(["ACTION", "+NOW"], RULES)
    assert bodies[0].abbrs == []  # both are words, read as names (and then filtered as common)
    assert is_common("Action", RULES.common) and is_common("N.O.W.", RULES.common)
    assert not is_common("Action Committee", RULES.common)


def test_names_are_title_cased_with_function_words_and_abbreviations_kept():
    assert titlecase(["U.S.", "DEPARTMENT", "OF", "FISHERIES"], ["of"]) == "U.S. Department of Fisheries"
    assert titlecase(["ZB", "COAST", "GUARD"], keep=["ZB"]) == "ZB Coast Guard"
    assert titlecase(["MARIA", "O'BRIEN"]) == "Maria O'Brien"
    assert titlecase(["AL", "QA'IDA"]) == "Al Qa'ida"


def test_common_words_are_counted_in_treebanks(tmp_path):
    bank = tmp_path / "ud-english-ewt"
    bank.mkdir()
    rows = ["1\taction\taction\tNOUN", "2\taction\taction\tNOUN", "3\tOrbis\tOrbis\tNOUN", "4\tOrbis\tOrbis\tNOUN"]
    rows += ["5\tzembla\tzembla\tPROPN", "6\tzembla\tzembla\tPROPN", "7\tkest\tkest\tNOUN", "8\tkest\tkest\tNOUN"]
    rows += ["9\tKest\tKest\tPROPN", "10\tKest\tKest\tPROPN", "11\tKest\tKest\tPROPN"]
    (bank / "en_test.conllu").write_text("# text = x\n" + "\n".join(r + "\t_\t_\t0\troot\t_\t_" for r in rows) + "\n")
    lower, capital = count_words([bank / "en_test.conllu"])
    assert lower["action"] == 2 and capital["kest"] == 3
    assert common_words(tmp_path) == frozenset({"action"})


def test_body_types_come_from_the_code():
    assert body_type("MNCZMB") == "company"
    assert body_type("ZMBGOVMED") == "media"
    assert body_type("IGOUNOMED") == "organisation"
    assert body_type("ZMBSPY") == "organisation"


def _phoenix(tmp_path: Path, countries: str, international: str = "", nonstate: str = "") -> Path:
    base = tmp_path / "event-coding/petrarch2"
    base.mkdir(parents=True)
    (base / "Phoenix.agents.txt").write_text("OFFICIAL_ [~GOV]\nSPY_ [~SPY]\nPOLICE_ [~COP]\n")
    (base / "Phoenix.Countries.actors.txt").write_text(countries)
    (base / "Phoenix.International.actors.txt").write_text(international)
    (base / "Phoenix.MilNonState.actors.txt").write_text(nonstate)
    return tmp_path


def _builder(data: Path) -> Builder:
    b = Builder(data)
    b.entries["zembla"] = Entry("zembla", "Zembla", "state", country="ZMB", code="ZMB")
    b.entries["zembla"].aliases = {"Zembla": "name", "Zemblan": "adj", "ZB": "abbr"}
    b.entries["kestrel_agency"] = Entry("kestrel_agency", "Kestrel Agency", "organisation", source="curated")
    b.entries["kestrel_agency"].aliases = {"Kestrel Agency": "name", "KSA": "abbr"}
    b.by_iso3["ZMB"] = "zembla"
    return b


def test_the_import_adds_bodies_of_a_state_and_filters_junk(tmp_path):
    countries = (
        "ZEMBLA_ [ZMB]\n+ZEMBLA_CITY_\n\n"
        "ZEMBLA_SECURITY_SERVICE_\n+ZSS_\n+KESTREL_SURVEY_AGENCY\n+KSA\n\t[ZMBSPY]\n\n"
        "NIGHT_WATCH_\n+NOW_\n\t[ZMBCOP]\n\n"
        "MARIA_OKONKWO_ [ZMBGOV 20010101-20050101]\n"
    )
    b = _builder(_phoenix(tmp_path, countries, international="ACTION_ [NGO]\n"))
    importer = OrgImporter(b, frozenset({"action", "now", "city"}))
    importer.run()
    service = b.entries["zembla_security_service"]
    assert service.type == "organisation" and service.country == "ZMB" and service.aliases["ZSS"] == "abbr"
    assert "KSA" not in b.entries["kestrel_survey_agency"].aliases  # a curated actor has it
    assert b.entries["kestrel_agency"].aliases["KSA"] == "abbr"
    assert "NOW" not in b.entries["night_watch"].aliases  # a common word
    assert "action" not in b.entries and "maria_okonkwo" not in b.entries  # a common word; a person
    assert "zembla_city" not in b.entries  # the state's own entry is no body


def test_an_office_title_becomes_a_role_key():
    patterns = [tuple(p) for p in import_rules()["office_titles"]]
    assert role_of(singular("Prime ministers"), patterns, exact=True) == "prime_minister"
    assert role_of(singular("Kings/QUEENS"), patterns, exact=True) == "monarch"
    assert role_of("Minister of Foreign Affairs and Trade", patterns, exact=False) == "foreign_minister"
    assert role_of("Prime Minister, First Lord of the Fleet", patterns, exact=False) == "prime_minister"
    assert role_of("Deputy Prime Minister", patterns, exact=False) is None
    assert role_of("President of the Senate", patterns, exact=False) is None
    assert role_of("President, Central Bank", patterns, exact=False) is None


def test_a_dated_office_resolves_by_date(tmp_path):
    text = (
        "<CountryCode>ZMB</CountryCode>\n<Leaders>\n\t<Prime ministers>\n"
        "\t\tANNA_VOSS_ [19900301 - 19960631] [B:19400101]\n"
        "\t\t{PIET_KRAAL_}{PIETER_KRAAL_} [>19960631] [B:19500101]\n"
        "\t</Prime ministers>\n</Leaders>\n<Government>\n"
        "\tLENA_MOOR_ [ZMBGOV <20040101][ZMBGOV >20080101] # Minister of Foreign Affairs & Minister of Health\n"
        "</Government>\n"
    )
    path = tmp_path / FILE
    path.parent.mkdir(parents=True)
    path.write_text(text)
    patterns = [tuple(p) for p in import_rules()["office_titles"]]
    offices = office_roles(tmp_path, patterns, {("ZMB", "prime_minister"): ["2001-05-01"]})
    terms = {(o.names[0], o.role, o.start, o.end) for o in offices}
    assert terms == {
        ("ANNA_VOSS", "prime_minister", "1990-03-01", "1996-06-30"),
        ("PIET_KRAAL", "prime_minister", "1996-06-30", "2001-05-01"),
        ("LENA_MOOR", "foreign_minister", "2003-01-01", "2004-01-01"),
    }
    actors = {p: KBActor(p, p, "person", "ZMB", None, None, None, "test") for p in ("ANNA_VOSS", "PIET_KRAAL")}
    roles = {
        o.names[0]: [
            KBRole(o.names[0], o.of, o.role, o.title, date.fromisoformat(o.start), date.fromisoformat(o.end), "", "")
        ]
        for o in offices
        if o.role == "prime_minister"
    }
    kb = KnowledgeBase(actors, [], roles)
    assert kb.holder("ZMB", "prime_minister", date(1993, 1, 1)) == "ANNA_VOSS"
    assert kb.holder("ZMB", "prime_minister", date(1999, 1, 1)) == "PIET_KRAAL"
    assert kb.holder("ZMB", "prime_minister", date(2005, 1, 1)) is None
    assert FILE_DATE > "2001-05-01"


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_the_built_base_links_an_imported_agency(en):
    found = en("Agents of the DEA searched the harbour office on Tuesday.", date(2021, 6, 1))
    assert mentions(found, "drug_enforcement_agency") == ["DEA"]


def test_the_built_base_resolves_a_role_word_at_a_date_before_2010(kb, nl):
    assert kb.holder("GBR", "prime_minister", date(1995, 1, 1)) == "john_major"
    found = nl("De Britse premier sprak gisteren over de begroting.", date(1995, 1, 1))
    assert "john_major" in found.actors


def test_cities_and_features_of_a_country_become_places_without_junk(tmp_path):
    text = (
        "<CountryCode>ZMB</CountryCode>\n<MajorCities>\n\tPORT_ORVAL_\n\tZEMBLA_\n\tACTION_\n\tMARIA_\n"
        "</MajorCities>\n<Regions>\n\tNORTH_ORVAL_PROVINCE_\n</Regions>\n<GeogFeatures>\n\tGULF_OF_ORVAL_ # a gulf\n"
        "</GeogFeatures>\n"
    )
    path = tmp_path / FILE
    path.parent.mkdir(parents=True)
    path.write_text(text)
    assert [t for _, t in read_places(path)] == [
        ["PORT", "ORVAL"],
        ["ZEMBLA"],
        ["ACTION"],
        ["MARIA"],
        ["GULF", "OF", "ORVAL"],
    ]
    b = _builder(tmp_path)
    b.entries["maria_okonkwo"] = Entry("maria_okonkwo", "Maria Okonkwo", "person")
    assert import_places(b, frozenset({"action", "gulf"})) == 2
    port, gulf = b.entries["port_orval"], b.entries["gulf_of_orval"]
    assert (port.type, port.country, port.parent) == ("place", "ZMB", "")
    assert gulf.name == "Gulf of Orval"
    assert not {"zembla_zmb", "action", "maria", "north_orval_province"} & set(b.entries)


def test_a_leader_row_for_the_head_of_a_body_is_no_presidency(tmp_path):
    folder = tmp_path / "gazetteer/world-leaders-wikidata"
    folder.mkdir(parents=True)
    head = "countryid,country,position,positionLabel,officeholder,officeholderLabel,start_year,end_year\n"
    (folder / "wikidata.csv").write_text(head + "Q20,Norway,Q1,President of Norway,Q91,Kari Nordvik,2030,\n")
    (folder / "wikipedia.csv").write_text(
        "continent,country,position,positionlabel,officeholder,officeholderlabel,start_year,end_year\n"
        "Europe,Norway,Q2,President of the National Assembly of Norway,Q92,Ola Fjellby,2030,\n"
        "Europe,Norway,Q3,Prime Minister of Norway,Q93,Siri Haugvik,2031,\n"
    )
    b = Builder(tmp_path)
    b.entries["norway"] = Entry("norway", "Norway", "state", country="NOR", code="NOR")
    b.entries["norway"].aliases = {"Norway": "name"}
    b.by_iso3["NOR"] = "norway"
    b.leaders()
    assert {(r.id, r.role) for r in b.roles} == {("kari_nordvik", "president"), ("siri_haugvik", "prime_minister")}
    assert b.entries["ola_fjellby"].wikidata == "Q92"  # the person is known, without the office
