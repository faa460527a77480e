"""quotes.v1 on sentences written for these tests (Dutch, English, French and German marks)."""

from __future__ import annotations

import pytest

from powermap.extract.quotes import QuoteStage
from powermap.extract.quotes.marks import find_quotes
from powermap.extract.stage import ExtractionContext
from powermap.records import Actor, Document, ExtractionRecord, Span, document_id


def run(text: str, language: str, people: dict[str, list[str]]) -> ExtractionRecord:
    record = ExtractionRecord(document=Document(id=document_id(text), text=text, language=language))
    for name, forms in people.items():
        spans = []
        for form in forms:
            start = 0
            while (i := text.find(form, start)) >= 0:
                spans.append(Span(form, i, i + len(form)))
                start = i + len(form)
        record.actors.append(Actor(id=name.lower().replace(" ", "_"), name=name, type="person", mentions=spans))
    QuoteStage()(ExtractionContext(record=record))
    return record


def by_text(record: ExtractionRecord) -> dict[str, tuple[str | None, str]]:
    return {q.text: (q.speaker, q.kind) for q in record.quotes}


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("“Dit is een test van de eerste soort”, zegt Jan Smit.", "Dit is een test van de eerste soort"),
        ('"Dit is een test van de tweede soort", zegt Jan Smit.', "Dit is een test van de tweede soort"),
        ("‘Dit is een test van de derde soort’, zegt Jan Smit.", "Dit is een test van de derde soort"),
        ("„Dit is een test van de vierde soort”, zegt Jan Smit.", "Dit is een test van de vierde soort"),
        ("« Dit is een test van de vijfde soort », zegt Jan Smit.", "Dit is een test van de vijfde soort"),
    ],
)
def test_quotes_mark_styles_nl(text: str, quoted: str) -> None:
    assert by_text(run(text, "nl", {"Jan Smit": ["Jan Smit"]}))[quoted] == ("jan_smit", "direct")


def test_quotes_german_and_french_marks() -> None:
    pairs_de = (("„", "“"), ("»", "«"))
    text = "Er sagte: „Wir kommen morgen wieder.“ Und dann: »Vielleicht auch nicht.«"
    assert [text[q.start : q.end] for q in find_quotes(text, pairs_de)] == [
        "Wir kommen morgen wieder.",
        "Vielleicht auch nicht.",
    ]
    assert by_text(run("« Nous ne céderons pas », a déclaré Marie Dubois.", "fr", {"Marie Dubois": ["Marie Dubois"]}))


def test_quotes_apostrophes_are_not_quote_marks() -> None:
    text = "Hij zag zo'n twintig regio’s en z’n buren."
    assert find_quotes(text, (("'", "'"), ("‘", "’"))) == []


def test_quotes_split_quote_and_continuation() -> None:
    text = (
        "“We gaan niet terug naar de tafel”, zegt Anna de Vries. Ze is econoom in Utrecht. "
        "“De voorwaarden zijn gewoon te slecht voor ons land.”"
    )
    got = by_text(run(text, "nl", {"Anna de Vries": ["Anna de Vries"]}))
    assert got["We gaan niet terug naar de tafel"][0] == "anna_de_vries"
    assert got["De voorwaarden zijn gewoon te slecht voor ons land."][0] == "anna_de_vries"


def test_quotes_multi_paragraph_quote() -> None:
    text = "Piet Bos zei: “Eerst dit stuk van het verhaal.\n\n“En dan komt het tweede stuk erachter.”"
    (quote,) = run(text, "nl", {"Piet Bos": ["Piet Bos"]}).quotes
    assert quote.text.startswith("Eerst dit stuk") and quote.text.endswith("erachter.")
    assert quote.speaker == "piet_bos"


def test_quotes_particle_verb_pronoun_and_aldus() -> None:
    text = (
        "Karel Jansen is minister van Financiën. “De begroting klopt niet meer”, voegde hij daar aan toe. "
        "“We moeten opnieuw beginnen met rekenen”, aldus Jansen."
    )
    got = run(text, "nl", {"Karel Jansen": ["Karel Jansen", "Jansen"]})
    assert {q.speaker for q in got.quotes} == {"karel_jansen"}
    assert any(q.cue == "voegde ... toe" for q in got.quotes)


def test_quotes_indirect_speech_with_dat_and_volgens() -> None:
    text = (
        "De premier Lotte Mulder liet dinsdag weten dat de oefening niet doorgaat. "
        "Volgens Mulder is de situatie daarvoor te gespannen."
    )
    got = by_text(run(text, "nl", {"Lotte Mulder": ["Lotte Mulder", "Mulder"]}))
    assert got["de oefening niet doorgaat"] == ("lotte_mulder", "indirect")
    assert got["is de situatie daarvoor te gespannen"] == ("lotte_mulder", "indirect")


def test_quotes_partial_quote_inside_reported_speech() -> None:
    text = "Oud-minister Eva Kok noemt het akkoord een “historische vergissing”."
    assert by_text(run(text, "nl", {"Eva Kok": ["Eva Kok"]}))["historische vergissing"] == ("eva_kok", "partial")


def test_quotes_role_resolves_to_earlier_person() -> None:
    text = (
        "Volgens Tom Berg is de handel ingestort. "
        "“Dat had niemand zien aankomen”, legt de hoogleraar aan de universiteit uit."
    )
    got = by_text(run(text, "nl", {"Tom Berg": ["Tom Berg"]}))
    assert got["Dat had niemand zien aankomen"][0] == "tom_berg"


def test_quotes_subject_before_a_postposed_cue_beats_a_place_after_it() -> None:
    text = "“We will hold firm,” Mary Jones told reporters in Geneva. “Talks go on,” said Paul Smith in Oslo."
    people = {"Mary Jones": ["Mary Jones"], "Paul Smith": ["Paul Smith"], "Geneva": ["Geneva"], "Oslo": ["Oslo"]}
    got = by_text(run(text, "en", people))
    assert got["We will hold firm,"][0] == "mary_jones"
    assert got["Talks go on,"][0] == "paul_smith"


def test_quotes_verb_after_quote_and_conjunction_is_no_cue() -> None:
    text = 'Partijleider Jan Smit noemde het plan "onverantwoord" en eiste een debat.'
    got = by_text(run(text, "nl", {"Jan Smit": ["Jan Smit"]}))
    assert got["onverantwoord"][0] == "jan_smit"


def test_quotes_anonymous_source_is_not_guessed() -> None:
    text = "Tom Berg was er ook. “Het plan is dood”, zei een anonieme diplomaat tegen de krant."
    record = run(text, "nl", {"Tom Berg": ["Tom Berg"]})
    speaker = by_text(record)["Het plan is dood"][0]
    assert speaker is not None and speaker.startswith("anon-")
    assert speaker != "tom_berg"


def test_quotes_scare_quotes_are_skipped_and_no_speaker_is_null() -> None:
    text = "Het zogenaamde ‘akkoord’ bleef uit. De ‘deal’ was van tafel."
    assert run(text, "nl", {}).quotes == []


def test_quotes_english_said_after_and_according_to() -> None:
    text = (
        "“The sanctions are working slowly,” said Mary Jones. "
        "According to Jones, the economy will shrink next year. "
        "She added that the effects would last for years."
    )
    got = by_text(run(text, "en", {"Mary Jones": ["Mary Jones", "Jones"]}))
    assert got["The sanctions are working slowly,"][0] == "mary_jones"
    assert got["the effects would last for years"] == ("mary_jones", "indirect")


def test_quotes_according_to_a_described_body_quotes_the_body() -> None:
    text = "Volgens het Zweedse vredesinstituut Vredeslab zijn er in Tsjaad ongeveer 2.400 huurlingen actief."
    record = ExtractionRecord(document=Document(id=document_id(text), text=text, language="nl"))
    for form, kind in (("Zweedse", "state"), ("Vredeslab", "organisation"), ("Tsjaad", "state")):
        i = text.index(form)
        record.actors.append(Actor(id=form.lower(), name=form, type=kind, mentions=[Span(form, i, i + len(form))]))
    QuoteStage()(ExtractionContext(record=record))
    (quote,) = record.quotes
    assert quote.speaker == "vredeslab" and quote.kind == "indirect"
    assert quote.text.startswith("zijn er in Tsjaad")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mara Quill is an adviser. She said the coastal states would keep buying ships.",
            {"the coastal states would keep buying ships": ("mara_quill", "indirect")},
        ),
        (
            "Mara Quill said Ostland could not replace its old partners.",
            {"Ostland could not replace its old partners": ("mara_quill", "indirect")},
        ),
        ("Mara Quill is an adviser. She said the words twice.", {}),
        ("Mara Quill zei de woorden twee keer.", {}),
    ],
)
def test_quotes_reported_clause_without_that_in_english_only(text: str, expected: dict) -> None:
    language = "nl" if " zei " in text else "en"
    people = {"Mara Quill": ["Mara Quill"], "Ostland": ["Ostland"]}
    assert by_text(run(text, language, people)) == expected


def test_quotes_according_to_after_a_clause_quotes_that_clause() -> None:
    text = "Trade with Ostland reached $12 billion in 2023, according to Mara Quill, twice the level of 2019."
    record = run(text, "en", {"Mara Quill": ["Mara Quill"]})
    assert by_text(record) == {"Trade with Ostland reached $12 billion in 2023": ("mara_quill", "indirect")}


def test_quotes_according_to_a_role_noun_naming_a_body() -> None:
    text = (
        "Mara Quill zei dat de vrede broos is.\n\n"
        "Ostland maakt volgens de marktonderzoeker Telvanta ruim 60 procent van alle chips."
    )
    record = ExtractionRecord(document=Document(id=document_id(text), text=text, language="nl"))
    for form, kind in (("Mara Quill", "person"), ("Ostland", "state"), ("Telvanta", "organisation")):
        i = text.index(form)
        actor_id = form.lower().replace(" ", "_")
        record.actors.append(Actor(id=actor_id, name=form, type=kind, mentions=[Span(form, i, i + len(form))]))
    QuoteStage()(ExtractionContext(record=record))
    assert [q.speaker for q in record.quotes] == ["mara_quill", "telvanta"]
