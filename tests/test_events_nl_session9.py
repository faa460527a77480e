"""Dutch role and lexicon rules of events.v1 added in session 9 (issue 18, Dutch events), each on a
hand-parsed sentence written for the test (Alpino UD labels)."""

from __future__ import annotations

from powermap.extract.events import EventStage

from .events_fixtures import context, parsed

ACTORS = {
    "Polen": ("polen", "state"),
    "Peru": ("peru", "state"),
    "Chili": ("chili", "state"),
    "Jansen": ("jansen", "person"),
    "Pietersen": ("pietersen", "person"),
}


def run(rows, participles=()):
    doc = parsed("nl", rows)
    for i in participles:
        doc[i].set_morph("VerbForm=Part")
    ctx = context(doc, ACTORS)
    EventStage()(ctx)
    return [(e.source, e.target, e.cameo[:2]) for e in ctx.record.events]


def test_a_relative_pronoun_object_counts_as_its_noun_for_the_pattern():
    # De akkoorden die Polen met Peru sloot , gelden nog .  (sluiten + akkoord: 057)
    found = run([
        ("De", "de", "DET", "det", 1), ("akkoorden", "akkoord", "NOUN", "nsubj", 8),
        ("die", "die", "PRON", "obj", 6), ("Polen", "Polen", "PROPN", "nsubj", 6),
        ("met", "met", "ADP", "case", 5), ("Peru", "Peru", "PROPN", "obl", 6),
        ("sloot", "sluiten", "VERB", "acl:relcl", 1), (",", ",", "PUNCT", "punct", 6),
        ("gelden", "gelden", "VERB", "ROOT", 8), ("nog", "nog", "ADV", "advmod", 8),
        (".", ".", "PUNCT", "punct", 8),
    ])  # fmt: skip
    assert ("polen", "peru", "05") in found


def test_word_order_reads_a_verb_final_subordinate_clause():
    # Ik weet dat Jansen de Polen aanspoorde brieven van Pietersen te lezen .
    # (misparsed: *aanspoorde* hung on *brieven*; the object stands before the verb)
    found = run([
        ("Ik", "ik", "PRON", "nsubj", 1), ("weet", "weten", "VERB", "ROOT", 1),
        ("dat", "dat", "SCONJ", "mark", 11), ("Jansen", "Jansen", "PROPN", "nsubj", 11),
        ("de", "de", "DET", "det", 5), ("Polen", "Polen", "PROPN", "obj", 11),
        ("aanspoorde", "aansporen", "VERB", "acl", 7), ("brieven", "brief", "NOUN", "obj", 11),
        ("van", "van", "ADP", "case", 9), ("Pietersen", "Pietersen", "PROPN", "nmod", 7),
        ("te", "te", "ADP", "mark", 11), ("lezen", "lezen", "VERB", "ccomp", 1),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert ("jansen", "polen", "02") in found
    assert ("jansen", "pietersen", "02") not in found


def test_not_consenting_is_a_rejection():
    # Polen stemt niet in met Peru .
    found = run([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("stemt", "instemmen", "VERB", "ROOT", 1),
        ("niet", "niet", "ADV", "advmod", 1), ("in", "in", "ADP", "compound:prt", 1),
        ("met", "met", "ADP", "case", 5), ("Peru", "Peru", "PROPN", "obl:arg", 1),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found == [("polen", "peru", "12")]


def test_standing_under_pressure_from_a_party_is_its_demand():
    # Jansen staat onder druk van Pietersen .
    found = run([
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("staat", "staan", "VERB", "ROOT", 1),
        ("onder", "onder", "ADP", "case", 3), ("druk", "druk", "NOUN", "obl", 1),
        ("van", "van", "ADP", "case", 5), ("Pietersen", "Pietersen", "PROPN", "nmod", 3),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found == [("pietersen", "jansen", "10")]


def test_the_word_order_target_skips_a_sibling_subordinate_clause():
    # Jansen staat onder druk om te protesteren , terwijl bij Polen woede heerst .
    found = run([
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("staat", "staan", "VERB", "ROOT", 1),
        ("onder", "onder", "ADP", "case", 3), ("druk", "druk", "NOUN", "obl", 1),
        ("om", "om", "ADP", "mark", 6), ("te", "te", "ADP", "mark", 6),
        ("protesteren", "protesteren", "VERB", "advcl", 1), (",", ",", "PUNCT", "punct", 12),
        ("terwijl", "terwijl", "SCONJ", "mark", 12), ("bij", "bij", "ADP", "case", 10),
        ("Polen", "Polen", "PROPN", "obl", 12), ("woede", "woede", "NOUN", "nsubj", 12),
        ("heerst", "heersen", "VERB", "advcl", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found and all(target != "polen" and source != "polen" for source, target, _ in found)


def test_a_te_infinitive_on_a_noun_with_a_misread_subject_takes_the_clause_subject():
    # Vanuit de hoofdstad wist Jansen met een offensief het noorden van Peru te veroveren .
    found = run([
        ("Vanuit", "vanuit", "ADP", "case", 2), ("de", "de", "DET", "det", 2),
        ("hoofdstad", "hoofdstad", "NOUN", "obl", 3), ("wist", "weten", "VERB", "ROOT", 3),
        ("Jansen", "Jansen", "PROPN", "nsubj", 3), ("met", "met", "ADP", "case", 7),
        ("een", "een", "DET", "det", 7), ("offensief", "offensief", "NOUN", "obl", 3),
        ("het", "het", "DET", "det", 9), ("noorden", "noorden", "NOUN", "nsubj", 7),
        ("van", "van", "ADP", "case", 11), ("Peru", "Peru", "PROPN", "nmod", 9),
        ("te", "te", "ADP", "mark", 13), ("veroveren", "veroveren", "VERB", "acl", 7),
        (".", ".", "PUNCT", "punct", 3),
    ])  # fmt: skip
    assert any(source == "jansen" and root == "19" for source, _, root in found)
    assert all(source != "peru" for source, _, _ in found)


def test_a_participle_conjoined_with_a_passive_is_passive():
    # Jansen werd gearresteerd en verbannen .  (no agent: no source for either)
    found = run(
        [
            ("Jansen", "Jansen", "PROPN", "nsubj:pass", 2), ("werd", "worden", "AUX", "aux:pass", 2),
            ("gearresteerd", "arresteren", "VERB", "ROOT", 2), ("en", "en", "CCONJ", "cc", 4),
            ("verbannen", "verbannen", "VERB", "conj", 2), (".", ".", "PUNCT", "punct", 2),
        ],
        participles=(2, 4),
    )  # fmt: skip
    assert all(source is None for source, _, _ in found)
    assert not any(source == "jansen" for source, _, _ in found)


def test_a_relative_clause_on_a_predicative_noun_is_about_its_holder():
    # Peru vreest Jansen , die zich opwierp als de kracht die tegen Chili vecht .
    found = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("vreest", "vrezen", "VERB", "ROOT", 1),
        ("Jansen", "Jansen", "PROPN", "obj", 1), (",", ",", "PUNCT", "punct", 6),
        ("die", "die", "PRON", "nsubj", 6), ("zich", "zich", "PRON", "expl:pv", 6),
        ("opwierp", "opwerpen", "VERB", "acl:relcl", 2), ("als", "als", "SCONJ", "mark", 9),
        ("de", "de", "DET", "det", 9), ("kracht", "kracht", "NOUN", "xcomp", 6),
        ("die", "die", "PRON", "nsubj", 13), ("tegen", "tegen", "ADP", "case", 12),
        ("Chili", "Chili", "PROPN", "obl", 13), ("vecht", "vechten", "VERB", "acl:relcl", 9),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert ("jansen", "chili", "19") in found
    assert ("peru", "chili", "19") not in found


def test_a_relative_clause_on_a_copular_noun_or_a_small_clause_noun():
    # Jansen is de kracht die tegen Peru vecht .
    copular = run([
        ("Jansen", "Jansen", "PROPN", "nsubj", 3), ("is", "zijn", "AUX", "cop", 3),
        ("de", "de", "DET", "det", 3), ("kracht", "kracht", "NOUN", "ROOT", 3),
        ("die", "die", "PRON", "nsubj", 7), ("tegen", "tegen", "ADP", "case", 6),
        ("Peru", "Peru", "PROPN", "obl", 7), ("vecht", "vechten", "VERB", "acl:relcl", 3),
        (".", ".", "PUNCT", "punct", 3),
    ])  # fmt: skip
    assert ("jansen", "peru", "19") in copular
    # Polen noemt Peru de agressor die tegen Chili vecht .  (the object is the aggressor)
    small = run([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("noemt", "noemen", "VERB", "ROOT", 1),
        ("Peru", "Peru", "PROPN", "obj", 1), ("de", "de", "DET", "det", 4),
        ("agressor", "agressor", "NOUN", "xcomp", 1), ("die", "die", "PRON", "nsubj", 8),
        ("tegen", "tegen", "ADP", "case", 7), ("Chili", "Chili", "PROPN", "obl", 8),
        ("vecht", "vechten", "VERB", "acl:relcl", 4), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert ("peru", "chili", "19") in small
    assert ("polen", "chili", "19") not in small


def test_bringing_about_criticism_is_no_act_of_the_subject():
    # Het plan leverde Jansen veel kritiek op .  (misparsed with Jansen as subject: Jansen is criticised)
    found = run([
        ("Het", "het", "DET", "det", 1), ("plan", "plan", "NOUN", "obl", 2),
        ("leverde", "opleveren", "VERB", "ROOT", 2), ("Jansen", "Jansen", "PROPN", "nsubj", 2),
        ("veel", "veel", "DET", "det", 5), ("kritiek", "kritiek", "NOUN", "obj", 2),
        ("op", "op", "ADP", "compound:prt", 2), (".", ".", "PUNCT", "punct", 2),
    ])  # fmt: skip
    assert not any(source == "jansen" for source, _, _ in found)


def test_a_particle_counts_for_the_word_order_lemma_only_where_it_stands_as_one():
    from powermap.extract.events.fallback import PatternCoder

    # Jansen levert kritiek op Peru .  /  Het plan leverde Jansen kritiek op .
    prep = parsed("nl", [
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("levert", "opleveren", "VERB", "ROOT", 1),
        ("kritiek", "kritiek", "NOUN", "obj", 1), ("op", "op", "ADP", "case", 4),
        ("Peru", "Peru", "PROPN", "nmod", 2), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    final = parsed("nl", [
        ("Het", "het", "DET", "det", 1), ("plan", "plan", "NOUN", "nsubj", 2),
        ("leverde", "opleveren", "VERB", "ROOT", 2), ("Jansen", "Jansen", "PROPN", "iobj", 2),
        ("kritiek", "kritiek", "NOUN", "obj", 2), ("op", "op", "ADP", "compound:prt", 2),
        (".", ".", "PUNCT", "punct", 2),
    ])  # fmt: skip
    assert not PatternCoder.stands_as_particle("op", prep[:])
    assert PatternCoder.stands_as_particle("op", final[:])


def test_a_reflexive_causative_is_a_passive_of_its_infinitive():
    # Jansen liet zich toejuichen door aanhangers .  (the supporters act; they name no actor)
    nameless = run([
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("liet", "laten", "VERB", "ROOT", 1),
        ("zich", "zich", "PRON", "obj", 1), ("toejuichen", "toejuichen", "VERB", "xcomp", 1),
        ("door", "door", "ADP", "case", 5), ("aanhangers", "aanhanger", "NOUN", "obl", 3),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert not any(source == "jansen" for source, _, _ in nameless)
    # Jansen liet zich steunen door Peru .
    named = run([
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("liet", "laten", "VERB", "ROOT", 1),
        ("zich", "zich", "PRON", "obj", 1), ("steunen", "steunen", "VERB", "xcomp", 1),
        ("door", "door", "ADP", "case", 5), ("Peru", "Peru", "PROPN", "obl", 3),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert named and all(source == "peru" for source, _, _ in named)


def test_a_demonstrative_act_noun_stands_for_the_doer_told_before():
    # Jansen wil met Peru praten . Het doel is vrede . Dit initiatief stuit op verzet van Polen .
    rows = [
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("wil", "willen", "VERB", "ROOT", 1),
        ("met", "met", "ADP", "case", 3), ("Peru", "Peru", "PROPN", "obl", 4),
        ("praten", "praten", "VERB", "xcomp", 1), (".", ".", "PUNCT", "punct", 1),
        ("Het", "het", "DET", "det", 7), ("doel", "doel", "NOUN", "nsubj", 9),
        ("is", "zijn", "AUX", "cop", 9), ("vrede", "vrede", "NOUN", "ROOT", 9),
        (".", ".", "PUNCT", "punct", 9),
        ("Dit", "dit", "DET", "det", 12), ("initiatief", "initiatief", "NOUN", "nsubj", 13),
        ("stuit", "stuiten", "VERB", "ROOT", 13), ("op", "op", "ADP", "case", 15),
        ("verzet", "verzet", "NOUN", "obl", 13), ("van", "van", "ADP", "case", 17),
        ("Polen", "Polen", "PROPN", "nmod", 15), (".", ".", "PUNCT", "punct", 13),
    ]  # fmt: skip
    doc = parsed("nl", rows)
    assert len(list(doc.sents)) == 3
    ctx = context(doc, ACTORS)
    EventStage()(ctx)
    found = [(e.source, e.target, e.cameo[:2]) for e in ctx.record.events]
    assert ("polen", "jansen", "12") in found
