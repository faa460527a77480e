"""stances.v1 positions: labels are phrases of the text, never event code names; stance verbs,
prepositional verbs and evaluative nouns with their holders."""

from __future__ import annotations

from powermap.codebooks import lookup
from powermap.extract.events import EventStage
from powermap.extract.stances import StanceStage
from powermap.records import Quote

from .events_fixtures import context, parsed

ACTORS = {"Polen": ("polen", "state"), "Rusland": ("russia", "state"), "Jansen": ("jansen", "person")}


def stances_for(rows, quotes=(), language="nl"):
    ctx = context(parsed(language, rows), ACTORS)
    ctx.record.quotes.extend(quotes)
    EventStage()(ctx)
    StanceStage()(ctx)
    return [(s.actor, s.concept, s.agree) for s in ctx.record.stances], ctx


def test_positions_event_label_is_its_object_not_the_code_name():
    # Polen veroordeelt de nieuwe grenswet van Rusland .
    found, ctx = stances_for([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("veroordeelt", "veroordelen", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 4), ("nieuwe", "nieuw", "ADJ", "amod", 4),
        ("grenswet", "grenswet", "NOUN", "obj", 1), ("van", "van", "ADP", "case", 6),
        ("Rusland", "Rusland", "PROPN", "nmod", 4), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    names = {code.name.lower() for e in ctx.record.events if (code := lookup(e.cameo))}
    assert found == [("polen", "nieuwe grenswet van rusland", False)]
    assert not {concept for _, concept, _ in found} & names


def test_positions_quote_label_is_what_the_quote_argues_about():
    # De heffingen schaden de boeren , zegt Jansen .   (quote: De heffingen schaden de boeren)
    rows = [
        ("De", "de", "DET", "det", 1), ("heffingen", "heffing", "NOUN", "nsubj", 2),
        ("schaden", "schaden", "VERB", "ccomp", 7), ("de", "de", "DET", "det", 4),
        ("boeren", "boer", "NOUN", "obj", 2), (",", ",", "PUNCT", "punct", 6),
        ("zegt", "zeggen", "VERB", "ROOT", 6), ("Jansen", "Jansen", "PROPN", "nsubj", 6),
        (".", ".", "PUNCT", "punct", 6),
    ]  # fmt: skip
    quote = Quote("De heffingen schaden de boeren", 0, 30, "jansen", "direct", "zegt")
    found, _ = stances_for(rows, [quote])
    assert [(actor, concept) for actor, concept, _ in found] == [("jansen", "boeren")]


def test_positions_label_cuts_relative_clauses():
    # Polen steunt het plan dat Rusland afwijst .
    found, _ = stances_for([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("steunt", "steunen", "VERB", "ROOT", 1),
        ("het", "het", "DET", "det", 3), ("plan", "plan", "NOUN", "obj", 1),
        ("dat", "dat", "PRON", "obj", 6), ("Rusland", "Rusland", "PROPN", "nsubj", 6),
        ("afwijst", "afwijzen", "VERB", "acl:relcl", 3), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert ("polen", "plan", True) in found
    assert ("russia", "plan", False) in found


def test_positions_prepositional_stance_verb_in_english():
    # Poland called for new talks .   (*call for*: a cue written as verb + preposition)
    rows = [
        ("Poland", "Poland", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
        ("for", "for", "ADP", "case", 4), ("new", "new", "ADJ", "amod", 4),
        ("talks", "talk", "NOUN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    ctx = context(parsed("en", rows), {"Poland": ("polen", "state")})
    StanceStage()(ctx)
    assert [(s.actor, s.concept, s.agree) for s in ctx.record.stances] == [("polen", "new talks", True)]


def test_positions_bare_call_is_no_stance():
    # Poland called the envoy .   (*call* without *for* / *on* takes no position)
    rows = [
        ("Poland", "Poland", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3), ("envoy", "envoy", "NOUN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    ctx = context(parsed("en", rows), {"Poland": ("polen", "state")})
    StanceStage()(ctx)
    assert ctx.record.stances == []


def test_positions_dutch_appeal_with_separable_particle():
    # Polen roept op tot nieuwe gesprekken .   (*oproepen tot*)
    found, _ = stances_for([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("roept", "roepen", "VERB", "ROOT", 1),
        ("op", "op", "ADP", "compound:prt", 1), ("tot", "tot", "ADP", "case", 5),
        ("nieuwe", "nieuw", "ADJ", "amod", 5), ("gesprekken", "gesprek", "NOUN", "obl", 1),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found == [("polen", "nieuwe gesprekken", True)]


def test_positions_sceptical_stance_is_disagreement():
    # Polen staat sceptisch tegenover het plan .
    found, _ = stances_for([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("staat", "staan", "VERB", "ROOT", 1),
        ("sceptisch", "sceptisch", "ADJ", "xcomp", 1), ("tegenover", "tegenover", "ADP", "case", 5),
        ("het", "het", "DET", "det", 5), ("plan", "plan", "NOUN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found == [("polen", "plan", False)]


def test_positions_evaluative_noun_after_a_light_verb():
    # Polen uitte kritiek op het plan .
    found, _ = stances_for([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("uitte", "uiten", "VERB", "ROOT", 1),
        ("kritiek", "kritiek", "NOUN", "obj", 1), ("op", "op", "ADP", "case", 5),
        ("het", "het", "DET", "det", 5), ("plan", "plan", "NOUN", "nmod", 2), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found == [("polen", "plan", False)]  # what the criticism is about, not the criticism


def test_positions_evaluation_received_is_held_by_its_holder_phrase():
    # Jansen kreeg steun van Polen voor het plan .
    found, _ = stances_for([
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("kreeg", "krijgen", "VERB", "ROOT", 1),
        ("steun", "steun", "NOUN", "obj", 1), ("van", "van", "ADP", "case", 4),
        ("Polen", "Polen", "PROPN", "nmod", 2), ("voor", "voor", "ADP", "case", 7),
        ("het", "het", "DET", "det", 7), ("plan", "plan", "NOUN", "nmod", 2), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert [(actor, agree) for actor, _, agree in found] == [("polen", True)]  # not Jansen


def test_positions_threatening_an_action_is_for_the_action():
    # Polen dreigt nieuwe heffingen in te voeren .
    found, ctx = stances_for([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("dreigt", "dreigen", "VERB", "ROOT", 1),
        ("nieuwe", "nieuw", "ADJ", "amod", 3), ("heffingen", "heffing", "NOUN", "obj", 6),
        ("in", "in", "ADP", "compound:prt", 6), ("te", "te", "ADP", "mark", 6),
        ("voeren", "voeren", "VERB", "xcomp", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert [e.cameo[:2] for e in ctx.record.events] == ["13"]
    assert [(actor, agree) for actor, _, agree in found] == [("polen", True)]


def test_positions_bare_threat_is_against_its_target():
    # Polen bedreigt Rusland .
    found, ctx = stances_for([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("bedreigt", "bedreigen", "VERB", "ROOT", 1),
        ("Rusland", "Rusland", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert [e.cameo[:2] for e in ctx.record.events] == ["13"]
    assert found == [("polen", "rusland", False)]
