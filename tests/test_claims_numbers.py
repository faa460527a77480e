"""claims.v1 on sentences written for these tests (Dutch and English number forms)."""

from __future__ import annotations

import pytest

from powermap.extract.claims import ClaimStage
from powermap.extract.stage import ExtractionContext
from powermap.records import Actor, Document, ExtractionRecord, Span, document_id


def claims(text: str, language: str = "nl", actors: dict[str, str] | None = None) -> list:
    record = ExtractionRecord(document=Document(id=document_id(text), text=text, language=language))
    for form, kind in (actors or {}).items():
        i = text.find(form)
        record.actors.append(Actor(id=form.lower(), name=form, type=kind, mentions=[Span(form, i, i + len(form))]))
    ClaimStage()(ExtractionContext(record=record))
    for c in record.claims:
        assert text[c.start : c.end] == c.text
    return record.claims


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("De handel bedroeg 236,3 miljard dollar.", "nl", 236.3e9, "USD"),
        ("Trade reached $747 billion last year.", "en", 747e9, "USD"),
        ("Het tekort liep op tot 1.250 miljoen euro.", "nl", 1.25e9, "EUR"),
        ("Exports fell to 1,250.5 million euros.", "en", 1.2505e9, "EUR"),
        ("De EU was goed voor 35 % van de handel.", "nl", 35, "percent"),
        ("Twintig procent van de kiezers bleef thuis.", "nl", 20, "percent"),
        ("Het leger bezette vijf regio's in het oosten.", "nl", 5, "count"),
        ("De oorlog duurt al elf maanden.", "nl", 11, "months"),
        ("De export is met twee derde gedaald.", "nl", 66.6667, "percent"),
        ("De landen zijn goed voor de helft van de handel.", "nl", 50, "percent"),
        ("Dat was dubbel zo groot als vorig jaar.", "nl", 2, "ratio"),
        ("Het land is de derde handelspartner van de unie.", "nl", 3, "rank"),
        ("Half of the budget went to defence.", "en", 50, "percent"),
    ],
)
def test_claims_number_forms(text: str, language: str, value: float, unit: str) -> None:
    (claim,) = claims(text, language)
    assert claim.value == pytest.approx(value, rel=1e-3)
    assert claim.unit == unit


def test_claims_range_keeps_lower_end_and_whole_span() -> None:
    (claim,) = claims("Het aandeel lag tussen 15 tot 20 % van de export.")
    assert (claim.value, claim.unit, claim.text) == (15, "percent", "15 tot 20 %")


def test_claims_currency_carried_from_neighbour() -> None:
    found = claims("Na de VS (747 miljard) en Japan (466 miljard dollar) kwam het land.")
    assert [(c.value, c.unit) for c in found] == [(747e9, "USD"), (466e9, "USD")]


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 veranderde alles.",
        "Op 9 en 10 juni 2025 kwamen ze samen.",
        "Tot 24 februari bleef het stil.",
        "De G20 kwam bijeen.",
        "Er zijn twee opvattingen over de zaak.",
        "Miljarden dollars verdwenen naar het buitenland.",
        "Hij zei: “We doen dit in vijf minuten.”",
    ],
)
def test_claims_non_claims_are_skipped(text: str) -> None:
    assert claims(text) == []


def test_claims_period_subject_and_footnote_source() -> None:
    text = (
        "Vóór 2022 nam China 15 % van de handel met Rusland voor zijn rekening.1\n"
        "In 2024 was dat 34 % volgens het IMF.\n"
        "Noten\n"
        "- Handelscijfers, IMF, 2025.\n"
    )
    first, second = claims(text, actors={"China": "state", "Rusland": "state", "IMF": "organisation"})
    assert first.period == "../2022"
    assert first.source == "1: Handelscijfers, IMF, 2025."
    assert set(first.subject) == {"china", "rusland"}
    assert first.about == "van de handel met Rusland voor zijn rekening"
    assert second.period == "2024"
    assert second.source == "IMF"


def test_claims_source_is_the_named_body_not_the_adjective_state_before_it() -> None:
    text = "Volgens het Zweedse vredesinstituut Vredeslab zijn er in Tsjaad ongeveer 2.400 huurlingen actief."
    (claim,) = claims(text, actors={"Zweedse": "state", "Vredeslab": "organisation", "Tsjaad": "state"})
    assert claim.value == 2400 and claim.source == "Vredeslab"
