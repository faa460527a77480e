"""Event rules added for unseen news, each on a sentence written for the test: object pronouns
as targets, statements that are no events, predicates of receiving (the giver is the source),
and rows of the Dutch CAMEO lexicon."""

from __future__ import annotations

from powermap.extract.events import EventStage
from powermap.extract.events.coder import ParseCoder
from powermap.extract.events.fallback import PatternCoder
from powermap.extract.events.lexicon import get_lexicon

from .events_fixtures import context, parsed

NL = {"Polen": ("poland", "state"), "Litouwen": ("lithuania", "state"), "Rusland": ("russia", "state")}
EN = {"Norway": ("norway", "state"), "Sweden": ("sweden", "state")}


def run(lang, rows, actors):
    ctx = context(parsed(lang, rows), actors)
    EventStage()(ctx)
    return [(e.source, e.target, e.cameo[:2]) for e in ctx.record.events]


def test_events_object_pronoun_target_resolves_to_the_person_named_before():
    # Pietersen vertrok , en Rusland bedreigde hem .
    rows = [
        ("Pietersen", "Pietersen", "PROPN", "nsubj", 1), ("vertrok", "vertrekken", "VERB", "ROOT", 1),
        (",", ",", "PUNCT", "punct", 5), ("en", "en", "CCONJ", "cc", 5),
        ("Rusland", "Rusland", "PROPN", "nsubj", 5), ("bedreigde", "bedreigen", "VERB", "conj", 1),
        ("hem", "hem", "PRON", "obj", 5), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found = run("nl", rows, {**NL, "Pietersen": ("pietersen", "person")})
    assert ("russia", "pietersen", "13") in found


def test_events_a_statement_is_no_event_but_its_content_is():
    # Norway announced the news .   /   Norway criticised Sweden .
    announced = [
        ("Norway", "Norway", "PROPN", "nsubj", 1), ("announced", "announce", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3), ("news", "news", "NOUN", "dobj", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert get_lexicon("en").match("announce", {"news"}).cameo == "010"  # the derived lexicon codes it 01
    assert run("en", announced, EN) == []
    criticised = [
        ("Norway", "Norway", "PROPN", "nsubj", 1), ("criticised", "criticise", "VERB", "ROOT", 1),
        ("Sweden", "Sweden", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run("en", criticised, EN) == [("norway", "sweden", "11")]


def test_events_receiving_support_makes_the_giver_the_source_nl():
    # Polen kreeg steun van Litouwen .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("kreeg", "krijgen", "VERB", "ROOT", 1),
        ("steun", "steun", "NOUN", "obj", 1), ("van", "van", "ADP", "case", 4),
        ("Litouwen", "Litouwen", "PROPN", "nmod", 2), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run("nl", rows, NL) == [("lithuania", "poland", "05")]


def test_events_receiving_support_makes_the_giver_the_source_en():
    # Norway received support from Sweden .
    rows = [
        ("Norway", "Norway", "PROPN", "nsubj", 1), ("received", "receive", "VERB", "ROOT", 1),
        ("support", "support", "NOUN", "dobj", 1), ("from", "from", "ADP", "prep", 2),
        ("Sweden", "Sweden", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run("en", rows, EN) == [("sweden", "norway", "05")]


def test_events_receiving_without_a_giver_codes_nothing():
    # Polen kreeg steun .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("kreeg", "krijgen", "VERB", "ROOT", 1),
        ("steun", "steun", "NOUN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run("nl", rows, NL) == []


def test_events_dutch_reflexive_opposition_is_a_rejection():
    # Polen verzette zich tegen Rusland .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("verzette", "verzetten", "VERB", "ROOT", 1),
        ("zich", "zich", "PRON", "expl:pv", 1), ("tegen", "tegen", "ADP", "case", 4),
        ("Rusland", "Rusland", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run("nl", rows, NL) == [("poland", "russia", "12")]


def test_events_dutch_detention_verb_is_coercion():
    # Litouwen hield Polen vast .
    rows = [
        ("Litouwen", "Litouwen", "PROPN", "nsubj", 1), ("hield", "houden", "VERB", "ROOT", 1),
        ("Polen", "Polen", "PROPN", "obj", 1), ("vast", "vast", "ADP", "compound:prt", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run("nl", rows, NL) == [("lithuania", "poland", "17")]


def test_events_passive_relative_clause_targets_the_noun_and_its_agents_are_not_mutual():
    # Sweden founded an alliance which was joined by Norway and Denmark .
    rows = [
        ("Sweden", "Sweden", "PROPN", "nsubj", 1), ("founded", "found", "VERB", "ROOT", 1),
        ("an", "a", "DET", "det", 3), ("alliance", "alliance", "NOUN", "dobj", 1),
        ("which", "which", "PRON", "nsubjpass", 6), ("was", "be", "AUX", "auxpass", 6),
        ("joined", "join", "VERB", "relcl", 3), ("by", "by", "ADP", "agent", 6),
        ("Norway", "Norway", "PROPN", "pobj", 7), ("and", "and", "CCONJ", "cc", 8),
        ("Denmark", "Denmark", "PROPN", "conj", 8), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    actors = {**EN, "Denmark": ("denmark", "state"), "alliance": ("alliance", "organisation")}
    found = run("en", rows, actors)
    joined = [(s, t) for s, t, _root in found if s in ("norway", "denmark")]
    assert ("norway", "alliance") in joined and ("denmark", "alliance") in joined
    assert ("norway", "denmark") not in joined and ("denmark", "norway") not in joined


def test_events_a_passive_auxiliary_triggers_nothing_in_the_word_order_backup():
    # Polen werd geweerd .  (werd looks like a form of *weren*; as an auxiliary it is no predicate)
    from powermap.extract.events.fallback import PatternCoder
    from powermap.extract.events.lexicon import LexEntry
    from powermap.extract.events.morphology import verb_candidates

    rows = [
        ("Polen", "Polen", "PROPN", "nsubj:pass", 2), ("werd", "worden", "AUX", "aux:pass", 2),
        ("geweerd", "weren", "VERB", "ROOT", 2), (".", ".", "PUNCT", "punct", 2),
    ]  # fmt: skip
    assert "weren" in verb_candidates("werd", "nl")
    ctx = context(parsed("nl", rows), NL)
    backup = PatternCoder(get_lexicon("nl"), ctx, verbs_only=True)

    class AnyVerb:  # a lexicon in which every lemma codes an event
        language, compound_suffix = "nl", True

        def has(self, lemma):
            return True

        def patterned(self, lemma, noun=False):  # rows that read the complements: build every bag
            return True

        def match(self, lemma, bag, noun=False):
            return None if noun else LexEntry(lemma, "163", (), frozenset())

    backup.lex = AnyVerb()  # type: ignore[assignment]
    sent = ctx.doc[:]
    lemmas = [backup.lemma_of(t) for t in sent]
    words = {t.lower_ for t in sent}
    assert backup.trigger(sent, 1, lemmas, words) == (None, False)
    assert backup.trigger(sent, 2, lemmas, words)[0] is not None


def test_events_reciprocal_object_makes_coordinated_subjects_each_others_target():
    # Polen en Litouwen bekritiseerden elkaar .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 3), ("en", "en", "CCONJ", "cc", 2),
        ("Litouwen", "Litouwen", "PROPN", "conj", 0), ("bekritiseerden", "bekritiseren", "VERB", "ROOT", 3),
        ("elkaar", "elkaar", "PRON", "obj", 3), (".", ".", "PUNCT", "punct", 3),
    ]  # fmt: skip
    assert sorted(run("nl", rows, NL)) == [("lithuania", "poland", "11"), ("poland", "lithuania", "11")]


def test_events_counted_sides_accusing_each_other():
    # Norway angered Sweden ; both sides accused each other .
    rows = [
        ("Norway", "Norway", "PROPN", "nsubj", 1), ("angered", "anger", "VERB", "ROOT", 1),
        ("Sweden", "Sweden", "PROPN", "dobj", 1), (";", ";", "PUNCT", "punct", 1),
        ("both", "both", "DET", "det", 5), ("sides", "side", "NOUN", "nsubj", 6),
        ("accused", "accuse", "VERB", "conj", 1), ("each", "each", "DET", "det", 8),
        ("other", "other", "ADJ", "dobj", 6), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found = run("en", rows, EN)
    assert ("norway", "sweden", "11") in found and ("sweden", "norway", "11") in found


def test_events_coordinated_demonyms_on_one_noun_give_one_source_each():
    # De Poolse en Litouwse regering tekenden protest aan tegen Rusland .
    rows = [
        ("De", "de", "DET", "det", 4), ("Poolse", "Pools", "ADJ", "amod", 4),
        ("en", "en", "CCONJ", "cc", 3), ("Litouwse", "Litouws", "ADJ", "conj", 1),
        ("regering", "regering", "NOUN", "nsubj", 5), ("tekenden", "tekenen", "VERB", "ROOT", 5),
        ("protest", "protest", "NOUN", "obj", 5), ("aan", "aan", "ADP", "compound:prt", 5),
        ("tegen", "tegen", "ADP", "case", 9), ("Rusland", "Rusland", "PROPN", "obl", 5),
        (".", ".", "PUNCT", "punct", 5),
    ]  # fmt: skip
    actors = {"Poolse": ("poland", "state"), "Litouwse": ("lithuania", "state"), "Rusland": ("russia", "state")}
    assert run("nl", rows, actors) == [("poland", "russia", "11"), ("lithuania", "russia", "11")]


def test_events_particle_found_in_the_clause_outranks_the_bare_verb():
    # Polen tekende fel protest aan tegen Rusland .  (aan hung on the preposition: aantekenen, not tekenen)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("tekende", "tekenen", "VERB", "ROOT", 1),
        ("fel", "fel", "ADJ", "amod", 3), ("protest", "protest", "NOUN", "obj", 1),
        ("aan", "aan", "ADP", "case", 6), ("tegen", "tegen", "ADP", "case", 6),
        ("Rusland", "Rusland", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run("nl", rows, NL) == [("poland", "russia", "11")]


def test_events_import_levies_are_sanctions_nl():
    # Polen legde Litouwen nieuwe heffingen op .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("legde", "leggen", "VERB", "ROOT", 1),
        ("Litouwen", "Litouwen", "PROPN", "iobj", 1), ("nieuwe", "nieuw", "ADJ", "amod", 4),
        ("heffingen", "heffing", "NOUN", "obj", 1), ("op", "op", "ADP", "compound:prt", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run("nl", rows, NL) == [("poland", "lithuania", "16")]


def test_events_news_rows_of_the_dutch_lexicon():
    nl = get_lexicon("nl")
    assert nl.match("zakendoen", {"met"}).cameo == "061"  # Polen doet zaken met Litouwen
    assert nl.match("doen", {"zaken", "met"}).cameo == "061"
    assert nl.match("doen", {"onderzoek", "naar"}).cameo == "090"  # doet onderzoek naar X
    assert nl.match("ingrijpen", {"militair"}).cameo[:2] == "19"  # grijpt militair in
    assert nl.match("gaan", {"in", "staking"}).cameo[:2] == "14"  # gaan in staking
    assert nl.match("oorlog", {"met"}, noun=True).cameo[:2] == "19"  # de oorlog met X
    assert nl.match("doen", {"boodschappen"}) is None  # a light verb alone is no event


def test_events_news_rows_of_the_english_lexicon():
    en = get_lexicon("en")
    assert en.match("expel", {"the", "ambassador"}).cameo == "161"  # expelled the ambassador
    assert en.match("expel", {"troops"}).cameo == "174"
    assert en.match("increase", {"sanctions", "on"}).cameo == "163"  # increased sanctions on X
    assert en.match("increase", {"aid"}).cameo == "073"
    assert en.match("critic", {"of"}).cameo == "111"  # was a critic of X


def test_events_event_noun_van_phrase_is_the_agent_beside_a_directed_phrase():
    # De aanval van Polen op Litouwen mislukte .
    rows = [
        ("De", "de", "DET", "det", 1), ("aanval", "aanval", "NOUN", "nsubj", 6),
        ("van", "van", "ADP", "case", 3), ("Polen", "Polen", "PROPN", "nmod", 1),
        ("op", "op", "ADP", "case", 5), ("Litouwen", "Litouwen", "PROPN", "nmod", 1),
        ("mislukte", "mislukken", "VERB", "ROOT", 6), (".", ".", "PUNCT", "punct", 6),
    ]  # fmt: skip
    assert run("nl", rows, NL) == [("poland", "lithuania", "19")]


def test_events_event_noun_van_phrase_alone_names_no_agent():
    # De aanval van Polen mislukte .  (ambiguous: who attacked whom is not said)
    rows = [
        ("De", "de", "DET", "det", 1), ("aanval", "aanval", "NOUN", "nsubj", 4),
        ("van", "van", "ADP", "case", 3), ("Polen", "Polen", "PROPN", "nmod", 1),
        ("mislukte", "mislukken", "VERB", "ROOT", 4), (".", ".", "PUNCT", "punct", 4),
    ]  # fmt: skip
    assert run("nl", rows, NL) == []


def test_events_disagreements_with_share_the_clause_subject_en():
    # Norway had disagreements with Sweden .
    rows = [
        ("Norway", "Norway", "PROPN", "nsubj", 1), ("had", "have", "VERB", "ROOT", 1),
        ("disagreements", "disagreement", "NOUN", "dobj", 1), ("with", "with", "ADP", "prep", 2),
        ("Sweden", "Sweden", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run("en", rows, EN) == [("norway", "sweden", "11")]


def test_events_light_verb_lends_its_subject_and_target_to_the_event_noun_nl():
    # Polen bracht een bezoek aan Litouwen .  (aan Litouwen hung on the verb)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("bracht", "brengen", "VERB", "ROOT", 1),
        ("een", "een", "DET", "det", 3), ("bezoek", "bezoek", "NOUN", "obj", 1),
        ("aan", "aan", "ADP", "case", 5), ("Litouwen", "Litouwen", "PROPN", "obl", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run("nl", rows, NL) == [("poland", "lithuania", "04")]


def test_events_light_verb_launch_lends_its_subject_en():
    # Norway launched an invasion of Sweden .  (launch alone codes nothing)
    rows = [
        ("Norway", "Norway", "PROPN", "nsubj", 1), ("launched", "launch", "VERB", "ROOT", 1),
        ("an", "an", "DET", "det", 3), ("invasion", "invasion", "NOUN", "dobj", 1),
        ("of", "of", "ADP", "prep", 3), ("Sweden", "Sweden", "PROPN", "pobj", 4),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run("en", rows, EN) == [("norway", "sweden", "19")]


def test_events_an_event_noun_under_a_verb_that_is_no_light_verb_has_no_source():
    # Norway feared an invasion of Sweden .  (who invades is not said)
    rows = [
        ("Norway", "Norway", "PROPN", "nsubj", 1), ("feared", "fear", "VERB", "ROOT", 1),
        ("an", "an", "DET", "det", 3), ("invasion", "invasion", "NOUN", "dobj", 1),
        ("of", "of", "ADP", "prep", 3), ("Sweden", "Sweden", "PROPN", "pobj", 4),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert all(code != "19" for _s, _t, code in run("en", rows, EN))


def test_events_a_place_after_a_locative_preposition_is_where_in_both_label_sets():
    # Norway criticised the plan in Oslo .  (ClearNLP: in <- prep, Oslo <- pobj)
    rows = [
        ("Norway", "Norway", "PROPN", "nsubj", 1), ("criticised", "criticise", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3), ("plan", "plan", "NOUN", "dobj", 1),
        ("in", "in", "ADP", "prep", 1), ("Oslo", "Oslo", "PROPN", "pobj", 4),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    ctx = context(parsed("en", rows), {**EN, "Oslo": ("oslo", "place")})
    coder = ParseCoder(get_lexicon("en"), ctx)
    assert coder.referents.locative(ctx.doc[5])
    assert not coder.referents.locative(ctx.doc[0])
    # Polen bekritiseerde het plan in Vilnius .  (UD: in <- case)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("bekritiseerde", "bekritiseren", "VERB", "ROOT", 1),
        ("het", "het", "DET", "det", 3), ("plan", "plan", "NOUN", "obj", 1),
        ("in", "in", "ADP", "case", 5), ("Vilnius", "Vilnius", "PROPN", "obl", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    ctx = context(parsed("nl", rows), {**NL, "Vilnius": ("vilnius", "place")})
    assert ParseCoder(get_lexicon("nl"), ctx).referents.locative(ctx.doc[5])


def test_events_word_order_backup_receiving_needs_a_giver_phrase():
    # Polen kreeg steun in Litouwen .  /  Polen kreeg steun van Litouwen .
    def backup_coded(prep: str) -> list[tuple[str, str | None, str]]:
        rows = [
            ("Polen", "Polen", "PROPN", "nsubj", 1), ("kreeg", "krijgen", "VERB", "ROOT", 1),
            ("steun", "steun", "NOUN", "obj", 1), (prep, prep, "ADP", "case", 4),
            ("Litouwen", "Litouwen", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
        ]  # fmt: skip
        ctx = context(parsed("nl", rows), NL)
        backup = PatternCoder(get_lexicon("nl"), ctx, verbs_only=True)
        sent = next(iter(ctx.doc.sents))
        return [(c.source.id, c.target.id if c.target else None, c.cameo[:2]) for c in backup.code_sentence(sent)]

    assert backup_coded("van") == [("lithuania", "poland", "05")]
    assert backup_coded("in") == []  # where the support came in, not who gave it


def test_lookup_lemma_table_finds_a_word_by_its_text():
    """spaCy keys its lookup table by the words' hashes: the table must be looked up by text
    through its own ``get`` (a plain ``dict`` copy of it never finds a word)."""
    import pytest

    from powermap.extract.events.morphology import lemma_table

    table = lemma_table("en")
    if not table:
        pytest.skip("spacy-lookups-data has no English lookup table here")
    assert table.get("went") == "go"
    assert table.get("negotiated") == "negotiate"
    assert table.get("no-such-word-here", "missing") == "missing"
