"""stances.v1 sources: appeals and demands, deals between two, two stance verbs in one
sentence, English prepositional stance verbs (ClearNLP parses)."""

from __future__ import annotations

from powermap.extract.stances import StanceStage
from powermap.records import Event, Quote

from .events_fixtures import context, parsed

ACTORS = {
    "Polen": ("polen", "state"),
    "Rusland": ("russia", "state"),
    "Poland": ("polen", "state"),
    "Norway": ("norway", "state"),
}


def run(rows, events=(), language="nl"):
    """The stances of one hand-parsed sentence with the given (source, cameo, target) events."""
    ctx = context(parsed(language, rows), ACTORS)
    text = ctx.text
    for source, cameo, target in events:
        ctx.record.events.append(Event(source, target, cameo, None, None, text, 0, len(text)))
    ctx.event_clauses = [(0, len(text))] * len(events)
    ctx.event_reported = [False] * len(events)
    StanceStage()(ctx)
    return [(s.actor, s.concept, s.agree) for s in ctx.record.stances]


APPEAL_TO_STOP = [
    ("Polen", "Polen", "PROPN", "nsubj", 1), ("riep", "roepen", "VERB", "ROOT", 1),
    ("Rusland", "Rusland", "PROPN", "obj", 1), ("op", "op", "ADP", "compound:prt", 1),
    ("de", "de", "DET", "det", 5), ("beschietingen", "beschieting", "NOUN", "obj", 7),
    ("te", "te", "ADP", "mark", 7), ("stoppen", "stoppen", "VERB", "xcomp", 1),
    (".", ".", "PUNCT", "punct", 1),
]  # fmt: skip


def test_an_appeal_to_stop_something_is_a_position_against_it():
    # Polen riep Rusland op de beschietingen te stoppen .
    found = run(APPEAL_TO_STOP, [("polen", "020", "russia")])
    assert [(actor, agree) for actor, _, agree in found] == [("polen", False)]


def test_an_appeal_for_something_is_a_position_for_it():
    # Polen riep Rusland op de gesprekken te hervatten .
    rows = [*APPEAL_TO_STOP[:5], ("gesprekken", "gesprek", "NOUN", "obj", 7), APPEAL_TO_STOP[6],
            ("hervatten", "hervatten", "VERB", "xcomp", 1), APPEAL_TO_STOP[8]]  # fmt: skip
    found = run(rows, [("polen", "020", "russia")])
    assert [(actor, agree) for actor, _, agree in found] == [("polen", True)]


def test_a_harm_word_inside_a_relative_clause_does_not_turn_an_appeal():
    # Polen eiste de vrijlating van boeren die het geweld bestrijden .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("eiste", "eisen", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("vrijlating", "vrijlating", "NOUN", "obj", 1),
        ("van", "van", "ADP", "case", 5), ("boeren", "boer", "NOUN", "nmod", 3),
        ("die", "die", "PRON", "nsubj", 9), ("het", "het", "DET", "det", 8),
        ("geweld", "geweld", "NOUN", "obj", 9), ("bestrijden", "bestrijden", "VERB", "acl:relcl", 5),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found = run(rows, [("polen", "100", None)])
    assert [(actor, agree) for actor, _, agree in found] == [("polen", True)]


def test_a_deal_between_two_is_no_position_of_either():
    # Polen en Rusland sloten een bestand .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 3), ("en", "en", "CCONJ", "cc", 2),
        ("Rusland", "Rusland", "PROPN", "conj", 0), ("sloten", "sluiten", "VERB", "ROOT", 3),
        ("een", "een", "DET", "det", 5), ("bestand", "bestand", "NOUN", "obj", 3),
        (".", ".", "PUNCT", "punct", 3),
    ]  # fmt: skip
    assert run(rows, [("polen", "057", "russia"), ("russia", "057", "polen")]) == []
    # one-sided, the same act is a position of its source
    assert [actor for actor, _, _ in run(rows, [("polen", "057", "russia")])] == ["polen"]


def test_an_appeal_gives_way_to_what_else_its_source_does():
    # Polen riep Rusland op de beschietingen te stoppen .   (coded twice: the appeal and a rejection)
    found = run(APPEAL_TO_STOP, [("polen", "020", "russia"), ("polen", "120", "russia")])
    assert [(actor, agree) for actor, _, agree in found] == [("polen", False)]


def test_two_stance_verbs_give_one_actor_two_positions():
    # Polen verwerpt het geweld en pleit voor een uitweg .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("verwerpt", "verwerpen", "VERB", "ROOT", 1),
        ("het", "het", "DET", "det", 3), ("geweld", "geweld", "NOUN", "obj", 1),
        ("en", "en", "CCONJ", "cc", 5), ("pleit", "pleiten", "VERB", "conj", 1),
        ("voor", "voor", "ADP", "case", 8), ("een", "een", "DET", "det", 8),
        ("uitweg", "uitweg", "NOUN", "obl", 5), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found = run(rows)
    assert ("polen", "geweld", False) in found
    assert ("polen", "uitweg", True) in found


def test_english_prepositional_stance_verb_with_a_clearnlp_parse():
    # Norway called for a ceasefire .   (ClearNLP: the preposition heads its object)
    rows = [
        ("Norway", "Norway", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
        ("for", "for", "ADP", "prep", 1), ("a", "a", "DET", "det", 4),
        ("ceasefire", "ceasefire", "NOUN", "pobj", 2), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run(rows, language="en") == [("norway", "ceasefire", True)]


def test_an_effort_verb_is_a_position_for_what_it_strives_for():
    # Polen probeert de gesprekken te hervatten .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("probeert", "proberen", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("gesprekken", "gesprek", "NOUN", "obj", 5),
        ("te", "te", "ADP", "mark", 5), ("hervatten", "hervatten", "VERB", "xcomp", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert [(actor, agree) for actor, _, agree in run(rows)] == [("polen", True)]
    # Norway seeks a ceasefire .
    rows = [
        ("Norway", "Norway", "PROPN", "nsubj", 1), ("seeks", "seek", "VERB", "ROOT", 1),
        ("a", "a", "DET", "det", 3), ("ceasefire", "ceasefire", "NOUN", "dobj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run(rows, language="en") == [("norway", "ceasefire", True)]


def test_obstructing_is_a_position_against():
    # Polen zit het plan dwars .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("zit", "zitten", "VERB", "ROOT", 1),
        ("het", "het", "DET", "det", 3), ("plan", "plan", "NOUN", "obj", 1),
        ("dwars", "dwars", "ADP", "compound:prt", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run(rows) == [("polen", "plan", False)]


def test_joining_is_a_position_for_what_is_joined():
    # Norway joined the coalition .
    rows = [
        ("Norway", "Norway", "PROPN", "nsubj", 1), ("joined", "join", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3), ("coalition", "coalition", "NOUN", "dobj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run(rows, language="en") == [("norway", "coalition", True)]


def test_a_prepositional_object_marked_as_argument_is_what_the_verb_is_about():
    # Polen pleit voor een bestand .   (the parser marks the phrase obl:arg)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("pleit", "pleiten", "VERB", "ROOT", 1),
        ("voor", "voor", "ADP", "case", 4), ("een", "een", "DET", "det", 4),
        ("bestand", "bestand", "NOUN", "obl:arg", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run(rows) == [("polen", "bestand", True)]


def test_colloquial_negation_turns_a_quoted_position():
    # Met de sancties heeft het niks te maken , zegt Jansen .
    rows = [
        ("Met", "met", "ADP", "case", 2), ("de", "de", "DET", "det", 2),
        ("sancties", "sanctie", "NOUN", "obl", 7), ("heeft", "hebben", "AUX", "aux", 7),
        ("het", "het", "PRON", "nsubj", 7), ("niks", "niks", "PRON", "obj", 7),
        ("te", "te", "ADP", "mark", 7), ("maken", "maken", "VERB", "ccomp", 9),
        (",", ",", "PUNCT", "punct", 9), ("zegt", "zeggen", "VERB", "ROOT", 9),
        ("Jansen", "Jansen", "PROPN", "nsubj", 9), (".", ".", "PUNCT", "punct", 9),
    ]  # fmt: skip
    ctx = context(parsed("nl", rows), {"Jansen": ("jansen", "person")})
    text = ctx.text
    said = text.index(",")
    ctx.record.quotes.append(Quote(text[:said], 0, said, "jansen", "indirect", "zegt"))
    ctx.event_clauses, ctx.event_reported = [], []
    StanceStage()(ctx)
    assert [(s.actor, s.agree) for s in ctx.record.stances] == [("jansen", False)]


def test_a_stance_participle_modifying_a_noun_is_held_by_its_agent():
    # Polen bewondert de door Rusland gesteunde regering .   (Rusland holds: for the government)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("bewondert", "bewonderen", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 7), ("door", "door", "ADP", "case", 4),
        ("Rusland", "Rusland", "PROPN", "obl", 5), ("gesteunde", "steunen", "VERB", "acl", 6),
        ("regering", "regering", "NOUN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    rows[2] = ("de", "de", "DET", "det", 6)
    assert run(rows) == [("russia", "regering", True)]


def test_announcing_a_measure_is_a_position_for_it():
    # Norway announced a new pipeline .
    rows = [
        ("Norway", "Norway", "PROPN", "nsubj", 1), ("announced", "announce", "VERB", "ROOT", 1),
        ("a", "a", "DET", "det", 4), ("new", "new", "ADJ", "amod", 4),
        ("pipeline", "pipeline", "NOUN", "dobj", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run(rows, language="en") == [("norway", "new pipeline", True)]


def test_taking_care_is_no_worry():
    # Polen zorgt voor de handel .   (zorgen voor: to see to it; the noun zorg is a worry)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("zorgt", "zorgen", "VERB", "ROOT", 1),
        ("voor", "voor", "ADP", "case", 4), ("de", "de", "DET", "det", 4),
        ("handel", "handel", "NOUN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run(rows) == []


def test_an_actor_named_inside_the_holder_phrase_does_not_hold():
    # Partijgenoten van Jansen steunen het plan .
    rows = [
        ("Partijgenoten", "partijgenoot", "NOUN", "nsubj", 3), ("van", "van", "ADP", "case", 2),
        ("Jansen", "Jansen", "PROPN", "nmod", 0), ("steunen", "steunen", "VERB", "ROOT", 3),
        ("het", "het", "DET", "det", 5), ("plan", "plan", "NOUN", "obj", 3),
        (".", ".", "PUNCT", "punct", 3),
    ]  # fmt: skip
    ctx = context(parsed("nl", rows), {"Jansen": ("jansen", "person")})
    ctx.event_clauses, ctx.event_reported = [], []
    StanceStage()(ctx)
    assert ctx.record.stances == []


def test_an_obstructive_word_turns_a_quoted_position():
    # De heffingen zitten de boeren dwars , zegt Jansen .
    rows = [
        ("De", "de", "DET", "det", 1), ("heffingen", "heffing", "NOUN", "nsubj", 2),
        ("zitten", "zitten", "VERB", "ccomp", 7), ("de", "de", "DET", "det", 4),
        ("boeren", "boer", "NOUN", "obj", 2), ("dwars", "dwars", "ADJ", "advmod", 2),
        (",", ",", "PUNCT", "punct", 7), ("zegt", "zeggen", "VERB", "ROOT", 7),
        ("Jansen", "Jansen", "PROPN", "nsubj", 7), (".", ".", "PUNCT", "punct", 7),
    ]  # fmt: skip
    ctx = context(parsed("nl", rows), {"Jansen": ("jansen", "person")})
    said = ctx.text.index(",")
    ctx.record.quotes.append(Quote(ctx.text[:said], 0, said, "jansen", "indirect", "zegt"))
    ctx.event_clauses, ctx.event_reported = [], []
    StanceStage()(ctx)
    assert [(s.actor, s.agree) for s in ctx.record.stances] == [("jansen", False)]


def test_a_place_read_as_a_speaker_holds_no_position():
    # De heffingen schaden de boeren , zegt Lissabon .   (a quote the quote stage gave to a place)
    rows = [
        ("De", "de", "DET", "det", 1), ("heffingen", "heffing", "NOUN", "nsubj", 2),
        ("schaden", "schaden", "VERB", "ccomp", 6), ("de", "de", "DET", "det", 4),
        ("boeren", "boer", "NOUN", "obj", 2), (",", ",", "PUNCT", "punct", 6),
        ("zegt", "zeggen", "VERB", "ROOT", 6), ("Lissabon", "Lissabon", "PROPN", "nsubj", 6),
        (".", ".", "PUNCT", "punct", 6),
    ]  # fmt: skip
    for kind, found in (("place", []), ("state", [("lissabon", True)])):
        ctx = context(parsed("nl", rows), {"Lissabon": ("lissabon", kind)})
        said = ctx.text.index(",")
        ctx.record.quotes.append(Quote(ctx.text[:said], 0, said, "lissabon", "indirect", "zegt"))
        ctx.event_clauses, ctx.event_reported = [], []
        StanceStage()(ctx)
        assert [(s.actor, s.agree) for s in ctx.record.stances] == found


def test_a_concept_about_one_country_does_not_label_another():
    # Polen steunt sancties tegen Iran .   /   Polen steunt sancties tegen Rusland .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("steunt", "steunen", "VERB", "ROOT", 1),
        ("sancties", "sanctie", "NOUN", "obj", 1), ("tegen", "tegen", "ADP", "case", 4),
        ("Iran", "Iran", "PROPN", "nmod", 2), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run(rows) == [("polen", "sancties tegen iran", True)]
    rows[4] = ("Rusland", "Rusland", "PROPN", "nmod", 2)
    assert run(rows) == [("polen", "sanctions against Russia", True)]


def test_justifying_is_for_and_declining_is_against():
    # Norway justified the ban .   /   Norway declined the offer .
    rows = [
        ("Norway", "Norway", "PROPN", "nsubj", 1), ("justified", "justify", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3), ("ban", "ban", "NOUN", "dobj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run(rows, language="en") == [("norway", "ban", True)]
    rows[1], rows[3] = ("declined", "decline", "VERB", "ROOT", 1), ("offer", "offer", "NOUN", "dobj", 1)
    assert run(rows, language="en") == [("norway", "offer", False)]


def test_a_protest_is_a_position_against():
    # Polen protesteert tegen de grenswet .   (coded 141: demonstrate or rally)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("protesteert", "protesteren", "VERB", "ROOT", 1),
        ("tegen", "tegen", "ADP", "case", 4), ("de", "de", "DET", "det", 4),
        ("grenswet", "grenswet", "NOUN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert run(rows, [("polen", "141", None)]) == [("polen", "grenswet", False)]
