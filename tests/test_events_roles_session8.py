"""Role rules of issue 18, session 8 (who and whom), each on a hand-parsed sentence written for
the test: Alpino UD labels for Dutch, ClearNLP labels for English."""

from __future__ import annotations

from powermap.extract.events import EventStage

from .events_fixtures import context, parsed, two_sentences

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


MISPARSED_V2 = [
    ("Veel", "veel", "ADJ", "amod", 1), ("landen", "land", "NOUN", "ROOT", 1),
    (",", ",", "PUNCT", "punct", 4), ("zoals", "zoals", "SCONJ", "mark", 4),
    ("Peru", "Peru", "PROPN", "nmod", 1), (",", ",", "PUNCT", "punct", 10),
    ("maar", "maar", "CCONJ", "cc", 10), ("ook", "ook", "ADV", "advmod", 8),
    ("Chili", "Chili", "PROPN", "obj", 10), (",", ",", "PUNCT", "punct", 8),
    ("erkennen", "erkennen", "VERB", "conj", 1), ("Jansen", "Jansen", "PROPN", "nsubj", 10),
    ("niet", "niet", "ADV", "advmod", 10), (".", ".", "PUNCT", "punct", 1),
]  # fmt: skip


def test_a_singular_subject_after_a_plural_verb_is_its_object():
    # Veel landen, zoals Peru, maar ook Chili, erkennen Jansen niet .  (parsed with Jansen as subject)
    morphs = {1: "Number=Plur", 10: "Mood=Ind|Number=Plur|Tense=Pres|VerbForm=Fin", 11: "Number=Sing"}
    found = run(MISPARSED_V2, morphs=morphs)
    assert ("peru", "jansen", "05") in found
    assert ("chili", "jansen", "05") in found
    assert all(source != "jansen" for source, _t, _c in found)


def test_agreement_leaves_a_singular_verb_with_its_subject():
    morphs = {1: "Number=Plur", 10: "Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin", 11: "Number=Sing"}
    found = run(MISPARSED_V2, morphs=morphs)
    assert all(source == "jansen" for source, _t, _c in found)


def test_a_channel_is_no_target():
    # Jansen bekritiseerde via Peru de plannen .  (via: the channel, not whom it is aimed at)
    rows = [
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("bekritiseerde", "bekritiseren", "VERB", "ROOT", 1),
        ("via", "via", "ADP", "case", 3), ("Peru", "Peru", "PROPN", "obl", 1),
        ("de", "de", "DET", "det", 5), ("plannen", "plan", "NOUN", "obj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run(rows) == [("jansen", None, "11")]
    # Jansen criticized the plans via Chile .
    rows = [
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("criticized", "criticize", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3), ("plans", "plan", "NOUN", "dobj", 1),
        ("via", "via", "ADP", "prep", 1), ("Chile", "Chile", "PROPN", "pobj", 4),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run(rows, "en") == [("jansen", None, "11")]


def test_an_office_holder_does_not_target_his_own_state():
    # Jansen withdrew Peru from the treaty with Chile .
    rows = [
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("withdrew", "withdraw", "VERB", "ROOT", 1),
        ("Peru", "Peru", "PROPN", "dobj", 1), ("from", "from", "ADP", "prep", 1),
        ("the", "the", "DET", "det", 5), ("treaty", "treaty", "NOUN", "pobj", 3),
        ("with", "with", "ADP", "prep", 5), ("Chile", "Chile", "PROPN", "pobj", 6),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    ctx = context(parsed("en", rows), ACTORS)
    for actor in ctx.record.actors:
        actor.country = {"jansen": "PER", "peru": "PER", "chili": "CHL"}[actor.id]
        actor.code = {"jansen": "PERGOV", "peru": "PER", "chili": "CHL"}[actor.id]
    EventStage()(ctx)
    found = sorted((e.source, e.target, e.cameo[:2]) for e in ctx.record.events)
    assert found == [("jansen", "chili", "16")]


UNIONS = {
    "Bondzicht": ("bondzicht", "organisation"),
    "Werkfront": ("werkfront", "organisation"),
    "Peru": ("peru", "state"),
}
NAMED_PAIR = [  # Bondzicht en Werkfront waarschuwen voor ontslagen .
    ("Bondzicht", "Bondzicht", "PROPN", "nsubj", 3), ("en", "en", "CCONJ", "cc", 2),
    ("Werkfront", "Werkfront", "PROPN", "conj", 0), ("waarschuwen", "waarschuwen", "VERB", "ROOT", 3),
    ("voor", "voor", "ADP", "case", 5), ("ontslagen", "ontslag", "NOUN", "obl", 3),
    (".", ".", "PUNCT", "punct", 3),
]  # fmt: skip


def described(determiner):
    return [  # De vakbonden bekritiseren Peru .
        (determiner, determiner.lower(), "DET", "det", 1), ("vakbonden", "vakbond", "NOUN", "nsubj", 2),
        ("bekritiseren", "bekritiseren", "VERB", "ROOT", 2), ("Peru", "Peru", "PROPN", "obj", 2),
        (".", ".", "PUNCT", "punct", 2),
    ]  # fmt: skip


def test_a_definite_plural_description_takes_up_the_organisations_named_before():
    ctx = context(two_sentences(NAMED_PAIR, described("De"), {"vakbonden": "Number=Plur"}), UNIONS)
    EventStage()(ctx)
    found = [(e.source, e.target, e.cameo[:2]) for e in ctx.record.events]
    assert ("bondzicht", "peru", "11") in found and ("werkfront", "peru", "11") in found


def test_an_indefinite_plural_description_stands_for_no_one():
    ctx = context(two_sentences(NAMED_PAIR, described("Veel"), {"vakbonden": "Number=Plur"}), UNIONS)
    EventStage()(ctx)
    assert all(e.cameo[:2] != "11" for e in ctx.record.events)


def test_an_agent_phrase_hung_on_the_verb_after_an_event_noun_is_the_nouns_agent():
    # Peru protesteert tegen zijn uitsluiting door Chili .   (parsed with door Chili on the verb)
    rows = [
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("protesteert", "protesteren", "VERB", "ROOT", 1),
        ("tegen", "tegen", "ADP", "case", 4), ("zijn", "zijn", "PRON", "nmod:poss", 4),
        ("uitsluiting", "uitsluiting", "NOUN", "obl", 1), ("door", "door", "ADP", "case", 6),
        ("Chili", "Chili", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found = run(rows)
    assert ("chili", "peru", "16") in found


def test_a_relative_pronoun_of_a_clause_hung_elsewhere_stands_for_the_noun_before_it():
    # Handel groeit , meldt Jansen , een Peruaanse adviseur op het gebied van energie die samenwerkt met Chili .
    rows = [
        ("Handel", "handel", "NOUN", "nsubj", 1), ("groeit", "groeien", "VERB", "ROOT", 1),
        (",", ",", "PUNCT", "punct", 3), ("meldt", "melden", "VERB", "parataxis", 1),
        ("Jansen", "Jansen", "PROPN", "nsubj", 3), (",", ",", "PUNCT", "punct", 8),
        ("een", "een", "DET", "det", 8), ("Peruaanse", "Peruaans", "ADJ", "amod", 8),
        ("adviseur", "adviseur", "NOUN", "appos", 4), ("op", "op", "ADP", "case", 12),
        ("het", "het", "DET", "fixed", 9), ("gebied", "gebied", "NOUN", "fixed", 9),
        ("energie", "energie", "NOUN", "nmod", 8), ("die", "die", "PRON", "nsubj", 14),
        ("samenwerkt", "samenwerken", "VERB", "conj", 1), ("met", "met", "ADP", "case", 16),
        ("Chili", "Chili", "PROPN", "obl", 14), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found = run(rows, morphs={13: "PronType=Rel"}, actors={**ACTORS, "Peruaanse": ("peru", "state")})
    assert ("jansen", "chili") in {(source, target) for source, target, _c in found}  # the code is the lexicon's
    assert all(source != "peru" for source, _t, _c in found)


def test_a_pronoun_subject_is_not_a_name_inside_its_own_clause():
    first = [  # Pieters prees Jansen .
        ("Pieters", "Pieters", "PROPN", "nsubj", 1), ("prees", "prijzen", "VERB", "ROOT", 1),
        ("Jansen", "Jansen", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    second = [  # Hij ontpopte zich tot de rivaal van Jansen en kreeg steun van Chili .
        ("Hij", "hij", "PRON", "nsubj", 1), ("ontpopte", "ontpoppen", "VERB", "ROOT", 1),
        ("zich", "zich", "PRON", "expl:pv", 1), ("tot", "tot", "ADP", "case", 5),
        ("de", "de", "DET", "det", 5), ("rivaal", "rivaal", "NOUN", "obl:arg", 1),
        ("van", "van", "ADP", "case", 7), ("Jansen", "Jansen", "PROPN", "nmod", 5),
        ("en", "en", "CCONJ", "cc", 9), ("kreeg", "krijgen", "VERB", "conj", 1),
        ("steun", "steun", "NOUN", "obj", 9), ("van", "van", "ADP", "case", 12),
        ("Chili", "Chili", "PROPN", "nmod", 10), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    actors = {**ACTORS, "Pieters": ("pieters", "person")}
    ctx = context(two_sentences(first, second, {}), actors)
    EventStage()(ctx)
    found = [(e.source, e.target, e.cameo[:2]) for e in ctx.record.events]
    assert ("chili", "pieters", "05") in found
    assert ("chili", "jansen", "05") not in found


def test_an_appeal_in_an_adverbial_clause_is_addressed_to_the_verbs_complement():
    # Jansen wrote to Chile , appealing for calm .
    rows = [
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("wrote", "write", "VERB", "ROOT", 1),
        ("to", "to", "ADP", "prep", 1), ("Chile", "Chile", "PROPN", "pobj", 2),
        (",", ",", "PUNCT", "punct", 1), ("appealing", "appeal", "VERB", "advcl", 1),
        ("for", "for", "ADP", "prep", 5), ("calm", "calm", "NOUN", "pobj", 6),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert ("jansen", "chili", "02") in run(rows, "en")


def test_an_appeal_under_a_wrapper_in_an_adverbial_clause_is_addressed_too():
    # Jansen wrote to Chile , promising to appeal for calm .
    rows = [
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("wrote", "write", "VERB", "ROOT", 1),
        ("to", "to", "ADP", "prep", 1), ("Chile", "Chile", "PROPN", "pobj", 2),
        (",", ",", "PUNCT", "punct", 1), ("promising", "promise", "VERB", "advcl", 1),
        ("to", "to", "PART", "aux", 7), ("appeal", "appeal", "VERB", "xcomp", 5),
        ("for", "for", "ADP", "prep", 7), ("calm", "calm", "NOUN", "pobj", 8),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert ("jansen", "chili", "02") in run(rows, "en")
