"""Role rules of issue 18, session 8 (who and whom), each on a hand-parsed sentence written for
the test: Alpino UD labels for Dutch, ClearNLP labels for English."""

from __future__ import annotations

from powermap.extract.events import EventStage

from .events_fixtures import context, parsed

ACTORS = {
    "Peru": ("peru", "state"),
    "Chili": ("chili", "state"),
    "Chile": ("chili", "state"),
    "Jansen": ("jansen", "person"),
}


def run(rows, lang="nl", morphs=None, actors=None):
    doc = parsed(lang, rows)
    for i, morph in (morphs or {}).items():
        doc[i].set_morph(morph)
    ctx = context(doc, actors or ACTORS)
    EventStage()(ctx)
    return sorted((e.source, e.target, e.cameo[:2]) for e in ctx.record.events)


def test_a_target_found_by_word_order_brings_its_coordination():
    # Jansen reist naar Peru en Chili om daar te pleiten voor vrijhandel .
    found = run([
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("reist", "reizen", "VERB", "ROOT", 1),
        ("naar", "naar", "ADP", "case", 3), ("Peru", "Peru", "PROPN", "obl", 1),
        ("en", "en", "CCONJ", "cc", 5), ("Chili", "Chili", "PROPN", "conj", 3),
        ("om", "om", "ADP", "mark", 9), ("daar", "daar", "ADV", "advmod", 9),
        ("te", "te", "ADP", "mark", 9), ("pleiten", "pleiten", "VERB", "advcl", 1),
        ("voor", "voor", "ADP", "case", 11), ("vrijhandel", "vrijhandel", "NOUN", "obl", 9),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert ("jansen", "peru", "02") in found
    assert ("jansen", "chili", "02") in found
