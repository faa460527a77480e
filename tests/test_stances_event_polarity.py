"""Which coded events state a position, and with which polarity (stances from events)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from powermap.extract.events.lexicon import get_lexicon
from powermap.extract.stances.from_events import event_polarity, names_measure
from powermap.records import Event


def coded(cameo: str, sentence: str, negated: bool = False, modality: str = "asserted") -> Event:
    return Event(
        source="a",
        target="b",
        cameo=cameo,
        plover=None,
        goldstein=None,
        sentence=sentence,
        start=0,
        end=len(sentence),
        negated=negated,
        modality=modality,  # type: ignore[arg-type]
    )


def test_cooperating_is_a_deed_not_a_position() -> None:
    assert event_polarity(coded("050", "De ministeries werken sinds maart samen met het agentschap.")) is None


def test_wished_cooperation_and_agreements_are_positions_for_them() -> None:
    assert event_polarity(coded("050", "De premier wil nauwer samenwerken met de bond.", modality="intended"))
    assert event_polarity(coded("057", "The two ministers signed a fisheries accord on Monday."))


def test_praise_and_recognition_are_positions() -> None:
    assert event_polarity(coded("051", "The senator praised the mediator's patience."))
    assert event_polarity(coded("054", "Het eiland werd door drie staten erkend."))


def test_conflictual_roots_are_against_and_negation_turns_support_against() -> None:
    assert event_polarity(coded("111", "De vakbond bekritiseerde de nieuwe regels.")) is False
    assert event_polarity(coded("051", "She did not endorse the candidate.", negated=True)) is False


def test_force_gives_no_position() -> None:
    assert event_polarity(coded("190", "Troops shelled the border post overnight.")) is None


def sentence(language: str, words: list[str], lemmas: list[str]) -> Doc:
    doc = Doc(spacy.blank(language).vocab, words=words)
    for tok, lemma in zip(doc, lemmas, strict=True):
        tok.lemma_ = lemma
    return doc


def test_a_sanction_is_against_until_its_clause_names_the_measure() -> None:
    assert event_polarity(coded("163", "Het kabinet verbood de uitvoer van drones.")) is False
    nl = get_lexicon("nl")
    banned = sentence(
        "nl", ["Het", "kabinet", "verbood", "de", "uitvoer"], ["het", "kabinet", "verbieden", "de", "uitvoer"]
    )
    assert not names_measure(banned[:], None, nl)
    measure = sentence("nl", ["Zij", "stelden", "strafmaatregelen", "in"], ["zij", "stellen", "strafmaatregel", "in"])
    assert names_measure(measure[:], None, nl)
    verb = sentence(
        "en", ["The", "council", "sanctioned", "two", "banks"], ["the", "council", "sanction", "two", "bank"]
    )
    assert names_measure(verb[:], None, get_lexicon("en"))
    assert not names_measure(verb[:], (0, 3), get_lexicon("en"))  # the clause ends before the verb
