"""Language detection: long texts on trigrams alone, short texts on the full models."""

from __future__ import annotations

import pytest

from powermap.ingest.language import LONG_TEXT, _detector, detect_language

LONG = {
    "nl": "De regering wil volgend jaar meer geld uitgeven aan defensie, maar de oppositie vindt dat "
    "het kabinet eerst moet uitleggen waar dat geld vandaan komt en wie de rekening betaalt.",
    "en": "The government wants to spend more on defence next year, but the opposition says the cabinet "
    "must first explain where the money comes from and who will pay the bill in the end.",
    "de": "Die Regierung will im nächsten Jahr mehr Geld für die Verteidigung ausgeben, doch die Opposition "
    "verlangt zuerst eine Erklärung, woher das Geld kommen soll und wer am Ende bezahlt.",
}
SHORT = {"nl": "Het kabinet valt over de begroting.", "en": "The cabinet falls over the budget."}


@pytest.mark.parametrize("code", sorted(LONG))
def test_long_texts_are_told_apart_by_the_light_detector(code):
    assert len(LONG[code]) >= LONG_TEXT
    assert detect_language(LONG[code]) == code


@pytest.mark.parametrize("code", sorted(SHORT))
def test_short_texts_use_the_full_detector(code):
    assert len(SHORT[code]) < LONG_TEXT
    assert detect_language(SHORT[code]) == code


def test_the_two_detectors_are_built_once_each():
    assert _detector(True) is _detector(True)
    assert _detector(True) is not _detector(False)


def test_text_without_letters_has_no_language():
    assert detect_language("12 345 -- 67") is None
