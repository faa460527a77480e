"""claims.v1 on sentences written for these tests (Dutch and English number forms)."""

from __future__ import annotations

import pytest

from powermap.extract.claims import ClaimStage, format_value
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
        "Op 14 en 15 oktober 2023 kwamen ze samen.",
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


# -- rules that read the parse (sentences written for these tests) ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "De minister acht zich onschuldig aan de fout.",  # acht: a verb, not eight
        "In de jaren tachtig steunde hij wrede regimes.",  # a decade
        "Ze stemmen over Artikel 12 wanneer het kan.",  # a label
        "Het eerste deel eindigt hier. 4 Wat volgt er nu?",  # a section number
        "De fabriek maakt 5G-apparatuur voor de markt.",  # a code glued to letters
        "Er zijn twee tendensen in de partij.",  # two: discourse
        "Eén van de ministers trad af.",  # one of: no number
        "De tweede ronde begint morgen.",  # the nth of a set, not a count
        "Om 20.45 uur begon de vergadering.",  # a clock time
        "Ze steunt de stichting Zeven Zeeën al jaren.",  # a number word inside a name
    ],
)
def test_claims_parse_rejects_numbers_that_measure_nothing(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The meeting started at 9:45 p.m. local time.",  # a clock time
        "One of the ministers resigned on Friday.",
        "The second round starts tomorrow.",
        "The vote was called at 1340 UTC on Tuesday.",  # a time of day
        "He woke at 6 o'clock that morning.",
        "The upgrade from Platform 9 changed little.",  # a label after a name
    ],
)
def test_claims_parse_rejects_english_non_claims(text: str) -> None:
    assert claims(text, "en") == []


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("Het leger ving 400 van zijn soldaten.", "nl", 400, "count"),  # partitive
        ("Er kwamen tweeënveertig delegaties naar de top.", "nl", 42, "count"),
        ("De commissie heeft zeshonderd getuigen ondervraagd.", "nl", 600, "count"),
        ("Twenty-five ships left the harbour.", "en", 25, "count"),
        ("Over anderhalve maand kiest het land een parlement.", "nl", 1.5, "months"),
        ("Het tienjarig bestaan van het verdrag werd gevierd.", "nl", 10, "years"),
        ("The seven-year conflict ended in a truce.", "en", 7, "years"),
        ("A 23-year-old student was arrested.", "en", 23, "years"),
        ("Het pakket woog 12 kilo.", "nl", 12, "kg"),
        ("The wall is 4 metres high.", "en", 4, "m"),
        ("De patiënt had een BMI van 31.", "nl", 31, "BMI"),
        ("De premier begint aan zijn derde termijn.", "nl", 3, "count"),
        ("She won a fourth term in office.", "en", 4, "count"),
        ("The drought halved the harvest.", "en", 50, "percent"),
        ("Het bestand hield één week stand.", "nl", 1, "weeks"),
        ("The truce held for one week.", "en", 1, "weeks"),
        ("De raad vergadert drie keer per jaar.", "nl", 3, "count"),
        ("Het kabinet kreeg een half jaar de tijd.", "nl", 0.5, "years"),
        ("The fund pledged USD 20 million to the programme.", "en", 20e6, "USD"),
        ("The tower stands 300 feet tall.", "en", 300, "feet"),
        ("Het water was 14 graden warm.", "nl", 14, "degrees"),
        ("The speech lasted 40 minutes.", "en", 40, "minutes"),
        ("Turnout rose by 12 per cent.", "en", 12, "percent"),
        ("De centrale stoot 3,5 megaton uit.", "nl", 3.5, "megatonnes"),
        ("Een brood kost 30 cent meer.", "nl", 30, "cents"),
        ("Support fell by 3 percentage points.", "en", 3, "percentage points"),
    ],
)
def test_claims_parse_reads_quantities(text: str, language: str, value: float, unit: str) -> None:
    (claim,) = claims(text, language)
    assert claim.value == pytest.approx(value, rel=1e-3)
    assert claim.unit == unit


def test_claims_age_in_brackets_after_a_person() -> None:
    (claim,) = claims("Jan Veldkamp (64) leidt sinds maart de partij.", actors={"Jan Veldkamp": "person"})
    assert (claim.value, claim.unit, claim.text) == (64, "years", "64")


def test_claims_restated_quantity_is_one_claim() -> None:
    found = claims("Het onderzoek duurde drie jaar. Na drie jaar kwam er een rapport.")
    assert [(c.value, c.unit) for c in found] == [(3, "years")]


def test_claims_source_verb_subject_and_subject_without_the_source() -> None:
    (claim,) = claims(
        "Het bureau Telwerk schat dat Zuidland 3.000 soldaten naar de grens stuurde.",
        actors={"Telwerk": "organisation", "Zuidland": "state"},
    )
    assert claim.source == "Telwerk"
    assert claim.subject == ["zuidland"]


def test_claims_according_to_source_is_left_out_of_the_subject() -> None:
    (claim,) = claims(
        "According to Statbureau, Northland sent 3,000 soldiers to the border.",
        "en",
        actors={"Statbureau": "organisation", "Northland": "state"},
    )
    assert claim.source == "Statbureau"
    assert claim.subject == ["northland"]


@pytest.mark.parametrize(
    ("value", "printed"),
    [(1e6, "1,000,000"), (236.3e9, "236,300,000,000"), (66.6667, "66.6667"), (0.5, "0.5"), (3.0, "3")],
)
def test_claims_values_print_the_way_people_read_them(value: float, printed: str) -> None:
    assert format_value(value) == printed


def test_claims_coordinated_numbers_share_scale_and_unit() -> None:
    found = claims("De gemeente gaf 30.000 en 5.000 euro uit.")
    assert [(c.value, c.unit, c.text) for c in found] == [(30000, "EUR", "30.000"), (5000, "EUR", "5.000 euro")]
    found = claims("The plan costs 6 or 7 billion dollars.", "en")
    assert [(c.value, c.unit) for c in found] == [(6e9, "USD"), (7e9, "USD")]


def test_claims_source_marker_phrase_names_the_source() -> None:
    (claim,) = claims(
        "Uit cijfers van Telbureau blijkt dat 4.000 inwoners vertrokken.", actors={"Telbureau": "organisation"}
    )
    assert claim.source == "Telbureau"


def test_claims_speaker_without_a_name_is_the_subject_phrase() -> None:
    (claim,) = claims(
        "Een Noordlandse ambtenaar zei dat 200 soldaten de grens overstaken.", actors={"Noordlandse": "state"}
    )
    assert claim.source == "Een Noordlandse ambtenaar"


def test_claims_verb_of_saying_needs_its_particle_words() -> None:
    (claim,) = claims("De Verenigde Staten hebben 300 soldaten gestuurd.", actors={"Verenigde Staten": "state"})
    assert claim.source is None and claim.subject == ["verenigde staten"]


def test_claims_period_falls_back_to_the_publication_date() -> None:
    text = "Het leger stuurde 300 soldaten naar de grens."
    record = ExtractionRecord(document=Document(id=document_id(text), text=text, language="nl", published="2021-06"))
    ClaimStage()(ExtractionContext(record=record))
    assert [(c.value, c.period) for c in record.claims] == [(300, "2021-06")]


def test_claims_article_and_fraction_word_before_a_noun_is_no_share() -> None:
    found = claims("Voters did not want a third party in parliament.", "en")
    assert [c.unit for c in found if c.unit == "percent"] == []
    (share,) = claims("A third of the voters stayed home.", "en")
    assert (share.value, share.unit) == (pytest.approx(33.33, rel=1e-3), "percent")


def test_claims_subject_puts_the_clause_subject_first() -> None:
    (claim,) = claims(
        "Volgens Noordland stuurde Zuidland 300 soldaten naar Oostland.",
        actors={"Noordland": "state", "Zuidland": "state", "Oostland": "state"},
    )
    assert claim.source == "Noordland"
    assert claim.subject == ["zuidland", "oostland"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Het eerste deel eindigt hier. 40 Amerikaanse soldaten kwamen om bij de aanval.", "nl"),
        ("The first part ends here. 40 American soldiers died in the attack.", "en"),
    ],
)
def test_claims_count_opening_a_sentence_before_a_capitalised_adjective(text: str, language: str) -> None:
    (claim,) = claims(text, language)
    assert (claim.value, claim.unit) == (40, "count")


def test_claims_change_from_one_value_to_another_is_two_claims() -> None:
    found = claims("De groei zakt van 2,4 tot 1,9 procent.")  # downwards: no range
    assert [(c.value, c.unit) for c in found] == [(2.4, "percent"), (1.9, "percent")]
    found = claims("Het aandeel steeg van 12 naar 15 procent.")
    assert [(c.value, c.unit) for c in found] == [(12, "percent"), (15, "percent")]
    found = claims("Growth fell from 2.4 to 1.9 percent.", "en")
    assert [(c.value, c.unit) for c in found] == [(2.4, "percent"), (1.9, "percent")]
