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


def test_a_speaker_carried_from_an_earlier_sentence_has_no_mention_in_the_quote_sentence() -> None:
    text = "“We start on Monday,” Jane Roe said. “Nobody will be left behind on the site.”"
    record = run(text, "en", {"Jane Roe": (PERSON, ["Jane Roe"])})
    by_text = {q.text: q for q in record.quotes}
    carried = by_text.get("Nobody will be left behind on the site.")
    assert carried is not None and carried.speaker == "jane_roe"
    assert carried.speaker_mention is None


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
