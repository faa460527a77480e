"""Code selection and lexicon rows for unseen news (issue 18, sixth pass), each on a hand-parsed
sentence written for the test: Alpino UD labels for Dutch, ClearNLP labels for English."""

from __future__ import annotations

from powermap.extract.events import EventStage

from .events_fixtures import context, parsed

ACTORS = {
    "Peru": ("peru", "state"),
    "Chili": ("chili", "state"),
    "Chile": ("chili", "state"),
}


def run(rows, lang="nl"):
    doc = parsed(lang, rows)
    ctx = context(doc, ACTORS)
    EventStage()(ctx)
    return sorted((e.source, e.target, e.cameo) for e in ctx.record.events)


def talk(aux: str, lemma: str):
    # Peru wil met Chili praten .   /   Peru zal met Chili praten .
    return run([
        ("Peru", "Peru", "PROPN", "nsubj", 4), (aux, lemma, "AUX", "aux", 4),
        ("met", "met", "ADP", "case", 3), ("Chili", "Chili", "PROPN", "obl", 4),
        ("praten", "praten", "VERB", "ROOT", 4), (".", ".", "PUNCT", "punct", 4),
    ])  # fmt: skip


def test_a_wanted_consultation_is_an_intent_to_meet():
    assert talk("wil", "willen") == [("peru", "chili", "036")]


def test_a_bare_future_is_no_intent():
    assert talk("zal", "zullen") == [("peru", "chili", "040")]


def test_a_promised_act_of_aid_is_an_intent_to_give_aid():
    # Peru promised to send aid to Chile .
    found = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("promised", "promise", "VERB", "ROOT", 1),
        ("to", "to", "PART", "aux", 3), ("send", "send", "VERB", "xcomp", 1),
        ("aid", "aid", "NOUN", "dobj", 3), ("to", "to", "ADP", "prep", 3),
        ("Chile", "Chile", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 1),
    ], "en")  # fmt: skip
    assert [(s, t, c[:2]) for s, t, c in found] == [("peru", "chili", "03")]


def test_a_prefix_the_lemmatizer_guessed_is_dropped():
    # Peru nam de voorstellen onder de loep .   (the parser's lemma *deelnemen* has no *deel* in sight)
    found = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("nam", "deelnemen", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("voorstellen", "voorstel", "NOUN", "obj", 1),
        ("onder", "onder", "ADP", "case", 6), ("de", "de", "DET", "det", 6),
        ("loep", "loep", "NOUN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert [(s, t, c[:2]) for s, t, c in found] == [("peru", None, "09")]
