"""The one language-data API: powermap.lang.get(code)."""

from __future__ import annotations

import dataclasses

import pytest

import powermap.lang as lang


def test_every_language_folder_loads_with_its_core_classes() -> None:
    assert {"nl", "en"} <= lang.codes()
    for code in lang.codes():
        data = lang.get(code)
        assert data.code == code
        for name in lang.CORE_CLASSES:
            assert all(w == w.lower() for w in data.words(name)), (code, name)


def test_dutch_classes_and_pronouns_with_person_and_number() -> None:
    nl = lang.get("nl")
    assert {"de", "het", "een"} <= nl.determiners
    assert "en" in nl.coordinators and "volgens" in nl.prepositions
    assert "uit" in nl.verb_particles
    assert nl.pronouns["hij"].person == 3 and nl.pronouns["hij"].number == "sg"
    assert nl.pronouns_where(person=1, number="pl") >= {"wij", "we"}


def test_language_data_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        lang.get("en").determiners = frozenset()  # type: ignore[misc]
    with pytest.raises(TypeError):
        lang.get("en").lists["x"] = frozenset()  # type: ignore[index]


def test_unknown_language_code_and_misspelt_list_raise() -> None:
    with pytest.raises(lang.UnknownLanguage):
        lang.get("../../etc")
    with pytest.raises(lang.UnknownLanguage):
        lang.table("English", "speech_verbs")
    with pytest.raises(KeyError, match="detrminers"):
        lang.get("nl").words("detrminers")


def test_union_spans_languages() -> None:
    assert {"om", "to", "zu"} <= lang.union("infinitive_marks")
