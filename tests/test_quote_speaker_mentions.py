"""A quote's ``speaker_mention``: the words its speaker was read from (a pronoun, a role, a
name), on sentences written for these tests; the record keeps it through the schema and a round
trip, and the PolNeAR bench adds it to the speaker's mentions."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from powermap.records import ExtractionRecord, Quote, Span, validate_record
from tests.test_quotes_speakers import PERSON, run

ROOT = Path(__file__).resolve().parents[1]


def _mentions(record: ExtractionRecord) -> dict[str, str | None]:
    """Quote text -> the text of its speaker mention."""
    return {q.text: q.speaker_mention.text if q.speaker_mention else None for q in record.quotes}


def test_a_pronoun_subject_is_the_speaker_mention() -> None:
    text = "Jane Roe visited the harbour on Monday.\n\n“The cranes are too old,” she said."
    record = run(text, "en", {"Jane Roe": (PERSON, ["Jane Roe"])})
    quote = next(q for q in record.quotes if q.text.startswith("The cranes"))
    assert quote.speaker == "jane_roe"
    assert quote.speaker_mention is not None
    assert text[quote.speaker_mention.start : quote.speaker_mention.end] == "she"
    assert quote.speaker_mention.start > quote.end  # the pronoun after the quote, not one inside it


def test_a_named_subject_is_the_speaker_mention() -> None:
    text = "Jane Roe said the harbour would close in May."
    record = run(text, "en", {"Jane Roe": (PERSON, ["Jane Roe"])})
    assert _mentions(record)["the harbour would close in May"] == "Jane Roe"


def test_a_role_that_stands_for_the_speaker_is_the_speaker_mention() -> None:
    text = "Jane Roe opened the new bridge on Friday. The senator said the toll would be dropped."
    record = run(text, "en", {"Jane Roe": (PERSON, ["Jane Roe"])})
    assert _mentions(record)["the toll would be dropped"] == "The senator"


def test_a_pronoun_inside_the_quote_is_not_the_speaker_mention() -> None:
    text = "Jane Roe met the union.\n\nShe said she would veto the plan."
    record = run(text, "en", {"Jane Roe": (PERSON, ["Jane Roe"])})
    quote = next(q for q in record.quotes if "veto" in q.text)
    assert quote.speaker_mention is not None and quote.speaker_mention.start == text.index("She said")


def test_a_speaker_carried_on_from_the_sentence_before_is_named_there() -> None:
    text = "“We start on Monday,” Jane Roe said. “Nobody will be left behind on the site.”"
    record = run(text, "en", {"Jane Roe": (PERSON, ["Jane Roe"])})
    by_text = {q.text: q for q in record.quotes}
    carried = by_text.get("Nobody will be left behind on the site.")
    assert carried is not None and carried.speaker == "jane_roe" and carried.cue is None
    assert carried.speaker_mention is not None and carried.speaker_mention.start == text.index("Jane Roe")


def test_a_pronoun_before_a_cue_set_inside_the_clause_is_the_speaker_mention() -> None:
    text = "Tom Pike spoke on Monday.\n\nThe harbour, he said, would stay open because he would keep it so."
    record = run(text, "en", {"Tom Pike": (PERSON, ["Tom Pike"])})
    quote = next(q for q in record.quotes if q.text.startswith("The harbour"))
    assert quote.speaker == "tom_pike"
    assert quote.speaker_mention is not None and quote.speaker_mention.start == text.index("he said")


def test_the_speaker_mention_survives_the_schema_and_a_round_trip() -> None:
    text = "Jane Roe visited the harbour.\n\n“The cranes are too old,” she said."
    record = run(text, "en", {"Jane Roe": (PERSON, ["Jane Roe"])})
    assert any(q.speaker_mention for q in record.quotes)
    assert validate_record(record) == []
    again = ExtractionRecord.from_dict(record.to_dict())
    assert again.quotes == record.quotes
    record.quotes.append(Quote("Jane", 0, 4, "jane_roe", "direct", None, Span("she", 0, 3)))
    assert any("speaker_mention" in e for e in validate_record(record))


def _quote_corpora():
    spec = importlib.util.spec_from_file_location("quote_corpora", ROOT / "bench" / "quote_corpora.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_polnear_bench_adds_the_speaker_mention_to_the_speakers_mentions_once() -> None:
    record = {
        "actors": [{"id": "a", "mentions": [{"text": "Jane Roe", "start": 0, "end": 8}]}],
        "quotes": [
            {"speaker": "a", "speaker_mention": {"text": "she", "start": 40, "end": 43}},
            {"speaker": "a", "speaker_mention": {"text": "Jane Roe", "start": 0, "end": 8}},
            {"speaker": None, "speaker_mention": None},
        ],
    }
    out = _quote_corpora().with_speaker_mentions(record)
    assert [(m["start"], m["end"]) for m in out["actors"][0]["mentions"]] == [(0, 8), (40, 43)]


def test_a_title_gives_a_person_the_gender_a_pronoun_must_agree_with() -> None:
    text = (
        "Tom Pike and Jane Roe toured the harbour on Monday. Mr. Pike asked about the cranes. "
        "Mrs. Roe answered every question. He said the cranes were too old."
    )
    people = {"Tom Pike": (PERSON, ["Tom Pike", "Pike"]), "Jane Roe": (PERSON, ["Jane Roe", "Roe"])}
    record = run(text, "en", people)
    quote = next(q for q in record.quotes if q.text == "the cranes were too old")
    assert quote.speaker == "tom_pike"  # not Mrs. Roe, the subject of the sentence before


def test_a_dutch_title_gives_the_gender_too() -> None:
    text = (
        "Tom Pieters en Jana Rademaker bezochten maandag de haven. De heer Pieters vroeg naar de kranen. "
        "Mevrouw Rademaker beantwoordde alle vragen. Hij zei dat de kranen te oud waren."
    )
    people = {
        "Tom Pieters": (PERSON, ["Tom Pieters", "Pieters"]),
        "Jana Rademaker": (PERSON, ["Jana Rademaker", "Rademaker"]),
    }
    record = run(text, "nl", people)
    quote = next(q for q in record.quotes if q.text.startswith("de kranen"))
    assert quote.speaker == "tom_pieters"


def test_a_sentence_opened_by_a_pronoun_passes_its_subject_on() -> None:
    text = (
        "Jane Roe opened the harbour on Monday. She thanked Tom Pike for the new cranes. She said the port would grow."
    )
    people = {"Jane Roe": (PERSON, ["Jane Roe"]), "Tom Pike": (PERSON, ["Tom Pike"])}
    record = run(text, "en", people)
    quote = next(q for q in record.quotes if q.text == "the port would grow")
    assert quote.speaker == "jane_roe"  # the one the first *she* stands for, not the person she thanked


def test_a_long_subject_with_no_actor_is_named_up_to_its_head_noun() -> None:
    text = "A harbour survey released on Monday by the port found that most residents oppose the new bridge."
    record = run(text, "en", {})
    quote = next(q for q in record.quotes if q.text == "most residents oppose the new bridge")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "A harbour survey"


def test_a_relative_pronoun_subject_is_the_speaker_mention_and_its_antecedent_the_speaker() -> None:
    text = "The plan was attacked by Tom Pike, who said the harbour would lose its trade."
    record = run(text, "en", {"Tom Pike": (PERSON, ["Tom Pike"])})
    quote = next(q for q in record.quotes if q.text == "the harbour would lose its trade")
    assert quote.speaker == "tom_pike"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "who"
