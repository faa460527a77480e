"""events.v1 rules added for unseen news, each on a hand-parsed sentence written for the test
(Alpino UD labels for Dutch, ClearNLP-style labels for English)."""

from __future__ import annotations

from powermap.extract.events import EventStage
from powermap.extract.events.lexicon import get_lexicon
from powermap.extract.events.morphology import noun_candidates

from .events_fixtures import context, parsed, two_sentences

ACTORS = {
    "Polen": ("polen", "state"),
    "Rusland": ("russia", "state"),
    "Chili": ("chili", "state"),
    "Peru": ("peru", "state"),
    "Jansen": ("jansen", "person"),
    "Pietersen": ("pietersen", "person"),
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


PLURALS = {"steunen": "Number=Plur", "Zij": "Number=Plur"}  # the morphology the tests' words carry


SENTENCE_ONE = [  # Polen en Chili erkennen Peru .
    ("Polen", "Polen", "PROPN", "nsubj", 3), ("en", "en", "CCONJ", "cc", 2),
    ("Chili", "Chili", "PROPN", "conj", 0), ("erkennen", "erkennen", "VERB", "ROOT", 3),
    ("Peru", "Peru", "PROPN", "obj", 3), (".", ".", "PUNCT", "punct", 3),
]  # fmt: skip
SENTENCE_TWO = [  # Zij steunen Rusland .
    ("Zij", "zij", "PRON", "nsubj", 1), ("steunen", "steunen", "VERB", "ROOT", 1),
    ("Rusland", "Rusland", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
]  # fmt: skip


def test_a_plural_pronoun_takes_up_the_coordinated_subject_before_it():
    ctx = context(two_sentences(SENTENCE_ONE, SENTENCE_TWO, PLURALS), ACTORS)
    EventStage()(ctx)
    found = [(e.source, e.target, e.cameo) for e in ctx.record.events]
    assert ("polen", "russia", "051") in found and ("chili", "russia", "051") in found


def test_a_plural_pronoun_after_a_plural_subject_without_actors_stays_open():
    # De boeren protesteren . Zij steunen Rusland .   (zij: the farmers, not Polen and Chili before)
    first = [
        *SENTENCE_ONE[:-1], (",", ",", "PUNCT", "punct", 3), ("maar", "maar", "CCONJ", "cc", 9),
        ("de", "de", "DET", "det", 8), ("boeren", "boer", "NOUN", "nsubj", 9),
        ("protesteren", "protesteren", "VERB", "conj", 3), (".", ".", "PUNCT", "punct", 3),
    ]  # fmt: skip
    doc = two_sentences(first, SENTENCE_TWO, PLURALS)
    doc[8].set_morph("Number=Plur")
    ctx = context(doc, ACTORS)
    EventStage()(ctx)
    assert not [e for e in ctx.record.events if e.cameo == "051"]


def test_both_parties_stand_for_the_last_state_and_organisation_named():
    # Polen en de EU ruziën . Beide partijen beschuldigen elkaar .
    first = [
        ("Polen", "Polen", "PROPN", "nsubj", 4), ("en", "en", "CCONJ", "cc", 3),
        ("de", "de", "DET", "det", 3), ("EU", "EU", "PROPN", "conj", 0),
        ("ruziën", "ruziën", "VERB", "ROOT", 4), (".", ".", "PUNCT", "punct", 4),
    ]  # fmt: skip
    second = [
        ("Beide", "beide", "DET", "det", 1), ("partijen", "partij", "NOUN", "nsubj", 2),
        ("beschuldigen", "beschuldigen", "VERB", "ROOT", 2), ("elkaar", "elkaar", "PRON", "obj", 2),
        (".", ".", "PUNCT", "punct", 2),
    ]  # fmt: skip
    ctx = context(two_sentences(first, second, PLURALS), {**ACTORS, "EU": ("eu", "organisation")})
    EventStage()(ctx)
    found = sorted((e.source, e.target, e.cameo) for e in ctx.record.events)
    assert found == [("eu", "polen", "112"), ("polen", "eu", "112")]


def test_an_object_pronoun_is_not_its_own_clause_subject():
    # Jansen won . Pietersen arresteerde hem .   (hem: Jansen, never the arrester himself)
    first = [
        ("Jansen", "Jansen", "PROPN", "nsubj", 1),
        ("won", "winnen", "VERB", "ROOT", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
    second = [
        ("Pietersen", "Pietersen", "PROPN", "nsubj", 1), ("arresteerde", "arresteren", "VERB", "ROOT", 1),
        ("hem", "hem", "PRON", "obj", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    ctx = context(two_sentences(first, second, PLURALS), ACTORS)
    EventStage()(ctx)
    assert [(e.source, e.target, e.cameo) for e in ctx.record.events] == [("pietersen", "jansen", "173")]


def test_a_definite_role_description_stands_for_the_person_named_before_it():
    # Pietersen won . Chili veroordeelde de minister .
    first = [
        ("Pietersen", "Pietersen", "PROPN", "nsubj", 1),
        ("won", "winnen", "VERB", "ROOT", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
    second = [
        ("Chili", "Chili", "PROPN", "nsubj", 1), ("veroordeelde", "veroordelen", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("minister", "minister", "NOUN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    ctx = context(two_sentences(first, second, PLURALS), ACTORS)
    EventStage()(ctx)
    assert [(e.source, e.target, e.cameo) for e in ctx.record.events] == [("chili", "pietersen", "111")]


def test_an_indefinite_role_noun_stays_open():
    # Pietersen won . Chili veroordeelde een minister .   (een minister: someone not named)
    first = [
        ("Pietersen", "Pietersen", "PROPN", "nsubj", 1),
        ("won", "winnen", "VERB", "ROOT", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
    second = [
        ("Chili", "Chili", "PROPN", "nsubj", 1), ("veroordeelde", "veroordelen", "VERB", "ROOT", 1),
        ("een", "een", "DET", "det", 3), ("minister", "minister", "NOUN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    ctx = context(two_sentences(first, second, PLURALS), ACTORS)
    EventStage()(ctx)
    assert all(e.target != "pietersen" for e in ctx.record.events)


def test_an_event_noun_with_an_agent_phrase_is_aimed_at_its_possessor():
    # Chili hekelt zijn uitsluiting door Peru .   (zijn: Chili's own exclusion, by Peru)
    rows = [
        ("Chili", "Chili", "PROPN", "nsubj", 1), ("hekelt", "hekelen", "VERB", "ROOT", 1),
        ("zijn", "zijn", "PRON", "nmod:poss", 3), ("uitsluiting", "uitsluiting", "NOUN", "obj", 1),
        ("door", "door", "ADP", "case", 5), ("Peru", "Peru", "PROPN", "nmod", 3), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip

    class Resolver:  # the actor layer: *zijn* takes up Chili
        def resolve(self, start, end):
            return "chili" if ctx.text[start:end] == "zijn" else None

    ctx = context(parsed("nl", rows), ACTORS)
    ctx.actor_links = Resolver()
    EventStage()(ctx)
    found = [(e.source, e.target, e.cameo) for e in ctx.record.events]
    assert ("peru", "chili", "163") in found and ("chili", "peru", "163") not in found


def test_a_government_owned_by_a_person_stands_for_the_persons_state():
    # Polen steunt het regime van Jansen , uit Chili .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("steunt", "steunen", "VERB", "ROOT", 1),
        ("het", "het", "DET", "det", 3), ("regime", "regime", "NOUN", "obj", 1),
        ("van", "van", "ADP", "case", 5), ("Jansen", "Jansen", "PROPN", "nmod", 3),
        (",", ",", "PUNCT", "punct", 8), ("uit", "uit", "ADP", "case", 8),
        ("Chili", "Chili", "PROPN", "nmod", 5), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    ctx = context(parsed("nl", rows), ACTORS)
    for actor in ctx.record.actors:
        actor.country = "CHL" if actor.id in ("jansen", "chili") else actor.country
    EventStage()(ctx)
    assert [(e.source, e.target, e.cameo) for e in ctx.record.events] == [("polen", "chili", "051")]


def test_going_to_a_state_is_a_visit():
    # Polen gaat morgen naar Chili .
    found, _ = run([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("gaat", "gaan", "VERB", "ROOT", 1),
        ("morgen", "morgen", "ADV", "advmod", 1), ("naar", "naar", "ADP", "case", 4),
        ("Chili", "Chili", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found == [("polen", "chili", "042")]


def test_with_the_help_of_a_giver_the_giver_aids_the_subject():
    # Met hulp van Peru vluchtte Jansen naar Chili .
    found, _ = run([
        ("Met", "met", "ADP", "case", 1), ("hulp", "hulp", "NOUN", "obl", 4),
        ("van", "van", "ADP", "case", 3), ("Peru", "Peru", "PROPN", "nmod", 1),
        ("vluchtte", "vluchten", "VERB", "ROOT", 4), ("Jansen", "Jansen", "PROPN", "nsubj", 4),
        ("naar", "naar", "ADP", "case", 7), ("Chili", "Chili", "PROPN", "obl", 4), (".", ".", "PUNCT", "punct", 4),
    ])  # fmt: skip
    assert ("peru", "jansen", "070") in found


def test_meeting_criticism_from_someone_is_their_disapproval():
    # Het plan van Polen stuit op kritiek van Chili .
    found, _ = run([
        ("Het", "het", "DET", "det", 1), ("plan", "plan", "NOUN", "nsubj", 4),
        ("van", "van", "ADP", "case", 3), ("Polen", "Polen", "PROPN", "nmod", 1),
        ("stuit", "stuiten", "VERB", "ROOT", 4), ("op", "op", "ADP", "case", 6),
        ("kritiek", "kritiek", "NOUN", "obl", 4), ("van", "van", "ADP", "case", 8),
        ("Chili", "Chili", "PROPN", "nmod", 6), (".", ".", "PUNCT", "punct", 4),
    ])  # fmt: skip
    assert ("chili", "polen", "111") in found


def test_banning_trade_with_a_state_is_an_embargo():
    # Peru verbood de export naar Chili .
    found, _ = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("verbood", "verbieden", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("export", "export", "NOUN", "obj", 1),
        ("naar", "naar", "ADP", "case", 5), ("Chili", "Chili", "PROPN", "nmod", 3), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found == [("peru", "chili", "163")]


def test_between_equally_long_patterns_the_verbs_own_preposition_decides():
    # Chile spoke with Peru about the rights of workers .   (speak with: 046; the nested "of" is not speak of)
    rows = [
        ("Chile", "Chile", "PROPN", "nsubj", 1), ("spoke", "speak", "VERB", "ROOT", 1),
        ("with", "with", "ADP", "prep", 1), ("Peru", "Peru", "PROPN", "pobj", 2),
        ("about", "about", "ADP", "prep", 1), ("the", "the", "DET", "det", 6),
        ("rights", "right", "NOUN", "pobj", 4), ("of", "of", "ADP", "prep", 6),
        ("workers", "worker", "NOUN", "pobj", 7), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found, _ = run(rows, actors={"Chile": ("chile", "state"), "Peru": ("peru", "state")}, lang="en")
    assert found == [("chile", "peru", "046")]


def test_what_the_act_moves_is_no_target():
    # Peru stuurt troepen naar Chili .   (troepen: named by the row sturen + troepen, so the theme)
    found, _ = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("stuurt", "sturen", "VERB", "ROOT", 1),
        ("troepen", "troep", "NOUN", "obj", 1), ("naar", "naar", "ADP", "case", 4),
        ("Chili", "Chili", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
    ], actors={**ACTORS, "troepen": ("peruvian_troops", "group")})  # fmt: skip
    assert found == [("peru", "chili", "074")]


def test_sanctioning_is_an_embargo_in_english():
    # The Union sanctioned Chile .
    rows = [
        ("The", "the", "DET", "det", 1), ("Union", "Union", "PROPN", "nsubj", 2),
        ("sanctioned", "sanction", "VERB", "ROOT", 2), ("Chile", "Chile", "PROPN", "dobj", 2),
        (".", ".", "PUNCT", "punct", 2),
    ]  # fmt: skip
    found, _ = run(rows, actors={"Union": ("eu", "organisation"), "Chile": ("chile", "state")}, lang="en")
    assert found == [("eu", "chile", "163")]


def test_both_members_of_zowel_als_act_when_the_parser_hangs_the_second_on_the_first():
    # Zowel Polen als Chili veroordelen Peru .
    found, _ = run([
        ("Zowel", "zowel", "ADV", "cc:preconj", 1), ("Polen", "Polen", "PROPN", "nsubj", 4),
        ("als", "als", "SCONJ", "mark", 3), ("Chili", "Chili", "PROPN", "nmod", 1),
        ("veroordelen", "veroordelen", "VERB", "ROOT", 4), ("Peru", "Peru", "PROPN", "obj", 4),
        (".", ".", "PUNCT", "punct", 4),
    ])  # fmt: skip
    assert sorted(found) == [("chili", "peru", "111"), ("polen", "peru", "111")]


def test_a_plural_pronoun_takes_up_examples_of_a_subject_the_parser_made_the_root():
    # Veel landen , zoals Polen en Chili . Zij steunen Rusland .   (a fragment: landen is the root)
    first = [
        ("Veel", "veel", "DET", "det", 1), ("landen", "land", "NOUN", "ROOT", 1),
        (",", ",", "PUNCT", "punct", 4), ("zoals", "zoals", "SCONJ", "mark", 4),
        ("Polen", "Polen", "PROPN", "nmod", 1), ("en", "en", "CCONJ", "cc", 6),
        ("Chili", "Chili", "PROPN", "conj", 4), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    ctx = context(two_sentences(first, SENTENCE_TWO, PLURALS), ACTORS)
    EventStage()(ctx)
    found = sorted((e.source, e.target, e.cameo) for e in ctx.record.events)
    assert found == [("chili", "russia", "051"), ("polen", "russia", "051")]


def test_a_hyphenated_government_of_a_person_stands_for_the_persons_state():
    # Polen steunt het Jansen-regime .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("steunt", "steunen", "VERB", "ROOT", 1),
        ("het", "het", "DET", "det", 3), ("Jansen-regime", "Jansen-regime", "NOUN", "obj", 1),
        (".", ".", "PUNCT", "punct", 1), ("Chili", "Chili", "PROPN", "ROOT", 5),
    ]  # fmt: skip
    ctx = context(parsed("nl", rows), {**ACTORS, "Jansen-regime": ("jansen", "person")})
    for actor in ctx.record.actors:
        actor.country = "CHL" if actor.id in ("jansen", "chili") else actor.country
    EventStage()(ctx)
    assert [(e.source, e.target, e.cameo) for e in ctx.record.events] == [("polen", "chili", "051")]


def test_a_hyphenated_pair_of_parties_on_an_event_noun_gives_both_directions():
    # De Pools-Chileense handelsoorlog duurt . Poolse en Chileense boeren zwijgen .
    rows = [
        ("De", "de", "DET", "det", 2), ("Pools-Chileense", "Pools-Chileens", "ADJ", "amod", 2),
        ("handelsoorlog", "handelsoorlog", "NOUN", "nsubj", 3), ("duurt", "duren", "VERB", "ROOT", 3),
        (".", ".", "PUNCT", "punct", 3), ("Poolse", "Pools", "ADJ", "amod", 8),
        ("en", "en", "CCONJ", "cc", 7), ("Chileense", "Chileens", "ADJ", "conj", 5),
        ("boeren", "boer", "NOUN", "ROOT", 8),
    ]  # fmt: skip
    ctx = context(parsed("nl", rows), {"Poolse": ("polen", "state"), "Chileense": ("chili", "state")})
    for actor in ctx.record.actors:  # the actor layer marks the words, not the hyphenated pair
        actor.mentions = [m for m in actor.mentions if m.start > 20]
    EventStage()(ctx)
    found = sorted((e.source, e.target, e.cameo) for e in ctx.record.events)
    assert found == [("chili", "polen", "163"), ("polen", "chili", "163")]


def test_a_noun_joined_to_an_irregular_verb_keeps_the_verbs_infinitive():
    from powermap.extract.events.morphology import verb_candidates

    assert "zakendoen" in verb_candidates("zakendoet", "nl")
    assert "bestaan" in verb_candidates("bestaat", "nl")


def test_the_first_person_in_a_direct_quote_is_its_speaker():
    # " Ik veroordeel Peru " , zegt Jansen .
    from powermap.records import Quote

    rows = [
        ('"', '"', "PUNCT", "punct", 2), ("Ik", "ik", "PRON", "nsubj", 2),
        ("veroordeel", "veroordelen", "VERB", "ccomp", 7), ("Peru", "Peru", "PROPN", "obj", 2),
        ('"', '"', "PUNCT", "punct", 2), (",", ",", "PUNCT", "punct", 7), ("zegt", "zeggen", "VERB", "ROOT", 6),
        ("Jansen", "Jansen", "PROPN", "nsubj", 6), (".", ".", "PUNCT", "punct", 6),
    ]  # fmt: skip
    ctx = context(parsed("nl", rows), ACTORS)
    text = ctx.text
    ctx.record.quotes.append(
        Quote(text=text[: text.index(",")], start=0, end=text.index(","), speaker="jansen", kind="direct")
    )
    EventStage()(ctx)
    assert [(e.source, e.target, e.cameo) for e in ctx.record.events] == [("jansen", "peru", "111")]


def test_coordinated_subjects_of_a_symmetric_predicate_act_on_each_other():
    # Polen en Chili twisten .
    found, _ = run([
        ("Polen", "Polen", "PROPN", "nsubj", 3), ("en", "en", "CCONJ", "cc", 2),
        ("Chili", "Chili", "PROPN", "conj", 0), ("twisten", "twisten", "VERB", "ROOT", 3),
        (".", ".", "PUNCT", "punct", 3),
    ])  # fmt: skip
    assert sorted(found) == [("chili", "polen", "110"), ("polen", "chili", "110")]


def test_levies_on_a_party_are_sanctions():
    # De heffingen van Peru op Chili stijgen .
    found, _ = run([
        ("De", "de", "DET", "det", 1), ("heffingen", "heffing", "NOUN", "nsubj", 6),
        ("van", "van", "ADP", "case", 3), ("Peru", "Peru", "PROPN", "nmod", 1),
        ("op", "op", "ADP", "case", 5), ("Chili", "Chili", "PROPN", "nmod", 1),
        ("stijgen", "stijgen", "VERB", "ROOT", 6), (".", ".", "PUNCT", "punct", 6),
    ])  # fmt: skip
    assert found == [("peru", "chili", "163")]


def test_a_description_in_apposition_to_a_named_person_is_that_person():
    # Jansen , een Peruaanse ondernemer die met Chili handelt , ...   (die: Jansen, not Peru)
    found, _ = run([
        ("Jansen", "Jansen", "PROPN", "ROOT", 0), (",", ",", "PUNCT", "punct", 4),
        ("een", "een", "DET", "det", 4), ("Peruaanse", "Peruaans", "ADJ", "amod", 4),
        ("ondernemer", "ondernemer", "NOUN", "appos", 0), ("die", "die", "PRON", "nsubj", 8),
        ("met", "met", "ADP", "case", 7), ("Chili", "Chili", "PROPN", "obl", 8),
        ("handelt", "handelen", "VERB", "acl:relcl", 4), (".", ".", "PUNCT", "punct", 0),
    ], actors={**ACTORS, "Peruaanse": ("peru", "state")})  # fmt: skip
    assert found == [("jansen", "chili", "061")]
