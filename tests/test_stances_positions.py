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
    assert found == [("polen", "de nieuwe grenswet van rusland", False)]
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
    assert [(actor, concept) for actor, concept, _ in found] == [("jansen", "de boeren")]


def test_positions_label_cuts_relative_clauses():
    # Polen steunt het plan dat Rusland afwijst .
    found, _ = stances_for([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("steunt", "steunen", "VERB", "ROOT", 1),
        ("het", "het", "DET", "det", 3), ("plan", "plan", "NOUN", "obj", 1),
        ("dat", "dat", "PRON", "obj", 6), ("Rusland", "Rusland", "PROPN", "nsubj", 6),
        ("afwijst", "afwijzen", "VERB", "acl:relcl", 3), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert ("polen", "het plan", True) in found
    assert ("russia", "het plan", False) in found
