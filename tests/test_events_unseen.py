"""events.v1 rules added for unseen news, each on a hand-parsed sentence written for the test
(Alpino UD labels for Dutch, ClearNLP-style labels for English)."""

from __future__ import annotations

from powermap.extract.events import EventStage
from powermap.extract.events.lexicon import get_lexicon
from powermap.extract.events.morphology import noun_candidates

from .events_fixtures import context, parsed

ACTORS = {
    "Polen": ("polen", "state"),
    "Rusland": ("russia", "state"),
    "Chili": ("chili", "state"),
    "Peru": ("peru", "state"),
}


def run(rows, actors=ACTORS, lang="nl", published="2023-01-12"):
    ctx = context(parsed(lang, rows), actors, published)
    EventStage()(ctx)
    return [(e.source, e.target, e.cameo) for e in ctx.record.events], ctx


def test_noun_candidates_undo_dutch_plural_spelling():
    assert "verkoop" in noun_candidates("verkopen", "nl")
    assert "tarief" in noun_candidates("tarieven", "nl")
    assert "aanval" in noun_candidates("aanvallen", "nl")
    assert noun_candidates("sales", "en") == ["sales"]  # no Dutch morphology for English


def test_a_compound_event_noun_takes_the_row_of_its_head():
    lexicon = get_lexicon("nl")
    assert lexicon.noun_lemma(["grensoorlog"]) == "oorlog"
    assert lexicon.noun_lemma(["oorlogje"]) is None  # the head is the end of the word
    assert get_lexicon("en").noun_lemma(["borderwar"]) is None  # English writes compounds apart


def test_a_plural_event_noun_the_parser_lemmatised_wrongly_is_still_an_event():
    # De wapenverkopen van Rusland aan Chili stegen .   (parser lemma "wapenverkop")
    found, _ = run([
        ("De", "de", "DET", "det", 1), ("wapenverkopen", "wapenverkop", "NOUN", "nsubj", 6),
        ("van", "van", "ADP", "case", 3), ("Rusland", "Rusland", "PROPN", "nmod", 1),
        ("aan", "aan", "ADP", "case", 5), ("Chili", "Chili", "PROPN", "nmod", 1),
        ("stegen", "stijgen", "VERB", "ROOT", 6), (".", ".", "PUNCT", "punct", 6),
    ])  # fmt: skip
    assert ("russia", "chili", "062") in found
