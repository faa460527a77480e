"""Which coded events state a position, and with which polarity (stances from events)."""

from __future__ import annotations

from powermap.extract.stances.from_events import event_polarity
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
    assert event_polarity(coded("057", "The two ministers signed a fisheries accord on Monday.")) is None


def test_wished_cooperation_is_a_position_for_it() -> None:
    assert event_polarity(coded("057", "De premier wil snel een akkoord sluiten met de bond.", modality="intended"))


def test_praise_and_recognition_are_positions() -> None:
    assert event_polarity(coded("051", "The senator praised the mediator's patience."))
    assert event_polarity(coded("054", "Het eiland werd door drie staten erkend."))


def test_conflictual_roots_are_against_and_negation_turns_support_against() -> None:
    assert event_polarity(coded("111", "De vakbond bekritiseerde de nieuwe regels.")) is False
    assert event_polarity(coded("051", "She did not endorse the candidate.", negated=True)) is False


def test_force_gives_no_position() -> None:
    assert event_polarity(coded("190", "Troops shelled the border post overnight.")) is None
