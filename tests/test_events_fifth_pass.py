"""Fifth-pass event rules (issue 18), each on a hand-parsed sentence written for the test:
Alpino UD labels for Dutch, ClearNLP labels for English."""

from __future__ import annotations

from powermap.extract.events import EventStage

from .events_fixtures import context, parsed

ACTORS = {
    "Peru": ("peru", "state"),
    "Chili": ("chili", "state"),
    "Chile": ("chili", "state"),
}


def run(rows, lang="nl", morphs=None):
    doc = parsed(lang, rows)
    for i, morph in (morphs or {}).items():
        doc[i].set_morph(morph)
    ctx = context(doc, ACTORS)
    EventStage()(ctx)
    return sorted((e.source, e.target, e.cameo[:2]) for e in ctx.record.events)


def test_agreeing_on_a_thing_is_cooperation_between_the_coordinated_subjects():
    # Peru and Chile agreed on a fishing boundary .
    found = run([
        ("Peru", "Peru", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
        ("Chile", "Chile", "PROPN", "conj", 0), ("agreed", "agree", "VERB", "ROOT", 3),
        ("on", "on", "ADP", "prep", 3), ("a", "a", "DET", "det", 7),
        ("fishing", "fishing", "NOUN", "compound", 7), ("boundary", "boundary", "NOUN", "pobj", 4),
        (".", ".", "PUNCT", "punct", 3),
    ], "en")  # fmt: skip
    assert found == [("chili", "peru", "05"), ("peru", "chili", "05")]


def test_agreeing_to_act_stays_an_intent():
    # Peru agreed to meet Chile .
    found = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("agreed", "agree", "VERB", "ROOT", 1),
        ("to", "to", "PART", "aux", 3), ("meet", "meet", "VERB", "xcomp", 1),
        ("Chile", "Chile", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 1),
    ], "en")  # fmt: skip
    assert all(code != "05" for _s, _t, code in found)


def test_an_adjective_naming_no_one_leaves_the_van_phrase_as_source():
    # De militaire steun van Chili aan Peru groeit .
    found = run([
        ("De", "de", "DET", "det", 2), ("militaire", "militair", "ADJ", "amod", 2),
        ("steun", "steun", "NOUN", "nsubj", 7), ("van", "van", "ADP", "case", 4),
        ("Chili", "Chili", "PROPN", "nmod", 2), ("aan", "aan", "ADP", "case", 6),
        ("Peru", "Peru", "PROPN", "nmod", 2), ("groeit", "groeien", "VERB", "ROOT", 7),
        (".", ".", "PUNCT", "punct", 7),
    ])  # fmt: skip
    assert found == [("chili", "peru", "05")]


def test_a_nominal_infinitive_takes_its_agent_phrase_as_source():
    # Peru vreest militair ingrijpen door Chili .
    rows = [
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("vreest", "vrezen", "VERB", "ROOT", 1),
        ("militair", "militair", "ADJ", "advmod", 3), ("ingrijpen", "ingrijpen", "VERB", "obj", 1),
        ("door", "door", "ADP", "case", 5), ("Chili", "Chili", "PROPN", "obl:agent", 3),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found = run(rows, morphs={3: "VerbForm=Inf"})
    assert ("chili", None, "19") in found
    assert all(source != "peru" or code != "19" for source, _t, code in found)


def test_an_infinitive_with_te_is_no_noun():
    # Peru besloot door Chili te reizen .   (door = through: a clause, not an agent)
    rows = [
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("besloot", "besluiten", "VERB", "ROOT", 1),
        ("door", "door", "ADP", "case", 3), ("Chili", "Chili", "PROPN", "obl", 5),
        ("te", "te", "ADP", "mark", 5), ("ingrijpen", "ingrijpen", "VERB", "obj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found = run(rows, morphs={5: "VerbForm=Inf"})
    assert all(source != "chili" for source, _t, _c in found)


def test_a_day_and_its_preposition_are_no_pattern_words():
    # Peru agreed on Monday to meet Chile .   (*on Monday* says when, not what was agreed)
    found = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("agreed", "agree", "VERB", "ROOT", 1),
        ("on", "on", "ADP", "prep", 1), ("Monday", "Monday", "PROPN", "pobj", 2),
        ("to", "to", "PART", "aux", 5), ("meet", "meet", "VERB", "xcomp", 1),
        ("Chile", "Chile", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 1),
    ], "en")  # fmt: skip
    assert found and all(code != "05" for _s, _t, code in found)


def test_an_appeal_to_others_to_restrict_a_party_rallies_opposition_against_it():
    # Peru encouraged its partners to restrict Chile's flights .
    found = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("encouraged", "encourage", "VERB", "ROOT", 1),
        ("its", "its", "PRON", "poss", 3), ("partners", "partner", "NOUN", "dobj", 1),
        ("to", "to", "PART", "aux", 5), ("restrict", "restrict", "VERB", "xcomp", 1),
        ("Chile", "Chile", "PROPN", "poss", 8), ("'s", "'s", "PART", "case", 6),
        ("flights", "flight", "NOUN", "dobj", 5), (".", ".", "PUNCT", "punct", 1),
    ], "en")  # fmt: skip
    assert found == [("peru", "chili", "11")]


def test_a_subject_hung_on_an_auxiliary_is_the_predicates_subject():
    # Peru has been encouraging its partners to restrict Chile's flights .  (nsubj on *been*)
    found = run([
        ("Peru", "Peru", "PROPN", "nsubj", 2), ("has", "have", "AUX", "aux", 2),
        ("been", "be", "AUX", "aux", 3), ("encouraging", "encourage", "VERB", "ROOT", 3),
        ("its", "its", "PRON", "poss", 5), ("partners", "partner", "NOUN", "dobj", 3),
        ("to", "to", "PART", "aux", 7), ("restrict", "restrict", "VERB", "xcomp", 3),
        ("Chile", "Chile", "PROPN", "poss", 10), ("'s", "'s", "PART", "case", 8),
        ("flights", "flight", "NOUN", "dobj", 7), (".", ".", "PUNCT", "punct", 3),
    ], "en")  # fmt: skip
    assert found == [("peru", "chili", "11")]


def test_ending_trade_with_a_party_reduces_relations():
    # Peru ceased trade with Chile .
    found = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("ceased", "cease", "VERB", "ROOT", 1),
        ("trade", "trade", "NOUN", "dobj", 1), ("with", "with", "ADP", "prep", 2),
        ("Chile", "Chile", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1),
    ], "en")  # fmt: skip
    assert found == [("peru", "chili", "16")]


def test_an_extraposed_it_before_an_adjective_and_infinitive_is_no_state():
    # Peru said that it is hard to condemn Chile .   (*it* stands for *to condemn*, not for Peru)
    found = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
        ("that", "that", "SCONJ", "mark", 4), ("it", "it", "PRON", "nsubj", 4),
        ("is", "be", "AUX", "ccomp", 1), ("hard", "hard", "ADJ", "acomp", 4),
        ("to", "to", "PART", "aux", 7), ("condemn", "condemn", "VERB", "xcomp", 4),
        ("Chile", "Chile", "PROPN", "dobj", 7), (".", ".", "PUNCT", "punct", 1),
    ], "en")  # fmt: skip
    assert ("peru", "chili", "11") not in found
