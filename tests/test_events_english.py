"""English event rules of issue 18 (precision on unseen news), each on a sentence written for the
test: hand-parsed with ClearNLP labels, as spaCy's English pipelines give them."""

from __future__ import annotations

from powermap.extract.events import EventStage
from powermap.extract.events.headline import headline_end

from .events_fixtures import context, parsed

ACTORS = {
    "Peru": ("peru", "state"),
    "Chile": ("chili", "state"),
    "Jansen": ("jansen", "person"),
    "Pietersen": ("pietersen", "person"),
}


def run(rows, actors=ACTORS, spaces=None, **options):
    ctx = context(parsed("en", rows, spaces), actors)
    EventStage(**options)(ctx)
    return [(e.source, e.target, e.cameo[:2]) for e in ctx.record.events]


def test_a_short_first_line_set_off_by_a_blank_line_is_a_headline():
    assert headline_end("Peru recalls envoy\n\nPeru recalled its envoy on Monday.") == len("Peru recalls envoy")
    assert headline_end("Peru recalled its envoy.\nIt did so on Monday.") == 0  # no blank line: a paragraph
    assert headline_end("Peru recalls envoy") == 0  # the whole text
    assert headline_end("word " * 40 + "\n\nMore.") == 0  # a long lead paragraph


def test_the_headline_is_not_coded_again():
    # Peru condemns Chile \n\n Peru condemned Chile .
    rows = [
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("condemns", "condemn", "VERB", "ROOT", 1),
        ("Chile", "Chile", "PROPN", "dobj", 1), ("\n\n", "\n\n", "SPACE", "dep", 2),
        ("Peru", "Peru", "PROPN", "nsubj", 5), ("condemned", "condemn", "VERB", "ROOT", 5),
        ("Chile", "Chile", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 5),
    ]  # fmt: skip
    spaces = [True, True, False, False, True, True, False, False]
    assert run(rows, spaces=spaces) == [("peru", "chili", "11")]
    assert len(run(rows, spaces=spaces, code_headline=True)) == 2


def unparsed(words, lemmas, pos):
    from spacy.tokens import Doc

    nlp = parsed("en", [("x", "x", "X", "ROOT", 0)]).vocab
    return Doc(nlp, words=words, lemmas=lemmas, pos=pos, sent_starts=[i == 0 for i in range(len(words))])


def test_word_order_takes_no_source_after_an_english_verb():
    # The office expelled Peru .   (no inversion in English: a name after the verb is its object)
    words = ["The", "office", "expelled", "Peru", "."]
    lemmas = ["the", "office", "expel", "Peru", "."]
    pos = ["DET", "NOUN", "VERB", "PROPN", "PUNCT"]
    ctx = context(unparsed(words, lemmas, pos), ACTORS)
    EventStage()(ctx)
    assert ctx.record.events == []
    words[:2] = ["Chile", "then"]
    lemmas[:2] = ["Chile", "then"]
    pos[:2] = ["PROPN", "ADV"]
    ctx = context(unparsed(words, lemmas, pos), ACTORS)
    EventStage()(ctx)
    assert [(e.source, e.target, e.cameo[:2]) for e in ctx.record.events] == [("chili", "peru", "17")]
