"""What and when: verbs of saying, the Dutch lexicon mapped from the English one, and Dutch rows
whose object decides the code; each on a sentence written for the test (in the comments)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from powermap.codebooks import lookup
from powermap.extract.events.lexicon import get_lexicon
from powermap.extract.events.predicates import Predicates

ROOT = Path(__file__).resolve().parents[1]


def build_script():
    spec = importlib.util.spec_from_file_location("build_nl_event_verbs", ROOT / "scripts" / "build_nl_event_verbs.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_a_verb_of_saying_codes_what_is_said_only_as_a_speech_act():
    en = Predicates(get_lexicon("en"))
    # Norway said the attack on the ferry was over .   (the attack is what was said, no pattern of *say*)
    said = get_lexicon("en").match("say", {"attack", "ferry", "over"})
    assert said is not None and said.cameo[:2] == "19"  # PETRARCH2's bag of words would code it
    assert en.only_said(said)  # by word order: no event
    assert en.only_said(said, {"norway", "was"})  # parsed: *attack* is not among say's own dependents
    # Norway claimed Sweden lied .   (a claim against someone is an accusation: coded)
    claimed = get_lexicon("en").match("claim", {"sweden", "lied"})
    assert claimed is not None and claimed.cameo[:2] == "11"
    assert not en.only_said(claimed)
    nl = Predicates(get_lexicon("nl"))
    # Polen en Litouwen verklaarden een partnerschap .   (the pattern word is the verb's own object)
    declared = get_lexicon("nl").match("verklaren", {"partnerschap"})
    assert declared is not None and declared.cameo == "050"
    assert not nl.only_said(declared, {"partnerschap", "een"})
    assert nl.only_said(declared)  # the same word elsewhere in the sentence codes nothing


def test_vague_english_defaults_code_nothing_without_a_pattern():
    en = get_lexicon("en")
    assert en.match("affect", set()).cameo is None  # The rain affected Norway .
    assert en.match("reveal", set()).cameo is None  # Norway revealed its budget .


def test_the_mapped_dutch_lexicon_is_what_the_script_builds():
    module = build_script()
    rows = module.build()
    text = (ROOT / "src" / "powermap" / "lang" / "nl" / "event_verbs.mapped.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")][1:]
    assert lines == ["\t".join(r) for r in rows]
    hand = module.hand_lemmas("nl")
    assert {"aanvallen", "opleggen", "zakendoen"} <= hand  # the three hand-written files are read
    assert not {r[0] for r in rows} & hand  # curated Dutch rows are never overridden


def test_pattern_words_are_translated_or_the_row_is_left_out():
    module = build_script()
    words = {"sanctions": ["sancties"], "against": ["tegen"]}
    assert module.translate("sanctions against", words) == "sancties tegen"
    assert module.translate("sanctions|penalties", words) == "sancties"
    assert module.translate("sanctions lawn", words) is None


def test_mapped_dutch_verbs_take_the_english_synset_codes():
    nl = get_lexicon("nl")
    assert nl.match("bespioneren", set()).cameo[:2] == "09"  # Polen bespioneerde Litouwen .
    assert nl.match("omsingelen", set()).cameo[:2] == "19"  # Het leger omsingelde de stad .
    assert nl.match("afslachten", set()).cameo[:2] == "20"  # De milities slachtten de dorpelingen af .
    assert nl.match("betwisten", set()).cameo[:2] == "11"  # Litouwen betwist de uitslag .
    assert nl.match("bevelen", set()).cameo[:2] == "10"  # De generaal beval de terugtocht .
    assert nl.match("aanvallen", set()).cameo == "190"  # a hand-written row, not a mapped one


def test_every_dutch_and_english_lexicon_code_is_in_the_codebook():
    for language in ("nl", "en"):
        for rows in get_lexicon(language).entries.values():
            for row in rows:
                assert row.cameo is None or lookup(row.cameo) is not None, (language, row)


def test_dutch_rows_whose_object_decides_the_code():
    nl = get_lexicon("nl")
    assert nl.match("opvoeren", {"de", "druk", "op", "polen"}).cameo == "100"  # De VS voeren de druk op Polen op .
    assert nl.match("uitoefenen", {"druk", "op"}).cameo == "100"  # Litouwen oefent druk uit op Polen .
    assert nl.match("zetten", {"polen", "onder", "druk"}).cameo == "100"  # Litouwen zet Polen onder druk .
    assert nl.match("noemen", {"het", "plan", "onzin"}).cameo == "111"  # Polen noemt het plan onzin .
    assert nl.match("bieden", {"weerstand", "tegen"}).cameo == "120"  # De boeren bieden weerstand tegen X .
    assert nl.match("bieden", {"hulp"}).cameo == "070"  # Polen biedt hulp .
    assert nl.match("voorbereiden", {"een", "aanklacht", "tegen"}).cameo == "115"  # bereidt een aanklacht voor tegen X
    assert nl.match("dirigeren", {"noodhulp", "naar"}).cameo == "073"  # noodhulp dirigeren naar Litouwen
    assert nl.match("gaan", {"om", "de", "tafel", "met"}).cameo == "046"  # Polen gaat met Litouwen om de tafel .
    assert nl.match("oproepen", {"vragen"}).cameo is None  # Het besluit roept vragen op .
    assert nl.match("kopen", {"tijd"}).cameo is None  # De regering koopt tijd .
    assert nl.match("kopen", {"gas"}).cameo == "061"  # Polen koopt gas van Noorwegen .


def test_demanding_a_resignation_and_being_at_odds():
    en, nl = get_lexicon("en"), get_lexicon("nl")
    # Norway asked the minister for his resignation .   (not *ask for security* of a title word)
    bag = {"minister", "for", "his", "resignation", "security"}
    asked = en.match("ask", bag, near={"minister", "for", "resignation"})
    assert asked.cameo == "1041"
    assert nl.match("vragen", {"om", "het", "ontslag", "van"}).cameo == "1041"  # Polen vraagt om het ontslag van X
    assert nl.match("eisen", {"het", "aftreden"}).cameo == "1041"  # De boeren eisen het aftreden van de minister
    at_odds = en.match("be", {"at", "odds", "over", "trade"})  # Norway and Sweden are at odds over trade .
    assert at_odds.cameo == "110" and "mutual" in at_odds.flags
    assert "mutual" in nl.match("verschillen", {"van", "mening"}).flags  # Polen en Litouwen verschillen van mening


def test_everyday_dutch_verbs_whose_complement_makes_an_event():
    nl = get_lexicon("nl")
    assert nl.match("leggen", {"contact", "met"}).cameo == "040"  # Polen legt contact met Litouwen .
    assert nl.match("gaan", {"in", "gesprek", "met"}).cameo == "040"  # Polen gaat in gesprek met Litouwen .
    assert nl.match("komen", {"tot", "een", "akkoord"}).cameo == "057"  # Polen en Litouwen komen tot een akkoord .
    assert nl.match("uitroepen", {"de", "noodtoestand"}).cameo == "1724"  # De regering roept de noodtoestand uit .
    assert nl.match("komen", {"morgen"}) is None  # Polen komt morgen . (no event)


def test_a_participle_modifying_a_noun_without_arguments_is_no_event():
    from .events_fixtures import parsed

    nl = Predicates(get_lexicon("nl"))
    # Polen steunt het voorgestelde verdrag .   (*voorgestelde* names a property of the treaty)
    bare = parsed("nl", [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("steunt", "steunen", "VERB", "ROOT", 1),
        ("het", "het", "DET", "det", 4), ("voorgestelde", "voorstellen", "VERB", "amod", 4),
        ("verdrag", "verdrag", "NOUN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    bare[3].set_morph("VerbForm=Part")
    assert get_lexicon("nl").match("voorstellen", set()).cameo == "030"  # a row that would code it
    assert nl.entry(bare[3]) is None
    assert nl.entry(bare[1]).cameo == "051"
    # De door Polen gesteunde regering viel .   (with an agent of its own it is still read)
    agent = parsed("nl", [
        ("De", "de", "DET", "det", 4), ("door", "door", "ADP", "case", 2),
        ("Polen", "Polen", "PROPN", "obl:agent", 3), ("gesteunde", "steunen", "VERB", "amod", 4),
        ("regering", "regering", "NOUN", "nsubj", 5), ("viel", "vallen", "VERB", "ROOT", 5),
        (".", ".", "PUNCT", "punct", 5),
    ])  # fmt: skip
    agent[3].set_morph("VerbForm=Part")
    assert not nl.bare_modifier(agent[3])
    assert nl.entry(agent[3]).cameo == "051"


def test_a_word_of_a_name_is_no_predicate_in_the_word_order_backup():
    from powermap.extract.events.fallback import PatternCoder

    from .events_fixtures import context, parsed

    # Norway thanked the Royal Air Force and will force Sweden .   (*Force* tagged as a verb)
    rows = [
        ("Norway", "Norway", "PROPN", "nsubj", 1), ("thanked", "thank", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 5), ("Royal", "Royal", "PROPN", "compound", 5),
        ("Air", "Air", "PROPN", "compound", 5), ("Force", "force", "VERB", "dobj", 1),
        ("and", "and", "CCONJ", "cc", 1), ("will", "will", "AUX", "aux", 8),
        ("force", "force", "VERB", "conj", 1), ("Sweden", "Sweden", "PROPN", "dobj", 8),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    ctx = context(parsed("en", rows), {"Norway": ("norway", "state"), "Sweden": ("sweden", "state")})
    backup = PatternCoder(get_lexicon("en"), ctx, verbs_only=True)
    sent = ctx.doc[:]
    lemmas = [backup.lemma_of(t) for t in sent]
    words = {t.lower_ for t in sent}
    assert backup.trigger(sent, 5, lemmas, words) == (None, False)
    assert backup.trigger(sent, 8, lemmas, words)[0].cameo[:2] == "17"


def test_the_word_order_backup_reads_pattern_words_from_the_verbs_own_subtree():
    from powermap.extract.events.fallback import PatternCoder

    from .events_fixtures import context, parsed

    # Norway increased its budget , and Sweden discussed sanctions .
    rows = [
        ("Norway", "Norway", "PROPN", "nsubj", 1), ("increased", "increase", "VERB", "ROOT", 1),
        ("its", "its", "PRON", "poss", 3), ("budget", "budget", "NOUN", "dobj", 1),
        (",", ",", "PUNCT", "punct", 1), ("and", "and", "CCONJ", "cc", 1),
        ("Sweden", "Sweden", "PROPN", "nsubj", 7), ("discussed", "discuss", "VERB", "conj", 1),
        ("sanctions", "sanction", "NOUN", "dobj", 7), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    ctx = context(parsed("en", rows), {"Norway": ("norway", "state"), "Sweden": ("sweden", "state")})
    backup = PatternCoder(get_lexicon("en"), ctx, verbs_only=True)
    sent = ctx.doc[:]
    lemmas = [backup.lemma_of(t) for t in sent]
    assert get_lexicon("en").match("increase", {"sanctions"}).cameo == "163"  # the sentence's words would give it
    assert "sanctions" not in backup.own_words(sent[1])  # a word of the joined clause
    entry, _ = backup.trigger(sent, 1, lemmas, {t.lower_ for t in sent})
    assert entry is None or entry.cameo != "163"


def test_cooperation_between_armed_forces_is_military_cooperation():
    en, nl = get_lexicon("en"), get_lexicon("nl")
    # Norway increased its cooperation with the navies of Sweden .
    assert en.match("increase", {"its", "cooperation", "with", "the", "navies", "of", "sweden"}).cameo == "062"
    assert en.match("increase", {"its", "cooperation", "with", "sweden"}).cameo == "050"
    # De militaire samenwerking met Litouwen groeit .
    assert nl.match("samenwerking", {"militaire", "met", "litouwen"}, noun=True).cameo == "062"
    assert nl.match("samenwerking", {"met", "litouwen"}, noun=True).cameo == "050"  # as the English one
