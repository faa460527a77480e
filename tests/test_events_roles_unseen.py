"""Role rules of events.v1 for unseen news (who and whom), each on a hand-parsed sentence written
for the test: Alpino UD labels for Dutch, ClearNLP labels for English."""

from __future__ import annotations

from powermap.extract.events import EventStage

from .events_fixtures import context, parsed

ACTORS = {
    "Polen": ("polen", "state"),
    "Peru": ("peru", "state"),
    "Chili": ("chili", "state"),
    "Chile": ("chili", "state"),
    "Poland": ("polen", "state"),
    "Jansen": ("jansen", "person"),
    "Pietersen": ("pietersen", "person"),
}


def run(rows, lang="nl", actors=ACTORS, countries=None):
    ctx = context(parsed(lang, rows), actors)
    for actor in ctx.record.actors:
        actor.country = (countries or {}).get(actor.id)
    EventStage()(ctx)
    return [(e.source, e.target, e.cameo[:2]) for e in ctx.record.events]


def test_a_controlled_infinitive_keeps_its_own_complement_as_target():
    # Jansen riep de Polen op om te demonstreren tegen Pietersen .   (the Poles protest, Jansen's act)
    found = run([
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("riep", "oproepen", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("Polen", "Polen", "PROPN", "obj", 1),
        ("op", "op", "ADP", "compound:prt", 1), ("om", "om", "ADP", "mark", 7),
        ("te", "te", "ADP", "mark", 7), ("demonstreren", "demonstreren", "VERB", "xcomp", 1),
        ("tegen", "tegen", "ADP", "case", 9), ("Pietersen", "Pietersen", "PROPN", "obl", 7),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found == [("jansen", "pietersen", "14")]


def test_a_possessive_on_an_object_that_names_no_actor_gives_the_target():
    # Jansen diende een plan in . Polen stemt niet in met haar plan .
    found = run([
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("diende", "indienen", "VERB", "ROOT", 1),
        ("een", "een", "DET", "det", 3), ("plan", "plan", "NOUN", "obj", 1),
        ("in", "in", "ADP", "compound:prt", 1), (".", ".", "PUNCT", "punct", 1),
        ("Polen", "Polen", "PROPN", "nsubj", 7), ("stemt", "instemmen", "VERB", "ROOT", 7),
        ("niet", "niet", "ADV", "advmod", 7), ("in", "in", "ADP", "compound:prt", 7),
        ("met", "met", "ADP", "case", 12), ("haar", "haar", "PRON", "nmod:poss", 12),
        ("plan", "plan", "NOUN", "obl:arg", 7), (".", ".", "PUNCT", "punct", 7),
    ])  # fmt: skip
    assert ("polen", "jansen", "12") in found  # not consenting is a rejection (ifneg=120, session 9)


def test_the_agent_of_an_object_noun_is_the_target_before_other_names_in_it():
    # Peru condemned the expulsion of Polish envoys by Chile .
    found = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("condemned", "condemn", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3), ("expulsion", "expulsion", "NOUN", "dobj", 1),
        ("of", "of", "ADP", "prep", 3), ("Polish", "polish", "ADJ", "amod", 6),
        ("envoys", "envoy", "NOUN", "pobj", 4), ("by", "by", "ADP", "prep", 3),
        ("Chile", "Chile", "PROPN", "pobj", 7), (".", ".", "PUNCT", "punct", 1),
    ], "en", {**ACTORS, "Polish": ("polen", "state")})  # fmt: skip
    assert found == [("peru", "chili", "11")]


def test_a_relative_pronoun_object_stands_for_its_noun():
    # Peru praised Chile , which Poland recognizes .
    found = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("praised", "praise", "VERB", "ROOT", 1),
        ("Chile", "Chile", "PROPN", "dobj", 1), (",", ",", "PUNCT", "punct", 2),
        ("which", "which", "PRON", "dobj", 6), ("Poland", "Poland", "PROPN", "nsubj", 6),
        ("recognizes", "recognize", "VERB", "relcl", 2), (".", ".", "PUNCT", "punct", 1),
    ], "en")  # fmt: skip
    assert ("polen", "chili", "05") in found


def test_coordinated_owners_of_a_common_noun_are_one_target_each():
    # Peru expanded cooperation with the navies of Chile and Poland .
    found = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("cooperated", "cooperate", "VERB", "ROOT", 1),
        ("with", "with", "ADP", "prep", 1), ("the", "the", "DET", "det", 4),
        ("navies", "navy", "NOUN", "pobj", 2), ("of", "of", "ADP", "prep", 4),
        ("Chile", "Chile", "PROPN", "pobj", 5), ("and", "and", "CCONJ", "cc", 6),
        ("Poland", "Poland", "PROPN", "conj", 6), (".", ".", "PUNCT", "punct", 1),
    ], "en")  # fmt: skip
    assert sorted(found) == [("peru", "chili", "05"), ("peru", "polen", "05")]


def test_a_weekday_taken_for_a_second_subject_is_no_subject():
    # Dinsdag had Jansen een ontmoeting met Pietersen .
    found = run([
        ("Dinsdag", "dinsdag", "PROPN", "nsubj", 1), ("had", "hebben", "AUX", "ROOT", 1),
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("een", "een", "DET", "det", 4),
        ("ontmoeting", "ontmoeting", "NOUN", "obj", 1), ("met", "met", "ADP", "case", 6),
        ("Pietersen", "Pietersen", "PROPN", "nmod", 4), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found == [("jansen", "pietersen", "04")]


def test_a_gerund_after_a_preposition_shares_the_clause_subject():
    # Peru was quick in blaming Chile .
    found = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("was", "be", "AUX", "ROOT", 1),
        ("quick", "quick", "ADJ", "acomp", 1), ("in", "in", "ADP", "prep", 2),
        ("blaming", "blame", "VERB", "pcomp", 3), ("Chile", "Chile", "PROPN", "dobj", 4),
        (".", ".", "PUNCT", "punct", 1),
    ], "en")  # fmt: skip
    assert found == [("peru", "chili", "11")]


def test_a_gerund_on_a_noun_takes_no_subject_from_the_clause():
    # Peru discussed the cost of blaming Chile .
    found = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("discussed", "discuss", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3), ("cost", "cost", "NOUN", "dobj", 1),
        ("of", "of", "ADP", "prep", 3), ("blaming", "blame", "VERB", "pcomp", 4),
        ("Chile", "Chile", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 1),
    ], "en")  # fmt: skip
    assert ("peru", "chili", "11") not in found


def test_a_conjunct_verb_hung_on_a_noun_shares_the_main_clause_subject():
    # Jansen zei dat Pietersen nuttig is voor de vrede en eiste van Peru een excuus .
    # (verb-second *en eiste* joins the main clause: Jansen demands, not Pietersen)
    rows = [
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("zei", "zeggen", "VERB", "ROOT", 1),
        ("dat", "dat", "SCONJ", "mark", 5), ("de", "de", "DET", "det", 4),
        ("Pietersen", "Pietersen", "PROPN", "nsubj", 5), ("nuttig", "nuttig", "ADJ", "ccomp", 1),
        ("is", "zijn", "AUX", "cop", 5), ("voor", "voor", "ADP", "case", 9),
        ("de", "de", "DET", "det", 9), ("vrede", "vrede", "NOUN", "obl", 5),
        ("en", "en", "CCONJ", "cc", 11), ("eiste", "eisen", "VERB", "conj", 9),
        ("van", "van", "ADP", "case", 13), ("Peru", "Peru", "PROPN", "nmod", 11),
        ("een", "een", "DET", "det", 15), ("excuus", "excuus", "NOUN", "obj", 11),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    doc = parsed("nl", rows)
    doc[11].set_morph("VerbForm=Fin")
    ctx = context(doc, ACTORS)
    EventStage()(ctx)
    assert [(e.source, e.target, e.cameo[:2]) for e in ctx.record.events] == [("jansen", "peru", "10")]


def test_a_company_described_by_kind_and_country_is_that_company():
    # Telcorp groeit . Het Peruaanse telecombedrijf verzet zich tegen Chili .
    found = run([
        ("Telcorp", "Telcorp", "PROPN", "nsubj", 1), ("groeit", "groeien", "VERB", "ROOT", 1),
        (".", ".", "PUNCT", "punct", 1), ("Het", "het", "DET", "det", 5),
        ("Peruaanse", "Peruaans", "ADJ", "amod", 5), ("telecombedrijf", "telecombedrijf", "NOUN", "nsubj", 6),
        ("verzet", "verzetten", "VERB", "ROOT", 6), ("zich", "zich", "PRON", "expl:pv", 6),
        ("tegen", "tegen", "ADP", "case", 9), ("Chili", "Chili", "PROPN", "obl", 6),
        (".", ".", "PUNCT", "punct", 6),
    ], actors={**ACTORS, "Telcorp": ("telcorp", "company"), "Peruaanse": ("peru", "state")},
        countries={"telcorp": "PER", "peru": "PER", "chili": "CHL"})  # fmt: skip
    assert found == [("telcorp", "chili", "12")]


def test_a_name_before_the_verb_of_a_relative_clause_is_its_subject():
    # Chili vreest de heffingen die Peru wil invoeren tegen Polen .
    # (the parser made *die* the subject; in a verb-final clause the name is, and *die* the levies)
    found = run([
        ("Chili", "Chili", "PROPN", "nsubj", 1), ("vreest", "vrezen", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("heffingen", "heffing", "NOUN", "obj", 1),
        ("die", "die", "PRON", "nsubj", 6), ("Peru", "Peru", "PROPN", "obj", 7),
        ("wil", "willen", "VERB", "acl:relcl", 3), ("invoeren", "invoeren", "VERB", "xcomp", 6),
        ("tegen", "tegen", "ADP", "case", 9), ("Polen", "Polen", "PROPN", "obl", 7),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert ("peru", "polen", "16") in found


def test_a_participle_with_an_agent_is_the_agent_acting_on_its_noun():
    # De door Chili gesteunde regering van Peru protesteert .
    doc = parsed("nl", [
        ("De", "de", "DET", "det", 4), ("door", "door", "ADP", "case", 2),
        ("Chili", "Chili", "PROPN", "obl:agent", 3), ("gesteunde", "steunen", "VERB", "amod", 4),
        ("regering", "regering", "NOUN", "nsubj", 7), ("van", "van", "ADP", "case", 6),
        ("Peru", "Peru", "PROPN", "nmod", 4), ("protesteert", "protesteren", "VERB", "ROOT", 7),
        (".", ".", "PUNCT", "punct", 7),
    ])  # fmt: skip
    doc[3].set_morph("VerbForm=Part")
    ctx = context(doc, ACTORS)
    EventStage()(ctx)
    assert ("chili", "peru", "051") in [(e.source, e.target, e.cameo) for e in ctx.record.events]


def test_a_participle_without_agent_names_no_source_by_word_order_either():
    # Peru , the proposed host , stayed calm .   (nobody named proposes; Peru is no proposer)
    doc = parsed("en", [
        ("Peru", "Peru", "PROPN", "nsubj", 6), (",", ",", "PUNCT", "punct", 0),
        ("the", "the", "DET", "det", 4), ("proposed", "propose", "VERB", "amod", 4),
        ("host", "host", "NOUN", "appos", 0), (",", ",", "PUNCT", "punct", 0),
        ("stayed", "stay", "VERB", "ROOT", 6), ("calm", "calm", "ADJ", "acomp", 6),
        (".", ".", "PUNCT", "punct", 6),
    ])  # fmt: skip
    doc[3].set_morph("Tense=Past|VerbForm=Part")
    ctx = context(doc, ACTORS)
    EventStage()(ctx)
    assert ctx.record.events == []


def test_the_complement_of_an_agentless_passive_has_no_source():
    # Peru werd gevraagd om Chili te steunen .   (who asks is not named)
    found = run([
        ("Peru", "Peru", "PROPN", "nsubj:pass", 2), ("werd", "worden", "AUX", "aux:pass", 2),
        ("gevraagd", "vragen", "VERB", "ROOT", 2), ("om", "om", "ADP", "mark", 6),
        ("Chili", "Chili", "PROPN", "obj", 6), ("te", "te", "ADP", "mark", 6),
        ("steunen", "steunen", "VERB", "xcomp", 2), (".", ".", "PUNCT", "punct", 2),
    ])  # fmt: skip
    assert found == []


def test_a_present_participle_before_a_noun_is_active():
    # De dreigende heffingen van Peru treffen Chili .  (the participle is no passive without agent)
    doc = parsed("nl", [
        ("De", "de", "DET", "det", 2), ("dreigende", "dreigen", "VERB", "amod", 2),
        ("heffingen", "heffing", "NOUN", "nsubj", 5), ("van", "van", "ADP", "case", 4),
        ("Peru", "Peru", "PROPN", "nmod", 2), ("treffen", "treffen", "VERB", "ROOT", 5),
        ("Chili", "Chili", "PROPN", "obj", 5), (".", ".", "PUNCT", "punct", 5),
    ])  # fmt: skip
    doc[1].set_morph("VerbForm=Part")
    from powermap.extract.events.syntax import is_participle_modifier

    assert not is_participle_modifier(doc[1])
    doc2 = parsed("nl", [("De", "de", "DET", "det", 2), ("geplande", "plannen", "VERB", "amod", 2),
                         ("heffingen", "heffing", "NOUN", "ROOT", 2)])  # fmt: skip
    doc2[1].set_morph("VerbForm=Part")
    assert is_participle_modifier(doc2[1])


def test_a_subject_that_names_no_actor_is_not_replaced_by_a_name_in_word_order():
    # Jansen saw that the protesters , who criticized Peru , left .
    found = run([
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("saw", "see", "VERB", "ROOT", 1),
        ("that", "that", "SCONJ", "mark", 10), ("the", "the", "DET", "det", 4),
        ("protesters", "protester", "NOUN", "nsubj", 10), (",", ",", "PUNCT", "punct", 4),
        ("who", "who", "PRON", "nsubj", 7), ("criticized", "criticize", "VERB", "relcl", 4),
        ("Peru", "Peru", "PROPN", "dobj", 7), (",", ",", "PUNCT", "punct", 4),
        ("left", "leave", "VERB", "ccomp", 1), (".", ".", "PUNCT", "punct", 1),
    ], "en")  # fmt: skip
    assert not [e for e in found if e[2] == "11"]


def test_agreement_keeps_a_plural_relative_pronoun_the_subject():
    # De boeren die Peru steunen protesteren .   (plural *steunen*: the farmers support Peru)
    rows = [
        ("De", "de", "DET", "det", 1), ("boeren", "boer", "NOUN", "nsubj", 5),
        ("die", "die", "PRON", "nsubj", 4), ("Peru", "Peru", "PROPN", "obj", 4),
        ("steunen", "steunen", "VERB", "acl:relcl", 1), ("protesteren", "protesteren", "VERB", "ROOT", 5),
        (".", ".", "PUNCT", "punct", 5),
    ]  # fmt: skip
    doc = parsed("nl", rows)
    doc[3].set_morph("Number=Sing")
    doc[4].set_morph("Number=Plur|VerbForm=Fin")
    ctx = context(doc, ACTORS)
    EventStage()(ctx)
    assert not [e for e in ctx.record.events if e.source == "peru"]


def test_a_name_the_parser_made_a_second_subject_of_a_relative_clause_is_its_subject():
    # Chili vreest de heffingen die Peru oplegt aan Polen .   (singular *oplegt* agrees with Peru)
    rows = [
        ("Chili", "Chili", "PROPN", "nsubj", 1), ("vreest", "vrezen", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("heffingen", "heffing", "NOUN", "obj", 1),
        ("die", "die", "PRON", "nsubj", 6), ("Peru", "Peru", "PROPN", "nsubj", 6),
        ("oplegt", "opleggen", "VERB", "acl:relcl", 3), ("aan", "aan", "ADP", "case", 8),
        ("Polen", "Polen", "PROPN", "obl", 6), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    doc = parsed("nl", rows)
    doc[5].set_morph("Number=Sing")
    doc[6].set_morph("Number=Sing|VerbForm=Fin")
    ctx = context(doc, ACTORS)
    EventStage()(ctx)
    assert ("peru", "polen", "163") in [(e.source, e.target, e.cameo) for e in ctx.record.events]


def test_a_neuter_pronoun_stands_for_a_state_only_in_reported_speech():
    # Peru zei dat het Chili helpt .   (*het*: Peru)   /   Peru steunt Chili . De vraag is of het helpt .
    said = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("zei", "zeggen", "VERB", "ROOT", 1),
        ("dat", "dat", "SCONJ", "mark", 5), ("het", "het", "PRON", "nsubj", 5),
        ("Chili", "Chili", "PROPN", "obj", 5), ("helpt", "helpen", "VERB", "ccomp", 1),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert ("peru", "chili", "07") in said
    question = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("steunt", "steunen", "VERB", "ROOT", 1),
        ("Chili", "Chili", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
        ("De", "de", "DET", "det", 5), ("vraag", "vraag", "NOUN", "nsubj", 6),
        ("is", "zijn", "AUX", "ROOT", 6), ("of", "of", "SCONJ", "mark", 9),
        ("het", "het", "PRON", "nsubj", 9), ("helpt", "helpen", "VERB", "ccomp", 6),
        (".", ".", "PUNCT", "punct", 6),
    ])  # fmt: skip
    assert not [e for e in question if e[2] == "07"]
