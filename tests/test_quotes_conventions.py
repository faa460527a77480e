"""quotes.v1: quote conventions and cues added for issue 16, on sentences written for these tests."""

from __future__ import annotations

from powermap.extract.quotes.marks import find_quotes, single_char_marks
from tests.test_quotes_constructions import by_text, run


def test_typewriter_low_high_marks_nl() -> None:
    text = (
        "De wethouder kwam laat. ,,We bouwen de brug pas volgend jaar'', zegt Piet Kramer. "
        ",,Het geld is op. De aannemer wacht.'' Daarna vertrok hij."
    )
    found = by_text(run(text, "nl", {"Piet Kramer": ["Piet Kramer"]}))
    assert found["We bouwen de brug pas volgend jaar"] == ("piet_kramer", "direct")
    assert found["Het geld is op. De aannemer wacht."] == ("piet_kramer", "direct")


def test_typewriter_marks_keep_offsets() -> None:
    text = "Zij zei: ,,kom morgen terug'' en ging."
    same, pairs = single_char_marks(text, ((",,", "''"), ('"', '"')))
    assert len(same) == len(text)
    (quote,) = find_quotes(text, ((",,", "''"),))
    assert text[quote.start : quote.end] == "kom morgen terug"
    assert ('"', '"') in pairs
