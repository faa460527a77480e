"""stances.v1: what each word states. A second position of one holder in one sentence (a quote
naming a listed concept beside an event), an evaluative adjective that judges only its own noun,
evaluations caused in others (*leidt tot woede bij X*) and what an evaluative object judges."""

from __future__ import annotations

from powermap.extract.stances import StanceStage
from powermap.records import Event, Quote

from .events_fixtures import context, parsed

ACTORS = {
    "Polen": ("polen", "state"),
    "Noorwegen": ("norway", "state"),
    "VVD": ("vvd", "organisation"),
    "Democrats": ("democrats", "organisation"),
}


def run(rows, language="nl", events=(), quotes=()):
    """Stances of one hand-parsed sentence; ``events``: (source, cameo, target, first word, last word)."""
    ctx = context(parsed(language, rows), ACTORS)
    doc = ctx.doc
    for source, cameo, target, first, last in events:
        ctx.record.events.append(Event(source, target, cameo, None, None, ctx.text, 0, len(ctx.text)))
        ctx.event_clauses = [*(ctx.event_clauses or []), (doc[first].idx, doc[last].idx + len(doc[last]))]
    ctx.event_reported = [False] * len(events)
    ctx.record.quotes.extend(quotes)
    StanceStage()(ctx)
    return [(s.actor, s.concept, s.agree) for s in ctx.record.stances]


# Polen zegt dat een akkoord met Washington nodig is en levert kritiek op Noorwegen .
SAYS_AND_CRITICISES = [
    ("Polen", "Polen", "PROPN", "nsubj", 1), ("zegt", "zeggen", "VERB", "ROOT", 1),
    ("dat", "dat", "SCONJ", "mark", 8), ("een", "een", "DET", "det", 4),
    ("akkoord", "akkoord", "NOUN", "nsubj", 8), ("met", "met", "ADP", "case", 6),
    ("Washington", "Washington", "PROPN", "nmod", 4), ("nodig", "nodig", "ADJ", "amod", 8),
    ("is", "zijn", "AUX", "ccomp", 1), ("en", "en", "CCONJ", "cc", 10),
    ("levert", "leveren", "VERB", "conj", 1), ("kritiek", "kritiek", "NOUN", "obj", 10),
    ("op", "op", "ADP", "case", 13), ("Noorwegen", "Noorwegen", "PROPN", "obl", 10),
    (".", ".", "PUNCT", "punct", 1),
]  # fmt: skip


def test_a_quote_naming_a_listed_concept_is_a_second_position_beside_an_event():
    text = "een akkoord met Washington nodig is"
    sentence = "Polen zegt dat een akkoord met Washington nodig is en levert kritiek op Noorwegen."
    quote = Quote(text, sentence.index(text), sentence.index(text) + len(text), "polen", "indirect")
    found = run(SAYS_AND_CRITICISES, events=[("polen", "111", "norway", 10, 13)], quotes=[quote])
    # the criticism is of Norway, not "kritiek"; the quote's position is read without the word *kritiek*
    assert found == [("polen", "noorwegen", False), ("polen", "rapprochement with the United States", True)]


def test_a_quote_naming_no_listed_concept_adds_no_second_position():
    rows = [*SAYS_AND_CRITICISES[:6], ("Oslo", "Oslo", "PROPN", "nmod", 4), *SAYS_AND_CRITICISES[7:]]
    sentence = "Polen zegt dat een akkoord met Oslo nodig is en levert kritiek op Noorwegen."
    text = "een akkoord met Oslo nodig is"
    quote = Quote(text, sentence.index(text), sentence.index(text) + len(text), "polen", "indirect")
    found = run(rows, events=[("polen", "111", "norway", 10, 13)], quotes=[quote])
    assert found == [("polen", "noorwegen", False)]


# Polen zegt dat de multipolaire orde beter is dan het koloniale beleid .
ORDER_AGAINST_POLICY = [
    ("Polen", "Polen", "PROPN", "nsubj", 1), ("zegt", "zeggen", "VERB", "ROOT", 1),
    ("dat", "dat", "SCONJ", "mark", 6), ("de", "de", "DET", "det", 5),
    ("multipolaire", "multipolair", "ADJ", "amod", 5), ("orde", "orde", "NOUN", "nsubj", 6),
    ("beter", "goed", "ADJ", "ccomp", 1), ("is", "zijn", "AUX", "cop", 6),
    ("dan", "dan", "ADP", "case", 11), ("het", "het", "DET", "det", 11),
    ("koloniale", "koloniaal", "ADJ", "amod", 11), ("beleid", "beleid", "NOUN", "obl", 6),
    (".", ".", "PUNCT", "punct", 1),
]  # fmt: skip


def test_a_pejorative_adjective_judges_its_own_noun_not_the_concept():
    found = run(ORDER_AGAINST_POLICY)
    assert found == [("polen", "multipolar world order", True), ("polen", "koloniale beleid", False)]


def test_a_pejorative_adjective_on_the_concept_itself_turns_it():
    # Polen zegt dat de koloniale multipolaire orde faalt .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("zegt", "zeggen", "VERB", "ROOT", 1),
        ("dat", "dat", "SCONJ", "mark", 7), ("de", "de", "DET", "det", 6),
        ("koloniale", "koloniaal", "ADJ", "amod", 6), ("multipolaire", "multipolair", "ADJ", "amod", 6),
        ("orde", "orde", "NOUN", "nsubj", 7), ("faalt", "falen", "VERB", "ccomp", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run(rows) == [("polen", "multipolar world order", False)]


def test_an_evaluation_caused_in_others_is_held_by_them_on_the_subject():
    # Het plan leidt tot woede bij de VVD .
    rows = [
        ("Het", "het", "DET", "det", 1), ("plan", "plan", "NOUN", "nsubj", 2),
        ("leidt", "leiden", "VERB", "ROOT", 2), ("tot", "tot", "ADP", "case", 4),
        ("woede", "woede", "NOUN", "obl:arg", 2), ("bij", "bij", "ADP", "case", 7),
        ("de", "de", "DET", "det", 7), ("VVD", "VVD", "PROPN", "nmod", 4),
        (".", ".", "PUNCT", "punct", 2),
    ]  # fmt: skip
    assert run(rows) == [("vvd", "plan", False)]


def test_an_evaluation_caused_in_others_in_english():
    # The new levy sparked anger among the Democrats .   (ClearNLP: the preposition heads)
    rows = [
        ("The", "the", "DET", "det", 2), ("new", "new", "ADJ", "amod", 2),
        ("levy", "levy", "NOUN", "nsubj", 3), ("sparked", "spark", "VERB", "ROOT", 3),
        ("anger", "anger", "NOUN", "dobj", 3), ("among", "among", "ADP", "prep", 4),
        ("the", "the", "DET", "det", 7), ("Democrats", "Democrats", "PROPN", "pobj", 5),
        (".", ".", "PUNCT", "punct", 3),
    ]  # fmt: skip
    assert run(rows, language="en") == [("democrats", "new levy", False)]


def test_an_evaluation_received_is_about_the_one_who_receives_it():
    # The new levy drew criticism from the Democrats .   (an event of the Democrats)
    rows = [
        ("The", "the", "DET", "det", 2), ("new", "new", "ADJ", "amod", 2),
        ("levy", "levy", "NOUN", "nsubj", 3), ("drew", "draw", "VERB", "ROOT", 3),
        ("criticism", "criticism", "NOUN", "dobj", 3), ("from", "from", "ADP", "prep", 4),
        ("the", "the", "DET", "det", 7), ("Democrats", "Democrats", "PROPN", "pobj", 5),
        (".", ".", "PUNCT", "punct", 3),
    ]  # fmt: skip
    found = run(rows, language="en", events=[("democrats", "111", None, 3, 7)])
    assert found == [("democrats", "new levy", False)]
